/* guide.c — a township's work guide (工作导图): the township, its domains and
 * its units as a small tree, each unit coloured by its status, over a pale
 * backdrop of the map layers fitted to the township (backdrop.c). */
#include "maps_int.h"
#include "../../base/alloc.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAPER 0xfaf8f3
#define INK 0x222222
#define MUTED 0x666666
#define LINK 0xb9ad94
#define ROOT_BG 0xa4161a
#define DOMAIN_BG 0xf6efe2
#define DOMAIN_LINE 0xc9b990
#define BASE_WIDTH 1000.0
#define MIN_BODY 240.0        /* px at k = 1: the body's least height when a backdrop is drawn */

static int iround(double v) { return (int)lround(v); }

static int in_township(const hc_project *p, size_t t)
{
    for (size_t j = 0; j < p->ntownships; j++)
        if (p->township_idx && p->township_idx[j] == t) return 1;
    return 0;
}

/* Smooth S-shaped connector from (x0, y0) to (x1, y1). */
static void connector(gdImagePtr im, double x0, double y0, double x1, double y1, double width)
{
    mp_pt pts[17];
    for (int i = 0; i <= 16; i++) {
        double t = i / 16.0, u = 1 - t;
        double mx = (x0 + x1) / 2;
        /* cubic Bézier with horizontal tangents */
        pts[i].x = u * u * u * x0 + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * x1;
        pts[i].y = u * u * u * y0 + 3 * u * u * t * y0 + 3 * u * t * t * y1 + t * t * t * y1;
    }
    mp_polyline(im, pts, 17, width, LINK);
}

static void box_text(gdImagePtr im, const mp_ink *ink, const mp_font *font, double px, double x, double y, double w,
                     double h, int color, const char *s)
{
    hc_buf t = HC_BUF_INIT;
    mp_text_fit(&t, font, px, s, (int)(w - 12 * ink->k));
    int tw = mp_text_width(font, px, hc_buf_cstr(&t));
    mp_text_draw(im, font, px, iround(x + (w - tw) / 2), iround(y + (h - px) / 2), color, hc_buf_cstr(&t));
    hc_buf_free(&t);
}

static size_t units_in(const hc_model *m, size_t t)
{
    size_t n = 0;
    for (size_t i = 0; i < m->nprojects; i++)
        n += in_township(&m->projects[i], t) && m->projects[i].domain < m->std.ndomains;
    return n;
}

/* The guide's title ("<township> 工作导图") and subtitle (the number of
 * units, then how many have each status), for both variants. */
static void guide_titles(const hc_model *m, size_t t, hc_buf *title, hc_buf *sub)
{
    size_t n = 0, *counts = hc_xcalloc(m->std.nstatuses + 1, sizeof *counts);
    for (size_t i = 0; i < m->nprojects; i++)
        if (in_township(&m->projects[i], t) && m->projects[i].domain < m->std.ndomains) {
            n++;
            if (m->projects[i].status < m->std.nstatuses) counts[m->projects[i].status]++;
        }
    hc_buf_printf(title, "%s 工作导图", m->config.townships[t].name);
    hc_buf_printf(sub, "示范单位 %zu 个", n);
    for (size_t s = 0; s < m->std.nstatuses; s++)
        hc_buf_printf(sub, " · %s %zu", m->std.statuses[s].name ? m->std.statuses[s].name : m->std.statuses[s].key,
                      counts[s]);
    free(counts);
}

/* A unit chip's second line into out (reset first): "挂帅：<lead> · <status>",
 * either part left out when the unit has none. */
static void unit_detail(hc_buf *out, const hc_model *m, const hc_project *p)
{
    hc_buf_reset(out);
    const char *sep = "";
    if (p->lead_name) {
        hc_buf_printf(out, "挂帅：%s", p->lead_name);
        sep = " · ";
    }
    if (p->status < m->std.nstatuses && m->std.statuses[p->status].name)
        hc_buf_printf(out, "%s%s", sep, m->std.statuses[p->status].name);
}

/* ---- the web guide: the township (root) on the left, its domains in the
 * middle, one chip per unit on the right, the legend along the bottom ---- */
typedef struct {
    double k;                 /* design scale: w / BASE_WIDTH */
    int h;                    /* image height */
    int pad, top, body_h;     /* body: the tree, from top */
    int tree_y;               /* the first chip: the tree is centred in the body */
    int chip_h, gap, legend_h;
    double root_x, root_y, root_w, root_h;
    double dom_x, dom_w, dom_h;
    double chip_x, chip_w;
} guide_geom;

