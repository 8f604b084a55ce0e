/* album.c — the order of pages in an album, front to back.
 *
 * The album: cover (1), colophon (2), title page (3), table of contents (4…),
 * a notes page if needed so that the overview spread starts on a left-hand
 * page, overview + standards (2), a chapter per domain (an opener spread, then
 * a spread per unit), the case studies (an opener, then each case from a new
 * page in two flowing columns), notes pages up to a multiple of four, back
 * cover. A unit's own album: cover, its spread (pages 2–3), its case studies,
 * notes, back cover.
 *
 * Spreads always start on an even (left-hand) page, since the cover is page 1.
 * The unit spreads are drawn by spread.c, the case studies by cases.c.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include <cairo-pdf.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

int pdf_doc_has_unit(const pdf_doc *p, size_t project)
{
    return p->kind == PDF_DOC_ALBUM || project == p->unit;
}

void pdf_album_choose(pdf_env *env)
{
    const hc_model *m = env->m;
    size_t marked = 0;
    env->in_album = hc_xcalloc(m->ncases ? m->ncases : 1, 1);
    for (size_t c = 0; c < m->ncases; c++) marked += m->cases[c].album != 0;
    env->nalbum = 0;
    for (size_t c = 0; c < m->ncases; c++) {
        int in = marked ? m->cases[c].album != 0 : (long)env->nalbum < m->config.album_cases;
        env->in_album[c] = (unsigned char)in;
        env->nalbum += (size_t)in;
    }
}

static const char *nz(const char *s) { return s ? s : ""; }

int pdf_outline(pdf_doc *p, int parent, const char *title, const char *anchor, int open)
{
    if (!p->cr) return 0;
    hc_buf a = HC_BUF_INIT;
    hc_buf_puts(&a, "dest='");
    pdf_tag_escape(&a, anchor);
    hc_buf_putc(&a, '\'');
    int id = cairo_pdf_surface_add_outline(p->surface, parent, title, hc_buf_cstr(&a),
                                           open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    hc_buf_free(&a);
    return id;
}

/* A right-aligned page number with dotted leaders from x_end to it. */
static void page_number(pdf_doc *p, double x_end, double x_right, double y, double h, int page, double size)
{
    const pdf_theme *th = &p->env->theme;
    char num[16];
    snprintf(num, sizeof num, "%d", page);
    if (page <= 0) snprintf(num, sizeof num, "00");
    pdf_tstyle ns = pdf_style(PDF_SANS, size, 0, 0);
    PangoLayout *l = pdf_layout(p, num, &ns);
    double nw = pdf_layout_w(l);
    pdf_draw_layout(p, l, x_right - nw, y, th->ink);
    g_object_unref(l);
    if (p->cr && x_right - nw - 6 > x_end + 6) {
        double dash[] = { 0.6, 2.4 };
        cairo_save(p->cr);
        cairo_set_source_rgb(p->cr, th->muted.r, th->muted.g, th->muted.b);
        cairo_set_line_width(p->cr, 0.8);
        cairo_set_line_cap(p->cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash(p->cr, dash, 2, 0);
        cairo_move_to(p->cr, x_end + 6, y + h * 0.72);
        cairo_line_to(p->cr, x_right - nw - 6, y + h * 0.72);
        cairo_stroke(p->cr);
        cairo_restore(p->cr);
    }
}

/* ---- front matter ---- */

static void title_page(pdf_doc *p)
{
    const pdf_theme *th = &p->env->theme;
    const hc_config *c = &p->m->config;
    pdf_page_begin(p, 0, NULL, NULL);
    double x = pdf_page_x0(p), w = pdf_page_text_w(p), y = pdf_page_y0(p) + pdf_mm(50);
    pdf_fill_rect(p, x, y, pdf_mm(22), pdf_mm(1.6), th->accent);
    y += pdf_mm(8);
    pdf_tstyle k = pdf_style(PDF_SANS, PDF_FS_L, 0, w);
    y += pdf_text(p, x, y, nz(c->district), &k, th->accent) + pdf_mm(4);
    pdf_tstyle t = pdf_style(PDF_SANS, PDF_FS_D, 1, w);
    t.spacing = 6;
    y += pdf_text(p, x, y, nz(c->title), &t, th->ink) + pdf_mm(4);
    pdf_tstyle s = pdf_style(PDF_SANS, PDF_FS_XL, 0, w);
    y += pdf_text(p, x, y, "党建画册", &s, th->muted) + pdf_mm(16);
    if (c->description) {
        pdf_tstyle d = pdf_style(PDF_SERIF, PDF_FS_M, 0, w * 0.8);
        d.justify = 1;
        d.spacing = 4;
        pdf_text(p, x, y, c->description, &d, th->ink);
    }
    pdf_tstyle a = pdf_style(PDF_SANS, PDF_FS_M, 1, w);
    char line[256];
    snprintf(line, sizeof line, "%s\n%s", nz(c->author), p->env->year);
    pdf_text(p, x, pdf_page_y1(p) - pdf_mm(20), line, &a, th->ink);
    pdf_page_end(p);
}

typedef struct { int level; char *text; char *anchor; } toc_entry;

static size_t domain_units(const hc_model *m, size_t di, size_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < m->nprojects; i++)
        if (m->projects[i].domain == di) {
            if (out) out[n] = i;
            n++;
        }
    return n;
}

