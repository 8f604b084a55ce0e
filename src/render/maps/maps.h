/* maps.h — map images drawn with libgd from the model (挂图作战).
 *
 * Reads the model only; never changes it. Every image is deterministic: the
 * same model gives the same bytes (no time stamps, fixed fonts and sizes).
 * Labels use a CJK font found through fontconfig (Noto Sans CJK SC, by the
 * lookup the album shares: render/cjkfont.h); if none is found,
 * hc_maps_font reports an error naming the Debian package fonts-noto-cjk.
 *
 * Files written by hc_maps_render into out_dir (site paths):
 *   projects/<id>/route.png, route@2x.png, route.webp   (units with ≥1 node)
 *   map/overview.png, map/overview@2x.png
 *   board/board.png, print/board-a2.png (A2 portrait, 300 dpi, 4961×7016)
 *   townships/<slug>/guide.png                           (工作导图)
 *   phone variants, 375 px wide (@2x: 750), portrait, legend below the map,
 *   each as .png and .webp at 1× and @2x:
 *   projects/<id>/route-phone{,@2x}.{png,webp}, map/overview-phone{,@2x}.{png,webp},
 *   townships/<slug>/guide-phone{,@2x}.{png,webp}
 *   .huace-maps-cache                                    (lines "path hash")
 * Images whose inputs did not change since the last build may be copied from
 * prev_dir (the previous output) instead of drawn again (content hash).
 * Web sizes: route maps and the overview at width×height (@2x: double),
 * board.png 1600 px wide (height follows the data), guides 1000 px wide.
 */
#ifndef HC_MAPS_H
#define HC_MAPS_H
#include <stddef.h>
#include "../../base/buf.h"
#include "../../base/diag.h"
#include "../../model/model.h"

typedef struct {
    const char *out_dir;      /* staging folder */
    const char *prev_dir;     /* previous output, may be NULL */
    int width, height;        /* web route map size in px (default 1200×800) */
    int jobs;                 /* worker threads */
} hc_maps_opts;

typedef struct {
    size_t drawn, reused;     /* images drawn / copied unchanged */
    double seconds;
} hc_maps_stats;

int hc_maps_render(const hc_model *m, const hc_maps_opts *o, hc_diags *d, hc_maps_stats *st);

/* A unit's route map as PNG bytes (appended to png) at a print size:
 * width_mm × height_mm at dpi (the PNG records the dpi). For the album.
 * Returns 0; 1 when the unit has no nodes (nothing appended, not an error);
 * -1 after reporting (size out of range, no CJK font). */
int hc_map_route_print_png(const hc_model *m, size_t project, double width_mm, double height_mm, int dpi,
                           hc_buf *png, hc_diags *d);

/* hc_map_route_print_png, kept between builds in cache_dir (NULL: not
 * kept): a map whose inputs (the unit, its nodes, the areas and layers, the
 * fonts, the size and dpi, HC_MAPS_VERSION) are unchanged is read from there,
 * the same bytes, instead of drawn and encoded again (one file per unit). */
int hc_map_route_print_png_cached(const hc_model *m, size_t project, double width_mm, double height_mm, int dpi,
                                  const char *cache_dir, hc_buf *png, hc_diags *d);

/* Removes from cache_dir every file that is not the kept route map of one of
 * m's units with nodes: the maps of units deleted or renamed since, and the
 * files a stopped build left half written. For after an album stage that
 * succeeded (it drew or read every unit's map). A folder that is not there
 * or cannot be read is left alone: the cache is never an error. */
void hc_map_route_cache_prune(const hc_model *m, const char *cache_dir);

/* A unit's route map for its node signs (print/signs/): the map of
 * hc_map_route_print_png with its furniture half as large again and its own
 * type (node labels, township and river names) 22 pt on an A3 sign (a map
 * 267 mm wide; in proportion to width_mm on other sizes), and where it draws each node's marker, in the
 * PNG's pixels: marks (malloc'd, one per node, in file order; free it) gives
 * the centre, the marker's half extent, the node's number on the map (route
 * nodes first, 1-based), its label's box, and in marks[0] the map frame's box. Returns as
 * hc_map_route_print_png (1: no nodes, nothing appended, *marks NULL). */
typedef struct hc_map_marker {
    double x, y, ext;
    size_t number;
    int lx, ly, lw, lh;       /* the node's label on the map (lw = 0: none) */
    int frame_x, frame_y, frame_w, frame_h;   /* marks[0] only */
    double route_w, casing_w;                 /* marks[0] only: the route line and its white casing */
} hc_map_marker;
int hc_map_route_sign_png(const hc_model *m, size_t project, double width_mm, double height_mm, int dpi,
                          hc_buf *png, hc_map_marker **marks, hc_diags *d);

/* Where the overview map draws each project's marker, in overview.png pixel
 * coordinates (for the clickable HTML image map). x, y, r per project;
 * r = 0 if the project has no nodes. Arrays are malloc'd, one per project. */
typedef struct hc_marker_pos {
    int x, y, r;
    int lx, ly, lw, lh;       /* phone: the name label's box (lw = 0: none), also a link */
} hc_marker_pos;
int hc_map_overview_positions(const hc_model *m, int width, int height, hc_marker_pos **pos);

/* The phone variant of the overview: marker centres in overview-phone.png
 * pixels (1×) with r = half the side of the tap square (48 px: at least 44
 * CSS px when the image is shown 343 px wide) and the box of the unit's name
 * label (which may lie over another unit's tap square: the label wins); the
 * image's size in *width×*height. */
int hc_map_overview_phone_positions(const hc_model *m, hc_marker_pos **pos, int *width, int *height);

/* The 1× size of a phone variant (route map of project index, the overview,
 * the guide of township index): 0, or -1 if there is none (unit without nodes). */
typedef enum { HC_MAP_ROUTE, HC_MAP_OVERVIEW, HC_MAP_GUIDE } hc_map_kind;
int hc_map_phone_size(const hc_model *m, hc_map_kind kind, size_t index, int *w, int *h);

/* The size of townships/<slug>/guide.png (the web guide of township t). 0 or -1. */
int hc_map_guide_size(const hc_model *m, size_t t, int *w, int *h);

/* The path of a CJK font file found through fontconfig, or NULL after
 * reporting an error (rule "font") that names fonts-noto-cjk (d may be NULL:
 * no report). Looked up once per process. Not owned. */
const char *hc_maps_font(hc_diags *d);

/* The label layout of a unit's web route map at w×h, for tests, appended to
 * json: {"width":W,"height":H,"boxes":[…]} with one box per marker
 *   {"x","y","w","h","kind":"marker","cx","cy","node"}   (cx, cy: its centre)
 * and one per placed label
 *   {"x","y","w","h","kind":"label","text":"full"|"number","node"}
 * (node: index into the project's nodes). A unit without nodes gives no
 * boxes. Returns 0, or -1 if no CJK font is available. */
int hc_map_route_layout_json(const hc_model *m, size_t project, int w, int h, hc_buf *json);

/* Releases the font caches (glyphs, FreeType faces, the looked-up paths).
 * Call once at exit, after every render; a later call to a map function looks
 * the font up again. The maps keep no fontconfig state (the lookup uses a
 * private configuration), so FcFini is not needed on their account. */
void hc_maps_shutdown(void);

#endif
