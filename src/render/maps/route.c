/* route.c — a unit's route map (路线图): the nodes on a map fitted to them,
 * the scenic route as a thick line with direction arrows, numbered markers in
 * the status colours, labels that never overlap, and a side panel with the
 * node list and the legend. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAPER 0xfaf8f3
#define MAP_BG 0xe6ede8
#define FRAME 0xc9c2b2
#define INK 0x222222
#define MUTED 0x666666
#define ROUTE 0x3d4b5c
#define NUMBER_INK 0xa4161a
#define KIND_INK 0x707070
#define AREA_INK 0x9a8d70
#define ROUTE_W 5             /* the route line at k = 1, and its white casing */
#define ROUTE_CASING 9
#define SCALE_PX 180          /* longest scale bar at k = 1 */
#define PHONE_MAP_H 400       /* height of the phone variant's map at k = 1 (375 px wide) */

typedef struct {
    const hc_model *m;
    const hc_project *p;
    int w, h;
    double k;
    int phone;                /* portrait: map on top, node list and legend below */
    int sign;                 /* a node sign's map: no title bar (the sign has its own) and no
                               * panel: the map takes the width, for type read from 2 m */
    mp_ink ink;
    int title_h;
    mp_box frame;             /* the map */
    mp_box panel;             /* node list and legend */
    mp_proj proj;
    size_t n;
    mp_pt *home, *pos;        /* projected, and where the marker is drawn */
    double r, ring, ext;
    size_t *order;            /* node indices by number (route first) */
    size_t *number;           /* per node: its number, 1-based */
    int *shape;               /* per node */
    const char **kinds;       /* distinct kinds, first seen first */
    size_t nkinds;
    mp_label *labels;         /* per number (labels[i] is order[i]) */
    int *num_w;               /* width of the bold number, per number */
    mp_box north, scale;
    mp_box *area_name;        /* per township outline: where its name goes (w = 0: not shown) */
    double label_px, number_px, pad;
    double lk;                /* the map's type (node labels, township and river names) × k × lk */
} layout;

static void layout_free(layout *L)
{
    free(L->home); free(L->pos); free(L->order); free(L->number); free(L->shape);
    free(L->kinds); free(L->labels); free(L->num_w); free(L->area_name);
}

static const char *kind_of(const hc_node *nd) { return nd->kind && *nd->kind ? nd->kind : "其他"; }

static int node_color(const layout *L, size_t i)
{
    size_t s = L->p->nodes[i].status;
    return mp_status_color(L->m, s != HC_NONE ? s : L->p->status);
}

/* Route nodes first (first visit), then the others in file order. */
static void number_nodes(layout *L)
{
    const hc_project *p = L->p;
    size_t c = 0;
    for (size_t i = 0; i < L->n; i++) L->number[i] = 0;
    for (size_t i = 0; i < p->nroute; i++) {
        size_t j = p->route[i];
        if (j < L->n && !L->number[j]) {
            L->number[j] = ++c;
            L->order[c - 1] = j;
        }
    }
    for (size_t j = 0; j < L->n; j++)
        if (!L->number[j]) {
            L->number[j] = ++c;
            L->order[c - 1] = j;
        }
}

static void assign_kinds(layout *L)
{
    for (size_t i = 0; i < L->n; i++) {
        const char *kd = kind_of(&L->p->nodes[i]);
        size_t j;
        for (j = 0; j < L->nkinds; j++)
            if (!strcmp(L->kinds[j], kd)) break;
        if (j == L->nkinds) L->kinds[L->nkinds++] = kd;
        L->shape[i] = (int)(j % MP_SHAPE_COUNT);
    }
}

static int iround(double v) { return (int)lround(v); }

static mp_box marker_box(const layout *L, size_t i)
{
    int x0 = (int)floor(L->pos[i].x - L->ext), y0 = (int)floor(L->pos[i].y - L->ext);
    int x1 = (int)ceil(L->pos[i].x + L->ext), y1 = (int)ceil(L->pos[i].y + L->ext);
    mp_box b = { x0, y0, x1 - x0, y1 - y0 };
    return b;
}

