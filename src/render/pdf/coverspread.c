/* coverspread.c — the flat cover for the bindery: back cover, spine, front
 * cover on one sheet (print/cover-spread.pdf, and print/<id>-cover-spread.pdf
 * per unit), trim + bleed on every side, Trim and Bleed boxes set.
 *
 * The spine is as thick as the book block: one leaf per two pages times
 * print.paper_caliper (mm per leaf, default PDF_CALIPER_MM) for perfect
 * binding; saddle stitching (print.binding: saddle) has none. The front and
 * back covers share their gradient and the gold band at the foot, so the art
 * runs on across the spine; the spine carries the title top to bottom, one
 * upright character under the other, when it is wide enough for the type.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include <cairo-pdf.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

double pdf_spine_mm(const hc_config *c, int pages)
{
    if (c->binding_saddle) return 0;
    double cal = c->paper_caliper > 0 ? c->paper_caliper : PDF_CALIPER_MM;
    return ceil(pages / 2.0) * cal;
}

/* Text of the spine, top to bottom: one character per line. */
static void spine_text(pdf_doc *p, double spine, double h, const char *title)
{
    const pdf_theme *th = &p->env->theme;
    double size = spine * 0.55 < PDF_FS_L ? spine * 0.55 : PDF_FS_L;
    if (size < 6) return;   /* too narrow for type */
    hc_buf t = HC_BUF_INIT;
    for (const char *s = title; *s; s = g_utf8_next_char(s)) {
        gunichar c = g_utf8_get_char(s);
        if (c == ' ') continue;
        if (c == 0x3000) {   /* a blank line between title and 党建画册 */
            hc_buf_putc(&t, '\n');
            continue;
        }
        if (c == 0x201C || c == 0x201D) c = c == 0x201C ? 0xFE41 : 0xFE42;   /* vertical corner brackets */
        char u[8];
        int n = g_unichar_to_utf8(c, u);
        if (t.len) hc_buf_putc(&t, '\n');
        hc_buf_put(&t, u, (size_t)n);
    }
    pdf_tstyle st = pdf_style(PDF_SANS, size, 1, spine);
    st.align = PANGO_ALIGN_CENTER;
    PangoLayout *l = pdf_layout(p, hc_buf_cstr(&t), &st);
    double lh = pdf_layout_h(l);
    if (lh < h - pdf_mm(40)) pdf_draw_layout(p, l, 0, pdf_mm(18), th->paper);
    g_object_unref(l);
    hc_buf_free(&t);
}

/* Draws the sheet: back at the left, spine, front at the right. */
static void draw_sheet(pdf_doc *p, double spine, pdf_doc_kind kind, size_t unit)
{
    const pdf_geom *g = &p->env->geom;
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    cairo_t *cr = p->cr;
    double b = g->bleed, H = g->trim_h + 2 * b, mid = b + g->trim_w + spine / 2;
    cairo_save(cr);
    cairo_rectangle(cr, 0, 0, mid, H);
    cairo_clip(cr);
    cairo_translate(cr, b, b);
    pdf_cover_back_art(p);
    cairo_restore(cr);

    hc_buf title = HC_BUF_INIT, kicker = HC_BUF_INIT, sub = HC_BUF_INIT;
    pdf_pic photo;
    int has = 0;
    if (kind == PDF_DOC_ALBUM) {
        hc_buf_puts(&title, m->config.title ? m->config.title : "");
        hc_buf_printf(&kicker, "%s基层党组织示范创建", m->config.district ? m->config.district : "");
        const hc_photo *cph = m->config.cover_photo;
        has = cph && pdf_pic_get(p->env, cph->src, &photo) == 0;
    } else {
        const hc_project *u = &m->projects[unit];
        hc_buf_puts(&title, u->name);
        hc_buf_printf(&kicker, "%s　%s", u->id, u->domain != HC_NONE ? m->std.domains[u->domain].full : "");
        hc_buf_puts(&sub, u->brand ? u->brand : "");
        has = pdf_unit_pics(p->env, u, &photo, 1) == 1;
    }
    cairo_save(cr);
    cairo_rectangle(cr, mid, 0, b + 2 * g->trim_w + spine + b - mid, H);
    cairo_clip(cr);
    cairo_translate(cr, b + g->trim_w + spine, b);
    pdf_cover_front_art(p, hc_buf_cstr(&title), hc_buf_cstr(&kicker), hc_buf_cstr(&sub), kind == PDF_DOC_ALBUM ? HC_NONE : unit,
                        has ? &photo : NULL);
    cairo_restore(cr);

    if (spine > 0) {
        cairo_save(cr);
        cairo_translate(cr, b + g->trim_w, b);
        pdf_fill_rect(p, 0, -b, spine, H, th->accent_dark);
        pdf_fill_rect(p, 0, g->trim_h - pdf_mm(16), spine, pdf_mm(16) + b, th->gold);
        hc_buf_printf(&title, "　%s", PDF_MAIN_TITLE);
        spine_text(p, spine, g->trim_h, hc_buf_cstr(&title));
        cairo_restore(cr);
    }
    hc_buf_free(&title);
    hc_buf_free(&kicker);
    hc_buf_free(&sub);
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
    hc_buf_put(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

int pdf_cover_spread(const pdf_env *env, PangoContext *pc, pdf_doc_kind kind, size_t unit, int pages,
                     struct pdf_pdfx *pdfx, hc_buf *out, char **err)
{
    const pdf_geom *g = &env->geom;
    double spine = pdf_mm(pdf_spine_mm(&env->m->config, pages));
    /* the sheet as one page: its trim is back + spine + front, no room for marks */
    pdf_geom sheet = *g;
    sheet.trim_w = 2 * g->trim_w + spine;
    sheet.pad = g->bleed;
    sheet.media_w = sheet.trim_w + 2 * g->bleed;
    sheet.media_h = g->trim_h + 2 * g->bleed;
    pdf_env e = *env;
    e.geom = *g;   /* the covers are drawn at their own size */
    pdf_doc p;
    memset(&p, 0, sizeof p);
    p.m = env->m;
    p.env = &e;
    p.pc = pc;
    p.kind = (int)kind;
    p.unit = unit;
    hc_buf raw = HC_BUF_INIT, screen = HC_BUF_INIT;
    p.surface = cairo_pdf_surface_create_for_stream(to_buf, &raw, sheet.media_w, sheet.media_h);
    cairo_pdf_surface_restrict_to_version(p.surface, CAIRO_PDF_VERSION_1_5);
    p.cr = cairo_create(p.surface);
    cairo_tag_begin(p.cr, "Document", NULL);
    pdf_album_metadata(&p, kind, unit);
    draw_sheet(&p, spine, kind, unit);
    cairo_tag_end(p.cr, "Document");
    cairo_show_page(p.cr);
    cairo_destroy(p.cr);
    cairo_surface_finish(p.surface);
    cairo_status_t st = cairo_surface_status(p.surface);
    cairo_surface_destroy(p.surface);
    int rc = -1;
    if (st != CAIRO_STATUS_SUCCESS) {
        *err = hc_xstrdup(cairo_status_to_string(st));
    } else {
        rc = pdf_editions((const unsigned char *)raw.data, raw.len, &sheet, p.used, p.nused, pdfx, env->date, &screen,
                          out, err);
    }
    pdf_doc_images_free(&p);
    pdf_anchors_free(&p.cur);
    hc_buf_free(&raw);
    hc_buf_free(&screen);
    return rc;
}
