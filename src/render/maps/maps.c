/* maps.c — hc_maps_render: every map image of the site, on worker threads,
 * each one copied from the previous output instead of drawn when the hash of
 * its inputs is unchanged. Also the public single-image entry points. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include "../../base/hash.h"
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define POSTER_W 4961          /* A2 portrait, 420 × 594 mm at 300 dpi */
#define POSTER_H 7016
#define POSTER_DPI 300
#define BOARD_W 1600
#define GUIDE_W 1000
#define SIGN_LABEL_PT 22.0     /* the sign map's node labels on an A3 sign: read from 2 m */
#define SIGN_MAP_W_MM 267.0    /* the map's width on an A3 sign (signs.c: 297 − 2 × 15 mm) */

typedef enum {
    J_POSTER, J_ROUTE2X, J_ROUTE, J_OVERVIEW2X, J_OVERVIEW, J_BOARD, J_GUIDE,
    J_ROUTE_P, J_ROUTE_P2X, J_OVERVIEW_P, J_OVERVIEW_P2X, J_GUIDE_P, J_GUIDE_P2X   /* phone variants */
} job_kind;

typedef struct {
    job_kind kind;
    size_t index;             /* project or township */
    char *files[2];           /* site paths; [0] is PNG, [1] WebP if any */
    size_t nfiles;
    char hash[17];
    int reused, failed;
} job;

typedef struct {
    const hc_model *m;
    const hc_maps_opts *o;
    hc_diags *d;
    const mp_mcache *prev;
    job *jobs;
    size_t njobs, next;
    pthread_mutex_t lock;
} ctx;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double scale_for(int w, int h)
{
    double kx = w / 1200.0, ky = h / 800.0;
    return kx < ky ? kx : ky;
}

/* ---- the job list ---- */

static job *add_job(job **jobs, size_t *n, size_t *cap, job_kind kind, size_t index)
{
    *jobs = hc_xgrow(*jobs, cap, *n + 1, sizeof **jobs);
    job *j = &(*jobs)[(*n)++];
    memset(j, 0, sizeof *j);
    j->kind = kind;
    j->index = index;
    return j;
}

static void add_file(job *j, const char *fmt, const char *arg)
{
    hc_buf b = HC_BUF_INIT;
    hc_buf_printf(&b, fmt, arg);
    j->files[j->nfiles++] = hc_buf_detach(&b, NULL);
}

static void job_hash(job *j, const hc_model *m, int w, int h)
{
    mp_hkey k;
    switch (j->kind) {
    case J_ROUTE: case J_ROUTE2X: case J_ROUTE_P: case J_ROUTE_P2X: mp_route_hash(&k, m, j->index); break;
    case J_OVERVIEW: case J_OVERVIEW2X: case J_OVERVIEW_P: case J_OVERVIEW_P2X: mp_overview_hash(&k, m); break;
    case J_BOARD: case J_POSTER: mp_board_hash(&k, m); break;
    case J_GUIDE: case J_GUIDE_P: case J_GUIDE_P2X: mp_guide_hash(&k, m, j->index); break;
    }
    mp_hk_int(&k, j->kind);
    mp_hk_int(&k, w);
    mp_hk_int(&k, h);
    hc_hash_hex(k.h, j->hash);
}