/* Does segment a–b pass within pad of box r? (Liang–Barsky clipping) */
static int seg_hits_box(mp_pt a, mp_pt b, mp_box r, double pad)
{
    double x0 = r.x - pad, y0 = r.y - pad, x1 = r.x + r.w + pad, y1 = r.y + r.h + pad;
    double dx = b.x - a.x, dy = b.y - a.y, t0 = 0, t1 = 1;
    double p[4] = { -dx, dx, -dy, dy }, q[4] = { a.x - x0, x1 - a.x, a.y - y0, y1 - a.y };
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0) return 0;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0 && t > t0) t0 = t;
        if (p[i] > 0 && t < t1) t1 = t;
        if (t0 > t1) return 0;
    }
    return 1;
}

static int hits_route(const layout *L, mp_box b)
{
    const hc_project *p = L->p;
    for (size_t i = 1; i < p->nroute; i++)
        if (p->route[i - 1] < L->n && p->route[i] < L->n &&
            seg_hits_box(L->pos[p->route[i - 1]], L->pos[p->route[i]], b, 5 * L->k))
            return 1;
    return 0;
}

/* A township's name at the mean of its outline (or a little above or below),
 * shown only if it lies in the map and clear of every marker and of the
 * route; labels then keep clear of it. */
static void place_area_names(layout *L)
{
    const hc_model *m = L->m;
    double px = 15 * L->k * L->lk;
    L->area_name = hc_xcalloc(m->nareas + 1, sizeof *L->area_name);
    for (size_t a = 0; a < m->nareas; a++) {
        const hc_geo_area *ar = &m->areas[a];
        double cx = 0, cy = 0;
        for (size_t i = 0; i < ar->npoints; i++) {
            mp_pt q = mp_proj_apply(&L->proj, ar->lon[i], ar->lat[i]);
            cx += q.x / ar->npoints;
            cy += q.y / ar->npoints;
        }
        int tw = mp_text_width(L->ink.font, px, ar->name);
        static const double shifts[] = { 0, -2, 2, -4, 4 };
        for (size_t s = 0; s < sizeof shifts / sizeof *shifts; s++) {
            mp_box b = { iround(cx - tw / 2.0), iround(cy - px / 2 + shifts[s] * px), tw, iround(px) };
            int show = mp_box_inside(b, L->frame) && !mp_box_overlap(b, L->north) &&
                       !mp_box_overlap(b, L->scale) && !hits_route(L, b);
            for (size_t i = 0; i < L->n && show; i++)
                if (mp_box_overlap(b, marker_box(L, i))) show = 0;
            for (size_t j = 0; j < a && show; j++)
                if (mp_box_overlap(b, L->area_name[j])) show = 0;
            if (show) {
                L->area_name[a] = b;
                break;
            }
        }
    }
}

/* Projects the nodes into the map frame and moves apart the markers that
 * would hide each other or the map furniture. */
static void place_markers(layout *L)
{
    const hc_project *p = L->p;
    double k = L->k;
    L->r = (L->n <= 30 ? 10 : L->n <= 80 ? 8 : 6) * k;
    L->ring = 2 * k;
    L->ext = mp_marker_extent(L->r, L->ring);
    mp_geo_bounds gb;
    mp_geo_bounds_init(&gb);
    for (size_t i = 0; i < L->n; i++) mp_geo_bounds_add(&gb, p->nodes[i].lon, p->nodes[i].lat);
    mp_rect fr = { L->frame.x, L->frame.y, L->frame.w, L->frame.h };
    mp_proj_fit(&L->proj, &gb, fr, (L->phone ? 44 : 70) * k, 0.8);
    for (size_t i = 0; i < L->n; i++)
        L->home[i] = L->pos[i] = mp_proj_apply(&L->proj, p->nodes[i].lon, p->nodes[i].lat);
    int ns = iround(44 * k);
    L->north = (mp_box){ L->frame.x + L->frame.w - ns - iround(12 * k), L->frame.y + iround(10 * k), ns, ns };
    L->scale = mp_scale_bar_box(&L->ink, L->frame.x + iround(16 * k), L->frame.y + L->frame.h - iround(12 * k),
                                iround(SCALE_PX * k));
    mp_box furniture[2] = { L->north, L->scale };
    /* in number order, so that the route's first nodes keep their place */
    mp_pt *tmp = hc_xcalloc(L->n, sizeof *tmp);
    for (size_t i = 0; i < L->n; i++) tmp[i] = L->pos[L->order[i]];
    double inset = L->ext + 2 * k;
    mp_rect sr = { fr.x + inset, fr.y + inset, fr.w - 2 * inset, fr.h - 2 * inset };
    mp_spread(tmp, L->n, 2 * L->ext + 2 * k, sr, furniture, 2);
    for (size_t i = 0; i < L->n; i++) L->pos[L->order[i]] = tmp[i];
    free(tmp);
}

