#include "cache.h"
#include "base/alloc.h"
#include "base/buf.h"
#include "base/fs.h"
#include "base/hash.h"
#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* One input file as recorded: path relative to the site folder. */
typedef struct {
    char *path;
    long long size, mtime;
    uint64_t hash;
} input_rec;

struct hc_cache {
    char *out, *file;
    uint64_t inputs;          /* as recorded */
    size_t pages;
    int loaded;
    input_rec *old; size_t nold;         /* recorded inputs, sorted by path */
    input_rec *cur; size_t ncur, capcur; /* this build's inputs */
    char *manifest;           /* recorded "D"/"F" lines */
};

static long long mtime_ns(const struct stat *st)
{
    return (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
}

static int cmp_rec(const void *a, const void *b)
{
    return strcmp(((const input_rec *)a)->path, ((const input_rec *)b)->path);
}

hc_cache *hc_cache_open(const char *out)
{
    hc_cache *c = hc_xcalloc(1, sizeof *c);
    hc_buf text = HC_BUF_INIT, man = HC_BUF_INIT;
    size_t cap = 0;
    c->out = hc_xstrdup(out);
    if (asprintf(&c->file, "%s.huace-cache", out) < 0) abort();
    if (hc_fs_read(c->file, &text) != 0) goto out;
    char hex[17];
    if (sscanf(hc_buf_cstr(&text), "huace-cache 2 inputs %16s pages %zu", hex, &c->pages) != 2) goto out;
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
            if (sscanf(line, "I %lld %lld %16llx %n", &size, &mt, &h, &off) == 3) {
                c->old = hc_xgrow(c->old, &cap, c->nold + 1, sizeof *c->old);
                c->old[c->nold++] = (input_rec){ hc_xstrdup(line + off), size, mt, h };
            }
        } else {
            hc_buf_puts(&man, line);
            hc_buf_putc(&man, '\n');
        }
        line = nl;
    }
    qsort(c->old, c->nold, sizeof *c->old, cmp_rec);
    c->manifest = hc_buf_detach(&man, NULL);
    c->loaded = 1;
out:
    hc_buf_free(&text);
    hc_buf_free(&man);
    return c;
}

void hc_cache_free(hc_cache *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->nold; i++) free(c->old[i].path);
    for (size_t i = 0; i < c->ncur; i++) free(c->cur[i].path);
    free(c->old);
    free(c->cur);
    free(c->manifest);
    free(c->out);
    free(c->file);
    free(c);
}

/* The content hash of root/rel, reused from the record when unchanged. */
static uint64_t file_hash(hc_cache *c, const char *root, const char *rel, hc_buf *data)
{
    hc_buf full = HC_BUF_INIT;
    struct stat st;
    uint64_t h = 0;
    hc_buf_printf(&full, "%s/%s", root, rel);
    if (stat(hc_buf_cstr(&full), &st) != 0) {
        h = 1;  /* missing: the build will say so */
        goto out;
    }
    input_rec key = { (char *)rel, 0, 0, 0 };
    const input_rec *old = c->nold ? bsearch(&key, c->old, c->nold, sizeof *c->old, cmp_rec) : NULL;
    if (old && old->size == (long long)st.st_size && old->mtime == mtime_ns(&st)) {
        h = old->hash;
    } else {
        h = hc_fs_read(hc_buf_cstr(&full), data) == 0 ? hc_hash(HC_HASH_INIT, data->data ? data->data : "", data->len) : 2;
    }
    c->cur = hc_xgrow(c->cur, &c->capcur, c->ncur + 1, sizeof *c->cur);
    c->cur[c->ncur++] = (input_rec){ hc_xstrdup(rel), (long long)st.st_size, mtime_ns(&st), h };
out:
    hc_buf_free(&full);
    return h;
}

