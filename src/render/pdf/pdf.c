/* pdf.c — hc_pdf_render: prepares what every document shares, then lays out
 * and draws the albums on worker threads.
 *
 *   1. (main)     options, fonts, theme, case bodies as blocks;
 *   2. (parallel) route maps for every unit with nodes (hc_map_route_print_png);
 *   3. (parallel) pagination: layout passes until page numbers are stable;
 *                 photos are asked of the image stage here, at their placed size,
 *                 one at a time (photo.c);
 *   4. (parallel) drawing: one cairo render per document → two editions (qpdf);
 *                 the district album's editions while the other workers wait;
 *   5. (parallel) the node signs (signs.h), unit by unit: its route map, a
 *                 sign per node, the map freed;
 *   6. (main)     album.html, written as it is rendered.
 * Each worker has its own pango context; the model and the shared data are
 * only read while workers run.
 */
#include "pdf_int.h"
#include "pdfx.h"
#include "signs.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include "../../base/tree.h"
#include "../../load/load.h"
#include "../../load/mdmem.h"
#include "../maps/maps.h"
#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- progress on stderr, once rendering has taken a second ---- */

struct pdf_progress {
    pthread_mutex_t mu;
    size_t done, total;
    double t0, last;
    int quiet, shown, tty;
};

void pdf_progress_page(pdf_progress *pr)
{
    pthread_mutex_lock(&pr->mu);
    if (pr->done < pr->total) pr->done++;   /* a document drawn twice does not count twice */
    double t = now_s();
    if (!pr->quiet && t - pr->t0 > 1.0 && (t - pr->last > (pr->tty ? 0.2 : 1.0) || pr->done == pr->total)) {
        fprintf(stderr, pr->tty ? "\rhuace: album %zu/%zu pages" : "huace: album %zu/%zu pages\n", pr->done, pr->total);
        pr->last = t;
        pr->shown = 1;
    }
    pthread_mutex_unlock(&pr->mu);
}

/* ---- workers ---- */

typedef struct {
    PangoFontMap *fm;
    PangoContext *pc;
} worker;

typedef struct job {
    pdf_doc_kind kind;
    size_t unit;
    int npages;
    pdf_anchors anchors;
    char *screen_path, *press_path;   /* site paths */
} job;

typedef struct {
    pdf_env *env;
    struct pdf_pdfx *pdfx;    /* PDF/X press editions, or NULL */
    job *jobs;
    size_t njobs;
    pdf_progress progress;
    pthread_mutex_t mu;
    size_t next, nitems;      /* parallel(): the next item, and how many */
    /* alone(): one worker's step that runs while the others wait between
     * items (the district album's editions: see do_draw) */
    pthread_cond_t cv;
    int threaded;             /* parallel() runs items on threads */
    int busy;                 /* workers inside an item */
    int alone;                /* a worker waits for, or runs, its step alone */
    void (*fn)(void *ctx, size_t i, worker *w);
    pdf_signs *signs;         /* phase 5, or NULL */
    int signs_failed;         /* phase 5: a unit's signs failed */
    worker *workers;
    size_t files, album_pages;
} run;

typedef struct { run *r; worker *w; } slot;

static void *thread_main(void *arg)
{
    slot *s = arg;
    run *r = s->r;
    for (;;) {
        pthread_mutex_lock(&r->mu);
        while (r->alone) pthread_cond_wait(&r->cv, &r->mu);
        size_t i = r->next++;
        if (i < r->nitems) r->busy++;
        pthread_mutex_unlock(&r->mu);
        if (i >= r->nitems) break;
        r->fn(r, i, s->w);
        pthread_mutex_lock(&r->mu);
        r->busy--;
        pthread_cond_broadcast(&r->cv);
        pthread_mutex_unlock(&r->mu);
    }
    return NULL;
}

/* Called by a worker inside an item: waits until every other worker has
 * finished its item (they take no new one meanwhile), so that what follows
 * until alone_end runs with only this worker's memory in use. Only one
 * worker at a time may call it. No-op when items run on one thread. */
