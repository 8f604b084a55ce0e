/* layers.c — site.yaml `map_layers:` and `coords:`, and the layer list of
 * the model (m->layers).
 *
 *   map_layers:
 *     - file: geo/townships.geojson   # relative to content/
 *       role: boundary                # boundary, water, road, place or a word of your own
 *       fill: "#f6f2e6"               # #rrggbb or none
 *       stroke: "#b9ad8c"
 *       width: 1.2                    # px at 1×
 *       dash: [6, 4]                  # on/off lengths in px at 1×
 *       label: name                   # the attribute holding a feature's name
 *
 * Entries are parsed here (called from hc_load_config) into m->layers with no
 * features; hc_load_geo then reads each file (ogr.c) and appends the files
 * under content/geo/ that the list does not name. Every wrong key or value is
 * a located error and the entry is left out. */
#include "load_int.h"
#include "layers.h"
#include "../base/alloc.h"
#include "../base/hash.h"
#include <stdlib.h>
#include <string.h>

/* Defaults per role (the built-in theme of the maps). */
static const struct { const char *role; int fill, stroke; double width; const char *label; } role_style[] = {
    { "boundary", 0xf6f2e6, 0xa89c7a, 1.2, "name" },
    { "water",    0xb7d6ea, 0x6ea6cf, 3.0, "name" },
    { "road",     -1,       0xd9a54a, 2.2, "name" },
    { "place",    0x5b5b5b, 0xffffff, 3.0, "name" },
};
#define CUSTOM_FILL -1
#define CUSTOM_STROKE 0x8a8a8a

void hc_layer_defaults(hc_geo_layer *l, int fill_set, int stroke_set, int width_set)
{
    int fill = CUSTOM_FILL, stroke = CUSTOM_STROKE;
    double width = 1.0;
    for (size_t i = 0; i < sizeof role_style / sizeof *role_style; i++)
        if (l->role && !strcmp(l->role, role_style[i].role)) {
            fill = role_style[i].fill;
            stroke = role_style[i].stroke;
            width = role_style[i].width;
            if (!l->label) l->label = hc_xstrdup(role_style[i].label);
        }
    if (!fill_set) l->fill = fill;
    if (!stroke_set) l->stroke = stroke;
    if (!width_set) l->width = width;
}

static int role_ok(const char *s)
{
    if (!*s || strlen(s) > 32) return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_')) return 0;
    return 1;
}

int hc_layer_file_kind(const char *name)
{
    static const char *const ext[] = { ".geojson", ".json", ".shp", ".gpkg", ".kml", ".yaml", NULL };
    size_t n = strlen(name);
    for (int i = 0; ext[i]; i++) {
        size_t e = strlen(ext[i]);
        if (n > e && !strcasecmp(name + n - e, ext[i])) return i == 5 ? HC_LAYER_YAML : HC_LAYER_OGR;
    }
    return HC_LAYER_NONE;
}

/* fill: / stroke: — #rrggbb or none (-1). 1: given, 0: absent or wrong. */
static int read_colour(const hc_yreader *r, const hc_yval *v, const char *what, int *out)
{
    if (!v) return 0;
    if (v->kind == HC_Y_SCALAR && v->str && !strcmp(v->str, "none")) {
        *out = -1;
        return 1;
    }
    char *c = NULL;
    if (hc_yr_color(r, v, what, &c) != 0) return 0;
    *out = (int)strtol(c + 1, NULL, 16);
    free(c);
    return 1;
}

