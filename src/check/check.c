/* check.c — campaign rules over the linked model. Each finding carries a
 * stable rule id; the loader has already reported syntax, type, unknown-key
 * and reference errors. */
#include "check.h"
#include "../base/alloc.h"
#include "../base/buf.h"
#include "../base/fs.h"
#include "../base/hash.h"
#include "../base/tree.h"
#include "../model/link.h"
#include "../model/permalink.h"
#include "../render/html/templates.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* 十个一: every item recorded for every unit. */
static void check_standard(const hc_model *m, const hc_project *p, hc_diags *d)
{
    hc_buf missing = HC_BUF_INIT;
    size_t n = 0;
    for (size_t i = 0; i < m->std.nitems; i++) {
        if (p->standard[i] >= 0) continue;
        hc_buf_printf(&missing, "%s%s (%s)", n ? ", " : "", m->std.items[i].name, m->std.items[i].key);
        n++;
    }
    if (n) {
        hc_loc at = p->standard_loc.line ? p->standard_loc : p->id_loc;
        hc_warn(d, "standard-missing", p->path, at.line, at.col, "%s does not record %zu of the %zu standard items: %s",
                p->id, n, m->std.nitems, hc_buf_cstr(&missing));
    }
    hc_buf_free(&missing);
}

/* 不达标不得申报: below the baseline threshold and applying. */
static void check_baseline(const hc_model *m, const hc_project *p, hc_diags *d)
{
    if (!p->applying) return;
    if (!p->has_baseline) {
        hc_warn(d, "baseline-missing", p->path, p->id_loc.line, p->id_loc.col,
                "%s applies for demonstration status but records no baseline (双%ld条)", p->id,
                m->std.baseline_total);
        return;
    }
    if (p->baseline_passed < m->std.baseline_threshold)
        hc_error(d, "baseline-gate", p->path, p->id_loc.line, p->id_loc.col,
                 "%s meets %ld of %ld baseline items (needs %ld) and may not apply: 不达标不得申报", p->id,
                 p->baseline_passed, p->baseline_total, m->std.baseline_threshold);
}

static void check_grade(const hc_project *p, hc_diags *d)
{
    if (p->grade != HC_NONE && p->assessed == HC_NO_DATE)
        hc_warn(d, "grade-undated", p->path, p->grade_loc.line, p->grade_loc.col,
                "%s has a grade but no 'assessed' date", p->id);
}

static void check_supervision(const hc_model *m, const hc_project *p, hc_diags *d)
{
    for (size_t i = 0; i < p->nsupervision; i++) {
        const hc_supervision *s = &p->supervision[i];
        if (s->deadline == HC_NO_DATE) {
            hc_warn(d, "supervision-undated", p->path, s->loc.line, s->loc.col,
                    "supervision item '%s' has no deadline (限时督办 needs one)", s->matter);
            continue;
        }
        if (s->done || s->deadline >= m->today) continue;
        char dl[11];
        hc_date_format(s->deadline, dl);
        hc_warn(d, "overdue", p->path, s->loc.line, s->loc.col, "overdue since %s (%d days): %s — owner %s", dl,
                m->today - s->deadline, s->matter, s->owner[0] ? s->owner : "(none)");
    }
}

/* At most this many findings of one rule per project file; then one more
 * finding counting the rest, so a pasted block of 1,000 lines gives a
 * screenful of output. */
#define MAX_SAME 10

static void check_routes(const hc_project *p, hc_diags *d)
{
    if (!p->nroute) return;
    unsigned char *visited = hc_xcalloc(p->nnodes ? p->nnodes : 1, 1);
    for (size_t k = 0; k < p->nroute; k++)
        if (p->route[k] < p->nnodes) visited[p->route[k]] = 1;
    size_t missing = 0;
    for (size_t i = 0; i < p->nnodes; i++) missing += !visited[i];
    size_t n = 0;
    for (size_t i = 0; i < p->nnodes; i++) {
        if (visited[i]) continue;
        if (n == MAX_SAME) {
            hc_warn(d, "route-unvisited", p->path, p->nodes[i].loc.line, p->nodes[i].loc.col,
                    "… and %zu more nodes are not on the route", missing - n);
            break;
        }
        hc_warn(d, "route-unvisited", p->path, p->nodes[i].loc.line, p->nodes[i].loc.col,
                "node '%s' (%s) is not on the route", p->nodes[i].id, p->nodes[i].name);
        n++;
    }
    free(visited);
}

