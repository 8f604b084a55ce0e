/* signs.c — the node signs (醒目标识): see signs.h.
 *
 * Page plan (A3; every length scales with the trim width): a band of the
 * theme colour across the top (into the bleed) with the unit's number and
 * name; the node's name (up to two lines), its kind and place on the route,
 * its status; the route map; at the foot, the next node with an arrow
 * pointing its way (north up, as on the map) and the QR code. */
#include "signs.h"
#include "pdfx.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include "../../model/permalink.h"
#include "../maps/maps.h"
#include <cairo-pdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIGN_DPI 200          /* the route map: preflight asks 200 ppi at least; small files */
#define SIGN_MARGIN_MM 15.0
#define SIGN_MAP_TOP_MM 128.0
#define SIGN_MAP_H_MM 196.0
#define WALK_M_PER_MIN 70.0   /* 4.2 km/h over the straight line */

struct pdf_signs {
    pdf_env env;              /* the album's, with the sign's geometry */
    struct pdf_pdfx *pdfx;
    double s;                 /* scale: trim width / 297 mm */
    double map_w_mm, map_h_mm;
    pthread_mutex_t mu;
    size_t files;
};

pdf_signs *pdf_signs_new(const pdf_env *env, double w_mm, double h_mm, struct pdf_pdfx *pdfx)
{
    pdf_signs *s = hc_xcalloc(1, sizeof *s);
    s->env = *env;
    if (pdf_geom_init(&s->env.geom, w_mm, h_mm, env->opts->bleed_mm) != 0 || w_mm < 140 || h_mm < w_mm) {
        hc_error(env->d, "print", "site.yaml", 0, 0, "sign size %g × %g mm is out of range (portrait, A5 to A0)",
                 w_mm, h_mm);
        free(s);
        return NULL;
    }
    s->pdfx = pdfx;
    s->s = w_mm / 297.0;
    s->map_w_mm = w_mm - 2 * SIGN_MARGIN_MM * s->s;
    s->map_h_mm = SIGN_MAP_H_MM * s->s;
    pthread_mutex_init(&s->mu, NULL);
    return s;
}

void pdf_signs_free(pdf_signs *s)
{
    if (!s) return;
    pthread_mutex_destroy(&s->mu);
    free(s);
}

size_t pdf_signs_files(const pdf_signs *s) { return s ? s->files : 0; }

/* ---- where the next node is ---- */

const char *pdf_sign_direction(double lon0, double lat0, double lon1, double lat1, double *metres)
{
    static const char *const names[8] = { "北", "东北", "东", "东南", "南", "西南", "西", "西北" };
    const double rad = M_PI / 180.0, R = 6371008.8;
    double p0 = lat0 * rad, p1 = lat1 * rad, dl = (lon1 - lon0) * rad;
    double a = sin((p1 - p0) / 2) * sin((p1 - p0) / 2) + cos(p0) * cos(p1) * sin(dl / 2) * sin(dl / 2);
    *metres = 2 * R * atan2(sqrt(a), sqrt(1 - a));
    double bearing = atan2(sin(dl) * cos(p1), cos(p0) * sin(p1) - sin(p0) * cos(p1) * cos(dl)) / rad;
    if (bearing < 0) bearing += 360;
    return names[(int)floor((bearing + 22.5) / 45.0) % 8];
}

static double bearing_rad(const hc_node *a, const hc_node *b)
{
    double c = cos((a->lat + b->lat) / 2 * M_PI / 180.0);
    return atan2((b->lon - a->lon) * c, b->lat - a->lat);
}

/* The node after node i: the next stop on the route when i is on it (none
 * at its end); the route's first stop for a node off the route (*start = 1);
 * the next node in file order when the unit has no route. *at: i's place on
 * the route, HC_NONE when it is not on it. */
