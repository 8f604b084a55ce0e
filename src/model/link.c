/* link.c — completing the model: order, references, taxonomies. */
#include "model.h"
#include "../base/alloc.h"
#include "../base/buf.h"
#include "../base/diag.h"
#include "../base/hash.h"
#include <stdlib.h>
#include <string.h>

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