static void check_observation(const hc_project *p, hc_diags *d)
{
    if (!p->has_observation) return;
    if (p->obs_date == HC_NO_DATE)
        hc_warn(d, "observation-undated", p->path, p->obs_loc.line, p->obs_loc.col,
                "%s: observation meeting has no date", p->id);
    if (!p->obs_number)
        hc_warn(d, "observation-unnumbered", p->path, p->obs_loc.line, p->obs_loc.col,
                "%s: observation meeting has no 挂号 number", p->id);
}

typedef struct { long number; size_t project; } numbered;

static int cmp_numbered(const void *a, const void *b)
{
    const numbered *x = a, *y = b;
    if (x->number != y->number) return x->number < y->number ? -1 : 1;
    return x->project < y->project ? -1 : x->project > y->project;
}

/* 挂号 numbers of observation meetings are unique. */
static void check_numbers(const hc_model *m, hc_diags *d)
{
    numbered *v = hc_xcalloc(m->nprojects + 1, sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < m->nprojects; i++)
        if (m->projects[i].has_observation && m->projects[i].obs_number)
            v[n++] = (numbered){ m->projects[i].obs_number, i };
    qsort(v, n, sizeof *v, cmp_numbered);
    for (size_t i = 1, first = 0; i < n; i++) {
        if (v[i].number != v[first].number) { first = i; continue; }
        /* each later holder once, against the first (by project id) */
        const hc_project *a = &m->projects[v[first].project], *b = &m->projects[v[i].project];
        hc_error(d, "duplicate-number", b->path, b->obs_loc.line, b->obs_loc.col,
                 "observation number %ld is already called for %s (%s:%d)", b->obs_number, a->id, a->path,
                 a->obs_loc.line);
    }
    free(v);
}

/* ---- links and images ---- */

/* Slugs of a document list, sorted, for lookups by URL. */
typedef struct { const char **v; size_t n; } slug_index;

