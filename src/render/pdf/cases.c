/* cases.c — the case studies in an album: their bodies as blocks (a small
 * cache, read again from their files when asked for), the chapter that
 * opens them, and each case in two flowing columns under its heading, the
 * units it belongs to and a lead figure.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../../load/load.h"
#include "../../model/permalink.h"
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *nz(const char *s) { return s ? s : ""; }

const pdf_blocks *pdf_case_blocks(pdf_doc *p, size_t c)
{
    for (unsigned i = 0; i < p->cn; i++)
        if (p->ccase[i] == c) return &p->cblocks[i];
    unsigned k = p->cn < PDF_CASE_CACHE ? p->cn++ : p->cnext;
    p->cnext = (k + 1) % PDF_CASE_CACHE;
    pdf_blocks_free(&p->cblocks[k]);
    hc_buf html = HC_BUF_INIT;
    const hc_doc *d = &p->m->cases[c];
    hc_doc_body_html(p->m, d, &html, p->env->d);   /* not kept by the load: read again */
    pdf_html_to_blocks(hc_buf_cstr(&html), &p->env->fonts, &p->cblocks[k]);
    hc_buf_free(&html);
    p->ccase[k] = c;
    return &p->cblocks[k];
}

void pdf_case_blocks_free(pdf_doc *p)
{
    for (unsigned i = 0; i < p->cn; i++) pdf_blocks_free(&p->cblocks[i]);
    p->cn = p->cnext = 0;
}

int pdf_doc_has_case(const pdf_doc *p, size_t c)
{
    if (p->kind == PDF_DOC_ALBUM) return p->env->in_album[c];
    const hc_doc *d = &p->m->cases[c];
    for (size_t i = 0; i < d->nprojects; i++)
        if (d->projects[i] == p->unit) return 1;
    return 0;
}

/* Block k of case ci as a photo: 0 if it is an image the set has. */
static int case_block_pic(pdf_doc *p, size_t ci, size_t k, pdf_pic *pic)
{
    const pdf_block *b = &pdf_case_blocks(p, ci)->v[k];
    if (b->kind != PDF_BLK_IMG || !b->src) return -1;
    hc_buf sp = HC_BUF_INIT;
    int r = hc_path_image(p->m->cases[ci].path, b->src, &sp) == 0 ? pdf_pic_get(p->env, hc_buf_cstr(&sp), pic) : -1;
    hc_buf_free(&sp);
    if (r == 0) {
        pic->caption = b->text_len ? b->alt : NULL;
        pic->loc.path = p->m->cases[ci].path;
        if (p->cr && p->warn_images) pdf_image_location(p->m, &p->m->cases[ci], b->src, &pic->loc.line, &pic->loc.col);
    }
    return r;
}

/* The figure that leads case ci at page width: a landscape image among its
 * first three blocks. Returns its block index, or (size_t)-1. */
static size_t case_lead_figure(pdf_doc *p, size_t ci, pdf_pic *pic)
{
    const pdf_blocks *b = pdf_case_blocks(p, ci);
    for (size_t k = 0; k < b->n && k < 3; k++)
        if (case_block_pic(p, ci, k, pic) == 0) return pdf_pic_aspect(pic) >= 1.2 ? k : (size_t)-1;
    return (size_t)-1;
}

/* Where a case starts: on the open page below *at (>= 0) after a rule when
 * the upper part of its first page fits there, else on a new page (ending
 * the open one). Drops the lead figure (*lk = -1) when the case fits there
 * and its figure does not. Returns the y the case starts at. */
