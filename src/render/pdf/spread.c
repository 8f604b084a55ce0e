/* spread.c — one demonstration unit on two facing pages, led by its photos.
 *
 * Left page: a band of photos across the top, full bleed (the lead photo; a
 * portrait lead shares the band with the next photo), then number, name and
 * brand, the summary, and the 300 dpi route map with the route in words at
 * the foot. Right page: a strip of up to three more photos across the top,
 * full bleed; then key facts and the lead (挂帅领战), the status colour with
 * its meaning, the 十个一 checklist with ticks and gaps, case studies with
 * page references, time nodes, supervision items, and a QR code to the
 * unit's page on the site at the foot.
 *
 * Photos in a band keep their aspect ratio: each is as wide as it is at the
 * band's height; when together they are too wide or a little too narrow they
 * are cut evenly (never below PDF_PHOTO_CROP of the photo), else the rest of
 * the band is a block of the theme colour carrying the unit's number and
 * brand (left) or its status (right). A unit without photos gets the colour
 * block alone. Captions run in one line under each band.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../../model/permalink.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROUTE_H_MM 60.0
#define BAND_L 0.40             /* left band: bottom edge at this share of the trim height */
#define BAND_R 0.18             /* right strip */
#define PHOTO_GAP_MM 1.5        /* white between photos in a band */

void pdf_route_size_mm(const pdf_geom *g, double *w_mm, double *h_mm)
{
    *w_mm = (g->trim_w - g->inner - g->outer) / PDF_PT_PER_MM;
    *h_mm = ROUTE_H_MM * (g->trim_h / pdf_mm(285));
}

static const char *nz(const char *s) { return s ? s : ""; }

static void heading(pdf_doc *p, double x, double *y, double w, const char *text)
{
    const pdf_theme *th = &p->env->theme;
    pdf_fill_rect(p, x, *y + 2, pdf_mm(1.2), 11, th->accent);
    pdf_tstyle st = pdf_style(PDF_SANS, PDF_FS_L, 1, w - pdf_mm(3));
    *y += pdf_title(p, x + pdf_mm(3), *y, text, &st, th->ink) + pdf_mm(2);
}

