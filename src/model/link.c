/* link.c — completing the model: order, references, taxonomies; and where
 * a link written in a page leads (link.h). */
#include "model.h"
#include "link.h"
#include "permalink.h"
#include "../base/alloc.h"
#include "../base/buf.h"
#include "../base/diag.h"
#include "../base/hash.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int cmp_project(const void *a, const void *b)
{
    const hc_project *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : strcmp(x->path, y->path);
}

static int cmp_case(const void *a, const void *b)
{
    const hc_doc *x = a, *y = b;
    if (x->date != y->date) return x->date > y->date ? -1 : 1;  /* newest first; undated last */
    return strcmp(x->slug, y->slug);
}

static int cmp_page(const void *a, const void *b)
{
    const hc_doc *x = a, *y = b;
    if (x->weight != y->weight) return x->weight < y->weight ? -1 : 1;
    return strcmp(x->slug, y->slug);
}

/* Folders the generator writes itself: a page may not take their name. */
static const char *const reserved[] = {
    "projects", "cases", "domains", "townships", "levels", "grades", "status", "tags", "board",
    "schedule", "supervision", "standards", "search", "print", "map", "assets", "static", "index", NULL
};

static void push_idx(size_t **arr, size_t *n, size_t v)
{
    *arr = hc_xrealloc(*arr, (*n + 1) * sizeof **arr);
    (*arr)[(*n)++] = v;
}

static hc_term *term_add(hc_taxonomy *tx, const char *key, const char *name, const char *slug)
{
    tx->terms = hc_xrealloc(tx->terms, (tx->nterms + 1) * sizeof *tx->terms);
    hc_term *t = &tx->terms[tx->nterms++];
    memset(t, 0, sizeof *t);
    t->key = hc_xstrdup(key);
    t->name = hc_xstrdup(name);
    t->slug = hc_xstrdup(slug);
    return t;
}

/* URL-safe folder name for a free-form term: ASCII letters and digits
 * lowercased, other ASCII turned into '-', UTF-8 kept (hrefs percent-encode). */
static char *tag_slug(const char *s)
{
    hc_buf b = HC_BUF_INIT;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '_') hc_buf_putc(&b, (char)c);
        else if (c >= 'A' && c <= 'Z') hc_buf_putc(&b, (char)(c - 'A' + 'a'));
        else if (b.len && b.data[b.len - 1] != '-') hc_buf_putc(&b, '-');
    }
    while (b.len && b.data[b.len - 1] == '-') hc_buf_truncate(&b, b.len - 1);
    if (!b.len) hc_buf_puts(&b, "tag");
    return hc_buf_detach(&b, NULL);
}

static int cmp_term_slug(const void *a, const void *b)
{
    return strcmp(((const hc_term *)a)->slug, ((const hc_term *)b)->slug);
}

/* The term of a tag, added if new. by_slug maps the slugs of tx's terms to
 * their index (it borrows the slugs the terms own), so n tags cost O(n). */
static hc_term *tag_term(hc_taxonomy *tx, hc_strmap *by_slug, const char *tag)
{
    char *slug = tag_slug(tag);
    size_t i = hc_strmap_get(by_slug, slug, strlen(slug));
    hc_term *t;
    if (i != HC_STRMAP_NONE) {
        t = &tx->terms[i];
    } else {
        t = term_add(tx, tag, tag, slug);
        hc_strmap_add(by_slug, t->slug, strlen(t->slug), tx->nterms - 1);
    }
    free(slug);
    return t;
}

static size_t *tag_indices(const hc_taxonomy *tx, char **tags, size_t n)
{
    size_t *v = hc_xcalloc(n ? n : 1, sizeof *v);
    for (size_t i = 0; i < n; i++) {
        char *slug = tag_slug(tags[i]);
        hc_term key = { .slug = slug };
        const hc_term *t = bsearch(&key, tx->terms, tx->nterms, sizeof *tx->terms, cmp_term_slug);
        v[i] = t ? (size_t)(t - tx->terms) : HC_NONE;
        free(slug);
    }
    return v;
}