typedef struct { toc_entry *v; size_t n, cap; } toc_list;

static void toc_add(toc_list *l, int level, const char *anchor, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void toc_add(toc_list *l, int level, const char *anchor, const char *fmt, ...)
{
    hc_buf t = HC_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    hc_buf_vprintf(&t, fmt, ap);
    va_end(ap);
    l->v = hc_xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
    l->v[l->n].level = level;
    l->v[l->n].text = hc_buf_detach(&t, NULL);
    l->v[l->n++].anchor = hc_xstrdup(anchor);
}

/* Every entry of the contents: chapters, their units, the album's case studies. */
static void toc_entries(const pdf_env *env, toc_list *l)
{
    const hc_model *m = env->m;
    char a[200];
    toc_add(l, 0, "overview", "%s", "概览与创建标准");
    for (size_t di = 0; di < m->std.ndomains; di++) {
        snprintf(a, sizeof a, "chapter-%s", m->std.domains[di].key);
        toc_add(l, 0, a, "%s　%s", m->std.domains[di].name, m->std.domains[di].full);
        for (size_t i = 0; i < m->nprojects; i++)
            if (m->projects[i].domain == di) {
                snprintf(a, sizeof a, "unit-%s", m->projects[i].id);
                toc_add(l, 1, a, "%s　%s", m->projects[i].id, m->projects[i].name);
            }
    }
    if (env->nalbum) {
        toc_add(l, 0, "chapter-cases", "%s", "典型案例");
        for (size_t c = 0; c < m->ncases; c++) {
            if (!env->in_album[c]) continue;
            snprintf(a, sizeof a, "case-%s", m->cases[c].slug);
            toc_add(l, 1, a, "%s", nz(m->cases[c].title));
        }
    }
}

static void toc(pdf_doc *p)
{
    const pdf_theme *th = &p->env->theme;
    toc_list list = { 0 };
    toc_entries(p->env, &list);
    toc_entry *e = list.v;
    size_t n = list.n;
    pdf_page_begin(p, 1, "目录", NULL);
    double x = pdf_page_x0(p), w = pdf_page_text_w(p), y = pdf_page_y0(p);
    pdf_dest(p, "toc", y);
    pdf_outline(p, CAIRO_PDF_OUTLINE_ROOT, "目录", "toc", 0);
    pdf_tstyle hs = pdf_style(PDF_SANS, PDF_FS_H, 1, w);
    y += pdf_text(p, x, y, "目　录", &hs, th->accent) + pdf_mm(8);
    for (size_t i = 0; i < n; i++) {
        int top = e[i].level == 0;
        double ind = top ? 0 : pdf_mm(6), size = top ? PDF_FS_L : PDF_FS_M;
        pdf_tstyle st = pdf_style(PDF_SANS, size, top, w - ind - pdf_mm(22));
        st.ellipsize = 1;
        PangoLayout *l = pdf_layout(p, e[i].text, &st);
        double h = pdf_layout_h(l), before = top && i ? pdf_mm(3) : 0;
        if (y + before + h > pdf_page_y1(p)) {
            pdf_page_end(p);
            pdf_page_begin(p, 1, "目录", NULL);
            x = pdf_page_x0(p);
            y = pdf_page_y0(p);
            before = 0;
        }
        y += before;
        pdf_link_dest(p, e[i].anchor, 0, 0, 0, 0);
        pdf_draw_layout(p, l, x + ind, y, top ? th->accent : th->ink);
        page_number(p, x + ind + pdf_layout_w(l), x + w, y, h, pdf_page_of(p, e[i].anchor), size);
        pdf_link_end(p);
        y += h + pdf_mm(2.2);
        g_object_unref(l);
    }
    pdf_page_end(p);
    for (size_t i = 0; i < n; i++) {
        free(e[i].text);
        free(e[i].anchor);
    }
    free(e);
}

/* ---- overview spread ---- */

/* The units' lead photos as a mosaic in (x, y) … (x + w, y1): four to a
 * row, only full rows, each cut to its cell; headed 示范单位掠影. */
static void collage(pdf_doc *p, double x, double y, double w, double y1)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    pdf_pic *pics = hc_xcalloc(m->nprojects ? m->nprojects : 1, sizeof *pics);
    size_t n = 0;
    for (size_t i = 0; i < m->nprojects; i++) {
        if (pdf_unit_pics(p->env, &m->projects[i], &pics[n], 1) != 1) continue;
        size_t k = 0;   /* each photo once (a page that paints one image twice gets a resource twice from cairo) */
        while (k < n && strcmp(pics[k].src, pics[n].src) != 0) k++;
        if (k == n) n++;
    }
    double gap = pdf_mm(1.5), head = PDF_FS_L * 1.5 + pdf_mm(3);
    size_t cols = n < 4 ? n : 4;
    double cw = cols ? (w - gap * (double)(cols - 1)) / (double)cols : 0, avail = y1 - y - head;
    size_t rows = cols ? n / cols : 0, fit = (size_t)((avail + gap) / (cw * 0.5 + gap));
    if (rows > fit) rows = fit;
    if (rows > 0 && cw > 0) {
        double ch = (avail - gap * (double)(rows - 1)) / (double)rows;
        if (ch > cw * 0.75) ch = cw * 0.75;
        pdf_tstyle hs = pdf_style(PDF_SANS, PDF_FS_L, 1, w);
        pdf_fill_rect(p, x, y + 2, pdf_mm(1.2), 11, th->accent);
        pdf_text(p, x + pdf_mm(3), y, "示范单位掠影", &hs, th->ink);
        y += head;
        for (size_t i = 0; i < rows * cols; i++)
            pdf_photo_draw(p, &pics[i], x + (double)(i % cols) * (cw + gap), y + (double)(i / cols) * (ch + gap), cw, ch);
    }
    free(pics);
}