/* A tick box: filled with a tick (done), empty (gap), dashed (not recorded). */
static void tick_box(pdf_doc *p, double x, double y, double s, int state)
{
    if (!p->cr) return;
    const pdf_theme *th = &p->env->theme;
    cairo_t *cr = p->cr;
    cairo_save(cr);
    if (state == 1) {
        cairo_set_source_rgb(cr, th->accent.r, th->accent.g, th->accent.b);
        cairo_rectangle(cr, x, y, s, s);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, s * 0.14);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_move_to(cr, x + s * 0.22, y + s * 0.52);
        cairo_line_to(cr, x + s * 0.42, y + s * 0.72);
        cairo_line_to(cr, x + s * 0.78, y + s * 0.3);
        cairo_stroke(cr);
    } else {
        double dash[] = { 1.5, 1.2 };
        cairo_set_source_rgb(cr, th->muted.r, th->muted.g, th->muted.b);
        cairo_set_line_width(cr, 0.8);
        if (state < 0) cairo_set_dash(cr, dash, 2, 0);
        cairo_rectangle(cr, x + 0.4, y + 0.4, s - 0.8, s - 0.8);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

static void dot(pdf_doc *p, double cx, double cy, double r, pdf_rgb c) { pdf_fill_disc(p, cx, cy, r, c); }


/* Chooses how many of pics[0..n) (at most max) share a band w wide and h
 * high and how wide each is (fw[]): the count whose natural widths (aspect ×
 * h) come nearest to filling it while no photo is cut below PDF_PHOTO_CROP.
 * Returns the count; *used is the width the photos take (≤ w). */
static size_t band_fit(const pdf_pic *pics, size_t n, size_t max, double w, double h, double gap, double *fw,
                       double *used)
{
    size_t best = 0;
    double best_err = 1e9, best_s = 1;
    if (n > max) n = max;
    for (size_t k = 1; k <= n; k++) {
        double nat = 0, avail = w - gap * (double)(k - 1);
        for (size_t i = 0; i < k; i++) nat += h * pdf_pic_aspect(&pics[i]);
        double s = avail / nat;   /* > 1: widen (cut top and bottom); < 1: narrow (cut the sides) */
        int ok = s <= 1 ? s >= PDF_PHOTO_CROP : 1 / s >= PDF_PHOTO_CROP;
        double err = fabs(log(s));
        if (ok && err < best_err) {
            best = k;
            best_err = err;
            best_s = s;
        }
    }
    if (!best && n) {
        /* nothing fills the band within the limit: a very wide first photo is
         * cut at its sides; else as many as fit at their own width, the rest
         * of the band a colour block */
        double nat0 = h * pdf_pic_aspect(&pics[0]);
        if (nat0 * PDF_PHOTO_CROP > w) {
            best = 1;
            best_s = w / nat0;
        } else {
            double sum = 0;
            for (size_t k = 0; k < n && sum + h * pdf_pic_aspect(&pics[k]) + (k ? gap : 0) <= w; k++) {
                sum += h * pdf_pic_aspect(&pics[k]) + (k ? gap : 0);
                best = k + 1;
            }
            best_s = 1;
        }
    }
    *used = 0;
    for (size_t i = 0; i < best; i++) {
        fw[i] = h * pdf_pic_aspect(&pics[i]) * best_s;
        *used += fw[i] + (i ? gap : 0);
    }
    if (*used > w) *used = w;
    return best;
}

/* Captions of pics[0..n) in one line at (x, y), w wide; returns its height (0 if none). */
static double captions(pdf_doc *p, const pdf_pic *pics, size_t n, double x, double y, double w, int right)
{
    hc_buf t = HC_BUF_INIT;
    for (size_t i = 0; i < n; i++)
        if (pics[i].caption && *pics[i].caption) hc_buf_printf(&t, "%s%s", t.len ? "　｜　" : "", pics[i].caption);
    double h = 0;
    if (t.len) {
        pdf_tstyle cs = pdf_style(PDF_SANS, PDF_FS_XS, 0, w);
        cs.ellipsize = 1;
        cs.align = right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
        h = pdf_text(p, x, y, hc_buf_cstr(&t), &cs, p->env->theme.muted);
    }
    hc_buf_free(&t);
    return h;
}

/* A band of photos from the top of the page (full bleed at the top and both
 * sides) down to y_bottom: up to max of pics. The colour block, if any, is on
 * the gutter side and gets block(p, x, y, w, h, ctx). Returns how many
 * photos it shows. */
static size_t photo_band(pdf_doc *p, const pdf_pic *pics, size_t n, size_t max, double y_bottom,
                         void (*block)(pdf_doc *, double, double, double, double, const void *), const void *ctx)
{
    const pdf_geom *g = &p->env->geom;
    double x = -g->bleed, y = -g->bleed, w = g->trim_w + 2 * g->bleed, h = y_bottom + g->bleed, gap = pdf_mm(PHOTO_GAP_MM);
    double fw[4], used = 0;
    size_t k = n ? band_fit(pics, n, max < 4 ? max : 4, w, h, gap, fw, &used) : 0;
    int right = pdf_page_is_right(p);
    double rest = w - used - (k ? gap : 0);
    /* the photos from the outer edge, the block against the gutter */
    double cx = right ? x + w : x;
    for (size_t i = 0; i < k; i++) {
        if (right) cx -= fw[i];
        pdf_photo_draw(p, &pics[i], cx, y, fw[i], h);
        cx += right ? -gap : fw[i] + gap;
    }
    if (rest > 0.5) {
        double bx = right ? x : x + w - rest;
        pdf_fill_rect(p, bx, y, rest, h, p->env->theme.accent);
        block(p, bx, y, rest, h, ctx);
    }
    return k;
}

/* The left band's colour block: the unit's number and brand. */
static void id_block(pdf_doc *p, double x, double y, double w, double h, const void *ctx)
{
    const hc_project *u = ctx;
    const pdf_theme *th = &p->env->theme;
    const pdf_geom *g = &p->env->geom;
    /* text inside the trim and the margins */
    double l = x < g->outer ? g->outer : x + pdf_mm(8), r = x + w > g->trim_w - g->inner ? g->trim_w - g->inner : x + w - pdf_mm(8);
    double tw = r - l;
    if (tw < pdf_mm(25)) return;
    pdf_tstyle bs = pdf_style(PDF_SANS, w > pdf_mm(100) ? PDF_FS_D : PDF_FS_H, 1, tw);
    bs.spacing = 4;
    PangoLayout *bl = pdf_title_layout(p, u->brand ? u->brand : u->name, &bs);
    pdf_tstyle is = pdf_style(PDF_SANS, PDF_FS_L, 1, tw);
    PangoLayout *il = pdf_layout(p, u->id, &is);
    double bottom = y + h - pdf_mm(10), bh = pdf_layout_h(bl), ih = pdf_layout_h(il);
    pdf_draw_layout(p, bl, l, bottom - bh, th->paper);
    pdf_fill_rect(p, l, bottom - bh - pdf_mm(5), pdf_mm(14), pdf_mm(1.2), th->gold);
    pdf_draw_layout(p, il, l, bottom - bh - pdf_mm(8) - ih, th->gold);
    g_object_unref(bl);
    g_object_unref(il);
}

/* What the left page writes under its photo band, laid out before the band
 * so the band can take the height the text leaves. Owns its layouts
 * (left_text_free). */
typedef struct {
    PangoLayout *idl, *nl, *bl, *sl, *rl;   /* number, name, brand, summary, route in words (bl, sl, rl may be NULL) */
    double idw, idh;                         /* the number chip */
    double title_h, sum_h, rh;               /* heights: chip to brand, summary, route in words */
    double mw, mh;                           /* the route map */
} left_text;

/* The number chip, name and brand: their layouts and the height they take. */
static void left_title_layouts(pdf_doc *p, const hc_project *u, double w, left_text *t)
{
    pdf_tstyle idst = pdf_style(PDF_SANS, PDF_FS_M, 1, 0);
    t->idl = pdf_layout(p, u->id, &idst);
    t->idw = pdf_layout_w(t->idl) + pdf_mm(4);
    t->idh = pdf_layout_h(t->idl) + pdf_mm(1.4);
    pdf_tstyle ts = pdf_style(PDF_SANS, PDF_FS_H, 1, w);
    ts.spacing = 3;
    t->nl = pdf_title_layout(p, u->name, &ts);
    t->bl = NULL;
    if (u->brand) {
        hc_buf b = HC_BUF_INIT;
        hc_buf_printf(&b, "主题品牌：%s", u->brand);
        pdf_tstyle bs = pdf_style(PDF_SANS, PDF_FS_M, 0, w);
        t->bl = pdf_layout(p, hc_buf_cstr(&b), &bs);
        hc_buf_free(&b);
    }
    t->title_h = t->idh + pdf_mm(4) + pdf_layout_h(t->nl) + pdf_mm(1.5) + (t->bl ? pdf_layout_h(t->bl) + pdf_mm(4) : pdf_mm(3));
}

/* The summary (justified serif) and the route in words, with their heights,
 * and the route map's size. */
static void left_body_layouts(pdf_doc *p, const hc_project *u, double w, left_text *t)
{
    t->sl = NULL;
    t->sum_h = 0;
    if (u->summary) {
        pdf_tstyle ss = pdf_style(PDF_SERIF, PDF_FS_M, 0, w);
        ss.justify = 1;
        ss.indent = 21;
        ss.spacing = 3.4;
        t->sl = pdf_layout(p, u->summary, &ss);
        t->sum_h = pdf_layout_h(t->sl);
    }
    double mw_mm, mh_mm;
    pdf_route_size_mm(&p->env->geom, &mw_mm, &mh_mm);
    t->mw = pdf_mm(mw_mm);
    t->mh = pdf_mm(mh_mm);
    t->rh = 0;
    t->rl = NULL;
    if (u->nroute) {
        hc_buf r = HC_BUF_INIT;
        hc_buf_puts(&r, "景观线路：");
        for (size_t i = 0; i < u->nroute; i++) hc_buf_printf(&r, "%s%s", i ? " → " : "", u->nodes[u->route[i]].name);
        pdf_tstyle rs = pdf_style(PDF_SANS, PDF_FS_S, 0, w);
        rs.spacing = 2;
        t->rl = pdf_layout(p, hc_buf_cstr(&r), &rs);
        t->rh = pdf_layout_h(t->rl) + pdf_mm(2.5);
        hc_buf_free(&r);
    }
}

static void left_text_free(left_text *t)
{
    g_object_unref(t->idl);
    g_object_unref(t->nl);
    if (t->bl) g_object_unref(t->bl);
    if (t->sl) g_object_unref(t->sl);
    if (t->rl) g_object_unref(t->rl);
}

/* The photo band's bottom: what the text above the map (at my) leaves,
 * between BAND_L and 0.55 of the page. */
static double left_band_bottom(const pdf_doc *p, const left_text *t, double my, size_t npics)
{
    const pdf_geom *g = &p->env->geom;
    double cap_h = npics ? PDF_FS_XS * 1.5 : 0;
    double band = my - pdf_mm(4) - t->sum_h - t->title_h - cap_h - pdf_mm(7.5);
    if (band > g->trim_h * 0.55) band = g->trim_h * 0.55;
    if (band < g->trim_h * BAND_L) band = g->trim_h * BAND_L;
    return band;
}

/* Number chip, domain, level and townships, the name and the brand from y.
 * Returns the y below them. */
static double left_title(pdf_doc *p, const hc_project *u, const left_text *t, double x, double y, double w)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    pdf_fill_rect(p, x, y, t->idw, t->idh, th->accent);
    pdf_draw_layout(p, t->idl, x + pdf_mm(2), y + pdf_mm(0.7), th->paper);
    hc_buf meta = HC_BUF_INIT;
    if (u->domain != HC_NONE) hc_buf_printf(&meta, "%s", m->std.domains[u->domain].full);
    if (u->level != HC_NONE) hc_buf_printf(&meta, "　%s", m->std.levels[u->level].name);
    for (size_t i = 0; i < u->ntownships; i++) hc_buf_printf(&meta, "%s%s", i ? "、" : "　", u->townships[i]);
    pdf_tstyle ms = pdf_style(PDF_SANS, PDF_FS_S, 0, w - t->idw - pdf_mm(3));
    ms.ellipsize = 1;
    pdf_text(p, x + t->idw + pdf_mm(3), y + pdf_mm(0.9), hc_buf_cstr(&meta), &ms, th->muted);
    hc_buf_free(&meta);
    y += t->idh + pdf_mm(4);
    pdf_draw_layout(p, t->nl, x, y, th->ink);
    y += pdf_layout_h(t->nl) + pdf_mm(1.5);
    if (t->bl) {
        pdf_draw_layout(p, t->bl, x, y, th->accent);
        y += pdf_layout_h(t->bl) + pdf_mm(4);
    } else {
        y += pdf_mm(3);
    }
    return y;
}