static void alone_begin(run *r)
{
    if (!r->threaded) return;
    pthread_mutex_lock(&r->mu);
    r->alone = 1;
    while (r->busy > 1) pthread_cond_wait(&r->cv, &r->mu);
    pthread_mutex_unlock(&r->mu);
}

static void alone_end(run *r)
{
    if (!r->threaded) return;
    pthread_mutex_lock(&r->mu);
    r->alone = 0;
    pthread_cond_broadcast(&r->cv);
    pthread_mutex_unlock(&r->mu);
}

/* Runs fn(r, i, worker) for i < n on up to nthreads threads. */
static void parallel(run *r, size_t n, int nthreads, void (*fn)(void *, size_t, worker *))
{
    r->next = 0;
    r->nitems = n;
    r->fn = fn;
    r->busy = 0;
    r->threaded = 0;
    if (nthreads > (int)n) nthreads = (int)n;
    if (nthreads <= 1) {
        for (size_t i = 0; i < n; i++) fn(r, i, &r->workers[0]);
        return;
    }
    r->threaded = 1;
    pthread_t *t = hc_xcalloc((size_t)nthreads, sizeof *t);
    slot *s = hc_xcalloc((size_t)nthreads, sizeof *s);
    int started = 0;
    for (int k = 0; k < nthreads; k++) {
        s[k].r = r;
        s[k].w = &r->workers[k];
        if (pthread_create(&t[k], NULL, thread_main, &s[k]) == 0) started++;
        else break;
    }
    if (started == 0) thread_main(&s[0]);   /* no threads to be had: do it here */
    for (int k = 0; k < started; k++) pthread_join(t[k], NULL);
    r->threaded = 0;
    free(t);
    free(s);
}

/* ---- phase 2: route maps ---- */

static void do_map(void *ctx, size_t i, worker *w)
{
    (void)w;
    run *r = ctx;
    pdf_env *env = r->env;
    const hc_project *p = &env->m->projects[i];
    if (p->nnodes == 0) return;
    double mw, mh;
    pdf_route_size_mm(&env->geom, &mw, &mh);
    hc_buf png = HC_BUF_INIT;
    if (hc_map_route_print_png_cached(env->m, i, mw, mh, 300, env->opts->maps_cache_dir, &png, env->d) == 0 && png.len) {
        const char *why = NULL;
        hc_buf name = HC_BUF_INIT;
        hc_buf_printf(&name, "route map of %s", p->id);
        env->route[i] = pdf_image_load(hc_buf_cstr(&name), (const unsigned char *)png.data, png.len, &why);
        if (!env->route[i])
            hc_error(env->d, "pdf", p->path, p->loc.line, p->loc.col, "the route map of %s is not usable: %s", p->id, why);
        pdf_image_spill(env->route[i], &env->spill);
        hc_buf_free(&name);
    }
    hc_buf_free(&png);
}

/* ---- phase 3: pagination ---- */

static void pdoc_init(pdf_doc *p, pdf_env *env, worker *w, const job *j)
{
    memset(p, 0, sizeof *p);
    p->m = env->m;
    p->env = env;
    p->pc = w->pc;
    p->kind = j->kind;
    p->unit = j->unit;
}

static void do_paginate(void *ctx, size_t i, worker *w)
{
    run *r = ctx;
    job *j = &r->jobs[i];
    pdf_doc p;
    pdoc_init(&p, r->env, w, j);
    p.prefetch = 1;   /* the photos' print renditions now, not while documents are drawn */
    pdf_album_pass(&p, j->kind, j->unit);   /* page references unknown: "00" */
    j->npages = p.page;
    j->anchors = p.cur;
    pdf_doc_images_free(&p);
    pdf_case_blocks_free(&p);
}

/* ---- phase 4: drawing and the two editions ---- */

static void out_path(const pdf_env *env, const char *site_path, const char *suffix, hc_buf *path)
{
    hc_buf_reset(path);
    hc_buf_printf(path, "%s/%s%s", env->opts->out_dir, site_path, suffix);
}

/* One drawing pass into the file raw_path; p is left with the anchors it
 * found and the images it used. cairo writes each page's content to the file
 * when the page ends, so no drawn page stays in memory. Returns the cairo
 * status. */
