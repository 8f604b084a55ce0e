/* images.c — the image stage: collect, then each image on a worker thread:
 * read, check, take from the cache or make, link into the output. */
#include "images_int.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include "../../base/hash.h"
#include "../../base/tree.h"
#include <dirent.h>
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    const hc_model *m;
    const hc_images_opts *o;
    hc_diags *d;
    hc_images *t;
    const hc_img_use *uses;
    int *ok;                     /* per image: 1 when it is in the set */
    const size_t *order;         /* the order the workers take images in */
    const hc_img_index *prev;
    atomic_size_t next, made, reused, files;
} stage;

/* "assets/photos/a.jpg" → "assets/photos/a.<hash10>-<w>.<ext>";
 * "content/cases/b.png" → "assets/content/cases/b.<hash10>-<w>.<ext>". */
static char *published_name(const char *src, const char *key, int w, const char *ext)
{
    hc_buf b = HC_BUF_INIT;
    const char *rest = strncmp(src, "assets/", 7) == 0 ? src + 7 : src;
    const char *dot = strrchr(rest, '.'), *slash = strrchr(rest, '/');
    size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - rest) : strlen(rest);
    hc_buf_puts(&b, "assets/");
    hc_buf_put(&b, rest, stem);
    hc_buf_printf(&b, ".%.10s-%d.%s", key, w, ext);
    return hc_buf_detach(&b, NULL);
}

static void cache_file(hc_buf *out, const char *dir, const char *key, int w, const char *ext)
{
    hc_buf_reset(out);
    hc_buf_printf(out, "%s/%s-%d.%s", dir, key, w, ext);
}

/* Fills the set's entry i from a cache entry: names of the files. */
static void fill(stage *s, size_t i, const hc_img_entry *e)
{
    hc_img *im = &s->t->v[i];
    im->w = e->w;
    im->h = e->h;
    im->nsizes = e->n;
    for (int k = 0; k < e->n; k++) {
        im->sizes[k].w = e->rw[k];
        im->sizes[k].h = e->rh[k];
        im->sizes[k].webp = published_name(im->src, e->key, e->rw[k], "webp");
        im->sizes[k].jpeg = published_name(im->src, e->key, e->rw[k], "jpg");
    }
    memcpy(im->color, e->color, sizeof im->color);
    im->preview = hc_xstrdup(e->preview);
}

/* Links (or writes) the files of entry e into the output. */
static int publish(stage *s, size_t i, const hc_img_entry *e, const hc_img_made *made)
{
    hc_buf from = HC_BUF_INIT, to = HC_BUF_INIT;
    const hc_img *im = &s->t->v[i];
    int rc = 0;
    for (int k = 0; k < e->n && rc == 0; k++)
        for (int f = 0; f < 2 && rc == 0; f++) {
            const char *ext = f ? "jpg" : "webp";
            hc_buf_reset(&to);
            hc_buf_printf(&to, "%s/%s", s->o->out_dir, f ? im->sizes[k].jpeg : im->sizes[k].webp);
            if (s->o->cache_dir) {
                cache_file(&from, s->o->cache_dir, e->key, e->rw[k], ext);
                rc = hc_fs_link(hc_buf_cstr(&from), hc_buf_cstr(&to));
            } else {
                const hc_buf *data = f ? &made->r[k].jpeg : &made->r[k].webp;
                rc = hc_fs_write(hc_buf_cstr(&to), data->data, data->len);
            }
            if (rc == 0) atomic_fetch_add(&s->files, 1);
        }
    if (rc != 0)
        hc_error(s->d, "write", hc_buf_cstr(&to), 0, 0, "cannot write: %s", strerror(errno));
    hc_buf_free(&from);
    hc_buf_free(&to);
    return rc;
}

