/* font.c — finding a CJK font through fontconfig: "Noto Sans CJK SC" first,
 * then any font for zh-cn; either must really hold Chinese (U+515A 党). The
 * face index matters: Debian's NotoSansCJK-Regular.ttc holds the JP face
 * first and the SC face third, and the SC face draws Chinese forms. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define FAMILY "Noto Sans CJK SC"
#define PROBE 0x515A   /* 党 */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int looked_up;
static hc_font faces[2];     /* regular, bold */

/* The best match for pattern text in cfg if it covers PROBE: 0 and *out filled. */
static int match(FcConfig *cfg, const char *pattern, hc_font *out)
{
    int rc = -1;
    FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
    if (!pat) return -1;
    FcCharSet *cs = FcCharSetCreate();
    FcCharSetAddChar(cs, PROBE);
    FcPatternAddCharSet(pat, FC_CHARSET, cs);
    FcCharSetDestroy(cs);
    FcConfigSubstitute(cfg, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *m = FcFontMatch(cfg, pat, &res);
    FcPatternDestroy(pat);
    if (!m) return -1;
    FcChar8 *file = NULL;
    FcCharSet *have = NULL;
    int index = 0;
    if (FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch &&
        FcPatternGetCharSet(m, FC_CHARSET, 0, &have) == FcResultMatch && FcCharSetHasChar(have, PROBE)) {
        if (FcPatternGetInteger(m, FC_INDEX, 0, &index) != FcResultMatch) index = 0;
        out->path = hc_xstrdup((const char *)file);
        out->index = index;
        rc = 0;
    }
    FcPatternDestroy(m);
    return rc;
}

/* A private configuration, dropped once the two files are known: the maps
 * keep no fontconfig state (and leave none for leak checkers to report). */
static void look_up(void)
{
    if (looked_up) return;
    looked_up = 1;
    FcConfig *cfg = FcInitLoadConfigAndFonts();
    if (!cfg) return;
    if (match(cfg, FAMILY ":style=Regular", &faces[0]) == 0 || match(cfg, ":lang=zh-cn", &faces[0]) == 0) {
        if (match(cfg, FAMILY ":weight=bold", &faces[1]) != 0) {
            faces[1].path = hc_xstrdup(faces[0].path);
            faces[1].index = faces[0].index;
        }
        faces[0].id = 0;
        faces[1].id = 1;
    }
    FcConfigDestroy(cfg);
}

const char *hc_maps_font(hc_diags *d)
{
    pthread_mutex_lock(&lock);
    look_up();
    const char *f = faces[0].path;
    pthread_mutex_unlock(&lock);
    if (!f && d)
        hc_error(d, "font", "fontconfig", 0, 0,
                 "no CJK font found for map labels (wanted \"" FAMILY "\"): install the Debian package "
                 "fonts-noto-cjk (apt-get install fonts-noto-cjk)");
    return f;
}

const hc_font *hc_maps_face(int bold)
{
    pthread_mutex_lock(&lock);
    look_up();
    const hc_font *f = faces[0].path ? &faces[bold ? 1 : 0] : NULL;
    pthread_mutex_unlock(&lock);
    return f;
}

void hc_maps_shutdown(void)
{
    hc_text_shutdown();
    pthread_mutex_lock(&lock);
    for (int i = 0; i < 2; i++) {
        free(faces[i].path);
        faces[i].path = NULL;
    }
    looked_up = 0;
    pthread_mutex_unlock(&lock);
}