static size_t next_node(const hc_project *p, size_t i, size_t *at, int *start)
{
    *at = HC_NONE;
    *start = 0;
    for (size_t k = 0; k < p->nroute; k++)
        if (p->route[k] == i) {
            *at = k;
            return k + 1 < p->nroute && p->route[k + 1] < p->nnodes ? p->route[k + 1] : HC_NONE;
        }
    if (p->nroute >= 2) {
        *start = 1;
        return p->route[0] < p->nnodes ? p->route[0] : HC_NONE;
    }
    return i + 1 < p->nnodes ? i + 1 : HC_NONE;
}

/* Distinct nodes on the route. */
static size_t route_stops(const hc_project *p)
{
    size_t n = 0;
    for (size_t k = 0; k < p->nroute; k++) {
        size_t j = 0;
        while (j < k && p->route[j] != p->route[k]) j++;
        if (j == k && p->route[k] < p->nnodes) n++;
    }
    return n;
}

/* ---- drawing ---- */

typedef struct {
    pdf_doc *p;
    const pdf_signs *s;
    const hc_project *u;
    size_t node;
    const pdf_image *map;     /* the unit's route map, or NULL */
    const hc_map_marker *mk;  /* where that map draws each node */
    double x0, w;             /* text column */
} sign_ctx;

static double mm(const sign_ctx *c, double v) { return pdf_mm(v * c->s->s); }
static double pt(const sign_ctx *c, double v) { return v * c->s->s; }

static void header(const sign_ctx *c)
{
    pdf_doc *p = c->p;
    const pdf_theme *th = &p->env->theme;
    const pdf_geom *g = &p->env->geom;
    const hc_model *m = p->m;
    double band = mm(c, 52);
    pdf_fill_rect(p, -g->bleed, -g->bleed, g->trim_w + 2 * g->bleed, band + g->bleed, th->accent);
    hc_buf t = HC_BUF_INIT;
    hc_buf_puts(&t, c->u->id);
    if (c->u->domain != HC_NONE && c->u->domain < m->std.ndomains)
        hc_buf_printf(&t, "　%s", m->std.domains[c->u->domain].name);
    if (m->config.district) hc_buf_printf(&t, "　%s", m->config.district);
    pdf_tstyle k = pdf_style(PDF_SANS, pt(c, 20), 1, c->w);
    k.ellipsize = 1;
    double y = mm(c, 10);
    y += pdf_text(p, c->x0, y, hc_buf_cstr(&t), &k, th->paper);
    pdf_tstyle n = pdf_style(PDF_SANS, pt(c, 34), 1, c->w);
    pdf_title(p, c->x0, y + mm(c, 2), c->u->name, &n, th->paper);
    hc_buf_free(&t);
}

/* The node's name, largest that fits two lines; kind, place on the route,
 * status. Returns the y below. */
static double node_block(const sign_ctx *c, double y)
{
    pdf_doc *p = c->p;
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    const hc_node *nd = &c->u->nodes[c->node];
    static const double sizes[] = { 66, 54, 44, 36 };
    PangoLayout *l = NULL;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        if (l) g_object_unref(l);
        pdf_tstyle st = pdf_style(PDF_SANS, pt(c, sizes[k]), 1, c->w);
        l = pdf_title_layout(p, nd->name, &st);
        if (pango_layout_get_line_count(l) <= 1 || (k > 0 && pango_layout_get_line_count(l) <= 2)) break;
    }
    pdf_draw_layout(p, l, c->x0, y, th->ink);
    y += pdf_layout_h(l) + mm(c, 1);
    g_object_unref(l);
    const hc_map_marker *mk = c->mk;
    hc_buf t = HC_BUF_INIT;
    hc_buf_puts(&t, nd->kind && *nd->kind ? nd->kind : "示范节点");
    size_t at;
    int start;
    next_node(c->u, c->node, &at, &start);
    if (at != HC_NONE) hc_buf_printf(&t, "　·　参观线路第 %zu 站，共 %zu 站", mk[c->node].number, route_stops(c->u));
    else if (c->u->nnodes > 1) hc_buf_printf(&t, "　·　%zu 个节点之一，不在参观线路上", c->u->nnodes);
    pdf_tstyle ks = pdf_style(PDF_SANS, pt(c, 24), 1, c->w);
    y += pdf_text(p, c->x0, y, hc_buf_cstr(&t), &ks, th->muted) + mm(c, 3);
    size_t st = nd->status != HC_NONE ? nd->status : c->u->status;
    double r = mm(c, 5);
    pdf_fill_disc(p, c->x0 + r, y + r + mm(c, 0.8), r, pdf_status_rgb(th, st));
    pdf_tstyle ns = pdf_style(PDF_SANS, pt(c, 24), 1, 0);
    const char *name = st != HC_NONE ? m->std.statuses[st].name : "未标注进度";
    const char *meaning = st != HC_NONE && m->std.statuses[st].meaning ? m->std.statuses[st].meaning : "";
    PangoLayout *nl = pdf_layout(p, name, &ns);
    double tx = c->x0 + 2 * r + mm(c, 4);
    pdf_draw_layout(p, nl, tx, y, pdf_status_rgb(th, st));
    double nw = pdf_layout_w(nl), h = pdf_layout_h(nl);
    g_object_unref(nl);
    pdf_tstyle ms = pdf_style(PDF_SANS, pt(c, 20), 1, c->x0 + c->w - tx - nw - mm(c, 5));
    ms.ellipsize = 1;
    if (*meaning) pdf_text(p, tx + nw + mm(c, 5), y + pt(c, 3), meaning, &ms, th->ink);
    hc_buf_free(&t);
    return y + h;
}

