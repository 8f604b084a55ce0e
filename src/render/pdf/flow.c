/* flow.c — text flowing across columns and pages (the case studies).
 *
 * Each block becomes an item: a justified pango layout (or an image with its
 * caption). Items are placed top to bottom in the current column; a paragraph
 * that does not fit is split between lines, never leaving one line alone at
 * the bottom or top of a column (pdf_flow_split); a heading moves on with the
 * first two lines of what follows it; an image moves on whole. Links become
 * link annotations over the text they cover; links to a unit or case study in
 * the same document point at its page and say which page it is.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include "../../base/utf8.h"
#include "../../model/permalink.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t s, e;                /* byte range in the layout's text */
    char *target;               /* anchor name (internal) or absolute URI */
    int internal;
} flink;

typedef struct {
    const pdf_block *b;
    PangoLayout *l; pdf_line_m *lm; int n;
    PangoLayout *marker;
    double indent, before, after;
    int keep_next;
    int whole;                  /* the last item of a list: never split */
    pdf_rgb color;
    flink *links; size_t nlinks;
    int img; pdf_pic pic; double iw, ih;
    PangoLayout *cap;
} item;

int pdf_flow_split(int n, int fit)
{
    if (fit >= n) return n;
    int k = fit;
    if (n - k < 2) k = n - 2;          /* leave at least two lines for the next frame */
    return k >= 2 ? k : 0;             /* and put at least two here, or none */
}

static void set_columns(pdf_flow *f)
{
    double tw = pdf_page_text_w(f->p), gap = f->p->env->geom.col_gap;
    f->col_w = (tw - (f->ncols - 1) * gap) / f->ncols;
    f->x0 = pdf_page_x0(f->p) + f->col * (f->col_w + gap);
}

static double frame_bottom(const pdf_flow *f)
{
    return f->last_bottom > 0 && f->sheet == f->last_sheet ? f->last_bottom : pdf_page_y1(f->p);
}

void pdf_flow_start(pdf_flow *f, pdf_doc *p, int ncols, double y, const char *running)
{
    f->p = p;
    f->ncols = ncols > 0 ? ncols : 1;
    f->col = 0;
    f->top = y;
    f->y = y;
    f->running = running;
    f->dry = 0;
    f->sheet = 0;
    f->last_sheet = -1;
    f->last_bottom = 0;
    f->bottom = frame_bottom(f);
    set_columns(f);
}

static void next_frame(pdf_flow *f)
{
    if (f->col + 1 < f->ncols) {
        f->col++;
    } else {
        if (!f->dry) {
            pdf_page_end(f->p);
            pdf_page_begin(f->p, 1, f->running, NULL);
        }
        f->sheet++;
        f->col = 0;
        f->top = pdf_page_y0(f->p);
    }
    f->y = f->top;
    f->bottom = frame_bottom(f);
    set_columns(f);
}

void pdf_flow_finish(pdf_flow *f) { (void)f; }

/* Where a link in the document points: fills it->target. */
static void link_target(pdf_flow *f, const char *href, flink *k)
{
    const hc_model *m = f->p->m;
    hc_buf path = HC_BUF_INIT;
    int r = pdf_resolve_href(f->base_dir, href, &path);
    const char *sp = hc_buf_cstr(&path);
    k->internal = 0;
    k->target = NULL;
    if (r == 0) {
        k->target = hc_xstrdup(sp);
    } else if (r == 1) {
        char id[160];
        size_t n = 0;
        if (sscanf(sp, "projects/%159[^/]", id) == 1 && (n = hc_model_find_project(m, id)) != HC_NONE &&
            pdf_doc_has_unit(f->p, n)) {
            hc_buf a = HC_BUF_INIT;
            hc_buf_printf(&a, "unit-%s", m->projects[n].id);
            k->target = hc_buf_detach(&a, NULL);
            k->internal = 1;
        } else if (sscanf(sp, "cases/%159[^/]", id) == 1 &&
                   (n = hc_strmap_get(&f->p->env->case_slugs, id, strlen(id))) != HC_STRMAP_NONE &&
                   pdf_doc_has_case(f->p, n)) {
            hc_buf a = HC_BUF_INIT;
            hc_buf_printf(&a, "case-%s", id);
            k->target = hc_buf_detach(&a, NULL);
            k->internal = 1;
        }
        if (!k->target) {
            hc_buf u = HC_BUF_INIT;
            pdf_site_url(m, sp, &u);
            k->target = hc_buf_detach(&u, NULL);
        }
    }
    hc_buf_free(&path);
}