/* 1 if every file of a cache entry is there. */
static int cached_whole(const stage *s, const hc_img_entry *e)
{
    hc_buf p = HC_BUF_INIT;
    int ok = s->o->cache_dir != NULL;
    for (int k = 0; ok && k < e->n; k++)
        for (int f = 0; ok && f < 2; f++) {
            cache_file(&p, s->o->cache_dir, e->key, e->rw[k], f ? "jpg" : "webp");
            ok = access(hc_buf_cstr(&p), F_OK) == 0;
        }
    hc_buf_free(&p);
    return ok;
}

/* Makes image i and keeps its files in the cache folder. */
static int make(stage *s, const hc_buf *data, hc_img_entry *e, hc_img_made *made, hc_buf *why)
{
    if (hc_vips_make(data->data, data->len, made, why) != 0) return -1;
    e->w = made->w;
    e->h = made->h;
    e->n = made->n;
    for (int k = 0; k < made->n; k++) {
        e->rw[k] = made->r[k].w;
        e->rh[k] = made->r[k].h;
    }
    memcpy(e->color, made->color, sizeof e->color);
    e->preview = hc_xstrdup(hc_buf_cstr(&made->preview));
    atomic_fetch_add(&s->made, 1);
    if (!s->o->cache_dir) return 0;
    hc_buf p = HC_BUF_INIT;
    int rc = 0;
    for (int k = 0; k < made->n && rc == 0; k++)
        for (int f = 0; f < 2 && rc == 0; f++) {
            const hc_buf *b = f ? &made->r[k].jpeg : &made->r[k].webp;
            cache_file(&p, s->o->cache_dir, e->key, made->r[k].w, f ? "jpg" : "webp");
            rc = hc_fs_write_atomic(hc_buf_cstr(&p), b->data, b->len);
        }
    if (rc != 0) hc_error(s->d, "write", hc_buf_cstr(&p), 0, 0, "cannot write: %s", strerror(errno));
    hc_buf_free(&p);
    return rc;
}

static void report(stage *s, const hc_img_use *u, const char *fmt, const char *arg)
{
    hc_buf msg = HC_BUF_INIT;
    hc_buf_printf(&msg, "image %s ", u->src);
    hc_buf_printf(&msg, fmt, arg);
    hc_error(s->d, "image", u->at.path, u->at.line, u->at.col, "%s", hc_buf_cstr(&msg));
    hc_buf_free(&msg);
}

/* Opens the source of use u: only a regular file inside the site. */
static int open_source(stage *s, const hc_img_use *u, struct stat *st)
{
    hc_buf path = HC_BUF_INIT;
    hc_buf_printf(&path, "%s/%s", s->m->root, u->src);
    int fd = hc_tree_open_path(hc_buf_cstr(&path), s->m->root, st);
    if (fd < 0)
        report(s, u, "cannot be read: %s",
               errno == ENOENT ? "there is no such file"
               : errno == EACCES ? "it is a link leading outside the site folder"
               : errno == EINVAL ? "it is not a regular file (a FIFO, device or folder)"
                                 : strerror(errno));
    hc_buf_free(&path);
    return fd;
}

