/* search.c — what the search page (search/index.html) looks through.
 *
 * Every project, case study and page is a document, numbered 0..n-1:
 * projects by id, then case studies newest first, then pages. Three kinds of
 * script beside the page, never JSON to fetch (a page opened with file:// may
 * load a script, not fetch a file):
 *
 *   search/index.js   window.HUACE_SEARCH = {docs, places, tags, n, shards, group}:
 *                     per document [title, href from the site root (without
 *                     "index.html"), kind (0 project, 1 case study, 2 page),
 *                     date as yyyymmdd (0: none), [place numbers], [tag
 *                     numbers]]; places and tags: the names those numbers
 *                     point at (tags also hold a project's domain and level).
 *   search/i/<k>.js   the shards of the full-text index (search_index.h): the
 *                     terms of each document's title, places, tags and text.
 *   search/t/<g>.js   huaceSearchText(first, ["text", …]): the texts of
 *                     documents first = 8g … 8g+7 (GROUP), loaded for the
 *                     results shown, to check a phrase and cut the passage
 *                     around it (eight to a file: a file per document cost
 *                     the build more than all the rest of search). A case
 *                     study's or page's text is its body; a project's is its
 *                     brand, leader, summary, route nodes (names and kinds),
 *                     milestones, supervised matters, photo captions and
 *                     observation place.
 * Strings are JSON-escaped with '<', '>' and '&' as \u escapes, so nothing in
 * them can end the script.
 */
#include "render_int.h"
#include "search_index.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include "../../base/hash.h"
#include "../../base/utf8.h"
#include "../../load/load.h"
#include "../../model/permalink.h"
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const hc_model *m;
    hc_sx *sx;
    hc_strmap places, tags;            /* name → number; keys borrowed from the model */
    const char **place_v, **tag_v; size_t nplace, ntag;
    hc_buf row, path;                  /* scratch */
} sctx;

static size_t name_number(hc_strmap *map, const char ***v, size_t *n, const char *name)
{
    size_t i = hc_strmap_add(map, name, strlen(name), *n);
    if (i != HC_STRMAP_NONE) return i;
    *v = hc_xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[*n] = name;
    return (*n)++;
}

static void json_str(hc_buf *b, const char *s)
{
    hc_buf_putc(b, '"');
    if (s) hc_escape_json(b, s, strlen(s));
    hc_buf_putc(b, '"');
}

/* the row's numbers for names (NULL and "" skipped), which are also terms of doc */
static void numbers(sctx *c, uint32_t doc, int tags, const char *const *names, size_t n)
{
    hc_buf_puts(&c->row, ",[");
    int first = 1;
    for (size_t i = 0; i < n; i++) {
        if (!names[i] || !*names[i]) continue;
        size_t k = tags ? name_number(&c->tags, &c->tag_v, &c->ntag, names[i])
                        : name_number(&c->places, &c->place_v, &c->nplace, names[i]);
        hc_buf_printf(&c->row, first ? "%zu" : ",%zu", k);
        first = 0;
        hc_sx_add(c->sx, doc, names[i], strlen(names[i]));
    }
    hc_buf_putc(&c->row, ']');
}

/* starts the row: title, href, kind, date */
static void row_head(sctx *c, uint32_t doc, const char *title, const char *site_path, int kind, int date)
{
    hc_buf_reset(&c->row);
    hc_buf_puts(&c->row, doc ? ",\n[" : "[");
    json_str(&c->row, title);
    if (title) hc_sx_add(c->sx, doc, title, strlen(title));
    hc_buf h = HC_BUF_INIT;
    hc_href(&h, "", site_path);
    size_t n = h.len;
    if (n >= 10 && memcmp(h.data + n - 10, "index.html", 10) == 0) hc_buf_truncate(&h, n - 10);
    hc_buf_putc(&c->row, ',');
    json_str(&c->row, hc_buf_cstr(&h));
    hc_buf_free(&h);
    int ymd = 0;
    if (date != HC_NO_DATE) {
        char s[11];
        hc_date_format(date, s);
        ymd = atoi(s) * 10000 + atoi(s + 5) * 100 + atoi(s + 8);
    }
    hc_buf_printf(&c->row, ",%d,%d", kind, ymd);
}

static void line(hc_buf *b, const char *s)
{
    if (!s || !*s) return;
    if (b->len) hc_buf_putc(b, '\n');
    hc_buf_puts(b, s);
}

