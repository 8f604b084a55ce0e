/* layers.c — the map layers (m->layers, WGS-84) drawn under routes and
 * markers, in list order, on any map with a projection.
 *
 * Only features whose box meets the frame's extent (plus a margin) are
 * projected; each part is simplified for the map's scale (a vertex closer
 * than SIMPLIFY px to the last one kept is dropped, then Douglas–Peucker
 * drops every vertex within TOLERANCE px of the line that stays), so a
 * layer of a million vertices costs what the map can show. The named lines
 * are projected once per map: mp_layers_draw keeps them for
 * mp_layers_line_labels. Polygons are filled even-odd with
 * their holes, then stroked; lines are stroked (roads over a white casing),
 * dashed when the layer has a dash; points are discs. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include "../../base/utf8.h"
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

/* Keeps a copy of a named line's part as drawn, for its name (feature: a
 * serial number that tells the parts of one feature). */
static void keep_line(mp_layer_lines *lines, const hc_geo_layer *l, const hc_geo_feature *f, size_t feature,
                      const pts *v)
{
    if (!lines || !f->name || v->n < 2) return;
    lines->v = hc_xrealloc(lines->v, (lines->n + 1) * sizeof *lines->v);
    mp_named_line *nl = &lines->v[lines->n++];
    nl->name = f->name;
    nl->feature = feature;
    nl->ink = mp_color_mix(l->stroke >= 0 ? l->stroke : 0x666666, 0x000000, 0.45);
    nl->n = v->n;
    nl->p = hc_xcalloc(v->n, sizeof *nl->p);
    memcpy(nl->p, v->p, v->n * sizeof *nl->p);
}

static void draw_line(gdImagePtr im, const hc_geo_layer *l, const hc_geo_feature *f, const mp_proj *pr, double k,
                      mp_layer_lines *lines, size_t feature)
{
    pts v = { 0 };
    for (size_t r = 0; r < f->nparts; r++) {
        v.n = 0;
        project(&v, pr, &f->parts[r]);
        if (l->role && !strcmp(l->role, "road") && l->stroke >= 0 && l->width > 0 && !l->ndash)
            mp_polyline(im, v.p, v.n, l->width * k + 2 * k, CASING);
        stroke(im, l, v.p, v.n, k, 0);
        keep_line(lines, l, f, feature, &v);
    }
    free(v.p);
}

void mp_layer_lines_free(mp_layer_lines *lines)
{
    for (size_t i = 0; i < lines->n; i++) free(lines->v[i].p);
    free(lines->v);
    lines->v = NULL;
    lines->n = 0;
}

void mp_layers_draw(gdImagePtr im, const hc_model *m, const mp_proj *p, mp_box frame, double k, mp_layer_lines *lines)
{
    double ext[4];
    size_t serial = 0;
    frame_extent(p, frame, ext);
    for (size_t i = 0; i < m->nlayers; i++) {
        const hc_geo_layer *l = &m->layers[i];
        if (!meets(l->bbox, ext)) continue;
        for (size_t f = 0; f < l->nfeatures; f++) {
            const hc_geo_feature *ft = &l->features[f];
            if (!meets(ft->bbox, ext)) continue;
            if (ft->kind == HC_GEOM_POLYGON) draw_polygon(im, l, ft, p, k);
            else if (ft->kind == HC_GEOM_LINE) draw_line(im, l, ft, p, k, lines, serial++);
            else
                for (size_t r = 0; r < ft->nparts; r++) {
                    mp_pt q = mp_proj_apply(p, ft->parts[r].lon[0], ft->parts[r].lat[0]);
                    if (l->stroke >= 0) mp_disc(im, q.x, q.y, l->width * k + 1.5 * k, l->stroke);
                    if (l->fill >= 0) mp_disc(im, q.x, q.y, l->width * k, l->fill);
                }
        }
    }
}

/* ---- names along lines ---- */

