/* pages.c — what each page shows. */
#include "pages.h"
#include "campaign.h"
#include "nav.h"
#include "../../load/load.h"
#include "../maps/maps.h"
#include <stdlib.h>
#include "../../base/alloc.h"
#include "../../model/permalink.h"
#include <stdio.h>
#include <string.h>

#define LATEST_CASES 6

/* Index in config.townships of the township named name, or HC_NONE. */
static size_t township_index(const hc_model *m, const char *name)
{
    for (size_t i = 0; i < m->config.ntownships; i++)
        if (!strcmp(m->config.townships[i].name, name)) return i;
    return HC_NONE;
}

/* The phone variant of a map (see maps.h) on map m: "phone" with png, png2x,
 * webp, webp2x (site paths from dir + stem), width, height and the @2x size. */
static void set_phone_map(hc_arena *a, hc_tv *mp, const char *dir, const char *stem, int w, int h)
{
    hc_tv *ph = hc_tv_map(a);
    hc_tv_set(a, ph, "png", hc_tv_str(a, hc_arena_printf(a, "%s%s-phone.png", dir, stem)));
    hc_tv_set(a, ph, "png2x", hc_tv_str(a, hc_arena_printf(a, "%s%s-phone@2x.png", dir, stem)));
    hc_tv_set(a, ph, "webp", hc_tv_str(a, hc_arena_printf(a, "%s%s-phone.webp", dir, stem)));
    hc_tv_set(a, ph, "webp2x", hc_tv_str(a, hc_arena_printf(a, "%s%s-phone@2x.webp", dir, stem)));
    hc_tv_set_num(a, ph, "width", w);
    hc_tv_set_num(a, ph, "height", h);
    hc_tv_set_num(a, ph, "width2x", 2 * w);
    hc_tv_set_num(a, ph, "height2x", 2 * h);
    hc_tv_set(a, mp, "phone", ph);
}

static size_t page_count(size_t items, long size)
{
    size_t s = size > 0 ? (size_t)size : 10;
    return items ? (items + s - 1) / s : 1;
}

static void push_job(hc_job **jobs, size_t *n, size_t *cap, hc_job_kind k, size_t a, size_t b, size_t page_no)
{
    *jobs = hc_xgrow(*jobs, cap, *n + 1, sizeof **jobs);
    (*jobs)[(*n)++] = (hc_job){ k, a, b, page_no };
}

void hc_pages_plan(const hc_shared *sh, hc_job **jobs, size_t *n)
{
    const hc_model *m = sh->m;
    size_t cap = 0;
    long ps = m->config.page_size;
    *jobs = NULL;
    *n = 0;
    push_job(jobs, n, &cap, HC_JOB_HOME, 0, 0, 1);
    push_job(jobs, n, &cap, HC_JOB_404, 0, 0, 1);
    push_job(jobs, n, &cap, HC_JOB_STANDARDS, 0, 0, 1);
    if (hc_model_has_supervision(m)) push_job(jobs, n, &cap, HC_JOB_SUPERVISION, 0, 0, 1);
    push_job(jobs, n, &cap, HC_JOB_SCHEDULE, 0, 0, 1);
    push_job(jobs, n, &cap, HC_JOB_BOARD, 0, 0, 1);
    if (sh->search) push_job(jobs, n, &cap, HC_JOB_SEARCH, 0, 0, 1);
    if (m->config.maps_enabled) push_job(jobs, n, &cap, HC_JOB_MAP, 0, 0, 1);
    for (size_t i = 0; i < m->nprojects; i++) push_job(jobs, n, &cap, HC_JOB_PROJECT, i, 0, 1);
    for (size_t i = 0; i < m->ncases; i++) push_job(jobs, n, &cap, HC_JOB_CASE, i, 0, 1);
    for (size_t i = 0; i < m->npages; i++) push_job(jobs, n, &cap, HC_JOB_PAGE, i, 0, 1);
    for (size_t k = 1, pc = page_count(m->nprojects, ps); k <= pc; k++)
        push_job(jobs, n, &cap, HC_JOB_PROJECTS, 0, 0, k);
    for (size_t k = 1, pc = page_count(m->ncases, ps); k <= pc; k++)
        push_job(jobs, n, &cap, HC_JOB_CASES, 0, 0, k);
    for (int t = 0; t < HC_TAX_COUNT; t++) {
        const hc_taxonomy *tx = &m->tax[t];
        if (t == HC_TAX_GRADE && !m->std.ngrades) continue;   /* the public edition without grades */
        push_job(jobs, n, &cap, HC_JOB_TAXONOMY, (size_t)t, 0, 1);
        for (size_t i = 0; i < tx->nterms; i++)
            for (size_t k = 1, pc = page_count(tx->terms[i].nprojects + tx->terms[i].ncases, ps); k <= pc; k++)
                push_job(jobs, n, &cap, HC_JOB_TERM, (size_t)t, i, k);
    }
}

/* ---- shared pieces ---- */

static hc_tv *base(const hc_shared *sh, hc_arena *a, const char *dir, const char *title, const char *desc)
{
    hc_tv *c = hc_tv_map(a);
    hc_buf b = HC_BUF_INIT;
    hc_root_prefix(&b, dir);
    hc_tv_set(a, c, "root", hc_tv_strn(a, hc_buf_cstr(&b), b.len));
    hc_buf_free(&b);
    hc_tv_set(a, c, "site", sh->site);
    hc_tv_set(a, c, "nav", hc_shared_nav(sh, dir));
    if (title) hc_tv_set(a, c, "page_title", hc_tv_str_ref(a, title));
    const hc_tv *sd = hc_tv_get(sh->site, "description");
    hc_tv_set(a, c, "description", desc ? hc_tv_str_ref(a, desc) : sd ? (hc_tv *)sd : hc_tv_str(a, ""));
    /* canonical, og:*: meta.c */
    return c;
}