static void project_text(const hc_project *p, hc_buf *t)
{
    line(t, p->brand);
    if (p->lead_name) {
        if (t->len) hc_buf_putc(t, '\n');
        hc_buf_printf(t, "%s%s%s", p->lead_name, p->lead_title ? " " : "", p->lead_title ? p->lead_title : "");
    }
    line(t, p->summary);
    for (size_t i = 0; i < p->nnodes; i++) {
        if (t->len) hc_buf_putc(t, '\n');
        hc_buf_printf(t, "%s%s%s%s", p->nodes[i].name ? p->nodes[i].name : "", p->nodes[i].kind ? "（" : "",
                      p->nodes[i].kind ? p->nodes[i].kind : "", p->nodes[i].kind ? "）" : "");
    }
    for (size_t i = 0; i < p->nmilestones; i++) line(t, p->milestones[i].title);
    for (size_t i = 0; i < p->nsupervision; i++) line(t, p->supervision[i].matter);
    for (size_t i = 0; i < p->nphotos; i++) line(t, p->photos[i].caption);
    if (p->has_observation) line(t, p->obs_place);
}

static void project_row(sctx *c, uint32_t doc, const hc_project *p)
{
    const hc_model *m = c->m;
    hc_buf_reset(&c->path);
    hc_path_project(&c->path, p);
    hc_buf title = HC_BUF_INIT;
    hc_buf_printf(&title, "%s %s", p->id, p->name ? p->name : "");
    row_head(c, doc, hc_buf_cstr(&title), hc_buf_cstr(&c->path), 0, HC_NO_DATE);
    hc_buf_free(&title);
    numbers(c, doc, 0, (const char *const *)p->townships, p->ntownships);
    const char **terms = hc_xcalloc(2 + p->ntags, sizeof *terms);
    terms[0] = p->domain != HC_NONE ? m->std.domains[p->domain].name : NULL;
    terms[1] = p->level != HC_NONE ? m->std.levels[p->level].name : NULL;
    for (size_t i = 0; i < p->ntags; i++) terms[2 + i] = p->tags[i];
    numbers(c, doc, 1, terms, 2 + p->ntags);
    free(terms);
}

static void doc_row(sctx *c, uint32_t doc, const hc_doc *dc, int is_case)
{
    hc_buf_reset(&c->path);
    if (is_case) hc_path_case(&c->path, dc);
    else hc_path_page(&c->path, dc);
    row_head(c, doc, dc->title, hc_buf_cstr(&c->path), is_case ? 1 : 2, dc->date);
    const char *place = dc->township;
    numbers(c, doc, 0, &place, 1);
    size_t n = is_case && dc->tag_terms ? dc->ntags : 0;
    const char **tags = hc_xcalloc(n + 1, sizeof *tags);
    for (size_t i = 0; i < n; i++)
        if (dc->tag_terms[i] != HC_NONE) tags[i] = c->m->tax[HC_TAX_TAG].terms[dc->tag_terms[i]].name;
    numbers(c, doc, 1, tags, n);
    free(tags);
}

/* ---------------------------------------------------------------- texts
 * Worker threads make the documents' texts and write search/t/<doc>.js, a
 * chunk of documents at a time, at most RING chunks ahead of the thread that
 * adds them to the index in document order (so memory stays bounded). */

#define CHUNK 32                       /* a multiple of GROUP */
#define RING 8
#define GROUP 8                        /* documents per text file */

typedef struct {
    const hc_model *m;
    const char *out_dir;
    hc_diags *d;
    size_t ndocs, nchunks;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    size_t next, consumed;             /* the next chunk to make; chunks the index has taken */
    int stop;
    hc_buf text[RING][CHUNK];
    int ready[RING], failed[RING];
} texts;

/* document i's text into t */
static int make_text(const hc_model *m, size_t i, hc_buf *t, hc_diags *d)
{
    hc_buf_reset(t);
    if (i < m->nprojects) {
        project_text(&m->projects[i], t);
        return 0;
    }
    i -= m->nprojects;
    const hc_doc *dc = i < m->ncases ? &m->cases[i] : &m->pages[i - m->ncases];
    hc_buf html = HC_BUF_INIT;
    int rc = hc_doc_body_html(m, dc, &html, d);
    if (rc == 0) hc_sx_html_text(t, html.data ? html.data : "", html.len);
    hc_buf_free(&html);
    return rc;
}

