/* build.c — the build and check commands. */
#include "build.h"
#include "cache.h"
#include "output.h"
#include "base/alloc.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/fs.h"
#include "check/check.h"
#include "load/load.h"
#include "model/model.h"
#include "render/html/site.h"
#include "render/images/images.h"
#include "render/maps/maps.h"
#include "render/share/share.h"
#include "render/pdf/pdf.h"
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The date of the data, for builds given no date at all: the newest case
 * study or finished milestone (things that have happened; planned dates in
 * the future do not count). */
static int newest_date(const hc_model *m)
{
    int best = HC_NO_DATE;
    for (size_t i = 0; i < m->ncases; i++)
        if (m->cases[i].date > best) best = m->cases[i].date;
    for (size_t i = 0; i < m->nprojects; i++) {
        const hc_project *p = &m->projects[i];
        for (size_t k = 0; k < p->nmilestones; k++)
            if (p->milestones[k].done && p->milestones[k].date > best) best = p->milestones[k].date;
    }
    return best == HC_NO_DATE ? hc_date_from_ymd(2026, 1, 1) : best;
}

/* user + system CPU seconds of the process so far */
static double cpu_s(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* Peak resident memory so far in MB (VmHWM), for --timings. */
static double peak_mb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    double kb = 0;
    if (!f) return 0;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %lf kB", &kb) == 1) break;
    fclose(f);
    return kb / 1024;
}

/* 1 if SRC is a site folder (holds site.yaml), else 0 with an error in d. */
static int site_folder_ok(const hc_opts *o, hc_diags *d)
{
    if (!hc_fs_is_dir(o->src)) {
        hc_error(d, "read", o->src, 0, 0, "site folder does not exist");
        return 0;
    }
    hc_buf cfg = HC_BUF_INIT;
    hc_buf_printf(&cfg, "%s/site.yaml", o->src);
    int has_cfg = hc_fs_exists(hc_buf_cstr(&cfg));
    hc_buf_free(&cfg);
    if (!has_cfg) {
        hc_error(d, "read", "site.yaml", 0, 0, "no site.yaml in '%s': is this a huace site folder? (-s SRC)", o->src);
        return 0;
    }
    return 1;
}

/* The parts of loading a site, timed for --timings. */
typedef struct { double link, check; } load_times;

/* Loads, links and checks the site on jobs threads. Returns the model (NULL
 * only if the site folder or the build date is unusable); errors are in d. */
static hc_model *open_site(const hc_opts *o, int drafts, int overdue, int jobs, hc_diags *d, load_times *t)
{
    if (!site_folder_ok(o, d)) return NULL;
    hc_diags_set_root(d, o->src);
    hc_model *m = hc_model_new(o->src);
    hc_load_opts lo = { .drafts = drafts, .jobs = jobs };
    int today;
    if (hc_cli_today(o, &today) != 0) {
        hc_model_free(m);
        return NULL;
    }
    if (hc_load_site(m, &lo, d) == 0 || m->std.nitems) {
        double t0 = now_s();
        hc_model_link(m, d);
        m->today = today != HC_NO_DATE ? today : newest_date(m);
        t->link = now_s() - t0;
        t0 = now_s();
        hc_check_model(m, overdue ? HC_AT_CHECK : HC_AT_BUILD, d);
        t->check = now_s() - t0;
    }
    return m;
}

/* Prints the findings: HC_DIAGS_SHOWN of each rule, or every one with --all. */
static void report(hc_diags *d, int quiet, int all)
{
    if (hc_diags_count(d) == 0) return;
    if (quiet && hc_diags_errors(d) == 0) return;
    hc_diags_print_capped(d, stderr, all ? 0 : HC_DIAGS_SHOWN);
}

hc_model *hc_build_model(const hc_opts *o)
{
    hc_diags *d = hc_diags_new();
    load_times t;
    hc_model *m = open_site(o, o->drafts, 0, hc_cli_jobs(o), d, &t);
    if (m && !hc_diags_errors(d)) {   /* as step_stage makes it, less hc_model_drop_check_data */
        hc_model_edition(m, o->internal);
        if (o->base_url) {
            free(m->config.base_url);
            m->config.base_url = hc_xstrdup(o->base_url);
        }
    } else {
        hc_model_free(m);
        m = NULL;
    }
    hc_diags_free(d);
    return m;
}

