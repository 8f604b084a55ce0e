/* docs.c — Markdown documents: content/cases/<slug>.md (case studies) and
 * content/<slug>.md (pages), front matter + CommonMark body via cmark. */
#include "load_int.h"
#include "../model/link.h"
#include "../model/permalink.h"
#include "frontmatter.h"
#include "mdmem.h"
#include "../base/alloc.h"
#include "../base/fs.h"
#include "../base/hash.h"
#include "../base/utf8.h"
#include <cmark.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define SUMMARY_CHARS 120

static const char *const case_keys[] = {
    "title", "date", "township", "projects", "tags", "summary", "draft", "album", NULL
};
static const char *const page_keys[] = { "title", "weight", "menu", "summary", "draft", "date", NULL };
static const char *const doc_required[] = { "title", NULL };

/* The text a reader sees (for summaries and word counts): text and code,
 * with a line break after each block. */
static void plain_text(cmark_node *root, hc_buf *out)
{
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);
        if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) {
            hc_buf_puts(out, cmark_node_get_literal(n));
        } else if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_CODE_BLOCK) {
            hc_buf_puts(out, cmark_node_get_literal(n));
            hc_buf_putc(out, '\n');
        } else if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) {
            hc_buf_putc(out, '\n');
        } else if (ev == CMARK_EVENT_EXIT && (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING)) {
            hc_buf_putc(out, '\n');
        }
    }
    cmark_iter_free(it);
}

static int is_external(const char *url)
{
    for (const char *p = url; *p; p++) {
        if (*p == ':') return 1;                    /* http:, mailto:, … */
        if (*p == '/' || *p == '?' || *p == '#') break;
    }
    return url[0] == '#' || (url[0] == '/' && url[1] == '/');
}

/* Records every link and image with its file position for the checks, points
 * links to a folder ("../x/") at its index.html so they also work from
 * file://, and links to a Markdown file ("other.md#a") at the page it
 * becomes (model/link.h). */
/* Where cmark's positions are in the file's terms. cmark counts a lone CR as
 * a line ending too, while the file, an editor and our carets count only LF;
 * and cmark's columns count bytes, ours characters. mdlines maps each of
 * cmark's lines to its LF line within the body (0-based), where that LF line
 * starts and where cmark's line starts (byte offsets in the body). Built on
 * the first link of a body, in one pass. */
typedef struct {
    size_t n;
    int *lf_line;
    size_t *lf_start, *cm_start;
} mdlines;

static void mdlines_build(mdlines *ml, hc_slice body)
{
    size_t cap = 0, i = 0, lf_start = 0;
    int lf = 0;
    for (;;) {
        ml->lf_line = hc_xgrow(ml->lf_line, &cap, ml->n + 1, sizeof *ml->lf_line);
        ml->lf_start = hc_xrealloc(ml->lf_start, cap * sizeof *ml->lf_start);
        ml->cm_start = hc_xrealloc(ml->cm_start, cap * sizeof *ml->cm_start);
        ml->lf_line[ml->n] = lf;
        ml->lf_start[ml->n] = lf_start;
        ml->cm_start[ml->n++] = i;
        while (i < body.len && body.p[i] != '\r' && body.p[i] != '\n') i++;
        if (i == body.len) break;
        if (body.p[i] == '\r' && i + 1 < body.len && body.p[i + 1] == '\n') i++;
        if (body.p[i++] == '\n') {
            lf++;
            lf_start = i;
        }
    }
}

static void mdlines_free(mdlines *ml)
{
    free(ml->lf_line);
    free(ml->lf_start);
    free(ml->cm_start);
}

/* cmark's (line, byte column), 1-based, as the file's (line, character
 * column) with the body starting at file line body_line. */
