/* render.c — runs the page jobs on worker threads and writes the files. */
#include "pages.h"
#include "contract.h"
#include "../maps/maps.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include "../../load/mdmem.h"
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef struct {
    const hc_shared *sh;
    const hc_job *jobs;
    size_t njobs;
    pthread_mutex_t take;     /* guards lo, hi and next_worker */
    size_t lo, hi;            /* jobs [lo, hi) are still to do */
    int next_worker;
    atomic_size_t written;
    pthread_mutex_t mu;       /* guards the time sums */
    pthread_mutex_t heavy;    /* one page listing every unit at a time, to bound memory */
    double render_s, write_s;
    const char *out_dir;
    hc_diags *d;
    char **dirs;              /* per job: the folder it was written to (sitemap), NULL: none */
} work;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void run_page(work *w, const hc_job *j, hc_arena *a, hc_buf *dir, hc_buf *html, hc_buf *path, double *t_render,
                     double *t_write);

/* Pages that list every unit are large at scale: one at a time. */
static void run_job(work *w, const hc_job *j, hc_arena *a, hc_buf *dir, hc_buf *html, hc_buf *path, double *t_render,
                    double *t_write)
{
    int heavy = j->kind == HC_JOB_STANDARDS || j->kind == HC_JOB_SCHEDULE || j->kind == HC_JOB_SUPERVISION ||
                j->kind == HC_JOB_MAP || j->kind == HC_JOB_BOARD;
    if (heavy) pthread_mutex_lock(&w->heavy);
    run_page(w, j, a, dir, html, path, t_render, t_write);
    if (heavy) pthread_mutex_unlock(&w->heavy);
}

static void run_page(work *w, const hc_job *j, hc_arena *a, hc_buf *dir, hc_buf *html, hc_buf *path, double *t_render,
                     double *t_write)
{
    double t0 = now_s();
    hc_tv *ctx = NULL;
    hc_buf_reset(dir);
    hc_buf_reset(html);
    hc_buf_reset(path);
    const char *tmpl = hc_page_values(w->sh, j, a, dir, &ctx);
    if (ctx) hc_meta_values(w->sh, j, a, hc_buf_cstr(dir), ctx);
    hc_contract_dump_values(w->sh->dump, ctx, tmpl);
    int rr = hc_mustache_render(w->sh->tmpl, tmpl, ctx, html);
    if (rr == HC_MUSTACHE_TOO_BIG) {   /* the engine's budget: see mustache.h */
        hc_error(w->d, "template", "site.yaml", 0, 0,
                 "page %s: template %s.mustache of theme '%s' renders more than %zu MB or %zu million tags; "
                 "does a partial include itself inside a section, twice?",
                 dir->len ? hc_buf_cstr(dir) : "(home)", tmpl, w->sh->m->config.theme, HC_MUSTACHE_MAX_OUTPUT >> 20,
                 HC_MUSTACHE_MAX_STEPS / 1000000);
        return;
    }
    if (rr != 0) {
        hc_error(w->d, "template", "site.yaml", 0, 0, "theme '%s' has no template %s.mustache (in layouts/)",
                 w->sh->m->config.theme, tmpl);
        return;
    }
    double t1 = now_s();
    *t_render += t1 - t0;
    if (j->kind == HC_JOB_404) {
        hc_buf_printf(path, "%s/404.html", w->out_dir);
    } else {
        /* every page has a folder of its own: make it first, saving the
         * failed open that hc_fs_write would otherwise begin with */
        hc_buf_printf(path, "%s/%s", w->out_dir, hc_buf_cstr(dir));
        if (dir->len) mkdir(hc_buf_cstr(path), 0755);
        hc_buf_puts(path, "index.html");
    }
    if (hc_fs_write(hc_buf_cstr(path), hc_buf_cstr(html), html->len) != 0) {
        hc_error(w->d, "write", hc_buf_cstr(path), 0, 0, "cannot write: %s", strerror(errno));
        return;
    }
    atomic_fetch_add(&w->written, 1);
    if (j->kind != HC_JOB_404) w->dirs[j - w->jobs] = hc_xstrdup(hc_buf_cstr(dir));   /* one writer per job */
    *t_write += now_s() - t1;
}