int hc_cmd_check(const hc_opts *o)
{
    if (o->rules) return hc_check_print_rules(stdout, o->format == HC_FMT_JSON);
    hc_diags *d = hc_diags_new();
    load_times t;
    hc_model *m = open_site(o, 1, 1, hc_cli_jobs(o), d, &t);
    if (o->format == HC_FMT_JSON) {
        hc_diags_print_json(d, stdout);
    } else {
        hc_diags_print_capped(d, stdout, o->all ? 0 : HC_DIAGS_SHOWN);
        if (m && m->today != HC_NO_DATE) hc_check_print_overdue(m, stdout);
        hc_diags_print_summary(d, stdout);
    }
    int rc = hc_diags_errors(d) ? 1 : 0;
    hc_model_free(m);
    hc_diags_free(d);
    return rc;
}

/* The options that change the output, for the inputs hash. */
static void options_key(const hc_opts *o, hc_buf *b)
{
    int today;
    hc_cli_today(o, &today);
    hc_buf_printf(b, "today=%d drafts=%d base=%s pdfx=%d edition=%s", today, o->drafts, o->base_url ? o->base_url : "",
                  o->pdfx, o->internal ? "internal" : "public");
}

int hc_cmd_build(const hc_opts *o)
{
    /* serve's child (serve.c start_build): as serve's own builds, no "nothing
     * changed" line, and exit status 3 tells serve so */
    if (!getenv("HUACE_SERVE_CHILD")) return hc_build(o, NULL);
    int rebuilt = 0;
    int rc = hc_build(o, &rebuilt);
    return rc == 0 && !rebuilt ? 3 : rc;
}

/* The write errors of a full (or failing) disk, which every later write
 * would share, as one: the first file that failed. */
static void first_write_failure(hc_diags *d, const char *staging, const char *shown)
{
    const char *path;
    int e = hc_fs_write_failure(&path);
    if (!e) return;
    hc_diags_drop(d, "write", strerror(e));          /* the failures it caused, */
    hc_diags_drop(d, "write", strerror(ECANCELED));  /* and the writes it stopped */
    hc_buf msg = HC_BUF_INIT, where = HC_BUF_INIT;
    hc_buf_puts(&msg, strerror(e));
    if (msg.len && msg.data[0] >= 'A' && msg.data[0] <= 'Z') msg.data[0] = (char)(msg.data[0] - 'A' + 'a');
    size_t n = strlen(staging);   /* the file as it would have been in OUT */
    if (!strncmp(path, staging, n) && path[n] == '/') hc_buf_printf(&where, "%s/%s", shown, path + n + 1);
    else hc_buf_puts(&where, path);
    hc_error(d, "write", hc_buf_cstr(&where), 0, 0, "cannot write: %s (the build stopped at this first failed write)",
             hc_buf_cstr(&msg));
    hc_buf_free(&msg);
    hc_buf_free(&where);
}

/* ------------------------------------------------------------------------
 * The build is the list of steps in `steps` below, run in order. Each step
 * returns one status; hc_build records it with the step's time and the peak
 * memory after it (its --timings line), and stops at the first step that
 * does not return STEP_OK. A step that returns STEP_OK with errors in d has
 * failed: that check is made once, in hc_build, for every step.
 *
 * The renderers write into the staging folder beside OUT; only the swap puts
 * it in the place of OUT, so a build that fails before it leaves OUT as it was.
 */
typedef enum {
    STEP_NOT_RUN,   /* the build ended before this step */
    STEP_OK,        /* done: on to the next step */
    STEP_SKIPPED,   /* not wanted by this site (site.yaml turns maps or the album off) */
    STEP_DONE,      /* the build is complete already: nothing changed since the last one */
    STEP_FAILED,    /* errors are in d: they are reported, OUT is left as it was */
    STEP_STOPPED,   /* it said why itself; the exit status is in build_run.rc */
} step_status;

typedef struct build_run build_run;
typedef struct {
    const char *name;                                  /* its --timings line */
    step_status (*run)(build_run *b);
    void (*detail)(const build_run *b, hc_buf *out);   /* the figures of that line, or NULL */
} build_step;

enum { NSTEPS = 14 };