/* Labels "N name" beside each marker, else "N", placed in number order,
 * clear of the markers, the furniture and the township names. */
static void place_labels(layout *L)
{
    const hc_model *m = L->m;
    double k = L->k;
    L->label_px = MP_ROUTE_LABEL_PX * k * L->lk;
    L->number_px = MP_ROUTE_LABEL_PX * k * L->lk;
    L->pad = 4 * k * L->lk;
    size_t nob = L->n + 2 + m->nareas;
    mp_box *obst = hc_xcalloc(nob, sizeof *obst);
    for (size_t i = 0; i < L->n; i++) obst[i] = marker_box(L, i);
    obst[L->n] = L->north;
    obst[L->n + 1] = L->scale;
    for (size_t a = 0; a < m->nareas; a++) obst[L->n + 2 + a] = L->area_name[a];
    char num[24];
    int lh = iround(L->label_px + 2 * L->pad);
    for (size_t c = 0; c < L->n; c++) {
        size_t i = L->order[c];
        mp_label *lb = &L->labels[c];
        snprintf(num, sizeof num, "%zu", c + 1);
        L->num_w[c] = mp_text_width(L->ink.bold, L->number_px, num);
        int tw = mp_text_width(L->ink.font, L->label_px, L->p->nodes[i].name);
        lb->ax = L->pos[i].x;
        lb->ay = L->pos[i].y;
        lb->ar = L->ext;
        lb->full_w = tw ? L->num_w[c] + iround(5 * k * L->lk) + tw + iround(2 * L->pad) : 0;
        lb->full_h = lh;
        lb->num_w = L->num_w[c] + iround(2 * L->pad);
        lb->num_h = lh;
    }
    mp_labels_place(L->labels, L->n, obst, nob, L->frame);
    free(obst);
}

/* Height of the legend block at the foot of the panel (see draw_legend). */
static int legend_height(const layout *L)
{
    double k = L->k;
    size_t kinds = L->nkinds > 8 ? 8 : L->nkinds;
    int row = iround(22 * k);
    return iround(30 * k) + (int)L->m->std.nstatuses * row + iround(8 * k) + (int)kinds * row +
           (L->nkinds > kinds ? row : 0) + (L->p->nroute >= 2 ? row : 0) + iround(14 * k);
}

/* The panel's height that lists every node above the legend (see draw_panel). */
static int panel_height(const layout *L)
{
    double k = L->k;
    return iround(14 * k) + iround(28 * k) + (int)L->n * iround(22 * k) + iround(8 * k) + legend_height(L);
}

/* Frame and panel: side by side (web, print), or the map on top and the
 * panel below it (phone: h follows from the nodes and the legend). */
static void place_boxes(layout *L)
{
    double k = L->k;
    int w = L->w;
    if (L->phone) {
        int gap = iround(8 * k);
        L->title_h = mp_phone_title_height(&L->ink);
        L->frame = (mp_box){ gap, L->title_h + gap, w - 2 * gap, iround(PHONE_MAP_H * k) };
        int top = L->frame.y + L->frame.h + gap;
        L->panel = (mp_box){ 0, top, w, panel_height(L) };
        L->h = top + L->panel.h;
        return;
    }
    L->title_h = L->sign ? 0 : mp_title_bar_height(&L->ink, 1);
    int pw = L->sign ? 0 : iround(300 * k), gap = iround(16 * k), h = L->h;
    L->panel = (mp_box){ w - pw, L->title_h, pw, h - L->title_h };
    L->frame = (mp_box){ gap, L->title_h + gap, w - pw - 2 * gap, h - L->title_h - 2 * gap };
}

enum { R_WEB, R_PHONE, R_SIGN };
/* mode: R_*. h is ignored for the phone variant: it follows from the data.
 * lk scales the map's type (1: as everywhere; signs: larger). */