/* An arrowhead at (x, y) pointing along (dx, dy). */
static void arrowhead(cairo_t *cr, double x, double y, double dx, double dy, double size)
{
    double d = hypot(dx, dy);
    if (d <= 0) return;
    dx /= d;
    dy /= d;
    cairo_move_to(cr, x + dx * size * 0.6, y + dy * size * 0.6);
    cairo_line_to(cr, x - dx * size * 0.4 - dy * size * 0.5, y - dy * size * 0.4 + dx * size * 0.5);
    cairo_line_to(cr, x - dx * size * 0.4 + dy * size * 0.5, y - dy * size * 0.4 - dx * size * 0.5);
    cairo_close_path(cr);
}

/* The route from this node to its end, over the map's route, in the theme colour. */
static void route_ahead(const sign_ctx *c, double mx, double my, double sc)
{
    const hc_project *u = c->u;
    const hc_map_marker *mk = c->mk;
    cairo_t *cr = c->p->cr;
    size_t at;
    int start;
    next_node(u, c->node, &at, &start);
    if (at == HC_NONE || !cr) return;
    const pdf_rgb a = c->p->env->theme.accent;
    /* over the map's route line, as wide, and never over a label of the map */
    cairo_save(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_rectangle(cr, mx + mk[0].frame_x * sc, my + mk[0].frame_y * sc, mk[0].frame_w * sc, mk[0].frame_h * sc);
    for (size_t i = 0; i < u->nnodes; i++)
        if (mk[i].lw > 0) cairo_rectangle(cr, mx + mk[i].lx * sc, my + mk[i].ly * sc, mk[i].lw * sc, mk[i].lh * sc);
    cairo_clip(cr);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = at; k + 1 < u->nroute; k++) {
            size_t i = u->route[k], j = u->route[k + 1];
            if (i >= u->nnodes || j >= u->nnodes) continue;
            double x0 = mx + mk[i].x * sc, y0 = my + mk[i].y * sc, x1 = mx + mk[j].x * sc, y1 = my + mk[j].y * sc;
            double dx = x1 - x0, dy = y1 - y0, d = hypot(dx, dy), e = mk[i].ext * sc + pt(c, 3);
            if (d <= 2 * e) continue;
            dx /= d;
            dy /= d;
            cairo_move_to(cr, x0 + dx * e, y0 + dy * e);
            cairo_line_to(cr, x1 - dx * e, y1 - dy * e);
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
            cairo_set_line_width(cr, (pass ? mk[0].route_w : mk[0].casing_w) * sc);
            if (pass) cairo_set_source_rgb(cr, a.r, a.g, a.b);
            else cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_stroke(cr);
            if (d > 2 * e + pt(c, 30)) {
                arrowhead(cr, (x0 + x1) / 2, (y0 + y1) / 2, dx, dy, pass ? pt(c, 20) : pt(c, 28));
                cairo_fill(cr);
            }
        }
    }
    cairo_restore(cr);
}