/* What the steps share: the options, what they make, their figures. */
struct build_run {
    const hc_opts *o;
    int *rebuilt;             /* hc_build's, may be NULL */
    hc_diags *d;
    int jobs;                 /* worker threads for every stage */
    int rc;                   /* the exit status, for STEP_STOPPED */
    double t_start;
    step_status status[NSTEPS];
    double seconds[NSTEPS], peak[NSTEPS];
    /* output */
    hc_buf out_arg;           /* OUT when --edition internal gives none: SRC/internal */
    hc_output *outp;
    const char *out, *shown, *staging;   /* owned by outp */
    int staging_made;         /* the staging folder exists and is not OUT (yet) */
    int journal_on;           /* hc_fs_journal_on is in force */
    /* inputs and the record of the last build */
    hc_buf key;
    hc_cache *cache;
    int fresh;                /* nothing changed since the last build */
    size_t cached_pages;      /* pages the last build wrote, for a no-op */
    uint64_t inputs;
    char *written;            /* the files this build wrote, for the cache */
    char *manifest;           /* the files the last build wrote */
    /* the model and what the renderers made of it */
    hc_model *m;
    load_times lt;
    size_t overdue;
    hc_buf image_cache, cmyk_cache, maps_cache, fonts_cache, icc;
    hc_images *images;
    hc_images_stats is;
    hc_pdf_stats ps;
    double pdf_cpu;
    hc_render_stats st;       /* .files counts every file written */
    size_t html_files;        /* of which the HTML step's */
    hc_maps_stats ms;
    hc_share_stats shs;
};

/* Opens OUT and takes its lock. */
static step_status step_output(build_run *b)
{
    const hc_opts *o = b->o;
    if (!site_folder_ok(o, b->d)) return STEP_FAILED;   /* before anything is created beside OUT */
    if (!o->out && o->internal) hc_buf_printf(&b->out_arg, "%s/internal", o->src);   /* the internal edition's own folder */
    const char *out = b->out_arg.len ? hc_buf_cstr(&b->out_arg) : o->out;
    if ((b->rc = hc_output_open("build", o->src, out, o->force, &b->outp)) != 0) return STEP_STOPPED;
    if ((b->rc = hc_output_lock(b->outp, o->no_wait, o->quiet)) != 0) return STEP_STOPPED;
    b->out = hc_output_dir(b->outp);
    b->shown = hc_output_name(b->outp);
    b->staging = hc_output_staging(b->outp);
    hc_fs_write_failure_clear();
    return STEP_OK;
}

/* The cache check: with the same inputs as the build that wrote OUT, and
 * OUT as it wrote it, there is nothing to do. */
static step_status step_inputs(build_run *b)
{
    options_key(b->o, &b->key);
    b->cache = hc_cache_open(b->out);
    hc_cache_scan(b->cache, b->o->src, hc_buf_cstr(&b->key));
    b->fresh = hc_cache_fresh(b->cache, &b->cached_pages);
    return b->fresh ? STEP_DONE : STEP_OK;
}

static void detail_inputs(const build_run *b, hc_buf *out)
{
    if (b->fresh) hc_buf_printf(out, "scan; nothing changed: %zu pages skipped", b->cached_pages);
    else hc_buf_puts(out, "scan");
}

/* Loads, links and checks the site. */
static step_status step_load(build_run *b)
{
    b->m = open_site(b->o, b->o->drafts, 0, b->jobs, b->d, &b->lt);
    return b->m ? STEP_OK : STEP_FAILED;
}

static void detail_load(const build_run *b, hc_buf *out)
{
    hc_buf_printf(out, "%zu projects, %zu case studies, %zu pages; link %.3f s, check %.3f s; %d threads",
                  b->m->nprojects, b->m->ncases, b->m->npages, b->lt.link, b->lt.check, b->jobs);
}

/* Makes the model the edition's and the staging folder empty, and starts
 * the journal of the files written. */
static step_status step_stage(build_run *b)
{
    hc_model *m = b->m;
    for (size_t i = 0; i < m->ncases + m->npages; i++) {   /* what the loader read, for the cache */
        const hc_doc *doc = i < m->ncases ? &m->cases[i] : &m->pages[i - m->ncases];
        hc_cache_note(b->cache, doc->path, doc->src_size, doc->src_mtime, doc->src_hash);
    }
    hc_model_drop_check_data(m);
    b->overdue = hc_check_count_overdue(m);   /* before the public edition drops them */
    hc_model_edition(m, b->o->internal);
    malloc_trim(0);   /* give back what loading used for a while (parsers, thread arenas) before rendering */
    if (b->o->base_url) {
        free(m->config.base_url);
        m->config.base_url = hc_xstrdup(b->o->base_url);
    }
    if (hc_fs_rmtree(b->staging) != 0 || hc_fs_mkdirs(b->staging) != 0) {
        hc_error(b->d, "write", b->staging, 0, 0, "cannot create the staging folder: %s", strerror(errno));
        return STEP_FAILED;
    }
    b->staging_made = 1;
    hc_fs_journal_on(b->staging);
    b->journal_on = 1;
    return STEP_OK;
}