/* The path of a base URL ("https://x.cn/site/" → "/site/"), "/" for none;
 * base_url has passed hc_url_base_ok (no query, no fragment). */
static const char *root_path(hc_arena *a, const char *base_url)
{
    const char *p = base_url ? strstr(base_url, "://") : NULL;
    p = p ? strchr(p + 3, '/') : NULL;
    if (!p || !*p) return "/";
    size_t n = strlen(p);
    return p[n - 1] == '/' ? p : hc_arena_printf(a, "%s/", p);
}

/* Pager over `total` items for a listing whose page k lives at path_of(k). */
typedef void (*path_fn)(const hc_shared *sh, const hc_job *j, size_t page_no, hc_buf *out);

#define PAGER_WINDOW 2   /* pages shown on each side of the current one */

static hc_tv *pager_entry(const hc_shared *sh, const hc_job *j, hc_arena *a, size_t k, path_fn path_of, hc_buf *b)
{
    hc_buf_reset(b);
    path_of(sh, j, k, b);
    hc_tv *e = hc_tv_map(a);
    hc_tv_set_num(a, e, "n", (double)k);
    hc_tv_set(a, e, "url", hc_tv_str_ref(a, hc_ctx_path(a, hc_buf_cstr(b))));
    if (k == j->page_no) hc_tv_set_bool(a, e, "current", 1);
    return e;
}

/* A windowed pager: first, last, and PAGER_WINDOW pages around the current
 * one, with gaps marked — its size does not grow with the number of pages. */
static hc_tv *pager(const hc_shared *sh, const hc_job *j, hc_arena *a, size_t total, path_fn path_of)
{
    size_t pages = page_count(total, sh->m->config.page_size);
    hc_tv *p = hc_tv_map(a);
    if (pages <= 1) return p;
    hc_buf b = HC_BUF_INIT;
    hc_tv *list = hc_tv_list(a);
    size_t cur = j->page_no;
    size_t lo = cur > PAGER_WINDOW + 1 ? cur - PAGER_WINDOW : 1;
    size_t hi = cur + PAGER_WINDOW < pages ? cur + PAGER_WINDOW : pages;
    if (lo > 1) hc_tv_push(a, list, pager_entry(sh, j, a, 1, path_of, &b));
    if (lo > 2) {
        hc_tv *gap = hc_tv_map(a);
        hc_tv_set_bool(a, gap, "gap", 1);
        hc_tv_push(a, list, gap);
    }
    for (size_t k = lo; k <= hi; k++) hc_tv_push(a, list, pager_entry(sh, j, a, k, path_of, &b));
    if (hi + 1 < pages) {
        hc_tv *gap = hc_tv_map(a);
        hc_tv_set_bool(a, gap, "gap", 1);
        hc_tv_push(a, list, gap);
    }
    if (hi < pages) hc_tv_push(a, list, pager_entry(sh, j, a, pages, path_of, &b));
    if (cur > 1) hc_tv_set(a, p, "prev", pager_entry(sh, j, a, cur - 1, path_of, &b));
    if (cur < pages) hc_tv_set(a, p, "next", pager_entry(sh, j, a, cur + 1, path_of, &b));
    hc_tv_set(a, p, "pages", list);
    hc_tv_set_num(a, p, "current", (double)cur);
    hc_tv_set_num(a, p, "total", (double)pages);
    hc_tv_set_bool(a, p, "show", 1);
    hc_buf_free(&b);
    return p;
}

/* Slice [from, to) of page j->page_no over total items. */
static void page_range(const hc_shared *sh, const hc_job *j, size_t total, size_t *from, size_t *to)
{
    size_t s = (size_t)sh->m->config.page_size;
    *from = (j->page_no - 1) * s;
    *to = *from + s < total ? *from + s : total;
    if (*from > total) *from = total;
}

/* ---- home ---- */