static guide_geom guide_layout(const hc_model *m, size_t t, int w)
{
    guide_geom g;
    double k = g.k = w / BASE_WIDTH;
    mp_ink ink = { NULL, NULL, k };
    size_t n = units_in(m, t);
    int th = mp_title_bar_height(&ink, 1);
    g.pad = iround(24 * k);
    g.chip_h = iround(46 * k);
    g.gap = iround(10 * k);
    g.legend_h = iround(36 * k);
    int tree_h = (int)(n ? n : 1) * (g.chip_h + g.gap) - g.gap;
    /* room for the township's backdrop to read as a map */
    g.body_h = mp_backdrop_has(m, t) && tree_h < iround(MIN_BODY * k) ? iround(MIN_BODY * k) : tree_h;
    g.top = th + g.pad;
    g.tree_y = g.top + (g.body_h - tree_h) / 2;
    g.h = th + g.pad + g.body_h + g.pad + g.legend_h + g.pad;
    g.root_x = 24 * k, g.root_w = 160 * k, g.root_h = 56 * k;
    g.dom_x = 250 * k, g.dom_w = 150 * k, g.dom_h = 40 * k;
    g.chip_x = 470 * k, g.chip_w = w - g.chip_x - 24 * k;
    g.root_y = g.top + g.body_h / 2.0 - g.root_h / 2;
    return g;
}

int hc_map_guide_size(const hc_model *m, size_t t, int *w, int *h)
{
    *w = (int)BASE_WIDTH;
    *h = t < m->config.ntownships ? guide_layout(m, t, *w).h : 0;
    return *h > 0 ? 0 : -1;
}

/* Unit p's chip at y: "<id> <name>" in bold over its detail line, in the ink
 * that reads on its status colour. */
static void guide_chip(gdImagePtr im, const mp_ink *ink, const hc_model *m, const hc_project *p,
                       const guide_geom *g, int y)
{
    double k = g->k;
    int c = mp_status_color(m, p->status);
    mp_fill_rect(im, g->chip_x, y, g->chip_w, g->chip_h, c);
    int ink_c = mp_color_text_on(c);
    hc_buf line = HC_BUF_INIT, fit = HC_BUF_INIT;
    hc_buf_printf(&line, "%s %s", p->id, p->name);
    mp_text_fit(&fit, ink->bold, 15 * k, hc_buf_cstr(&line), (int)(g->chip_w - 20 * k));
    mp_text_draw(im, ink->bold, 15 * k, iround(g->chip_x + 10 * k), iround(y + 5 * k), ink_c, hc_buf_cstr(&fit));
    unit_detail(&line, m, p);
    mp_text_fit(&fit, ink->font, 12 * k, hc_buf_cstr(&line), (int)(g->chip_w - 20 * k));
    mp_text_draw(im, ink->font, 12 * k, iround(g->chip_x + 10 * k), iround(y + 26 * k), ink_c, hc_buf_cstr(&fit));
    hc_buf_free(&line);
    hc_buf_free(&fit);
}

/* Domain d of township t: its units' chips from y down, the connectors, then
 * its box midway along them. Returns the y below its chips (y when t has
 * no unit in d, which draws nothing). */
static int guide_domain(gdImagePtr im, const mp_ink *ink, const hc_model *m, size_t t, size_t d,
                        const guide_geom *g, int y)
{
    double k = g->k;
    int first = y, count = 0;
    for (size_t i = 0; i < m->nprojects; i++) {
        const hc_project *p = &m->projects[i];
        if (p->domain != d || !in_township(p, t)) continue;
        guide_chip(im, ink, m, p, g, y);
        y += g->chip_h + g->gap;
        count++;
    }
    if (!count) return y;
    double mid = (first + y - g->gap) / 2.0;
    for (int c = 0; c < count; c++) {
        double cy = first + c * (g->chip_h + g->gap) + g->chip_h / 2.0;
        connector(im, g->dom_x + g->dom_w, mid, g->chip_x, cy, 2 * k);
    }
    connector(im, g->root_x + g->root_w, g->root_y + g->root_h / 2, g->dom_x, mid, 2.5 * k);
    mp_fill_rect(im, g->dom_x, mid - g->dom_h / 2, g->dom_w, g->dom_h, DOMAIN_BG);
    mp_stroke_rect(im, g->dom_x, mid - g->dom_h / 2, g->dom_w, g->dom_h, 1.2 * k, DOMAIN_LINE);
    hc_buf label = HC_BUF_INIT;
    hc_buf_printf(&label, "%s（%d）", m->std.domains[d].name, count);
    box_text(im, ink, ink->bold, 15 * k, g->dom_x, mid - g->dom_h / 2, g->dom_w, g->dom_h, INK, hc_buf_cstr(&label));
    hc_buf_free(&label);
    return y;
}