/* search/t/<first / GROUP>.js, the texts of documents first..first+n-1, into b */
static void texts_js(hc_buf *b, size_t first, const hc_buf *t, size_t n)
{
    hc_buf_printf(b, "huaceSearchText(%zu,[", first);
    for (size_t i = 0; i < n; i++) {
        hc_buf_puts(b, i ? ",\n\"" : "\"");
        if (t[i].len) hc_escape_json(b, t[i].data, t[i].len);
        hc_buf_putc(b, '"');
    }
    hc_buf_puts(b, "]);\n");
}

/* the texts of documents first..first+n-1 as search/t/<first / GROUP>.js */
static int write_texts(texts *w, size_t first, const hc_buf *t, size_t n)
{
    hc_buf b = HC_BUF_INIT, path = HC_BUF_INIT;
    texts_js(&b, first, t, n);
    hc_buf_printf(&path, "%s/search/t/%zu.js", w->out_dir, first / GROUP);
    int rc = hc_fs_write(hc_buf_cstr(&path), b.data, b.len);
    if (rc != 0) hc_error(w->d, "write", hc_buf_cstr(&path), 0, 0, "cannot write: %s", strerror(errno));
    hc_buf_free(&b);
    hc_buf_free(&path);
    return rc;
}

int hc_search_text_piece(const hc_model *m, size_t doc, hc_buf *path, hc_buf *js, hc_diags *d)
{
    size_t total = m->nprojects + m->ncases + m->npages, first = doc / GROUP * GROUP, n = 0;
    hc_buf t[GROUP] = { HC_BUF_INIT };
    int rc = 0;
    for (; n < GROUP && first + n < total && rc == 0; n++) rc = make_text(m, first + n, &t[n], d);
    if (rc == 0) {
        hc_buf_printf(path, "search/t/%zu.js", first / GROUP);
        texts_js(js, first, t, n);
    }
    for (size_t i = 0; i < GROUP; i++) hc_buf_free(&t[i]);
    return rc;
}

static void *text_worker(void *arg)
{
    texts *w = arg;
    for (;;) {
        pthread_mutex_lock(&w->mu);
        while (!w->stop && w->next < w->nchunks && w->next >= w->consumed + RING) pthread_cond_wait(&w->cv, &w->mu);
        if (w->stop || w->next >= w->nchunks) {
            pthread_mutex_unlock(&w->mu);
            return NULL;
        }
        size_t c = w->next++;
        pthread_mutex_unlock(&w->mu);
        int failed = 0;
        size_t n = 0;
        for (; n < CHUNK && c * CHUNK + n < w->ndocs; n++)
            if (make_text(w->m, c * CHUNK + n, &w->text[c % RING][n], w->d) != 0) failed = 1;
        for (size_t k = 0; !failed && k < n; k += GROUP)
            if (write_texts(w, c * CHUNK + k, &w->text[c % RING][k], n - k < GROUP ? n - k : GROUP) != 0) failed = 1;
        pthread_mutex_lock(&w->mu);
        w->ready[c % RING] = 1;
        w->failed[c % RING] = failed;
        pthread_cond_broadcast(&w->cv);
        pthread_mutex_unlock(&w->mu);
    }
}

/* waits for chunk c: its texts, or NULL if it failed */
static hc_buf *take_chunk(texts *w, size_t c)
{
    pthread_mutex_lock(&w->mu);
    while (!w->ready[c % RING]) pthread_cond_wait(&w->cv, &w->mu);
    int failed = w->failed[c % RING];
    pthread_mutex_unlock(&w->mu);
    return failed ? NULL : w->text[c % RING];
}