/* Per domain from y: recorded units by status against the planned count,
 * one bar a domain. Returns the y below. */
static double overview_bars(pdf_doc *p, double x, double y, double w)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    long max = 1;
    for (size_t di = 0; di < m->std.ndomains; di++) {
        long n = (long)domain_units(m, di, NULL);
        if (m->std.domains[di].planned > max) max = m->std.domains[di].planned;
        if (n > max) max = n;
    }
    double lw = pdf_mm(40), bw = w - lw - pdf_mm(30);
    for (size_t di = 0; di < m->std.ndomains; di++) {
        const hc_domain *dm = &m->std.domains[di];
        size_t n = domain_units(m, di, NULL);
        pdf_tstyle ls = pdf_style(PDF_SANS, PDF_FS_M, 1, lw);
        pdf_text(p, x, y, dm->name, &ls, th->ink);
        pdf_tstyle fs = pdf_style(PDF_SANS, PDF_FS_XS, 0, lw);
        pdf_text(p, x, y + 15, dm->full, &fs, th->muted);
        double bx = x + lw, unit = bw / (double)max;
        pdf_fill_rect(p, bx, y + 3, unit * (double)dm->planned, pdf_mm(4), th->soft);
        for (size_t s = 0; s < m->std.nstatuses; s++)
            for (size_t i = 0; i < m->nprojects; i++)
                if (m->projects[i].domain == di && m->projects[i].status == s) {
                    pdf_fill_rect(p, bx, y + 3, unit - 0.5, pdf_mm(4), pdf_status_rgb(th, s));
                    bx += unit;
                }
        char t[64];
        snprintf(t, sizeof t, "%zu / 规划 %ld", n, dm->planned);
        pdf_tstyle ns = pdf_style(PDF_SANS, PDF_FS_S, 0, pdf_mm(28));
        ns.align = PANGO_ALIGN_RIGHT;
        pdf_text(p, x + w - pdf_mm(28), y + 1, t, &ns, th->ink);
        y += pdf_mm(13);
    }
    return y;
}

