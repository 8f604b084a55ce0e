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

/* Loads, links and checks the site. Returns the model (NULL only if the site
 * folder is unusable); errors are in d. */
typedef struct { double load, link, check, peak_load; } stage_times;

/* Peak resident memory so far in MB (VmHWM), for --timings. */
/* user + system CPU seconds of the process so far */
static double cpu_s(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

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

static hc_model *open_site(const hc_opts *o, int drafts, int overdue, hc_diags *d, stage_times *t)
{
    stage_times dummy;
    if (!t) t = &dummy;
    double t0 = now_s();
    if (!site_folder_ok(o, d)) return NULL;
    hc_diags_set_root(d, o->src);
    hc_model *m = hc_model_new(o->src);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    hc_load_opts lo = { .drafts = drafts, .jobs = o->jobs ? o->jobs : (int)(cores > 0 ? cores : 1) };
    int today;
    if (hc_cli_today(o, &today) != 0) {
        hc_model_free(m);
        return NULL;
    }
    int loaded = hc_load_site(m, &lo, d) == 0 || m->std.nitems;
    t->load = now_s() - t0;
    t->peak_load = peak_mb();
    if (loaded) {
        t0 = now_s();
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

int hc_cmd_check(const hc_opts *o)
{
    if (o->rules) return hc_check_print_rules(stdout, o->format == HC_FMT_JSON);
    hc_diags *d = hc_diags_new();
    hc_model *m = open_site(o, 1, 1, d, NULL);
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
    return hc_build(o, NULL);
}

/* The write errors of a full (or failing) disk, which every later write
 * would share, as one: the first file that failed. */
/* *bytes = the size of out/rel, -1 if there is none */
static void pdf_size(const char *out, const char *rel, long long *bytes)
{
    hc_buf p = HC_BUF_INIT;
    struct stat st;
    hc_buf_printf(&p, "%s/%s", out, rel);
    *bytes = stat(hc_buf_cstr(&p), &st) == 0 && S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
    hc_buf_free(&p);
}

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

int hc_build(const hc_opts *o, int *rebuilt)
{
    int rc = 1;
    hc_diags *d = hc_diags_new();
    hc_buf key = HC_BUF_INIT;
    hc_model *m = NULL;
    hc_cache *cache = NULL;
    hc_output *outp = NULL;
    hc_images *images = NULL;
    hc_buf image_cache = HC_BUF_INIT, out_arg = HC_BUF_INIT;
    const char *out = NULL, *shown = NULL, *staging = NULL;   /* owned by outp */
    char *written = NULL;     /* the files this build wrote, for the cache */
    char *manifest = NULL;    /* the files the last build wrote */
    double t_start = now_s(), t_html = 0;
    stage_times ts = { 0, 0, 0, 0 };
    if (rebuilt) *rebuilt = 0;
    if (!site_folder_ok(o, d)) goto fail;   /* before anything is created beside OUT */
    if (!o->out && o->internal) hc_buf_printf(&out_arg, "%s/internal", o->src);   /* the internal edition's own folder */
    if ((rc = hc_output_open("build", o->src, out_arg.len ? hc_buf_cstr(&out_arg) : o->out, o->force, &outp)) != 0)
        goto out;
    if ((rc = hc_output_lock(outp, o->no_wait, o->quiet)) != 0) goto out;
    rc = 1;
    out = hc_output_dir(outp);
    shown = hc_output_name(outp);
    staging = hc_output_staging(outp);
    hc_fs_write_failure_clear();

    /* no-op rebuild: same inputs as the build that wrote OUT */
    options_key(o, &key);
    cache = hc_cache_open(out);
    hc_cache_scan(cache, o->src, hc_buf_cstr(&key));
    double t_inputs = now_s() - t_start;
    size_t cached_pages;
    if (hc_cache_fresh(cache, &cached_pages)) {
        if (!o->quiet && !rebuilt)
            printf("huace: nothing changed since the last build: 0 pages written, %zu skipped (%s/, %.2f s)\n",
                   cached_pages, shown, now_s() - t_start);
        if (o->timings)
            fprintf(stderr, "timings: no-op: inputs %.3f s (scan), output checked by %.3f s, %zu pages skipped\n",
                    t_inputs, now_s() - t_start, cached_pages);
        rc = 0;
        goto out;
    }

    m = open_site(o, o->drafts, 0, d, &ts);
    if (!m || hc_diags_errors(d)) goto fail;
    for (size_t i = 0; i < m->ncases + m->npages; i++) {   /* what the loader read, for the cache */
        const hc_doc *doc = i < m->ncases ? &m->cases[i] : &m->pages[i - m->ncases];
        hc_cache_note(cache, doc->path, doc->src_size, doc->src_mtime, doc->src_hash);
    }
    hc_model_drop_check_data(m);
    size_t overdue = hc_check_count_overdue(m);   /* before the public edition drops them */
    hc_model_edition(m, o->internal);
    malloc_trim(0);   /* give back what loading used for a while (parsers, thread arenas) before rendering */
    if (o->base_url) {
        free(m->config.base_url);
        m->config.base_url = hc_xstrdup(o->base_url);
    }
    if (hc_fs_rmtree(staging) != 0 || hc_fs_mkdirs(staging) != 0) {
        hc_error(d, "write", staging, 0, 0, "cannot create the staging folder: %s", strerror(errno));
        goto fail;
    }
    hc_fs_journal_on(staging);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = o->jobs ? o->jobs : (int)(cores > 0 ? cores : 1);
    hc_buf_printf(&image_cache, "%s.huace-images", out);
    hc_images_opts io = { .out_dir = staging, .cache_dir = hc_buf_cstr(&image_cache), .jobs = jobs, .quiet = o->quiet };
    hc_images_stats is;
    memset(&is, 0, sizeof is);
    int failed = hc_images_process(m, &io, d, &images, &is) != 0 || hc_diags_errors(d);
    double peak_images = peak_mb();
    size_t pdf_files = 0;
    hc_pdf_stats ps;
    memset(&ps, 0, sizeof ps);
    double t_pdf = now_s(), c_pdf = cpu_s();
    if (!failed && m->config.print_enabled) {
        hc_buf icc = HC_BUF_INIT, cmyk_cache = HC_BUF_INIT;
        if (m->config.pdfx_icc) hc_buf_printf(&icc, "%s/%s", o->src, m->config.pdfx_icc);
        hc_buf_printf(&cmyk_cache, "%s.huace-cmyk", out);
        hc_pdf_opts po = {
            .out_dir = staging,
            .trim_w_mm = m->config.trim_w,
            .trim_h_mm = m->config.trim_h,
            .bleed_mm = m->config.bleed,
            .pdfx = m->config.pdfx || o->pdfx,
            .pdfx_icc = m->config.pdfx_icc ? hc_buf_cstr(&icc) : NULL,
            .pdfx_condition = m->config.pdfx_condition,
            .quiet = o->quiet,
            .jobs = jobs,
            .images = images,
            .cache_dir = hc_buf_cstr(&cmyk_cache),
            .no_units = !m->config.unit_albums,
        };
        failed = hc_pdf_render(m, &po, d, &ps) != 0 || hc_diags_errors(d);
        pdf_files = ps.files;
        hc_buf_free(&icc);
        hc_buf_free(&cmyk_cache);
    }
    t_pdf = now_s() - t_pdf;
    c_pdf = cpu_s() - c_pdf;
    double peak_pdf = peak_mb();
    hc_render_opts ro = { .out_dir = staging, .jobs = jobs, .quiet = o->quiet, .images = images };
    hc_render_stats st;
    memset(&st, 0, sizeof st);
    st.files = is.files + pdf_files;
    /* the footer shows the PDFs' sizes: they are written first (they need
     * only the model and the images, never the pages) */
    pdf_size(staging, "print/album.pdf", &ro.pdf_bytes[0]);
    pdf_size(staging, "print/album-press.pdf", &ro.pdf_bytes[1]);
    t_html = now_s();
    failed = failed || hc_render_site(m, &ro, d, &st) != 0 || hc_diags_errors(d);
    t_html = now_s() - t_html;
    double peak_html = peak_mb();
    hc_maps_stats ms;
    memset(&ms, 0, sizeof ms);
    double t_maps = now_s();
    if (!failed && m->config.maps_enabled) {
        hc_maps_opts mo = {
            .out_dir = staging,
            .prev_dir = hc_fs_is_dir(out) ? out : NULL,
            .width = (int)m->config.map_width,
            .height = (int)m->config.map_height,
            .jobs = jobs,
        };
        failed = hc_maps_render(m, &mo, d, &ms) != 0 || hc_diags_errors(d);
        st.files += ms.drawn + ms.reused;
    }
    t_maps = now_s() - t_maps;
    hc_share_stats shs = { 0, 0, 0 };
    if (!failed) {   /* after the maps: a unit without photos shows its route map */
        hc_share_opts so = { .out_dir = staging, .prev_dir = hc_fs_is_dir(out) ? out : NULL, .images = images };
        failed = hc_share_render(m, &so, d, &shs) != 0 || hc_diags_errors(d);
        st.files += shs.drawn + shs.reused;
    }
    written = hc_fs_journal_off();
    first_write_failure(d, staging, shown);
    if (!failed && !written) {
        hc_error(d, "write", staging, 0, 0, "cannot keep the list of the files written (in a temporary file): %s",
                 strerror(errno));
        failed = 1;
    }
    if (failed) {
        hc_fs_rmtree(staging);
        goto fail;
    }
    double t_hash = now_s();
    uint64_t inputs = hc_cache_inputs(cache);
    t_hash = now_s() - t_hash;
    double t_swap = now_s();
    manifest = hc_cache_manifest(cache);
    if (hc_output_carry(outp, manifest, d) != 0) {
        hc_fs_rmtree(staging);
        goto fail;
    }
    if (hc_output_swap(outp) != 0) {
        hc_error(d, "write", shown, 0, 0, "cannot move the new site into place: %s", strerror(errno));
        hc_fs_rmtree(staging);
        goto fail;
    }
    t_swap = now_s() - t_swap;
    double t_save = now_s();
    hc_cache_save(cache, inputs, st.pages, written);
    hc_images_prune(images);
    if (rebuilt) *rebuilt = 1;
    t_save = now_s() - t_save;
    double t_clean = now_s();
    hc_output_clean(outp, manifest, d);
    t_clean = now_s() - t_clean;
    report(d, o->quiet, o->all);
    if (!o->quiet && overdue) {
        char day[11];
        hc_date_format(m->today, day);
        printf("huace: %zu supervision item%s overdue as of %s: see supervision/ or run 'huace check'\n", overdue,
               overdue == 1 ? " is" : "s are", day);
    }
    if (!o->quiet)
        printf("huace: wrote %zu pages (%zu files) to %s/ in %.2f s\n", st.pages, st.files, shown,
               now_s() - t_start);
    if (o->timings) {
        fprintf(stderr, "timings: load+parse %.3f s (%zu projects, %zu case studies, %zu pages; %d threads), peak %.0f MB\n",
                ts.load, m->nprojects, m->ncases, m->npages, jobs, ts.peak_load);
        fprintf(stderr, "timings: link %.3f s, check %.3f s\n", ts.link, ts.check);
        fprintf(stderr, "timings: images %.3f s (%zu images: %zu made, %zu reused; %zu files; %d threads), peak %.0f MB\n",
                is.seconds, is.images, is.made, is.reused, is.files, jobs, peak_images);
        fprintf(stderr, "timings: html %.3f s (%zu pages, %zu files): render %.3f s + write %.3f s, summed over %d threads; peak %.0f MB\n",
                t_html, st.pages, st.files, st.render_s, st.write_s, jobs, peak_html);
        if (m->config.maps_enabled)
            fprintf(stderr, "timings: maps %.3f s (%zu images drawn, %zu reused)\n", t_maps, ms.drawn, ms.reused);
        fprintf(stderr, "timings: share %.3f s (%zu files drawn, %zu reused)\n", shs.seconds, shs.drawn, shs.reused);
        if (m->config.print_enabled)
            fprintf(stderr, "timings: pdf %.3f s (%zu files, album %zu pages), %.3f s CPU, peak %.0f MB\n", t_pdf, ps.files,
                    ps.pages, c_pdf, peak_pdf);
        fprintf(stderr,
                "timings: inputs %.3f s (scan) + %.3f s (hash the rest), swap %.3f s, cache %.3f s, "
                "previous site removed %.3f s\n",
                t_inputs, t_hash, t_swap, t_save, t_clean);
        fprintf(stderr, "timings: total %.3f s, peak memory %.0f MB\n", now_s() - t_start, peak_mb());
    }
    rc = 0;
    goto out;
fail:
    report(d, 0, o->all);
    fprintf(stderr, "huace: build failed: ");
    hc_diags_print_summary(d, stderr);
    if (out && hc_fs_exists(out)) fprintf(stderr, "huace: %s/ was left as it was\n", shown);
out:
    hc_output_close(outp);
    hc_model_free(m);
    hc_diags_free(d);
    hc_buf_free(&key);
    free(manifest);
    hc_cache_free(cache);
    free(written);
    hc_maps_shutdown();
    hc_images_free(images);
    hc_images_shutdown();
    hc_buf_free(&image_cache);
    hc_buf_free(&out_arg);
    return rc;
}