static int make_layout(layout *L, const hc_model *m, size_t pi, int w, int h, double k, int mode, double lk)
{
    memset(L, 0, sizeof *L);
    const hc_project *p = &m->projects[pi];
    if (!p->nnodes) return -1;
    L->m = m;
    L->p = p;
    L->w = w;
    L->h = h;
    L->k = k;
    L->phone = mode == R_PHONE;
    L->sign = mode == R_SIGN;
    L->lk = lk;
    L->n = p->nnodes;
    L->ink = mp_ink_at(k);

    L->home = hc_xcalloc(L->n, sizeof *L->home);
    L->pos = hc_xcalloc(L->n, sizeof *L->pos);
    L->order = hc_xcalloc(L->n, sizeof *L->order);
    L->number = hc_xcalloc(L->n, sizeof *L->number);
    L->shape = hc_xcalloc(L->n, sizeof *L->shape);
    L->kinds = hc_xcalloc(L->n, sizeof *L->kinds);
    L->labels = hc_xcalloc(L->n, sizeof *L->labels);
    L->num_w = hc_xcalloc(L->n, sizeof *L->num_w);
    number_nodes(L);
    assign_kinds(L);
    place_boxes(L);

    place_markers(L);
    place_area_names(L);
    place_labels(L);
    return 0;
}

/* ---- drawing ---- */

static void draw_route(gdImagePtr im, const layout *L)
{
    const hc_project *p = L->p;
    double k = L->k;
    if (p->nroute < 2) return;
    mp_pt *pts = hc_xcalloc(p->nroute, sizeof *pts);
    size_t n = 0;
    for (size_t i = 0; i < p->nroute; i++)
        if (p->route[i] < L->n) pts[n++] = L->pos[p->route[i]];
    mp_polyline(im, pts, n, ROUTE_CASING * k, 0xffffff);
    mp_polyline(im, pts, n, ROUTE_W * k, ROUTE);
    double size = 17 * k;
    for (size_t i = 1; i < n; i++) {
        double dx = pts[i].x - pts[i - 1].x, dy = pts[i].y - pts[i - 1].y;
        double len = sqrt(dx * dx + dy * dy);
        if (len < 2 * L->ext + 2.2 * size) continue;
        double mx = (pts[i].x + pts[i - 1].x) / 2, my = (pts[i].y + pts[i - 1].y) / 2;
        mp_arrowhead(im, mx, my, dx, dy, size + 4 * k, 0xffffff);
        mp_arrowhead(im, mx, my, dx, dy, size, ROUTE);
    }
    free(pts);
}

/* Leader lines go under the markers, so that they never hide one. */
static void draw_leader(gdImagePtr im, const layout *L, size_t c)
{
    const mp_label *lb = &L->labels[c];
    if (lb->mode == MP_LABEL_NONE || !lb->leader) return;
    double bx = lb->ax < lb->box.x ? lb->box.x : lb->ax > lb->box.x + lb->box.w ? lb->box.x + lb->box.w : lb->ax;
    double by = lb->ay < lb->box.y ? lb->box.y : lb->ay > lb->box.y + lb->box.h ? lb->box.y + lb->box.h : lb->ay;
    double dx = bx - lb->ax, dy = by - lb->ay, d = sqrt(dx * dx + dy * dy);
    if (d > L->ext) mp_capsule(im, lb->ax + dx / d * L->ext, lb->ay + dy / d * L->ext, bx, by, 1.2 * L->k, MUTED);
}

static void draw_label(gdImagePtr im, const layout *L, size_t c)
{
    const mp_label *lb = &L->labels[c];
    size_t i = L->order[c];
    double k = L->k;
    if (lb->mode == MP_LABEL_NONE) return;
    mp_pt bg[4] = { { lb->box.x, lb->box.y }, { lb->box.x + lb->box.w, lb->box.y },
                    { lb->box.x + lb->box.w, lb->box.y + lb->box.h }, { lb->box.x, lb->box.y + lb->box.h } };
    mp_polygon(im, bg, 4, 0xffffff, 0.88);
    mp_polygon_outline(im, bg, 4, 0.8 * k, FRAME);
    char num[24];
    snprintf(num, sizeof num, "%zu", c + 1);
    int x = iround(lb->box.x + L->pad), y = iround(lb->box.y + L->pad);
    mp_text_draw(im, L->ink.bold, L->number_px, x, y, NUMBER_INK, num);
    if (lb->mode == MP_LABEL_FULL)
        mp_text_draw(im, L->ink.font, L->label_px, x + L->num_w[c] + iround(5 * k * L->lk), y, INK,
                     L->p->nodes[i].name);
}

