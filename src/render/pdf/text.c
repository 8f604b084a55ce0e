/* text.c — pango layouts for the album: fonts, justification, kinsoku, drawing. */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include <stdlib.h>
#include <string.h>

pdf_tstyle pdf_style(pdf_family f, double size, int bold, double width)
{
    pdf_tstyle st;
    memset(&st, 0, sizeof st);
    st.family = f;
    st.size = size;
    st.bold = bold;
    st.width = width;
    st.align = PANGO_ALIGN_LEFT;
    return st;
}

PangoLayout *pdf_layout(pdf_doc *p, const char *text, const pdf_tstyle *st)
{
    const pdf_fontset *fs = &p->env->fonts;
    PangoLayout *l = pango_layout_new(p->pc);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, st->family == PDF_SERIF ? fs->serif : st->family == PDF_MONO ? fs->mono : fs->sans);
    pango_font_description_set_absolute_size(fd, st->size * PANGO_SCALE);
    pango_font_description_set_weight(fd, st->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (st->width > 0) {
        pango_layout_set_width(l, (int)(st->width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    if (st->ellipsize && st->width > 0) {
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(l, -1);
    }
    pango_layout_set_justify(l, st->justify);
    pango_layout_set_alignment(l, st->align);
    if (st->indent) pango_layout_set_indent(l, (int)(st->indent * PANGO_SCALE));
    if (st->spacing) pango_layout_set_spacing(l, (int)(st->spacing * PANGO_SCALE));

    PangoAttrList *attrs = NULL;
    char *plain = NULL;
    if (st->markup && !pango_parse_markup(text, -1, 0, &attrs, &plain, NULL, NULL)) {
        attrs = NULL;   /* cannot happen with markup we made; show the text rather than nothing */
        plain = NULL;
    }
    if (!attrs) attrs = pango_attr_list_new();
    hc_buf spaced = HC_BUF_INIT;
    const char *t = plain ? plain : text;
    if (st->justify && !st->markup) {
        pdf_cjk_spaces(t, &spaced);
        t = hc_buf_cstr(&spaced);
    }
    PangoAttrList *base = st->justify && st->width > 0 && pdf_has_code(t, -1) ? pango_attr_list_copy(attrs) : NULL;
    pdf_kinsoku_protect(t, -1, attrs);
    pango_layout_set_text(l, t, -1);
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
    if (base) {
        pdf_no_loose_lines(l, base);
        pango_attr_list_unref(base);
    }
    if (st->width > 0 && !st->ellipsize) pdf_no_lone_last(l);
    g_free(plain);
    hc_buf_free(&spaced);
    return l;
}

double pdf_layout_h(PangoLayout *l)
{
    PangoRectangle r;
    pango_layout_get_extents(l, NULL, &r);
    return (double)r.height / PANGO_SCALE;
}

double pdf_layout_w(PangoLayout *l)
{
    PangoRectangle r;
    pango_layout_get_extents(l, NULL, &r);
    return (double)(r.x + r.width) / PANGO_SCALE;
}

void pdf_draw_layout(pdf_doc *p, PangoLayout *l, double x, double y, pdf_rgb c)
{
    if (!p->cr) return;
    cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
    cairo_move_to(p->cr, x, y);
    pango_cairo_show_layout(p->cr, l);
    cairo_new_path(p->cr);   /* no current point left behind for the next shape to join */
}

double pdf_text(pdf_doc *p, double x, double y, const char *text, const pdf_tstyle *st, pdf_rgb c)
{
    PangoLayout *l = pdf_layout(p, text, st);
    double h = pdf_layout_h(l);
    pdf_draw_layout(p, l, x, y, c);
    g_object_unref(l);
    return h;
}

int pdf_line_metrics(PangoLayout *l, pdf_line_m **out)
{
    int n = pango_layout_get_line_count(l);
    pdf_line_m *v = hc_xcalloc((size_t)(n > 0 ? n : 1), sizeof *v);
    PangoLayoutIter *it = pango_layout_get_iter(l);
    int i = 0;
    do {
        PangoRectangle r;
        pango_layout_iter_get_line_extents(it, NULL, &r);
        if (i < n) {
            v[i].top = (double)r.y / PANGO_SCALE;
            v[i].h = (double)r.height / PANGO_SCALE;
            v[i].x = (double)r.x / PANGO_SCALE;
            v[i].base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
        }
        i++;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    *out = v;
    return n;
}

void pdf_draw_lines(pdf_doc *p, PangoLayout *l, const pdf_line_m *lm, int from, int to, double x, double y, pdf_rgb c)
{
    if (!p->cr || from >= to) return;
    cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
    for (int i = from; i < to; i++) {
        PangoLayoutLine *line = pango_layout_get_line_readonly(l, i);
        cairo_move_to(p->cr, x + lm[i].x, y + lm[i].base - lm[from].top);
        pango_cairo_show_layout_line(p->cr, line);
    }
    cairo_new_path(p->cr);
}

/* ---- no paragraph ends on one character plus punctuation ---- */

static int punct_or_space(uint32_t c)
{
    return pdf_kinsoku_no_start(c) || pdf_kinsoku_no_end(c) || c == ' ' || c == 0x3000 || c == 0x2005 ||
           c == '\n' || c == 0x200B;
}

/* Is the last line of l one character (plus punctuation) after a soft break? */
static int lone_last(PangoLayout *l)
{
    int n = pango_layout_get_line_count(l);
    if (n < 2) return 0;
    PangoLayoutLine *line = pango_layout_get_line_readonly(l, n - 1);
    if (line->is_paragraph_start || line->length <= 0) return 0;
    const char *t = pango_layout_get_text(l), *s = t + line->start_index, *e = s + line->length;
    int letters = 0;
    for (const char *q = s; q < e; q = g_utf8_next_char(q)) letters += !punct_or_space(g_utf8_get_char(q));
    return letters == 1;
}

int pdf_lone_last_line(PangoLayout *l) { return lone_last(l); }

void pdf_no_lone_last(PangoLayout *l)
{
    if (!lone_last(l)) return;
    PangoAttrList *orig = pango_layout_get_attributes(l);
    orig = orig ? pango_attr_list_ref(orig) : pango_attr_list_new();
    const PangoFontDescription *fd = pango_layout_get_font_description(l);
    double em = fd ? (double)pango_font_description_get_size(fd) / PANGO_SCALE : PDF_FS_M;
    /* tighten the whole paragraph a little (what the lines before give up, the last line takes in) */
    for (int k = 1; k <= 3; k++) {
        PangoAttrList *a = pango_attr_list_copy(orig);
        pango_attr_list_insert(a, pango_attr_letter_spacing_new(-(int)(em * 0.01 * k * PANGO_SCALE)));
        pango_layout_set_attributes(l, a);
        pango_attr_list_unref(a);
        if (!lone_last(l)) goto out;
    }
    /* else pull a character of the line before down: no break before the last line */
    pango_layout_set_attributes(l, orig);
    int n = pango_layout_get_line_count(l);
    PangoLayoutLine *last = pango_layout_get_line_readonly(l, n - 1);
    const char *t = pango_layout_get_text(l);
    int at = last->start_index;
    const char *before = g_utf8_prev_char(t + at), *after = g_utf8_next_char(t + at);
    PangoAttrList *a = pango_attr_list_copy(orig);
    PangoAttribute *keep = pango_attr_allow_breaks_new(FALSE);
    keep->start_index = (guint)(before - t);
    keep->end_index = (guint)(after - t);
    pango_attr_list_insert(a, keep);
    pango_layout_set_attributes(l, a);
    pango_attr_list_unref(a);
out:
    pango_attr_list_unref(orig);
}

/* ---- no line stretched before a code ---- */

static int code_start(const char *s)
{
    const char *p = s;
    while ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '_') p++;
    return p > s && *p == '-';
}

/* The widest shortfall, in em, of a line followed by a line that begins
 * with a code (justification would letter-space it); 0 if none. */
static double code_shortfall(PangoLayout *l)
{
    int n = pango_layout_get_line_count(l);
    const char *t = pango_layout_get_text(l);
    const PangoFontDescription *fd = pango_layout_get_font_description(l);
    double em = fd ? (double)pango_font_description_get_size(fd) / PANGO_SCALE : PDF_FS_M;
    double width = (double)pango_layout_get_width(l) / PANGO_SCALE, worst = 0;
    int justify = pango_layout_get_justify(l);
    pango_layout_set_justify(l, FALSE);   /* the lines' own widths */
    for (int i = 0; i + 1 < n; i++) {
        PangoLayoutLine *next = pango_layout_get_line_readonly(l, i + 1);
        if (next->is_paragraph_start || !code_start(t + next->start_index)) continue;
        PangoRectangle r;
        pango_layout_line_get_extents(pango_layout_get_line_readonly(l, i), NULL, &r);
        double indent = i == 0 ? (double)pango_layout_get_indent(l) / PANGO_SCALE : 0;
        double short_em = (width - indent - (double)r.width / PANGO_SCALE) / em;
        if (short_em > worst) worst = short_em;
    }
    pango_layout_set_justify(l, justify);
    return worst;
}

/* Full-width marks whose blank half is on the right (。，、；：and the
 * closing brackets): in a pair of marks such as "）。" the first is set
 * half wide, as Chinese typesetting compresses consecutive punctuation. */
static int blank_right(uint32_t c)
{
    switch (c) {
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF1A: case 0xFF1B: case 0xFF09: case 0x3015: case 0x3009:
    case 0x300B: case 0x300D: case 0x300F: case 0x3011: case 0x3017:
        return 1;
    default:
        return 0;
    }
}

static int full_width_mark(uint32_t c) { return blank_right(c) || c == 0xFF08 || c == 0x3014 || (c >= 0x3008 && c <= 0x3011); }

/* Adds the OpenType feature halt (half-width alternates, in Noto CJK) to the
 * first mark of every pair of full-width marks in text; returns how many. */
static int compress_pairs(const char *t, PangoAttrList *a)
{
    int n = 0;
    for (const char *q = t; *q; q = g_utf8_next_char(q)) {
        const char *r = g_utf8_next_char(q);
        if (!*r || !blank_right(g_utf8_get_char(q)) || !full_width_mark(g_utf8_get_char(r))) continue;
        PangoAttribute *f = pango_attr_font_features_new("halt");
        f->start_index = (guint)(q - t);
        f->end_index = (guint)(r - t);
        pango_attr_list_insert(a, f);
        n++;
    }
    return n;
}

int pdf_no_loose_lines(PangoLayout *l, PangoAttrList *base)
{
    const double loose = 1.5;   /* em: spread over a line of some 20 characters, visibly letter-spaced */
    double worst = pango_layout_get_line_count(l) < 2 || !pango_layout_get_justify(l) ? 0 : code_shortfall(l);
    if (worst <= loose) return 0;
    const char *t = pango_layout_get_text(l);
    const PangoFontDescription *fd = pango_layout_get_font_description(l);
    double em = fd ? (double)pango_font_description_get_size(fd) / PANGO_SCALE : PDF_FS_M;
    PangoAttrList *best = pango_layout_get_attributes(l);
    best = best ? pango_attr_list_ref(best) : pango_attr_list_new();
    /* In this order, the first that leaves no line loose before a code, else
     * the least loose: consecutive punctuation set tighter ("（挂号 QJ-B-01）。"
     * may then fit whole); the paragraph 0.01–0.03 em tighter, then looser
     * (the code moves up whole or down with a word); codes broken after a hyphen. */
    static const int spacing[] = { 0, -1, -2, -3, 1, 2, 3 };
    for (int codes = 1; codes >= 0 && worst > loose; codes--)
        for (size_t k = 0; k < sizeof spacing / sizeof spacing[0] && worst > loose; k++) {
            PangoAttrList *a = pango_attr_list_copy(base);
            compress_pairs(t, a);
            if (spacing[k]) pango_attr_list_insert(a, pango_attr_letter_spacing_new((int)(em * 0.01 * spacing[k] * PANGO_SCALE)));
            pdf_kinsoku_protect_opt(t, -1, a, codes);
            pango_layout_set_attributes(l, a);
            double s = code_shortfall(l);
            if (s < worst - 0.01) {
                worst = s;
                pango_attr_list_unref(best);
                best = pango_attr_list_ref(a);
            }
            pango_attr_list_unref(a);
        }
    pango_layout_set_attributes(l, best);
    pango_attr_list_unref(best);
    return 1;
}
