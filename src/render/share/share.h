/* share.h — what a page looks like when it is shared (WeChat, Weibo, QQ,
 * link previews): the 1200×630 share images and the favicon set.
 *
 * Stage order: load → model → images → html → maps → share → album. Reads the
 * model and the image stage's set; never changes them. hc_share_render writes
 * into out_dir (site paths; each name is stable, so a page can name its image
 * without asking this module):
 *   projects/<id>/share.jpg   one per unit: its lead photo (the first of its
 *                             photos the image stage has) cropped to fill;
 *                             else its route map (maps on, ≥1 node); else
 *                             the theme colour
 *   cases/<slug>/share.jpg    one per case study: the first raster image of
 *                             its body, else the first photo of a unit it is
 *                             about, else that unit's route map, else plain
 *   share.jpg                 the site's: the banner photo, else plain
 *   favicon.ico (32 px PNG inside), favicon.svg, favicon-32.png,
 *   apple-touch-icon.png (180), icon-192.png, icon-512.png: a rounded square
 *                             in the theme colour with the district's first
 *                             character (the site title's when no district)
 *   .huace-share-cache        lines "path hash" (the inputs of each file)
 * Share images are 1200×630 baseline JPEG (quality 85, no metadata), with the
 * page's title (two lines at most, ellipsized) and the site's name on a band
 * of the theme colour at the bottom (the picture fills the area above it)
 * and a small tag (示范单元 / 案例) at the top left (not on a route map, which
 * has its own title bar). Same inputs → same bytes: fixed fonts (Noto Sans CJK SC through
 * fontconfig, as the maps find it), no hinting, no time stamps.
 *
 * Reuse: each file's inputs (title, site name, colour, the photo rendition's
 * name — which holds its content hash —, the route map's data, the font, the
 * module version) are hashed; when prev_dir (the previous output) holds the
 * file with the same hash in its .huace-share-cache, the file is copied, not
 * drawn again.
 *
 * The theme colour is the `--accent` custom property of the theme's
 * static/css/site.css (first #rrggbb after "--accent:"), else HC_SHARE_COLOR.
 */
#ifndef HC_SHARE_MODULE_H
#define HC_SHARE_MODULE_H
#include <stddef.h>
#include "../../base/diag.h"
#include "../../model/model.h"

#define HC_SHARE_WIDTH 1200
#define HC_SHARE_HEIGHT 630
#define HC_SHARE_NAME "share.jpg"       /* in a unit's / case study's folder, and at the root */
#define HC_SHARE_COLOR "#a4161a"
#define HC_SHARE_CACHE_FILE ".huace-share-cache"

struct hc_images;
typedef struct {
    const char *out_dir;               /* staging folder (the maps are already in it) */
    const char *prev_dir;              /* previous output, may be NULL */
    const struct hc_images *images;    /* the image stage's set; NULL: no photos */
} hc_share_opts;

typedef struct {
    size_t drawn, reused;              /* files drawn / copied from prev_dir */
    double seconds;
} hc_share_stats;

/* Writes every file listed above. Returns 0, or -1 after reporting (rule
 * "font" when no CJK font is found, "write" for a file that cannot be
 * written, "share" for an image that cannot be drawn). */
int hc_share_render(const hc_model *m, const hc_share_opts *o, hc_diags *d, hc_share_stats *st);

/* The theme colour ("#rrggbb") of the site's theme into out[8]. */
void hc_share_theme_color(const hc_model *m, char out[8]);

#endif
