/* font.c — finding a CJK font through fontconfig: "Noto Sans CJK SC" first,
 * then any font for zh-cn; either must really hold Chinese (U+515A 党). */
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
static char *regular, *bold;

/* The file of the best match for pattern text if it covers PROBE; malloc'd or NULL. */
static char *match(const char *pattern)
{
    char *out = NULL;
    FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
    if (!pat) return NULL;
    FcCharSet *cs = FcCharSetCreate();
    FcCharSetAddChar(cs, PROBE);
    FcPatternAddCharSet(pat, FC_CHARSET, cs);
    FcCharSetDestroy(cs);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *m = FcFontMatch(NULL, pat, &res);
    FcPatternDestroy(pat);
    if (!m) return NULL;
    FcChar8 *file = NULL;
    FcCharSet *have = NULL;
    if (FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch &&
        FcPatternGetCharSet(m, FC_CHARSET, 0, &have) == FcResultMatch && FcCharSetHasChar(have, PROBE))
        out = hc_xstrdup((const char *)file);
    FcPatternDestroy(m);
    return out;
}

static void look_up(void)
{
    if (looked_up) return;
    looked_up = 1;
    if (!FcInit()) return;
    regular = match(FAMILY ":style=Regular");
    if (!regular) regular = match(":lang=zh-cn");
    if (!regular) return;
    bold = match(FAMILY ":weight=bold");
    if (!bold) bold = hc_xstrdup(regular);
}

const char *hc_maps_font(hc_diags *d)
{
    pthread_mutex_lock(&lock);
    look_up();
    const char *f = regular;
    pthread_mutex_unlock(&lock);
    if (!f && d)
        hc_error(d, "font", "fontconfig", 0, 0,
                 "no CJK font found for map labels (wanted \"" FAMILY "\"): install the Debian package "
                 "fonts-noto-cjk (apt-get install fonts-noto-cjk)");
    return f;
}

const char *hc_maps_font_bold(void)
{
    pthread_mutex_lock(&lock);
    look_up();
    const char *f = bold;
    pthread_mutex_unlock(&lock);
    return f;
}

void hc_maps_shutdown(void)
{
    gdFontCacheShutdown();
    pthread_mutex_lock(&lock);
    free(regular);
    free(bold);
    regular = bold = NULL;
    looked_up = 0;
    pthread_mutex_unlock(&lock);
}