static void pango_color(PangoAttrList *attrs, pdf_rgb c, size_t s, size_t e)
{
    PangoAttribute *a = pango_attr_foreground_new((guint16)(c.r * 65535), (guint16)(c.g * 65535), (guint16)(c.b * 65535));
    a->start_index = (guint)s;
    a->end_index = (guint)e;
    pango_attr_list_insert(attrs, a);
}

/* The layout of a text block: markup, link colours, page references after
 * links into this document, kinsoku. */
static PangoLayout *block_layout(pdf_flow *f, item *it, const pdf_tstyle *st)
{
    pdf_doc *p = f->p;
    PangoAttrList *attrs = NULL;
    char *plain = NULL;
    if (!pango_parse_markup(it->b->markup, -1, 0, &attrs, &plain, NULL, NULL)) {
        attrs = pango_attr_list_new();
        plain = g_strdup("");
    }
    hc_buf text = HC_BUF_INIT;
    hc_buf_puts(&text, plain);
    g_free(plain);
    it->links = hc_xcalloc(it->b->nlinks ? it->b->nlinks : 1, sizeof *it->links);
    /* last link first, so that inserting a page reference moves nothing not yet done */
    for (size_t j = it->b->nlinks; j-- > 0;) {
        const pdf_blk_link *bl = &it->b->links[j];
        flink *k = &it->links[it->nlinks];
        if (bl->end > text.len || bl->start >= bl->end) continue;
        link_target(f, bl->href, k);
        if (!k->target) continue;
        k->s = bl->start;
        k->e = bl->end;
        if (k->internal) {
            int page = pdf_page_of(p, k->target);
            char ref[48];
            snprintf(ref, sizeof ref, "（第%s页）", "00");
            if (page > 0) snprintf(ref, sizeof ref, "（第%d页）", page);
            size_t add = strlen(ref);
            hc_buf rest = HC_BUF_INIT;
            hc_buf_puts(&rest, text.data + k->e);
            hc_buf_truncate(&text, k->e);
            hc_buf_puts(&text, ref);
            hc_buf_puts(&text, hc_buf_cstr(&rest));
            hc_buf_free(&rest);
            pango_attr_list_update(attrs, (int)k->e, 0, (int)add);
            for (size_t q = 0; q < it->nlinks; q++) {
                if (it->links[q].s >= k->e) it->links[q].s += add;
                if (it->links[q].e >= k->e) it->links[q].e += add;
            }
            k->e += add;
        }
        pango_color(attrs, p->env->theme.accent, k->s, k->e);
        it->nlinks++;
    }
    PangoAttrList *base = st->justify && pdf_has_code(hc_buf_cstr(&text), (int)text.len) ? pango_attr_list_copy(attrs) : NULL;
    pdf_kinsoku_protect(hc_buf_cstr(&text), (int)text.len, attrs);
    PangoLayout *l = pdf_layout(p, "", st);
    pango_layout_set_text(l, hc_buf_cstr(&text), (int)text.len);
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
    if (base) {
        pdf_no_loose_lines(l, base);
        pango_attr_list_unref(base);
    }
    pdf_no_lone_last(l);
    hc_buf_free(&text);
    return l;
}

/* Where the body of doc names the image src: from the links the load
 * recorded, or (when the build dropped them after checking) from the file. */
void pdf_image_location(const hc_model *m, const hc_doc *doc, const char *src, int *line, int *col)
{
    if (!doc) return;
    for (size_t i = 0; i < doc->nrefs; i++)
        if (doc->refs[i].image && doc->refs[i].url && strcmp(doc->refs[i].url, src) == 0) {
            *line = doc->refs[i].line;
            *col = doc->refs[i].col;
            return;
        }
    hc_buf path = HC_BUF_INIT, text = HC_BUF_INIT, needle = HC_BUF_INIT;
    hc_buf_printf(&path, "%s/%s", m->root, doc->path);
    hc_buf_printf(&needle, "](%s", src);
    const char *at;
    if (hc_fs_read(hc_buf_cstr(&path), &text) == 0 && (at = strstr(hc_buf_cstr(&text), hc_buf_cstr(&needle)))) {
        const char *start = at, *bol = at;
        while (bol > text.data && bol[-1] != '\n') bol--;
        while (start > bol && !(start[0] == '!' && start[1] == '[')) start--;   /* back to its "![" */
        hc_utf8_line_col(text.data, text.len, (size_t)(start - text.data), line, col);
    }
    hc_buf_free(&path);
    hc_buf_free(&text);
    hc_buf_free(&needle);
}

