/* cjkfont.h — the one fontconfig lookup for the CJK faces, shared by the maps
 * (which need a font file and face index for libgd/FreeType) and the album
 * (which needs to know a family is there before naming it to pango).
 *
 * A face counts only if it really holds Chinese: the probe is U+515A 党.
 * Every message about a missing font names the Debian package through
 * HC_CJK_INSTALL, so the maps and the album give the same advice. */
#ifndef HC_CJKFONT_H
#define HC_CJKFONT_H
#include <fontconfig/fontconfig.h>

#define HC_CJK_SANS  "Noto Sans CJK SC"
#define HC_CJK_SERIF "Noto Serif CJK SC"
#define HC_CJK_MONO  "Noto Sans Mono CJK SC"
#define HC_CJK_INSTALL "install the Debian package fonts-noto-cjk (apt-get install fonts-noto-cjk)"

typedef struct {
    char *path;   /* font file; the caller's (free) */
    int index;    /* face in a collection: NotoSansCJK-Regular.ttc holds the
                     JP face first and the SC face third */
} hc_cjk_face;

/* The best match in cfg (NULL: fontconfig's current configuration) for the
 * fontconfig pattern text (e.g. HC_CJK_SANS ":weight=bold", ":lang=zh-cn"),
 * kept only if it covers the probe character and, when family is not NULL,
 * is that family exactly (one of its names). Returns 0, and fills *out when
 * out is not NULL; -1 when there is no such face (*out untouched). */
int hc_cjk_match(FcConfig *cfg, const char *pattern, const char *family, hc_cjk_face *out);

#endif
