/* geo.c — content/geo/<name>.yaml → m->areas (township outlines, an optional
 * base layer for the maps).
 *
 *   townships:
 *     - name: 周家乡
 *       outline: [[119.06, 28.83], [119.11, 28.83], [119.17, 28.84], …]   # [lon, lat]
 *
 * Every problem is a located error; an outline that is not usable is left
 * out of the model. A missing content/geo/ folder means no base layer. */
#include "load_int.h"
#include "../base/alloc.h"
#include "../base/fs.h"
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
static void read_area(hc_model *m, const hc_yreader *r, const char *owned_path, const hc_yval *it)
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
    return;
out:
    free(name);
    free(lon);
    free(lat);
}

static void load_file(hc_model *m, const char *rel, hc_diags *d)
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
    for (size_t i = 0; i < ts->n; i++) read_area(m, &r, rel, ts->items[i]);
out:
    hc_yval_free(root);
}

int hc_load_geo(hc_model *m, hc_diags *d)
{
    char **names = NULL;
    size_t n = 0;
    size_t before = hc_diags_errors(d);
    hc_buf dir = HC_BUF_INIT, rel = HC_BUF_INIT;
    hc_buf_printf(&dir, "%s/content/geo", m->root);
    if (hc_fs_list(hc_buf_cstr(&dir), ".yaml", &names, &n) != 0) {
        hc_error(d, "read", "content/geo", 0, 0, "cannot read the folder");
        hc_buf_free(&dir);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        hc_buf_reset(&rel);
        hc_buf_printf(&rel, "content/geo/%s", names[i]);
        load_file(m, hc_buf_cstr(&rel), d);
    }
    hc_fs_names_free(names, n);
    hc_buf_free(&dir);
    hc_buf_free(&rel);
    return hc_diags_errors(d) > before ? -1 : 0;
}