static void md_position(mdlines *ml, hc_slice body, int body_line, int cline, int ccol, int *line, int *col)
{
    if (!ml->n) mdlines_build(ml, body);
    *line = cline + body_line - 1;
    *col = ccol;
    if (cline < 1 || (size_t)cline > ml->n || ccol < 1) return;
    size_t k = (size_t)cline - 1, end = ml->cm_start[k] + (size_t)ccol - 1;
    if (end > body.len) end = body.len;
    int chars = 0;
    for (size_t i = ml->lf_start[k]; i < end; i++)
        if (((unsigned char)body.p[i] & 0xC0) != 0x80) chars++;
    *line = ml->lf_line[k] + body_line;
    *col = chars + 1;
}

static void collect_refs(cmark_node *root, hc_doc *doc, hc_slice body, int body_line)
{
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    size_t cap = 0;
    mdlines ml = { 0, NULL, NULL, NULL };
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);
        if (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE) continue;
        const char *url = cmark_node_get_url(n);
        if (!url) url = "";
        doc->refs = hc_xgrow(doc->refs, &cap, doc->nrefs + 1, sizeof *doc->refs);
        hc_ref *r = &doc->refs[doc->nrefs++];
        r->url = hc_xstrdup(url);
        md_position(&ml, body, body_line, cmark_node_get_start_line(n), cmark_node_get_start_column(n), &r->line,
                    &r->col);
        r->image = t == CMARK_NODE_IMAGE;
        r->has_alt = r->image && cmark_node_first_child(n) != NULL;
        size_t ul = strlen(url);
        if (!r->image && hc_url_is_md(url)) {
            /* other.md → the page it becomes, as GitHub and editors follow it;
             * one that leads nowhere stays as written (the check reports it) */
            hc_buf own = HC_BUF_INIT, to = HC_BUF_INIT, b = HC_BUF_INIT;
            if (hc_source_page(doc->path, &own) == 0 && hc_url_resolve_md(doc->path, url, &to) == HC_URL_SITE) {
                hc_url_md_href(&b, hc_buf_cstr(&own), hc_buf_cstr(&to), url);
                cmark_node_set_url(n, hc_buf_cstr(&b));
            }
            hc_buf_free(&own);
            hc_buf_free(&to);
            hc_buf_free(&b);
        } else if (!r->image && ul && url[ul - 1] == '/' && !is_external(url)) {
            hc_buf b = HC_BUF_INIT;
            hc_buf_printf(&b, "%sindex.html", url);
            cmark_node_set_url(n, hc_buf_cstr(&b));
            hc_buf_free(&b);
        }
    }
    cmark_iter_free(it);
    mdlines_free(&ml);
}

/* Parses a body with the thread's region allocator (see mdmem.h): the tree
 * and everything rendered from it live until hc_md_mem_reset(). */
static cmark_node *parse_body(hc_slice body, int opts)
{
    cmark_parser *p = cmark_parser_new_with_mem(opts, hc_md_mem());
    cmark_parser_feed(p, body.p, body.len);
    cmark_node *root = cmark_parser_finish(p);
    cmark_parser_free(p);
    return root;
}

/* Reads the body: links and images (for the checks), word count, summary.
 * The HTML is not kept: renderers ask hc_doc_body_html. */
static void read_body(hc_doc *doc, hc_slice body, int body_line, int unsafe)
{
    int opts = CMARK_OPT_DEFAULT | (unsafe ? CMARK_OPT_UNSAFE : 0);
    cmark_node *root = parse_body(body, opts);
    collect_refs(root, doc, body, body_line);
    hc_buf text = HC_BUF_INIT;
    plain_text(root, &text);
    doc->words = hc_utf8_word_count(hc_buf_cstr(&text), text.len);
    if (!doc->summary) {
        hc_buf s = HC_BUF_INIT;
        hc_utf8_summary(&s, hc_buf_cstr(&text), text.len, SUMMARY_CHARS);
        doc->summary = hc_xstrndup(hc_buf_cstr(&s), s.len);   /* exact size: kept for every case */
        hc_buf_free(&s);
    }
    hc_buf_free(&text);
    cmark_node_free(root);
    hc_md_mem_reset();
}