/* Legend block at the bottom of the panel; returns its top (draw = 0: only measures). */
static int draw_legend(gdImagePtr im, const layout *L, int draw)
{
    double k = L->k;
    int x = L->panel.x + iround(18 * k), w = L->panel.w - iround(36 * k);
    size_t kinds = L->nkinds > 8 ? 8 : L->nkinds;
    int row = iround(22 * k);
    int top = L->panel.y + L->panel.h - legend_height(L);
    if (!draw) return top;
    mp_capsule(im, x, top, x + w, top, 1 * k, FRAME);
    int y = top + iround(8 * k);
    mp_text_draw(im, L->ink.bold, 15 * k, x, y, INK, "图例");
    y += iround(26 * k);
    y = mp_legend_statuses(im, &L->ink, L->m, x, y, w, 1) + iround(8 * k);
    hc_buf t = HC_BUF_INIT;
    for (size_t j = 0; j < kinds; j++) {
        mp_marker(im, (int)(j % MP_SHAPE_COUNT), x + 11 * k, y + 10 * k, 6 * k, 0, KIND_INK, 0);
        mp_text_fit(&t, L->ink.font, 13 * k, L->kinds[j], w - iround(30 * k));
        mp_text_draw(im, L->ink.font, 13 * k, iround(x + 30 * k), iround(y + 1 * k), INK, hc_buf_cstr(&t));
        y += row;
    }
    if (L->nkinds > kinds) {
        hc_buf_reset(&t);
        hc_buf_printf(&t, "另有 %zu 类节点", L->nkinds - kinds);
        mp_text_draw(im, L->ink.font, 13 * k, iround(x + 30 * k), iround(y + 1 * k), MUTED, hc_buf_cstr(&t));
        y += row;
    }
    if (L->p->nroute >= 2) {
        mp_capsule(im, x, y + 10 * k, x + 22 * k, y + 10 * k, 5 * k, ROUTE);
        mp_arrowhead(im, x + 13 * k, y + 10 * k, 1, 0, 12 * k, ROUTE);
        mp_text_draw(im, L->ink.font, 13 * k, iround(x + 30 * k), iround(y + 1 * k), INK, "参观线路（箭头示方向）");
    }
    hc_buf_free(&t);
    return top;
}

static void draw_panel(gdImagePtr im, const layout *L)
{
    double k = L->k;
    const hc_project *p = L->p;
    mp_fill_rect(im, L->panel.x, L->panel.y, L->panel.w, L->panel.h, 0xffffff);
    if (L->phone) mp_fill_rect(im, L->panel.x, L->panel.y, L->panel.w, 1 * k, FRAME);
    else mp_fill_rect(im, L->panel.x, L->panel.y, 1 * k, L->panel.h, FRAME);
    int legend_top = draw_legend(im, L, 1);
    int x = L->panel.x + iround(18 * k), w = L->panel.w - iround(36 * k);
    int y = L->panel.y + iround(14 * k), row = iround(22 * k) > 0 ? iround(22 * k) : 1;
    char head[64];
    snprintf(head, sizeof head, "节点（%zu）", L->n);
    mp_text_draw(im, L->ink.bold, 15 * k, x, y, INK, head);
    y += iround(28 * k);
    int room = legend_top - iround(8 * k) - y;
    size_t fit = room > 0 ? (size_t)(room / row) : 0;
    size_t show = L->n <= fit ? L->n : fit > 0 ? fit - 1 : 0;
    hc_buf t = HC_BUF_INIT;
    char num[24];
    for (size_t c = 0; c < show; c++) {
        size_t i = L->order[c];
        mp_marker(im, L->shape[i], x + 7 * k, y + 10 * k, 5.5 * k, 0, node_color(L, i), 0);
        snprintf(num, sizeof num, "%zu", c + 1);
        mp_text_draw(im, L->ink.bold, 13 * k, iround(x + 18 * k), iround(y + 1 * k), NUMBER_INK, num);
        mp_text_fit(&t, L->ink.font, 13 * k, p->nodes[i].name, w - iround(46 * k));
        mp_text_draw(im, L->ink.font, 13 * k, iround(x + 44 * k), iround(y + 1 * k), INK, hc_buf_cstr(&t));
        y += row;
    }
    if (show < L->n) {
        hc_buf_reset(&t);
        hc_buf_printf(&t, "…… 另有 %zu 个节点", L->n - show);
        mp_text_draw(im, L->ink.font, 13 * k, iround(x + 18 * k), iround(y + 1 * k), MUTED, hc_buf_cstr(&t));
    }
    hc_buf_free(&t);
}