/* Heaviest first, so that the poster overlaps with everything else. */
static job *plan(const hc_model *m, int w, int h, size_t *njobs)
{
    job *jobs = NULL;
    size_t n = 0, cap = 0;
    job *j = add_job(&jobs, &n, &cap, J_POSTER, 0);
    add_file(j, "%s", "print/board-a2.png");
    for (size_t i = 0; i < m->nprojects; i++) {
        if (!m->projects[i].nnodes) continue;
        j = add_job(&jobs, &n, &cap, J_ROUTE2X, i);
        add_file(j, "projects/%s/route@2x.png", m->projects[i].id);
        j = add_job(&jobs, &n, &cap, J_ROUTE, i);
        add_file(j, "projects/%s/route.png", m->projects[i].id);
        add_file(j, "projects/%s/route.webp", m->projects[i].id);
        j = add_job(&jobs, &n, &cap, J_ROUTE_P2X, i);
        add_file(j, "projects/%s/route-phone@2x.png", m->projects[i].id);
        add_file(j, "projects/%s/route-phone@2x.webp", m->projects[i].id);
        j = add_job(&jobs, &n, &cap, J_ROUTE_P, i);
        add_file(j, "projects/%s/route-phone.png", m->projects[i].id);
        add_file(j, "projects/%s/route-phone.webp", m->projects[i].id);
    }
    j = add_job(&jobs, &n, &cap, J_OVERVIEW2X, 0);
    add_file(j, "%s", "map/overview@2x.png");
    j = add_job(&jobs, &n, &cap, J_OVERVIEW, 0);
    add_file(j, "%s", "map/overview.png");
    j = add_job(&jobs, &n, &cap, J_OVERVIEW_P2X, 0);
    add_file(j, "%s", "map/overview-phone@2x.png");
    add_file(j, "%s", "map/overview-phone@2x.webp");
    j = add_job(&jobs, &n, &cap, J_OVERVIEW_P, 0);
    add_file(j, "%s", "map/overview-phone.png");
    add_file(j, "%s", "map/overview-phone.webp");
    j = add_job(&jobs, &n, &cap, J_BOARD, 0);
    add_file(j, "%s", "board/board.png");
    for (size_t t = 0; t < m->config.ntownships; t++) {
        j = add_job(&jobs, &n, &cap, J_GUIDE, t);
        add_file(j, "townships/%s/guide.png", m->config.townships[t].slug);
        j = add_job(&jobs, &n, &cap, J_GUIDE_P2X, t);
        add_file(j, "townships/%s/guide-phone@2x.png", m->config.townships[t].slug);
        add_file(j, "townships/%s/guide-phone@2x.webp", m->config.townships[t].slug);
        j = add_job(&jobs, &n, &cap, J_GUIDE_P, t);
        add_file(j, "townships/%s/guide-phone.png", m->config.townships[t].slug);
        add_file(j, "townships/%s/guide-phone.webp", m->config.townships[t].slug);
    }
    for (size_t i = 0; i < n; i++) job_hash(&jobs[i], m, w, h);
    *njobs = n;
    return jobs;
}

static gdImagePtr draw(const job *j, const hc_model *m, int w, int h)
{
    gdImagePtr im = NULL;
    switch (j->kind) {
    case J_ROUTE: return mp_route_image(m, j->index, w, h, scale_for(w, h));
    case J_ROUTE2X: return mp_route_image(m, j->index, 2 * w, 2 * h, 2 * scale_for(w, h));
    case J_OVERVIEW: return mp_overview_image(m, w, h, scale_for(w, h));
    case J_OVERVIEW2X: return mp_overview_image(m, 2 * w, 2 * h, 2 * scale_for(w, h));
    case J_BOARD: return mp_board_image(m, BOARD_W, 0);
    case J_GUIDE: return mp_guide_image(m, j->index, GUIDE_W);
    case J_ROUTE_P: return mp_route_phone_image(m, j->index, 1.0);
    case J_ROUTE_P2X: return mp_route_phone_image(m, j->index, 2.0);
    case J_OVERVIEW_P: return mp_overview_phone_image(m, 1.0);
    case J_OVERVIEW_P2X: return mp_overview_phone_image(m, 2.0);
    case J_GUIDE_P: return mp_guide_phone_image(m, j->index, 1.0);
    case J_GUIDE_P2X: return mp_guide_phone_image(m, j->index, 2.0);
    case J_POSTER:
        im = mp_board_image(m, POSTER_W, POSTER_H);
        if (im) gdImageSetResolution(im, POSTER_DPI, POSTER_DPI);
        return im;
    }
    return NULL;
}

static int reuse(const ctx *c, const job *j)
{
    if (!c->o->prev_dir) return 0;
    for (size_t f = 0; f < j->nfiles; f++) {
        const char *h = mp_mcache_get(c->prev, j->files[f]);
        if (!h || strcmp(h, j->hash)) return 0;
    }
    hc_buf from = HC_BUF_INIT, to = HC_BUF_INIT;
    int ok = 1;
    for (size_t f = 0; f < j->nfiles && ok; f++) {
        hc_buf_reset(&from);
        hc_buf_reset(&to);
        hc_buf_printf(&from, "%s/%s", c->o->prev_dir, j->files[f]);
        hc_buf_printf(&to, "%s/%s", c->o->out_dir, j->files[f]);
        ok = hc_fs_copy(hc_buf_cstr(&from), hc_buf_cstr(&to)) == 0;
    }
    hc_buf_free(&from);
    hc_buf_free(&to);
    return ok;
}