/* Overlap area of two rectangles. */
static double overlap(double ax, double ay, double aw, double ah, double bx, double by, double bw, double bh)
{
    double w = fmin(ax + aw, bx + bw) - fmax(ax, bx), h = fmin(ay + ah, by + bh) - fmax(ay, by);
    return w > 0 && h > 0 ? w * h : 0;
}

/* What the 你在这里 box at (x, y), bw × bh, would hide: markers (4×),
 * labels of the map and the route. */
static double label_cost(const sign_ctx *c, double mx, double my, double sc, double x, double y, double bw, double bh)
{
    const hc_map_marker *mk = c->mk;
    double cost = 0;
    for (size_t i = 0; i < c->u->nnodes; i++) {
        double e = mk[i].ext * sc;
        cost += 4 * overlap(x, y, bw, bh, mx + mk[i].x * sc - e, my + mk[i].y * sc - e, 2 * e, 2 * e);
        if (mk[i].lw > 0)
            cost += overlap(x, y, bw, bh, mx + mk[i].lx * sc, my + mk[i].ly * sc, mk[i].lw * sc, mk[i].lh * sc);
    }
    /* and the route: points along each leg that the box would hide */
    for (size_t q = 0; q + 1 < c->u->nroute; q++) {
        size_t i = c->u->route[q], j = c->u->route[q + 1];
        if (i >= c->u->nnodes || j >= c->u->nnodes) continue;
        for (int t = 1; t < 16; t++) {
            double px = mx + (mk[i].x + (mk[j].x - mk[i].x) * t / 16.0) * sc;
            double py = my + (mk[i].y + (mk[j].y - mk[i].y) * t / 16.0) * sc;
            if (px > x && px < x + bw && py > y && py < y + bh) cost += bw * bh / 4;
        }
    }
    return cost;
}

/* Where the 你在这里 box (bw × bh) goes: above (side 0), below (1), left (2)
 * or right (3) of this node's ring (radius r), its pointer tip, 2.5, 4 or 6
 * tips long, the box centred on the node or shifted along that side (the
 * pointer then leaves from its end): the place that hides least of the
 * map's markers, labels and route, inside the map's frame; ties go to the
 * shorter pointer, then in that order. The box's top-left in *bx, *by;
 * returns the side. */
static int label_place(const sign_ctx *c, double mx, double my, double sc, double r, double tip, double bw, double bh,
                       double *bx, double *by)
{
    const hc_map_marker *mk = c->mk;
    double cx = mx + mk[c->node].x * sc, cy = my + mk[c->node].y * sc, in = mm(c, 2);
    double fl = mx + mk[0].frame_x * sc + in, ft = my + mk[0].frame_y * sc + in;
    double fr = mx + (mk[0].frame_x + mk[0].frame_w) * sc - in, fb = my + (mk[0].frame_y + mk[0].frame_h) * sc - in;
    static const double reach[] = { 1, 2.5, 4, 6 };
    double best = HUGE_VAL;
    int side = 0;
    for (int d = 0; d < 4; d++)
        for (int k = 0; k < 4; k++)
            for (int sh = 0; sh < 3; sh++) {
                double g = tip * reach[d], shift = sh == 0 ? 0 : sh == 1 ? 1 : -1;
                double x = k < 2 ? cx - bw / 2 + shift * (bw / 2 - tip) : k == 2 ? cx - r - g - bw : cx + r + g;
                double y = k == 0 ? cy - r - g - bh : k == 1 ? cy + r + g : cy - bh / 2 + shift * (bh / 2 - tip * 0.6);
                double out = 0;   /* what sticks out of the frame counts ten times; the box is then kept in */
                if (x < fl) out += (fl - x) * bh;
                if (x + bw > fr) out += (x + bw - fr) * bh;
                if (y < ft) out += (ft - y) * bw;
                if (y + bh > fb) out += (y + bh - fb) * bw;
                x = fmin(fmax(x, fl), fr - bw);
                y = fmin(fmax(y, ft), fb - bh);
                double cost = 10 * out + label_cost(c, mx, my, sc, x, y, bw, bh) + g * 1e-3;
                if (cost < best - 1e-6) {
                    best = cost;
                    side = k;
                    *bx = x;
                    *by = y;
                }
            }
    return side;
}