/* The summary from y in what is left above the map (at my), cut with an
 * ellipsis to the lines that fit. */
static void left_summary(pdf_doc *p, const left_text *t, double x, double y, double my)
{
    if (!t->sl) return;
    double line_h = PDF_FS_M * 1.44 + 3.4;
    double room = my - pdf_mm(4) - y;
    int lines = (int)((room + 3.4) / line_h);
    if (lines < 1) return;
    if (pdf_layout_h(t->sl) > room + 0.5 && pango_layout_get_line_count(t->sl) > lines) {
        pango_layout_set_ellipsize(t->sl, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(t->sl, -lines);
    }
    pdf_draw_layout(p, t->sl, x, y, p->env->theme.ink);
}

/* The route map of unit pi at (x, my), or a placeholder, and the route in
 * words under it. */
static void left_route(pdf_doc *p, size_t pi, const left_text *t, double x, double my)
{
    const pdf_theme *th = &p->env->theme;
    const pdf_image *map = p->env->route ? p->env->route[pi] : NULL;
    if (map) {
        pdf_image_draw(p, map, x, my, t->mw, t->mh);
    } else {
        pdf_fill_rect(p, x, my, t->mw, t->mh, th->soft);
        pdf_tstyle ns = pdf_style(PDF_SANS, PDF_FS_M, 0, t->mw);
        ns.align = PANGO_ALIGN_CENTER;
        pdf_text(p, x, my + t->mh / 2 - 8, "尚未登记示范节点，暂无线路图", &ns, th->muted);
    }
    if (t->rl) pdf_draw_layout(p, t->rl, x, my + t->mh + pdf_mm(2.5), th->muted);
}

/* The spread's left page: the photo band with the id block, captions, the
 * title block, the summary, and the route map on the foot of the page.
 * Sets *shown to how many of pics the band shows. */
static void left_page(pdf_doc *p, const hc_project *u, size_t pi, const pdf_pic *pics, size_t npics, size_t *shown)
{
    pdf_page_begin(p, 1, NULL, NULL);   /* no running head: the photos run to the top */
    double x = pdf_page_x0(p), w = pdf_page_text_w(p), y1 = pdf_page_y1(p);
    left_text t;
    left_title_layouts(p, u, w, &t);   /* everything under the band first, to know how tall the band can be */
    left_body_layouts(p, u, w, &t);
    double my = y1 - t.rh - t.mh;   /* the route map and the route in words stand on the foot of the page */
    double band = left_band_bottom(p, &t, my, npics);
    *shown = photo_band(p, pics, npics, 2, band, id_block, u);
    double y = band + pdf_mm(2.5);
    double ch = captions(p, pics, *shown, x, y, w, 0);
    y += (ch > 0 ? ch : 0) + pdf_mm(5);
    char anchor[200];
    snprintf(anchor, sizeof anchor, "unit-%s", u->id);
    pdf_dest(p, anchor, 0);
    y = left_title(p, u, &t, x, y, w);
    left_summary(p, &t, x, y, my);
    left_route(p, pi, &t, x, my);
    left_text_free(&t);
    pdf_page_end(p);
}

/* Key facts in two columns: label above value. Returns the height used. */
static double facts(pdf_doc *p, const hc_project *u, double x, double y, double w)
{
    const hc_model *m = p->m;
    const pdf_theme *th = &p->env->theme;
    const char *k[12];
    hc_buf v[12];
    int n = 0;
    memset(v, 0, sizeof v);
    k[n] = "挂帅领战";
    hc_buf_printf(&v[n++], "%s%s%s%s", nz(u->lead_name), u->lead_title ? "（" : "", nz(u->lead_title),
                  u->lead_title ? "）" : "");
    k[n] = "创建层级";
    hc_buf_printf(&v[n++], "%s", u->level != HC_NONE ? m->std.levels[u->level].name : "未定");
    k[n] = "考评等次";
    if (!m->std.ngrades) {   /* the public edition: no grades at all */
    } else if (u->grade != HC_NONE) {
        hc_buf_puts(&v[n], m->std.grades[u->grade].name);
        if (u->assessed != HC_NO_DATE) {
            char d[HC_DATE_MAX];
            hc_model_date(m, u->assessed, 0, d);   /* date_format.prose */
            hc_buf_printf(&v[n], "（%s 考评）", d);
        }
    } else {
        hc_buf_puts(&v[n], "尚未考评");
    }
    if (m->std.ngrades) n++;
    k[n] = "双40条";
    if (u->has_baseline)
        hc_buf_printf(&v[n++], "达标 %ld / %ld 条%s", u->baseline_passed, u->baseline_total,
                      u->baseline_passed >= m->std.baseline_threshold ? "，已过门槛" : "，未过门槛");
    else
        hc_buf_puts(&v[n++], "未填报");
    k[n] = "申报示范";
    hc_buf_puts(&v[n++], u->applying ? "是" : "否");
    if (u->has_funding) {
        k[n] = "投入资金";
        hc_buf_printf(&v[n++], "%g 万元", u->funding);
    }
    if (u->has_observation) {
        char d[HC_DATE_MAX];
        hc_model_date(m, u->obs_date, 0, d);   /* date_format.prose */
        k[n] = "挂号比战";
        hc_buf_printf(&v[n++], "第 %ld 号%s%s%s%s", u->obs_number, *d ? "，" : "", d, u->obs_place ? "，" : "",
                      nz(u->obs_place));
    }
    double cw = (w - pdf_mm(6)) / 2, y0 = y;
    for (int i = 0; i < n; i += 2) {
        double rh = 0;
        for (int j = i; j < n && j < i + 2; j++) {
            double cx = x + (j - i) * (cw + pdf_mm(6)), h = 0;
            pdf_tstyle ls = pdf_style(PDF_SANS, PDF_FS_XS, 0, cw);
            h += pdf_text(p, cx, y, k[j], &ls, th->muted) + 1;
            pdf_tstyle vs = pdf_style(PDF_SANS, PDF_FS_M, 0, cw);
            vs.spacing = 1.5;
            h += pdf_text(p, cx, y + h, hc_buf_cstr(&v[j]), &vs, th->ink);
            if (h > rh) rh = h;
        }
        y += rh + pdf_mm(2.5);
    }
    for (int i = 0; i < 12; i++) hc_buf_free(&v[i]);
    return y - y0;
}

/* Status colour, name and meaning. */
static double status_block(pdf_doc *p, const hc_project *u, double x, double y, double w)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    double r = pdf_mm(4.2);
    dot(p, x + r, y + r, r, pdf_status_rgb(&p->env->theme, u->status));
    pdf_tstyle ns = pdf_style(PDF_SANS, PDF_FS_L, 1, w - 2 * r - pdf_mm(4));
    pdf_tstyle ds = pdf_style(PDF_SANS, PDF_FS_S, 0, w - 2 * r - pdf_mm(4));
    double tx = x + 2 * r + pdf_mm(4);
    const char *name = u->status != HC_NONE ? m->std.statuses[u->status].name : "未标注进度";
    const char *meaning = u->status != HC_NONE ? m->std.statuses[u->status].meaning : "项目文件没有填写 status";
    double h = pdf_text(p, tx, y - 1, name, &ns, pdf_status_rgb(th, u->status));
    h += pdf_text(p, tx, y - 1 + h, nz(meaning), &ds, th->muted);
    return (h > 2 * r ? h : 2 * r);
}