static void run_job(ctx *c, job *j)
{
    const hc_maps_opts *o = c->o;
    if (reuse(c, j)) {
        j->reused = 1;
        return;
    }
    gdImagePtr im = draw(j, c->m, o->width, o->height);
    if (!im) {
        hc_error(c->d, "map", j->files[0], 0, 0, "could not draw this image (out of memory?)");
        j->failed = 1;
        return;
    }
    hc_buf bytes = HC_BUF_INIT, path = HC_BUF_INIT;
    for (size_t f = 0; f < j->nfiles && !j->failed; f++) {
        hc_buf_reset(&bytes);
        hc_buf_reset(&path);
        hc_buf_printf(&path, "%s/%s", o->out_dir, j->files[f]);
        int rc = f == 0 ? mp_encode_png(im, &bytes) : mp_encode_webp(im, &bytes);
        if (rc != 0) {
            hc_error(c->d, "map", j->files[f], 0, 0, "could not encode this image");
            j->failed = 1;
        } else if (hc_fs_write(hc_buf_cstr(&path), bytes.data, bytes.len) != 0) {
            hc_error(c->d, "write", hc_buf_cstr(&path), 0, 0, "cannot write the map: %s", strerror(errno));
            j->failed = 1;
        }
    }
    hc_buf_free(&bytes);
    hc_buf_free(&path);
    gdImageDestroy(im);
}

static void *worker(void *arg)
{
    ctx *c = arg;
    for (;;) {
        pthread_mutex_lock(&c->lock);
        size_t i = c->next++;
        pthread_mutex_unlock(&c->lock);
        if (i >= c->njobs) break;
        run_job(c, &c->jobs[i]);
    }
    return NULL;
}

static int write_cache(const ctx *c)
{
    hc_buf text = HC_BUF_INIT, path = HC_BUF_INIT;
    for (size_t i = 0; i < c->njobs; i++) {
        const job *j = &c->jobs[i];
        if (j->failed) continue;
        for (size_t f = 0; f < j->nfiles; f++) hc_buf_printf(&text, "%s %s\n", j->files[f], j->hash);
    }
    hc_buf_printf(&path, "%s/%s", c->o->out_dir, HC_MAPS_CACHE_FILE);
    int rc = hc_fs_write(hc_buf_cstr(&path), text.data ? text.data : "", text.len);
    if (rc != 0) hc_error(c->d, "write", hc_buf_cstr(&path), 0, 0, "cannot write the map cache: %s", strerror(errno));
    hc_buf_free(&text);
    hc_buf_free(&path);
    return rc;
}

int hc_maps_render(const hc_model *m, const hc_maps_opts *o, hc_diags *d, hc_maps_stats *st)
{
    double t0 = now_s();
    if (st) memset(st, 0, sizeof *st);
    if (!hc_maps_font(d)) return -1;
    hc_maps_opts opts = *o;
    if (opts.width <= 0 || opts.height <= 0) {
        opts.width = 1200;
        opts.height = 800;
    }
    ctx c;
    memset(&c, 0, sizeof c);
    c.m = m;
    c.o = &opts;
    c.d = d;
    mp_mcache prev;
    mp_mcache_load(&prev, opts.prev_dir);
    c.prev = &prev;
    c.jobs = plan(m, opts.width, opts.height, &c.njobs);
    pthread_mutex_init(&c.lock, NULL);
    size_t nthreads = opts.jobs > 1 ? (size_t)opts.jobs : 1;
    if (nthreads > c.njobs && c.njobs > 0) nthreads = c.njobs;
    pthread_t *tids = hc_xcalloc(nthreads, sizeof *tids);
    size_t started = 0;
    for (size_t i = 1; i < nthreads; i++)
        if (pthread_create(&tids[i], NULL, worker, &c) == 0) started = i;
        else break;
    worker(&c);
    for (size_t i = 1; i <= started; i++) pthread_join(tids[i], NULL);
    free(tids);
    pthread_mutex_destroy(&c.lock);

    int rc = 0;
    for (size_t i = 0; i < c.njobs; i++) {
        const job *j = &c.jobs[i];
        if (j->failed) rc = -1;
        else if (st && j->reused) st->reused += j->nfiles;
        else if (st) st->drawn += j->nfiles;
    }
    if (write_cache(&c) != 0) rc = -1;
    for (size_t i = 0; i < c.njobs; i++)
        for (size_t f = 0; f < c.jobs[i].nfiles; f++) free(c.jobs[i].files[f]);
    free(c.jobs);
    mp_mcache_free(&prev);
    if (st) st->seconds = now_s() - t0;
    return rc;
}

