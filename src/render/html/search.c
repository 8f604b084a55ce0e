/* search.c — search/index.js: the entries the search page looks through.
 *
 * One script that sets window.HUACE_SEARCH, not JSON to fetch: a page opened
 * with file:// may load a script beside it but may not fetch a file. Each
 * entry is {k: kind, t: title, u: href from the site root, d: date, p: place
 * (townships), g: tags and other terms, s: summary}; projects by id, then case
 * studies newest first, then pages. Strings are JSON-escaped with '<', '>' and
 * '&' as \u escapes, so nothing in them can end the script.
 */
#include "render_int.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include "../../base/utf8.h"
#include "../../model/permalink.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void field(hc_buf *b, const char *key, const char *value, int first)
{
    hc_buf_printf(b, "%s\"%s\":\"", first ? "" : ",", key);
    if (value) hc_escape_json(b, value, strlen(value));
    hc_buf_putc(b, '"');
}

/* the text of several terms, space-separated, as one field */
static void terms_field(hc_buf *b, const char *key, const char *const *v, size_t n)
{
    hc_buf_printf(b, ",\"%s\":\"", key);
    size_t start = b->len;
    for (size_t i = 0; i < n; i++) {
        if (!v[i] || !*v[i]) continue;
        if (b->len > start) hc_buf_putc(b, ' ');
        hc_escape_json(b, v[i], strlen(v[i]));
    }
    hc_buf_putc(b, '"');
}

static void href_field(hc_buf *b, const char *site_path)
{
    hc_buf h = HC_BUF_INIT;
    hc_href(&h, "", site_path);
    field(b, "u", hc_buf_cstr(&h), 0);
    hc_buf_free(&h);
}

static void date_field(hc_buf *b, int date)
{
    char s[11] = "";
    if (date != HC_NO_DATE) hc_date_format(date, s);
    field(b, "d", s, 0);
}

static void doc_entry(hc_buf *b, const hc_model *m, const hc_doc *doc, int is_case, hc_buf *path)
{
    hc_buf_reset(path);
    if (is_case) hc_path_case(path, doc);
    else hc_path_page(path, doc);
    field(b, "k", is_case ? "案例" : "页面", 1);
    field(b, "t", doc->title, 0);
    href_field(b, hc_buf_cstr(path));
    date_field(b, doc->date);
    field(b, "p", doc->township, 0);
    size_t n = is_case && doc->tag_terms ? doc->ntags : 0;
    const char **tags = hc_xcalloc(n + 1, sizeof *tags);
    for (size_t i = 0; i < n; i++)
        if (doc->tag_terms[i] != HC_NONE) tags[i] = m->tax[HC_TAX_TAG].terms[doc->tag_terms[i]].name;
    terms_field(b, "g", tags, n);
    free(tags);
    field(b, "s", doc->summary, 0);
}

static void project_entry(hc_buf *b, const hc_model *m, const hc_project *p, hc_buf *path)
{
    hc_buf_reset(path);
    hc_path_project(path, p);
    field(b, "k", "示范项目", 1);
    hc_buf title = HC_BUF_INIT;
    hc_buf_printf(&title, "%s %s", p->id, p->name ? p->name : "");
    field(b, "t", hc_buf_cstr(&title), 0);
    hc_buf_free(&title);
    href_field(b, hc_buf_cstr(path));
    date_field(b, HC_NO_DATE);
    terms_field(b, "p", (const char *const *)p->townships, p->ntownships);
    /* what else a reader may search a unit by: its domain, level, brand, leader, tags */
    const char **terms = hc_xcalloc(4 + p->ntags, sizeof *terms);
    terms[0] = p->domain != HC_NONE ? m->std.domains[p->domain].name : NULL;
    terms[1] = p->level != HC_NONE ? m->std.levels[p->level].name : NULL;
    terms[2] = p->brand;
    terms[3] = p->lead_name;
    for (size_t i = 0; i < p->ntags; i++) terms[4 + i] = p->tags[i];
    terms_field(b, "g", terms, 4 + p->ntags);
    free(terms);
    field(b, "s", p->summary, 0);
}

#define FLUSH_AT (256 * 1024)   /* the file is written in pieces: at 100,000 case studies it is 60 MB */

int hc_search_write(const hc_shared *sh, const char *out_dir, hc_diags *d, size_t *files)
{
    const hc_model *m = sh->m;
    hc_buf b = HC_BUF_INIT, file = HC_BUF_INIT, path = HC_BUF_INIT;   /* path: each entry's, scratch */
    hc_fs_out f;
    hc_buf_printf(&file, "%s/search/index.js", out_dir);
    hc_fs_out_open(&f, hc_buf_cstr(&file));
    hc_buf_puts(&b, "/* huace: the search page's entries (see search/index.html) */\nwindow.HUACE_SEARCH = [\n");
    size_t total = m->nprojects + m->ncases + m->npages;
    for (size_t i = 0; i < total; i++) {
        hc_buf_puts(&b, i ? ",\n{" : "{");
        if (i < m->nprojects) project_entry(&b, m, &m->projects[i], &path);
        else if (i < m->nprojects + m->ncases) doc_entry(&b, m, &m->cases[i - m->nprojects], 1, &path);
        else doc_entry(&b, m, &m->pages[i - m->nprojects - m->ncases], 0, &path);
        hc_buf_putc(&b, '}');
        if (b.len >= FLUSH_AT) {
            hc_fs_out_put(&f, b.data, b.len);
            hc_buf_reset(&b);
        }
    }
    hc_buf_puts(&b, "\n];\n");
    hc_fs_out_put(&f, b.data, b.len);
    int rc = hc_fs_out_close(&f);
    if (rc != 0) hc_error(d, "write", hc_buf_cstr(&file), 0, 0, "cannot write: %s", strerror(errno));
    else (*files)++;
    hc_buf_free(&b);
    hc_buf_free(&file);
    hc_buf_free(&path);
    return rc;
}