static void subtitle(hc_buf *b, const hc_model *m, const hc_project *p)
{
    const char *sep = "";
    if (p->domain != HC_NONE && p->domain < m->std.ndomains) {
        const hc_domain *d = &m->std.domains[p->domain];
        hc_buf_puts(b, d->full ? d->full : d->name);
        sep = " · ";
    }
    if (p->level != HC_NONE && p->level < m->std.nlevels) {
        hc_buf_printf(b, "%s%s", sep, m->std.levels[p->level].name);
        sep = " · ";
    }
    for (size_t i = 0; i < p->ntownships; i++) {
        hc_buf_printf(b, "%s%s", i ? "、" : sep, p->townships[i]);
        sep = " · ";
    }
    if (p->lead_name) hc_buf_printf(b, "%s挂帅：%s", sep, p->lead_name);
}

/* Township outlines under the map, with the names placed by the layout. */
static void draw_areas(gdImagePtr im, const layout *L, mp_layer_lines *lines)
{
    const hc_model *m = L->m;
    mp_layers_draw(im, m, &L->proj, L->frame, L->k, lines);
    for (size_t a = 0; a < m->nareas; a++)
        if (L->area_name[a].w > 0)
            mp_text_draw(im, L->ink.font, 15 * L->k * L->lk, L->area_name[a].x, L->area_name[a].y, AREA_INK, m->areas[a].name);
}

/* Boxes along the route, one every few pixels, as wide as its casing:
 * appended to obst at *o (room for route_boxes(L, NULL, NULL) of them). */
static size_t route_boxes(const layout *L, mp_box *obst, size_t *o)
{
    const hc_project *p = L->p;
    double gap = 6 * L->k, half = ROUTE_CASING * L->k / 2;
    size_t count = 0, prev = (size_t)-1;
    for (size_t i = 0; i < p->nroute; i++) {
        if (p->route[i] >= L->n) continue;
        if (prev != (size_t)-1) {
            mp_pt a = L->pos[prev], b = L->pos[p->route[i]];
            size_t steps = (size_t)(hypot(b.x - a.x, b.y - a.y) / gap) + 1;
            for (size_t s = 0; s <= steps; s++, count++) {
                if (!obst) continue;
                double x = a.x + (b.x - a.x) * s / steps, y = a.y + (b.y - a.y) * s / steps;
                obst[(*o)++] = (mp_box){ (int)floor(x - half), (int)floor(y - half), (int)ceil(2 * half), (int)ceil(2 * half) };
            }
        }
        prev = p->route[i];
    }
    return count;
}

/* River and road names, clear of markers, labels, township names, furniture
 * and the route itself. */
static void draw_line_labels(gdImagePtr im, const layout *L, const mp_layer_lines *lines)
{
    size_t o = 0;
    mp_box *obst = hc_xcalloc(2 * L->n + L->m->nareas + 2 + route_boxes(L, NULL, NULL), sizeof *obst);
    route_boxes(L, obst, &o);
    for (size_t c = 0; c < L->n; c++) {
        obst[o++] = marker_box(L, L->order[c]);
        if (L->labels[c].mode != MP_LABEL_NONE) obst[o++] = L->labels[c].box;
    }
    for (size_t a = 0; a < L->m->nareas; a++) obst[o++] = L->area_name[a];
    obst[o++] = L->north;
    obst[o++] = L->scale;
    mp_layers_line_labels(im, lines, L->frame, 12 * L->k * L->lk, L->ink.font, obst, o);
    free(obst);
}