static double case_start(pdf_doc *p, const pdf_pic *lead, size_t *lk, const char *running, double *at)
{
    if (*at >= 0) {
        double w0 = pdf_page_text_w(p), fig = 0, need = *at + pdf_mm(14) + pdf_mm(40) + pdf_mm(30);
        if (*lk != (size_t)-1) {
            fig = w0 / pdf_pic_aspect(lead);
            if (fig > (pdf_page_y1(p) - pdf_page_y0(p)) * 0.4) fig = (pdf_page_y1(p) - pdf_page_y0(p)) * 0.4;
            fig += pdf_mm(12);
        }
        if (need + fig > pdf_page_y1(p) && need <= pdf_page_y1(p))
            *lk = (size_t)-1;   /* room for the case, not for its lead figure: that stays in the columns */
        else if (need > pdf_page_y1(p)) {
            pdf_page_end(p);
            *at = -1;
        }
    }
    if (*at < 0) {
        pdf_page_begin(p, 1, running, NULL);
        return pdf_page_y0(p);
    }
    double y = *at + pdf_mm(8);
    pdf_stroke_line(p, pdf_page_x0(p), y, pdf_page_x0(p) + pdf_page_text_w(p), y, 0.4, p->env->theme.line);
    return y + pdf_mm(6);
}

/* Date and township, then the title, from y. Returns the y below them. */
static double case_heading(pdf_doc *p, const hc_doc *c, double x, double y, double w)
{
    const pdf_theme *th = &p->env->theme;
    hc_buf meta = HC_BUF_INIT;
    if (c->date != HC_NO_DATE) {
        char d[11];
        hc_date_format(c->date, d);
        hc_buf_puts(&meta, d);
    }
    if (c->township) hc_buf_printf(&meta, "%s%s", meta.len ? "　" : "", c->township);
    pdf_tstyle ms = pdf_style(PDF_SANS, PDF_FS_S, 0, w);
    y += pdf_text(p, x, y, hc_buf_cstr(&meta), &ms, th->accent) + pdf_mm(2);
    hc_buf_free(&meta);
    pdf_tstyle ts = pdf_style(PDF_SANS, PDF_FS_H, 1, w);
    ts.spacing = 3;
    return y + pdf_text(p, x, y, nz(c->title), &ts, th->ink) + pdf_mm(3);
}

/* The units the case belongs to, one a line with the page of their spread
 * (a link when the document has it), then the accent rule. Returns the y
 * below. */
static double case_units(pdf_doc *p, const hc_doc *c, double x, double y, double w)
{
    const pdf_theme *th = &p->env->theme;
    for (size_t i = 0; i < c->nprojects; i++) {
        size_t pi = c->projects[i];
        if (pi == HC_NONE) continue;
        const hc_project *u = &p->m->projects[pi];
        char ua[200];
        snprintf(ua, sizeof ua, "unit-%s", u->id);
        int has = pdf_doc_has_unit(p, pi), page = has ? pdf_page_of(p, ua) : 0;
        hc_buf e = HC_BUF_INIT;
        hc_buf_printf(&e, "%s　%s　%s", i ? "　　　　" : "相关示范单位", u->id, u->name);
        if (has && page > 0) hc_buf_printf(&e, "（第%d页）", page);
        else if (has) hc_buf_puts(&e, "（第00页）");
        pdf_tstyle es = pdf_style(PDF_SANS, PDF_FS_S, 0, w);
        PangoLayout *l = pdf_layout(p, hc_buf_cstr(&e), &es);
        hc_buf_free(&e);
        if (has) pdf_link_dest(p, ua, 0, 0, 0, 0);
        pdf_draw_layout(p, l, x, y, th->muted);
        if (has) pdf_link_end(p);
        y += pdf_layout_h(l) + 1;
        g_object_unref(l);
    }
    y += pdf_mm(3);
    pdf_stroke_line(p, x, y, x + w, y, 0.8, th->accent);
    return y + pdf_mm(5);
}

/* The lead figure (block b, photo lead) at page width from y, at most 0.4 of
 * the text height, with its caption. Returns the y below. */
static double case_lead_draw(pdf_doc *p, const pdf_block *b, const pdf_pic *lead, double x, double y, double w)
{
    double fh = w / pdf_pic_aspect(lead), maxh = (pdf_page_y1(p) - pdf_page_y0(p)) * 0.4;
    if (fh > maxh) fh = maxh;
    pdf_photo_draw(p, lead, x, y, w, fh);
    y += fh;
    if (b->text_len) {
        pdf_tstyle cs = pdf_style(PDF_SANS, PDF_FS_XS, 0, w);
        cs.markup = 1;
        y += pdf_mm(1.5) + pdf_text(p, x, y + pdf_mm(1.5), b->markup, &cs, p->env->theme.muted);
    }
    return y + pdf_mm(6);
}