/* The photos' renditions, which every later renderer may use. */
static step_status step_images(build_run *b)
{
    hc_buf_printf(&b->image_cache, "%s.huace-images", b->out);
    hc_images_opts io = {
        .out_dir = b->staging, .cache_dir = hc_buf_cstr(&b->image_cache), .jobs = b->jobs, .quiet = b->o->quiet
    };
    return hc_images_process(b->m, &io, b->d, &b->images, &b->is) != 0 ? STEP_FAILED : STEP_OK;
}

static void detail_images(const build_run *b, hc_buf *out)
{
    hc_buf_printf(out, "%zu images: %zu made, %zu reused; %zu files; %d threads", b->is.images, b->is.made,
                  b->is.reused, b->is.files, b->jobs);
}

/* The album PDFs: before the pages, whose footer shows their sizes. */
static step_status step_album(build_run *b)
{
    const hc_model *m = b->m;
    if (!m->config.print_enabled) return STEP_SKIPPED;
    if (m->config.pdfx_icc) hc_buf_printf(&b->icc, "%s/%s", b->o->src, m->config.pdfx_icc);
    hc_buf_printf(&b->cmyk_cache, "%s.huace-cmyk", b->out);
    hc_buf_printf(&b->maps_cache, "%s.huace-maps", b->out);
    hc_buf_printf(&b->fonts_cache, "%s.huace-fonts", b->out);
    hc_pdf_opts po = {
        .out_dir = b->staging,
        .trim_w_mm = m->config.trim_w,
        .trim_h_mm = m->config.trim_h,
        .bleed_mm = m->config.bleed,
        .pdfx = m->config.pdfx || b->o->pdfx,
        .pdfx_icc = m->config.pdfx_icc ? hc_buf_cstr(&b->icc) : NULL,
        .pdfx_condition = m->config.pdfx_condition,
        .quiet = b->o->quiet,
        .jobs = b->jobs,
        .images = b->images,
        .cache_dir = hc_buf_cstr(&b->cmyk_cache),
        .maps_cache_dir = hc_buf_cstr(&b->maps_cache),
        .fonts_cache_dir = hc_buf_cstr(&b->fonts_cache),
        .no_units = !m->config.unit_albums,
        .sign_w_mm = m->config.signs ? m->config.sign_w : 0,
        .sign_h_mm = m->config.sign_h,
    };
    double c0 = cpu_s();
    int rc = hc_pdf_render(b->m, &po, b->d, &b->ps);
    b->pdf_cpu = cpu_s() - c0;
    if (rc == 0) hc_map_route_cache_prune(m, po.maps_cache_dir);   /* deleted units' maps, half-written files */
    return rc != 0 ? STEP_FAILED : STEP_OK;
}

static void detail_album(const build_run *b, hc_buf *out)
{
    hc_buf_printf(out, "%zu files, album %zu pages, %zu signs in %.3f s; %.3f s CPU", b->ps.files, b->ps.pages,
                  b->ps.signs, b->ps.signs_seconds, b->pdf_cpu);
}

/* The web pages, listings, feeds, search index and static files. */
static step_status step_html(build_run *b)
{
    hc_render_opts ro = { .out_dir = b->staging, .jobs = b->jobs, .quiet = b->o->quiet, .images = b->images };
    ro.pdf_bytes[0] = hc_fs_file_size(b->staging, "print/album.pdf");
    ro.pdf_bytes[1] = hc_fs_file_size(b->staging, "print/album-press.pdf");
    b->st.files = b->is.files + b->ps.files;
    int rc = hc_render_site(b->m, &ro, b->d, &b->st);
    b->html_files = b->st.files - b->is.files - b->ps.files;
    return rc != 0 ? STEP_FAILED : STEP_OK;
}