/* Entry e becomes a copy of the cache's entry old (for source u as stat'ed). */
static void take(stage *s, hc_img_entry *e, const hc_img_entry *old, const hc_img_use *u, const struct stat *st)
{
    *e = *old;
    e->preview = hc_xstrdup(old->preview);
    e->src = hc_xstrdup(u->src);
    e->size = (long long)st->st_size;
    e->mtime_ns = (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
    atomic_fetch_add(&s->reused, 1);
}

/* Where an SVG source is published: under assets/ as it is. */
static char *svg_site_path(const char *src)
{
    hc_buf b = HC_BUF_INIT;
    hc_buf_printf(&b, "assets/%s", strncmp(src, "assets/", 7) == 0 ? src + 7 : src);
    return hc_buf_detach(&b, NULL);
}

static int do_svg(stage *s, size_t i, const hc_img_use *u, const hc_buf *data)
{
    hc_img *im = &s->t->v[i];
    if (hc_svg_check(data->data ? data->data : "", data->len, u->src, &u->at, s->d) != 0) return -1;
    hc_buf b = HC_BUF_INIT;
    im->svg = 1;
    im->svg_path = svg_site_path(u->src);
    /* published here, checked (static.c leaves the SVGs of the set alone) */
    {
        hc_buf_printf(&b, "%s/%s", s->o->out_dir, im->svg_path);
        int rc = hc_fs_write(hc_buf_cstr(&b), data->data ? data->data : "", data->len);
        if (rc != 0) hc_error(s->d, "write", hc_buf_cstr(&b), 0, 0, "cannot write: %s", strerror(errno));
        hc_buf_free(&b);
        if (rc != 0) return -1;
        atomic_fetch_add(&s->files, 1);
    }
    return 0;
}

static void one(stage *s, size_t i)
{
    const hc_img_use *u = &s->uses[i];
    hc_img_entry *e = &s->t->ent[i];
    hc_buf data = HC_BUF_INIT, why = HC_BUF_INIT;
    hc_img_made made;
    struct stat st;
    int fd = -1;
    memset(&made, 0, sizeof made);
    const char *named = hc_img_kind_of_name(u->src);
    if (!named) {
        report(s, u, "is not an image file huace can publish (%s)",
               "JPEG, PNG, WebP, GIF, TIFF, HEIF/AVIF or SVG, by its file name ending");
        goto out;
    }
    if ((fd = open_source(s, u, &st)) < 0) goto out;
    long long mtime = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    const hc_img_entry *old = hc_img_index_by_stat(s->prev, u->src, (long long)st.st_size, mtime);
    if (strcmp(named, "SVG") != 0 && old && cached_whole(s, old)) {   /* unchanged: not even read */
        take(s, e, old, u, &st);
        goto publish;
    }
    if (hc_fs_read_fd(fd, &data, NULL) != 0) {
        report(s, u, "cannot be read: %s", strerror(errno));
        goto out;
    }
    if (!strcmp(named, "SVG")) {
        s->ok[i] = do_svg(s, i, u, &data) == 0;
        goto out;
    }
    const char *is = hc_img_sniff(data.data, data.len);
    if (!is) {
        report(s, u, "is not %s data: it is damaged, or another kind of file renamed", named);
        goto out;
    }
    if (strcmp(is, named) != 0 && !(strcmp(named, "HEIF") == 0 && strcmp(is, "AVIF") == 0)) {
        hc_buf msg = HC_BUF_INIT;
        hc_buf_printf(&msg, "is a %s file named as %s: rename it to match what it is", is, named);
        report(s, u, "%s", hc_buf_cstr(&msg));
        hc_buf_free(&msg);
        goto out;
    }
    char key[17];
    uint64_t h = hc_hash(HC_HASH_INIT, HC_IMG_SETTINGS, strlen(HC_IMG_SETTINGS));
    hc_hash_hex(hc_hash(h, data.data, data.len), key);
    old = hc_img_index_get(s->prev, key);
    if (old && cached_whole(s, old)) {   /* the same bytes (touched, or copied) */
        take(s, e, old, u, &st);
        goto publish;
    }
    memcpy(e->key, key, sizeof key);
    e->src = hc_xstrdup(u->src);
    e->size = (long long)st.st_size;
    e->mtime_ns = mtime;
    if (make(s, &data, e, &made, &why) != 0) {
        if (why.len) report(s, u, "%s", hc_buf_cstr(&why));
        goto out;
    }
publish:
    fill(s, i, e);
    s->ok[i] = publish(s, i, e, &made) == 0;
out:
    if (fd >= 0) close(fd);
    hc_img_made_free(&made);
    hc_buf_free(&data);
    hc_buf_free(&why);
}

static void *worker(void *arg)
{
    stage *s = arg;
    size_t k;
    while ((k = atomic_fetch_add(&s->next, 1)) < s->t->n) one(s, s->order[k]);
    return NULL;
}

/* Memory touched for the first time is dear on a virtual machine (a page
 * fault per 4 KB page, each tens of microseconds: 7-10 ms per MB, more than
 * decoding it costs), and glibc gives big blocks (from 128 KB, rising with
 * use) back to the kernel as soon as they are freed, so every photo would pay
 * again for its 60 MB of pixel buffers. While the stage runs, blocks up to
 * 32 MB (a 2400 px photo is 13 MB) come from the heap and freed memory stays
 * in it, to be reused by the next photo; afterwards it is given back and the
 * heap keeps what glibc's own rule would keep (twice the largest block). */
static void keep_memory(int on)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, on ? 1 << 30 : 64 << 20);
    if (!on) malloc_trim(0);
