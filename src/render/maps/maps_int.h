/* maps_int.h — shared by the files of the map renderer only.
 *
 * Every image is drawn on a libgd truecolor canvas whose sizes derive from a
 * design scale k (1.0 = the 1200×800 web route map; 2.0 = @2x; print sizes
 * follow from millimetres and dpi). All drawing is deterministic: integer
 * blending on the pixels, fixed fonts, fixed encoder settings.
 *
 * Names here take the prefix mp_ (MP_ for constants), as the album's take
 * pdf_: they are the map renderer's own (and share/draw.c's, which draws a
 * route map into a share card), not base utilities. The public API is in
 * maps.h (hc_maps_*, hc_map_*).
 */
#ifndef HC_MAPS_INT_H
#define HC_MAPS_INT_H
#include <gd.h>
#include <stddef.h>
#include <stdint.h>
#include "maps.h"

/* Bumped whenever drawing changes, so cached images are redrawn. */
#define HC_MAPS_VERSION "huace-maps/5"
#define HC_MAPS_PNG_LEVEL 3          /* zlib level for every PNG (png.c) */
#define HC_MAPS_WEBP_QUALITY 82      /* lossy WebP quality */
#define HC_MAPS_CACHE_FILE ".huace-maps-cache"
#ifdef HC_WITH_LIBWEBP
#define HC_MAPS_ENCODERS "png:zlib-sub; webp:libwebp-m2"
#else
#define HC_MAPS_ENCODERS "png:zlib-sub; webp:libgd"
#endif

/* ---- geometry ---- */
typedef struct { double x, y; } mp_pt;
typedef struct { double x, y, w, h; } mp_rect;
typedef struct { int x, y, w, h; } mp_box;

/* Boxes that share at least one pixel. Empty boxes (w or h ≤ 0) never overlap. */
int mp_box_overlap(mp_box a, mp_box b);
/* b lies entirely inside r. */
int mp_box_inside(mp_box b, mp_box r);

/* ---- projection.c: equirectangular with the cos(latitude) correction ---- */
typedef struct { double lon_min, lon_max, lat_min, lat_max; size_t n; } mp_geo_bounds;
typedef struct {
    double lon_c, lat_c;      /* centre of the fitted bounds */
    double coslat;            /* cos(lat_c): x shrink so that a km is a km both ways */
    double scale;             /* px per degree of latitude */
    double cx, cy;            /* pixel centre of the target rectangle */
} mp_proj;

void mp_geo_bounds_init(mp_geo_bounds *b);
void mp_geo_bounds_add(mp_geo_bounds *b, double lon, double lat);
/* Fits b into r leaving margin px on every side. Bounds smaller than
 * min_span_km (or empty) are widened around their centre to that span, so a
 * single point gets a sensible scale. */
void mp_proj_fit(mp_proj *p, const mp_geo_bounds *b, mp_rect r, double margin, double min_span_km);
mp_pt mp_proj_apply(const mp_proj *p, double lon, double lat);
double mp_proj_km_per_px(const mp_proj *p);

/* ---- spread.c: markers that would hide each other are moved apart ---- */
/* Moves positions (in order, earlier ones keep their place) so that no two are
 * closer than min_dist in x or y (their boxes do not meet) and none comes
 * within min_dist / 2 of an avoid box (map furniture), staying inside r when
 * possible: identical coordinates fan out on a sunflower spiral around their
 * common point. Deterministic. */
void mp_spread(mp_pt *pos, size_t n, double min_dist, mp_rect r, const mp_box *avoid, size_t navoid);

/* ---- labels.c: label placement without overlaps ---- */
enum { MP_LABEL_NONE, MP_LABEL_FULL, MP_LABEL_NUMBER };
typedef struct {
    double ax, ay, ar;        /* anchor: marker centre and its outer radius */
    int full_w, full_h;       /* the whole label, padding included */
    int num_w, num_h;         /* the number alone (0×0: no fallback) */
    /* results */
    mp_box box;
    int mode;                 /* MP_LABEL_* */
    int leader;               /* placed away from the marker: draw a leader line */
} mp_label;
/* Places labels in order: the first candidate (8 positions around the marker,
 * then rings further out with a leader line) that stays inside bounds and
 * touches no placed label and no obstacle wins; then the same for the number
 * alone; otherwise mode NONE. */
void mp_labels_place(mp_label *l, size_t n, const mp_box *obst, size_t nobst, mp_box bounds);

/* ---- font.c ---- */
typedef struct {
    char *path;               /* font file */
    int index;                /* face in a collection (.ttc) */
    int id;                   /* 0 regular, 1 bold */
} mp_font;
/* The regular (bold = 0) or bold face (the regular one if there is no bold),
 * NULL if no CJK font was found. Valid until hc_maps_shutdown. */
const mp_font *mp_face(int bold);

/* ---- text.c: UTF-8 text with FreeType and a glyph cache ---- */
/* Text is placed by its em box: (x, y) is the top-left, the box is px high
 * and mp_text_width wide. Thread-safe. */
