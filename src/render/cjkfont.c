/* cjkfont.c — see cjkfont.h. */
#include "cjkfont.h"
#include "../base/alloc.h"
#include <string.h>

#define PROBE 0x515A   /* 党 */

/* Is family one of the names of the matched pattern m? */
static int has_family(FcPattern *m, const char *family)
{
    FcChar8 *got;
    for (int i = 0; FcPatternGetString(m, FC_FAMILY, i, &got) == FcResultMatch; i++)
        if (strcmp((const char *)got, family) == 0) return 1;
    return 0;
}

int hc_cjk_match(FcConfig *cfg, const char *pattern, const char *family, hc_cjk_face *out)
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
    if (FcPatternGetString(m, FC_FILE, 0, &file) != FcResultMatch ||
        FcPatternGetCharSet(m, FC_CHARSET, 0, &have) != FcResultMatch || !FcCharSetHasChar(have, PROBE))
        goto out;
    if (family && !has_family(m, family)) goto out;
    if (out) {
        if (FcPatternGetInteger(m, FC_INDEX, 0, &index) != FcResultMatch) index = 0;
        out->path = hc_xstrdup((const char *)file);
        out->index = index;
    }
    rc = 0;
out:
    FcPatternDestroy(m);
    return rc;
}