/* The 十个一 in two columns of ticks and gaps. */
static double checklist(pdf_doc *p, const hc_project *u, double x, double y, double w)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    size_t n = m->std.nitems, rows = (n + 1) / 2;
    double cw = (w - pdf_mm(6)) / 2, rh = pdf_mm(6.6), s = pdf_mm(4);
    for (size_t i = 0; i < n; i++) {
        double cx = x + (i / rows) * (cw + pdf_mm(6)), cy = y + (i % rows) * rh;
        int st = u->standard ? u->standard[i] : -1;
        tick_box(p, cx, cy, s, st);
        hc_buf t = HC_BUF_INIT;
        hc_buf_puts(&t, m->std.items[i].name);
        if (st == 0) hc_buf_puts(&t, "（待补齐）");
        else if (st < 0) hc_buf_puts(&t, "（未填报）");
        pdf_tstyle is = pdf_style(PDF_SANS, PDF_FS_S, st == 1, cw - s - pdf_mm(2));
        is.ellipsize = 1;
        pdf_text(p, cx + s + pdf_mm(2), cy - 0.5, hc_buf_cstr(&t), &is, st == 1 ? th->ink : th->muted);
        hc_buf_free(&t);
    }
    return rows * rh;
}

/* One row of a list on the right page: a short label (date, state) and text,
 * optionally a link (an anchor in this document, or a URL). */