int mp_text_width(const mp_font *f, double px, const char *s);
void mp_text_draw(gdImagePtr im, const mp_font *f, double px, int x, int y, int color, const char *s);
/* Bytes of the longest run of whole characters at the start of s that fits max_w px. */
size_t mp_text_prefix(const mp_font *f, double px, const char *s, int max_w);
/* s, cut with "…" so that it is at most max_w px wide, into out (reset first). */
void mp_text_fit(hc_buf *out, const mp_font *f, double px, const char *s, int max_w);
/* Frees the glyph cache and the FreeType faces. */
void mp_text_shutdown(void);

/* ---- draw.c: anti-aliased primitives on truecolor images ---- */
int mp_color(const char *hex, int fallback);        /* "#rrggbb" → gd truecolor */
int mp_color_mix(int a, int b, double t);           /* a·(1−t) + b·t */
int mp_color_text_on(int bg);                       /* dark or white ink for a fill */
gdImagePtr mp_canvas(int w, int h, int bg);
void mp_blend(gdImagePtr im, int x, int y, int color, int alpha256);
void mp_fill_rect(gdImagePtr im, double x, double y, double w, double h, int color);
void mp_stroke_rect(gdImagePtr im, double x, double y, double w, double h, double width, int color);
void mp_disc(gdImagePtr im, double cx, double cy, double r, int color);
void mp_capsule(gdImagePtr im, double x0, double y0, double x1, double y1, double width, int color);
void mp_polyline(gdImagePtr im, const mp_pt *p, size_t n, double width, int color);
/* Even-odd fill with 4× vertical and exact horizontal coverage; opacity 0..1. */
void mp_polygon(gdImagePtr im, const mp_pt *p, size_t n, int color, double opacity);
void mp_polygon_outline(gdImagePtr im, const mp_pt *p, size_t n, double width, int color);
void mp_arrowhead(gdImagePtr im, double x, double y, double dx, double dy, double size, int color);

/* Marker shapes (domains on the overview, node kinds on route maps). */
enum { MP_SHAPE_CIRCLE, MP_SHAPE_SQUARE, MP_SHAPE_TRIANGLE, MP_SHAPE_DIAMOND, MP_SHAPE_PENTAGON,
       MP_SHAPE_HEXAGON, MP_SHAPE_COUNT };
/* A filled shape of radius r at (cx, cy) with a ring of width ring around it. */
void mp_marker(gdImagePtr im, int shape, double cx, double cy, double r, double ring, int fill, int ring_color);
/* Half the side of the square that holds a marker with its ring. */
double mp_marker_extent(double r, double ring);

/* ---- decor.c: map furniture shared by the maps ---- */
typedef struct {
    const mp_font *font, *bold;
    double k;                 /* design scale */
} mp_ink;
/* The ink at design scale k: the regular and bold faces of mp_face. */
mp_ink mp_ink_at(double k);
/* North arrow in box b (square). */
void mp_north_arrow(gdImagePtr im, const mp_ink *ink, mp_box b);
/* Scale bar whose left end is at (x, y_bottom): a nice round length ≤ max_px. */
void mp_scale_bar(gdImagePtr im, const mp_ink *ink, const mp_proj *p, int x, int y_bottom, int max_px);
/* The box a scale bar at (x, y_bottom) with max_px occupies. */
mp_box mp_scale_bar_box(const mp_ink *ink, int x, int y_bottom, int max_px);
/* Colour of status index s (HC_NONE: grey). */
int mp_status_color(const hc_model *m, size_t s);
/* Title bar across the top: title and subtitle. Returns its height. */
int mp_title_bar(gdImagePtr im, const mp_ink *ink, const char *title, const char *subtitle);
int mp_title_bar_height(const mp_ink *ink, int has_subtitle);
/* Phone title bar (maps 375 px wide at k = 1): title at 18 px, subtitle at
 * 13 px, each cut with "…" to the width. Returns its height. */
int mp_phone_title_bar(gdImagePtr im, const mp_ink *ink, const char *title, const char *subtitle);
int mp_phone_title_height(const mp_ink *ink);
/* Legend of statuses (swatch, name, meaning) from (x, y) within width w.
 * Returns the y after it. draw = 0 only measures. */
int mp_legend_statuses(gdImagePtr im, const mp_ink *ink, const hc_model *m, int x, int y, int w, int draw);

/* ---- layers.c: the map layers (m->layers) under routes and markers ---- */
/* The named lines (rivers, roads) a map drew, projected and simplified as
 * drawn, in drawing order, for their names. */
typedef struct {
    const char *name;         /* the feature's (the model's) */
    size_t feature;           /* parts of one feature share it */
    int ink;                  /* the name's colour: the line's, darker */
    mp_pt *p; size_t n;
} mp_named_line;
typedef struct { mp_named_line *v; size_t n; } mp_layer_lines;
void mp_layer_lines_free(mp_layer_lines *lines);
/* Draws every layer with projection p, in list order, the features that meet
 * the frame's extent (plus a quarter each side) simplified for the scale;
 * appends the named lines to lines (NULL: not kept). */