/* The pixel size of a printed map (what: "route map print", "sign map"):
 * 0, or -1 after reporting a size out of range or a missing font. */
static int print_px(const hc_project *p, const char *what, double width_mm, double height_mm, int dpi, int *iw,
                    int *ih, hc_diags *d)
{
    double w = width_mm / 25.4 * dpi, h = height_mm / 25.4 * dpi;
    if (!(dpi >= 36 && dpi <= 1200) || !(w >= 200 && h >= 150 && w <= 20000 && h <= 20000)) {
        hc_error(d, "print-size", p->path, p->loc.line, p->loc.col,
                 "%s size %g × %g mm at %d dpi is out of range (at least 200 × 150 px, at most 20000 px)", what,
                 width_mm, height_mm, dpi);
        return -1;
    }
    if (!hc_maps_font(d)) return -1;
    *iw = (int)lround(w);
    *ih = (int)lround(h);
    return 0;
}

int hc_map_route_print_png(const hc_model *m, size_t project, double width_mm, double height_mm, int dpi,
                           hc_buf *png, hc_diags *d)
{
    if (project >= m->nprojects) return -1;
    const hc_project *p = &m->projects[project];
    int iw, ih;
    if (print_px(p, "route map print", width_mm, height_mm, dpi, &iw, &ih, d) != 0) return -1;
    if (!p->nnodes) return 1;
    gdImagePtr im = mp_route_image(m, project, iw, ih, scale_for(iw, ih));
    if (!im) {
        hc_error(d, "map", p->path, p->loc.line, p->loc.col, "could not draw the route map (out of memory?)");
        return -1;
    }
    gdImageSetResolution(im, (unsigned)dpi, (unsigned)dpi);
    int rc = mp_encode_png(im, png);
    gdImageDestroy(im);
    if (rc != 0) hc_error(d, "map", p->path, p->loc.line, p->loc.col, "could not encode the route map");
    return rc;
}

/* The cache file of a unit's print route map: "<dir>/route-<hash of the id>.png"
 * holding the 16 hex digits of the hash of the map's inputs, a newline, then
 * the PNG; one file per unit, rewritten when the inputs change. */
static void route_cache_path(const char *dir, const hc_project *p, hc_buf *path)
{
    hc_buf_printf(path, "%s/route-%016llx.png", dir,
                  (unsigned long long)hc_hash(0x726f757465ull, p->id, strlen(p->id)));
}

int hc_map_route_print_png_cached(const hc_model *m, size_t project, double width_mm, double height_mm, int dpi,
                                  const char *cache_dir, hc_buf *png, hc_diags *d)
{
    if (!cache_dir || project >= m->nprojects) return hc_map_route_print_png(m, project, width_mm, height_mm, dpi, png, d);
    const hc_project *p = &m->projects[project];
    int iw, ih, rc;
    if (print_px(p, "route map print", width_mm, height_mm, dpi, &iw, &ih, d) != 0) return -1;
    if (!p->nnodes) return 1;
    mp_hkey k;
    mp_route_hash(&k, m, project);
    mp_hk_str(&k, "print");
    mp_hk_int(&k, iw);
    mp_hk_int(&k, ih);
    mp_hk_int(&k, dpi);
    mp_hk_int(&k, HC_MAPS_PNG_LEVEL);
    char key[18];
    snprintf(key, sizeof key, "%016llx\n", (unsigned long long)k.h);
    hc_buf path = HC_BUF_INIT, file = HC_BUF_INIT;
    route_cache_path(cache_dir, p, &path);
    if (hc_fs_read(hc_buf_cstr(&path), &file) == 0 && file.len > 25 && memcmp(file.data, key, 17) == 0 &&
        memcmp(file.data + 17, "\x89PNG", 4) == 0) {
        hc_buf_put(png, file.data + 17, file.len - 17);
        rc = 0;
        goto out;
    }
    size_t at = png->len;
    rc = hc_map_route_print_png(m, project, width_mm, height_mm, dpi, png, d);
    if (rc == 0) {   /* kept for the next build; a cache that cannot be written is no error */
        hc_buf_reset(&file);
        hc_buf_put(&file, key, 17);
        hc_buf_put(&file, png->data + at, png->len - at);
        if (hc_fs_mkdirs(cache_dir) == 0) (void)hc_fs_write_atomic(hc_buf_cstr(&path), file.data, file.len);
    }
out:
    hc_buf_free(&path);
    hc_buf_free(&file);
    return rc;
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

void hc_map_route_cache_prune(const hc_model *m, const char *cache_dir)
{
    DIR *dir = cache_dir ? opendir(cache_dir) : NULL;
    if (!dir) return;
    size_t n = 0;
    char **keep = hc_xcalloc(m->nprojects ? m->nprojects : 1, sizeof *keep);
    hc_buf path = HC_BUF_INIT;
    for (size_t u = 0; u < m->nprojects; u++) {
        if (!m->projects[u].nnodes) continue;
        hc_buf_reset(&path);
        route_cache_path("", &m->projects[u], &path);   /* "/route-….png" */
        keep[n++] = hc_xstrdup(hc_buf_cstr(&path) + 1);
    }
    qsort(keep, n, sizeof *keep, cmp_name);
    struct dirent *de;
    while ((de = readdir(dir))) {
        const char *name = de->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || bsearch(&name, keep, n, sizeof *keep, cmp_name)) continue;
        hc_buf_reset(&path);
        hc_buf_printf(&path, "%s/%s", cache_dir, name);
        (void)unlink(hc_buf_cstr(&path));
    }
    closedir(dir);
    for (size_t i = 0; i < n; i++) free(keep[i]);
    free(keep);
    hc_buf_free(&path);
}