static hc_tv *home(const hc_shared *sh, hc_arena *a, hc_tv *c)
{
    const hc_model *m = sh->m;
    hc_tv *doms = hc_tv_list(a);
    const hc_taxonomy *dt = &m->tax[HC_TAX_DOMAIN];
    for (size_t i = 0; i < m->std.ndomains; i++) {
        const hc_domain *dm = &m->std.domains[i];
        hc_tv *e = hc_ctx_term_link(a, m, HC_TAX_DOMAIN, i);
        hc_tv_set(a, e, "full", hc_tv_str_ref(a, dm->full));
        hc_tv_set_num(a, e, "count", (double)dt->terms[i].nprojects);
        hc_tv_set_num(a, e, "planned", (double)dm->planned);
        double pct = dm->planned > 0 ? 100.0 * (double)dt->terms[i].nprojects / (double)dm->planned : 0;
        hc_tv_set_num(a, e, "percent", (double)(int)(pct > 100 ? 100 : pct + 0.5));
        hc_tv_push(a, doms, e);
    }
    hc_tv_set(a, c, "domains", doms);
    hc_tv *sts = hc_tv_list(a);
    const hc_taxonomy *st = &m->tax[HC_TAX_STATUS];
    for (size_t i = 0; i < m->std.nstatuses; i++) {
        hc_tv *e = hc_ctx_status(a, m, i);
        hc_tv_set_num(a, e, "count", (double)st->terms[i].nprojects);
        hc_tv_set(a, e, "url", hc_tv_str_ref(a, hc_ctx_path(a, hc_ctx_term_path(a, m, HC_TAX_STATUS, i))));
        hc_tv_push(a, sts, e);
    }
    hc_tv_set(a, c, "status_tally", sts);
    hc_tv_set_num(a, c, "project_count", (double)m->nprojects);
    hc_tv_set_num(a, c, "case_count", (double)m->ncases);
    size_t tw = 0;
    for (size_t i = 0; i < m->tax[HC_TAX_TOWNSHIP].nterms; i++) tw += m->tax[HC_TAX_TOWNSHIP].terms[i].nprojects > 0;
    hc_tv_set_num(a, c, "township_count", (double)tw);
    hc_tv *latest = hc_tv_list(a);
    for (size_t i = 0; i < m->ncases && i < LATEST_CASES; i++) hc_tv_push(a, latest, hc_card_case(sh, a, i));
    hc_tv_set(a, c, "latest_cases", latest);
    const hc_photo *bn = m->config.banner;
    hc_tv *banner = bn ? hc_ctx_image(sh, a, bn->src, bn->alt, bn->caption, HC_SIZES_BANNER, 0) : NULL;
    if (banner) hc_tv_set(a, c, "banner", banner);
    if (m->std.ngrades) hc_campaign_assessment(sh, a, c);
    return c;
}

/* ---- one project ---- */

/* milestones[]: date, date_zh, title, done, late, state */
static void project_milestones(const hc_model *m, const hc_project *p, hc_arena *a, hc_tv *c)
{
    hc_tv *ms = hc_tv_list(a);
    for (size_t i = 0; i < p->nmilestones; i++) {
        hc_tv *e = hc_ctx_milestone(a, m, &p->milestones[i]);
        hc_tv_set(a, e, "date_zh", hc_tv_str_ref(a, hc_ctx_date_zh(a, m, p->milestones[i].date)));
        hc_tv_push(a, ms, e);
    }
    hc_tv_set(a, c, "milestones", ms);
}

/* One of nodes[]: its number, names, place, status and the map links
 * (导航: 高德 (GCJ-02) and 百度 (BD-09), see nav.h). */
static hc_tv *project_node(const hc_shared *sh, hc_arena *a, const hc_node *nd, size_t i, hc_buf *u)
{
    hc_tv *e = hc_tv_map(a);
    hc_tv_set_num(a, e, "n", (double)(i + 1));
    hc_tv_set(a, e, "id", hc_tv_str_ref(a, nd->id));
    hc_tv_set(a, e, "name", hc_tv_str_ref(a, nd->name));
    if (nd->kind) hc_tv_set(a, e, "kind", hc_tv_str_ref(a, nd->kind));
    hc_tv_set(a, e, "lon", hc_tv_str(a, hc_arena_printf(a, "%.4f", nd->lon)));
    hc_tv_set(a, e, "lat", hc_tv_str(a, hc_arena_printf(a, "%.4f", nd->lat)));
    hc_tv_set(a, e, "status", hc_shared_status(sh, nd->status));
    hc_buf_reset(u);
    hc_nav_amap(u, nd->lon, nd->lat, nd->name);
    hc_tv_set(a, e, "amap", hc_tv_str(a, hc_arena_printf(a, "%s", hc_buf_cstr(u))));
    hc_buf_reset(u);
    hc_nav_baidu(u, nd->lon, nd->lat, nd->name);
    hc_tv_set(a, e, "baidu", hc_tv_str(a, hc_arena_printf(a, "%s", hc_buf_cstr(u))));
    return e;
}

/* nodes[], and nav_start: walking directions to the route's first node
 * (the first node without a route). */
static void project_nodes(const hc_shared *sh, const hc_project *p, hc_arena *a, hc_tv *c)
{
    hc_tv *nodes = hc_tv_list(a);
    hc_buf u = HC_BUF_INIT;
    for (size_t i = 0; i < p->nnodes; i++) {
        const hc_node *nd = &p->nodes[i];
        hc_tv *e = project_node(sh, a, nd, i, &u);
        if (i == (p->nroute ? p->route[0] : 0)) {
            hc_buf_reset(&u);
            hc_nav_walk(&u, nd->lon, nd->lat, nd->name);
            hc_tv *st = hc_tv_map(a);
            hc_tv_set(a, st, "url", hc_tv_str(a, hc_arena_printf(a, "%s", hc_buf_cstr(&u))));
            hc_tv_set(a, st, "name", hc_tv_str_ref(a, nd->name));
            hc_tv_set(a, c, "nav_start", st);
        }
        hc_tv_push(a, nodes, e);
    }
    hc_buf_free(&u);
    hc_tv_set(a, c, "nodes", nodes);
}

