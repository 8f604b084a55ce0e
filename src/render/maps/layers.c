/* layers.c — the map layers (m->layers, WGS-84) drawn under routes and
 * markers, in list order, on any map with a projection.
 *
 * Only features whose box meets the frame's extent (plus a margin) are
 * projected; each part is simplified for the map's scale (a vertex closer
 * than SIMPLIFY px to the last one kept is dropped, then Douglas–Peucker
 * drops every vertex within TOLERANCE px of the line that stays), so a
 * layer of a million vertices costs what the map can show. Polygons are filled even-odd with
 * their holes, then stroked; lines are stroked (roads over a white casing),
 * dashed when the layer has a dash; points are discs. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include <math.h>
#include <string.h>

#define SIMPLIFY 0.7          /* px */
#define TOLERANCE 0.35        /* px: under half a pixel, not visible */
#define CASING 0xffffff

typedef struct { mp_pt *p; size_t n, cap; } pts;

static void push(pts *v, mp_pt q)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? 2 * v->cap : 64;
        v->p = hc_xrealloc(v->p, v->cap * sizeof *v->p);
    }
    v->p[v->n++] = q;
}

/* Squared distance from q to the segment a–b (to a when they coincide). */
static double seg_dist2(mp_pt q, mp_pt a, mp_pt b)
{
    double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy, t = 0;
    if (len2 > 0) t = fmax(0, fmin(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) / len2));
    double ex = a.x + t * dx - q.x, ey = a.y + t * dy - q.y;
    return ex * ex + ey * ey;
}

/* Douglas–Peucker on p[0..n): keeps the ends and every vertex farther than
 * TOLERANCE from the simplified line; returns the new count (in place). */
static size_t simplify(mp_pt *p, size_t n)
{
    if (n < 3) return n;
    unsigned char *keep = hc_xcalloc(n, 1);
    size_t *stack = hc_xmalloc(2 * n * sizeof *stack), top = 0, out = 0;
    keep[0] = keep[n - 1] = 1;
    stack[top++] = 0;
    stack[top++] = n - 1;
    while (top) {
        size_t b = stack[--top], a = stack[--top], at = 0;
        double worst = TOLERANCE * TOLERANCE;
        for (size_t i = a + 1; i < b; i++) {
            double d = seg_dist2(p[i], p[a], p[b]);
            if (d > worst) worst = d, at = i;
        }
        if (!at) continue;
        keep[at] = 1;
        stack[top++] = a;
        stack[top++] = at;
        stack[top++] = at;
        stack[top++] = b;
    }
    for (size_t i = 0; i < n; i++)
        if (keep[i]) p[out++] = p[i];
    free(keep);
    free(stack);
    return out;
}

/* Projects ring r into v (appended), simplified for the scale. */
static void project(pts *v, const mp_proj *pr, const hc_geo_ring *r)
{
    size_t start = v->n;
    for (size_t i = 0; i < r->n; i++) {
        mp_pt q = mp_proj_apply(pr, r->lon[i], r->lat[i]);
        if (v->n > start && i + 1 < r->n) {
            mp_pt l = v->p[v->n - 1];
            if (fabs(q.x - l.x) < SIMPLIFY && fabs(q.y - l.y) < SIMPLIFY) continue;
        }
        push(v, q);
    }
    v->n = start + simplify(v->p + start, v->n - start);
}

/* Geographic extent of the frame, widened by a quarter on every side. */
static void frame_extent(const mp_proj *p, mp_box f, double e[4])
{
    double mx = f.w / 4.0, my = f.h / 4.0;
    double x0 = f.x - mx, x1 = f.x + f.w + mx, y0 = f.y - my, y1 = f.y + f.h + my;
    e[0] = p->lon_c + (x0 - p->cx) / (p->coslat * p->scale);
    e[2] = p->lon_c + (x1 - p->cx) / (p->coslat * p->scale);
    e[3] = p->lat_c - (y0 - p->cy) / p->scale;
    e[1] = p->lat_c - (y1 - p->cy) / p->scale;
}

static int meets(const double a[4], const double b[4])
{
    return !(a[0] > b[2] || a[2] < b[0] || a[1] > b[3] || a[3] < b[1]);
}

/* A polyline with a dash pattern (on/off lengths in px). */
static void dashed(gdImagePtr im, const mp_pt *p, size_t n, double width, int color, const double *dash, size_t nd)
{
    size_t di = 0;
    double left = dash[0];
    for (size_t i = 1; i < n; i++) {
        double x0 = p[i - 1].x, y0 = p[i - 1].y, dx = p[i].x - x0, dy = p[i].y - y0, len = hypot(dx, dy), t = 0;
        while (len > 0 && t < len) {
            double step = fmin(left, len - t);
            if (di % 2 == 0)
                mp_capsule(im, x0 + dx * t / len, y0 + dy * t / len, x0 + dx * (t + step) / len, y0 + dy * (t + step) / len,
                           width, color);
            t += step;
            left -= step;
            if (left <= 1e-9) {
                di = (di + 1) % nd;
                left = dash[di];
            }
        }
    }
}

static void stroke(gdImagePtr im, const hc_geo_layer *l, const mp_pt *p, size_t n, double k, int closed)
{
    if (l->stroke < 0 || l->width <= 0 || n < 2) return;
    double w = l->width * k, dash[8];
    if (l->ndash) {
        for (size_t i = 0; i < l->ndash; i++) dash[i] = l->dash[i] * k;
        dashed(im, p, n, w, l->stroke, dash, l->ndash);
        if (closed) {
            mp_pt c[2] = { p[n - 1], p[0] };
            dashed(im, c, 2, w, l->stroke, dash, l->ndash);
        }
    } else if (closed) {
        mp_polygon_outline(im, p, n, w, l->stroke);
    } else {
        mp_polyline(im, p, n, w, l->stroke);
    }
}