/* cairo's output file, written by us so that a full disk is seen as one:
 * err is the errno of the first failed write (0: none). */
typedef struct { int fd, err; } raw_sink;

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int len)
{
    raw_sink *s = closure;
    while (len && !s->err) {
        ssize_t n = write(s->fd, data, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            s->err = n < 0 ? errno : ENOSPC;
            break;
        }
        data += n;
        len -= (unsigned int)n;
    }
    return s->err ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/* Draws the document into raw_path; *werr is the errno of a failed write. */
static cairo_status_t draw_once(run *r, job *j, worker *w, pdf_doc *p, const char *raw_path, int *werr)
{
    pdf_env *env = r->env;
    pdoc_init(p, env, w, j);
    pdf_anchors_copy(&p->prev, &j->anchors);
    p->warn_images = j->kind == PDF_DOC_ALBUM;
    p->progress = &r->progress;
    raw_sink sink = { open(raw_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644), 0 };
    if (sink.fd < 0) sink.err = errno;
    p->surface = cairo_pdf_surface_create_for_stream(sink_write, &sink, env->geom.media_w, env->geom.media_h);
    cairo_pdf_surface_restrict_to_version(p->surface, CAIRO_PDF_VERSION_1_5);
    p->cr = cairo_create(p->surface);
    pdf_album_metadata(p, j->kind, j->unit);
    pdf_album_pass(p, j->kind, j->unit);
    cairo_destroy(p->cr);
    p->cr = NULL;
    cairo_surface_finish(p->surface);
    cairo_status_t st = cairo_surface_status(p->surface);
    cairo_surface_destroy(p->surface);
    p->surface = NULL;
    if (sink.fd >= 0 && close(sink.fd) != 0 && !sink.err) sink.err = errno;
    *werr = sink.err;
    if (sink.err && st == CAIRO_STATUS_SUCCESS) st = CAIRO_STATUS_WRITE_ERROR;
    return st;
}

/* Is msg (a library's error text) about a full or failing disk? Then it is
 * noted as the first failed write, which the build reports once. */
static int disk_failure_in(const char *msg, const char *path)
{
    static const int errs[] = { ENOSPC, EDQUOT, EIO, EROFS, EFBIG };
    for (size_t k = 0; msg && k < sizeof errs / sizeof errs[0]; k++)
        if (strstr(msg, strerror(errs[k]))) return hc_fs_note_write_failure(path, errs[k]);
    return 0;
}

static void pdoc_clear(pdf_doc *p)
{
    pdf_anchors_free(&p->cur);
    pdf_anchors_free(&p->prev);
    pdf_doc_images_free(p);
    pdf_case_blocks_free(p);
}

static int write_out(pdf_env *env, const char *site_path, const hc_buf *b)
{
    hc_buf path = HC_BUF_INIT;
    hc_buf_printf(&path, "%s/%s", env->opts->out_dir, site_path);
    int rc = hc_fs_write(hc_buf_cstr(&path), b->data, b->len);
    if (rc != 0) hc_error(env->d, "write", site_path, 0, 0, "cannot write %s: %s", hc_buf_cstr(&path), strerror(errno));
    hc_buf_free(&path);
    return rc;
}

/* The flat cover of document j (coverspread.c): print/cover-spread.pdf for
 * the album, print/<id>-cover-spread.pdf for a unit. */
static void write_cover_spread(run *r, const job *j, worker *w, int pages)
{
    hc_buf out = HC_BUF_INIT, path = HC_BUF_INIT;
    char *err = NULL;
    if (j->kind == PDF_DOC_ALBUM) hc_buf_puts(&path, "print/cover-spread.pdf");
    else hc_buf_printf(&path, "print/%s-cover-spread.pdf", r->env->m->projects[j->unit].id);
    if (pdf_cover_spread(r->env, w->pc, j->kind, j->unit, pages, r->pdfx, &out, &err) != 0) {
        hc_error(r->env->d, "pdf", hc_buf_cstr(&path), 0, 0, "%s", err ? err : "cannot draw the cover spread");
    } else if (write_out(r->env, hc_buf_cstr(&path), &out) == 0) {
        pthread_mutex_lock(&r->mu);
        r->files++;
        pthread_mutex_unlock(&r->mu);
    }
    free(err);
    hc_buf_free(&out);
    hc_buf_free(&path);
}

/* Moves the file tmp to site_path (journalled as a file of the output). */
static int move_out(pdf_env *env, const char *tmp, const char *site_path)
{
    hc_buf path = HC_BUF_INIT;
    out_path(env, site_path, "", &path);
    int rc = hc_fs_link(tmp, hc_buf_cstr(&path));
    if (rc != 0) hc_error(env->d, "write", site_path, 0, 0, "cannot write %s: %s", hc_buf_cstr(&path), strerror(errno));
    unlink(tmp);
    hc_buf_free(&path);
    return rc;
}

/* Draws job i into a file beside its output (print/X.pdf.cairo-tmp), then
 * qpdf makes the two editions from that file into files: the document is
 * never held whole in memory, whatever its number of pages. */
static void do_draw(void *ctx, size_t i, worker *w)
{
    run *r = ctx;
    pdf_env *env = r->env;
    job *j = &r->jobs[i];
    hc_buf raw = HC_BUF_INIT, screen = HC_BUF_INIT, press = HC_BUF_INIT, dir = HC_BUF_INIT;
    if (hc_fs_write_failure(NULL)) return;   /* a full disk: stop at the first failed write */
    out_path(env, j->screen_path, ".cairo-tmp", &raw);
    out_path(env, j->screen_path, ".tmp", &screen);
    out_path(env, j->press_path, ".tmp", &press);
    hc_buf_put(&dir, raw.data, (size_t)(strrchr(hc_buf_cstr(&raw), '/') - raw.data));
    if (hc_fs_mkdirs(hc_buf_cstr(&dir)) != 0) {
        hc_error(env->d, "write", j->screen_path, 0, 0, "cannot create %s: %s", hc_buf_cstr(&dir), strerror(errno));
        goto out;
    }
    pdf_doc p;
    int werr = 0;
    cairo_status_t st = draw_once(r, j, w, &p, hc_buf_cstr(&raw), &werr);
    /* the layout pass printed "00" for page references; if the real numbers
     * moved anything, draw again with what this pass found */
    for (int tries = 0; st == CAIRO_STATUS_SUCCESS && !pdf_anchors_equal(&p.cur, &p.prev) && tries < 3; tries++) {
        pdf_anchors_copy(&j->anchors, &p.cur);
        pdoc_clear(&p);
        st = draw_once(r, j, w, &p, hc_buf_cstr(&raw), &werr);
    }
    if (st == CAIRO_STATUS_SUCCESS && !pdf_anchors_equal(&p.cur, &p.prev))
        hc_warn(env->d, "pdf", j->screen_path, 0, 0, "page numbers do not settle; a cross reference may be off by a page");
    pdf_doc_placeholders_free(&p);
    /* the district album's editions: qpdf holds the whole object table of
     * a document of thousands of pages (about 120 MB at 2,000 pages), and
     * cairo's font subsetting copies whole CJK fonts for a unit's album at
     * the same time would add to it: the other workers finish their unit
     * and wait meanwhile */
    int solo = j->kind == PDF_DOC_ALBUM;
    if (solo) alone_begin(r);
    /* the flat cover now, before the trim: cairo's font subsetting copies
     * each CJK font's whole CFF table (15-23 MB) into fresh memory, and the
     * document just drawn left that memory free and already touched */
    if (st == CAIRO_STATUS_SUCCESS) write_cover_spread(r, j, w, p.page);
    malloc_trim(0);   /* what cairo held for the document, before qpdf reads it */
    char *err = NULL;
    hc_buf shown = HC_BUF_INIT;   /* where a failed write is reported: the document as it would be in OUT */
    out_path(env, j->screen_path, "", &shown);
    if (st != CAIRO_STATUS_SUCCESS) {
        if (!(werr && hc_fs_note_write_failure(hc_buf_cstr(&shown), werr)) && !hc_fs_write_failure(NULL))
            hc_error(env->d, "pdf", j->screen_path, 0, 0, "cairo could not write the PDF: %s",
                     werr ? strerror(werr) : cairo_status_to_string(st));
    } else if (pdf_editions_files(hc_buf_cstr(&raw), &env->geom, p.used, p.nused, r->pdfx, env->date,
                                  hc_buf_cstr(&screen), hc_buf_cstr(&press), &err) != 0) {
        if (!disk_failure_in(err, hc_buf_cstr(&shown)) && !hc_fs_write_failure(NULL))
            hc_error(env->d, "pdf", j->screen_path, 0, 0, "%s", err);
    } else if (move_out(env, hc_buf_cstr(&screen), j->screen_path) == 0 &&
               move_out(env, hc_buf_cstr(&press), j->press_path) == 0) {
        pthread_mutex_lock(&r->mu);
        r->files += 2;
        if (j->kind == PDF_DOC_ALBUM) r->album_pages = (size_t)p.page;
        pthread_mutex_unlock(&r->mu);
    }
    free(err);
    hc_buf_free(&shown);
    pdoc_clear(&p);
    malloc_trim(0);   /* qpdf's object table and cairo's page data of this document */
    if (solo) alone_end(r);
out:
    unlink(hc_buf_cstr(&raw));
    unlink(hc_buf_cstr(&screen));
    unlink(hc_buf_cstr(&press));
    hc_buf_free(&raw);
    hc_buf_free(&screen);
    hc_buf_free(&press);
    hc_buf_free(&dir);
}


/* ---- phase 5: the node signs ---- */

/* A unit's map and its signs; nothing more once a unit has failed (the
 * build fails: its output is not kept). */
static void do_sign_unit(void *ctx, size_t i, worker *w)
{
    run *r = ctx;
    pthread_mutex_lock(&r->mu);
    int failed = r->signs_failed;
    pthread_mutex_unlock(&r->mu);
    if (failed || pdf_signs_unit(r->signs, i, w->pc) == 0) return;
    pthread_mutex_lock(&r->mu);
    r->signs_failed = 1;
    pthread_mutex_unlock(&r->mu);
}

static void signs(run *r, int nthreads)
{
    const pdf_env *env = r->env;
    if (env->opts->sign_w_mm <= 0) return;
    r->signs = pdf_signs_new(env, env->opts->sign_w_mm, env->opts->sign_h_mm, r->pdfx);
    if (!r->signs) return;
    parallel(r, env->m->nprojects, nthreads, do_sign_unit);
    r->files += pdf_signs_files(r->signs);
    pdf_signs_free(r->signs);
    r->signs = NULL;
}

/* ---- phase 1: shared data ---- */

static void env_free(pdf_env *env)
{
    for (size_t i = 0; env->route && i < env->m->nprojects; i++) pdf_image_free(env->route[i]);
    free(env->route);
    pdf_photos_free(env);
    pdf_spill_close(&env->spill);
    hc_strmap_free(&env->case_slugs);
    free(env->in_album);
    pdf_theme_free(&env->theme);
    pdf_fonts_free(&env->fonts);
    free(env->year);
    free(env->date);
}

/* Everything the documents share. Returns 0, or -1 after reporting (env may
 * then be partly filled: env_free it). */
static int env_init(pdf_env *env, const hc_model *m, const hc_pdf_opts *o, hc_diags *d)
{
    size_t errors0 = hc_diags_errors(d);
    memset(env, 0, sizeof *env);
    env->spill.fd = -1;
    env->m = m;
    env->opts = o;
    env->d = d;
    if (pdf_geom_init(&env->geom, o->trim_w_mm, o->trim_h_mm, o->bleed_mm) != 0) {
        hc_error(d, "print", "site.yaml", 0, 0,
                 "print size %g × %g mm with %g mm bleed is out of range (trim 50–1000 mm, bleed 0–10 mm)",
                 o->trim_w_mm, o->trim_h_mm, o->bleed_mm);
        return -1;
    }
    if (pdf_fonts_find(&env->fonts, m, o->fonts_cache_dir, o->jobs > 0 ? o->jobs : 1, d) != 0) return -1;
    pdf_theme_load(&env->theme, m);
    char date[11] = "2026-01-01";
    if (m->today != HC_NO_DATE) hc_date_format(m->today, date);
    env->date = hc_xstrdup(date);
    env->year = hc_xstrndup(date, 4);
    hc_strmap_init(&env->case_slugs, m->ncases);
    for (size_t c = 0; c < m->ncases; c++) hc_strmap_add(&env->case_slugs, m->cases[c].slug, strlen(m->cases[c].slug), c);
    pdf_album_choose(env);
    env->route = hc_xcalloc(m->nprojects ? m->nprojects : 1, sizeof *env->route);
    env->images = o->images;
    pdf_photos_init(env);
    hc_buf pdir = HC_BUF_INIT;
    hc_buf_printf(&pdir, "%s/print", o->out_dir);
    if (hc_fs_mkdirs(hc_buf_cstr(&pdir)) == 0) pdf_spill_open(&env->spill, hc_buf_cstr(&pdir));   /* else in memory */
    hc_buf_free(&pdir);
    if (hc_diags_errors(d) != errors0) return -1;
    return 0;
}

/* The album, then each unit's album unless no_units. */
static job *jobs_new(const hc_model *m, int no_units, size_t *njobs)
{
    size_t n = 1 + (no_units ? 0 : m->nprojects);
    job *jobs = hc_xcalloc(n, sizeof *jobs);
    jobs[0].kind = PDF_DOC_ALBUM;
    jobs[0].unit = HC_NONE;
    jobs[0].screen_path = hc_xstrdup("print/album.pdf");
    jobs[0].press_path = hc_xstrdup("print/album-press.pdf");
    for (size_t i = 1; i < n; i++) {
        hc_buf a = HC_BUF_INIT, b = HC_BUF_INIT;
        jobs[i].kind = PDF_DOC_UNIT;
        jobs[i].unit = i - 1;
        hc_buf_printf(&a, "print/%s.pdf", m->projects[i - 1].id);
        hc_buf_printf(&b, "print/%s-press.pdf", m->projects[i - 1].id);
        jobs[i].screen_path = hc_buf_detach(&a, NULL);
        jobs[i].press_path = hc_buf_detach(&b, NULL);
    }
    *njobs = n;
    return jobs;
}

static void jobs_free(job *jobs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        pdf_anchors_free(&jobs[i].anchors);
        free(jobs[i].screen_path);
        free(jobs[i].press_path);
    }
    free(jobs);
}

