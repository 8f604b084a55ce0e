/* geo.c — the map layers: content/geo/<name>.yaml outlines (→ m->areas and a
 * boundary layer), the GIS files named by site.yaml map_layers: or found
 * under content/geo/ (read by ogr.c), and the township outlines taken from
 * boundary layers.
 *
 *   townships:
 *     - name: 周家乡
 *       outline: [[119.06, 28.83], [119.11, 28.83], [119.17, 28.84], …]   # [lon, lat]
 *
 * Every problem is a located error; an outline that is not usable is left
 * out of the model. A missing content/geo/ folder means no base layer.
 * Layers are drawn in map_layers: order, then the unlisted files by name. */
#include "load_int.h"
#include "layers.h"
#include <math.h>
#include "../base/alloc.h"
#include "../base/fs.h"
#include "../base/hash.h"
#include <stdlib.h>
#include <string.h>

/* Reads one [lon, lat] pair; 0 on success, -1 after reporting. */
static int read_point(const hc_yreader *r, const hc_yval *pt, double *lon, double *lat)
{
    if (pt->kind != HC_Y_SEQ || pt->n != 2) {
        hc_error(r->d, "type", r->path, pt->line, pt->col,
                 "each outline point must be a pair [longitude, latitude]");
        return -1;
    }
    if (hc_yr_num(r, pt->items[0], "outline longitude", lon) != 0 ||
        hc_yr_num(r, pt->items[1], "outline latitude", lat) != 0) {
        if (hc_y_is_null(pt->items[0]) || hc_y_is_null(pt->items[1]))
            hc_error(r->d, "type", r->path, pt->line, pt->col, "an outline point needs both longitude and latitude");
        return -1;
    }
    int rc = 0;
    if (*lon < -180 || *lon > 180) {
        hc_error(r->d, "coordinates", r->path, pt->items[0]->line, pt->items[0]->col,
                 "longitude %g is outside -180..180", *lon);
        rc = -1;
    }
    if (*lat < -90 || *lat > 90) {
        hc_error(r->d, "coordinates", r->path, pt->items[1]->line, pt->items[1]->col,
                 "latitude %g is outside -90..90", *lat);
        rc = -1;
    }
    return rc;
}

static int declared(const hc_model *m, const char *name)
{
    for (size_t i = 0; i < m->config.ntownships; i++)
        if (m->config.townships[i].name && !strcmp(m->config.townships[i].name, name)) return 1;
    return 0;
}

/* One entry of townships[]; appends to m->areas when it is usable. */
static void read_area(hc_model *m, const hc_yreader *r, const char *owned_path, const hc_yval *it, size_t layer)
{
    static const char *const keys[] = { "name", "outline", NULL };
    char *name = NULL;
    double *lon = NULL, *lat = NULL;
    if (hc_yr_expect(r, it, HC_Y_MAP, "townships[]") != 0) return;
    hc_yr_known_keys(r, it, keys, "a township outline");
    int has_name = hc_yr_str(r, hc_ymap_get(it, "name"), "townships[].name", &name);
    if (has_name == 1)
        hc_error(r->d, "required", r->path, it->line, it->col, "a township outline needs a 'name'");
    const hc_yval *ol = hc_ymap_get(it, "outline");
    if (!ol || hc_y_is_null(ol)) {
        hc_error(r->d, "required", r->path, it->line, it->col, "a township outline needs an 'outline' (a list of [lon, lat])");
        goto out;
    }
    if (hc_yr_expect(r, ol, HC_Y_SEQ, "outline") != 0) goto out;
    if (ol->n < 3) {
        hc_error(r->d, "outline", r->path, ol->line, ol->col,
                 "an outline needs at least 3 points, this one has %zu", ol->n);
        goto out;
    }
    lon = hc_xcalloc(ol->n, sizeof *lon);
    lat = hc_xcalloc(ol->n, sizeof *lat);
    int bad = 0;
    for (size_t i = 0; i < ol->n; i++)
        if (read_point(r, ol->items[i], &lon[i], &lat[i]) != 0) bad = 1;
    if (bad || has_name != 0) goto out;
    if (m->config.ntownships && !declared(m, name)) {
        const hc_yval *nv = hc_ymap_get(it, "name");
        hc_warn(r->d, "geo-township", r->path, nv->line, nv->col,
                "outline for '%s', which is not declared in site.yaml 'townships'", name);
    }
    for (size_t i = 0; i < m->nareas; i++)
        if (!strcmp(m->areas[i].name, name)) {
            hc_warn(r->d, "duplicate-area", r->path, it->line, it->col,
                    "township '%s' already has an outline (%s:%d); both are drawn", name, m->areas[i].loc.path,
                    m->areas[i].loc.line);
            break;
        }
    m->areas = hc_xrealloc(m->areas, (m->nareas + 1) * sizeof *m->areas);
    hc_geo_area *a = &m->areas[m->nareas++];
    a->name = name;
    a->lon = lon;
    a->lat = lat;
    a->npoints = ol->n;
    a->path = hc_xstrdup(owned_path);
    a->loc.path = a->path;
    a->loc.line = it->line;
    a->loc.col = it->col;
    hc_geo_layer *l = &m->layers[layer];
    hc_feature_add_part(l, hc_layer_add_feature(l, HC_GEOM_POLYGON, name), lon, lat, ol->n);
    return;
out:
    free(name);
    free(lon);
    free(lat);
}