static void detail_html(const build_run *b, hc_buf *out)
{
    hc_buf_printf(out, "%zu pages, %zu files: render %.3f s + write %.3f s, summed over %d threads",
                  b->st.pages, b->html_files, b->st.render_s, b->st.write_s, b->jobs);
}

/* The route maps, the overview, the board and the township charts. */
static step_status step_maps(build_run *b)
{
    const hc_model *m = b->m;
    if (!m->config.maps_enabled) return STEP_SKIPPED;
    hc_maps_opts mo = {
        .out_dir = b->staging,
        .prev_dir = hc_fs_is_dir(b->out) ? b->out : NULL,
        .width = (int)m->config.map_width,
        .height = (int)m->config.map_height,
        .jobs = b->jobs,
    };
    int rc = hc_maps_render(b->m, &mo, b->d, &b->ms);
    b->st.files += b->ms.drawn + b->ms.reused;
    return rc != 0 ? STEP_FAILED : STEP_OK;
}

static void detail_maps(const build_run *b, hc_buf *out)
{
    hc_buf_printf(out, "%zu images drawn, %zu reused", b->ms.drawn, b->ms.reused);
}

/* Share cards and favicons: after the maps, as a unit without photos shows its route map. */
static step_status step_share(build_run *b)
{
    hc_share_opts so = { .out_dir = b->staging, .prev_dir = hc_fs_is_dir(b->out) ? b->out : NULL, .images = b->images };
    int rc = hc_share_render(b->m, &so, b->d, &b->shs);
    b->st.files += b->shs.drawn + b->shs.reused;
    return rc != 0 ? STEP_FAILED : STEP_OK;
}

static void detail_share(const build_run *b, hc_buf *out)
{
    hc_buf_printf(out, "%zu files drawn, %zu reused", b->shs.drawn, b->shs.reused);
}

/* Ends the journal: the list of the files written, for the new record. */
static void end_journal(build_run *b)
{
    if (!b->journal_on) return;
    b->written = hc_fs_journal_off();
    b->journal_on = 0;
    first_write_failure(b->d, b->staging, b->shown);
}

static step_status step_written(build_run *b)
{
    end_journal(b);
    if (!b->written) {
        hc_error(b->d, "write", b->staging, 0, 0, "cannot keep the list of the files written (in a temporary file): %s",
                 strerror(errno));
        return STEP_FAILED;
    }
    return STEP_OK;
}

/* Hashes the inputs the scan did not (the loader hashed what it read). */
static step_status step_hash(build_run *b)
{
    b->inputs = hc_cache_inputs(b->cache);
    return STEP_OK;
}

/* Moves the files of OUT huace did not write into the new site, and puts
 * the new site in the place of OUT. */
static step_status step_swap(build_run *b)
{
    b->manifest = hc_cache_manifest(b->cache);
    if (hc_output_carry(b->outp, b->manifest, b->d) != 0) return STEP_FAILED;
    if (hc_output_swap(b->outp) != 0) {
        hc_error(b->d, "write", b->shown, 0, 0, "cannot move the new site into place: %s", strerror(errno));
        return STEP_FAILED;
    }
    b->staging_made = 0;   /* it is OUT now */
    return STEP_OK;
}

/* The record of this build (inputs, pages, manifest), and the image cache
 * pruned to what it used. */
static step_status step_save_cache(build_run *b)
{
    hc_cache_save(b->cache, b->inputs, b->st.pages, b->written);
    hc_images_prune(b->images);
    if (b->rebuilt) *b->rebuilt = 1;
    return STEP_OK;
}

/* Removes the previous site's files (only those huace wrote). */
static step_status step_clean(build_run *b)
{
    hc_output_clean(b->outp, b->manifest, b->d);
    return STEP_OK;
}

static const build_step steps[] = {
    { "output", step_output, NULL },           /* open OUT, take its lock */
    { "inputs", step_inputs, detail_inputs },  /* check the cache: nothing changed? */
    { "load", step_load, detail_load },        /* load, link, check */
    { "stage", step_stage, NULL },             /* the edition, the staging folder */
    { "images", step_images, detail_images },
    { "pdf", step_album, detail_album },
    { "html", step_html, detail_html },
    { "maps", step_maps, detail_maps },
    { "share", step_share, detail_share },
    { "written", step_written, NULL },         /* the journal of the files written */
    { "hash", step_hash, NULL },               /* the inputs, for the record */
    { "swap", step_swap, NULL },               /* the new site in the place of OUT */
    { "cache", step_save_cache, NULL },        /* the record of this build */
    { "clean", step_clean, NULL },             /* the previous site removed */
};
_Static_assert(sizeof steps / sizeof steps[0] == NSTEPS, "NSTEPS counts the steps");