/* The run's workers (a pango context each), its jobs and its locks. */
static void run_init(run *r, pdf_env *env, const hc_pdf_opts *o, int nthreads, double t0)
{
    memset(r, 0, sizeof *r);
    r->env = env;
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->cv, NULL);
    pthread_mutex_init(&r->progress.mu, NULL);
    r->progress.quiet = o->quiet;
    r->progress.tty = isatty(2);
    r->progress.t0 = t0;
    r->workers = hc_xcalloc((size_t)nthreads, sizeof *r->workers);
    for (int k = 0; k < nthreads; k++) r->workers[k].pc = pdf_pango_context_new(&env->fonts, &r->workers[k].fm);
    r->jobs = jobs_new(env->m, o->no_units, &r->njobs);
}

static void run_free(run *r, int nthreads)
{
    jobs_free(r->jobs, r->njobs);
    pdf_pdfx_free(r->pdfx);
    for (int k = 0; k < nthreads; k++) {
        g_object_unref(r->workers[k].pc);
        g_object_unref(r->workers[k].fm);
    }
    free(r->workers);
    pthread_mutex_destroy(&r->mu);
    pthread_cond_destroy(&r->cv);
    pthread_mutex_destroy(&r->progress.mu);
}

/* With --pdfx: the press editions' CMYK profile, from print.icc or the
 * generic one (a warning says which, and that a shop's own is wanted). */