#define LABEL_STEP 1.15       /* em from one character's centre to the next, along the line */
#define LABEL_MAX 24          /* characters: longer names are not set along a line */

typedef struct {
    const mp_named_line *v;
    const double *arc;        /* arc length at each vertex */
} path;

/* The point at arc length s, and the unit normal of its segment. */
static void point_at(const path *pa, double s, mp_pt *q, mp_pt *nrm)
{
    size_t i = 1;
    while (i + 1 < pa->v->n && pa->arc[i] < s) i++;
    mp_pt a = pa->v->p[i - 1], b = pa->v->p[i];
    double len = pa->arc[i] - pa->arc[i - 1], t = len > 0 ? (s - pa->arc[i - 1]) / len : 0;
    q->x = a.x + (b.x - a.x) * t;
    q->y = a.y + (b.y - a.y) * t;
    double dx = b.x - a.x, dy = b.y - a.y, d = hypot(dx, dy);
    nrm->x = d > 0 ? -dy / d : 0;
    nrm->y = d > 0 ? dx / d : -1;
}

/* Clips the segment a–b to box f (Liang–Barsky): the part inside is
 * t0..t1 of it; 0 when none is. */
static int clip(mp_pt a, mp_pt b, mp_box f, double *t0, double *t1)
{
    double d[2] = { b.x - a.x, b.y - a.y }, lo[2] = { f.x - a.x, f.y - a.y }, hi[2] = { f.x + f.w - a.x, f.y + f.h - a.y };
    *t0 = 0;
    *t1 = 1;
    for (int k = 0; k < 2; k++) {
        if (d[k] == 0) {
            if (lo[k] > 0 || hi[k] < 0) return 0;
            continue;
        }
        double u = lo[k] / d[k], w = hi[k] / d[k];
        if (u > w) { double x = u; u = w; w = x; }
        if (u > *t0) *t0 = u;
        if (w < *t1) *t1 = w;
    }
    return *t0 < *t1;
}

/* The longest stretch of the line inside the frame, as an arc range. */
static int visible_run(const path *pa, mp_box f, double *a0, double *a1)
{
    double best = 0, from = 0, to = -1;
    for (size_t i = 1; i < pa->v->n; i++) {
        double t0, t1, len = pa->arc[i] - pa->arc[i - 1];
        if (!clip(pa->v->p[i - 1], pa->v->p[i], f, &t0, &t1)) continue;
        double s0 = pa->arc[i - 1] + t0 * len, s1 = pa->arc[i - 1] + t1 * len;
        if (s0 > to + 1e-6) from = s0;   /* a new stretch */
        to = s1;
        if (to - from > best) {
            best = to - from;
            *a0 = from;
            *a1 = to;
        }
    }
    return best > 0;
}

typedef struct {
    const mp_font *font;
    double px;
    mp_box frame;
    const mp_box *obst;
    size_t nobst;
    mp_box **placed;
    size_t *nplaced;
} label_env;

/* Character boxes for the name starting at arc s0, offset to the side of
 * the line that is up on the map; 0 when the line bends too much there or
 * a box is outside the frame or meets anything already there. */