static void make_item(pdf_flow *f, const pdf_block *b, item *it)
{
    pdf_doc *p = f->p;
    const pdf_theme *th = &p->env->theme;
    double body = PDF_FS_M, em = body;
    memset(it, 0, sizeof *it);
    it->b = b;
    it->color = th->ink;
    it->indent = b->quote * 2 * em + (b->kind == PDF_BLK_LI ? b->depth * 1.8 * em : 0);
    if (it->indent > f->col_w / 2) it->indent = f->col_w / 2;
    double w = f->col_w - it->indent;
    if (b->quote) it->color = th->muted;
    pdf_tstyle st = pdf_style(PDF_SERIF, body, 0, w);
    st.justify = 1;
    st.spacing = 0.32 * body;
    it->after = 0.35 * body;
    switch (b->kind) {
    case PDF_BLK_P:
        st.indent = b->quote ? 0 : 2 * body;
        break;
    case PDF_BLK_LI:
        if (b->marker) {
            pdf_tstyle ms = pdf_style(PDF_SANS, PDF_FS_S, 1, 0);
            it->marker = pdf_layout(p, b->marker, &ms);
        }
        break;
    case PDF_BLK_H:
        st = pdf_style(PDF_SANS, b->level <= 2 ? PDF_FS_L : PDF_FS_M, 1, w);
        st.spacing = 2;
        it->color = b->level <= 2 ? th->accent : th->ink;
        it->before = b->level <= 2 ? 11 : 8;
        it->after = 5;
        it->keep_next = 1;
        break;
    case PDF_BLK_PRE:
        st = pdf_style(PDF_MONO, PDF_FS_XS, 0, w - 8);
        st.spacing = 2;
        it->before = 3;
        it->after = 8;
        break;
    case PDF_BLK_HR:
        it->before = 6;
        it->after = 10;
        return;
    case PDF_BLK_IMG: {
        hc_buf path = HC_BUF_INIT;
        if (f->doc && hc_path_image(f->doc->path, b->src, &path) == 0 &&
            pdf_pic_get(p->env, hc_buf_cstr(&path), &it->pic) == 0)
            it->img = 1;
        hc_buf_free(&path);
        if (!it->img) return;   /* not a usable image: the image stage reported it */
        it->pic.caption = b->alt;
        it->pic.loc.path = f->doc->path;
        if (p->cr && p->warn_images) pdf_image_location(p->m, f->doc, b->src, &it->pic.loc.line, &it->pic.loc.col);
        double frame = pdf_page_y1(p) - pdf_page_y0(p);
        it->iw = w;
        it->ih = w / pdf_pic_aspect(&it->pic);
        if (it->ih > frame * 0.6) {
            it->ih = frame * 0.6;
            it->iw = it->ih * pdf_pic_aspect(&it->pic);
        }
        if (b->text_len) {
            pdf_tstyle cs = pdf_style(PDF_SANS, PDF_FS_XS, 0, it->iw);   /* under the photo, as wide */
            cs.markup = 1;
            cs.spacing = 1.5;
            it->cap = pdf_layout(p, b->markup, &cs);
        }
        it->before = 4;
        it->after = 9;
        return;
    }
    }
    it->l = block_layout(f, it, &st);
    it->n = pdf_line_metrics(it->l, &it->lm);
}

static void free_item(item *it)
{
    if (it->l) g_object_unref(it->l);
    if (it->marker) g_object_unref(it->marker);
    if (it->cap) g_object_unref(it->cap);
    for (size_t i = 0; i < it->nlinks; i++) free(it->links[i].target);
    free(it->links);
    free(it->lm);
}

static double image_h(const item *it) { return it->ih + (it->cap ? 4 + pdf_layout_h(it->cap) : 0); }

/* Height needed to start item it in a frame (the first two lines; all of
 * an item kept whole). */