/* Returns 1 if the document was kept, 0 if skipped (draft) or failed. */
static int load_doc(hc_model *m, const char *rel, const char *fname, int is_case, const hc_load_opts *o,
                    hc_doc *doc, hc_diags *d)
{
    hc_buf text = HC_BUF_INIT;
    hc_yval *fm = NULL;
    int kept = 0;
    memset(doc, 0, sizeof *doc);
    doc->path = hc_xstrdup(rel);
    doc->date = HC_NO_DATE;
    doc->township_idx = HC_NONE;
    hc_yreader r = { doc->path, d };
    size_t flen = strlen(fname) - 3;  /* drop ".md" */
    doc->slug = hc_xstrndup(fname, flen);
    if (hc_load_name(&r, NULL, is_case ? "case study file name" : "page file name", doc->slug, HC_NAME_ASCII) != 0)
        goto out;
    struct stat st;
    if (hc_load_text(m->root, rel, &text, &st, d) != 0) goto out;
    hc_fm split;
    hc_fm_result fr = hc_frontmatter_split(hc_buf_cstr(&text), text.len, &split);
    if (fr == HC_FM_UNTERMINATED) {
        hc_error(d, "front-matter", rel, 1, 1, "front matter opened with '---' is never closed by a '---' line");
        goto out;
    }
    if (fr == HC_FM_NONE) {
        hc_error(d, "front-matter", rel, 1, 1, "missing front matter: start the file with '---', 'title: …', '---'");
        goto out;
    }
    fm = hc_yaml_parse(rel, split.yaml.p, split.yaml.len, split.yaml_line, d);
    if (!fm) goto out;
    if (hc_yr_expect(&r, fm, HC_Y_MAP, "front matter") != 0) goto out;
    const char *const *known = is_case ? case_keys : page_keys;
    hc_yr_keys(&r, fm, known, doc_required, is_case ? "case study front matter" : "page front matter");
    if (hc_yr_str(&r, hc_ymap_get(fm, "title"), "title", &doc->title) == 1)
        hc_yr_missing(&r, fm, "title", known, split.yaml_line > 1 ? split.yaml_line - 1 : 1, 1,
                      "front matter needs a 'title'");
    hc_yr_date(&r, hc_ymap_get(fm, "date"), "date", &doc->date);
    hc_yr_str(&r, hc_ymap_get(fm, "summary"), "summary", &doc->summary);
    hc_yr_bool(&r, hc_ymap_get(fm, "draft"), "draft", &doc->draft);
    if (is_case) {
        const hc_yval *tw = hc_ymap_get(fm, "township");
        if (hc_yr_str(&r, tw, "township", &doc->township) == 0) {
            for (size_t k = 0; k < m->config.ntownships; k++)
                if (!strcmp(m->config.townships[k].name, doc->township)) doc->township_idx = k;
            if (doc->township_idx == HC_NONE)
                hc_error(d, "township", rel, tw->line, tw->col,
                         "township '%s' is not declared in site.yaml 'townships'", doc->township);
        }
        const hc_yval *pv = hc_ymap_get(fm, "projects");
        doc->projects_loc = hc_loc_of(doc->path, pv);
        hc_yr_strlist(&r, pv, "projects", &doc->project_ids, &doc->nprojects);
        hc_load_tags(&r, hc_ymap_get(fm, "tags"), &doc->tags, &doc->ntags);
        hc_yr_bool(&r, hc_ymap_get(fm, "album"), "album", &doc->album);
    } else {
        hc_yr_int(&r, hc_ymap_get(fm, "weight"), "weight", &doc->weight);
        hc_yr_bool(&r, hc_ymap_get(fm, "menu"), "menu", &doc->menu);
    }
    if (doc->draft && !o->drafts) goto out;
    doc->src_hash = hc_hash(HC_HASH_INIT, text.data, text.len);
    doc->src_size = (long long)st.st_size;
    doc->src_mtime = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    read_body(doc, split.body, split.body_line, m->config.unsafe_html);
    kept = 1;
out:
    if (!doc->title) doc->title = hc_xstrdup("");
    hc_yval_free(fm);
    hc_buf_free(&text);
    return kept;
}

