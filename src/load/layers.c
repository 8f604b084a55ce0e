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
 * a located error and the entry is left out. A style key an entry leaves out
 * comes from the theme's map_roles: (theme.yaml, read by hc_load_geo: see
 * hc_role_styles_load below). */
#include "load_int.h"
#include "layers.h"
#include "../base/alloc.h"
#include "../base/fs.h"
#include "../base/hash.h"
#include <stdlib.h>
#include <string.h>

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

/* dash: a list of on/off lengths in px, or none (solid) into dash/ndash.
 * 1: given, 0: absent, -1: wrong (reported). */
static int read_dash(const hc_yreader *r, const hc_yval *v, const char *what, double *dash, size_t *ndash)
{
    if (!v || hc_y_is_null(v)) return 0;
    if (v->kind == HC_Y_SCALAR && v->str && !strcmp(v->str, "none")) {
        *ndash = 0;
        return 1;
    }
    if (v->kind != HC_Y_SEQ || v->n < 2 || v->n > 8 || v->n % 2) {
        hc_error(r->d, "dash", r->path, v->line, v->col,
                 "%s must be a list of 2, 4, 6 or 8 lengths in px (on, off, …), like [6, 4]", what);
        return -1;
    }
    double tmp[8];
    for (size_t i = 0; i < v->n; i++) {
        if (hc_yr_num(r, v->items[i], what, &tmp[i]) != 0) return -1;
        if (tmp[i] <= 0 || tmp[i] > 200) {
            hc_error(r->d, "range", r->path, v->items[i]->line, v->items[i]->col,
                     "a dash length must be more than 0 and at most 200 px, not %g", tmp[i]);
            return -1;
        }
    }
    memcpy(dash, tmp, v->n * sizeof *tmp);
    *ndash = v->n;
    return 1;
}