static void load_file(hc_model *m, const char *rel, size_t layer, hc_diags *d)
{
    hc_yval *root = hc_load_yaml(m->root, rel, d);
    if (!root) return;
    hc_yreader r = { rel, d };
    static const char *const keys[] = { "townships", NULL };
    if (hc_yr_expect(&r, root, HC_Y_MAP, "a geo file") != 0) goto out;
    hc_yr_known_keys(&r, root, keys, "a geo file");
    const hc_yval *ts = hc_ymap_get(root, "townships");
    if (!ts) {
        hc_error(d, "required", rel, root->line, root->col,
                 "a geo file needs 'townships': a list of {name, outline: [[lon, lat], …]}");
        goto out;
    }
    if (hc_y_is_null(ts)) goto out;
    if (hc_yr_expect(&r, ts, HC_Y_SEQ, "townships") != 0) goto out;
    for (size_t i = 0; i < ts->n; i++) read_area(m, &r, rel, ts->items[i], layer);
out:
    hc_yval_free(root);
}

static double ring_area(const hc_geo_ring *r)
{
    double a = 0;
    for (size_t i = 0, j = r->n - 1; i < r->n; j = i++) a += (r->lon[j] + r->lon[i]) * (r->lat[j] - r->lat[i]);
    return fabs(a / 2);
}

/* Whether name is a township of site.yaml (any name when it lists none). */
static int is_township(const hc_model *m, const char *name)
{
    if (!m->config.ntownships) return 1;
    for (size_t i = 0; i < m->config.ntownships; i++)
        if (m->config.townships[i].name && !strcmp(m->config.townships[i].name, name)) return 1;
    return 0;
}

/* The polygons of a GIS boundary layer named after a township of site.yaml
 * become township outlines (the largest ring per name), for labels, the
 * overview's extent and checks. Other boundaries (villages, parcels) are
 * only drawn. */
static void areas_from_layer(hc_model *m, const hc_geo_layer *l)
{
    size_t first = m->nareas;
    for (size_t f = 0; f < l->nfeatures; f++) {
        const hc_geo_feature *ft = &l->features[f];
        if (ft->kind != HC_GEOM_POLYGON || !ft->name || !ft->nparts || ft->parts[0].n < 3) continue;
        if (!is_township(m, ft->name)) continue;
        const hc_geo_ring *ring = &ft->parts[0];
        hc_geo_area *a = NULL;
        for (size_t i = first; i < m->nareas && !a; i++)
            if (!strcmp(m->areas[i].name, ft->name)) a = &m->areas[i];
        if (a) {
            hc_geo_ring old = { a->lon, a->lat, a->npoints };
            if (ring_area(&old) >= ring_area(ring)) continue;
            free(a->lon);
            free(a->lat);
        } else {
            m->areas = hc_xrealloc(m->areas, (m->nareas + 1) * sizeof *m->areas);
            a = &m->areas[m->nareas++];
            memset(a, 0, sizeof *a);
            a->name = hc_xstrdup(ft->name);
            a->path = hc_xstrdup(l->loc.path);
            a->loc = l->loc;
            a->loc.path = a->path;
        }
        a->npoints = ring->n;
        a->lon = hc_xcalloc(ring->n, sizeof *a->lon);
        a->lat = hc_xcalloc(ring->n, sizeof *a->lat);
        memcpy(a->lon, ring->lon, ring->n * sizeof *a->lon);
        memcpy(a->lat, ring->lat, ring->n * sizeof *a->lat);
    }
}