/* The overview's left page: the description, the bars per domain, what the
 * album holds, the collage of the units' photos. */
static void overview_page(pdf_doc *p)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    pdf_page_begin(p, 1, "概览", NULL);
    double x = pdf_page_x0(p), w = pdf_page_text_w(p), y = pdf_page_y0(p);
    pdf_dest(p, "overview", y);
    pdf_outline(p, CAIRO_PDF_OUTLINE_ROOT, "概览与创建标准", "overview", 0);
    pdf_tstyle hs = pdf_style(PDF_SANS, PDF_FS_H, 1, w);
    y += pdf_text(p, x, y, "概　览", &hs, th->accent) + pdf_mm(6);
    if (m->config.description) {
        pdf_tstyle d = pdf_style(PDF_SERIF, PDF_FS_M, 0, w);
        d.justify = 1;
        d.indent = 21;
        d.spacing = 3.4;
        y += pdf_text(p, x, y, m->config.description, &d, th->ink) + pdf_mm(8);
    }
    y = overview_bars(p, x, y, w);
    y += pdf_mm(4);
    pdf_tstyle sm = pdf_style(PDF_SANS, PDF_FS_S, 0, w);
    sm.spacing = 2;
    hc_buf t = HC_BUF_INIT;
    hc_buf_printf(&t, "本画册收录示范单位 %zu 个、典型案例 %zu 篇。色块为已收录单位的挂图作战进度，浅色为项目库规划数量。",
                  m->nprojects, p->env->nalbum);
    y += pdf_text(p, x, y, hc_buf_cstr(&t), &sm, th->muted) + pdf_mm(8);
    hc_buf_free(&t);
    collage(p, x, y, w, pdf_page_y1(p));
    pdf_page_end(p);
}

/* The 十个一 in two columns from y under heading style h2. Returns the y
 * below. */
static double standards_items(pdf_doc *p, double x, double y, double w, const pdf_tstyle *h2)
{
    const hc_model *m = p->m;
    y += pdf_text(p, x, y, "“十个一”", h2, p->env->theme.ink) + pdf_mm(2);
    size_t rows = (m->std.nitems + 1) / 2;
    for (size_t i = 0; i < m->std.nitems; i++) {
        char s[160];
        snprintf(s, sizeof s, "%zu　%s", i + 1, m->std.items[i].name);
        pdf_tstyle is = pdf_style(PDF_SANS, PDF_FS_M, 0, w / 2);
        pdf_text(p, x + (i / rows) * w / 2, y + (i % rows) * pdf_mm(6.5), s, &is, p->env->theme.ink);
    }
    return y + rows * pdf_mm(6.5) + pdf_mm(6);
}

/* The legend of the status colours (挂图作战进度颜色) from y. Returns the
 * y below. */
static double standards_legend(pdf_doc *p, double x, double y, double w, const pdf_tstyle *h2)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    hc_buf b = HC_BUF_INIT;
    y += pdf_text(p, x, y, "挂图作战进度颜色", h2, th->ink) + pdf_mm(3);
    for (size_t s = 0; s < m->std.nstatuses; s++) {
        pdf_fill_rect(p, x, y + 1, pdf_mm(8), pdf_mm(4), pdf_status_rgb(th, s));
        hc_buf_reset(&b);
        hc_buf_printf(&b, "%s：%s", m->std.statuses[s].name, nz(m->std.statuses[s].meaning));
        pdf_tstyle ss = pdf_style(PDF_SANS, PDF_FS_M, 0, w - pdf_mm(12));
        y += pdf_text(p, x + pdf_mm(12), y, hc_buf_cstr(&b), &ss, th->ink) + pdf_mm(3);
    }
    hc_buf_free(&b);
    return y;
}