static void build_taxonomies(hc_model *m)
{
    const hc_standards *s = &m->std;
    static const char *const kinds[HC_TAX_COUNT] = { "domains", "townships", "levels", "grades", "status", "tags" };
    static const char *const titles[HC_TAX_COUNT] = { "领域", "乡镇（街道）", "层级", "考评等次", "进展", "标签" };
    for (int k = 0; k < HC_TAX_COUNT; k++) {
        m->tax[k].kind_slug = kinds[k];
        m->tax[k].title = titles[k];
    }
    for (size_t i = 0; i < s->ndomains; i++) term_add(&m->tax[HC_TAX_DOMAIN], s->domains[i].key, s->domains[i].name, s->domains[i].key);
    for (size_t i = 0; i < m->config.ntownships; i++)
        term_add(&m->tax[HC_TAX_TOWNSHIP], m->config.townships[i].name, m->config.townships[i].name,
                 m->config.townships[i].slug);
    for (size_t i = 0; i < s->nlevels; i++) term_add(&m->tax[HC_TAX_LEVEL], s->levels[i].key, s->levels[i].name, s->levels[i].key);
    for (size_t i = 0; i < s->ngrades; i++) term_add(&m->tax[HC_TAX_GRADE], s->grades[i].name, s->grades[i].name, s->grades[i].slug);
    for (size_t i = 0; i < s->nstatuses; i++) term_add(&m->tax[HC_TAX_STATUS], s->statuses[i].key, s->statuses[i].name, s->statuses[i].key);

    hc_strmap tag_slugs = HC_STRMAP_INIT;
    for (size_t i = 0; i < m->nprojects; i++) {
        hc_project *p = &m->projects[i];
        hc_term *t;
        if (p->domain != HC_NONE) { t = &m->tax[HC_TAX_DOMAIN].terms[p->domain]; push_idx(&t->projects, &t->nprojects, i); }
        if (p->level != HC_NONE) { t = &m->tax[HC_TAX_LEVEL].terms[p->level]; push_idx(&t->projects, &t->nprojects, i); }
        if (p->grade != HC_NONE) { t = &m->tax[HC_TAX_GRADE].terms[p->grade]; push_idx(&t->projects, &t->nprojects, i); }
        if (p->status != HC_NONE) { t = &m->tax[HC_TAX_STATUS].terms[p->status]; push_idx(&t->projects, &t->nprojects, i); }
        for (size_t j = 0; j < p->ntownships; j++)
            if (p->township_idx && p->township_idx[j] != HC_NONE) {
                t = &m->tax[HC_TAX_TOWNSHIP].terms[p->township_idx[j]];
                if (!t->nprojects || t->projects[t->nprojects - 1] != i) push_idx(&t->projects, &t->nprojects, i);
            }
        for (size_t j = 0; j < p->ntags; j++) {
            t = tag_term(&m->tax[HC_TAX_TAG], &tag_slugs, p->tags[j]);
            if (!t->nprojects || t->projects[t->nprojects - 1] != i) push_idx(&t->projects, &t->nprojects, i);
        }
    }
    for (size_t i = 0; i < m->ncases; i++) {
        hc_doc *c = &m->cases[i];
        hc_term *t;
        if (c->township_idx != HC_NONE) {
            t = &m->tax[HC_TAX_TOWNSHIP].terms[c->township_idx];
            push_idx(&t->cases, &t->ncases, i);
        }
        for (size_t j = 0; j < c->ntags; j++) {
            t = tag_term(&m->tax[HC_TAX_TAG], &tag_slugs, c->tags[j]);
            if (!t->ncases || t->cases[t->ncases - 1] != i) push_idx(&t->cases, &t->ncases, i);
        }
    }
    hc_strmap_free(&tag_slugs);
    hc_taxonomy *tags = &m->tax[HC_TAX_TAG];
    if (tags->nterms) qsort(tags->terms, tags->nterms, sizeof *tags->terms, cmp_term_slug);
    /* each tag → its term, by slug (sorted now) */
    for (size_t i = 0; i < m->nprojects; i++) m->projects[i].tag_terms = tag_indices(tags, m->projects[i].tags, m->projects[i].ntags);
    for (size_t i = 0; i < m->ncases; i++) m->cases[i].tag_terms = tag_indices(tags, m->cases[i].tags, m->cases[i].ntags);
}