/* Role of a file found under content/geo/ without a map_layers: entry: what
 * most of its features are. */
static void guess_role(hc_geo_layer *l, const hc_role_styles *st)
{
    size_t count[3] = { 0, 0, 0 };
    for (size_t f = 0; f < l->nfeatures; f++) count[l->features[f].kind]++;
    const char *role = count[HC_GEOM_POLYGON] >= count[HC_GEOM_LINE] && count[HC_GEOM_POLYGON] >= count[HC_GEOM_POINT]
                           ? "boundary" : count[HC_GEOM_LINE] >= count[HC_GEOM_POINT] ? "road" : "place";
    l->role = hc_xstrdup(role);
    hc_layer_style_unset(l);
    hc_layer_defaults(st, l);
    l->digest = hc_layer_style_hash(l, l->digest);
}

/* Reads layer i (listed or found); 0 or -1 after reporting. */
static int read_layer(hc_model *m, size_t i, hc_diags *d)
{
    hc_geo_layer *l = &m->layers[i];
    hc_buf full = HC_BUF_INIT;
    int rc = -1;
    l->bbox[0] = l->bbox[1] = 1e9;
    l->bbox[2] = l->bbox[3] = -1e9;
    hc_buf_printf(&full, "%s/content/%s", m->root, l->file);
    if (!hc_fs_exists(hc_buf_cstr(&full))) {
        hc_error(d, "layer-read", l->loc.path, l->loc.line, l->loc.col, "map layer file 'content/%s' does not exist", l->file);
        goto out;
    }
    if (hc_layer_file_kind(l->file) == HC_LAYER_YAML) {
        size_t before = hc_diags_errors(d);
        hc_buf rel = HC_BUF_INIT;
        hc_buf_printf(&rel, "content/%s", l->file);
        load_file(m, hc_buf_cstr(&rel), i, d);
        hc_buf_free(&rel);
        l = &m->layers[i];
        if (!l->label) l->label = hc_xstrdup("name");
        uint64_t h = HC_HASH_INIT;
        for (size_t f = 0; f < l->nfeatures; f++) {
            const hc_geo_feature *ft = &l->features[f];
            h = hc_hash(h, ft->name, strlen(ft->name) + 1);
            h = hc_hash(h, ft->parts[0].lon, ft->parts[0].n * sizeof(double));
            h = hc_hash(h, ft->parts[0].lat, ft->parts[0].n * sizeof(double));
        }
        l->digest = hc_layer_style_hash(l, h);
        rc = hc_diags_errors(d) > before ? -1 : 0;
    } else {
        rc = hc_ogr_read(m->root, l, d);
        if (rc == 0 && !strcmp(l->role, "boundary")) areas_from_layer(m, l);
    }
out:
    hc_buf_free(&full);
    return rc;
}

/* A layer that lies wholly away from the townships and nodes is most likely
 * in the wrong coordinate system. */
static void warn_far_layers(const hc_model *m, hc_diags *d)
{
    double b[4] = { 1e9, 1e9, -1e9, -1e9 };
    for (size_t a = 0; a < m->nareas; a++)
        for (size_t i = 0; i < m->areas[a].npoints; i++) {
            double lon = m->areas[a].lon[i], lat = m->areas[a].lat[i];
            if (lon < b[0]) b[0] = lon;
            if (lat < b[1]) b[1] = lat;
            if (lon > b[2]) b[2] = lon;
            if (lat > b[3]) b[3] = lat;
        }
    for (size_t p = 0; p < m->nprojects; p++)
        for (size_t j = 0; j < m->projects[p].nnodes; j++) {
            double lon = m->projects[p].nodes[j].lon, lat = m->projects[p].nodes[j].lat;
            if (lon < b[0]) b[0] = lon;
            if (lat < b[1]) b[1] = lat;
            if (lon > b[2]) b[2] = lon;
            if (lat > b[3]) b[3] = lat;
        }
    if (b[0] > b[2]) return;
    for (size_t i = 0; i < m->nlayers; i++) {
        const hc_geo_layer *l = &m->layers[i];
        if (l->bbox[0] > b[2] || l->bbox[2] < b[0] || l->bbox[1] > b[3] || l->bbox[3] < b[1])
            hc_warn(d, "layer-outside", l->loc.path, l->loc.line, l->loc.col,
                    "map layer '%s' (%.4f..%.4f E, %.4f..%.4f N) does not touch the district's townships and nodes "
                    "(%.4f..%.4f E, %.4f..%.4f N): is its coordinate system right?", l->file, l->bbox[0], l->bbox[2],
                    l->bbox[1], l->bbox[3], b[0], b[2], b[1], b[3]);
    }
}