static void pdfx_open(run *r, const hc_pdf_opts *o, hc_diags *d)
{
    char *err = NULL;
    int generic = 0;
    /* a condition names the shop's profile: without that profile it would be a false claim */
    int shop = o->pdfx_icc && *o->pdfx_icc;
    r->pdfx = pdf_pdfx_new(o->pdfx_icc, shop ? o->pdfx_condition : NULL, o->cache_dir, &generic, &err);
    if (!r->pdfx) {
        hc_error(d, "pdfx", "site.yaml", 0, 0, "%s", err);
        free(err);
    } else if (generic) {
        hc_warn(d, "pdfx", "site.yaml", 0, 0,
                "the press edition uses the generic CMYK profile (%s, output condition 'Custom')%s: fine for "
                "proofs; set print.icc and print.condition to the print shop's profile for the print run",
                pdf_cmyk_description(pdf_pdfx_cmyk(r->pdfx)),
                o->pdfx_condition && *o->pdfx_condition ? "; print.condition is ignored without print.icc" : "");
    }
}

/* Phases 2-4: the route maps, then every document paginated, then drawn.
 * Between phases freed memory goes back to the system (malloc_trim: every
 * thread's arena): otherwise what the route maps and qpdf used stays
 * resident, and the stage's peak is their sum. */