typedef struct {
    char label[32];
    hc_buf text;
    pdf_rgb label_c, text_c;
    char *dest, *uri;
} row;

/* A titled list, as many rows as fit: full width (w) above limit, then
 * narrower (narrow_w, beside the QR code at the foot) above limit2; the title
 * only with its first row. Sets *omitted when rows were left out. */
static void list_section(pdf_doc *p, double x, double *y, double w, double limit, double narrow_w, double limit2,
                         const char *title, row *rows, size_t n, int *omitted)
{
    if (n == 0) return;
    double lw = pdf_mm(28), head = 11.5 + pdf_mm(2);
    pdf_tstyle ls = pdf_style(PDF_SANS, PDF_FS_S, 0, lw);
    for (size_t i = 0; i < n; i++) {
        double tx = rows[i].label[0] ? x + lw + pdf_mm(2) : x;
        pdf_tstyle ts = pdf_style(PDF_SANS, PDF_FS_S, 0, x + w - tx);
        ts.spacing = 1;
        PangoLayout *l = pdf_layout(p, hc_buf_cstr(&rows[i].text), &ts);
        double lh = pdf_layout_h(l);
        if (*y + lh + (i == 0 ? head : 0) > limit) {   /* below the full width: beside the QR code */
            g_object_unref(l);
            ts.width = x + narrow_w - tx;
            l = ts.width > pdf_mm(30) ? pdf_layout(p, hc_buf_cstr(&rows[i].text), &ts) : NULL;
            if (!l || *y + (lh = pdf_layout_h(l)) + (i == 0 ? head : 0) > limit2) {
                if (l) g_object_unref(l);
                *omitted = 1;
                return;
            }
        }
        if (i == 0) heading(p, x, y, w, title);
        if (rows[i].label[0]) pdf_text(p, x, *y, rows[i].label, &ls, rows[i].label_c);
        if (rows[i].dest) pdf_link_dest(p, rows[i].dest, 0, 0, 0, 0);
        else if (rows[i].uri) pdf_link_uri(p, rows[i].uri, 0, 0, 0, 0);
        pdf_draw_layout(p, l, tx, *y, rows[i].text_c);
        if (rows[i].dest || rows[i].uri) pdf_link_end(p);
        *y += lh + pdf_mm(1.2);
        g_object_unref(l);
    }
    *y += pdf_mm(3);
}