/* 你在这里: a ring round this node's marker and a label pointing at it from
 * the side where it hides least (label_place). */
static void you_are_here(const sign_ctx *c, double mx, double my, double sc)
{
    pdf_doc *p = c->p;
    const hc_map_marker *mk = c->mk;
    const pdf_theme *th = &p->env->theme;
    cairo_t *cr = p->cr;
    if (!cr) return;
    double cx = mx + mk[c->node].x * sc, cy = my + mk[c->node].y * sc, r = mk[c->node].ext * sc + pt(c, 7);
    /* the ring stays off the map's labels (it is wider than the marker they keep clear of) */
    cairo_save(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_rectangle(cr, mx + mk[0].frame_x * sc, my + mk[0].frame_y * sc, mk[0].frame_w * sc, mk[0].frame_h * sc);
    for (size_t i = 0; i < c->u->nnodes; i++)
        if (mk[i].lw > 0) cairo_rectangle(cr, mx + mk[i].lx * sc, my + mk[i].ly * sc, mk[i].lw * sc, mk[i].lh * sc);
    cairo_clip(cr);
    cairo_new_path(cr);
    cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, pt(c, 9));
    cairo_stroke_preserve(cr);
    cairo_set_source_rgb(cr, th->accent.r, th->accent.g, th->accent.b);
    cairo_set_line_width(cr, pt(c, 5));
    cairo_stroke(cr);
    cairo_restore(cr);
    pdf_tstyle st = pdf_style(PDF_SANS, pt(c, 30), 1, 0);
    PangoLayout *l = pdf_layout(p, "你在这里", &st);
    double tw = pdf_layout_w(l), tht = pdf_layout_h(l), pad = mm(c, 3), tip = mm(c, 6);
    double bw = tw + 2 * pad, bh = tht + 2 * pad;
    double bx = cx - bw / 2, by = cy - r - tip - bh;
    int side = label_place(c, mx, my, sc, r, tip, bw, bh, &bx, &by);
    /* the pointer: from the box's side that faces the node to the ring */
    double tx, ty, tipx = cx, tipy = cy;
    if (side < 2) {
        tx = cx < bx + tip ? bx + tip : cx > bx + bw - tip ? bx + bw - tip : cx;
        ty = side == 0 ? by + bh : by;
        tipy = side == 0 ? cy - r : cy + r;
    } else {
        ty = cy < by + tip ? by + tip : cy > by + bh - tip ? by + bh - tip : cy;
        tx = side == 2 ? bx + bw : bx;
        tipx = side == 2 ? cx - r : cx + r;
    }
    cairo_new_path(cr);
    cairo_rectangle(cr, bx, by, bw, bh);
    if (side < 2) {
        cairo_move_to(cr, tx - tip * 0.6, ty);
        cairo_line_to(cr, tipx, tipy);
        cairo_line_to(cr, tx + tip * 0.6, ty);
    } else {
        cairo_move_to(cr, tx, ty - tip * 0.6);
        cairo_line_to(cr, tipx, tipy);
        cairo_line_to(cr, tx, ty + tip * 0.6);
    }
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, pt(c, 4));
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke_preserve(cr);
    cairo_set_source_rgb(cr, th->accent.r, th->accent.g, th->accent.b);
    cairo_fill(cr);
    pdf_draw_layout(p, l, bx + pad, by + pad, th->paper);
    g_object_unref(l);
}

static void sign_map(const sign_ctx *c, double y)
{
    const pdf_image *im = c->map;
    if (!im) return;
    double w = pdf_mm(c->s->map_w_mm), h = pdf_mm(c->s->map_h_mm), sc = w / im->w;
    pdf_image_draw(c->p, im, c->x0, y, w, h);
    route_ahead(c, c->x0, y, sc);
    you_are_here(c, c->x0, y, sc);
}