/* The next job for a worker: even workers take from the front of the list,
 * odd ones from the back. Jobs come grouped by folder (all case studies,
 * then all units, …), so two workers seldom create folders in the same
 * parent at the same time, where the kernel would make one wait for the
 * other. Returns 0 when no job is left. */
static int take_job(work *w, int from_back, size_t *i)
{
    pthread_mutex_lock(&w->take);
    int got = w->lo < w->hi && !hc_fs_write_failure(NULL);   /* a full disk: stop at the first failed write */
    if (got) *i = from_back ? --w->hi : w->lo++;
    pthread_mutex_unlock(&w->take);
    return got;
}

static void *worker(void *arg)
{
    work *w = arg;
    hc_arena a = HC_ARENA_INIT;
    hc_buf dir = HC_BUF_INIT, html = HC_BUF_INIT, path = HC_BUF_INIT;
    double t_render = 0, t_write = 0;
    pthread_mutex_lock(&w->take);
    int from_back = w->next_worker++ % 2;
    pthread_mutex_unlock(&w->take);
    size_t i;
    while (take_job(w, from_back, &i)) {
        run_job(w, &w->jobs[i], &a, &dir, &html, &path, &t_render, &t_write);
        hc_arena_reset(&a);
    }
    pthread_mutex_lock(&w->mu);
    w->render_s += t_render;
    w->write_s += t_write;
    pthread_mutex_unlock(&w->mu);
    hc_arena_free(&a);
    hc_md_mem_release();   /* the Markdown bodies' region (hc_doc_body_html) */
    hc_buf_free(&dir);
    hc_buf_free(&html);
    hc_buf_free(&path);
    return NULL;
}

/* What every page of a render shares, before the templates are loaded:
 * freed by the caller (sh->tmpl, sh->arena, the overview positions). */
static void shared_init(hc_shared *sh, const hc_model *m, const hc_render_opts *o, hc_diags *d)
{
    memset(sh, 0, sizeof *sh);
    sh->m = m;
    sh->d = d;
    sh->images = o->images;
    sh->pdf_bytes[0] = o->pdf_bytes[0];
    sh->pdf_bytes[1] = o->pdf_bytes[1];
    sh->arena.block_size = 1 << 20;
    sh->tmpl = hc_mustache_set_new();
}

int hc_render_site(const hc_model *m, const hc_render_opts *o, hc_diags *d, hc_render_stats *st)
{
    int rc = -1;
    size_t before = hc_diags_errors(d);
    hc_shared sh;
    shared_init(&sh, m, o, d);
    hc_job *jobs = NULL;
    size_t njobs = 0;
    pthread_t *threads = NULL;
    char **dirs = NULL;
    hc_date_format(m->today, sh.build_date);

    if (hc_templates_load(m, sh.tmpl, d) != 0) goto out;
    sh.search = hc_mustache_set_has(sh.tmpl, "search");   /* a theme made before search has none */
    if (hc_static_copy(m, &sh, o->out_dir, d, &st->files) != 0) goto out;
    if (m->config.maps_enabled) {
        hc_map_overview_positions(m, (int)m->config.map_width, (int)m->config.map_height, &sh.overview);
        hc_map_overview_phone_positions(m, &sh.overview_phone, &sh.overview_phone_w, &sh.overview_phone_h);
    }
    hc_shared_build(&sh);
    sh.dump = hc_contract_dump_open(d);
    hc_pages_plan(&sh, &jobs, &njobs);

    work w = { .sh = &sh, .jobs = jobs, .njobs = njobs, .lo = 0, .hi = njobs, .out_dir = o->out_dir, .d = d };
    dirs = w.dirs = hc_xcalloc(njobs ? njobs : 1, sizeof *w.dirs);
    pthread_mutex_init(&w.take, NULL);
    atomic_init(&w.written, 0);
    pthread_mutex_init(&w.mu, NULL);
    pthread_mutex_init(&w.heavy, NULL);
    int nthreads = o->jobs > 0 ? o->jobs : 1;
    if ((size_t)nthreads > njobs) nthreads = njobs ? (int)njobs : 1;
    threads = hc_xcalloc((size_t)nthreads, sizeof *threads);
    int started = 0;
    for (int i = 1; i < nthreads; i++)
        if (pthread_create(&threads[i], NULL, worker, &w) == 0) started = i;
        else break;
    worker(&w);  /* the main thread works too */
    for (int i = 1; i <= started; i++) pthread_join(threads[i], NULL);
    st->pages = atomic_load(&w.written);
    st->render_s = w.render_s;
    st->write_s = w.write_s;
    pthread_mutex_destroy(&w.mu);
    pthread_mutex_destroy(&w.take);
    pthread_mutex_destroy(&w.heavy);
    st->files += st->pages;
    if (hc_diags_errors(d) > before) goto out;
    if (hc_feeds_write(&sh, jobs, dirs, njobs, o->out_dir, d, &st->files) != 0) goto out;
    if (sh.search && hc_search_write(&sh, o->out_dir, o->jobs, d, &st->files) != 0) goto out;
    rc = hc_diags_errors(d) > before ? -1 : 0;
out:
    for (size_t i = 0; dirs && i < njobs; i++) free(dirs[i]);
    free(dirs);
    free(threads);
    free(jobs);
    free(sh.overview);
    free(sh.overview_phone);
    hc_contract_dump_close(sh.dump);
    hc_mustache_set_free(sh.tmpl);
    hc_arena_free(&sh.arena);
    return rc;
}