static void done_chunk(texts *w, size_t c)
{
    pthread_mutex_lock(&w->mu);
    w->ready[c % RING] = 0;
    w->consumed = c + 1;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

static void stop_workers(texts *w, pthread_t *th, int n)
{
    pthread_mutex_lock(&w->mu);
    w->stop = 1;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    for (int i = 0; i < n; i++) pthread_join(th[i], NULL);
}

static void names_field(hc_buf *b, const char *key, const char *const *v, size_t n)
{
    hc_buf_printf(b, ",\n\"%s\":[", key);
    for (size_t i = 0; i < n; i++) {
        if (i) hc_buf_putc(b, ',');
        json_str(b, v[i]);
    }
    hc_buf_putc(b, ']');
}

#define FLUSH_AT (256 * 1024)   /* index.js is written in pieces */

/* the rows of index.js into b (written to f as it grows), each document's
 * terms into the index, in document order as the workers hand the texts over */
static int add_docs(sctx *c, texts *w, hc_buf *b, hc_fs_out *f)
{
    const hc_model *m = c->m;
    for (size_t ch = 0; ch < w->nchunks; ch++) {
        hc_buf *t = take_chunk(w, ch);
        if (!t) return -1;
        for (size_t k = 0; k < CHUNK && ch * CHUNK + k < w->ndocs; k++) {
            size_t i = ch * CHUNK + k;
            uint32_t doc = (uint32_t)i;
            if (i < m->nprojects) project_row(c, doc, &m->projects[i]);
            else if (i < m->nprojects + m->ncases) doc_row(c, doc, &m->cases[i - m->nprojects], 1);
            else doc_row(c, doc, &m->pages[i - m->nprojects - m->ncases], 0);
            hc_buf_put(b, c->row.data, c->row.len);
            hc_buf_putc(b, ']');
            if (t[k].len) hc_sx_add(c->sx, doc, t[k].data, t[k].len);
        }
        done_chunk(w, ch);
        if (b->len >= FLUSH_AT) {
            hc_fs_out_put(f, b->data, b->len);
            hc_buf_reset(b);
        }
    }
    return 0;
}

int hc_search_write(const hc_shared *sh, const char *out_dir, int jobs, hc_diags *d, size_t *files)
{
    const hc_model *m = sh->m;
    int rc = -1, nth = 0;
    sctx c = { .m = m, .sx = hc_sx_new() };
    hc_buf b = HC_BUF_INIT, file = HC_BUF_INIT;
    size_t shard_bytes = 0, total = m->nprojects + m->ncases + m->npages;
    texts *w = hc_xcalloc(1, sizeof *w);
    *w = (texts){ .m = m, .out_dir = out_dir, .d = d, .ndocs = total, .nchunks = (total + CHUNK - 1) / CHUNK };
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    pthread_t th[16];
    for (nth = 0; nth < (jobs < 1 ? 1 : jobs > 16 ? 16 : jobs); nth++)
        if (pthread_create(&th[nth], NULL, text_worker, w) != 0) break;
    hc_fs_out f;
    hc_buf_printf(&file, "%s/search/index.js", out_dir);
    hc_fs_out_open(&f, hc_buf_cstr(&file));
    hc_buf_puts(&b, "/* huace: the search page's documents (see search/index.html) */\n"
                    "window.HUACE_SEARCH = {\"docs\":[\n");
    if (nth == 0) {
        hc_error(d, "search", out_dir, 0, 0, "cannot start a thread");
        goto out;
    }
    if (add_docs(&c, w, &b, &f) != 0) goto out;
    stop_workers(w, th, nth);
    nth = 0;
    *files += (total + GROUP - 1) / GROUP;
    hc_buf_reset(&c.path);
    hc_buf_printf(&c.path, "%s/search/i", out_dir);
    long nshards = hc_sx_write(c.sx, (uint32_t)total, hc_buf_cstr(&c.path), d, files, &shard_bytes);
    if (nshards < 0) goto out;
    hc_buf_puts(&b, "]");
    names_field(&b, "places", c.place_v, c.nplace);
    names_field(&b, "tags", c.tag_v, c.ntag);
    hc_buf_printf(&b, ",\n\"n\":%zu,\"shards\":%ld,\"group\":%d};\n", total, nshards, GROUP);
    rc = 0;
out:
    stop_workers(w, th, nth);
    hc_fs_out_put(&f, b.data, b.len);
    if (hc_fs_out_close(&f) != 0 && rc == 0) {
        hc_error(d, "write", hc_buf_cstr(&file), 0, 0, "cannot write: %s", strerror(errno));
        rc = -1;
    } else if (rc == 0) {
        (*files)++;
    }
    for (size_t r = 0; r < RING; r++)
        for (size_t k = 0; k < CHUNK; k++) hc_buf_free(&w->text[r][k]);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
    free(w);
    hc_sx_free(c.sx);
    hc_strmap_free(&c.places);
    hc_strmap_free(&c.tags);
    free(c.place_v);
    free(c.tag_v);
    hc_buf_free(&c.row);
    hc_buf_free(&c.path);
    hc_buf_free(&b);
    hc_buf_free(&file);
    return rc;
}