static int cmp_cstr(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static slug_index index_slugs(const hc_doc *docs, size_t n)
{
    slug_index ix = { hc_xcalloc(n + 1, sizeof *ix.v), n };
    for (size_t i = 0; i < n; i++) ix.v[i] = docs[i].slug;
    qsort(ix.v, n, sizeof *ix.v, cmp_cstr);
    return ix;
}

static int has_slug(const slug_index *ix, const char *slug, size_t len)
{
    char *key = hc_xstrndup(slug, len);
    int found = bsearch(&key, ix->v, ix->n, sizeof *ix->v, cmp_cstr) != NULL;
    free(key);
    return found;
}

/* Does the site have something at this site path (already normalised,
 * without "index.html")? Term slugs are hashed per taxonomy, so checking L
 * links against T terms costs O(L + T), not O(L × T). */
typedef struct { slug_index cases, pages; hc_strmap terms[HC_TAX_COUNT]; } site_index;

static int has_term(const site_index *ix, int t, const char *slug, size_t len)
{
    return hc_strmap_get(&ix->terms[t], slug, len) != HC_STRMAP_NONE;
}

static int site_has(const hc_model *m, const site_index *ix, const char *path)
{
    static const char *const fixed[] = {
        "", "projects/", "cases/", "standards/", "supervision/", "schedule/", "board/", "map/",
        "search/", "feed.xml", "sitemap.xml", "404.html", "schedule/schedule.ics", "print/album.html", NULL
    };
    for (size_t i = 0; fixed[i]; i++)
        if (!strcmp(path, fixed[i])) return 1;
    const char *slash = strchr(path, '/');
    if (!slash) return 0;
    size_t head = (size_t)(slash - path);
    const char *rest = slash + 1;
    size_t rl = strlen(rest);
    int folder = rl > 0 && rest[rl - 1] == '/' && !memchr(rest, '/', rl - 1);
    if (head == 8 && !memcmp(path, "projects", 8) && folder) {
        char *id = hc_xstrndup(rest, rl - 1);
        int ok = hc_model_find_project(m, id) != HC_NONE;
        free(id);
        return ok;
    }
    if (head == 5 && !memcmp(path, "cases", 5) && folder) return has_slug(&ix->cases, rest, rl - 1);
    if (rl == 0) {
        if (has_slug(&ix->pages, path, head)) return 1;
        for (int t = 0; t < HC_TAX_COUNT; t++)
            if (strlen(m->tax[t].kind_slug) == head && !memcmp(path, m->tax[t].kind_slug, head)) return 1;
        return 0;
    }
    for (int t = 0; t < HC_TAX_COUNT; t++)
        if (strlen(m->tax[t].kind_slug) == head && !memcmp(path, m->tax[t].kind_slug, head) && folder)
            return has_term(ix, t, rest, rl - 1);
    return 0;
}

static int asset_exists(const hc_model *m, const char *site_path)
{
    hc_buf full = HC_BUF_INIT;
    hc_buf_printf(&full, "%s/%s", m->root, site_path);
    /* published only if a regular file inside the site (see base/tree.h):
     * opened without following links out, never blocking on a FIFO */
    int fd = hc_tree_open_path(hc_buf_cstr(&full), m->root, NULL);
    int ok = fd >= 0;
    if (fd >= 0) close(fd);
    hc_buf_free(&full);
    return ok;
}

/* An image is a file of the site, written relative to the Markdown file or
 * from the site root ("/assets/…"): hc_path_image. An image from another
 * host is left alone. */
static void check_image_ref(const hc_model *m, const hc_doc *doc, const hc_ref *r, hc_diags *d)
{
    hc_buf sp = HC_BUF_INIT;
    int rc = hc_path_image(doc->path, r->url, &sp);
    if (rc < 0)
        hc_error(d, "image", doc->path, r->line, r->col, "image '%s' points outside the site folder", r->url);
    else if (rc == 0 && !asset_exists(m, hc_buf_cstr(&sp)))
        hc_error(d, "image", doc->path, r->line, r->col, "image '%s' does not resolve: no regular file at %s inside the site folder",
                 r->url, hc_buf_cstr(&sp));
    hc_buf_free(&sp);
}

static void drop_index_html(hc_buf *t)
{
    const char *s = hc_buf_cstr(t);
    size_t n = t->len;
    if (n >= 10 && !strcmp(s + n - 10, "index.html") && (n == 10 || s[n - 11] == '/')) hc_buf_truncate(t, n - 10);
}

/* A link to a Markdown file: to the page that file becomes (link.h). */
static void check_md_link(const hc_model *m, const site_index *ix, const hc_doc *doc, const hc_ref *r, hc_buf *target,
                          hc_diags *d)
{
    const char *u = r->url;
    switch (hc_url_resolve_md(doc->path, u, target)) {
    case HC_URL_SITE:
        if (!site_has(m, ix, hc_buf_cstr(target)))
            hc_error(d, "link", doc->path, r->line, r->col,
                     "link '%s' does not resolve: no page is made from that file (it does not exist, or it is a draft), "
                     "so nothing is published at %s", u, hc_buf_cstr(target));
        break;
    case HC_URL_NOT_PAGE:
        hc_error(d, "link", doc->path, r->line, r->col,
                 "link '%s' names %s, which is not a page of the site (pages are content/*.md and content/cases/*.md)",
                 u, hc_buf_cstr(target));
        break;
    case HC_URL_OUTSIDE:
        hc_error(d, "link", doc->path, r->line, r->col, "'%s' points outside the site", u);
        break;
    default:
        hc_error(d, "link", doc->path, r->line, r->col, "link '%s' does not resolve: it encodes '/', '\\' or a control character", u);
        break;
    }
}

static void check_doc_refs(const hc_model *m, const site_index *ix, const hc_doc *doc, const char *from, hc_diags *d)
{
    hc_buf target = HC_BUF_INIT;
    for (size_t i = 0; i < doc->nrefs; i++) {
        const hc_ref *r = &doc->refs[i];
        const char *u = r->url;
        if (r->image) {
            check_image_ref(m, doc, r, d);
            if (!r->has_alt)
                hc_warn(d, "image-alt", doc->path, r->line, r->col, "image '%s' has no alt text: describe it for screen readers", u);
            continue;
        }
        if (hc_url_is_md(u)) {
            check_md_link(m, ix, doc, r, &target, d);
            continue;
        }
        switch (hc_url_resolve(from, u, &target)) {
        case HC_URL_EXTERNAL:
        case HC_URL_FRAGMENT:
        case HC_URL_NOT_PAGE:
            continue;
        case HC_URL_ROOT:
            hc_error(d, "link", doc->path, r->line, r->col,
                     "'%s' starts with '/': write a relative link so the site works from a sub-path and file://", u);
            continue;
        case HC_URL_OUTSIDE:
            hc_error(d, "link", doc->path, r->line, r->col, "'%s' points outside the site", u);
            continue;
        case HC_URL_BAD:
            hc_error(d, "link", doc->path, r->line, r->col,
                     "link '%s' does not resolve: it encodes '/', '\\' or a control character", u);
            continue;
        case HC_URL_SITE:
            break;
        }
        drop_index_html(&target);
        const char *t = hc_buf_cstr(&target);
        int ok = !strncmp(t, "assets/", 7) ? asset_exists(m, t) : site_has(m, ix, t);
        if (ok) continue;
        if (hc_url_looks_like_domain(u))
            hc_error(d, "link", doc->path, r->line, r->col,
                     "link '%s' does not resolve: nothing is published at %s; did you mean https://%s?", u,
                     t[0] ? t : "(the site root)", u);
        else
            hc_error(d, "link", doc->path, r->line, r->col, "link '%s' does not resolve: nothing is published at %s", u,
                     t[0] ? t : "(the site root)");
    }
    hc_buf_free(&target);
}

static void check_photos(const hc_model *m, const hc_project *p, hc_diags *d)
{
    for (size_t i = 0; i < p->nphotos; i++) {
        const hc_photo *ph = &p->photos[i];
        if (!ph->src) continue;
        if (!strncmp(ph->src, "assets/", 7) && !strstr(ph->src, "..") && !asset_exists(m, ph->src))
            hc_error(d, "image", p->path, ph->loc.line, ph->loc.col, "photo '%s' does not exist", ph->src);
        if (!ph->alt || !ph->alt[0])
            hc_warn(d, "image-alt", p->path, ph->loc.line, ph->loc.col,
                    "photo '%s' has no alt text: describe it for screen readers", ph->src);
    }
}

static int is_overdue(const hc_model *m, const hc_supervision *s)
{
    return !s->done && s->deadline != HC_NO_DATE && s->deadline < m->today;
}

size_t hc_check_count_overdue(const hc_model *m)
{
    size_t n = 0;
    for (size_t i = 0; i < m->nprojects; i++)
        for (size_t k = 0; k < m->projects[i].nsupervision; k++) n += is_overdue(m, &m->projects[i].supervision[k]);
    return n;
}

typedef struct { const char *owner; const hc_project *p; const hc_supervision *s; } overdue_item;

static int cmp_overdue(const void *a, const void *b)
{
    const overdue_item *x = a, *y = b;
    int c = strcmp(x->owner, y->owner);
    if (c) return c;
    if (x->s->deadline != y->s->deadline) return x->s->deadline < y->s->deadline ? -1 : 1;
    return strcmp(x->p->id, y->p->id);
}

void hc_check_print_overdue(const hc_model *m, FILE *out)
{
    size_t n = hc_check_count_overdue(m), k = 0;
    if (!n) return;
    overdue_item *v = hc_xcalloc(n, sizeof *v);
    for (size_t i = 0; i < m->nprojects; i++)
        for (size_t j = 0; j < m->projects[i].nsupervision; j++) {
            const hc_supervision *s = &m->projects[i].supervision[j];
            if (is_overdue(m, s)) v[k++] = (overdue_item){ s->owner[0] ? s->owner : "(no owner)", &m->projects[i], s };
        }
    qsort(v, n, sizeof *v, cmp_overdue);
    fprintf(out, "\nOverdue supervision items by owner (挂牌督战):\n");
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || strcmp(v[i].owner, v[i - 1].owner)) fprintf(out, "  %s\n", v[i].owner);
        char dl[11];
        hc_date_format(v[i].s->deadline, dl);
        fprintf(out, "    %s  %s  %s (%d days overdue)\n", dl, v[i].p->id, v[i].s->matter, m->today - v[i].s->deadline);
    }
    fputc('\n', out);
    free(v);
}