#else
    (void)on;
#endif
}

typedef struct { long long size; size_t i; } by_size;   /* size: the guessed cost */

static int cmp_size(const void *a, const void *b)
{
    const by_size *x = a, *y = b;
    if (x->size != y->size) return x->size < y->size ? 1 : -1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* The dearest images first: the ones that take longest are started early and
 * the last ones the workers take are quick, so no thread is left with a big
 * portrait photo while the others wait. The cost is guessed from the header
 * (hc_vips_cost); an image the cache holds costs nothing. The output does not
 * depend on the order. */
static size_t *work_order(const stage *s, size_t n)
{
    by_size *v = hc_xcalloc(n ? n : 1, sizeof *v);
    size_t *order = hc_xcalloc(n ? n : 1, sizeof *order);
    hc_buf p = HC_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        const char *kind = hc_img_kind_of_name(s->uses[i].src);
        hc_buf_reset(&p);
        hc_buf_printf(&p, "%s/%s", s->m->root, s->uses[i].src);
        v[i].i = i;
        /* a regular file, not a link (the worker checks where a link leads) */
        if (!kind || !strcmp(kind, "SVG") || lstat(hc_buf_cstr(&p), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        long long mtime = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
        if (hc_img_index_by_stat(s->prev, s->uses[i].src, (long long)st.st_size, mtime)) continue;
        v[i].size = hc_vips_cost(hc_buf_cstr(&p));
    }
    qsort(v, n, sizeof *v, cmp_size);
    for (size_t i = 0; i < n; i++) order[i] = v[i].i;
    hc_buf_free(&p);
    free(v);
    return order;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Frees what an image and its entry own. */
static void img_clear(hc_img *im, hc_img_entry *e)
{
    for (int k = 0; k < im->nsizes; k++) {
        free((char *)im->sizes[k].webp);
        free((char *)im->sizes[k].jpeg);
    }
    free((char *)im->src);
    free((char *)im->svg_path);
    free((char *)im->preview);
    free(e->preview);
    free(e->src);
}

/* Drops the images that failed, keeping the set sorted. */
static void compact(hc_images *t, const int *ok)
{
    size_t w = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (ok[i]) {
            t->v[w] = t->v[i];
            t->ent[w++] = t->ent[i];
            continue;
        }
        img_clear(&t->v[i], &t->ent[i]);
    }
    t->n = w;
}

/* hc_images_lookup's image i: 0 when the cache has it as its source is now. */
static int lookup_one(stage *s, size_t i)
{
    const hc_img_use *u = &s->uses[i];
    const char *named = hc_img_kind_of_name(u->src);
    struct stat st;
    hc_buf path = HC_BUF_INIT;
    hc_buf_printf(&path, "%s/%s", s->m->root, u->src);
    int rc = named && stat(hc_buf_cstr(&path), &st) == 0 && S_ISREG(st.st_mode) ? 0 : -1;
    hc_buf_free(&path);
    if (rc != 0) return -1;
    if (!strcmp(named, "SVG")) {   /* checked and published by the build that made the cache */
        s->t->v[i].svg = 1;
        s->t->v[i].svg_path = svg_site_path(u->src);
        return 0;
    }
    long long mtime = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    const hc_img_entry *old = hc_img_index_by_stat(s->prev, u->src, (long long)st.st_size, mtime);
    if (!old || !cached_whole(s, old)) return -1;
    take(s, &s->t->ent[i], old, u, &st);
    fill(s, i, &s->t->ent[i]);
    return 0;
}

int hc_images_lookup(const hc_model *m, const char *cache_dir, hc_images **out)
{
    hc_img_use *uses = NULL;
    size_t n = 0;
    *out = NULL;
    hc_img_collect(m, &uses, &n);
    hc_images *t = hc_xcalloc(1, sizeof *t);
    t->root = hc_xstrdup(m->root);
    t->cache_dir = hc_xstrdup(cache_dir);
    t->n = n;
    t->v = hc_xcalloc(n ? n : 1, sizeof *t->v);
    t->ent = hc_xcalloc(n ? n : 1, sizeof *t->ent);
    for (size_t i = 0; i < n; i++) t->v[i].src = uses[i].src;   /* the set takes the strings */
    hc_img_index prev;
    hc_img_index_load(&prev, cache_dir);
    hc_images_opts o = { .cache_dir = cache_dir };
    stage s = { .m = m, .o = &o, .t = t, .uses = uses, .prev = &prev };
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) rc = lookup_one(&s, i);
    hc_img_index_free(&prev);
    free(uses);
    if (rc != 0) hc_images_free(t);
    else *out = t;
    return rc;
}

int hc_images_process(const hc_model *m, const hc_images_opts *o, hc_diags *d, hc_images **out, hc_images_stats *st)
{
    double t0 = now_s();
    size_t before = hc_diags_errors(d);
    hc_img_use *uses = NULL;
    size_t n = 0;
    hc_img_collect(m, &uses, &n);
    hc_images *t = hc_xcalloc(1, sizeof *t);
    t->root = hc_xstrdup(m->root);
    t->cache_dir = o->cache_dir ? hc_xstrdup(o->cache_dir) : NULL;
    t->n = n;
    t->v = hc_xcalloc(n ? n : 1, sizeof *t->v);
    t->ent = hc_xcalloc(n ? n : 1, sizeof *t->ent);
    for (size_t i = 0; i < n; i++) t->v[i].src = uses[i].src;   /* the set takes the strings */
    hc_img_index prev;
    hc_img_index_load(&prev, o->cache_dir);
    if (o->cache_dir && n && hc_fs_mkdirs(o->cache_dir) != 0)
        hc_error(d, "write", o->cache_dir, 0, 0, "cannot create the image cache folder: %s", strerror(errno));
    stage s = { .m = m, .o = o, .d = d, .t = t, .uses = uses, .prev = &prev };
    s.ok = hc_xcalloc(n ? n : 1, sizeof *s.ok);
    size_t *order = work_order(&s, n);
    s.order = order;
    atomic_init(&s.next, 0);
    atomic_init(&s.made, 0);
    atomic_init(&s.reused, 0);
    atomic_init(&s.files, 0);
    if (n) {
        hc_vips_start();
        keep_memory(1);
    }
    int jobs = o->jobs > 0 ? o->jobs : 1;
    if ((size_t)jobs > n) jobs = n ? (int)n : 1;
    pthread_t *th = hc_xcalloc((size_t)jobs, sizeof *th);
    int started = 0;
    for (int j = 1; j < jobs; j++)
        if (pthread_create(&th[j], NULL, worker, &s) == 0) started = j;
        else break;
    worker(&s);
    for (int j = 1; j <= started; j++) pthread_join(th[j], NULL);
    free(th);
    if (n) keep_memory(0);
    compact(t, s.ok);
    if (o->cache_dir && t->n && hc_diags_errors(d) == before) hc_img_index_save(o->cache_dir, t->ent, t->n);
    hc_img_index_free(&prev);
    free(s.ok);
    free(order);
    free(uses);   /* the strings belong to the set now (or were freed by compact) */
    if (st) {
        st->images = n;
        st->made = atomic_load(&s.made);
        st->reused = atomic_load(&s.reused);
        st->files = atomic_load(&s.files);
        st->seconds = now_s() - t0;
    }
    *out = t;
    return hc_diags_errors(d) > before ? -1 : 0;
}

static int cmp_src(const void *k, const void *e)
{
    return strcmp(k, ((const hc_img *)e)->src);
}

const hc_img *hc_images_get(const hc_images *t, const char *src)
{
    if (!t || !t->n || !src) return NULL;
    return bsearch(src, t->v, t->n, sizeof *t->v, cmp_src);
}

hc_asset_rule hc_images_asset(const hc_images *t, const char *site_path)
{
    const char *kind = hc_img_kind_of_name(site_path);
    if (!kind) return HC_ASSET_COPY;
    if (strcmp(kind, "SVG") != 0) return HC_ASSET_SKIP;
    return hc_images_get(t, site_path) ? HC_ASSET_SKIP : HC_ASSET_SVG;
}

int hc_images_print(const hc_images *t, const char *src, int px, hc_buf *jpeg, int *w, int *h)
{
    const hc_img *im = hc_images_get(t, src);
    if (!im || im->svg || px < 1) return -1;
    const hc_img_entry *e = &t->ent[im - t->v];
    if (px > im->w) px = im->w;
    px = (px + 63) / 64 * 64 < im->w ? (px + 63) / 64 * 64 : im->w;   /* fewer sizes to keep */
    hc_buf path = HC_BUF_INIT, data = HC_BUF_INIT, why = HC_BUF_INIT;
    int rc = -1;
    size_t start = jpeg->len;
    if (t->cache_dir) {
        hc_buf_printf(&path, "%s/%s-p%d.jpg", t->cache_dir, e->key, px);
        if (hc_fs_read(hc_buf_cstr(&path), &data) == 0 && data.len > 4) {
            hc_buf_put(jpeg, data.data, data.len);
            *w = px;
            *h = (int)((double)im->h * px / im->w + 0.5);
            rc = 0;
            goto out;
        }
    }
    hc_buf src_path = HC_BUF_INIT;
    hc_buf_printf(&src_path, "%s/%s", t->root, src);
    int read = hc_tree_read_path(hc_buf_cstr(&src_path), t->root, &data);
    hc_buf_free(&src_path);
    if (read != 0) goto out;
    char key[17];   /* the bytes the set was made from, or nothing */
    uint64_t hh = hc_hash(HC_HASH_INIT, HC_IMG_SETTINGS, strlen(HC_IMG_SETTINGS));
    hc_hash_hex(hc_hash(hh, data.data, data.len), key);
    if (strcmp(key, e->key) != 0) goto out;
    if (hc_vips_print(data.data, data.len, px, jpeg, w, h, &why) != 0) goto out;
    if (t->cache_dir) hc_fs_write_atomic(hc_buf_cstr(&path), jpeg->data + start, jpeg->len - start);
    rc = 0;
out:
    if (rc != 0) hc_buf_truncate(jpeg, start);
    hc_buf_free(&path);
    hc_buf_free(&data);
    hc_buf_free(&why);
    return rc;
}

/* A cache file's key: its name up to the first '-' (16 hex digits). */
static int kept(const hc_images *t, const char *name)
{
    if (!strcmp(name, "index")) return 1;
    if (strlen(name) < 17 || name[16] != '-') return 0;
    for (size_t i = 0; i < t->n; i++)
        if (!t->v[i].svg && !strncmp(t->ent[i].key, name, 16)) return 1;
    return 0;
}

void hc_images_prune(const hc_images *t)
{
    if (!t || !t->cache_dir) return;
    DIR *dir = opendir(t->cache_dir);
    if (!dir) return;
    struct dirent *de;
    hc_buf p = HC_BUF_INIT;
    while ((de = readdir(dir))) {
        if (de->d_name[0] == '.' || kept(t, de->d_name)) continue;
        hc_buf_reset(&p);
        hc_buf_printf(&p, "%s/%s", t->cache_dir, de->d_name);
        unlink(hc_buf_cstr(&p));
    }
    closedir(dir);
    hc_buf_free(&p);
}

void hc_images_free(hc_images *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->n; i++) {
        img_clear(&t->v[i], &t->ent[i]);
    }
    free(t->v);
    free(t->ent);
    free(t->root);
    free(t->cache_dir);
    free(t);
}
