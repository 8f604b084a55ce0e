/* store.c — the cache folder beside the output (OUT.huace-images/).
 *
 * "index" has one line per image made by the last build:
 *   <key> <w> <h> <n> <w1> <h1> … <wn> <hn> <#colour> <preview data: URI> <size> <mtime ns> <src>
 * (src, the site path of the source, is the rest of the line: it may hold spaces)
 * and the files are <key>-<width>.webp|jpg (the web renditions) and
 * <key>-p<px>.jpg (the album's). The key is the content hash of the source
 * bytes and HC_IMG_SETTINGS, so an entry is never stale: it is right or
 * absent. Every file is written through a rename, so a build that stops
 * half-way leaves whole files only. */
#include "images_int.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int parse_line(char *line, hc_img_entry *e)
{
    char *tok[4 + 2 * HC_IMG_NWIDTHS + 4], *p = line;
    int n = 0, want = 4;
    memset(e, 0, sizeof *e);
    while (n < want) {   /* fields up to the source's path, which is the rest of the line */
        char *sp = strchr(p, ' ');
        if (!sp) return -1;
        *sp = 0;
        tok[n++] = p;
        p = sp + 1;
        if (n == 4) {
            e->n = atoi(tok[3]);
            if (e->n < 1 || e->n > HC_IMG_NWIDTHS) return -1;
            want = 4 + 2 * e->n + 4;
        }
    }
    if (strlen(tok[0]) != 16 || !*p) return -1;
    memcpy(e->key, tok[0], 17);
    e->w = atoi(tok[1]);
    e->h = atoi(tok[2]);
    if (e->w < 1 || e->h < 1) return -1;
    for (int i = 0; i < e->n; i++) {
        e->rw[i] = atoi(tok[4 + 2 * i]);
        e->rh[i] = atoi(tok[5 + 2 * i]);
        if (e->rw[i] < 1 || e->rh[i] < 1) return -1;
    }
    const char *color = tok[4 + 2 * e->n], *prev = tok[5 + 2 * e->n];
    if (strlen(color) != 7 || color[0] != '#' || strncmp(prev, "data:image/", 11) != 0) return -1;
    memcpy(e->color, color, 8);
    e->size = atoll(tok[6 + 2 * e->n]);
    e->mtime_ns = atoll(tok[7 + 2 * e->n]);
    e->preview = hc_xstrdup(prev);
    e->src = hc_xstrdup(p);
    return 0;
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const hc_img_entry *)a)->key, ((const hc_img_entry *)b)->key);
}

void hc_img_index_load(hc_img_index *ix, const char *cache_dir)
{
    hc_buf path = HC_BUF_INIT, text = HC_BUF_INIT;
    size_t cap = 0;
    ix->e = NULL;
    ix->n = 0;
    if (!cache_dir) goto out;
    hc_buf_printf(&path, "%s/index", cache_dir);
    if (hc_fs_read(hc_buf_cstr(&path), &text) != 0) goto out;   /* none yet: an empty cache */
    char *p = text.data, *end = text.data + text.len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) break;   /* a line without its end: not whole */
        *nl = 0;
        hc_img_entry e;
        if (parse_line(p, &e) == 0) {
            ix->e = hc_xgrow(ix->e, &cap, ix->n + 1, sizeof *ix->e);
            ix->e[ix->n++] = e;
        }
        p = nl + 1;
    }
    if (ix->n > 1) qsort(ix->e, ix->n, sizeof *ix->e, cmp_entry);
out:
    hc_buf_free(&path);
    hc_buf_free(&text);
}

const hc_img_entry *hc_img_index_get(const hc_img_index *ix, const char *key)
{
    hc_img_entry k;
    memcpy(k.key, key, 17);
    return ix->n ? bsearch(&k, ix->e, ix->n, sizeof *ix->e, cmp_entry) : NULL;
}

const hc_img_entry *hc_img_index_by_stat(const hc_img_index *ix, const char *src, long long size, long long mtime_ns)
{
    for (size_t i = 0; i < ix->n; i++)
        if (ix->e[i].size == size && ix->e[i].mtime_ns == mtime_ns && !strcmp(ix->e[i].src, src)) return &ix->e[i];
    return NULL;
}

void hc_img_index_free(hc_img_index *ix)
{
    for (size_t i = 0; i < ix->n; i++) {
        free(ix->e[i].preview);
        free(ix->e[i].src);
    }
    free(ix->e);
    ix->e = NULL;
    ix->n = 0;
}

int hc_img_index_save(const char *cache_dir, const hc_img_entry *e, size_t n)
{
    hc_buf text = HC_BUF_INIT, path = HC_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (!e[i].src || strchr(e[i].src, '\n')) continue;   /* not a line: made again next time */
        hc_buf_printf(&text, "%s %d %d %d", e[i].key, e[i].w, e[i].h, e[i].n);
        for (int k = 0; k < e[i].n; k++) hc_buf_printf(&text, " %d %d", e[i].rw[k], e[i].rh[k]);
        hc_buf_printf(&text, " %s %s %lld %lld %s\n", e[i].color, e[i].preview, e[i].size, e[i].mtime_ns, e[i].src);
    }
    hc_buf_printf(&path, "%s/index", cache_dir);
    int rc = hc_fs_write_atomic(hc_buf_cstr(&path), text.data ? text.data : "", text.len);
    hc_buf_free(&text);
    hc_buf_free(&path);
    return rc;
}