/* The jobs of case c's page and, with listings, of the pages that show it:
 * the home page, its page of the case list, its projects' pages and its
 * terms' pages (each at the page of the listing that holds it). */
static size_t case_jobs(const hc_model *m, size_t c, int listings, hc_job **jobs)
{
    size_t n = 0, cap = 0, s = m->config.page_size > 0 ? (size_t)m->config.page_size : 10;
    const hc_doc *doc = &m->cases[c];
    *jobs = hc_xgrow(NULL, &cap, 4, sizeof **jobs);
    (*jobs)[n++] = (hc_job){ HC_JOB_CASE, c, 0, 1 };
    if (!listings) return n;
    (*jobs)[n++] = (hc_job){ HC_JOB_HOME, 0, 0, 1 };
    (*jobs)[n++] = (hc_job){ HC_JOB_CASES, 0, 0, c / s + 1 };
    for (size_t i = 0; i < doc->nprojects; i++) {
        if (doc->projects[i] == HC_NONE) continue;
        *jobs = hc_xgrow(*jobs, &cap, n + 1, sizeof **jobs);
        (*jobs)[n++] = (hc_job){ HC_JOB_PROJECT, doc->projects[i], 0, 1 };
    }
    for (int t = 0; t < HC_TAX_COUNT; t++) {
        if (t == HC_TAX_GRADE && !m->std.ngrades) continue;   /* as hc_pages_plan */
        const hc_taxonomy *tx = &m->tax[t];
        for (size_t i = 0; i < tx->nterms; i++)
            for (size_t k = 0; k < tx->terms[i].ncases; k++)
                if (tx->terms[i].cases[k] == c) {
                    *jobs = hc_xgrow(*jobs, &cap, n + 1, sizeof **jobs);
                    (*jobs)[n++] = (hc_job){ HC_JOB_TERM, (size_t)t, i, (tx->terms[i].nprojects + k) / s + 1 };
                }
    }
    return n;
}

/* The files beside the pages that hold case c: feed.xml when c is among its
 * entries, the search text piece that holds it. 0, or -1. */
static int case_files(const hc_shared *sh, size_t c, hc_render_emit emit, void *ctx_emit, hc_diags *d)
{
    int rc = 0;
    hc_buf path = HC_BUF_INIT, b = HC_BUF_INIT;
    if (c < HC_FEED_ENTRIES) {
        hc_feed_atom(sh, &b);
        rc = emit(ctx_emit, "feed.xml", &b);
    }
    hc_buf_reset(&b);
    if (rc == 0 && sh->search)
        rc = hc_search_text_piece(sh->m, sh->m->nprojects + c, &path, &b, d) != 0 ? -1
                                                                                  : emit(ctx_emit, hc_buf_cstr(&path), &b);
    hc_buf_free(&path);
    hc_buf_free(&b);
    return rc;
}