/* All rings of a polygon as one even-odd outline: every ring after the first
 * is reached from the first ring's start and left back to it, so the
 * bridges are drawn there and back and cancel. */
static void draw_polygon(gdImagePtr im, const hc_geo_layer *l, const hc_geo_feature *f, const mp_proj *pr, double k)
{
    pts all = { 0 }, ring = { 0 };
    for (size_t r = 0; r < f->nparts; r++) {
        ring.n = 0;
        project(&ring, pr, &f->parts[r]);
        if (ring.n < 3) continue;
        mp_pt home = all.n ? all.p[0] : ring.p[0];
        for (size_t i = 0; i < ring.n; i++) push(&all, ring.p[i]);
        push(&all, ring.p[0]);
        if (all.n > ring.n + 1) push(&all, home);
    }
    if (l->fill >= 0 && all.n >= 3) mp_polygon(im, all.p, all.n, l->fill, 1.0);
    for (size_t r = 0; r < f->nparts; r++) {
        ring.n = 0;
        project(&ring, pr, &f->parts[r]);
        stroke(im, l, ring.p, ring.n, k, 1);
    }
    free(all.p);
    free(ring.p);
}

static void draw_line(gdImagePtr im, const hc_geo_layer *l, const hc_geo_feature *f, const mp_proj *pr, double k)
{
    pts v = { 0 };
    for (size_t r = 0; r < f->nparts; r++) {
        v.n = 0;
        project(&v, pr, &f->parts[r]);
        if (l->role && !strcmp(l->role, "road") && l->stroke >= 0 && l->width > 0 && !l->ndash)
            mp_polyline(im, v.p, v.n, l->width * k + 2 * k, CASING);
        stroke(im, l, v.p, v.n, k, 0);
    }
    free(v.p);
}

void mp_layers_draw(gdImagePtr im, const hc_model *m, const mp_proj *p, mp_box frame, double k)
{
    double ext[4];
    frame_extent(p, frame, ext);
    for (size_t i = 0; i < m->nlayers; i++) {
        const hc_geo_layer *l = &m->layers[i];
        if (!meets(l->bbox, ext)) continue;
        for (size_t f = 0; f < l->nfeatures; f++) {
            const hc_geo_feature *ft = &l->features[f];
            if (!meets(ft->bbox, ext)) continue;
            if (ft->kind == HC_GEOM_POLYGON) draw_polygon(im, l, ft, p, k);
            else if (ft->kind == HC_GEOM_LINE) draw_line(im, l, ft, p, k);
            else
                for (size_t r = 0; r < ft->nparts; r++) {
                    mp_pt q = mp_proj_apply(p, ft->parts[r].lon[0], ft->parts[r].lat[0]);
                    if (l->stroke >= 0) mp_disc(im, q.x, q.y, l->width * k + 1.5 * k, l->stroke);
                    if (l->fill >= 0) mp_disc(im, q.x, q.y, l->width * k, l->fill);
                }
        }
    }
}

/* Names of line features (rivers, roads): at the vertex of each named line,
 * nearest the middle of its visible run, whose box is inside the frame and
 * meets no obstacle (markers, unit labels, furniture); else not shown. */
void mp_layers_line_labels(gdImagePtr im, const hc_model *m, const mp_proj *p, mp_box frame, double k,
                           const mp_font *font, const mp_box *obst, size_t nobst)
{
    double px = 12 * k;
    mp_box *placed = NULL;
    size_t nplaced = 0;
    for (size_t i = 0; i < m->nlayers; i++) {
        const hc_geo_layer *l = &m->layers[i];
        for (size_t f = 0; f < l->nfeatures; f++) {
            const hc_geo_feature *ft = &l->features[f];
            if (ft->kind != HC_GEOM_LINE || !ft->name) continue;
            int done = 0;
            for (size_t r = 0; r < ft->nparts && !done; r++) {
                const hc_geo_ring *g = &ft->parts[r];
                int tw = mp_text_width(font, px, ft->name), th = (int)lround(px * 1.2);
                size_t stride = g->n / 200 + 1;
                for (size_t step = 0; step < g->n && step < 400 && !done; step++) {
                    /* from the middle outwards */
                    size_t off = (step + 1) / 2 * stride, j = g->n / 2;
                    if (step % 2) j += off;
                    else if (off > j) continue;
                    else j -= off;
                    if (j >= g->n) continue;
                    mp_pt q = mp_proj_apply(p, g->lon[j], g->lat[j]);
                    mp_box b = { (int)lround(q.x - tw / 2.0), (int)lround(q.y - th - 3 * k), tw, th };
                    int ok = mp_box_inside(b, frame);
                    for (size_t o = 0; o < nobst && ok; o++) ok = !mp_box_overlap(b, obst[o]);
                    for (size_t o = 0; o < nplaced && ok; o++) ok = !mp_box_overlap(b, placed[o]);
                    if (!ok) continue;
                    int ink = mp_color_mix(l->stroke >= 0 ? l->stroke : 0x666666, 0x000000, 0.45);
                    mp_text_draw(im, font, px, b.x, b.y + (int)lround(px * 0.1), ink, ft->name);
                    placed = hc_xrealloc(placed, (nplaced + 1) * sizeof *placed);
                    placed[nplaced++] = b;
                    done = 1;
                }
            }
        }
    }
    free(placed);
}