/* --timings: a line for each step that ran, then the total. */
static void print_timings(const build_run *b)
{
    hc_buf line = HC_BUF_INIT;
    for (size_t i = 0; i < NSTEPS; i++) {
        if (b->status[i] != STEP_OK && b->status[i] != STEP_DONE) continue;
        hc_buf_reset(&line);
        hc_buf_printf(&line, "timings: %s %.3f s", steps[i].name, b->seconds[i]);
        if (steps[i].detail) {
            hc_buf_puts(&line, " (");
            steps[i].detail(b, &line);
            hc_buf_putc(&line, ')');
        }
        fprintf(stderr, "%s, peak %.0f MB\n", hc_buf_cstr(&line), b->peak[i]);
    }
    fprintf(stderr, "timings: total %.3f s, peak memory %.0f MB\n", now_s() - b->t_start, peak_mb());
    hc_buf_free(&line);
}

/* A build that wrote OUT: its findings, overdue items, what it wrote. */
static void report_built(const build_run *b)
{
    const hc_opts *o = b->o;
    report(b->d, o->quiet, o->all);
    if (!o->quiet && b->overdue) {
        char day[11];
        hc_date_format(b->m->today, day);
        printf("huace: %zu supervision item%s overdue as of %s: see supervision/ or run 'huace check'\n", b->overdue,
               b->overdue == 1 ? " is" : "s are", day);
    }
    if (!o->quiet)
        printf("huace: wrote %zu pages (%zu files) to %s/ in %.2f s\n", b->st.pages, b->st.files, b->shown,
               now_s() - b->t_start);
}

/* A build that failed: the new files go, the findings are reported. */
static void report_failed(build_run *b)
{
    end_journal(b);
    if (b->staging_made) hc_fs_rmtree(b->staging);
    report(b->d, 0, b->o->all);
    fprintf(stderr, "huace: build failed: ");
    hc_diags_print_summary(b->d, stderr);
    if (b->out && hc_fs_exists(b->out)) fprintf(stderr, "huace: %s/ was left as it was\n", b->shown);
}

static void build_free(build_run *b)
{
    hc_output_close(b->outp);
    hc_model_free(b->m);
    hc_diags_free(b->d);
    hc_buf_free(&b->key);
    free(b->manifest);
    hc_cache_free(b->cache);
    free(b->written);
    hc_maps_shutdown();
    hc_images_free(b->images);
    hc_images_shutdown();
    hc_buf_free(&b->image_cache);
    hc_buf_free(&b->cmyk_cache);
    hc_buf_free(&b->maps_cache);
    hc_buf_free(&b->fonts_cache);
    hc_buf_free(&b->icc);
    hc_buf_free(&b->out_arg);
}

int hc_build(const hc_opts *o, int *rebuilt)
{
    build_run b;
    memset(&b, 0, sizeof b);
    b.o = o;
    b.rebuilt = rebuilt;
    b.d = hc_diags_new();
    b.jobs = hc_cli_jobs(o);
    b.t_start = now_s();
    if (rebuilt) *rebuilt = 0;
    step_status last = STEP_OK;
    for (size_t i = 0; i < NSTEPS && (last == STEP_OK || last == STEP_SKIPPED); i++) {
        double t0 = now_s();
        last = steps[i].run(&b);
        if (last == STEP_OK && hc_diags_errors(b.d)) last = STEP_FAILED;
        b.status[i] = last;
        b.seconds[i] = now_s() - t0;
        b.peak[i] = peak_mb();
    }
    int rc = 0;
    switch (last) {
    case STEP_STOPPED: rc = b.rc; break;
    case STEP_FAILED:
        report_failed(&b);
        rc = 1;
        break;
    case STEP_DONE:   /* no-op: OUT is what the last build wrote for these inputs */
        if (!o->quiet && !rebuilt)
            printf("huace: nothing changed since the last build: 0 pages written, %zu skipped (%s/, %.2f s)\n",
                   b.cached_pages, b.shown, now_s() - b.t_start);
        break;
    default: report_built(&b); break;
    }
    if (o->timings && rc == 0) print_timings(&b);
    build_free(&b);
    return rc;
}