/* Sets up sh as hc_render_site does, less the site's assets (the theme's
 * static files into o->out_dir). 0, or -1 with errors in d. */
static int quick_setup(hc_shared *sh, const hc_model *m, const hc_render_opts *o, hc_diags *d)
{
    size_t files = 0;
    shared_init(sh, m, o, d);
    hc_date_format(m->today, sh->build_date);
    if (hc_templates_load(m, sh->tmpl, d) != 0) return -1;
    sh->search = hc_mustache_set_has(sh->tmpl, "search");
    if (hc_static_theme_copy(m, sh, o->out_dir, d, &files) != 0) return -1;
    if (m->config.maps_enabled) {
        hc_map_overview_positions(m, (int)m->config.map_width, (int)m->config.map_height, &sh->overview);
        hc_map_overview_phone_positions(m, &sh->overview_phone, &sh->overview_phone_w, &sh->overview_phone_h);
    }
    hc_shared_build(sh);
    return 0;
}

static void quick_free(hc_shared *sh)
{
    hc_md_mem_release();
    free(sh->overview);
    free(sh->overview_phone);
    hc_mustache_set_free(sh->tmpl);
    hc_arena_free(&sh->arena);
}

/* Renders jobs (none of them the 404 page) and hands each page to emit. 0, or -1. */
static int emit_jobs(const hc_shared *sh, const hc_job *jobs, size_t njobs, hc_render_emit emit, void *ctx_emit,
                     hc_diags *d)
{
    int rc = -1;
    size_t before = hc_diags_errors(d);
    hc_arena a = HC_ARENA_INIT;
    hc_buf dir = HC_BUF_INIT, html = HC_BUF_INIT;
    for (size_t i = 0; i < njobs; i++) {
        hc_tv *ctx = NULL;
        hc_arena_reset(&a);
        hc_buf_reset(&dir);
        hc_buf_reset(&html);
        const char *tmpl = hc_page_values(sh, &jobs[i], &a, &dir, &ctx);
        if (ctx) hc_meta_values(sh, &jobs[i], &a, hc_buf_cstr(&dir), ctx);
        if (hc_diags_errors(d) > before || hc_mustache_render(sh->tmpl, tmpl, ctx, &html) != 0) goto out;
        hc_buf_puts(&dir, "index.html");
        if (emit(ctx_emit, hc_buf_cstr(&dir), &html) != 0) goto out;
    }
    rc = hc_diags_errors(d) > before ? -1 : 0;
out:
    hc_buf_free(&dir);
    hc_buf_free(&html);
    hc_arena_free(&a);
    return rc;
}

int hc_render_case_pages(const hc_model *m, const hc_render_opts *o, size_t c, int listings, hc_render_emit emit,
                         void *ctx_emit, hc_diags *d)
{
    int rc = -1;
    hc_shared sh;
    hc_job *jobs = NULL;
    size_t njobs = case_jobs(m, c, listings, &jobs);
    if (quick_setup(&sh, m, o, d) != 0) goto out;
    if (emit_jobs(&sh, jobs, njobs, emit, ctx_emit, d) != 0) goto out;
    if (listings && case_files(&sh, c, emit, ctx_emit, d) != 0) goto out;
    rc = 0;
out:
    free(jobs);
    quick_free(&sh);
    return rc;
}

/* The template each kind of job renders with (NULL: none planned), found by
 * building the values of the first job of each kind. */