/* The overview's right page: the standards — the 十个一, the baseline, the
 * grades if any, the status colours. */
static void standards_page(pdf_doc *p)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    pdf_page_begin(p, 1, "创建标准", NULL);
    double x = pdf_page_x0(p), w = pdf_page_text_w(p), y = pdf_page_y0(p);
    pdf_tstyle hs = pdf_style(PDF_SANS, PDF_FS_H, 1, w);
    y += pdf_text(p, x, y, "创建标准", &hs, th->accent) + pdf_mm(6);
    pdf_tstyle h2 = pdf_style(PDF_SANS, PDF_FS_L, 1, w);
    y = standards_items(p, x, y, w, &h2);
    y += pdf_text(p, x, y, "基础门槛", &h2, th->ink) + pdf_mm(2);
    pdf_tstyle body = pdf_style(PDF_SERIF, PDF_FS_M, 0, w);
    body.justify = 1;
    body.spacing = 3.4;
    hc_buf b = HC_BUF_INIT;
    hc_buf_printf(&b, "党委、党支部两个层面各有 %ld 条基础性、共性标准；达标 %ld 条方可申报示范创建，不达标的不得申报。",
                  m->std.baseline_total, m->std.baseline_threshold);
    y += pdf_text(p, x, y, hc_buf_cstr(&b), &body, th->ink) + pdf_mm(6);
    hc_buf_reset(&b);
    if (m->std.ngrades) {   /* none in the public edition */
        y += pdf_text(p, x, y, "考评等次", &h2, th->ink) + pdf_mm(2);
        for (size_t i = 0; i < m->std.ngrades; i++) hc_buf_printf(&b, "%s%s", i ? "、" : "", m->std.grades[i].name);
        y += pdf_text(p, x, y, hc_buf_cstr(&b), &body, th->ink) + pdf_mm(6);
    }
    hc_buf_free(&b);
    standards_legend(p, x, y, w, &h2);
    pdf_page_end(p);
}

/* The overview spread: the district at a glance (left), the standards (right). */
static void overview(pdf_doc *p)
{
    overview_page(p);
    standards_page(p);
}

/* ---- chapters ---- */

/* Is pic sharp enough to open a chapter (300 ppi over the page's width)? */
int pdf_opener_ok(const pdf_doc *p, const pdf_pic *pic)
{
    double fw, fh;
    pdf_chapter_photo_frame(&p->env->geom, &fw, &fh);
    return pdf_pic_ppi(pic, fw, fh) >= 299.5;
}

/* The photo that opens a chapter of units: a landscape photo that is not a
 * unit's lead (those lead their spreads) nor opened an earlier chapter, else
 * a landscape lead, else the first lead photo; never the cover's photo
 * again, never one too small for 300 ppi there (the drawn art opens the
 * chapter instead). 0 if found. */
static int chapter_pic(const pdf_doc *p, const size_t *units, size_t n, pdf_pic *out)
{
    pdf_pic pics[4];
    const hc_photo *cover = p->kind == PDF_DOC_ALBUM ? p->m->config.cover_photo : NULL;
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < n; i++) {
            size_t k = pdf_unit_pics(p->env, &p->m->projects[units[i]], pics, 4);
            for (size_t j = pass == 0 ? 1 : 0; j < k && (pass < 2 || j < 1); j++) {
                if ((cover && strcmp(cover->src, pics[j].src) == 0) || !pdf_opener_ok(p, &pics[j])) continue;
                int used = 0;   /* nor the photo of an earlier opener */
                for (int q = 0; q < p->nopeners; q++) used |= strcmp(p->openers[q], pics[j].src) == 0;
                if (used && pass < 2) continue;
                if (pass < 2 && pdf_pic_aspect(&pics[j]) < 1.2) continue;
                *out = pics[j];
                return 0;
            }
        }
    return -1;
}