static int fit_at(const label_env *e, const path *pa, double s0, char ch[][8], size_t n, mp_box *box)
{
    double step = e->px * LABEL_STEP, off = e->px * 0.75;
    mp_pt first, last, mid, unused_n, mid_n;
    point_at(pa, s0 + step * 0.5, &first, &unused_n);
    point_at(pa, s0 + step * (n - 0.5), &last, &unused_n);
    if (n > 1 && hypot(last.x - first.x, last.y - first.y) < 0.85 * step * (n - 1)) return 0;
    point_at(pa, s0 + step * n / 2.0, &mid, &mid_n);
    double side = mid_n.y > 0 || (mid_n.y == 0 && mid_n.x > 0) ? -1 : 1;   /* towards the top */
    int reverse = fabs(last.x - first.x) >= fabs(last.y - first.y) ? last.x < first.x : last.y < first.y;
    for (size_t i = 0; i < n; i++) {
        mp_pt q, ni;
        point_at(pa, s0 + step * (i + 0.5), &q, &ni);
        if (ni.x * mid_n.x + ni.y * mid_n.y < 0) ni.x = -ni.x, ni.y = -ni.y;
        q.x += side * off * ni.x;
        q.y += side * off * ni.y;
        size_t c = reverse ? n - 1 - i : i;
        int w = mp_text_width(e->font, e->px, ch[c]), h = (int)lround(e->px * 1.2);
        box[c] = (mp_box){ (int)lround(q.x - w / 2.0), (int)lround(q.y - h / 2.0), w, h };
        if (!mp_box_inside(box[c], e->frame)) return 0;
        for (size_t o = 0; o < e->nobst; o++)
            if (mp_box_overlap(box[c], e->obst[o])) return 0;
        for (size_t o = 0; o < *e->nplaced; o++)
            if (mp_box_overlap(box[c], (*e->placed)[o])) return 0;
    }
    return 1;
}

/* The name of one line part, along it, nearest the middle of its visible
 * run; 1 when it was drawn. */
static int label_part(gdImagePtr im, const label_env *e, const mp_named_line *v)
{
    const char *name = v->name;
    int ink = v->ink;
    char ch[LABEL_MAX][8];
    size_t n = 0;
    for (const char *s = name; *s && n < LABEL_MAX + 1;) {
        size_t len;
        hc_utf8_decode(s, strnlen(s, 4), &len);
        if (n < LABEL_MAX && len < sizeof ch[0]) {
            memcpy(ch[n], s, len);
            ch[n][len] = 0;
        }
        n++;
        s += len;
    }
    if (!n || n > LABEL_MAX || v->n < 2) return 0;
    double *arc = hc_xcalloc(v->n, sizeof *arc);
    for (size_t i = 1; i < v->n; i++) arc[i] = arc[i - 1] + hypot(v->p[i].x - v->p[i - 1].x, v->p[i].y - v->p[i - 1].y);
    path pa = { v, arc };
    double a0 = 0, a1 = 0, span = e->px * LABEL_STEP * n;
    int done = 0;
    mp_box box[LABEL_MAX];
    if (visible_run(&pa, e->frame, &a0, &a1) && a1 - a0 >= span) {
        double mid = (a0 + a1 - span) / 2, room = (a1 - a0 - span) / 2, step = e->px * 0.5;
        for (int k = 0; k <= 2 * (int)(room / step) && !done; k++) {
            double s0 = mid + (k % 2 ? 1 : -1) * ((k + 1) / 2) * step;
            if (!fit_at(e, &pa, s0, ch, n, box)) continue;
            for (size_t c = 0; c < n; c++) {
                mp_text_draw(im, e->font, e->px, box[c].x, box[c].y + (int)lround(e->px * 0.1), ink, ch[c]);
                *e->placed = hc_xrealloc(*e->placed, (*e->nplaced + 1) * sizeof **e->placed);
                (*e->placed)[(*e->nplaced)++] = box[c];
            }
            done = 1;
        }
    }
    free(arc);
    return done;
}

/* Names of line features (rivers, roads): set along the line, one upright
 * character after another as Chinese maps do, beside the middle of its
 * visible run, each character's box inside the frame and clear of the
 * obstacles (markers, unit labels, furniture) and of names already set;
 * else not shown. */
void mp_layers_line_labels(gdImagePtr im, const mp_layer_lines *lines, mp_box frame, double px, const mp_font *font,
                           const mp_box *obst, size_t nobst)
{
    mp_box *placed = NULL;
    size_t nplaced = 0, done = (size_t)-1;
    label_env e = { font, px, frame, obst, nobst, &placed, &nplaced };
    for (size_t i = 0; i < lines->n; i++) {
        if (lines->v[i].feature == done) continue;   /* one name per feature */
        if (label_part(im, &e, &lines->v[i])) done = lines->v[i].feature;
    }
    free(placed);
}