static void draw_map(gdImagePtr im, const layout *L)
{
    double k = L->k;
    mp_box f = L->frame;
    mp_fill_rect(im, f.x, f.y, f.w, f.h, MAP_BG);
    mp_layer_lines lines = { 0 };
    draw_areas(im, L, &lines);
    /* the base layer may reach past the frame: paper over the margins */
    mp_fill_rect(im, 0, 0, L->w, f.y, PAPER);
    mp_fill_rect(im, 0, f.y + f.h, L->w, L->h - f.y - f.h, PAPER);
    mp_fill_rect(im, 0, f.y, f.x, f.h, PAPER);
    mp_fill_rect(im, f.x + f.w, f.y, L->w - f.x - f.w, f.h, PAPER);
    mp_stroke_rect(im, f.x, f.y, f.w, f.h, 1 * k, FRAME);
    /* fanned-out markers keep a thin line to where they really are */
    for (size_t i = 0; i < L->n; i++) {
        double dx = L->pos[i].x - L->home[i].x, dy = L->pos[i].y - L->home[i].y;
        if (dx * dx + dy * dy < 0.25) continue;
        mp_capsule(im, L->home[i].x, L->home[i].y, L->pos[i].x, L->pos[i].y, 1.2 * k, MUTED);
        mp_disc(im, L->home[i].x, L->home[i].y, 2.2 * k, MUTED);
    }
    draw_route(im, L);
    for (size_t c = 0; c < L->n; c++) draw_leader(im, L, c);
    for (size_t c = 0; c < L->n; c++) {
        size_t i = L->order[c];
        mp_marker(im, L->shape[i], L->pos[i].x, L->pos[i].y, L->r, L->ring, node_color(L, i), 0xffffff);
    }
    for (size_t c = 0; c < L->n; c++) draw_label(im, L, c);
    draw_line_labels(im, L, &lines);
    mp_layer_lines_free(&lines);
    mp_north_arrow(im, &L->ink, L->north);
    mp_scale_bar(im, &L->ink, &L->proj, L->scale.x + iround(4 * k), L->scale.y + L->scale.h, iround(SCALE_PX * k));
}

static gdImagePtr route_image(const hc_model *m, size_t pi, int w, int h, double k, int mode, double lk)
{
    layout L;
    if (make_layout(&L, m, pi, w, h, k, mode, lk) != 0) return NULL;
    gdImagePtr im = mp_canvas(w, L.h, PAPER);
    if (im) {
        draw_map(im, &L);
        hc_buf title = HC_BUF_INIT, sub = HC_BUF_INIT;
        hc_buf_printf(&title, "%s  %s", L.p->id, L.p->name);
        subtitle(&sub, m, L.p);
        if (L.phone) mp_phone_title_bar(im, &L.ink, hc_buf_cstr(&title), hc_buf_cstr(&sub));
        else if (!L.sign) mp_title_bar(im, &L.ink, hc_buf_cstr(&title), hc_buf_cstr(&sub));
        hc_buf_free(&title);
        hc_buf_free(&sub);
        if (!L.sign) draw_panel(im, &L);
    }
    layout_free(&L);
    return im;
}

gdImagePtr mp_route_image(const hc_model *m, size_t pi, int w, int h, double k)
{
    return route_image(m, pi, w, h, k, R_WEB, 1.0);
}

gdImagePtr mp_route_sign_image(const hc_model *m, size_t pi, int w, int h, double k, double lk)
{
    return route_image(m, pi, w, h, k, R_SIGN, lk);
}

gdImagePtr mp_route_phone_image(const hc_model *m, size_t pi, double k)
{
    return route_image(m, pi, iround(MP_PHONE_W * k), 0, k, R_PHONE, 1.0);
}

int mp_route_phone_height(const hc_model *m, size_t pi, double k)
{
    layout L;
    memset(&L, 0, sizeof L);
    const hc_project *p = &m->projects[pi];
    if (!p->nnodes) return 0;
    L.m = m;
    L.p = p;
    L.k = k;
    L.n = p->nnodes;
    L.w = iround(MP_PHONE_W * k);
    L.phone = 1;
    L.ink.k = k;
    L.order = hc_xcalloc(L.n, sizeof *L.order);
    L.number = hc_xcalloc(L.n, sizeof *L.number);
    L.shape = hc_xcalloc(L.n, sizeof *L.shape);
    L.kinds = hc_xcalloc(L.n, sizeof *L.kinds);
    number_nodes(&L);
    assign_kinds(&L);
    place_boxes(&L);
    layout_free(&L);
    return L.h;
}