/* route[] (the stops' names and node numbers), and route_map when maps are on. */
static void project_route(const hc_model *m, const hc_project *p, hc_arena *a, hc_tv *c)
{
    hc_tv *route = hc_tv_list(a);
    for (size_t i = 0; i < p->nroute; i++) {
        hc_tv *e = hc_tv_map(a);
        hc_tv_set(a, e, "name", hc_tv_str_ref(a, p->nodes[p->route[i]].name));
        hc_tv_set_num(a, e, "n", (double)(p->route[i] + 1));
        hc_tv_push(a, route, e);
    }
    hc_tv_set(a, c, "route", route);
    if (!m->config.maps_enabled || !p->nnodes) return;
    hc_tv *mp = hc_tv_map(a);
    hc_buf b = HC_BUF_INIT;
    hc_path_project(&b, p);
    hc_tv_set(a, mp, "png", hc_tv_str(a, hc_arena_printf(a, "%sroute.png", hc_buf_cstr(&b))));
    hc_tv_set(a, mp, "png2x", hc_tv_str(a, hc_arena_printf(a, "%sroute@2x.png", hc_buf_cstr(&b))));
    hc_tv_set(a, mp, "webp", hc_tv_str(a, hc_arena_printf(a, "%sroute.webp", hc_buf_cstr(&b))));
    hc_tv_set_num(a, mp, "width", (double)m->config.map_width);
    hc_tv_set_num(a, mp, "height", (double)m->config.map_height);
    hc_tv_set_num(a, mp, "width2x", 2.0 * (double)m->config.map_width);
    hc_tv_set_num(a, mp, "height2x", 2.0 * (double)m->config.map_height);
    int pw, ph;
    if (hc_map_phone_size(m, HC_MAP_ROUTE, (size_t)(p - m->projects), &pw, &ph) == 0)
        set_phone_map(a, mp, hc_buf_cstr(&b), "route", pw, ph);
    hc_buf_free(&b);
    hc_tv_set(a, c, "route_map", mp);
}

/* standard[] (the 十个一, each marked), standard_met, standard_total, and
 * baseline (the 双40条) when given. */
enum { MARK_KEY = 1, MARK_NUMBER = 2 };

/* A unit's 十个一 as a list, one entry per standard item: name, yes/no/unknown,
 * and key (MARK_KEY) or n, the item's number from 1 (MARK_NUMBER). *met gets
 * how many are met. */
static hc_tv *standard_marks(const hc_model *m, const hc_project *p, hc_arena *a, int with, size_t *met)
{
    hc_tv *list = hc_tv_list(a);
    *met = 0;
    for (size_t i = 0; i < m->std.nitems; i++) {
        hc_tv *e = hc_tv_map(a);
        if (with & MARK_NUMBER) hc_tv_set_num(a, e, "n", (double)(i + 1));
        hc_tv_set(a, e, "name", hc_tv_str_ref(a, m->std.items[i].name));
        if (with & MARK_KEY) hc_tv_set(a, e, "key", hc_tv_str_ref(a, m->std.items[i].key));
        hc_tv_set_bool(a, e, "yes", p->standard[i] == 1);
        hc_tv_set_bool(a, e, "no", p->standard[i] == 0);
        hc_tv_set_bool(a, e, "unknown", p->standard[i] < 0);
        *met += p->standard[i] == 1;
        hc_tv_push(a, list, e);
    }
    return list;
}

static void project_standard(const hc_model *m, const hc_project *p, hc_arena *a, hc_tv *c)
{
    size_t met;
    hc_tv_set(a, c, "standard", standard_marks(m, p, a, MARK_KEY, &met));
    hc_tv_set_num(a, c, "standard_met", (double)met);
    hc_tv_set_num(a, c, "standard_total", (double)m->std.nitems);
    if (p->has_baseline) {
        hc_tv *b = hc_tv_map(a);
        hc_tv_set_num(a, b, "passed", (double)p->baseline_passed);
        hc_tv_set_num(a, b, "total", (double)p->baseline_total);
        hc_tv_set_bool(a, b, "met", p->baseline_passed >= m->std.baseline_threshold);
        hc_tv_set(a, c, "baseline", b);
    }
}

/* supervision[] (its 督战 matters), and observation (its 观摩会) when given. */
static void project_campaign(const hc_model *m, const hc_project *p, hc_arena *a, hc_tv *c)
{
    hc_tv *sup = hc_tv_list(a);
    for (size_t i = 0; i < p->nsupervision; i++) {
        const hc_supervision *s = &p->supervision[i];
        hc_tv *e = hc_tv_map(a);
        hc_tv_set(a, e, "matter", hc_tv_str_ref(a, s->matter));
        hc_tv_set(a, e, "owner", hc_tv_str_ref(a, s->owner));
        hc_tv_set(a, e, "deadline", hc_tv_str_ref(a, hc_ctx_date(a, s->deadline)));
        hc_tv_set(a, e, "deadline_zh", hc_tv_str_ref(a, hc_ctx_date_zh(a, m, s->deadline)));
        hc_tv_set_bool(a, e, "done", s->done);
        hc_tv_set_bool(a, e, "overdue", hc_model_late(m, s->deadline, s->done));
        hc_tv_set_str(a, e, "state", hc_model_state(m, s->deadline, s->done));
        hc_tv_push(a, sup, e);
    }
    hc_tv_set(a, c, "supervision", sup);
    if (p->has_observation) {
        hc_tv *o = hc_tv_map(a);
        if (p->obs_number) hc_tv_set_num(a, o, "number", (double)p->obs_number);
        hc_tv_set(a, o, "date", hc_tv_str_ref(a, hc_ctx_date_zh(a, m, p->obs_date)));
        if (p->obs_place) hc_tv_set(a, o, "place", hc_tv_str_ref(a, p->obs_place));
        hc_tv_set(a, c, "observation", o);
    }
}

/* photos[] (the gallery, lazy, numbered) and lead: the first photo the image
 * stage has, big and not lazy. */