/* The chapter's units as cards with their lead photo, in a grid that fills
 * the page from y down to y1: photo (or a colour field), status, number and
 * name, level and place, and the page the unit is on. Each card links to the
 * unit; a unit without a photo gets a field of the theme colour with its
 * number and brand, as on its spread. Returns -1 (nothing drawn) if the
 * units are too many for cards on one page. */
static int unit_cards(pdf_doc *p, const size_t *units, size_t n, double x, double y, double w, double y1)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    if (n == 0) return 0;
    size_t cols = n <= 2 ? 1 : n <= 6 ? 2 : 3, rows = (n + cols - 1) / cols;
    double gap = pdf_mm(cols == 1 ? 6 : 5), text_h = pdf_mm(12.5), cw = (w - gap * (double)(cols - 1)) / (double)cols;
    double rh = (y1 - y - gap * (double)(rows - 1)) / (double)rows, ph = rh - text_h;
    if (ph > cw * 0.75) ph = cw * 0.75;   /* no taller than 4:3 */
    if (ph < pdf_mm(24)) return -1;
    const char **seen = hc_xcalloc(n, sizeof *seen);
    size_t nseen = 0;
    for (size_t i = 0; i < n; i++) {
        const hc_project *u = &m->projects[units[i]];
        double cx = x + (double)(i % cols) * (cw + gap), cy = y + (double)(i / cols) * (ph + text_h + gap);
        char ua[200];
        snprintf(ua, sizeof ua, "unit-%s", u->id);
        pdf_link_dest(p, ua, cx, cy, cw, ph + text_h);
        pdf_link_end(p);
        pdf_pic pic[4];
        size_t np = pdf_unit_pics(p->env, u, pic, 4), k = 0;
        /* its first photo not already on this page (cairo would list an image painted twice twice) */
        for (; k < np; k++) {
            size_t j = 0;
            while (j < nseen && strcmp(seen[j], pic[k].src) != 0) j++;
            if (j == nseen) break;
        }
        if (k < np) {
            pdf_photo_draw(p, &pic[k], cx, cy, cw, ph);
            seen[nseen++] = pic[k].src;
        } else {
            pdf_fill_rect(p, cx, cy, cw, ph, th->accent);
            double pad = pdf_mm(4);
            pdf_tstyle bs = pdf_style(PDF_SANS, cols == 1 ? PDF_FS_H : PDF_FS_L, 1, cw - 2 * pad);
            bs.spacing = 2;
            PangoLayout *bl = pdf_layout(p, u->brand ? u->brand : u->name, &bs);
            double bh = pdf_layout_h(bl);
            if (bh < ph - 2 * pad) pdf_draw_layout(p, bl, cx + pad, cy + ph - pad - bh, th->paper);
            g_object_unref(bl);
            pdf_fill_rect(p, cx + pad, cy + pad, pdf_mm(10), pdf_mm(1), th->gold);
        }
        double ty = cy + ph + pdf_mm(2);
        pdf_fill_rect(p, cx, ty + 2.5, pdf_mm(2.4), pdf_mm(2.4), pdf_status_rgb(th, u->status));
        char num[16];
        int page = pdf_page_of(p, ua);
        snprintf(num, sizeof num, "第%d页", page);
        if (page <= 0) snprintf(num, sizeof num, "第00页");
        pdf_tstyle ns = pdf_style(PDF_SANS, PDF_FS_S, 0, 0);
        PangoLayout *nl = pdf_layout(p, num, &ns);
        double nw = pdf_layout_w(nl);
        pdf_draw_layout(p, nl, cx + cw - nw, ty, th->accent);
        g_object_unref(nl);
        hc_buf t = HC_BUF_INIT;
        hc_buf_puts(&t, u->id);
        if (u->level != HC_NONE) hc_buf_printf(&t, "　%s", m->std.levels[u->level].name);
        for (size_t k = 0; k < u->ntownships; k++) hc_buf_printf(&t, "%s%s", k ? "、" : "　", u->townships[k]);
        pdf_tstyle ms = pdf_style(PDF_SANS, PDF_FS_S, 0, cw - pdf_mm(4) - nw - pdf_mm(2));
        ms.ellipsize = 1;
        pdf_text(p, cx + pdf_mm(4), ty, hc_buf_cstr(&t), &ms, th->muted);
        pdf_tstyle es = pdf_style(PDF_SANS, PDF_FS_M, 1, cw);
        es.ellipsize = 1;
        pdf_text(p, cx, ty + pdf_mm(5), u->name, &es, th->ink);
        hc_buf_free(&t);
    }
    free(seen);
    return 0;
}

