#include "cache.h"
#include "base/buf.h"
#include "base/fs.h"
#include "base/hash.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t hash_tree(uint64_t h, const char *dir, hc_buf *data)
{
    char **paths;
    size_t n;
    hc_buf full = HC_BUF_INIT;
    hc_fs_walk(dir, &paths, &n);
    h = hc_hash(h, dir, strlen(dir) + 1);
    for (size_t i = 0; i < n; i++) {
        hc_buf_reset(&full);
        hc_buf_printf(&full, "%s/%s", dir, paths[i]);
        h = hc_hash(h, paths[i], strlen(paths[i]) + 1);
        if (hc_fs_read(hc_buf_cstr(&full), data) == 0) h = hc_hash(h, data->data ? data->data : "", data->len);
        else h = hc_hash(h, "\xff", 1);
    }
    hc_fs_names_free(paths, n);
    hc_buf_free(&full);
    return h;
}

uint64_t hc_cache_inputs(const char *root, const char *theme_dir, const char *options)
{
    static const char *const parts[] = { "site.yaml", "seeds", "content", "assets", "layouts", "themes" };
    hc_buf data = HC_BUF_INIT, p = HC_BUF_INIT;
    uint64_t h = hc_hash(HC_HASH_INIT, options, strlen(options) + 1);
    if (hc_fs_read("/proc/self/exe", &data) == 0) h = hc_hash(h, data.data, data.len);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        hc_buf_reset(&p);
        hc_buf_printf(&p, "%s/%s", root, parts[i]);
        if (!hc_fs_is_dir(hc_buf_cstr(&p))) {
            if (hc_fs_read(hc_buf_cstr(&p), &data) == 0) h = hc_hash(h, data.data ? data.data : "", data.len);
            h = hc_hash(h, parts[i], strlen(parts[i]) + 1);
            continue;
        }
        h = hash_tree(h, hc_buf_cstr(&p), &data);
    }
    if (theme_dir) h = hash_tree(h, theme_dir, &data);
    hc_buf_free(&data);
    hc_buf_free(&p);
    return h;
}

static void cache_path(hc_buf *b, const char *out) { hc_buf_printf(b, "%s.huace-cache", out); }

int hc_cache_fresh(const char *out, uint64_t inputs, size_t *pages)
{
    hc_buf path = HC_BUF_INIT, text = HC_BUF_INIT, file = HC_BUF_INIT;
    int fresh = 0;
    size_t listed = 0;
    char **paths = NULL;
    size_t n = 0;
    cache_path(&path, out);
    if (hc_fs_read(hc_buf_cstr(&path), &text) != 0) goto out;
    char hex[17];
    unsigned long long h;
    if (sscanf(hc_buf_cstr(&text), "huace-cache 1 inputs %16s pages %zu", hex, pages) != 2) goto out;
    h = strtoull(hex, NULL, 16);
    if (h != inputs) goto out;
    char *line = strchr(text.data, '\n');
    while (line && line[1]) {
        line++;
        char *nl = strchr(line, '\n');
        if (!nl) goto out;
        *nl = '\0';
        long long size;
        int off;
        if (sscanf(line, "%lld %n", &size, &off) != 1) goto out;
        hc_buf_reset(&file);
        hc_buf_printf(&file, "%s/%s", out, line + off);
        struct stat st;
        if (stat(hc_buf_cstr(&file), &st) != 0 || (long long)st.st_size != size) goto out;
        listed++;
        line = nl;
    }
    /* nothing added since */
    if (hc_fs_walk(out, &paths, &n) != 0 || n != listed) goto out;
    fresh = 1;
out:
    hc_fs_names_free(paths, n);
    hc_buf_free(&path);
    hc_buf_free(&text);
    hc_buf_free(&file);
    return fresh;
}

void hc_cache_save(const char *out, uint64_t inputs, size_t pages)
{
    char **paths;
    size_t n;
    hc_buf b = HC_BUF_INIT, file = HC_BUF_INIT, path = HC_BUF_INIT;
    char hex[17];
    hc_hash_hex(inputs, hex);
    hc_buf_printf(&b, "huace-cache 1 inputs %s pages %zu\n", hex, pages);
    if (hc_fs_walk(out, &paths, &n) != 0) goto done;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        hc_buf_reset(&file);
        hc_buf_printf(&file, "%s/%s", out, paths[i]);
        if (stat(hc_buf_cstr(&file), &st) != 0) goto done;
        hc_buf_printf(&b, "%lld %s\n", (long long)st.st_size, paths[i]);
    }
    cache_path(&path, out);
    hc_fs_write(hc_buf_cstr(&path), b.data, b.len);
done:
    hc_fs_names_free(paths, n);
    hc_buf_free(&b);
    hc_buf_free(&file);
    hc_buf_free(&path);
}

void hc_cache_drop(const char *out)
{
    hc_buf path = HC_BUF_INIT;
    cache_path(&path, out);
    unlink(hc_buf_cstr(&path));
    hc_buf_free(&path);
}