int hc_map_route_sign_png(const hc_model *m, size_t project, double width_mm, double height_mm, int dpi,
                          hc_buf *png, hc_map_marker **marks, hc_diags *d)
{
    *marks = NULL;
    if (project >= m->nprojects) return -1;
    const hc_project *p = &m->projects[project];
    int iw, ih;
    if (print_px(p, "sign map", width_mm, height_mm, dpi, &iw, &ih, d) != 0) return -1;
    if (!p->nnodes) return 1;
    /* read from a few metres: the furniture half as large again as on the
     * album's map, and the map's own type (node names, townships, rivers)
     * SIGN_LABEL_PT on a sign as wide as A3's (map SIGN_MAP_W_MM wide),
     * in proportion on others */
    double k = 1.5 * scale_for(iw, ih);
    double label_px = SIGN_LABEL_PT / 72.0 * dpi * width_mm / SIGN_MAP_W_MM;
    double lk = label_px / (MP_ROUTE_LABEL_PX * k);
    gdImagePtr im = mp_route_sign_image(m, project, iw, ih, k, lk);
    *marks = hc_xcalloc(p->nnodes, sizeof **marks);
    int rc = -1;
    if (!im || mp_route_marker_pos(m, project, iw, ih, k, lk, *marks) != 0) {
        hc_error(d, "map", p->path, p->loc.line, p->loc.col, "could not draw the sign's route map (out of memory?)");
        goto out;
    }
    gdImageSetResolution(im, (unsigned)dpi, (unsigned)dpi);
    rc = mp_encode_png(im, png);
    if (rc != 0) hc_error(d, "map", p->path, p->loc.line, p->loc.col, "could not encode the sign's route map");
out:
    if (im) gdImageDestroy(im);
    if (rc != 0) {
        free(*marks);
        *marks = NULL;
    }
    return rc;
}

int hc_map_route_layout_json(const hc_model *m, size_t project, int w, int h, hc_buf *json)
{
    if (w <= 0 || h <= 0 || !hc_maps_font(NULL)) return -1;
    return mp_route_layout_json(m, project, w, h, scale_for(w, h), json);
}

int hc_map_phone_size(const hc_model *m, hc_map_kind kind, size_t index, int *w, int *h)
{
    *w = MP_PHONE_W;
    *h = 0;
    switch (kind) {
    case HC_MAP_ROUTE: *h = index < m->nprojects ? mp_route_phone_height(m, index, 1.0) : 0; break;
    case HC_MAP_OVERVIEW: *h = mp_overview_phone_height(m, 1.0); break;
    case HC_MAP_GUIDE: *h = index < m->config.ntownships ? mp_guide_phone_height(m, index, 1.0) : 0; break;
    }
    return *h > 0 ? 0 : -1;
}