static void rows_free(row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        hc_buf_free(&rows[i].text);
        free(rows[i].dest);
        free(rows[i].uri);
    }
    free(rows);
}

/* The unit's case studies, with the page each is on in this document. */
static row *case_rows(pdf_doc *p, const hc_project *u)
{
    const hc_model *m = p->m;
    row *rows = hc_xcalloc(u->ncases ? u->ncases : 1, sizeof *rows);
    for (size_t i = 0; i < u->ncases; i++) {
        const hc_doc *c = &m->cases[u->cases[i]];
        row *r = &rows[i];
        r->text_c = p->env->theme.accent;
        hc_buf_puts(&r->text, nz(c->title));
        if (pdf_doc_has_case(p, u->cases[i])) {
            hc_buf a = HC_BUF_INIT;
            hc_buf_printf(&a, "case-%s", c->slug);
            int page = pdf_page_of(p, hc_buf_cstr(&a));
            if (page > 0) hc_buf_printf(&r->text, "（第%d页）", page);
            else hc_buf_puts(&r->text, "（第00页）");   /* layout pass: room for the number */
            r->dest = hc_buf_detach(&a, NULL);
        } else {
            hc_buf path = HC_BUF_INIT, url = HC_BUF_INIT;
            hc_path_case(&path, c);
            pdf_site_url(m, hc_buf_cstr(&path), &url);
            r->uri = hc_buf_detach(&url, NULL);
            hc_buf_free(&path);
        }
    }
    return rows;
}

