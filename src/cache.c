/* cache.c — OUT.huace-cache: inputs as recorded and the output's manifest.
 *
 * File format, one record per line:
 *   huace-cache 3 inputs <hex> pages <n>
 *   I <size> <mtime ns> <hex hash> <input path relative to the site>
 *   D <mtime ns> .                      the output folder
 *   F <size> <output path relative to the output folder>
 */
#include "cache.h"
#include "base/alloc.h"
#include "base/buf.h"
#include "base/fs.h"
#include "base/hash.h"
#include "base/tree.h"
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* One input file: path relative to the site folder. */
typedef struct {
    char *path;
    long long size, mtime;
    uint64_t hash;
    int known;        /* hash is set */
} input_rec;

typedef struct {
    input_rec *v;
    size_t n, cap;
} input_vec;

struct hc_cache {
    char *out, *file, *root;
    uint64_t inputs;          /* as recorded */
    uint64_t head;            /* hash of the options and the executable */
    size_t pages;
    int loaded;
    input_vec old;            /* recorded inputs, sorted by path */
    input_vec cur;            /* this build's inputs, sorted by path */
    char *manifest;           /* recorded "D"/"F" lines */
    pthread_t checker;        /* checks the output against the manifest meanwhile */
    int checking, output_ok;
};

static void *check_output(void *arg);