static void project_photos(const hc_shared *sh, const hc_project *p, hc_arena *a, hc_tv *c)
{
    hc_tv *photos = hc_tv_list(a);
    for (size_t i = 0, n = 0; i < p->nphotos; i++) {
        const hc_photo *ph = &p->photos[i];
        hc_tv *e = hc_ctx_image(sh, a, ph->src, ph->alt, ph->caption, HC_SIZES_GALLERY, 1);
        if (!e) continue;
        hc_tv_set_num(a, e, "n", (double)++n);
        hc_tv_push(a, photos, e);
        if (n == 1) {
            hc_tv *lead = hc_ctx_image(sh, a, ph->src, ph->alt, ph->caption, HC_SIZES_LEAD, 0);
            hc_tv_set(a, c, "lead", lead);
        }
    }
    hc_tv_set(a, c, "photos", photos);
}

/* A unit's page: its card, facts, milestones, nodes and route, standard,
 * campaign, photos and case studies (`huace help templates`, layout project). */
static hc_tv *project(const hc_shared *sh, hc_arena *a, hc_tv *c, size_t pi)
{
    const hc_model *m = sh->m;
    const hc_project *p = &m->projects[pi];
    hc_tv_set(a, c, "p", hc_card_project(sh, a, pi));
    hc_tv_set(a, c, "tags", hc_ctx_tags(a, m, p->tag_terms, p->ntags));
    if (p->has_funding) hc_tv_set(a, c, "funding", hc_tv_str(a, hc_arena_printf(a, "%g", p->funding)));
    if (p->assessed != HC_NO_DATE) hc_tv_set(a, c, "assessed", hc_tv_str_ref(a, hc_ctx_date_zh(a, m, p->assessed)));
    project_milestones(m, p, a, c);
    project_nodes(sh, p, a, c);
    project_route(m, p, a, c);
    project_standard(m, p, a, c);
    hc_tv_set_bool(a, c, "applying", p->applying);
    project_campaign(m, p, a, c);
    project_photos(sh, p, a, c);
    hc_tv *cases = hc_tv_list(a);
    for (size_t i = 0; i < p->ncases; i++) hc_tv_push(a, cases, hc_card_case(sh, a, p->cases[i]));
    hc_tv_set(a, c, "cases", cases);
    return c;
}

/* ---- one case study / page ---- */

/* The body, its images written by the theme (root: the page's "../" prefix). */
static hc_tv *body_html(const hc_shared *sh, hc_arena *a, const hc_doc *doc, const hc_tv *c)
{
    const hc_tv *root = hc_tv_get(c, "root");
    return hc_ctx_body(sh, a, doc, root && root->kind == HC_TV_STR ? root->s : "");
}

static hc_tv *case_page(const hc_shared *sh, hc_arena *a, hc_tv *c, size_t ci)
{
    const hc_model *m = sh->m;
    const hc_doc *d = &m->cases[ci];
    hc_tv_set(a, c, "c", hc_card_case(sh, a, ci));
    hc_tv_set(a, c, "body", body_html(sh, a, d, c));
    hc_tv_set_num(a, c, "minutes", (double)(d->words / 400 + 1));
    hc_tv *ps = hc_tv_list(a);
    for (size_t i = 0; i < d->nprojects; i++)
        if (d->projects[i] != HC_NONE) hc_tv_push(a, ps, hc_card_project(sh, a, d->projects[i]));
    hc_tv_set(a, c, "projects", ps);
    return c;
}

/* ---- listings ---- */

static void projects_path(const hc_shared *sh, const hc_job *j, size_t k, hc_buf *out)
{
    (void)sh; (void)j;
    hc_buf_puts(out, "projects/");
    if (k > 1) hc_buf_printf(out, "page/%zu/", k);
}

static void cases_path(const hc_shared *sh, const hc_job *j, size_t k, hc_buf *out)
{
    (void)sh; (void)j;
    hc_buf_puts(out, "cases/");
    if (k > 1) hc_buf_printf(out, "page/%zu/", k);
}

static void term_path(const hc_shared *sh, const hc_job *j, size_t k, hc_buf *out)
{
    const hc_taxonomy *tx = &sh->m->tax[j->a];
    hc_path_term(out, tx, &tx->terms[j->b], k);
}

static hc_tv *term_page(const hc_shared *sh, const hc_job *j, hc_arena *a, hc_tv *c)
{
    const hc_model *m = sh->m;
    const hc_taxonomy *tx = &m->tax[j->a];
    const hc_term *t = &tx->terms[j->b];
    size_t total = t->nprojects + t->ncases, from, to;
    page_range(sh, j, total, &from, &to);
    hc_tv *ps = hc_tv_list(a), *cs = hc_tv_list(a);
    for (size_t i = from; i < to; i++) {
        if (i < t->nprojects) hc_tv_push(a, ps, hc_card_project(sh, a, t->projects[i]));
        else hc_tv_push(a, cs, hc_card_case(sh, a, t->cases[i - t->nprojects]));
    }
    hc_tv_set(a, c, "projects", ps);
    hc_tv_set(a, c, "cases", cs);
    hc_tv_set(a, c, "taxonomy", hc_ctx_link(a, tx->title, hc_arena_printf(a, "%s/", tx->kind_slug)));
    hc_tv_set(a, c, "term", hc_tv_str_ref(a, t->name));
    hc_tv_set_num(a, c, "project_count", (double)t->nprojects);
    hc_tv_set_num(a, c, "case_count", (double)t->ncases);
    if (j->a == HC_TAX_DOMAIN) {
        const hc_domain *dm = &m->std.domains[j->b];
        hc_tv_set(a, c, "intro", hc_tv_str(a, hc_arena_printf(a, "%s：项目库规划 %ld 个，本站收录 %zu 个。", dm->full,
                                                               dm->planned, t->nprojects)));
    } else if (j->a == HC_TAX_TOWNSHIP && m->config.maps_enabled && j->page_no == 1) {
        hc_tv_set(a, c, "guide", hc_tv_str(a, hc_arena_printf(a, "townships/%s/guide.png", t->slug)));
        int gw, gh;
        size_t ti = township_index(m, t->key);
        if (ti != HC_NONE && hc_map_guide_size(m, ti, &gw, &gh) == 0) {
            hc_tv *g = hc_tv_map(a);
            hc_tv_set_num(a, g, "width", gw);
            hc_tv_set_num(a, g, "height", gh);
            if (hc_map_phone_size(m, HC_MAP_GUIDE, ti, &gw, &gh) == 0)
                set_phone_map(a, g, hc_arena_printf(a, "townships/%s/", t->slug), "guide", gw, gh);
            hc_tv_set(a, c, "guide_map", g);
        }
    } else if (j->a == HC_TAX_STATUS) {
        hc_tv_set(a, c, "intro", hc_tv_str_ref(a, m->std.statuses[j->b].meaning));
    }
    hc_tv_set(a, c, "pager", pager(sh, j, a, total, term_path));
    return c;
}