void hc_doc_clear(hc_doc *doc);

typedef struct {
    hc_model *m;
    const char *folder;
    int is_case;
    const hc_load_opts *o;
    char **names;
    hc_doc *docs;
    char *kept;
    size_t n;
    atomic_size_t next;
    hc_diags *d;
} folder_work;

/* Documents are independent: workers take the next file and fill its slot;
 * the model (config, standards) is only read. */
static void *load_worker(void *arg)
{
    folder_work *w = arg;
    hc_buf rel = HC_BUF_INIT;
    for (;;) {
        size_t i = atomic_fetch_add(&w->next, 1);
        if (i >= w->n) break;
        hc_buf_reset(&rel);
        hc_buf_printf(&rel, "%s/%s", w->folder, w->names[i]);
        w->kept[i] = (char)load_doc(w->m, hc_buf_cstr(&rel), w->names[i], w->is_case, w->o, &w->docs[i], w->d);
        if (!w->kept[i]) hc_doc_clear(&w->docs[i]);
    }
    hc_buf_free(&rel);
    hc_md_mem_release();
    return NULL;
}

static void load_folder(hc_model *m, const char *folder, int is_case, const hc_load_opts *o,
                        hc_doc **arr, size_t *count, hc_diags *d)
{
    hc_buf dir = HC_BUF_INIT;
    folder_work w = { .m = m, .folder = folder, .is_case = is_case, .o = o, .d = d };
    hc_buf_printf(&dir, "%s/%s", m->root, folder);
    if (hc_fs_list(hc_buf_cstr(&dir), ".md", &w.names, &w.n) != 0) {
        hc_error(d, "read", folder, 0, 0, "cannot read the folder");
        goto out;
    }
    /* Bodies are not kept: each page, and the album each case study, reads its
     * file again when it is rendered, so memory does not grow with the content.
     * Measured at 10,000 case studies, that is also faster: holding 100 MB of
     * HTML costs more in page faults than reading the files again costs in
     * syscalls. */
    w.docs = hc_xcalloc(w.n ? w.n : 1, sizeof *w.docs);
    w.kept = hc_xcalloc(w.n ? w.n : 1, 1);
    atomic_init(&w.next, 0);
    int nthreads = o->jobs > 1 && w.n > 64 ? o->jobs : 1;
    pthread_t *threads = hc_xcalloc((size_t)nthreads, sizeof *threads);
    int started = 0;
    for (int i = 1; i < nthreads; i++) {
        if (pthread_create(&threads[i], NULL, load_worker, &w) != 0) break;
        started = i;
    }
    load_worker(&w);
    for (int i = 1; i <= started; i++) pthread_join(threads[i], NULL);
    free(threads);
    /* keep the loaded ones, in file name order */
    for (size_t i = 0; i < w.n; i++)
        if (w.kept[i]) w.docs[(*count)++] = w.docs[i];
    *arr = w.docs;
    free(w.kept);
    hc_fs_names_free(w.names, w.n);
out:
    hc_buf_free(&dir);
}

/* 1 if image n is the only thing in its paragraph (white space aside). */
static int alone_in_paragraph(cmark_node *n)
{
    cmark_node *p = cmark_node_parent(n);
    if (!p || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) return 0;
    for (cmark_node *c = cmark_node_first_child(p); c; c = cmark_node_next(c)) {
        if (c == n) continue;
        cmark_node_type t = cmark_node_get_type(c);
        if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) continue;
        if (t == CMARK_NODE_TEXT && strspn(cmark_node_get_literal(c), " \t") == strlen(cmark_node_get_literal(c))) continue;
        return 0;
    }
    return 1;
}

/* Replaces each image the renderer writes itself by a custom node holding
 * its HTML (cmark writes a custom node's text as it is). */