static long long mtime_ns(const struct stat *st)
{
    return (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
}

static int cmp_rec(const void *a, const void *b)
{
    return strcmp(((const input_rec *)a)->path, ((const input_rec *)b)->path);
}

static input_rec *find(const input_vec *v, const char *path)
{
    input_rec key = { (char *)path, 0, 0, 0, 0 };
    return v->n ? bsearch(&key, v->v, v->n, sizeof *v->v, cmp_rec) : NULL;
}

static void push(input_vec *v, input_rec r)
{
    v->v = hc_xgrow(v->v, &v->cap, v->n + 1, sizeof *v->v);
    v->v[v->n++] = r;
}

static void vec_free(input_vec *v)
{
    for (size_t i = 0; i < v->n; i++) free(v->v[i].path);
    free(v->v);
    memset(v, 0, sizeof *v);
}

hc_cache *hc_cache_open(const char *out)
{
    hc_cache *c = hc_xcalloc(1, sizeof *c);
    hc_buf text = HC_BUF_INIT, man = HC_BUF_INIT;
    c->out = hc_xstrdup(out);
    if (asprintf(&c->file, "%s.huace-cache", out) < 0) abort();
    if (hc_fs_read(c->file, &text) != 0) goto out;
    char hex[17];
    if (sscanf(hc_buf_cstr(&text), "huace-cache 3 inputs %16s pages %zu", hex, &c->pages) != 2) goto out;
    c->inputs = strtoull(hex, NULL, 16);
    for (char *line = strchr(text.data, '\n'); line && line[1];) {
        line++;
        char *nl = strchr(line, '\n');
        if (!nl) break;
        *nl = '\0';
        if (line[0] == 'I') {
            long long size, mt;
            unsigned long long h;
            int off;
            if (sscanf(line, "I %lld %lld %16llx %n", &size, &mt, &h, &off) == 3)
                push(&c->old, (input_rec){ hc_xstrdup(line + off), size, mt, h, 1 });
        } else {
            hc_buf_puts(&man, line);
            hc_buf_putc(&man, '\n');
        }
        line = nl;
    }
    if (c->old.n) qsort(c->old.v, c->old.n, sizeof *c->old.v, cmp_rec);
    c->manifest = hc_buf_detach(&man, NULL);
    c->loaded = 1;
    /* the output's stats and the inputs' stats are independent: do them at once */
    c->checking = c->manifest[0] && pthread_create(&c->checker, NULL, check_output, c) == 0;
out:
    hc_buf_free(&text);
    hc_buf_free(&man);
    return c;
}

/* The result of the output check started by hc_cache_open. */
static int output_ok(hc_cache *c)
{
    if (c->checking) {
        pthread_join(c->checker, NULL);
        c->checking = 0;
    }
    return c->output_ok;
}

void hc_cache_free(hc_cache *c)
{
    if (!c) return;
    output_ok(c);
    vec_free(&c->old);
    vec_free(&c->cur);
    free(c->manifest);
    free(c->out);
    free(c->file);
    free(c->root);
    free(c);
}

/* Reads root/r->path and sets its hash (2 if it cannot be read: the build
 * will say why). */
static void hash_file(const char *root, input_rec *r, hc_buf *data)
{
    hc_buf full = HC_BUF_INIT;
    hc_buf_printf(&full, "%s/%s", root, r->path);
    r->hash = hc_fs_read(hc_buf_cstr(&full), data) == 0 ? hc_hash(HC_HASH_INIT, data->data ? data->data : "", data->len) : 2;
    r->known = 1;
    hc_buf_free(&full);
}

/* Left to the loader on a first build: it reads and hashes these anyway. */
static int loader_reads(const char *rel)
{
    size_t n = strlen(rel);
    return !strncmp(rel, "content/", 8) && n > 3 && !strcmp(rel + n - 3, ".md");
}

/* rootfd: the site folder, so that each stat resolves a short path */
static void scan_file(hc_cache *c, int rootfd, const char *rel, hc_buf *data)
{
    struct stat st;
    if (fstatat(rootfd, rel, &st, 0) != 0) {
        /* a link to nothing: still an input, so that the build runs and says
         * why, instead of finding nothing changed since the last good build */
        push(&c->cur, (input_rec){ hc_xstrdup(rel), -1, 0, 2, 1 });
        return;
    }
    {
        input_rec r = { hc_xstrdup(rel), (long long)st.st_size, mtime_ns(&st), 0, 0 };
        const input_rec *old = find(&c->old, rel);
        if (old && old->size == r.size && old->mtime == r.mtime) {
            r.hash = old->hash;
            r.known = 1;
        } else if (c->old.n || !loader_reads(rel)) {
            hash_file(c->root, &r, data);
        }
        push(&c->cur, r);
    }
}

/* Calls fn(rootfd, rel, arg) for every input of the site at root: the files
 * a build reads, paths relative to root, in no particular order. */
static void each_input(const char *root, void (*fn)(int rootfd, const char *rel, void *arg), void *arg)
{
    static const char *const parts[] = { "site.yaml", "seeds", "content", "assets", "layouts", "themes" };
    hc_buf p = HC_BUF_INIT, rel = HC_BUF_INIT;
    int rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        hc_buf_reset(&p);
        hc_buf_printf(&p, "%s/%s", root, parts[i]);
        if (!hc_fs_is_dir(hc_buf_cstr(&p))) {
            fn(rootfd, parts[i], arg);
            continue;
        }
        /* links, FIFOs and loops as the build meets them: assets/ as it is
         * published (links only inside the site), the rest as read */
        hc_tree t = HC_TREE_INIT;
        hc_tree_walk(hc_buf_cstr(&p), !strcmp(parts[i], "assets") ? root : NULL, &t);
        for (size_t k = 0; k < t.nfiles; k++) {
            hc_buf_reset(&rel);
            hc_buf_printf(&rel, "%s/%s", parts[i], t.files[k].rel);
            fn(rootfd, hc_buf_cstr(&rel), arg);
        }
        /* entries the walk left out (a link to nothing, a FIFO) are inputs
         * too: the build reports them, so adding one is a change */
        for (size_t k = 0; k < t.nskips; k++) {
            if (!t.skips[k].rel[0]) continue;
            hc_buf_reset(&rel);
            hc_buf_printf(&rel, "%s/%s", parts[i], t.skips[k].rel);
            fn(rootfd, hc_buf_cstr(&rel), arg);
        }
        hc_tree_free(&t);
    }
    if (rootfd >= 0) close(rootfd);
    hc_buf_free(&p);
    hc_buf_free(&rel);
}

typedef struct {
    hc_cache *c;
    hc_buf data;
} scan_ctx;

static void scan_one(int rootfd, const char *rel, void *arg)
{
    scan_ctx *s = arg;
    scan_file(s->c, rootfd, rel, &s->data);
}

void hc_cache_scan(hc_cache *c, const char *root, const char *options)
{
    scan_ctx s = { c, HC_BUF_INIT };
    free(c->root);
    c->root = hc_xstrdup(root);
    vec_free(&c->cur);
    c->head = hc_hash(HC_HASH_INIT, options, strlen(options) + 1);
    if (hc_fs_read("/proc/self/exe", &s.data) == 0) c->head = hc_hash(c->head, s.data.data, s.data.len);
    each_input(root, scan_one, &s);
    if (c->cur.n) qsort(c->cur.v, c->cur.n, sizeof *c->cur.v, cmp_rec);   /* none: a missing site */
    hc_buf_free(&s.data);
}