/* A wide arrow in a disc of diameter d at (x, y), turned by angle (0: north, clockwise). */
static void compass_arrow(const sign_ctx *c, double x, double y, double d, double angle)
{
    pdf_doc *p = c->p;
    cairo_t *cr = p->cr;
    const pdf_theme *th = &p->env->theme;
    pdf_fill_disc(p, x + d / 2, y + d / 2, d / 2, th->accent);
    if (!cr) return;
    cairo_save(cr);
    cairo_translate(cr, x + d / 2, y + d / 2);
    cairo_rotate(cr, angle);
    double s = d / 2;
    cairo_new_path(cr);
    cairo_move_to(cr, 0, -0.72 * s);
    cairo_line_to(cr, 0.5 * s, -0.12 * s);
    cairo_line_to(cr, 0.18 * s, -0.12 * s);
    cairo_line_to(cr, 0.18 * s, 0.66 * s);
    cairo_line_to(cr, -0.18 * s, 0.66 * s);
    cairo_line_to(cr, -0.18 * s, -0.12 * s);
    cairo_line_to(cr, -0.5 * s, -0.12 * s);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, th->paper.r, th->paper.g, th->paper.b);
    cairo_fill(cr);
    cairo_restore(cr);
}

/* 下一站: its name, direction and distance, with an arrow its way; nothing
 * for a node with no next (a unit of one node); 终点 at the route's end. */
static void next_block(const sign_ctx *c, double y, double w)
{
    pdf_doc *p = c->p;
    const pdf_theme *th = &p->env->theme;
    const hc_project *u = c->u;
    size_t at;
    int start;
    size_t nx = next_node(u, c->node, &at, &start);
    if (nx == HC_NONE) {
        if (u->nnodes < 2) return;
        pdf_tstyle e = pdf_style(PDF_SANS, pt(c, 34), 1, w);
        double h = pdf_text(p, c->x0, y + mm(c, 6), "参观线路终点", &e, th->ink);
        pdf_tstyle e2 = pdf_style(PDF_SANS, pt(c, 22), 1, w);
        pdf_text(p, c->x0, y + mm(c, 8) + h, "扫码查看全部节点和线路", &e2, th->muted);
        return;
    }
    const hc_node *a = &u->nodes[c->node], *b = &u->nodes[nx];
    double metres;
    const char *dir = pdf_sign_direction(a->lon, a->lat, b->lon, b->lat, &metres);
    double d = mm(c, 40);
    if (metres >= 15) compass_arrow(c, c->x0, y, d, bearing_rad(a, b));
    double tx = c->x0 + d + mm(c, 7), tw = w - d - mm(c, 7);
    const hc_map_marker *mk = c->mk;
    hc_buf t = HC_BUF_INIT;
    pdf_tstyle l1 = pdf_style(PDF_SANS, pt(c, 22), 1, tw);
    if (start) hc_buf_printf(&t, "参观线路起点 · 第 %zu 站", mk[nx].number);
    else hc_buf_printf(&t, "下一站 · 第 %zu 站", mk[nx].number);
    y += pdf_text(p, tx, y - mm(c, 1), hc_buf_cstr(&t), &l1, th->muted);
    static const double sizes[] = { 40, 34, 28 };
    PangoLayout *nl = NULL;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        if (nl) g_object_unref(nl);
        pdf_tstyle l2 = pdf_style(PDF_SANS, pt(c, sizes[k]), 1, tw);
        nl = pdf_title_layout(p, b->name, &l2);
        if (pango_layout_get_line_count(nl) <= 1) break;
    }
    pdf_draw_layout(p, nl, tx, y, th->ink);
    y += pdf_layout_h(nl);
    g_object_unref(nl);
    hc_buf_reset(&t);
    if (metres < 15) hc_buf_puts(&t, "就在附近");
    else {
        int min = (int)lround(metres / WALK_M_PER_MIN);
        hc_buf_printf(&t, "向%s　", dir);
        if (metres < 1000) hc_buf_printf(&t, "约 %ld 米", lround(metres / 10) * 10);
        else hc_buf_printf(&t, "约 %.1f 公里", metres / 1000);
        hc_buf_printf(&t, "　步行约 %d 分钟", min < 1 ? 1 : min);
    }
    pdf_tstyle l3 = pdf_style(PDF_SANS, pt(c, 26), 1, tw);
    pdf_text(p, tx, y + mm(c, 1), hc_buf_cstr(&t), &l3, th->accent);
    hc_buf_free(&t);
}

