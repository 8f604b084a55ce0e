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

/* Runs fn over every project (the rules below are per project). */
#define EACH_PROJECT(name, fn)                                                                                         \
    static void name(const hc_model *m, hc_diags *d)                                                                   \
    {                                                                                                                  \
        for (size_t i = 0; i < m->nprojects; i++) fn(m, &m->projects[i], d);                                           \
    }

/* 十个一: every item recorded for every unit. */
static void standard_missing(const hc_model *m, const hc_project *p, hc_diags *d)
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
EACH_PROJECT(check_standard_missing, standard_missing)

static void baseline_missing(const hc_model *m, const hc_project *p, hc_diags *d)
{
    if (p->applying && !p->has_baseline)
        hc_warn(d, "baseline-missing", p->path, p->id_loc.line, p->id_loc.col,
                "%s applies for demonstration status but records no baseline (双%ld条)", p->id,
                m->std.baseline_total);
}
EACH_PROJECT(check_baseline_missing, baseline_missing)

/* 不达标不得申报: below the baseline threshold and applying. */
static void baseline_gate(const hc_model *m, const hc_project *p, hc_diags *d)
{
    if (p->applying && p->has_baseline && p->baseline_passed < m->std.baseline_threshold)
        hc_error(d, "baseline-gate", p->path, p->id_loc.line, p->id_loc.col,
                 "%s meets %ld of %ld baseline items (needs %ld) and may not apply: 不达标不得申报", p->id,
                 p->baseline_passed, p->baseline_total, m->std.baseline_threshold);
}
EACH_PROJECT(check_baseline_gate, baseline_gate)

static void grade_undated(const hc_model *m, const hc_project *p, hc_diags *d)
{
    (void)m;
    if (p->grade != HC_NONE && p->assessed == HC_NO_DATE)
        hc_warn(d, "grade-undated", p->path, p->grade_loc.line, p->grade_loc.col,
                "%s has a grade but no 'assessed' date", p->id);
}
EACH_PROJECT(check_grade_undated, grade_undated)

static void supervision_undated(const hc_model *m, const hc_project *p, hc_diags *d)
{
    (void)m;
    for (size_t i = 0; i < p->nsupervision; i++)
        if (p->supervision[i].deadline == HC_NO_DATE)
            hc_warn(d, "supervision-undated", p->path, p->supervision[i].loc.line, p->supervision[i].loc.col,
                    "supervision item '%s' has no deadline (限时督办 needs one)", p->supervision[i].matter);
}
EACH_PROJECT(check_supervision_undated, supervision_undated)

static int is_overdue(const hc_model *m, const hc_supervision *s)
{
    return !s->done && s->deadline != HC_NO_DATE && s->deadline < m->today;
}

static void overdue(const hc_model *m, const hc_project *p, hc_diags *d)
{
    for (size_t i = 0; i < p->nsupervision; i++) {
        const hc_supervision *s = &p->supervision[i];
        if (!is_overdue(m, s)) continue;
        char dl[11];
        hc_date_format(s->deadline, dl);
        hc_warn(d, "overdue", p->path, s->loc.line, s->loc.col, "overdue since %s (%d days): %s — owner %s", dl,
                m->today - s->deadline, s->matter, s->owner[0] ? s->owner : "(none)");
    }
}
EACH_PROJECT(check_overdue, overdue)

/* At most this many findings of one rule per project file; then one more
 * finding counting the rest, so a pasted block of 1,000 lines gives a
 * screenful of output. */
#define MAX_SAME 10