static int read_dash(const hc_yreader *r, const hc_yval *v, hc_geo_layer *l)
{
    if (!v || hc_y_is_null(v)) return 0;
    if (v->kind == HC_Y_SCALAR && v->str && !strcmp(v->str, "none")) return 0;
    if (v->kind != HC_Y_SEQ || v->n < 2 || v->n > 8 || v->n % 2) {
        hc_error(r->d, "dash", r->path, v->line, v->col,
                 "map_layers[].dash must be a list of 2, 4, 6 or 8 lengths in px (on, off, …), like [6, 4]");
        return -1;
    }
    for (size_t i = 0; i < v->n; i++) {
        double x;
        if (hc_yr_num(r, v->items[i], "map_layers[].dash", &x) != 0) return -1;
        if (x <= 0 || x > 200) {
            hc_error(r->d, "range", r->path, v->items[i]->line, v->items[i]->col,
                     "a dash length must be more than 0 and at most 200 px, not %g", x);
            return -1;
        }
        l->dash[i] = x;
    }
    l->ndash = v->n;
    return 0;
}

/* The file: value: relative to content/, no '..', a known extension. */
static int read_file_key(const hc_yreader *r, const hc_yval *it, hc_geo_layer *l)
{
    const hc_yval *fv = hc_ymap_get(it, "file");
    int rc = hc_yr_str(r, fv, "map_layers[].file", &l->file);
    if (rc == 1) hc_error(r->d, "required", r->path, it->line, it->col, "a map layer needs 'file' (relative to content/)");
    if (rc != 0) return -1;
    if (l->file[0] == '/' || strstr(l->file, "..") || !l->file[0]) {
        hc_error(r->d, "path", r->path, fv->line, fv->col,
                 "map_layers[].file '%s' must be a path relative to content/ without '..'", l->file);
        return -1;
    }
    if (hc_layer_file_kind(l->file) == HC_LAYER_NONE) {
        hc_error(r->d, "layer-format", r->path, fv->line, fv->col,
                 "map layer '%s': use a .geojson, .shp (with .shx, .dbf, .prj), .gpkg, .kml or outline .yaml file", l->file);
        return -1;
    }
    return 0;
}

/* One entry; 0 when it is usable. */
static int read_entry(const hc_yreader *r, const hc_yval *it, hc_geo_layer *l)
{
    static const char *const keys[] = { "file", "role", "fill", "stroke", "width", "dash", "label", NULL };
    if (hc_yr_expect(r, it, HC_Y_MAP, "map_layers[]") != 0) return -1;
    hc_yr_known_keys(r, it, keys, "a map layer");
    size_t before = hc_diags_errors(r->d);
    read_file_key(r, it, l);
    const hc_yval *rv = hc_ymap_get(it, "role");
    if (hc_yr_str(r, rv, "map_layers[].role", &l->role) == 0 && !role_ok(l->role)) {
        hc_error(r->d, "role", r->path, rv->line, rv->col,
                 "map layer role '%s': use boundary, water, road, place, or a word of a-z, 0-9, - and _", l->role);
        free(l->role);
        l->role = NULL;
    }
    if (!l->role) l->role = hc_xstrdup("custom");
    hc_yr_str(r, hc_ymap_get(it, "label"), "map_layers[].label", &l->label);
    int fill_set = read_colour(r, hc_ymap_get(it, "fill"), "map_layers[].fill", &l->fill);
    int stroke_set = read_colour(r, hc_ymap_get(it, "stroke"), "map_layers[].stroke", &l->stroke);
    const hc_yval *wv = hc_ymap_get(it, "width");
    int width_set = hc_yr_num(r, wv, "map_layers[].width", &l->width) == 0;
    if (width_set && (l->width < 0 || l->width > 50)) {
        hc_error(r->d, "range", r->path, wv->line, wv->col, "map_layers[].width must be between 0 and 50 px, not %g", l->width);
        width_set = 0;
    }
    read_dash(r, hc_ymap_get(it, "dash"), l);
    hc_layer_defaults(l, fill_set, stroke_set, width_set);
    l->listed = 1;
    l->loc = hc_loc_of(r->path, it);
    return hc_diags_errors(r->d) > before ? -1 : 0;
}

