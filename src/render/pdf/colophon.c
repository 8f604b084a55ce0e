/* colophon.c — the colophon (版权页, page 2 of the album) and the book
 * facts it prints: 开本 from the trim size, 印张 from the page count.
 *
 * A Chinese colophon names the full sheet and the fraction of it a page is
 * ("850 mm × 1168 mm　1/16", 大16开); 印张 is the page count divided by that
 * fraction's denominator (a 1/16 book has 16 pages to the 印张), in
 * quarters, rounded up. Trims that are no standard fraction
 * of a known sheet are printed as they are, and their 印张 counted against
 * the 889 × 1194 mm sheet, the fraction nearest by area.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct { double w, h; int sheet_w, sheet_h, frac; const char *name; } book_format;

static const book_format formats[] = {
    { 210, 285, 850, 1168, 16, "大16开" }, { 185, 260, 787, 1092, 16, "16开" },
    { 210, 297, 880, 1230, 16, "A4" },      { 140, 203, 850, 1168, 32, "大32开" },
    { 130, 184, 787, 1092, 32, "32开" },    { 148, 210, 880, 1230, 32, "A5" },
    { 285, 420, 850, 1168, 8, "大8开" },    { 260, 370, 787, 1092, 8, "8开" },
    { 297, 420, 880, 1230, 8, "A3" },
};

void pdf_book_facts(double trim_w_mm, double trim_h_mm, int pages, char *kai, size_t kai_len, char *yinzhang,
                    size_t yz_len)
{
    int frac = 0;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        const book_format *f = &formats[i];
        if (fabs(trim_w_mm - f->w) <= 2 && fabs(trim_h_mm - f->h) <= 2) {
            snprintf(kai, kai_len, "%d mm × %d mm　1/%d", f->sheet_w, f->sheet_h, f->frac);
            frac = f->frac;
            break;
        }
    }
    if (!frac) {
        snprintf(kai, kai_len, "%g mm × %g mm", trim_w_mm, trim_h_mm);
        double r = 889.0 * 1194.0 / (trim_w_mm * trim_h_mm);
        frac = 1;
        while (frac * 2 <= 64 && fabs(log2(r) - log2(frac * 2)) < fabs(log2(r) - log2(frac))) frac *= 2;
    }
    /* quarters of a 印张, as printers count them */
    double yz = floor((double)pages / frac * 4 + 0.999) / 4;
    snprintf(yinzhang, yz_len, "%g", yz);
}

static const char *nz(const char *s) { return s && *s ? s : NULL; }

/* One row: its label in lab, its value in val (one line each). */
static void field(hc_buf *lab, hc_buf *val, const char *label, const char *value)
{
    if (!value || !*value) return;
    if (lab->len) {
        hc_buf_putc(lab, '\n');
        hc_buf_putc(val, '\n');
    }
    hc_buf_puts(lab, label);
    hc_buf_puts(val, value);
}

/* Labels and values in two columns; returns the height. */
static double fields(pdf_doc *p, double x, double y, double w, const hc_buf *lab, const hc_buf *val)
{
    const pdf_theme *th = &p->env->theme;
    pdf_tstyle ls = pdf_style(PDF_SANS, PDF_FS_S, 1, 0);
    ls.spacing = 4;
    PangoLayout *l = pdf_layout(p, hc_buf_cstr(lab), &ls);
    double lw = pdf_layout_w(l) + pdf_mm(5);
    pdf_tstyle vs = pdf_style(PDF_SANS, PDF_FS_S, 0, 0);
    vs.spacing = 4;
    (void)w;
    pdf_draw_layout(p, l, x, y, th->muted);
    double h = pdf_layout_h(l);
    g_object_unref(l);
    double vh = pdf_text(p, x + lw, y, hc_buf_cstr(val), &vs, th->ink);
    return h > vh ? h : vh;
}

void pdf_colophon(pdf_doc *p)
{
    const pdf_theme *th = &p->env->theme;
    const pdf_geom *g = &p->env->geom;
    const hc_config *c = &p->m->config;
    pdf_page_begin(p, 0, NULL, NULL);
    double x = pdf_page_x0(p), w = pdf_page_text_w(p), y = pdf_page_y1(p) - pdf_mm(78);
    pdf_stroke_line(p, x, y, x + w, y, 0.6, th->line);
    y += pdf_mm(5);
    pdf_tstyle hs = pdf_style(PDF_SANS, PDF_FS_L, 1, w);
    hc_buf t = HC_BUF_INIT, v = HC_BUF_INIT, lab = HC_BUF_INIT, val = HC_BUF_INIT;
    hc_buf_printf(&v, "%s·%s", c->title ? c->title : "", PDF_MAIN_TITLE);
    y += pdf_title(p, x, y, hc_buf_cstr(&v), &hs, th->ink) + pdf_mm(4);

    int pages = pdf_page_of(p, "cover-back");
    char kai[96], yz[32], n[48], date[48];
    pdf_book_facts(g->trim_w / PDF_PT_PER_MM, g->trim_h / PDF_PT_PER_MM, pages > 0 ? pages : 4, kai, sizeof kai, yz,
                   sizeof yz);
    field(&lab, &val, "编印单位", nz(c->colophon_publisher) ? c->colophon_publisher : nz(c->author));
    field(&lab, &val, "印刷单位", nz(c->colophon_printer));
    field(&lab, &val, "开本", kai);
    field(&lab, &val, "印张", yz);
    if (c->colophon_copies > 0) {
        snprintf(n, sizeof n, "%ld 册", c->colophon_copies);
        field(&lab, &val, "印数", n);
    }
    snprintf(date, sizeof date, "%s", p->env->date);
    field(&lab, &val, "数据截至", date);
    field(&lab, &val, "网址", nz(c->base_url));
    if (nz(c->colophon_permit)) {
        hc_buf_free(&v);
        hc_buf_printf(&v, "%s（内部资料）", c->colophon_permit);
        field(&lab, &val, "准印证号", hc_buf_cstr(&v));
    }
    y += fields(p, x, y, w, &lab, &val) + pdf_mm(5);
    pdf_tstyle sm = pdf_style(PDF_SANS, PDF_FS_XS, 0, w);
    sm.spacing = 2;
    hc_buf_free(&t);
    hc_buf_printf(&t, "收录示范单位 %zu 个、典型案例 %zu 篇。项目进度和考评等次以网页版为准，"
                      "扫描各单位页上的二维码可在手机上查看。",
                  p->m->nprojects, p->env->nalbum);
    if (nz(c->colophon_permit)) hc_buf_puts(&t, "内部资料，免费交流。");
    pdf_text(p, x, y, hc_buf_cstr(&t), &sm, th->muted);
    hc_buf_free(&t);
    hc_buf_free(&v);
    hc_buf_free(&lab);
    hc_buf_free(&val);
    pdf_page_end(p);
}