static void write_images(cmark_node *root, const hc_doc *doc, const hc_md_images *im)
{
    cmark_node **imgs = NULL;
    size_t n = 0, cap = 0;
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *x = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(x) == CMARK_NODE_IMAGE) {
            imgs = hc_xgrow(imgs, &cap, n + 1, sizeof *imgs);
            imgs[n++] = x;
        }
    }
    cmark_iter_free(it);
    hc_buf alt = HC_BUF_INIT, html = HC_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        hc_buf_reset(&alt);
        hc_buf_reset(&html);
        plain_text(imgs[i], &alt);
        const char *title = cmark_node_get_title(imgs[i]);
        int block = alone_in_paragraph(imgs[i]);
        if (!im->fn(im->ctx, doc, cmark_node_get_url(imgs[i]) ? cmark_node_get_url(imgs[i]) : "", hc_buf_cstr(&alt),
                    title ? title : "", block, &html))
            continue;
        cmark_node *old = block ? cmark_node_parent(imgs[i]) : imgs[i];
        cmark_node *x = cmark_node_new_with_mem(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE, hc_md_mem());
        cmark_node_set_on_enter(x, hc_buf_cstr(&html));
        cmark_node_replace(old, x);
        cmark_node_free(old);
    }
    free(imgs);
    hc_buf_free(&alt);
    hc_buf_free(&html);
}

int hc_doc_body_html(const hc_model *m, const hc_doc *doc, hc_buf *out, hc_diags *d)
{
    return hc_doc_body_html_with(m, doc, NULL, out, d);
}

static int has_images(const hc_doc *doc)
{
    for (size_t i = 0; i < doc->nrefs; i++)
        if (doc->refs[i].image) return 1;
    return 0;
}

int hc_doc_body_html_with(const hc_model *m, const hc_doc *doc, const hc_md_images *im, hc_buf *out, hc_diags *d)
{
    if (im && !has_images(doc)) im = NULL;
    hc_buf text = HC_BUF_INIT;
    hc_fm split;
    int rc = -1;
    hc_buf full = HC_BUF_INIT;
    hc_buf_printf(&full, "%s/%s", m->root, doc->path);
    int read_rc = hc_fs_read(hc_buf_cstr(&full), &text);
    hc_buf_free(&full);
    /* the same bytes as at load (already checked for UTF-8 then), or an error */
    if (read_rc != 0 || hc_hash(HC_HASH_INIT, text.data, text.len) != doc->src_hash) {
        hc_error(d, "changed", doc->path, 0, 0, "the file changed while the site was being built: build again");
        goto out;
    }
    hc_frontmatter_split(hc_buf_cstr(&text), text.len, &split);
    int opts = CMARK_OPT_DEFAULT | (m->config.unsafe_html ? CMARK_OPT_UNSAFE : 0);
    cmark_node *root = parse_body(split.body, opts);
    hc_doc scratch;
    memset(&scratch, 0, sizeof scratch);
    scratch.path = doc->path;   /* .md links resolve from the document's own folder */
    collect_refs(root, &scratch, split.body, split.body_line);   /* same link rewriting as at load */
    for (size_t i = 0; i < scratch.nrefs; i++) free(scratch.refs[i].url);
    free(scratch.refs);
    if (im) write_images(root, doc, im);
    hc_buf_puts(out, cmark_render_html(root, opts));
    cmark_node_free(root);
    hc_md_mem_reset();
    rc = 0;
out:
    hc_buf_free(&text);
    return rc;
}

int hc_load_case(hc_model *m, const char *rel, const hc_load_opts *o, hc_doc *doc, hc_diags *d)
{
    const char *fname = strrchr(rel, '/');
    fname = fname ? fname + 1 : rel;
    int kept = load_doc(m, rel, fname, 1, o, doc, d);
    hc_md_mem_release();
    if (!kept) hc_doc_clear(doc);
    return kept;
}

int hc_load_docs(hc_model *m, const hc_load_opts *o, hc_diags *d)
{
    load_folder(m, "content/cases", 1, o, &m->cases, &m->ncases, d);
    load_folder(m, "content", 0, o, &m->pages, &m->npages, d);
    return 0;
}