void mp_layers_draw(gdImagePtr im, const hc_model *m, const mp_proj *p, mp_box frame, double k, mp_layer_lines *lines);
/* Draws the names of the lines mp_layers_draw kept, px high, one per
 * feature, where they fit in the frame clear of the obstacles and of each
 * other (else not at all). */
void mp_layers_line_labels(gdImagePtr im, const mp_layer_lines *lines, mp_box frame, double px, const mp_font *font,
                           const mp_box *obst, size_t nobst);

/* ---- backdrop.c: the layers, pale, under a township's chart ---- */
/* Township t has something to draw under its chart: layers, and an outline
 * of its own or nodes of its units to fit them to. */
int mp_backdrop_has(const hc_model *m, size_t t);
/* Draws the layers fitted to township t (its outline, else its units' nodes)
 * into frame only, mixed with paper (more outside the township), its outline
 * over them. */
void mp_backdrop_draw(gdImagePtr im, const hc_model *m, size_t t, mp_box frame, double k, int paper);
/* Township t has an outline among others: a locator can show it. */
int mp_locator_has(const hc_model *m, size_t t);
/* The district (every township outline) fitted into box, its layers pale,
 * township t filled in red over them. */
void mp_locator_draw(gdImagePtr im, const hc_model *m, size_t t, mp_box box, double k, int paper);

/* ---- hashing of inputs (cache.c) ---- */
typedef struct { uint64_t h; } mp_hkey;
void mp_hk_init(mp_hkey *k, const char *what);
void mp_hk_str(mp_hkey *k, const char *s);          /* NULL and "" differ */
void mp_hk_num(mp_hkey *k, double v);
void mp_hk_nums(mp_hkey *k, const double *v, size_t n);
void mp_hk_int(mp_hkey *k, long v);
/* Status table and font: inputs of every image. */
void mp_hk_common(mp_hkey *k, const hc_model *m);
/* The township outlines and the map layers (their files' bytes and styles). */
void mp_hk_areas(mp_hkey *k, const hc_model *m);

typedef struct { char *path; char hash[17]; } mp_mcache_entry;
typedef struct { mp_mcache_entry *e; size_t n; } mp_mcache;
/* Reads dir/.huace-maps-cache; a missing or malformed file gives an empty cache. */
void mp_mcache_load(mp_mcache *c, const char *dir);
const char *mp_mcache_get(const mp_mcache *c, const char *path);
void mp_mcache_free(mp_mcache *c);

/* ---- the images ---- */
/* Phone variants are MP_PHONE_W px wide at k = 1 (a 375-px screen; @2x at
 * k = 2), portrait, with the legend below the map; their height follows from
 * the data. */
#define MP_PHONE_W 375
gdImagePtr mp_route_phone_image(const hc_model *m, size_t p, double k);
int mp_route_phone_height(const hc_model *m, size_t p, double k);   /* 0: no nodes */
gdImagePtr mp_overview_phone_image(const hc_model *m, double k);
int mp_overview_phone_height(const hc_model *m, double k);
gdImagePtr mp_guide_phone_image(const hc_model *m, size_t t, double k);
int mp_guide_phone_height(const hc_model *m, size_t t, double k);

#define MP_ROUTE_LABEL_PX 14   /* a route map's node labels at k = 1 */
/* Route map of project p at w×h px with design scale k. NULL if the project
 * has no nodes. */
gdImagePtr mp_route_image(const hc_model *m, size_t p, int w, int h, double k);
void mp_route_hash(mp_hkey *key, const hc_model *m, size_t p);
/* Label/marker boxes of the route map as JSON (see maps.h). */
/* The route map of a node sign: mp_route_image without its title bar (the
 * sign has its own) and its side panel (the map takes the width), and with the map's type (node labels, township and
 * river names) lk times as large. */
gdImagePtr mp_route_sign_image(const hc_model *m, size_t p, int w, int h, double k, double lk);
/* Where the sign's route map (mp_route_sign_image) at w×h draws each node's
 * marker (out: one per node). */
int mp_route_marker_pos(const hc_model *m, size_t p, int w, int h, double k, double lk, hc_map_marker *out);
int mp_route_layout_json(const hc_model *m, size_t p, int w, int h, double k, hc_buf *json);

gdImagePtr mp_overview_image(const hc_model *m, int w, int h, double k);
void mp_overview_hash(mp_hkey *key, const hc_model *m);

/* Board at width w (height follows the data) or at exactly w×h (poster). */
gdImagePtr mp_board_image(const hc_model *m, int w, int h);
void mp_board_hash(mp_hkey *key, const hc_model *m);

/* Work guide of township t (index into config.townships). */
gdImagePtr mp_guide_image(const hc_model *m, size_t t, int w);
void mp_guide_hash(mp_hkey *key, const hc_model *m, size_t t);

/* Encoders (fixed settings, deterministic). Append to out; 0 or -1. */
int mp_encode_png(gdImagePtr im, hc_buf *out);
int mp_encode_webp(gdImagePtr im, hc_buf *out);

#endif