static void route_unvisited(const hc_model *m, const hc_project *p, hc_diags *d)
{
    (void)m;
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
EACH_PROJECT(check_route_unvisited, route_unvisited)

static void observation_undated(const hc_model *m, const hc_project *p, hc_diags *d)
{
    (void)m;
    if (p->has_observation && p->obs_date == HC_NO_DATE)
        hc_warn(d, "observation-undated", p->path, p->obs_loc.line, p->obs_loc.col,
                "%s: observation meeting has no date", p->id);
}
EACH_PROJECT(check_observation_undated, observation_undated)

static void observation_unnumbered(const hc_model *m, const hc_project *p, hc_diags *d)
{
    (void)m;
    if (p->has_observation && !p->obs_number)
        hc_warn(d, "observation-unnumbered", p->path, p->obs_loc.line, p->obs_loc.col,
                "%s: observation meeting has no 挂号 number", p->id);
}
EACH_PROJECT(check_observation_unnumbered, observation_unnumbered)

typedef struct { long number; size_t project; } numbered;

static int cmp_numbered(const void *a, const void *b)
{
    const numbered *x = a, *y = b;
    if (x->number != y->number) return x->number < y->number ? -1 : 1;
    return x->project < y->project ? -1 : x->project > y->project;
}

/* 挂号 numbers of observation meetings are unique. */
static void check_duplicate_number(const hc_model *m, hc_diags *d)
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

/* Links of one page or case study (from: its folder in the site). */
static void doc_links(const hc_model *m, const site_index *ix, const hc_doc *doc, const char *from, hc_diags *d)
{
    hc_buf target = HC_BUF_INIT;
    for (size_t i = 0; i < doc->nrefs; i++) {
        const hc_ref *r = &doc->refs[i];
        const char *u = r->url;
        if (r->image) continue;
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

/* Every link of the case studies and pages. */
static void check_link(const hc_model *m, hc_diags *d)
{
    hc_buf from = HC_BUF_INIT;
    site_index ix = { index_slugs(m->cases, m->ncases), index_slugs(m->pages, m->npages), { HC_STRMAP_INIT } };
    for (int t = 0; t < HC_TAX_COUNT; t++) {
        hc_strmap_init(&ix.terms[t], m->tax[t].nterms);
        for (size_t i = 0; i < m->tax[t].nterms; i++)
            hc_strmap_add(&ix.terms[t], m->tax[t].terms[i].slug, strlen(m->tax[t].terms[i].slug), i);
    }
    for (size_t i = 0; i < m->ncases; i++) {
        hc_buf_reset(&from);
        hc_buf_printf(&from, "cases/%s/", m->cases[i].slug);
        doc_links(m, &ix, &m->cases[i], hc_buf_cstr(&from), d);
    }
    for (size_t i = 0; i < m->npages; i++) {
        hc_buf_reset(&from);
        hc_buf_printf(&from, "%s/", m->pages[i].slug);
        doc_links(m, &ix, &m->pages[i], hc_buf_cstr(&from), d);
    }
    free(ix.cases.v);
    free(ix.pages.v);
    for (int t = 0; t < HC_TAX_COUNT; t++) hc_strmap_free(&ix.terms[t]);
    hc_buf_free(&from);
}

/* The images of the case studies and pages, and the photos of the projects:
 * image (one that does not resolve) or image-alt (one without alt text). */
static void images(const hc_model *m, int alt, hc_diags *d)
{
    const hc_doc *lists[2] = { m->cases, m->pages };
    size_t counts[2] = { m->ncases, m->npages };
    for (size_t p = 0; p < m->nprojects; p++)
        for (size_t i = 0; i < m->projects[p].nphotos; i++) {
            const hc_project *pr = &m->projects[p];
            const hc_photo *ph = &pr->photos[i];
            if (!ph->src) continue;
            if (!alt && !strncmp(ph->src, "assets/", 7) && !strstr(ph->src, "..") && !asset_exists(m, ph->src))
                hc_error(d, "image", pr->path, ph->loc.line, ph->loc.col, "photo '%s' does not exist", ph->src);
            if (alt && (!ph->alt || !ph->alt[0]))
                hc_warn(d, "image-alt", pr->path, ph->loc.line, ph->loc.col,
                        "photo '%s' has no alt text: describe it for screen readers", ph->src);
        }
    for (int l = 0; l < 2; l++)
        for (size_t k = 0; k < counts[l]; k++)
            for (size_t i = 0; i < lists[l][k].nrefs; i++) {
                const hc_doc *doc = &lists[l][k];
                const hc_ref *r = &doc->refs[i];
                if (!r->image) continue;
                if (!alt) check_image_ref(m, doc, r, d);
                else if (!r->has_alt)
                    hc_warn(d, "image-alt", doc->path, r->line, r->col,
                            "image '%s' has no alt text: describe it for screen readers", r->url);
            }
}

static void check_image(const hc_model *m, hc_diags *d) { images(m, 0, d); }
static void check_image_alt(const hc_model *m, hc_diags *d) { images(m, 1, d); }

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
static void check_base_url_example(const hc_model *m, hc_diags *d)
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

static void check_template(const hc_model *m, hc_diags *d) { hc_templates_check(m, d); }

#define E HC_SEV_ERROR
#define W HC_SEV_WARNING
#define BOTH HC_AT_BOTH
#define R(id, sev, at, fn, what) { id, sev, at, fn, #fn, what }   /* a rule run here */
#define L(id, sev, by, what) { id, sev, BOTH, NULL, by, what }     /* reported while reading */

/* Every rule, in the order it runs: the loader's and the linker's first (they
 * run as the site is read, in build and check alike), then this file's. */
const hc_rule hc_rules[] = {
    L("read", E, "hc_load_text (load/)", "a file or folder of the site cannot be read, or SRC has no site.yaml"),
    L("encoding", E, "hc_load_text (load/load.c)", "a file or template that is not UTF-8"),
    L("yaml-syntax", E, "load/yamlv.c", "a file that is not valid YAML"),
    L("yaml-duplicate-key", E, "load/yamlv.c", "a key given twice in one map (against its first line)"),
    L("yaml-alias", E, "load/yamlv.c", "a YAML anchor or alias: write the value out"),
    L("yaml-key", E, "load/yamlv.c", "a map key that is not plain text"),
    L("front-matter", E, "load/docs.c", "a Markdown file without front matter, or one never closed"),
    L("required", E, "load/ (hc_yr_*)", "a required field is missing"),
    L("type", E, "load/yamlv.c (hc_yr_*)", "a field of the wrong type"),
    L("date", E, "load/yamlv.c", "a date that is not YYYY-MM-DD"),
    L("range", E, "load/", "a number outside its range (baseline.passed, page_size, a dash length…)"),
    L("enum", E, "load/config.c", "print.binding other than perfect or saddle"),
    L("name", E, "hc_load_name (load/load.c)", "an id, file name, key, slug or tag that cannot be a folder of the site"),
    L("short-name", E, "load/projects.c", "a short_name that is not 1 to 8 characters on one line"),
    L("path", E, "load/", "a photo, layer, logo or theme path that leaves its folder"),
    L("base-url", E, "load/config.c", "base_url that is not an absolute http(s) URL"),
    L("color", E, "hc_yr_color (load/yamlv.c)", "a colour that is not #rrggbb (or #rgb)"),
    L("footer", E, "load/config.c", "a beian or contact value of the footer that is malformed"),
    L("date-format", E, "load/words.c", "a date_format other than zh, iso or dots"),
    L("duplicate", E, "load/config.c", "a seeds key, grade, item key or township declared twice"),
    L("unknown-key", E, "hc_yr_keys (load/yamlv.c)", "a key huace does not know, with a suggestion (a warning with strict: false)"),
    L("domain", E, "read_key (load/projects.c)", "a domain that is not in seeds/standards.yaml"),
    L("level", E, "read_key (load/projects.c)", "a level that is not in seeds/standards.yaml"),
    L("status", E, "read_key (load/projects.c)", "a status that is not in seeds/standards.yaml"),
    L("grade", E, "read_key (load/projects.c)", "a grade that is not in seeds/standards.yaml"),
    L("township", E, "load/projects.c, load/docs.c", "a township not declared in site.yaml"),
    L("duplicate-node", E, "load/projects.c", "a node id used twice in one project"),
    L("route-node", E, "load/projects.c", "a route entry that names no node"),
    L("coordinates", E, "load/", "a longitude outside -180..180 or a latitude outside -90..90"),
    L("coords", E, "hc_load_coords (load/layers.c)", "a coords value other than wgs84, cgcs2000, gcj02"),
    L("outline", E, "load/geo.c", "a township outline with fewer than 3 points"),
    L("geo-township", W, "load/geo.c", "an outline for a township site.yaml does not declare"),
    L("duplicate-area", W, "load/geo.c", "a township with two outlines (both are drawn)"),
    L("duplicate-layer", W, "load/layers.c", "a map layer listed twice (both are drawn)"),
    L("role", E, "load/layers.c", "a map layer role that is not a word of a-z, 0-9, - and _"),
    L("dash", E, "load/layers.c", "a map layer dash that is not a list of 2, 4, 6 or 8 lengths"),
    L("layer-format", E, "load/layers.c", "a map layer file of a format huace does not read"),
    L("layer-read", E, "load/geo.c, load/ogr.c", "a map layer file that does not exist or GDAL cannot read"),
    L("layer-shapefile", E, "load/ogr.c", "a Shapefile without its .shx, .dbf or .prj beside it"),
    L("layer-crs", E, "load/ogr.c", "a map layer without a coordinate system, or one that cannot become WGS-84"),
    L("layer-empty", E, "load/ogr.c", "a map layer with no features"),
    L("layer-label", W, "load/ogr.c", "a map layer label attribute its features do not have"),
    L("layer-outside", W, "load/geo.c", "a map layer far from the district's townships and nodes (a wrong CRS?)"),
    L("duplicate-id", E, "hc_model_link (model/link.c)", "two project files with the same id (both named)"),
    L("slug", E, "hc_model_link (model/link.c)", "a page named like a folder the site uses"),
    L("unknown-project", E, "hc_model_link (model/link.c)", "a case study names a project that does not exist"),
    R("template", E, BOTH, check_template, "a partial that includes itself outside any section"),
    L("template-syntax", E, "hc_templates_check (tmpl/)", "a theme template that cannot be parsed"),
    L("theme", E, "hc_templates_check", "site.yaml names a theme with no folder under themes/"),
    R("standard-missing", W, BOTH, check_standard_missing, "十个一 items a unit does not record (listed)"),
    R("baseline-missing", W, BOTH, check_baseline_missing, "applying: true without a baseline to check"),
    R("baseline-gate", E, BOTH, check_baseline_gate, "below the baseline threshold and applying: true (不达标不得申报)"),
    R("grade-undated", W, BOTH, check_grade_undated, "a grade without an assessed date"),
    R("supervision-undated", W, BOTH, check_supervision_undated, "a supervision item without a deadline"),
    R("overdue", W, HC_AT_CHECK, check_overdue, "supervision items past their deadline and not done (a build counts them)"),
    R("route-unvisited", W, BOTH, check_route_unvisited, "a node that no route visits"),
    R("observation-undated", W, BOTH, check_observation_undated, "an observation meeting without a date"),
    R("observation-unnumbered", W, BOTH, check_observation_unnumbered, "an observation meeting without a 挂号 number"),
    R("duplicate-number", E, BOTH, check_duplicate_number, "two observation meetings calling the same 挂号 number"),
    R("node-outside-township", W, BOTH, hc_check_townships, "a node outside every township its unit names"),
    R("node-spread", W, BOTH, hc_check_spread, "a 示范岗 or 示范点 whose nodes lie more than 5 km apart"),
    R("link", E, BOTH, check_link, "a Markdown link that does not resolve"),
    R("image", E, BOTH, check_image, "an image or photo that does not resolve (a build also refuses broken files)"),
    R("image-alt", W, BOTH, check_image_alt, "an image or photo without alt text"),
    R("base-url-example", W, HC_AT_CHECK, check_base_url_example, "base_url on a placeholder host (example.com, *.example…)"),
    { "asset", W, HC_AT_BUILD, NULL, "hc_static_copy (render/html/static.c)",
      "a file of assets/ or static/ that is not published (a link out or in a loop, a FIFO) or not world-readable" },
};
const size_t hc_nrules = sizeof hc_rules / sizeof hc_rules[0];

#undef E
#undef W
#undef BOTH
#undef R
#undef L

const hc_rule *hc_rule_find(const char *id)
{
    for (size_t i = 0; i < hc_nrules; i++)
        if (!strcmp(hc_rules[i].id, id)) return &hc_rules[i];
    return NULL;
}

void hc_check_model(const hc_model *m, hc_rule_at at, hc_diags *d)
{
    for (size_t i = 0; i < hc_nrules; i++)
        if (hc_rules[i].fn && (hc_rules[i].at & at)) hc_rules[i].fn(m, d);
}