void mp_route_hash(mp_hkey *key, const hc_model *m, size_t pi)
{
    const hc_project *p = &m->projects[pi];
    mp_hk_init(key, "route");
    mp_hk_common(key, m);
    mp_hk_str(key, p->id);
    mp_hk_str(key, p->name);
    hc_buf sub = HC_BUF_INIT;
    subtitle(&sub, m, p);
    mp_hk_str(key, hc_buf_cstr(&sub));
    hc_buf_free(&sub);
    mp_hk_int(key, (long)p->status);
    mp_hk_int(key, (long)p->nnodes);
    for (size_t i = 0; i < p->nnodes; i++) {
        const hc_node *nd = &p->nodes[i];
        mp_hk_str(key, nd->id);
        mp_hk_str(key, nd->name);
        mp_hk_str(key, nd->kind);
        mp_hk_num(key, nd->lon);
        mp_hk_num(key, nd->lat);
        mp_hk_int(key, (long)nd->status);
    }
    mp_hk_int(key, (long)p->nroute);
    for (size_t i = 0; i < p->nroute; i++) mp_hk_int(key, (long)p->route[i]);
    mp_hk_areas(key, m);
}

int mp_route_marker_pos(const hc_model *m, size_t pi, int w, int h, double k, double lk, hc_map_marker *out)
{
    layout L;
    if (pi >= m->nprojects || make_layout(&L, m, pi, w, h, k, R_SIGN, lk) != 0) return -1;
    for (size_t i = 0; i < L.n; i++) {
        out[i].x = L.pos[i].x;
        out[i].y = L.pos[i].y;
        out[i].ext = L.ext;
        out[i].number = L.number[i];
    }
    for (size_t c = 0; c < L.n; c++)
        if (L.labels[c].mode != MP_LABEL_NONE) {
            mp_box b = L.labels[c].box;
            hc_map_marker *o = &out[L.order[c]];
            o->lx = b.x, o->ly = b.y, o->lw = b.w, o->lh = b.h;
        }
    out[0].frame_x = L.frame.x;
    out[0].frame_y = L.frame.y;
    out[0].frame_w = L.frame.w;
    out[0].frame_h = L.frame.h;
    out[0].route_w = ROUTE_W * k;
    out[0].casing_w = ROUTE_CASING * k;
    layout_free(&L);
    return 0;
}

/* One box of the layout; text is "full" or "number" for labels, NULL for
 * markers, which also give their centre c. */
static void json_box(hc_buf *j, mp_box b, const char *text, mp_pt c, size_t node, int *first)
{
    hc_buf_printf(j, "%s{\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d,\"kind\":\"%s\",", *first ? "" : ",", b.x, b.y,
                  b.w, b.h, text ? "label" : "marker");
    if (text) hc_buf_printf(j, "\"text\":\"%s\",", text);
    else hc_buf_printf(j, "\"cx\":%.2f,\"cy\":%.2f,", c.x, c.y);
    hc_buf_printf(j, "\"node\":%zu}", node);
    *first = 0;
}

int mp_route_layout_json(const hc_model *m, size_t pi, int w, int h, double k, hc_buf *json)
{
    layout L;
    hc_buf_printf(json, "{\"width\":%d,\"height\":%d,\"boxes\":[", w, h);
    if (pi < m->nprojects && make_layout(&L, m, pi, w, h, k, R_WEB, 1.0) == 0) {
        int first = 1;
        for (size_t i = 0; i < L.n; i++) json_box(json, marker_box(&L, i), NULL, L.pos[i], i, &first);
        for (size_t c = 0; c < L.n; c++)
            if (L.labels[c].mode != MP_LABEL_NONE)
                json_box(json, L.labels[c].box, L.labels[c].mode == MP_LABEL_FULL ? "full" : "number",
                         L.pos[L.order[c]], L.order[c], &first);
        layout_free(&L);
    }
    hc_buf_puts(json, "]}");
    return 0;
}