uint64_t hc_cache_inputs(hc_cache *c, const char *root, const char *options)
{
    static const char *const parts[] = { "site.yaml", "seeds", "content", "assets", "layouts", "themes" };
    hc_buf data = HC_BUF_INIT, p = HC_BUF_INIT, rel = HC_BUF_INIT;
    uint64_t h = hc_hash(HC_HASH_INIT, options, strlen(options) + 1);
    if (hc_fs_read("/proc/self/exe", &data) == 0) h = hc_hash(h, data.data, data.len);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        hc_buf_reset(&p);
        hc_buf_printf(&p, "%s/%s", root, parts[i]);
        h = hc_hash(h, parts[i], strlen(parts[i]) + 1);
        if (!hc_fs_is_dir(hc_buf_cstr(&p))) {
            uint64_t fh = file_hash(c, root, parts[i], &data);
            h = hc_hash(h, &fh, sizeof fh);
            continue;
        }
        char **paths;
        size_t n;
        hc_fs_walk(hc_buf_cstr(&p), &paths, &n);
        for (size_t k = 0; k < n; k++) {
            hc_buf_reset(&rel);
            hc_buf_printf(&rel, "%s/%s", parts[i], paths[k]);
            uint64_t fh = file_hash(c, root, hc_buf_cstr(&rel), &data);
            h = hc_hash(h, rel.data, rel.len + 1);
            h = hc_hash(h, &fh, sizeof fh);
        }
        hc_fs_names_free(paths, n);
    }
    hc_buf_free(&data);
    hc_buf_free(&p);
    hc_buf_free(&rel);
    return h;
}

int hc_cache_fresh(hc_cache *c, uint64_t inputs, size_t *pages)
{
    if (!c->loaded || c->inputs != inputs || !c->manifest || !c->manifest[0]) return 0;
    hc_buf path = HC_BUF_INIT;
    int fresh = 0;
    for (const char *line = c->manifest; *line;) {
        const char *nl = strchr(line, '\n');
        char kind = line[0], *end;
        long long v = strtoll(line + 1, &end, 10);   /* not sscanf: it measures the whole rest */
        if (!nl || end == line + 1 || *end != ' ') goto out;
        hc_buf_reset(&path);
        hc_buf_printf(&path, "%s/", c->out);
        hc_buf_put(&path, end + 1, (size_t)(nl - end - 1));
        struct stat st;
        if (stat(hc_buf_cstr(&path), &st) != 0) goto out;
        if (kind == 'D' && mtime_ns(&st) != v) goto out;
        if (kind == 'F' && (long long)st.st_size != v) goto out;
        line = nl + 1;
    }
    *pages = c->pages;
    fresh = 1;
out:
    hc_buf_free(&path);
    return fresh;
}

/* Folders (with their times) and files (with their sizes) below dir. */
static void manifest(const char *root, const char *rel, hc_buf *b)
{
    hc_buf dir = HC_BUF_INIT, sub = HC_BUF_INIT;
    hc_buf_printf(&dir, "%s/%s", root, rel);
    struct stat st;
    DIR *d = opendir(hc_buf_cstr(&dir));
    if (!d || fstat(dirfd(d), &st) != 0) goto out;
    hc_buf_printf(b, "D %lld %s\n", mtime_ns(&st), rel[0] ? rel : ".");
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        hc_buf_reset(&sub);
        hc_buf_printf(&sub, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
        if (e->d_type == DT_DIR) {
            manifest(root, hc_buf_cstr(&sub), b);
        } else if (fstatat(dirfd(d), e->d_name, &st, 0) == 0) {
            if (S_ISDIR(st.st_mode)) manifest(root, hc_buf_cstr(&sub), b);
            else hc_buf_printf(b, "F %lld %s\n", (long long)st.st_size, hc_buf_cstr(&sub));
        }
    }
out:
    if (d) closedir(d);
    hc_buf_free(&dir);
    hc_buf_free(&sub);
}

void hc_cache_save(hc_cache *c, uint64_t inputs, size_t pages)
{
    hc_buf b = HC_BUF_INIT;
    char hex[17];
    hc_hash_hex(inputs, hex);
    hc_buf_printf(&b, "huace-cache 2 inputs %s pages %zu\n", hex, pages);
    for (size_t i = 0; i < c->ncur; i++)
        hc_buf_printf(&b, "I %lld %lld %016" PRIx64 " %s\n", c->cur[i].size, c->cur[i].mtime, c->cur[i].hash,
                      c->cur[i].path);
    manifest(c->out, "", &b);
    hc_fs_write(c->file, b.data, b.len);
    hc_buf_free(&b);
}

void hc_cache_drop(hc_cache *c)
{
    unlink(c->file);
}
