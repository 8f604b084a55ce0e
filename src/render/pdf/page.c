/* page.c — pages of a document: crop marks, running heads, folios, page
 * labels, destinations and links; small drawing helpers. */
#include "pdf_int.h"
#include "pdfx.h"
#include "../../base/utf8.h"
#include "../../model/link.h"
#include <cairo-pdf.h>
#include <stdio.h>
#include <string.h>

int pdf_page_is_right(const pdf_doc *p) { return p->page % 2 == 1; }

double pdf_page_x0(const pdf_doc *p)
{
    return pdf_page_is_right(p) ? p->env->geom.inner : p->env->geom.outer;
}

double pdf_page_text_w(const pdf_doc *p)
{
    const pdf_geom *g = &p->env->geom;
    return g->trim_w - g->inner - g->outer;
}

double pdf_page_y0(const pdf_doc *p) { return p->env->geom.top; }
double pdf_page_y1(const pdf_doc *p) { return p->env->geom.trim_h - p->env->geom.bottom; }

/* Crop marks at the four corners of the trim, outside the bleed, in the
 * registration sentinel colour (pdfx.h: nothing else draws it; PDF/X makes
 * it /Separation /All). */
static void crop_marks(pdf_doc *p)
{
    const pdf_geom *g = &p->env->geom;
    double gap = g->bleed + pdf_mm(2), len = pdf_mm(5);
    cairo_t *cr = p->cr;
    cairo_save(cr);
    cairo_set_source_rgb(cr, PDF_REG_R, PDF_REG_G, PDF_REG_B);
    cairo_set_line_width(cr, 0.25);
    for (int cx = 0; cx < 2; cx++)
        for (int cy = 0; cy < 2; cy++) {
            double x = cx ? g->trim_w : 0, y = cy ? g->trim_h : 0;
            double sx = cx ? 1 : -1, sy = cy ? 1 : -1;
            cairo_move_to(cr, x + sx * gap, y);
            cairo_line_to(cr, x + sx * (gap + len), y);
            cairo_move_to(cr, x, y + sy * gap);
            cairo_line_to(cr, x, y + sy * (gap + len));
        }
    cairo_stroke(cr);
    cairo_restore(cr);
}

void pdf_page_begin(pdf_doc *p, int folio, const char *running, const char *label)
{
    p->page++;
    p->folio = folio;
    snprintf(p->running, sizeof p->running, "%s", running ? running : "");
    if (!p->cr) return;
    char num[16];
    snprintf(num, sizeof num, "%d", p->page);
    cairo_pdf_surface_set_page_label(p->surface, label ? label : num);
    cairo_identity_matrix(p->cr);
    cairo_translate(p->cr, p->env->geom.pad, p->env->geom.pad);
    crop_marks(p);
}

void pdf_page_end(pdf_doc *p)
{
    if (p->cr && p->folio) {
        const pdf_theme *th = &p->env->theme;
        const pdf_geom *g = &p->env->geom;
        double x0 = pdf_page_x0(p), w = pdf_page_text_w(p);
        int right = pdf_page_is_right(p);
        char num[16];
        snprintf(num, sizeof num, "%d", p->page);
        pdf_tstyle fo = pdf_style(PDF_SANS, PDF_FS_S, 1, w);
        fo.align = right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
        pdf_text(p, x0, g->trim_h - g->bottom + pdf_mm(10), num, &fo, th->accent);
        if (p->running[0]) {
            pdf_tstyle rh = pdf_style(PDF_SANS, PDF_FS_XS, 0, w);
            rh.align = right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
            rh.ellipsize = 1;
            double y = g->top - pdf_mm(11);
            pdf_text(p, x0, y, p->running, &rh, th->muted);
            pdf_stroke_line(p, x0, g->top - pdf_mm(5), x0 + w, g->top - pdf_mm(5), 0.4, th->line);
        }
    }
    if (p->cr) cairo_show_page(p->cr);
    if (p->cr && p->progress) pdf_progress_page(p->progress);
}