static hc_tv *taxonomy_page(const hc_shared *sh, const hc_job *j, hc_arena *a, hc_tv *c)
{
    const hc_model *m = sh->m;
    const hc_taxonomy *tx = &m->tax[j->a];
    hc_tv *terms = hc_tv_list(a);
    for (size_t i = 0; i < tx->nterms; i++) {
        hc_tv *e = hc_ctx_term_link(a, m, (hc_tax_kind)j->a, i);
        hc_tv_set_num(a, e, "projects", (double)tx->terms[i].nprojects);
        hc_tv_set_num(a, e, "cases", (double)tx->terms[i].ncases);
        if (j->a == HC_TAX_STATUS) hc_tv_set(a, e, "status", hc_ctx_status(a, m, i));
        hc_tv_push(a, terms, e);
    }
    hc_tv_set(a, c, "terms", terms);
    return c;
}

static hc_tv *standards_page(const hc_shared *sh, hc_arena *a, hc_tv *c)
{
    const hc_model *m = sh->m;
    hc_tv *items = hc_tv_list(a);
    for (size_t i = 0; i < m->std.nitems; i++) {
        hc_tv *e = hc_tv_map(a);
        hc_tv_set_num(a, e, "n", (double)(i + 1));
        hc_tv_set(a, e, "name", hc_tv_str_ref(a, m->std.items[i].name));
        hc_tv_set(a, e, "key", hc_tv_str_ref(a, m->std.items[i].key));
        size_t met = 0;
        for (size_t k = 0; k < m->nprojects; k++) met += m->projects[k].standard[i] == 1;
        hc_tv_set_num(a, e, "met", (double)met);
        hc_tv_push(a, items, e);
    }
    hc_tv_set(a, c, "items", items);
    hc_tv *rows = hc_tv_list(a);
    for (size_t k = 0; k < m->nprojects; k++) {
        const hc_project *p = &m->projects[k];
        hc_tv *r = hc_tv_map(a);
        hc_tv_set(a, r, "p", hc_card_unit(sh, a, k));
        if (p->domain != HC_NONE) hc_tv_set(a, r, "domain_key", hc_tv_str_ref(a, m->std.domains[p->domain].key));
        size_t met;
        /* n is shown over the mark in the phone's card */
        hc_tv_set(a, r, "cells", standard_marks(m, p, a, MARK_NUMBER, &met));
        hc_tv_set_num(a, r, "met", (double)met);
        hc_tv_push(a, rows, r);
    }
    hc_tv_set(a, c, "rows", rows);
    hc_tv_set_num(a, c, "baseline_total", (double)m->std.baseline_total);
    hc_tv_set_num(a, c, "baseline_threshold", (double)m->std.baseline_threshold);
    hc_tv *grades = hc_tv_list(a);
    for (size_t i = 0; i < m->std.ngrades; i++) hc_tv_push(a, grades, hc_ctx_term_link(a, m, HC_TAX_GRADE, i));
    hc_tv_set(a, c, "grades", grades);
    hc_tv *doms = hc_tv_list(a);
    for (size_t i = 0; i < m->std.ndomains; i++) {
        hc_tv *e = hc_tv_map(a);
        hc_tv_set(a, e, "key", hc_tv_str_ref(a, m->std.domains[i].key));
        hc_tv_set(a, e, "name", hc_tv_str_ref(a, m->std.domains[i].name));
        hc_tv_push(a, doms, e);
    }
    hc_tv_set(a, c, "domains", doms);
    return c;
}

/* map/: the overview image with a link over each unit's marker, placed in
 * percent of the image so it stays right when the image scales. */