/* The blocks of case c in two columns from y, then *at: where the columns
 * end, balanced on the last page (left open for the next case), or -1 when
 * the page is full (ended here). */
static void case_columns(pdf_doc *p, const hc_doc *c, const pdf_blocks *blocks, double y, const char *running,
                         double *at)
{
    pdf_flow f;
    memset(&f, 0, sizeof f);
    char base[200];
    snprintf(base, sizeof base, "cases/%s/", c->slug);
    f.doc = c;
    f.base_dir = base;
    pdf_flow_start(&f, p, 2, y, running);
    pdf_flow_blocks(&f, blocks);
    pdf_flow_finish(&f);
    if (f.last_bottom > 0 && f.sheet == f.last_sheet) {
        *at = f.last_bottom;
    } else if (f.sheet == 0 && f.col == 0) {
        *at = f.y;
    } else {
        pdf_page_end(p);
        *at = -1;
    }
}

/* One case study. *at is where the case before it ended on the open page
 * (< 0: none, or that page is full). The case runs on below it, after a
 * rule, when the upper part of its first page fits there (heading, lead
 * figure, a few lines), else it starts a new page. The case leaves its last
 * page open and sets *at to where it ends, or ends that page and sets *at to
 * -1 when its columns fill it. So a page is open exactly when *at >= 0. */
void pdf_case_study(pdf_doc *p, size_t ci, const char *running, int parent, double *at)
{
    const hc_doc *c = &p->m->cases[ci];
    char anchor[200];
    snprintf(anchor, sizeof anchor, "case-%s", c->slug);
    pdf_pic lead;
    size_t lk = case_lead_figure(p, ci, &lead);
    double y = case_start(p, &lead, &lk, running, at);
    double x = pdf_page_x0(p), w = pdf_page_text_w(p);
    pdf_dest(p, anchor, y);
    pdf_outline(p, parent, nz(c->title), anchor, 0);
    y = case_heading(p, c, x, y, w);
    y = case_units(p, c, x, y, w);
    const pdf_blocks *all = pdf_case_blocks(p, ci);
    pdf_blocks rest = *all;
    if (lk != (size_t)-1) {
        y = case_lead_draw(p, &all->v[lk], &lead, x, y, w);
        rest.v = hc_xcalloc(all->n, sizeof *rest.v);   /* the other blocks, shallow copies */
        rest.n = 0;
        for (size_t k = 0; k < all->n; k++)
            if (k != lk) rest.v[rest.n++] = all->v[k];
    }
    case_columns(p, c, &rest, y, running, at);
    if (rest.v != all->v) free(rest.v);
}

void pdf_cases_chapter(pdf_doc *p)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    pdf_page_begin(p, 0, NULL, NULL);
    pdf_dest(p, "chapter-cases", 0);
    int oid = pdf_outline(p, CAIRO_PDF_OUTLINE_ROOT, "典型案例", "chapter-cases", 0);
    char n[64];
    snprintf(n, sizeof n, "共 %zu 篇", p->env->nalbum);
    pdf_pic cp;
    int found = 0;
    for (int pass = 0; pass < 2 && !found; pass++)   /* first a photo no chapter opened with */
        for (size_t c = 0; c < m->ncases && !found; c++)
            for (size_t k = 0; p->env->in_album[c] && k < pdf_case_blocks(p, c)->n && !found; k++) {
                found = case_block_pic(p, c, k, &cp) == 0 && pdf_opener_ok(p, &cp);
                for (int q = 0; found && pass == 0 && q < p->nopeners; q++) found = strcmp(p->openers[q], cp.src) != 0;
            }
    if (found) pdf_chapter_photo(p, &cp, "典型案例", n);
    else pdf_chapter_art(p, "典型案例", n, (int)m->std.ndomains);
    (void)th;
    pdf_page_end(p);
    double at = -1;
    for (size_t c = 0; c < m->ncases; c++)
        if (p->env->in_album[c]) pdf_case_study(p, c, "典型案例", oid, &at);
    if (at >= 0) pdf_page_end(p);
}