/* width: px at 1×, 0..50. 1: given, 0: absent or wrong (reported). */
static int read_width(const hc_yreader *r, const hc_yval *v, const char *what, double *out)
{
    double w;
    if (hc_yr_num(r, v, what, &w) != 0) return 0;
    if (w < 0 || w > 50) {
        hc_error(r->d, "range", r->path, v->line, v->col, "%s must be between 0 and 50 px, not %g", what, w);
        return 0;
    }
    *out = w;
    return 1;
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
    l->fill = l->stroke = HC_STYLE_UNSET;
    l->width = HC_WIDTH_UNSET;
    l->ndash = HC_DASH_UNSET;
    read_colour(r, hc_ymap_get(it, "fill"), "map_layers[].fill", &l->fill);
    read_colour(r, hc_ymap_get(it, "stroke"), "map_layers[].stroke", &l->stroke);
    read_width(r, hc_ymap_get(it, "width"), "map_layers[].width", &l->width);
    read_dash(r, hc_ymap_get(it, "dash"), "map_layers[].dash", l->dash, &l->ndash);
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

/* ---- the theme's styles per role: theme.yaml's map_roles: ----
 *
 *   map_roles:
 *     boundary: {fill: "#f6f2e6", stroke: "#a89c7a", width: 1.2, label: name}
 *     road: {fill: none, stroke: "#d9a54a", width: 2.2, dash: none, label: name}
 *     custom: {stroke: "#8a8a8a", width: 1}   # any role the theme does not name
 *
 * A key a role leaves out is none (fill, stroke), 1 px (width), solid
 * (dash) or no label. */

static void role_style_read(const hc_yreader *r, const hc_yval *key, const hc_yval *v, hc_role_style *rs)
{
    static const char *const keys[] = { "fill", "stroke", "width", "dash", "label", NULL };
    memset(rs, 0, sizeof *rs);
    rs->fill = rs->stroke = -1;
    rs->width = 1.0;
    rs->role = hc_xstrdup(key->str ? key->str : "");
    if (!role_ok(rs->role))
        hc_error(r->d, "role", r->path, key->line, key->col,
                 "map role '%s': use boundary, water, road, place, custom, or a word of a-z, 0-9, - and _", rs->role);
    if (hc_y_is_null(v) || hc_yr_expect(r, v, HC_Y_MAP, "map_roles.<role>") != 0) return;
    hc_yr_known_keys(r, v, keys, "a map role");
    read_colour(r, hc_ymap_get(v, "fill"), "map_roles.<role>.fill", &rs->fill);
    read_colour(r, hc_ymap_get(v, "stroke"), "map_roles.<role>.stroke", &rs->stroke);
    read_width(r, hc_ymap_get(v, "width"), "map_roles.<role>.width", &rs->width);
    read_dash(r, hc_ymap_get(v, "dash"), "map_roles.<role>.dash", rs->dash, &rs->ndash);
    hc_yr_str(r, hc_ymap_get(v, "label"), "map_roles.<role>.label", &rs->label);
}

/* dir/theme.yaml of theme name, if that theme has one, into path. */
static int theme_file(const hc_model *m, const char *name, hc_buf *path)
{
    hc_buf_reset(path);
    if (hc_theme_dir_named(m->root, name, path) != 0) return -1;
    hc_buf_puts(path, "/theme.yaml");
    return hc_fs_exists(hc_buf_cstr(path)) ? 0 : -1;
}

int hc_role_styles_load(const hc_model *m, hc_role_styles *s, hc_diags *d)
{
    static const char *const top[] = { "map_roles", NULL };
    memset(s, 0, sizeof *s);
    hc_buf path = HC_BUF_INIT;
    hc_yval *root = NULL;
    size_t before = hc_diags_errors(d);
    if (theme_file(m, m->config.theme ? m->config.theme : "default", &path) != 0 &&
        theme_file(m, "default", &path) != 0)
        goto out;   /* no theme.yaml anywhere: every role draws as the fallback */
    /* shown relative to the site when the site holds the theme */
    const char *full = hc_buf_cstr(&path), *dir = "", *rel = full;
    size_t rl = strlen(m->root);
    if (!strncmp(full, m->root, rl) && full[rl] == '/') dir = m->root, rel = full + rl + 1;
    root = hc_load_yaml(dir, rel, d);
    hc_yreader r = { rel, d };
    if (!root || hc_yr_expect(&r, root, HC_Y_MAP, "theme.yaml") != 0) goto out;
    hc_yr_known_keys(&r, root, top, "theme.yaml");
    const hc_yval *roles = hc_ymap_get(root, "map_roles");
    if (!roles || hc_y_is_null(roles) || hc_yr_expect(&r, roles, HC_Y_MAP, "map_roles") != 0) goto out;
    s->r = hc_xcalloc(roles->n ? roles->n : 1, sizeof *s->r);
    for (size_t i = 0; i < roles->n; i++) role_style_read(&r, roles->keys[i], roles->items[i], &s->r[s->n++]);
out:
    hc_yval_free(root);
    hc_buf_free(&path);
    return hc_diags_errors(d) > before ? -1 : 0;
}

void hc_role_styles_free(hc_role_styles *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->r[i].role);
        free(s->r[i].label);
    }
    free(s->r);
    memset(s, 0, sizeof *s);
}

void hc_layer_style_unset(hc_geo_layer *l)
{
    l->fill = l->stroke = HC_STYLE_UNSET;
    l->width = HC_WIDTH_UNSET;
    l->ndash = HC_DASH_UNSET;
}

void hc_layer_defaults(const hc_role_styles *s, hc_geo_layer *l)
{
    static const hc_role_style fallback = { NULL, -1, 0x8a8a8a, 1.0, { 0 }, 0, NULL };
    const hc_role_style *rs = NULL, *custom = NULL;
    for (size_t i = 0; i < s->n; i++) {
        if (l->role && !strcmp(l->role, s->r[i].role)) rs = &s->r[i];
        if (!strcmp(s->r[i].role, "custom")) custom = &s->r[i];
    }
    if (!rs) rs = custom ? custom : &fallback;
    if (l->fill == HC_STYLE_UNSET) l->fill = rs->fill;
    if (l->stroke == HC_STYLE_UNSET) l->stroke = rs->stroke;
    if (l->width < 0) l->width = rs->width;
    if (l->ndash == HC_DASH_UNSET) {
        l->ndash = rs->ndash;
        memcpy(l->dash, rs->dash, sizeof l->dash);
    }
    if (!l->label && rs->label) l->label = hc_xstrdup(rs->label);
}