static hc_tv *map_page(const hc_shared *sh, hc_arena *a, hc_tv *c)
{
    const hc_model *m = sh->m;
    double w = (double)m->config.map_width, h = (double)m->config.map_height;
    hc_tv *markers = hc_tv_list(a), *units = hc_tv_list(a), *pmarkers = hc_tv_list(a);
    for (size_t i = 0; i < m->nprojects; i++) {
        hc_tv *card = hc_card_unit(sh, a, i);
        hc_tv_push(a, units, card);
        if (!sh->overview || sh->overview[i].r <= 0) continue;
        hc_tv *e = hc_tv_map(a);
        hc_tv_set(a, e, "p", card);
        hc_tv_set(a, e, "left", hc_tv_str(a, hc_arena_printf(a, "%.3f", 100.0 * (sh->overview[i].x - sh->overview[i].r) / w)));
        hc_tv_set(a, e, "top", hc_tv_str(a, hc_arena_printf(a, "%.3f", 100.0 * (sh->overview[i].y - sh->overview[i].r) / h)));
        hc_tv_set(a, e, "size", hc_tv_str(a, hc_arena_printf(a, "%.3f", 100.0 * 2 * sh->overview[i].r / w)));
        hc_tv_push(a, markers, e);
        const hc_marker_pos *q = sh->overview_phone ? &sh->overview_phone[i] : NULL;
        if (!q || q->r <= 0) continue;
        double pw = sh->overview_phone_w, ph = sh->overview_phone_h;
        e = hc_tv_map(a);
        hc_tv_set(a, e, "p", card);
        hc_tv_set(a, e, "cx", hc_tv_str(a, hc_arena_printf(a, "%.3f", 100.0 * q->x / pw)));
        hc_tv_set(a, e, "cy", hc_tv_str(a, hc_arena_printf(a, "%.3f", 100.0 * q->y / ph)));
        hc_tv_set(a, e, "size", hc_tv_str(a, hc_arena_printf(a, "%.3f", 100.0 * 2 * q->r / pw)));
        if (q->lw > 0) {
            hc_tv *lb = hc_tv_map(a);
            hc_tv_set(a, lb, "left", hc_tv_str(a, hc_arena_printf(a, "%.3f", 100.0 * q->lx / pw)));
            hc_tv_set(a, lb, "top", hc_tv_str(a, hc_arena_printf(a, "%.3f", 100.0 * q->ly / ph)));
            hc_tv_set(a, lb, "width", hc_tv_str(a, hc_arena_printf(a, "%.3f", 100.0 * q->lw / pw)));
            hc_tv_set(a, lb, "height", hc_tv_str(a, hc_arena_printf(a, "%.3f", 100.0 * q->lh / ph)));
            hc_tv_set(a, e, "label", lb);
        }
        hc_tv_push(a, pmarkers, e);
    }
    hc_tv_set(a, c, "phone_markers", pmarkers);
    if (sh->overview_phone) {
        hc_tv *ov = hc_tv_map(a);
        set_phone_map(a, ov, "map/", "overview", sh->overview_phone_w, sh->overview_phone_h);
        hc_tv_set(a, c, "overview", ov);
    }
    hc_tv_set_num(a, c, "width2x", 2 * w);
    hc_tv_set_num(a, c, "height2x", 2 * h);
    hc_tv_set(a, c, "markers", markers);
    hc_tv_set(a, c, "units", units);
    hc_tv_set_num(a, c, "width", w);
    hc_tv_set_num(a, c, "height", h);
    return c;
}

/* board/: townships × domains, each unit a coloured cell, counts per colour. */
static hc_tv *board_page(const hc_shared *sh, hc_arena *a, hc_tv *c)
{
    const hc_model *m = sh->m;
    const hc_standards *s = &m->std;
    hc_tv *heads = hc_tv_list(a), *rows = hc_tv_list(a), *totals = hc_tv_list(a);
    size_t *total = hc_xcalloc(s->nstatuses + 1, sizeof *total);
    for (size_t dm = 0; dm < s->ndomains; dm++) hc_tv_push(a, heads, hc_ctx_term_link(a, m, HC_TAX_DOMAIN, dm));
    const hc_taxonomy *tw = &m->tax[HC_TAX_TOWNSHIP];
    for (size_t t = 0; t < tw->nterms; t++) {
        const hc_term *term = &tw->terms[t];
        if (!term->nprojects) continue;
        hc_tv *r = hc_ctx_term_link(a, m, HC_TAX_TOWNSHIP, t), *cells = hc_tv_list(a);
        size_t *cnt = hc_xcalloc(s->nstatuses + 1, sizeof *cnt);
        for (size_t dm = 0; dm < s->ndomains; dm++) {
            hc_tv *cell = hc_tv_map(a), *us = hc_tv_list(a);
            for (size_t k = 0; k < term->nprojects; k++) {
                const hc_project *p = &m->projects[term->projects[k]];
                if (p->domain != dm) continue;
                hc_tv_push(a, us, hc_card_unit(sh, a, term->projects[k]));
                cnt[p->status != HC_NONE ? p->status : s->nstatuses]++;
            }
            hc_tv_set(a, cell, "units", us);
            hc_tv_set(a, cell, "domain", hc_tv_str_ref(a, s->domains[dm].name));
            hc_tv_push(a, cells, cell);
        }
        hc_tv *counts = hc_tv_list(a);
        for (size_t k = 0; k < s->nstatuses; k++) {
            hc_tv *e = hc_ctx_status(a, m, k);
            hc_tv_set_num(a, e, "count", (double)cnt[k]);
            hc_tv_push(a, counts, e);
        }
        hc_tv_set(a, r, "cells", cells);
        hc_tv_set(a, r, "counts", counts);
        hc_tv_push(a, rows, r);
        free(cnt);
    }
    for (size_t i = 0; i < m->nprojects; i++)
        total[m->projects[i].status != HC_NONE ? m->projects[i].status : s->nstatuses]++;
    for (size_t k = 0; k < s->nstatuses; k++) {
        hc_tv *e = hc_ctx_status(a, m, k);
        hc_tv_set_num(a, e, "count", (double)total[k]);
        hc_tv_push(a, totals, e);
    }
    free(total);
    hc_tv_set(a, c, "domains", heads);
    hc_tv_set(a, c, "rows", rows);
    hc_tv_set(a, c, "totals", totals);
    hc_tv_set_bool(a, c, "maps", m->config.maps_enabled);
    return c;
}

