/* cache.c — content hashes of each image's inputs, and the small cache file
 * (".huace-maps-cache": lines "path hash") that lets a build copy an image
 * from the previous output when its inputs did not change. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include "../../base/hash.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void mp_hk_init(mp_hkey *k, const char *what)
{
    k->h = HC_HASH_INIT;
    mp_hk_str(k, HC_MAPS_VERSION);
    mp_hk_str(k, HC_MAPS_ENCODERS);
    mp_hk_str(k, what);
}

void mp_hk_str(mp_hkey *k, const char *s)
{
    /* length-prefixed, so that ("ab","c") and ("a","bc") differ; NULL ≠ "" */
    long len = s ? (long)strlen(s) : -1;
    k->h = hc_hash(k->h, &len, sizeof len);
    if (s) k->h = hc_hash(k->h, s, (size_t)len);
}

void mp_hk_num(mp_hkey *k, double v)
{
    mp_hk_nums(k, &v, 1);
}

void mp_hk_nums(mp_hkey *k, const double *v, size_t n)
{
    /* the bits, not a decimal text: a layer of a million vertices is hashed
     * for every map that shows it; -0 and 0 differ, which costs at most a redraw */
    long len = (long)n;
    k->h = hc_hash(k->h, &len, sizeof len);
    if (n) k->h = hc_hash(k->h, v, n * sizeof *v);
}

void mp_hk_int(mp_hkey *k, long v)
{
    k->h = hc_hash(k->h, &v, sizeof v);
}

void mp_hk_common(mp_hkey *k, const hc_model *m)
{
    for (int b = 0; b < 2; b++) {
        const mp_font *f = mp_face(b);
        struct stat st;
        mp_hk_str(k, f ? f->path : NULL);
        mp_hk_int(k, f ? f->index : -1);
        mp_hk_int(k, f && stat(f->path, &st) == 0 ? (long)st.st_size : -1);   /* a font upgrade redraws */
    }
    mp_hk_int(k, (long)m->std.nstatuses);
    for (size_t i = 0; i < m->std.nstatuses; i++) {
        const hc_status *s = &m->std.statuses[i];
        mp_hk_str(k, s->key);
        mp_hk_str(k, s->name);
        mp_hk_str(k, s->meaning);
        mp_hk_str(k, s->color);
    }
}

void mp_hk_areas(mp_hkey *k, const hc_model *m)
{
    mp_hk_int(k, (long)m->nareas);
    for (size_t a = 0; a < m->nareas; a++) {
        mp_hk_str(k, m->areas[a].name);
        mp_hk_nums(k, m->areas[a].lon, m->areas[a].npoints);
        mp_hk_nums(k, m->areas[a].lat, m->areas[a].npoints);
    }
    mp_hk_int(k, (long)m->nlayers);
    for (size_t l = 0; l < m->nlayers; l++) {
        mp_hk_str(k, m->layers[l].file);
        mp_hk_int(k, (long)(m->layers[l].digest >> 32));
        mp_hk_int(k, (long)(m->layers[l].digest & 0xffffffffu));
    }
}

void mp_mcache_load(mp_mcache *c, const char *dir)
{
    c->e = NULL;
    c->n = 0;
    if (!dir) return;
    hc_buf path = HC_BUF_INIT, text = HC_BUF_INIT;
    hc_buf_printf(&path, "%s/%s", dir, HC_MAPS_CACHE_FILE);
    if (hc_fs_read(hc_buf_cstr(&path), &text) != 0) goto out;
    size_t cap = 0;
    char *s = text.data;
    while (s && *s) {
        char *nl = strchr(s, '\n');
        if (!nl) break;
        *nl = 0;
        char *sp = strrchr(s, ' ');
        if (sp && strlen(sp + 1) == 16 && sp > s) {
            *sp = 0;
            c->e = hc_xgrow(c->e, &cap, c->n + 1, sizeof *c->e);
            c->e[c->n].path = hc_xstrdup(s);
            memcpy(c->e[c->n].hash, sp + 1, 17);
            c->n++;
        }
        s = nl + 1;
    }
out:
    hc_buf_free(&path);
    hc_buf_free(&text);
}

const char *mp_mcache_get(const mp_mcache *c, const char *path)
{
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->e[i].path, path)) return c->e[i].hash;
    return NULL;
}

void mp_mcache_free(mp_mcache *c)
{
    for (size_t i = 0; i < c->n; i++) free(c->e[i].path);
    free(c->e);
    c->e = NULL;
    c->n = 0;
}