void pdf_tag_escape(hc_buf *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '\'' || *s == '\\') hc_buf_putc(out, '\\');
        hc_buf_putc(out, *s);
    }
}

void pdf_dest(pdf_doc *p, const char *name, double y)
{
    pdf_anchors_set(&p->cur, name, p->page);
    if (!p->cr) return;
    hc_buf a = HC_BUF_INIT;
    hc_buf_puts(&a, "name='");
    pdf_tag_escape(&a, name);
    hc_buf_printf(&a, "' x=0 y=%.2f", y > 0 ? y : 0);
    cairo_tag_begin(p->cr, CAIRO_TAG_DEST, hc_buf_cstr(&a));
    cairo_tag_end(p->cr, CAIRO_TAG_DEST);
    hc_buf_free(&a);
}

int pdf_page_of(const pdf_doc *p, const char *name) { return pdf_anchors_get(&p->prev, name); }

static void link_begin(pdf_doc *p, const char *key, const char *value, double x, double y, double w, double h)
{
    hc_buf a = HC_BUF_INIT;
    hc_buf_printf(&a, "%s='", key);
    pdf_tag_escape(&a, value);
    hc_buf_putc(&a, '\'');
    if (w > 0) hc_buf_printf(&a, " rect=[%.2f %.2f %.2f %.2f]", x, y, w, h);
    cairo_tag_begin(p->cr, CAIRO_TAG_LINK, hc_buf_cstr(&a));
    hc_buf_free(&a);
}

void pdf_link_dest(pdf_doc *p, const char *name, double x, double y, double w, double h)
{
    if (p->cr) link_begin(p, "dest", name, x, y, w, h);
}

void pdf_link_uri(pdf_doc *p, const char *uri, double x, double y, double w, double h)
{
    if (p->cr) link_begin(p, "uri", uri, x, y, w, h);
}

void pdf_link_end(pdf_doc *p)
{
    if (p->cr) cairo_tag_end(p->cr, CAIRO_TAG_LINK);
}

void pdf_site_url(const hc_model *m, const char *site_path, hc_buf *out)
{
    const char *base = m->config.base_url ? m->config.base_url : "";
    hc_buf_puts(out, base);
    if (out->len && out->data[out->len - 1] != '/' && *base) hc_buf_putc(out, '/');
    hc_escape_url_path(out, site_path, strlen(site_path));
}

void pdf_set_rgb(pdf_doc *p, pdf_rgb c)
{
    if (p->cr) cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
}

void pdf_fill_rect(pdf_doc *p, double x, double y, double w, double h, pdf_rgb c)
{
    if (!p->cr) return;
    cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
    cairo_rectangle(p->cr, x, y, w, h);
    cairo_fill(p->cr);
}

void pdf_stroke_line(pdf_doc *p, double x0, double y0, double x1, double y1, double width, pdf_rgb c)
{
    if (!p->cr) return;
    cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
    cairo_set_line_width(p->cr, width);
    cairo_move_to(p->cr, x0, y0);
    cairo_line_to(p->cr, x1, y1);
    cairo_stroke(p->cr);
}

void pdf_bleed_fill(pdf_doc *p, pdf_rgb c)
{
    const pdf_geom *g = &p->env->geom;
    pdf_fill_rect(p, -g->bleed, -g->bleed, g->trim_w + 2 * g->bleed, g->trim_h + 2 * g->bleed, c);
}

int pdf_resolve_href(const char *base_dir, const char *href, hc_buf *out)
{
    /* the one resolver of check, HTML and PDF (model/link.h) */
    hc_buf_reset(out);
    if (!href || href[0] == '\\' || (href[0] == '/' && href[1] == '/')) return -1;
    switch (hc_url_resolve(base_dir ? base_dir : "", href, out)) {
    case HC_URL_EXTERNAL:
        hc_buf_puts(out, href);
        return 0;
    case HC_URL_SITE:
        return 1;
    default:
        hc_buf_reset(out);
        return -1;
    }
}