void hc_load_map_layers(hc_model *m, const hc_yreader *r, const hc_yval *list)
{
    if (!list || hc_y_is_null(list)) return;
    if (hc_yr_expect(r, list, HC_Y_SEQ, "map_layers") != 0) return;
    for (size_t i = 0; i < list->n; i++) {
        hc_geo_layer l;
        memset(&l, 0, sizeof l);
        if (read_entry(r, list->items[i], &l) != 0) {
            hc_geo_layer_clear(&l);
            continue;
        }
        for (size_t j = 0; j < m->nlayers; j++)
            if (!strcmp(m->layers[j].file, l.file)) {
                hc_warn(r->d, "duplicate-layer", r->path, l.loc.line, l.loc.col,
                        "map layer '%s' is listed twice (first at line %d); both are drawn", l.file, m->layers[j].loc.line);
                break;
            }
        m->layers = hc_xrealloc(m->layers, (m->nlayers + 1) * sizeof *m->layers);
        m->layers[m->nlayers++] = l;
    }
}

int hc_load_coords(const hc_yreader *r, const hc_yval *v, int *out)
{
    char *s = NULL;
    int rc = hc_yr_str(r, v, "coords", &s);
    if (rc != 0) return rc;
    if (!strcmp(s, "wgs84")) *out = HC_COORDS_WGS84;
    else if (!strcmp(s, "cgcs2000")) *out = HC_COORDS_CGCS2000;
    else if (!strcmp(s, "gcj02")) *out = HC_COORDS_GCJ02;
    else {
        hc_error(r->d, "coords", r->path, v->line, v->col,
                 "coords '%s': use wgs84 (GPS), cgcs2000 (天地图, 自然资源部门) or gcj02 (高德, 腾讯)", s);
        rc = -1;
    }
    free(s);
    return rc;
}

unsigned long long hc_layer_style_hash(const hc_geo_layer *l, unsigned long long h)
{
    h = hc_hash(h, l->role, strlen(l->role) + 1);
    h = hc_hash(h, l->label ? l->label : "", l->label ? strlen(l->label) + 1 : 0);
    h = hc_hash(h, &l->fill, sizeof l->fill);
    h = hc_hash(h, &l->stroke, sizeof l->stroke);
    h = hc_hash(h, &l->width, sizeof l->width);
    h = hc_hash(h, &l->ndash, sizeof l->ndash);
    return hc_hash(h, l->dash, sizeof l->dash);
}

hc_geo_feature *hc_layer_add_feature(hc_geo_layer *l, int kind, const char *name)
{
    l->features = hc_xrealloc(l->features, (l->nfeatures + 1) * sizeof *l->features);
    hc_geo_feature *f = &l->features[l->nfeatures++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->name = name && *name ? hc_xstrdup(name) : NULL;
    f->bbox[0] = f->bbox[1] = 1e9;
    f->bbox[2] = f->bbox[3] = -1e9;
    return f;
}

static void grow(double *b, double lon, double lat)
{
    if (lon < b[0]) b[0] = lon;
    if (lat < b[1]) b[1] = lat;
    if (lon > b[2]) b[2] = lon;
    if (lat > b[3]) b[3] = lat;
}

void hc_feature_add_part(hc_geo_layer *l, hc_geo_feature *f, const double *lon, const double *lat, size_t n)
{
    if (!n) return;
    f->parts = hc_xrealloc(f->parts, (f->nparts + 1) * sizeof *f->parts);
    hc_geo_ring *r = &f->parts[f->nparts++];
    r->n = n;
    r->lon = hc_xcalloc(n, sizeof *r->lon);
    r->lat = hc_xcalloc(n, sizeof *r->lat);
    memcpy(r->lon, lon, n * sizeof *lon);
    memcpy(r->lat, lat, n * sizeof *lat);
    for (size_t i = 0; i < n; i++) {
        grow(f->bbox, lon[i], lat[i]);
        grow(l->bbox, lon[i], lat[i]);
    }
}