/* The QR code to the node on the unit's page, and what it is for. */
static void qr_block(const sign_ctx *c, double x, double y, double qs, hc_buf *url)
{
    pdf_doc *p = c->p;
    const pdf_theme *th = &p->env->theme;
    pdf_qr_draw(p, hc_buf_cstr(url), x, y, qs);
    pdf_tstyle q = pdf_style(PDF_SANS, pt(c, 16), 1, qs);
    q.align = PANGO_ALIGN_CENTER;
    pdf_text(p, x, y + qs + mm(c, 1), "扫码看节点介绍、导航", &q, th->ink);
}

static void footer(const sign_ctx *c)
{
    pdf_doc *p = c->p;
    const hc_model *m = p->m;
    const pdf_geom *g = &p->env->geom;
    hc_buf t = HC_BUF_INIT;
    hc_buf_printf(&t, "%s%s%s　%s", m->config.author ? m->config.author : "", m->config.author ? "　" : "",
                  m->config.title ? m->config.title : "", p->env->date);
    pdf_tstyle f = pdf_style(PDF_SANS, pt(c, 13), 1, c->w * 0.7);
    f.ellipsize = 1;
    pdf_text(p, c->x0, g->trim_h - mm(c, SIGN_MARGIN_MM) - pt(c, 13) * 1.5, hc_buf_cstr(&t), &f, p->env->theme.muted);
    hc_buf_free(&t);
}

static void draw_page(const sign_ctx *c, hc_buf *url)
{
    pdf_doc *p = c->p;
    const pdf_geom *g = &p->env->geom;
    pdf_page_begin(p, 0, NULL, NULL);
    header(c);
    node_block(c, mm(c, 60));
    double my = mm(c, SIGN_MAP_TOP_MM);
    sign_map(c, my);
    double qs = mm(c, 60), by = my + pdf_mm(c->s->map_h_mm) + mm(c, 9);
    next_block(c, by, c->w - qs - mm(c, 8));
    qr_block(c, c->x0 + c->w - qs, by - mm(c, 2), qs, url);
    footer(c);
    (void)g;
    pdf_page_end(p);
}