int hc_model_link(hc_model *m, hc_diags *d)
{
    size_t before = hc_diags_errors(d);
    if (m->nprojects) qsort(m->projects, m->nprojects, sizeof *m->projects, cmp_project);
    /* sorted: copies of an id are adjacent; each later one once, against the first */
    for (size_t i = 1, first = 0; i < m->nprojects; i++) {
        hc_project *a = &m->projects[first], *b = &m->projects[i];
        if (strcmp(a->id, b->id)) { first = i; continue; }
        if (a->id[0])
            hc_error(d, "duplicate-id", b->path, b->id_loc.line, b->id_loc.col,
                     "project id '%s' is already used by %s:%d", b->id, a->path, a->id_loc.line);
    }
    if (m->ncases) qsort(m->cases, m->ncases, sizeof *m->cases, cmp_case);
    if (m->npages) qsort(m->pages, m->npages, sizeof *m->pages, cmp_page);
    for (size_t i = 0; i < m->npages; i++)
        for (size_t k = 0; reserved[k]; k++)
            if (!strcmp(m->pages[i].slug, reserved[k]))
                hc_error(d, "slug", m->pages[i].path, 1, 1,
                         "a page may not be called '%s': the site uses %s/ itself; rename the file", reserved[k],
                         reserved[k]);

    for (size_t i = 0; i < m->ncases; i++) {
        hc_doc *c = &m->cases[i];
        c->projects = hc_xcalloc(c->nprojects ? c->nprojects : 1, sizeof *c->projects);
        for (size_t j = 0; j < c->nprojects; j++) {
            size_t pi = hc_model_find_project(m, c->project_ids[j]);
            c->projects[j] = pi;
            /* when a project file could not be read, its id is unknown: say
             * nothing more here, the cause is already reported */
            if (pi == HC_NONE) {
                if (!m->broken_projects)
                    hc_error(d, "unknown-project", c->path, c->projects_loc.line, c->projects_loc.col,
                             "case study names project '%s', which does not exist in content/projects/",
                             c->project_ids[j]);
                continue;
            }
            hc_project *p = &m->projects[pi];
            push_idx(&p->cases, &p->ncases, i);
        }
    }
    build_taxonomies(m);
    return hc_diags_errors(d) > before ? -1 : 0;
}

/* ---- resolving links (link.h) ---- */

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The segment's dots: 1 for ".", 2 for "..", each dot also written %2e. */
static int dot_segment(const char *s, size_t n)
{
    int dots = 0;
    for (size_t i = 0; i < n; dots++) {
        if (s[i] == '.') i++;
        else if (n - i >= 3 && s[i] == '%' && s[i + 1] == '2' && (s[i + 2] == 'e' || s[i + 2] == 'E')) i += 3;
        else return 0;
        if (dots >= 2) return 0;
    }
    return dots;
}

static int is_external_url(const char *url)
{
    const char *c = url;
    while ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '+' ||
           *c == '-' || *c == '.')
        c++;
    return (*c == ':' && c > url) || (url[0] == '/' && url[1] == '/');
}

/* Appends the segment percent-decoded; -1 if it holds '/', '\' or a control. */
static int put_segment(hc_buf *out, const char *p, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        int c = (unsigned char)p[i], h1, h2;
        if (c == '%' && len - i >= 3 && (h1 = hexval(p[i + 1])) >= 0 && (h2 = hexval(p[i + 2])) >= 0) {
            c = h1 * 16 + h2;
            i += 2;
            if (c == '/' || c == '\\') return -1;
        }
        if (c < 0x20 || c == 0x7f) return -1;
        hc_buf_putc(out, (char)c);
    }
    return 0;
}

hc_url_kind hc_url_resolve(const char *base_dir, const char *url, hc_buf *out)
{
    if (!url[0] || url[0] == '#') return HC_URL_FRAGMENT;
    if (is_external_url(url)) return HC_URL_EXTERNAL;
    if (url[0] == '/') return HC_URL_ROOT;
    hc_buf_reset(out);
    hc_buf_puts(out, base_dir);
    const char *p = url, *stop = url + strcspn(url, "?#");
    for (;;) {
        const char *slash = memchr(p, '/', (size_t)(stop - p));
        size_t len = slash ? (size_t)(slash - p) : (size_t)(stop - p);
        int dots = dot_segment(p, len);
        if (dots == 2) {
            if (!out->len) return HC_URL_OUTSIDE;
            size_t k = out->len - 1;                     /* drop the last folder */
            while (k > 0 && out->data[k - 1] != '/') k--;
            hc_buf_truncate(out, k);
        } else if (dots == 0 && len) {
            if (put_segment(out, p, len) != 0) return HC_URL_BAD;
            if (slash) hc_buf_putc(out, '/');
        }
        if (!slash) break;
        p = slash + 1;
    }
    return HC_URL_SITE;
}