static void kind_templates(const hc_shared *sh, const hc_job *jobs, size_t njobs, const char **tmpl)
{
    hc_arena a = HC_ARENA_INIT;
    hc_buf dir = HC_BUF_INIT;
    for (size_t i = 0; i < njobs; i++) {
        if (tmpl[jobs[i].kind]) continue;
        hc_tv *ctx = NULL;
        hc_arena_reset(&a);
        hc_buf_reset(&dir);
        tmpl[jobs[i].kind] = hc_page_values(sh, &jobs[i], &a, &dir, &ctx);
    }
    hc_buf_free(&dir);
    hc_arena_free(&a);
}

/* The template pages on o->jobs threads: each takes TAKE jobs at a time,
 * and hands its pages to emit one at a time. */
#define TAKE 64
typedef struct {
    const hc_shared *sh;
    const hc_job *jobs;
    size_t njobs, next;
    int failed;
    pthread_mutex_t mu;
    hc_render_emit emit;
    void *ctx;
    hc_diags *d;
} tpages;

static int tpages_emit(void *ctx, const char *path, const hc_buf *bytes)
{
    tpages *t = ctx;
    pthread_mutex_lock(&t->mu);
    int rc = t->emit(t->ctx, path, bytes);
    pthread_mutex_unlock(&t->mu);
    return rc;
}

static void *tpages_worker(void *arg)
{
    tpages *t = arg;
    for (;;) {
        pthread_mutex_lock(&t->mu);
        size_t i = t->next;
        int stop = t->failed || i >= t->njobs;
        t->next += TAKE;
        pthread_mutex_unlock(&t->mu);
        if (stop) break;
        size_t n = t->njobs - i < TAKE ? t->njobs - i : TAKE;
        if (emit_jobs(t->sh, t->jobs + i, n, tpages_emit, t, t->d) != 0) {
            pthread_mutex_lock(&t->mu);
            t->failed = 1;
            pthread_mutex_unlock(&t->mu);
        }
    }
    hc_md_mem_release();   /* this thread's Markdown region */
    return NULL;
}

static int emit_jobs_threads(const hc_shared *sh, const hc_job *jobs, size_t njobs, int nthreads,
                             hc_render_emit emit, void *ctx, hc_diags *d)
{
    tpages t = { .sh = sh, .jobs = jobs, .njobs = njobs, .emit = emit, .ctx = ctx, .d = d };
    pthread_t th[16];
    int started = 0;
    pthread_mutex_init(&t.mu, NULL);
    for (int i = 1; i < (nthreads > 16 ? 16 : nthreads); i++)
        if (pthread_create(&th[started], NULL, tpages_worker, &t) == 0) started++;
    tpages_worker(&t);
    for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
    pthread_mutex_destroy(&t.mu);
    return t.failed ? -1 : 0;
}

int hc_render_template_pages(const hc_model *m, const hc_render_opts *o, const char *name, hc_render_emit emit,
                             void *ctx_emit, size_t *pages, hc_diags *d)
{
    int rc = -1;
    hc_shared sh;
    hc_job *jobs = NULL;
    size_t njobs = 0, k = 0;
    const char *tmpl[HC_JOB_SEARCH + 1] = { 0 };
    *pages = 0;
    if (quick_setup(&sh, m, o, d) != 0) goto out;
    if (!hc_mustache_set_has(sh.tmpl, name) || hc_mustache_set_refers(sh.tmpl, name)) {
        rc = 1;   /* included by others, or by nothing known: no clean set of pages */
        goto out;
    }
    hc_pages_plan(&sh, &jobs, &njobs);
    kind_templates(&sh, jobs, njobs, tmpl);
    if (tmpl[HC_JOB_404] && !strcmp(tmpl[HC_JOB_404], name)) {
        rc = 1;   /* 404.html is no folder's page: left to the full build */
        goto out;
    }
    for (size_t i = 0; i < njobs; i++)
        if (tmpl[jobs[i].kind] && !strcmp(tmpl[jobs[i].kind], name)) jobs[k++] = jobs[i];
    if (!k) {
        rc = 1;
        goto out;
    }
    rc = emit_jobs_threads(&sh, jobs, k, o->jobs, emit, ctx_emit, d) != 0 ? -1 : 0;
    if (rc == 0) *pages = k;
out:
    free(jobs);
    quick_free(&sh);
    return rc;
}