static void metadata(pdf_doc *p, const hc_project *u, const hc_node *nd)
{
    hc_buf t = HC_BUF_INIT, d = HC_BUF_INIT;
    hc_buf_printf(&t, "%s %s · %s（标识）", u->id, u->name, nd->name);
    hc_buf_printf(&d, "%sT00:00:00", p->env->date);
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE, hc_buf_cstr(&t));
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_AUTHOR, p->m->config.author ? p->m->config.author : "");
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, "huace");
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATE_DATE, hc_buf_cstr(&d));
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_MOD_DATE, hc_buf_cstr(&d));
    hc_buf_free(&t);
    hc_buf_free(&d);
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
    hc_buf_put(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* The sign of node i of unit u (its map and markers: map, mk) into
 * print/signs/. Returns 0, or -1 after reporting an error. */
static int draw_sign(pdf_signs *s, const hc_project *u, size_t i, const pdf_image *map, const hc_map_marker *mk,
                      PangoContext *pc)
{
    const hc_model *m = s->env.m;
    const hc_node *nd = &u->nodes[i];
    const pdf_geom *g = &s->env.geom;
    hc_buf raw = HC_BUF_INIT, press = HC_BUF_INIT, path = HC_BUF_INIT, url = HC_BUF_INIT;
    char *err = NULL;
    int rc = -1;
    if (hc_fs_write_failure(NULL)) goto out;
    pdf_doc p;
    memset(&p, 0, sizeof p);
    p.m = m;
    p.env = &s->env;
    p.pc = pc;
    p.surface = cairo_pdf_surface_create_for_stream(to_buf, &raw, g->media_w, g->media_h);
    cairo_pdf_surface_restrict_to_version(p.surface, CAIRO_PDF_VERSION_1_5);
    p.cr = cairo_create(p.surface);
    metadata(&p, u, nd);
    sign_ctx c = { &p, s, u, i, map, mk, pdf_mm(SIGN_MARGIN_MM * s->s), g->trim_w - 2 * pdf_mm(SIGN_MARGIN_MM * s->s) };
    hc_path_project(&path, u);
    pdf_site_url(m, hc_buf_cstr(&path), &url);
    hc_buf_putc(&url, '#');
    hc_buf_puts(&url, nd->id);
    draw_page(&c, &url);
    cairo_destroy(p.cr);
    cairo_surface_finish(p.surface);
    cairo_status_t st = cairo_surface_status(p.surface);
    cairo_surface_destroy(p.surface);
    hc_buf_reset(&path);
    hc_buf_printf(&path, "print/signs/%s/%s.pdf", u->id, nd->id);
    if (st != CAIRO_STATUS_SUCCESS)
        hc_error(s->env.d, "pdf", hc_buf_cstr(&path), 0, 0, "cairo could not draw the sign: %s", cairo_status_to_string(st));
    else if (pdf_editions((const unsigned char *)raw.data, raw.len, g, p.used, p.nused, s->pdfx, s->env.date, NULL, &press,
                          &err) != 0)
        hc_error(s->env.d, "pdf", hc_buf_cstr(&path), 0, 0, "%s", err);
    else {
        hc_buf full = HC_BUF_INIT;
        hc_buf_printf(&full, "%s/%s", s->env.opts->out_dir, hc_buf_cstr(&path));
        if (hc_fs_write(hc_buf_cstr(&full), press.data, press.len) != 0)
            hc_error(s->env.d, "write", hc_buf_cstr(&path), 0, 0, "cannot write %s", hc_buf_cstr(&full));
        else {
            pthread_mutex_lock(&s->mu);
            s->files++;
            pthread_mutex_unlock(&s->mu);
            rc = 0;
        }
        hc_buf_free(&full);
    }
    pdf_doc_images_free(&p);
out:
    free(err);
    hc_buf_free(&raw);
    hc_buf_free(&press);
    hc_buf_free(&path);
    hc_buf_free(&url);
    return rc;
}

/* One unit at a time: its route map is drawn, used by its signs, and freed,
 * so the stage holds one map per thread whatever the number of units. */
int pdf_signs_unit(pdf_signs *s, size_t unit, PangoContext *pc)
{
    const hc_model *m = s->env.m;
    const hc_project *p = &m->projects[unit];
    hc_buf png = HC_BUF_INIT, name = HC_BUF_INIT;
    hc_map_marker *mk = NULL;
    pdf_image *map = NULL;
    int rc = -1;
    if (!p->nnodes) return 0;
    if (hc_fs_write_failure(NULL)) return -1;
    if (hc_map_route_sign_png(m, unit, s->map_w_mm, s->map_h_mm, SIGN_DPI, &png, &mk, s->env.d) != 0) goto out;
    const char *why = NULL;
    hc_buf_printf(&name, "sign map of %s", p->id);
    map = pdf_image_load(hc_buf_cstr(&name), (const unsigned char *)png.data, png.len, &why);
    hc_buf_free(&png);
    if (!map) {
        hc_error(s->env.d, "pdf", p->path, p->loc.line, p->loc.col, "the sign map of %s is not usable: %s", p->id, why);
        goto out;
    }
    rc = 0;
    for (size_t i = 0; i < p->nnodes && rc == 0; i++) rc = draw_sign(s, p, i, map, mk, pc);
out:
    pdf_image_free(map);
    free(mk);
    hc_buf_free(&png);
    hc_buf_free(&name);
    return rc;
}