/* The host (n bytes at h) is name or ends in ".name", in any case. */
static int host_under(const char *h, size_t n, const char *name)
{
    size_t k = strlen(name);
    if (n < k || strncasecmp(h + n - k, name, k)) return 0;
    return n == k || h[n - k - 1] == '.';
}

/* base_url on a host reserved for examples (RFC 2606: example, invalid,
 * example.com/.net/.org): the album's QR codes and the feeds would lead nowhere. */
static void check_base_url(const hc_model *m, hc_diags *d)
{
    const char *u = m->config.base_url, *h = u ? strstr(u, "://") : NULL;
    if (!h) return;
    h += 3;
    size_t n = strcspn(h, ":/");
    static const char *const reserved_hosts[] = { "example", "invalid", "example.com", "example.net", "example.org", NULL };
    for (size_t i = 0; reserved_hosts[i]; i++)
        if (host_under(h, n, reserved_hosts[i])) {
            hc_warn(d, "base-url-example", "site.yaml", m->config.base_url_line, m->config.base_url_col,
                    "base_url '%s' is a placeholder host that leads nowhere: the QR codes printed in the album "
                    "and the links in feeds would not open; set it to the site's real address before publishing",
                    u);
            return;
        }
}

void hc_check_model(const hc_model *m, int overdue, hc_diags *d)
{
    hc_buf from = HC_BUF_INIT;
    if (overdue) check_base_url(m, d);
    for (size_t i = 0; i < m->nprojects; i++) {
        const hc_project *p = &m->projects[i];
        check_standard(m, p, d);
        check_baseline(m, p, d);
        check_grade(p, d);
        if (overdue) check_supervision(m, p, d);
        check_routes(p, d);
        check_observation(p, d);
        check_photos(m, p, d);
    }
    check_numbers(m, d);
    hc_check_geo(m, d);
    hc_templates_check(m, d);
    site_index ix = { index_slugs(m->cases, m->ncases), index_slugs(m->pages, m->npages), { HC_STRMAP_INIT } };
    for (int t = 0; t < HC_TAX_COUNT; t++) {
        hc_strmap_init(&ix.terms[t], m->tax[t].nterms);
        for (size_t i = 0; i < m->tax[t].nterms; i++)
            hc_strmap_add(&ix.terms[t], m->tax[t].terms[i].slug, strlen(m->tax[t].terms[i].slug), i);
    }
    for (size_t i = 0; i < m->ncases; i++) {
        hc_buf_reset(&from);
        hc_buf_printf(&from, "cases/%s/", m->cases[i].slug);
        check_doc_refs(m, &ix, &m->cases[i], hc_buf_cstr(&from), d);
    }
    for (size_t i = 0; i < m->npages; i++) {
        hc_buf_reset(&from);
        hc_buf_printf(&from, "%s/", m->pages[i].slug);
        check_doc_refs(m, &ix, &m->pages[i], hc_buf_cstr(&from), d);
    }
    free(ix.cases.v);
    free(ix.pages.v);
    for (int t = 0; t < HC_TAX_COUNT; t++) hc_strmap_free(&ix.terms[t]);
    hc_buf_free(&from);
}