/* The statuses in a row along the bottom: swatch, "name：meaning" cut to fit. */
static void guide_legend(gdImagePtr im, const mp_ink *ink, const hc_model *m, int w, const guide_geom *g)
{
    double k = g->k;
    int ly = g->h - g->pad - g->legend_h + iround(8 * k), lx = iround(24 * k);
    int step = m->std.nstatuses ? (w - 2 * lx) / (int)m->std.nstatuses : w;
    hc_buf text = HC_BUF_INIT, fit = HC_BUF_INIT;
    for (size_t s = 0; s < m->std.nstatuses; s++) {
        mp_fill_rect(im, lx + (int)s * step, ly + 2 * k, 22 * k, 14 * k, mp_status_color(m, s));
        hc_buf_reset(&text);
        hc_buf_printf(&text, "%s", m->std.statuses[s].name ? m->std.statuses[s].name : m->std.statuses[s].key);
        if (m->std.statuses[s].meaning) hc_buf_printf(&text, "：%s", m->std.statuses[s].meaning);
        mp_text_fit(&fit, ink->font, 13 * k, hc_buf_cstr(&text), step - iround(36 * k));
        mp_text_draw(im, ink->font, 13 * k, iround(lx + (int)s * step + 30 * k), ly, INK, hc_buf_cstr(&fit));
    }
    hc_buf_free(&text);
    hc_buf_free(&fit);
}

gdImagePtr mp_guide_image(const hc_model *m, size_t t, int w)
{
    guide_geom g = guide_layout(m, t, w);
    double k = g.k;
    mp_ink ink = mp_ink_at(k);
    gdImagePtr im = mp_canvas(w, g.h, PAPER);
    if (!im) return NULL;
    int th = mp_title_bar_height(&ink, 1);
    mp_backdrop_draw(im, m, t, (mp_box){ 0, th, w, g.h - th }, k, PAPER);
    hc_buf title = HC_BUF_INIT, sub = HC_BUF_INIT;
    guide_titles(m, t, &title, &sub);
    mp_title_bar(im, &ink, hc_buf_cstr(&title), hc_buf_cstr(&sub));
    hc_buf_free(&title);
    hc_buf_free(&sub);
    mp_fill_rect(im, g.root_x, g.root_y, g.root_w, g.root_h, ROOT_BG);
    box_text(im, &ink, ink.bold, 20 * k, g.root_x, g.root_y, g.root_w, g.root_h, 0xffffff,
             m->config.townships[t].name);
    if (!units_in(m, t))
        mp_text_draw(im, ink.font, 16 * k, iround(g.dom_x), iround(g.top + (g.body_h - 16 * k) / 2), MUTED,
                     "暂无示范单位");
    int y = g.tree_y;
    for (size_t d = 0; d < m->std.ndomains; d++) y = guide_domain(im, &ink, m, t, d, &g, y);
    guide_legend(im, &ink, m, w, &g);
    return im;
}

/* ---- the phone variant: one column, a heading per domain, a full-width
 * chip per unit, the legend below ---- */
#define PH_HEAD 30
#define PH_CHIP 48
#define PH_GAP 6
#define PH_MIN_H 470        /* 1.25 × the width */

/* Draws (im != NULL) or only measures; returns the height. back (may be
 * NULL) receives the frame of the backdrop: between the title and the legend. */