static void albums(run *r, int nthreads, size_t errors0)
{
    hc_diags *d = r->env->d;
    parallel(r, r->env->m->nprojects, nthreads, do_map);
    malloc_trim(0);
    if (hc_diags_errors(d) != errors0) return;
    parallel(r, r->njobs, nthreads, do_paginate);
    malloc_trim(0);
    for (size_t i = 0; i < r->njobs; i++) r->progress.total += (size_t)r->jobs[i].npages;
    parallel(r, r->njobs, nthreads, do_draw);
    if (r->progress.shown && r->progress.tty) fputc('\n', stderr);
}

static int html_put(void *ctx, const char *p, size_t n)
{
    hc_fs_out *f = ctx;
    hc_fs_out_put(f, p, n);
    return f->err ? -1 : 0;
}

/* print/album.html, the album as one HTML page (the theme's album layout),
 * written as it is rendered: only a piece of it is ever in memory. */
static void album_html(run *r)
{
    hc_buf path = HC_BUF_INIT;
    hc_fs_out f;
    out_path(r->env, "print/album.html", "", &path);
    hc_fs_out_open(&f, hc_buf_cstr(&path));
    hc_mustache_sink sink = { html_put, &f };
    int rc = pdf_album_html(r->env, &sink);
    int wrc = hc_fs_out_close(&f);
    if (rc == 0 && wrc == 0) {
        r->files++;
    } else {
        if (rc != -1)   /* else reported */
            hc_error(r->env->d, "write", "print/album.html", 0, 0, "cannot write %s: %s", hc_buf_cstr(&path),
                     strerror(errno));
        unlink(hc_buf_cstr(&path));
    }
    hc_buf_free(&path);
    hc_md_mem_release();   /* the bodies album.html read on this thread */
}