static double start_h(const item *it)
{
    if (it->img) return image_h(it);
    if (!it->l || it->n == 0) return 0;
    int k = it->n < 2 || it->whole ? it->n : 2;
    return it->lm[k - 1].top + it->lm[k - 1].h - it->lm[0].top;
}

static void draw_links(pdf_flow *f, const item *it, int from, int to, double x, double y)
{
    if (!f->p->cr) return;
    for (size_t j = 0; j < it->nlinks; j++) {
        const flink *k = &it->links[j];
        for (int i = from; i < to; i++) {
            PangoLayoutLine *line = pango_layout_get_line_readonly(it->l, i);
            int ls = line->start_index, le = ls + line->length;
            int s = (int)k->s > ls ? (int)k->s : ls, e = (int)k->e < le ? (int)k->e : le;
            if (s >= e) continue;
            int *r = NULL, nr = 0;
            pango_layout_line_get_x_ranges(line, s, e, &r, &nr);
            for (int q = 0; q < nr; q++) {
                double rx = x + (double)r[2 * q] / PANGO_SCALE, rw = (double)(r[2 * q + 1] - r[2 * q]) / PANGO_SCALE;
                double ry = y + it->lm[i].top - it->lm[from].top;
                if (k->internal) pdf_link_dest(f->p, k->target, rx, ry, rw, it->lm[i].h);
                else pdf_link_uri(f->p, k->target, rx, ry, rw, it->lm[i].h);
                pdf_link_end(f->p);
            }
            g_free(r);
        }
    }
}

/* Draws lines [from, to) of a text item at the current position. */
static void put_lines(pdf_flow *f, const item *it, int from, int to)
{
    pdf_doc *p = f->p;
    const pdf_theme *th = &p->env->theme;
    double x = f->x0 + it->indent, h = it->lm[to - 1].top + it->lm[to - 1].h - it->lm[from].top;
    if (it->b->kind == PDF_BLK_PRE) {
        pdf_fill_rect(p, x - 2, f->y - 2, f->col_w - it->indent + 2, h + 4, th->soft);
        x += 4;
    }
    for (int q = 0; q < it->b->quote; q++) {
        double bx = f->x0 + q * 21.0 + 4;
        pdf_fill_rect(p, bx, f->y, 1.6, h, th->line);
    }
    if (from == 0 && it->marker) {
        double mb = (double)pango_layout_get_baseline(it->marker) / PANGO_SCALE;
        pdf_draw_layout(p, it->marker, x - pdf_layout_w(it->marker) - 4, f->y + it->lm[0].base - mb, th->accent);
    }
    pdf_draw_lines(p, it->l, it->lm, from, to, x, f->y, it->color);
    draw_links(f, it, from, to, x, f->y);
    f->y += h;
}

static void place_text(pdf_flow *f, const item *it, const item *next)
{
    if (f->y > f->top) f->y += it->before;
    if (it->keep_next || it->whole) {
        double need = (it->n ? it->lm[it->n - 1].top + it->lm[it->n - 1].h : 0) + it->after +
                      (next && it->keep_next ? start_h(next) : 0);
        if (f->y + need > f->bottom && f->y > f->top) next_frame(f);
    }
    int from = 0;
    while (from < it->n) {
        int fit = 0;
        while (from + fit < it->n &&
               f->y + it->lm[from + fit].top + it->lm[from + fit].h - it->lm[from].top <= f->bottom + 0.01)
            fit++;
        int k = pdf_flow_split(it->n - from, fit);
        if (k == 0 && f->y <= f->top) k = fit > 0 ? fit : 1;   /* a frame cannot hold more: use what fits */
        if (k == 0) {
            next_frame(f);
            continue;
        }
        put_lines(f, it, from, from + k);
        from += k;
        if (from < it->n) next_frame(f);
    }
    f->y += it->after;
}

static void place_image(pdf_flow *f, const item *it)
{
    pdf_doc *p = f->p;
    if (f->y > f->top) f->y += it->before;
    if (f->y + image_h(it) > f->bottom && f->y > f->top) next_frame(f);
    double x = f->x0 + it->indent + (f->col_w - it->indent - it->iw) / 2;   /* a narrower photo sits centred */
    pdf_photo_draw(p, &it->pic, x, f->y, it->iw, it->ih);
    f->y += it->ih;
    if (it->cap) {
        f->y += 4;
        pdf_draw_layout(p, it->cap, x, f->y, p->env->theme.muted);
        f->y += pdf_layout_h(it->cap);
    }
    f->y += it->after;
}