static int guide_phone(gdImagePtr im, const hc_model *m, size_t t, double k, mp_box *back)
{
    mp_ink ink = mp_ink_at(k);
    int w = iround(MP_PHONE_W * k), x = iround(12 * k), cw = w - 2 * x;
    int top = mp_phone_title_height(&ink), y = top + iround(12 * k);
    hc_buf a = HC_BUF_INIT, fit = HC_BUF_INIT;
    size_t n = 0;
    for (size_t d = 0; d < m->std.ndomains; d++) {
        size_t count = 0;
        for (size_t i = 0; i < m->nprojects; i++) count += m->projects[i].domain == d && in_township(&m->projects[i], t);
        if (!count) continue;
        n += count;
        if (im) {
            mp_fill_rect(im, x, y, cw, PH_HEAD * k, DOMAIN_BG);
            mp_fill_rect(im, x, y, 4 * k, PH_HEAD * k, DOMAIN_LINE);
            hc_buf_reset(&a);
            hc_buf_printf(&a, "%s（%zu）", m->std.domains[d].full ? m->std.domains[d].full : m->std.domains[d].name, count);
            mp_text_fit(&fit, ink.bold, 15 * k, hc_buf_cstr(&a), cw - iround(20 * k));
            mp_text_draw(im, ink.bold, 15 * k, iround(x + 12 * k), iround(y + 7 * k), INK, hc_buf_cstr(&fit));
        }
        y += iround((PH_HEAD + PH_GAP) * k);
        for (size_t i = 0; i < m->nprojects; i++) {
            const hc_project *p = &m->projects[i];
            if (p->domain != d || !in_township(p, t)) continue;
            if (im) {
                int c = mp_status_color(m, p->status), ink_c = mp_color_text_on(c);
                mp_fill_rect(im, x + 12 * k, y, cw - 12 * k, PH_CHIP * k, c);
                hc_buf_reset(&a);
                hc_buf_printf(&a, "%s %s", p->id, p->name);
                mp_text_fit(&fit, ink.bold, 15 * k, hc_buf_cstr(&a), cw - iround(32 * k));
                mp_text_draw(im, ink.bold, 15 * k, iround(x + 22 * k), iround(y + 6 * k), ink_c, hc_buf_cstr(&fit));
                unit_detail(&a, m, p);
                mp_text_fit(&fit, ink.font, 13 * k, hc_buf_cstr(&a), cw - iround(32 * k));
                mp_text_draw(im, ink.font, 13 * k, iround(x + 22 * k), iround(y + 27 * k), ink_c, hc_buf_cstr(&fit));
            }
            y += iround((PH_CHIP + PH_GAP) * k);
        }
        y += iround(8 * k);
    }
    if (!n) {
        if (im) mp_text_draw(im, ink.font, 15 * k, x, y, MUTED, "暂无示范单位");
        y += iround(30 * k);
    }
    /* portrait even for a township with one unit: the legend goes to the foot */
    int legend_h = iround(10 * k) + (int)m->std.nstatuses * (int)lround(22 * k) + iround(8 * k);
    if (y + legend_h < iround(PH_MIN_H * k)) y = iround(PH_MIN_H * k) - legend_h;
    if (back) *back = (mp_box){ 0, top, w, y - top };
    if (im) mp_fill_rect(im, 0, y, w, 1 * k, DOMAIN_LINE);
    y += iround(10 * k);
    y = mp_legend_statuses(im, &ink, m, x, y, cw, im != NULL) + iround(8 * k);
    hc_buf_free(&a);
    hc_buf_free(&fit);
    return y;
}

int mp_guide_phone_height(const hc_model *m, size_t t, double k)
{
    return guide_phone(NULL, m, t, k, NULL);
}

gdImagePtr mp_guide_phone_image(const hc_model *m, size_t t, double k)
{
    mp_box back;
    int h = guide_phone(NULL, m, t, k, &back);
    gdImagePtr im = mp_canvas(iround(MP_PHONE_W * k), h, PAPER);
    if (!im) return NULL;
    mp_ink ink = mp_ink_at(k);
    mp_backdrop_draw(im, m, t, back, k, PAPER);
    hc_buf title = HC_BUF_INIT, sub = HC_BUF_INIT;
    guide_titles(m, t, &title, &sub);
    mp_phone_title_bar(im, &ink, hc_buf_cstr(&title), hc_buf_cstr(&sub));
    guide_phone(im, m, t, k, NULL);
    hc_buf_free(&title);
    hc_buf_free(&sub);
    return im;
}

void mp_guide_hash(mp_hkey *key, const hc_model *m, size_t t)
{
    mp_hk_init(key, "guide");
    mp_hk_common(key, m);
    mp_hk_str(key, m->config.townships[t].name);
    mp_hk_areas(key, m);
    for (size_t d = 0; d < m->std.ndomains; d++) {
        mp_hk_str(key, m->std.domains[d].name);
        mp_hk_str(key, m->std.domains[d].full);
    }
    for (size_t i = 0; i < m->nprojects; i++) {
        const hc_project *p = &m->projects[i];
        if (!in_township(p, t)) continue;
        mp_hk_str(key, p->id);
        mp_hk_str(key, p->name);
        mp_hk_str(key, p->lead_name);
        mp_hk_int(key, (long)p->domain);
        mp_hk_int(key, (long)p->status);
        for (size_t j = 0; j < p->nnodes; j++) {   /* the backdrop of a township without an outline */
            mp_hk_num(key, p->nodes[j].lon);
            mp_hk_num(key, p->nodes[j].lat);
        }
    }
}
