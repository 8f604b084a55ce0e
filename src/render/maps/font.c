/* font.c — the maps' CJK faces (regular and bold) as font files for
 * FreeType: "Noto Sans CJK SC" first, then any font for zh-cn, looked up once
 * through the lookup the album shares (render/cjkfont.h). */
#include "maps_int.h"
#include "../cjkfont.h"
#include "../../base/alloc.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int looked_up;
static mp_font faces[2];     /* regular, bold */

/* The match for pattern in cfg into *out: 0, or -1 if there is none. */
static int match(FcConfig *cfg, const char *pattern, mp_font *out)
{
    hc_cjk_face f;
    if (hc_cjk_match(cfg, pattern, NULL, &f) != 0) return -1;
    out->path = f.path;
    out->index = f.index;
    return 0;
}

/* A private configuration, dropped once the two files are known: the maps
 * keep no fontconfig state (and leave none for leak checkers to report). */
static void look_up(void)
{
    if (looked_up) return;
    looked_up = 1;
    FcConfig *cfg = FcInitLoadConfigAndFonts();
    if (!cfg) return;
    if (match(cfg, HC_CJK_SANS ":style=Regular", &faces[0]) == 0 || match(cfg, ":lang=zh-cn", &faces[0]) == 0) {
        if (match(cfg, HC_CJK_SANS ":weight=bold", &faces[1]) != 0) {
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
                 "no CJK font found for map labels (wanted \"" HC_CJK_SANS "\"): " HC_CJK_INSTALL);
    return f;
}

const mp_font *mp_face(int bold)
{
    pthread_mutex_lock(&lock);
    look_up();
    const mp_font *f = faces[0].path ? &faces[bold ? 1 : 0] : NULL;
    pthread_mutex_unlock(&lock);
    return f;
}

void hc_maps_shutdown(void)
{
    mp_text_shutdown();
    pthread_mutex_lock(&lock);
    for (int i = 0; i < 2; i++) {
        free(faces[i].path);
        faces[i].path = NULL;
    }
    looked_up = 0;
    pthread_mutex_unlock(&lock);
}