static row *milestone_rows(const pdf_doc *p, const hc_project *u)
{
    const pdf_theme *th = &p->env->theme;
    row *rows = hc_xcalloc(u->nmilestones ? u->nmilestones : 1, sizeof *rows);
    for (size_t i = 0; i < u->nmilestones; i++) {
        const hc_milestone *ms = &u->milestones[i];
        hc_model_date(p->m, ms->date, 1, rows[i].label);   /* a table's column: date_format.table */
        rows[i].label_c = ms->done ? th->accent : th->muted;
        rows[i].text_c = ms->done ? th->ink : th->muted;
        hc_buf_puts(&rows[i].text, nz(ms->title));
    }
    return rows;
}

static row *supervision_rows(const pdf_doc *p, const hc_project *u)
{
    const pdf_theme *th = &p->env->theme;
    row *rows = hc_xcalloc(u->nsupervision ? u->nsupervision : 1, sizeof *rows);
    for (size_t i = 0; i < u->nsupervision; i++) {
        const hc_supervision *sv = &u->supervision[i];
        char d[HC_DATE_MAX];
        hc_model_date(p->m, sv->deadline, 0, d);   /* date_format.prose */
        const char *state = hc_model_state(p->m, sv->deadline, sv->done);   /* the word table */
        snprintf(rows[i].label, sizeof rows[i].label, "%s", state);
        rows[i].label_c = sv->done ? th->muted : th->accent;
        rows[i].text_c = th->ink;
        hc_buf_printf(&rows[i].text, "%s（%s，%s 前，%s）", nz(sv->matter), nz(sv->owner), d, state);
    }
    return rows;
}

/* The right strip's colour block: the status colour's name and meaning
 * (ctx: a panel_ctx; shown is set when it is drawn there). */
typedef struct { const hc_project *u; int shown; } panel_ctx;

static void status_panel(pdf_doc *p, double x, double y, double w, double h, const void *ctx)
{
    panel_ctx *pc = (panel_ctx *)ctx;
    const hc_project *u = pc->u;
    const pdf_theme *th = &p->env->theme;
    const pdf_geom *g = &p->env->geom;
    double l = x < g->inner ? g->inner : x + pdf_mm(8), r = x + w - pdf_mm(8);
    if (x + w > g->trim_w - g->outer) r = g->trim_w - g->outer;
    if (r - l < pdf_mm(30) || u->status == HC_NONE) return;
    pc->shown = 1;
    const hc_status *st = &p->m->std.statuses[u->status];
    pdf_tstyle ns = pdf_style(PDF_SANS, PDF_FS_XL, 1, r - l - pdf_mm(9));
    pdf_tstyle ds = pdf_style(PDF_SANS, PDF_FS_XS, 0, r - l);
    ds.spacing = 1.5;
    PangoLayout *dl = pdf_layout(p, st->meaning ? st->meaning : "", &ds);
    double bottom = y + h - pdf_mm(8), dh = pdf_layout_h(dl);
    pdf_draw_layout(p, dl, l, bottom - dh, th->paper);
    g_object_unref(dl);
    PangoLayout *nl = pdf_layout(p, st->name, &ns);
    double nh = pdf_layout_h(nl), ny = bottom - dh - pdf_mm(2) - nh;
    double rr = pdf_mm(3);
    pdf_fill_rect(p, l - 0.8, ny + nh / 2 - rr - 0.8, 2 * rr + 1.6, 2 * rr + 1.6, th->paper);
    dot(p, l + rr, ny + nh / 2, rr, pdf_status_rgb(&p->env->theme, u->status));
    pdf_draw_layout(p, nl, l + 2 * rr + pdf_mm(3), ny, th->paper);
    g_object_unref(nl);
}