int hc_pdf_render(const hc_model *m, const hc_pdf_opts *o, hc_diags *d, hc_pdf_stats *st)
{
    double t0 = now_s();
    size_t errors0 = hc_diags_errors(d);
    if (st) memset(st, 0, sizeof *st);
    pdf_env env;
    if (env_init(&env, m, o, d) != 0) {
        env_free(&env);
        return -1;
    }
    int nthreads = o->jobs > 0 ? o->jobs : 1;
    run r;
    run_init(&r, &env, o, nthreads, t0);
    if (o->pdfx) pdfx_open(&r, o, d);

    albums(&r, nthreads, errors0);
    size_t files0 = r.files;
    double s0 = now_s();
    if (hc_diags_errors(d) == errors0) signs(&r, nthreads);
    size_t nsigns = r.files - files0;
    double signs_s = now_s() - s0;
    if (hc_diags_errors(d) == errors0) album_html(&r);
    pdf_photos_report(&env);

    if (st) {
        st->files = r.files;
        st->pages = r.album_pages;
        st->signs = nsigns;
        st->signs_seconds = signs_s;
        st->seconds = now_s() - t0;
    }
    if (r.pdfx && hc_diags_errors(d) == errors0) pdf_pdfx_prune(r.pdfx);
    run_free(&r, nthreads);
    env_free(&env);
    return hc_diags_errors(d) == errors0 ? 0 : -1;
}