static void domain_chapter(pdf_doc *p, size_t di)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    const hc_domain *dm = &m->std.domains[di];
    size_t n = domain_units(m, di, NULL);
    size_t *units = hc_xcalloc(n ? n : 1, sizeof *units);
    domain_units(m, di, units);
    char anchor[160];
    snprintf(anchor, sizeof anchor, "chapter-%s", dm->key);

    pdf_page_begin(p, 0, NULL, NULL);
    pdf_dest(p, anchor, 0);
    char title[160];
    snprintf(title, sizeof title, "%s　%s", dm->name, dm->full);
    int oid = pdf_outline(p, CAIRO_PDF_OUTLINE_ROOT, title, anchor, 0);
    pdf_pic cp;
    if (chapter_pic(p, units, n, &cp) == 0) {
        pdf_chapter_photo(p, &cp, dm->name, dm->full);
        if (p->nopeners < 32) p->openers[p->nopeners++] = cp.src;
    } else {
        pdf_chapter_art(p, dm->name, dm->full, (int)di);
    }
    pdf_page_end(p);

    pdf_page_begin(p, 1, dm->full, NULL);
    double x = pdf_page_x0(p), w = pdf_page_text_w(p), y = pdf_page_y0(p);
    pdf_tstyle hs = pdf_style(PDF_SANS, PDF_FS_H, 1, w);
    y += pdf_text(p, x, y, dm->full, &hs, th->accent) + pdf_mm(4);
    hc_buf t = HC_BUF_INIT;
    hc_buf_printf(&t, "项目库规划%s %ld 个，本画册收录 %zu 个。", dm->name, dm->planned, n);
    for (size_t s = 0; s < m->std.nstatuses; s++) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++) k += m->projects[units[i]].status == s;
        hc_buf_printf(&t, "%s%s %zu 个", s ? "，" : "其中", m->std.statuses[s].name, k);
    }
    if (m->std.nstatuses) hc_buf_puts(&t, "。");
    pdf_tstyle body = pdf_style(PDF_SERIF, PDF_FS_M, 0, w);
    body.justify = 1;
    body.spacing = 3.4;
    y += pdf_text(p, x, y, hc_buf_cstr(&t), &body, th->ink) + pdf_mm(8);
    hc_buf_free(&t);
    int cards = unit_cards(p, units, n, x, y, w, pdf_page_y1(p)) == 0;
    for (size_t i = 0; i < n && !cards; i++) {
        const hc_project *u = &m->projects[units[i]];
        char ua[200];
        snprintf(ua, sizeof ua, "unit-%s", u->id);
        pdf_fill_rect(p, x, y + 3.5, pdf_mm(3), pdf_mm(3), pdf_status_rgb(th, u->status));
        hc_buf e = HC_BUF_INIT;
        hc_buf_printf(&e, "%s　%s", u->id, u->name);
        if (u->level != HC_NONE) hc_buf_printf(&e, "（%s）", m->std.levels[u->level].name);
        pdf_tstyle es = pdf_style(PDF_SANS, PDF_FS_M, 0, w - pdf_mm(28));
        es.ellipsize = 1;
        PangoLayout *l = pdf_layout(p, hc_buf_cstr(&e), &es);
        hc_buf_free(&e);
        double h = pdf_layout_h(l);
        if (y + h > pdf_page_y1(p)) {
            g_object_unref(l);
            break;
        }
        pdf_link_dest(p, ua, 0, 0, 0, 0);
        pdf_draw_layout(p, l, x + pdf_mm(6), y, th->ink);
        page_number(p, x + pdf_mm(6) + pdf_layout_w(l), x + w, y, h, pdf_page_of(p, ua), 10.5);
        pdf_link_end(p);
        y += h + pdf_mm(3);
        g_object_unref(l);
    }
    pdf_page_end(p);

    for (size_t i = 0; i < n; i++) {
        const hc_project *u = &m->projects[units[i]];
        char ua[200], ut[300];
        snprintf(ua, sizeof ua, "unit-%s", u->id);
        snprintf(ut, sizeof ut, "%s　%s", u->id, u->name);
        pdf_outline(p, oid, ut, ua, 0);
        pdf_spread_unit(p, units[i], 1);
    }
    free(units);
}