static void place_all(pdf_flow *f, const item *items, size_t n);

/* A trial placement from f's state with the last page's columns ending at
 * bottom (0: not balanced): on which page it ends, and where. */
static int trial(const pdf_flow *f, const item *items, size_t n, int last, double bottom, pdf_flow *end)
{
    *end = *f;
    end->dry = 1;
    end->last_sheet = last;
    end->last_bottom = bottom;
    end->bottom = frame_bottom(end);
    place_all(end, items, n);
    return end->sheet;
}

/* Columns of the last page come out even: the lowest bottom for them at
 * which everything still ends on that page (bisection, to a point). */
static void balance(pdf_flow *f, const item *items, size_t n)
{
    cairo_t *cr = f->p->cr;
    f->p->cr = NULL;   /* trials draw nothing */
    pdf_flow end;
    int last = trial(f, items, n, -1, 0, &end);
    int full = end.col == end.ncols - 1 && end.y > end.bottom - 12;
    if (!full) {
        double page_bottom = pdf_page_y1(f->p);
        double lo = last == 0 ? f->top : pdf_page_y0(f->p), hi = page_bottom;
        while (hi - lo > 1) {
            double mid = (lo + hi) / 2;
            if (trial(f, items, n, last, mid, &end) == last) hi = mid;
            else lo = mid;
        }
        if (hi < page_bottom - 1) {
            f->last_sheet = last;
            f->last_bottom = hi;
            f->bottom = frame_bottom(f);
        }
    }
    f->p->cr = cr;
}

/* A list keeps its first item with the start of the second, and its last
 * item whole and with the end of the one before: no item alone at the head
 * or foot of a column. An item is its marked block and the unmarked blocks
 * after it at the same depth. */
static void keep_lists(const pdf_blocks *b, item *items)
{
    for (size_t i = 0; i < b->n;) {
        if (b->v[i].kind != PDF_BLK_LI || !b->v[i].marker) {
            i++;
            continue;
        }
        int depth = b->v[i].depth;
        size_t first_end = i, last = i, j = i + 1, nitems = 1;
        while (j < b->n && b->v[j].kind == PDF_BLK_LI && b->v[j].depth >= depth) {
            if (b->v[j].depth == depth && b->v[j].marker) {
                if (nitems == 1) first_end = j - 1;
                nitems++;
                last = j;
            }
            j++;
        }
        if (nitems > 1) {
            for (size_t k = i; k <= first_end; k++) {
                items[k].keep_next = 1;
                if (items[k].n <= 6) items[k].whole = 1;
            }
            if (last > 0) items[last - 1].keep_next = 1;
            for (size_t k = last; k < j; k++)
                if (items[k].n <= 6) items[k].whole = 1;   /* a long last item may still split */
        }
        i = j;
    }
}

void pdf_flow_blocks(pdf_flow *f, const pdf_blocks *b)
{
    if (b->n == 0) return;
    item *items = hc_xcalloc(b->n, sizeof *items);
    for (size_t i = 0; i < b->n; i++) make_item(f, &b->v[i], &items[i]);
    /* the pieces of a long code block follow one another at the block's own line spacing */
    for (size_t i = 1; i < b->n; i++)
        if (b->v[i].cont && b->v[i].kind == PDF_BLK_PRE && b->v[i - 1].kind == PDF_BLK_PRE) {
            items[i - 1].after = 2;
            items[i].before = 0;
        }
    keep_lists(b, items);
    if (f->ncols > 1) balance(f, items, b->n);
    place_all(f, items, b->n);
    for (size_t i = 0; i < b->n; i++) free_item(&items[i]);
    free(items);
}

static void place_all(pdf_flow *f, const item *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const item *it = &items[i];
        if (it->img) {
            place_image(f, it);
        } else if (it->b->kind == PDF_BLK_HR) {
            if (f->y > f->top) f->y += it->before;
            if (f->y + it->after > f->bottom) {
                next_frame(f);
                continue;
            }
            double cx = f->x0 + f->col_w / 2;
            pdf_stroke_line(f->p, cx - 24, f->y, cx + 24, f->y, 0.8, f->p->env->theme.line);
            f->y += it->after;
        } else if (it->l) {
            place_text(f, it, i + 1 < n ? &items[i + 1] : NULL);
        }
    }
}