static void right_page(pdf_doc *p, const hc_project *u, const char *running, const pdf_pic *pics, size_t npics)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    pdf_page_begin(p, 1, npics ? NULL : running, NULL);
    double x = pdf_page_x0(p), w = pdf_page_text_w(p), y = pdf_page_y0(p), y1 = pdf_page_y1(p);
    int status_shown = 0;   /* the strip's colour block shows the status: not again below */
    if (npics) {
        const pdf_geom *g = &p->env->geom;
        double band = g->trim_h * BAND_R;
        panel_ctx pc = { u, 0 };
        size_t k = photo_band(p, pics, npics, 3, band, status_panel, &pc);
        status_shown = pc.shown;
        y = band + pdf_mm(2.5);
        double ch = captions(p, pics, k, x, y, w, 1);
        y += (ch > 0 ? ch : 0) + pdf_mm(5);
    }
    double qs = pdf_mm(30), limit = y1 - qs - pdf_mm(4);   /* the QR code sits at the foot */
    double nw = w - qs - pdf_mm(6), limit2 = y1 - pdf_mm(16);   /* beside it, above its caption */
    int omitted = 0;                                         /* something did not fit: say so by the QR code */

    heading(p, x, &y, w, "基本情况");
    y += facts(p, u, x, y, w) + pdf_mm(1);
    if (!status_shown) {
        heading(p, x, &y, w, "挂图作战进度");
        y += status_block(p, u, x, y, w) + pdf_mm(4);
    }

    size_t yes = 0;
    for (size_t i = 0; i < m->std.nitems; i++) yes += u->standard && u->standard[i] == 1;
    char h[96];
    snprintf(h, sizeof h, "“十个一”创建标准　%zu / %zu", yes, m->std.nitems);
    heading(p, x, &y, w, h);
    y += checklist(p, u, x, y, w) + pdf_mm(3);

    /* cross references first, then the 挂号 time nodes and the 挂牌督战 items */
    row *rows = case_rows(p, u);
    list_section(p, x, &y, w, limit, nw, limit2, "典型案例", rows, u->ncases, &omitted);
    rows_free(rows, u->ncases);
    rows = milestone_rows(p, u);
    list_section(p, x, &y, w, limit, nw, limit2, "时间节点（挂号）", rows, u->nmilestones, &omitted);
    rows_free(rows, u->nmilestones);
    rows = supervision_rows(p, u);
    list_section(p, x, &y, w, limit, nw, limit2, "挂牌督战", rows, u->nsupervision, &omitted);
    rows_free(rows, u->nsupervision);

    /* QR code to the unit's page on the site */
    hc_buf path = HC_BUF_INIT, url = HC_BUF_INIT;
    hc_path_project(&path, u);
    pdf_site_url(m, hc_buf_cstr(&path), &url);
    double qx = x + w - qs, qy = y1 - qs;
    pdf_link_uri(p, hc_buf_cstr(&url), qx, qy, qs, qs);
    pdf_link_end(p);
    pdf_qr_draw(p, hc_buf_cstr(&url), qx, qy, qs);
    pdf_tstyle q1 = pdf_style(PDF_SANS, PDF_FS_M, 1, w - qs - pdf_mm(4));
    q1.align = PANGO_ALIGN_RIGHT;
    double ty = qy + qs - pdf_mm(14);
    ty += pdf_text(p, x, ty, omitted ? "更多内容请扫码查看网页版" : "扫码查看网页版", &q1, th->ink) + 1;
    pdf_tstyle q2 = pdf_style(PDF_SANS, PDF_FS_XS, 0, w - qs - pdf_mm(4));
    q2.align = PANGO_ALIGN_RIGHT;
    pdf_text(p, x, ty, hc_buf_cstr(&url), &q2, th->muted);
    hc_buf_free(&path);
    hc_buf_free(&url);
    pdf_page_end(p);
}

void pdf_spread_unit(pdf_doc *p, size_t pi, int in_album)
{
    const hc_project *u = &p->m->projects[pi];
    const char *running = u->name;
    if (in_album && u->domain != HC_NONE) running = p->m->std.domains[u->domain].full;
    pdf_pic pics[4];
    size_t n = pdf_unit_pics(p->env, u, pics, 4), shown = 0;
    left_page(p, u, pi, pics, n, &shown);
    right_page(p, u, running, pics + shown, n - shown);
}
