/* geo.c — checks of the nodes against the map layers (rules of check.h's table):
 *   node-outside-township  a node that lies in none of its unit's townships
 *                          (the named polygons of boundary layers), located
 *                          at the node; silent when none of the unit's
 *                          townships has an outline
 *   node-spread            a unit of a post or point domain (示范岗, 示范点:
 *                          one place) whose nodes lie more than 5 km apart
 * Warnings: the build goes on. Reads the model only. */
#include "check.h"
#include "../base/buf.h"
#include "../base/gcj02.h"
#include <string.h>

#define SPREAD_M 5000.0

/* Even-odd over every ring of the feature. */
static int inside(const hc_geo_feature *f, double lon, double lat)
{
    if (lon < f->bbox[0] || lon > f->bbox[2] || lat < f->bbox[1] || lat > f->bbox[3]) return 0;
    int in = 0;
    for (size_t r = 0; r < f->nparts; r++) {
        const hc_geo_ring *g = &f->parts[r];
        for (size_t i = 0, j = g->n - 1; i < g->n; j = i++)
            if ((g->lat[i] > lat) != (g->lat[j] > lat) &&
                lon < (g->lon[j] - g->lon[i]) * (lat - g->lat[i]) / (g->lat[j] - g->lat[i]) + g->lon[i])
                in = !in;
    }
    return in;
}

/* The township (named boundary polygon) holding the point: its name, else
 * NULL. With only, just polygons named one of only[0..n). *known: whether any
 * of those names has a polygon at all. */
static const char *township_at(const hc_model *m, double lon, double lat, char *const *only, size_t n, int *known)
{
    for (size_t l = 0; l < m->nlayers; l++) {
        const hc_geo_layer *ly = &m->layers[l];
        if (!ly->role || strcmp(ly->role, "boundary")) continue;
        for (size_t f = 0; f < ly->nfeatures; f++) {
            const hc_geo_feature *ft = &ly->features[f];
            if (ft->kind != HC_GEOM_POLYGON || !ft->name) continue;
            int wanted = !only;
            for (size_t t = 0; t < n && !wanted; t++) wanted = !strcmp(only[t], ft->name);
            if (!wanted) continue;
            if (known) *known = 1;
            if (inside(ft, lon, lat)) return ft->name;
        }
    }
    return NULL;
}

static void check_townships(const hc_model *m, const hc_project *p, hc_diags *d)
{
    for (size_t i = 0; i < p->nnodes; i++) {
        const hc_node *nd = &p->nodes[i];
        int known = 0;
        if (!p->ntownships || township_at(m, nd->lon, nd->lat, p->townships, p->ntownships, &known) || !known) continue;
        const char *in = township_at(m, nd->lon, nd->lat, NULL, 0, NULL);
        hc_buf ts = HC_BUF_INIT;
        for (size_t t = 0; t < p->ntownships; t++) hc_buf_printf(&ts, "%s%s", t ? "、" : "", p->townships[t]);
        hc_warn(d, "node-outside-township", nd->loc.path, nd->loc.line, nd->loc.col,
                "node '%s' (%s) at %.5f E, %.5f N lies outside its unit's townships (%s)%s%s%s: check its coordinates "
                "(and coords: if they come from 高德 or 腾讯, that is gcj02)",
                nd->id, nd->name, nd->lon, nd->lat, hc_buf_cstr(&ts), in ? ", in " : "", in ? in : "", in ? "" : "");
        hc_buf_free(&ts);
    }
}

static void check_spread(const hc_model *m, const hc_project *p, hc_diags *d)
{
    if (p->domain >= m->std.ndomains) return;
    const char *key = m->std.domains[p->domain].key;
    if (strcmp(key, "post") && strcmp(key, "point")) return;
    double far = 0;
    size_t a = 0, b = 0;
    for (size_t i = 0; i < p->nnodes; i++)
        for (size_t j = i + 1; j < p->nnodes; j++) {
            double dist = hc_geo_distance_m(p->nodes[i].lon, p->nodes[i].lat, p->nodes[j].lon, p->nodes[j].lat);
            if (dist > far) { far = dist; a = i; b = j; }
        }
    if (far <= SPREAD_M) return;
    const hc_node *nb = &p->nodes[b];
    hc_warn(d, "node-spread", nb->loc.path, nb->loc.line, nb->loc.col,
            "nodes '%s' and '%s' of this %s are %.1f km apart (a %s is one place: more than %.0f km suggests a wrong "
            "coordinate)", p->nodes[a].id, nb->id, m->std.domains[p->domain].name, far / 1000, m->std.domains[p->domain].name,
            SPREAD_M / 1000);
}

void hc_check_townships(const hc_model *m, hc_diags *d)
{
    for (size_t i = 0; i < m->nprojects; i++) check_townships(m, &m->projects[i], d);
}

void hc_check_spread(const hc_model *m, hc_diags *d)
{
    for (size_t i = 0; i < m->nprojects; i++) check_spread(m, &m->projects[i], d);
}