/* order-independent: each file's stamp is summed */
static void stamp_one(int rootfd, const char *rel, void *arg)
{
    struct stat st;
    if (fstatat(rootfd, rel, &st, 0) != 0) return;
    long long meta[2] = { (long long)st.st_size, mtime_ns(&st) };
    *(uint64_t *)arg += hc_hash(hc_hash(HC_HASH_INIT, rel, strlen(rel) + 1), meta, sizeof meta);
}

uint64_t hc_cache_stamp(const char *root)
{
    uint64_t sum = 0;
    each_input(root, stamp_one, &sum);
    return sum;
}

void hc_cache_note(hc_cache *c, const char *rel, long long size, long long mtime_ns, uint64_t hash)
{
    input_rec *r = find(&c->cur, rel);
    if (!r) return;
    r->size = size;
    r->mtime = mtime_ns;
    r->hash = hash;
    r->known = 1;
}

/* The inputs hash if every file's hash is known; sets *all_known. */
static uint64_t combine(const hc_cache *c, int *all_known)
{
    uint64_t h = c->head;
    *all_known = 1;
    for (size_t i = 0; i < c->cur.n; i++) {
        const input_rec *r = &c->cur.v[i];
        if (!r->known) *all_known = 0;
        h = hc_hash(h, r->path, strlen(r->path) + 1);
        h = hc_hash(h, &r->hash, sizeof r->hash);
    }
    return h;
}

uint64_t hc_cache_inputs(hc_cache *c)
{
    hc_buf data = HC_BUF_INIT;
    for (size_t i = 0; i < c->cur.n; i++)
        if (!c->cur.v[i].known) hash_file(c->root, &c->cur.v[i], &data);
    hc_buf_free(&data);
    int all;
    return combine(c, &all);
}

/* Runs on its own thread: reads only c->out and c->manifest, sets
 * c->output_ok (read after the join). */
static void *check_output(void *arg)
{
    hc_cache *c = arg;
    hc_buf path = HC_BUF_INIT;
    int ok = 0;
    int outfd = open(c->out, O_RDONLY | O_DIRECTORY | O_CLOEXEC);   /* short paths to resolve */
    if (outfd < 0) goto out;
    for (const char *line = c->manifest; *line;) {
        const char *nl = strchr(line, '\n');
        char kind = line[0], *end;
        long long v = strtoll(line + 1, &end, 10);   /* not sscanf: it measures the whole rest */
        if (!nl || end == line + 1 || *end != ' ') goto out;
        hc_buf_reset(&path);
        hc_buf_put(&path, end + 1, (size_t)(nl - end - 1));
        struct stat st;
        if (fstatat(outfd, hc_buf_cstr(&path), &st, 0) != 0) goto out;
        if (kind == 'D' && mtime_ns(&st) != v) goto out;
        if (kind == 'F' && (long long)st.st_size != v) goto out;
        line = nl + 1;
    }
    ok = 1;
out:
    if (outfd >= 0) close(outfd);
    hc_buf_free(&path);
    c->output_ok = ok;
    return NULL;
}

int hc_cache_fresh(hc_cache *c, size_t *pages)
{
    int all;
    if (!c->loaded || !output_ok(c) || combine(c, &all) != c->inputs || !all) return 0;
    *pages = c->pages;
    return 1;
}

void hc_cache_save(hc_cache *c, uint64_t inputs, size_t pages, const char *written)
{
    hc_buf b = HC_BUF_INIT;
    char hex[17];
    struct stat st;
    if (!written || stat(c->out, &st) != 0) goto out;   /* no manifest: no shortcut next time */
    hc_hash_hex(inputs, hex);
    hc_buf_printf(&b, "huace-cache 3 inputs %s pages %zu\n", hex, pages);
    for (size_t i = 0; i < c->cur.n; i++)
        hc_buf_printf(&b, "I %lld %lld %016" PRIx64 " %s\n", c->cur.v[i].size, c->cur.v[i].mtime, c->cur.v[i].hash,
                      c->cur.v[i].path);
    hc_buf_printf(&b, "D %lld .\n", mtime_ns(&st));
    hc_buf_puts(&b, written);
    hc_fs_write_atomic(c->file, b.data, b.len);
out:
    hc_buf_free(&b);
}

char *hc_cache_manifest(const hc_cache *c)
{
    return hc_xstrdup(c->manifest ? c->manifest : "");
}
