/* collect.c — which images the content uses, and where each is first used. */
#include "images_int.h"
#include "../../base/alloc.h"
#include "../../model/permalink.h"
#include <stdlib.h>
#include <string.h>

typedef struct { hc_img_use *v; size_t n, cap; } uses;

static void add(uses *u, const char *src, const char *path, int line, int col)
{
    u->v = hc_xgrow(u->v, &u->cap, u->n + 1, sizeof *u->v);
    u->v[u->n].src = hc_xstrdup(src);
    u->v[u->n].at = (hc_loc){ path, line, col };
    u->v[u->n].order = u->n;
    u->n++;
}

static void add_photo(uses *u, const hc_photo *ph)
{
    if (ph && ph->src) add(u, ph->src, ph->loc.path, ph->loc.line, ph->loc.col);
}

/* Images in a Markdown document; a path that leaves the site is check's
 * error (rule "image"), an http: URL is not ours. */
static void add_doc(uses *u, const hc_doc *doc)
{
    hc_buf sp = HC_BUF_INIT;
    for (size_t i = 0; i < doc->nrefs; i++) {
        const hc_ref *r = &doc->refs[i];
        hc_buf_reset(&sp);
        if (r->image && hc_path_image(doc->path, r->url, &sp) == 0)
            add(u, hc_buf_cstr(&sp), doc->path, r->line, r->col);
    }
    hc_buf_free(&sp);
}

/* by src, then by order of use: the first use of each stays */
static int cmp_use(const void *a, const void *b)
{
    const hc_img_use *x = a, *y = b;
    int c = strcmp(x->src, y->src);
    return c ? c : (x->order < y->order ? -1 : x->order > y->order);
}

void hc_img_collect(const hc_model *m, hc_img_use **out, size_t *n)
{
    uses u = { NULL, 0, 0 };
    add_photo(&u, m->config.banner);
    add_photo(&u, m->config.logo);
    add_photo(&u, m->config.cover_photo);
    for (size_t i = 0; i < m->nprojects; i++)
        for (size_t k = 0; k < m->projects[i].nphotos; k++) add_photo(&u, &m->projects[i].photos[k]);
    for (size_t i = 0; i < m->ncases; i++) add_doc(&u, &m->cases[i]);
    for (size_t i = 0; i < m->npages; i++) add_doc(&u, &m->pages[i]);
    if (u.n > 1) qsort(u.v, u.n, sizeof *u.v, cmp_use);
    size_t w = 0;
    for (size_t i = 0; i < u.n; i++) {
        if (w && !strcmp(u.v[w - 1].src, u.v[i].src)) {
            free(u.v[i].src);
            continue;
        }
        u.v[w++] = u.v[i];
    }
    *out = u.v;
    *n = w;
}