/* Notes pages until the back cover makes a multiple of four, then the back cover. */
static void finish(pdf_doc *p)
{
    while ((p->page + 1) % 4 != 0) pdf_notes_page(p, "记事");
    pdf_cover_back(p);
}

void pdf_album_pass(pdf_doc *p, pdf_doc_kind kind, size_t unit)
{
    const hc_model *m = p->m;
    p->kind = kind;
    p->unit = unit;
    if (p->cr) cairo_tag_begin(p->cr, "Document", NULL);
    if (kind == PDF_DOC_ALBUM) {
        char kicker[256];
        snprintf(kicker, sizeof kicker, "%s基层党组织示范创建", nz(m->config.district));
        pdf_pic cover;
        const hc_photo *cph = m->config.cover_photo;
        int has = cph && pdf_pic_get(p->env, cph->src, &cover) == 0;
        if (has) {
            cover.caption = cph->caption ? cph->caption : cph->alt;
            cover.loc = cph->loc;
        }
        pdf_cover_front(p, nz(m->config.title), kicker, NULL, HC_NONE, has ? &cover : NULL);
        pdf_colophon(p);
        title_page(p);
        toc(p);
        if (p->page % 2 == 0) pdf_notes_page(p, "记事");   /* the overview spread starts on a left page */
        overview(p);
        for (size_t di = 0; di < m->std.ndomains; di++) domain_chapter(p, di);
        if (p->env->nalbum) pdf_cases_chapter(p);
    } else {
        const hc_project *u = &m->projects[unit];
        hc_buf k = HC_BUF_INIT, s = HC_BUF_INIT;
        hc_buf_printf(&k, "%s　%s", u->id, u->domain != HC_NONE ? m->std.domains[u->domain].full : "");
        hc_buf_puts(&s, u->brand ? u->brand : "");
        pdf_pic lead;
        int has = pdf_unit_pics(p->env, u, &lead, 1) == 1;   /* a unit's album opens with its lead photo */
        pdf_cover_front(p, u->name, hc_buf_cstr(&k), hc_buf_cstr(&s), unit, has ? &lead : NULL);
        hc_buf_free(&k);
        hc_buf_free(&s);
        char ua[200];
        snprintf(ua, sizeof ua, "unit-%s", u->id);
        pdf_outline(p, CAIRO_PDF_OUTLINE_ROOT, u->name, ua, 0);
        pdf_spread_unit(p, unit, 0);
        double at = -1;
        for (size_t i = 0; i < u->ncases; i++) pdf_case_study(p, u->cases[i], u->name, CAIRO_PDF_OUTLINE_ROOT, &at);
        if (at >= 0) pdf_page_end(p);
    }
    finish(p);
    if (p->cr) cairo_tag_end(p->cr, "Document");
}

void pdf_album_metadata(pdf_doc *p, pdf_doc_kind kind, size_t unit)
{
    const hc_config *c = &p->m->config;
    hc_buf t = HC_BUF_INIT, d = HC_BUF_INIT, s = HC_BUF_INIT;
    if (kind == PDF_DOC_ALBUM) hc_buf_printf(&t, "%s·党建画册", nz(c->title));
    else hc_buf_printf(&t, "%s %s·党建画册", p->m->projects[unit].id, p->m->projects[unit].name);
    hc_buf_printf(&s, "%s基层党组织示范创建党建画册", nz(c->district));
    hc_buf_printf(&d, "%sT00:00:00", p->env->date);
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE, hc_buf_cstr(&t));
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_AUTHOR, nz(c->author));
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_SUBJECT, hc_buf_cstr(&s));
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_KEYWORDS, "党建画册, 示范创建, 十个一");
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, "huace");
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATE_DATE, hc_buf_cstr(&d));
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_MOD_DATE, hc_buf_cstr(&d));
    hc_buf_free(&t);
    hc_buf_free(&d);
    hc_buf_free(&s);
}