int hc_url_is_md(const char *url)
{
    if (is_external_url(url) || url[0] == '#') return 0;
    size_t n = strcspn(url, "?#");
    static const char *const ext[] = { ".md", ".markdown", NULL };
    for (size_t i = 0; ext[i]; i++) {
        size_t el = strlen(ext[i]);
        if (n > el && !strncasecmp(url + n - el, ext[i], el) && url[n - el - 1] != '/') return 1;
    }
    return 0;
}

int hc_source_page(const char *src_path, hc_buf *out)
{
    static const char content[] = "content/", cases[] = "content/cases/";
    const char *rest;
    if (!src_path) return -1;
    size_t n = strlen(src_path);
    if (n < 4 || strcmp(src_path + n - 3, ".md")) return -1;
    if (!strncmp(src_path, cases, sizeof cases - 1)) {
        rest = src_path + sizeof cases - 1;
        if (strchr(rest, '/') || n - (size_t)(rest - src_path) == 3) return -1;
        hc_buf_puts(out, "cases/");
    } else if (!strncmp(src_path, content, sizeof content - 1)) {
        rest = src_path + sizeof content - 1;
        if (strchr(rest, '/') || n - (size_t)(rest - src_path) == 3) return -1;
    } else {
        return -1;
    }
    hc_buf_put(out, rest, strlen(rest) - 3);
    hc_buf_putc(out, '/');
    return 0;
}

hc_url_kind hc_url_resolve_md(const char *doc_path, const char *url, hc_buf *out)
{
    hc_buf dir = HC_BUF_INIT, src = HC_BUF_INIT;
    const char *slash = strrchr(doc_path, '/');
    if (slash) hc_buf_put(&dir, doc_path, (size_t)(slash - doc_path) + 1);
    hc_url_kind k = hc_url_resolve(hc_buf_cstr(&dir), url, &src);
    if (k == HC_URL_SITE) {
        hc_buf_reset(out);
        if (hc_source_page(hc_buf_cstr(&src), out) != 0) {
            hc_buf_reset(out);
            hc_buf_puts(out, hc_buf_cstr(&src));
            k = HC_URL_NOT_PAGE;
        }
    }
    hc_buf_free(&dir);
    hc_buf_free(&src);
    return k;
}

void hc_url_md_href(hc_buf *out, const char *from_dir, const char *to, const char *url)
{
    hc_href(out, from_dir, to);
    const char *frag = strchr(url, '#');
    if (frag && frag[1]) hc_buf_puts(out, frag);
}

int hc_url_looks_like_domain(const char *url)
{
    /* the host part: up to the first '/', '?' or '#' */
    size_t n = strcspn(url, "/?#");
    if (n > 4 && !strncasecmp(url, "www.", 4)) return 1;
    if (n < 4) return 0;
    static const char *const tlds[] = {
        "com", "cn", "net", "org", "gov", "edu", "io", "info", "top", "xyz", "cc", "co", "me", "tv", "biz",
        "site", "online", "tech", "club", "vip", "shop", "ltd", "hk", "tw", "mo", "jp", "kr", "uk", "de", "fr",
        "ru", "us", "eu", "中国", "公司", "网络", NULL
    };
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)url[i];
        if (c == '.') {
            if (i == 0 || url[i - 1] == '.') return 0;
            dot = url + i;
        } else if (!(c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '-')) {
            return 0;
        }
    }
    if (!dot) return 0;
    size_t tl = (size_t)(url + n - dot - 1);
    for (size_t i = 0; tlds[i]; i++)
        if (strlen(tlds[i]) == tl && !strncasecmp(dot + 1, tlds[i], tl)) return 1;
    return 0;
}