/* projects/ and cases/: every item, paginated. */
static hc_tv *all_listing(const hc_shared *sh, const hc_job *j, hc_arena *a, hc_buf *dir, size_t total,
                          const char *key, const char *title, const char *heading, path_fn path_of,
                          hc_tv *(*card)(const hc_shared *, hc_arena *, size_t))
{
    size_t from, to;
    path_of(sh, j, j->page_no, dir);
    hc_tv *c = base(sh, a, hc_buf_cstr(dir), title, NULL), *l = hc_tv_list(a);
    page_range(sh, j, total, &from, &to);
    for (size_t i = from; i < to; i++) hc_tv_push(a, l, card(sh, a, i));
    hc_tv_set(a, c, key, l);
    hc_tv_set(a, c, "term", hc_tv_str_ref(a, heading));
    hc_tv_set_num(a, c, !strcmp(key, "projects") ? "project_count" : "case_count", (double)total);
    hc_tv_set(a, c, "pager", pager(sh, j, a, total, path_of));
    return c;
}

const char *hc_page_values(const hc_shared *sh, const hc_job *j, hc_arena *a, hc_buf *dir, hc_tv **ctx)
{
    const hc_model *m = sh->m;
    hc_tv *c;
    switch (j->kind) {
    case HC_JOB_HOME:
        *ctx = home(sh, a, base(sh, a, "", NULL, NULL));
        return "home";
    case HC_JOB_404:
        c = base(sh, a, "", "页面未找到", NULL);
        /* served at any depth, by any server: the css inline, links from the
         * server's root (base_url's path, "/" without one); no section current */
        hc_tv_set(a, c, "root", hc_tv_str_ref(a, root_path(a, m->config.base_url)));
        hc_tv_set(a, c, "nav", sh->navs[sh->nnav]);
        if (sh->css_text) hc_tv_set(a, c, "inline_css", hc_tv_str_ref(a, sh->css_text));
        *ctx = c;
        return "404";
    case HC_JOB_STANDARDS:
        hc_buf_puts(dir, "standards/");
        *ctx = standards_page(sh, a, base(sh, a, hc_buf_cstr(dir), "十个一 创建标准", NULL));
        return "standards";
    case HC_JOB_SUPERVISION:
        hc_buf_puts(dir, "supervision/");
        c = base(sh, a, hc_buf_cstr(dir), "挂牌督战", NULL);
        hc_campaign_supervision(sh, a, c);
        *ctx = c;
        return "supervision";
    case HC_JOB_SCHEDULE:
        hc_buf_puts(dir, "schedule/");
        c = base(sh, a, hc_buf_cstr(dir), "挂号比战", NULL);
        hc_campaign_schedule(sh, a, c);
        *ctx = c;
        return "schedule";
    case HC_JOB_MAP:
        hc_buf_puts(dir, "map/");
        *ctx = map_page(sh, a, base(sh, a, hc_buf_cstr(dir), "示范地图", NULL));
        return "map";
    case HC_JOB_BOARD:
        hc_buf_puts(dir, "board/");
        *ctx = board_page(sh, a, base(sh, a, hc_buf_cstr(dir), "挂图作战", NULL));
        return "board";
    case HC_JOB_SEARCH:   /* the entries are in search/index.js (search.c) */
        hc_buf_puts(dir, "search/");
        *ctx = base(sh, a, hc_buf_cstr(dir), "搜索", NULL);
        return "search";
    case HC_JOB_PROJECT:
        hc_path_project(dir, &m->projects[j->a]);
        *ctx = project(sh, a, base(sh, a, hc_buf_cstr(dir), m->projects[j->a].name, m->projects[j->a].summary), j->a);
        return "project";
    case HC_JOB_CASE:
        hc_path_case(dir, &m->cases[j->a]);
        *ctx = case_page(sh, a, base(sh, a, hc_buf_cstr(dir), m->cases[j->a].title, m->cases[j->a].summary), j->a);
        return "case";
    case HC_JOB_PAGE:
        hc_path_page(dir, &m->pages[j->a]);
        c = base(sh, a, hc_buf_cstr(dir), m->pages[j->a].title, m->pages[j->a].summary);
        hc_tv_set(a, c, "body", body_html(sh, a, &m->pages[j->a], c));
        *ctx = c;
        return "page";
    case HC_JOB_PROJECTS:
        *ctx = all_listing(sh, j, a, dir, m->nprojects, "projects", "示范项目", "全部示范项目", projects_path,
                           hc_card_project);
        return "list";
    case HC_JOB_CASES:
        *ctx = all_listing(sh, j, a, dir, m->ncases, "cases", "案例", "全部案例", cases_path, hc_card_case);
        return "list";
    case HC_JOB_TAXONOMY:
        hc_path_taxonomy(dir, &m->tax[j->a]);
        *ctx = taxonomy_page(sh, j, a, base(sh, a, hc_buf_cstr(dir), m->tax[j->a].title, NULL));
        return "taxonomy";
    case HC_JOB_TERM: {
        const hc_taxonomy *tx = &m->tax[j->a];
        term_path(sh, j, j->page_no, dir);
        const char *title = hc_arena_printf(a, "%s：%s", tx->title, tx->terms[j->b].name);
        *ctx = term_page(sh, j, a, base(sh, a, hc_buf_cstr(dir), title, NULL));
        return "list";
    }
    }
    return NULL;
}