/* Appends a layer for each file under content/geo/ that map_layers: does not name. */
static void add_found(hc_model *m, hc_diags *d, size_t nlisted, const hc_role_styles *st)
{
    char **names = NULL;
    size_t n = 0;
    hc_buf dir = HC_BUF_INIT, rel = HC_BUF_INIT;
    hc_buf_printf(&dir, "%s/content/geo", m->root);
    if (hc_fs_list(hc_buf_cstr(&dir), NULL, &names, &n) != 0) {
        hc_error(d, "read", "content/geo", 0, 0, "cannot read the folder");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        int kind = hc_layer_file_kind(names[i]);
        if (kind == HC_LAYER_NONE) continue;
        hc_buf_reset(&rel);
        hc_buf_printf(&rel, "geo/%s", names[i]);
        int listed = 0;
        for (size_t j = 0; j < nlisted && !listed; j++) listed = !strcmp(m->layers[j].file, hc_buf_cstr(&rel));
        if (listed) continue;
        m->layers = hc_xrealloc(m->layers, (m->nlayers + 1) * sizeof *m->layers);
        hc_geo_layer *l = &m->layers[m->nlayers++];
        memset(l, 0, sizeof *l);
        l->file = hc_xstrdup(hc_buf_cstr(&rel));
        l->label = hc_xstrdup("name");
        hc_buf_reset(&rel);
        hc_buf_printf(&rel, "content/geo/%s", names[i]);
        l->loc_path = hc_xstrdup(hc_buf_cstr(&rel));
        l->loc.path = l->loc_path;
        if (kind == HC_LAYER_YAML) {
            l->role = hc_xstrdup("boundary");
            hc_layer_style_unset(l);
            hc_layer_defaults(st, l);
        } else {
            l->role = hc_xstrdup("custom");
        }
    }
out:
    hc_fs_names_free(names, n);
    hc_buf_free(&dir);
    hc_buf_free(&rel);
}

/* Drawing rank of a role: areas under lines under points. */
static int role_rank(const char *role)
{
    static const char *const order[] = { "boundary", "water", "road", "place" };
    for (int i = 0; i < 4; i++)
        if (!strcmp(role, order[i])) return i == 3 ? 4 : i;
    return 3;   /* custom roles: over roads, under places */
}

/* The layers found without a map_layers: entry, v[0..n), in drawing order:
 * by role, then by file name (a stable insertion sort; there are few). */
static void order_found(hc_geo_layer *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        hc_geo_layer x = v[i];
        size_t j = i;
        for (; j > 0 && role_rank(v[j - 1].role) > role_rank(x.role); j--) v[j] = v[j - 1];
        v[j] = x;
    }
}

int hc_load_geo(hc_model *m, hc_diags *d)
{
    size_t before = hc_diags_errors(d), nlisted = m->nlayers, k = 0, kept_listed = 0;
    hc_role_styles st;
    hc_role_styles_load(m, &st, d);
    for (size_t i = 0; i < nlisted; i++) hc_layer_defaults(&st, &m->layers[i]);
    add_found(m, d, nlisted, &st);
    for (size_t i = 0; i < m->nlayers; i++) {
        int found_ogr = i >= nlisted && hc_layer_file_kind(m->layers[i].file) == HC_LAYER_OGR;
        if (read_layer(m, i, d) != 0) {
            hc_geo_layer_clear(&m->layers[i]);
            continue;
        }
        if (found_ogr) {
            free(m->layers[i].role);
            guess_role(&m->layers[i], &st);
            if (!strcmp(m->layers[i].role, "boundary")) areas_from_layer(m, &m->layers[i]);
        }
        m->layers[k++] = m->layers[i];
        if (i < nlisted) kept_listed = k;
    }
    m->nlayers = k;
    order_found(m->layers + kept_listed, k - kept_listed);
    warn_far_layers(m, d);
    hc_role_styles_free(&st);
    return hc_diags_errors(d) > before ? -1 : 0;
}
