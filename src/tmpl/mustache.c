/* mustache.c — the template set: an open-addressing hash table of parsed
 * templates keyed by name. Parsing lives in mustache_parse.c, rendering in
 * mustache_render.c. */
#include "mustache_int.h"
#include "../base/alloc.h"
#include <stdlib.h>
#include <string.h>

struct hc_mustache_set {
    hc_mustache_tmpl **slots;    /* cap entries, NULL = free; cap is a power of two */
    size_t cap, n;
};

static size_t hash(const char *p, size_t len)
{
    size_t h = 1469598103934665603u;   /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)p[i];
        h *= 1099511628211u;
    }
    return h;
}

/* The slot holding name, or the free slot where it would go. */
static size_t probe(const hc_mustache_set *s, const char *name, size_t len)
{
    size_t mask = s->cap - 1, i = hash(name, len) & mask;
    for (;;) {
        const hc_mustache_tmpl *t = s->slots[i];
        if (!t || (strlen(t->name) == len && memcmp(t->name, name, len) == 0)) return i;
        i = (i + 1) & mask;
    }
}

static void grow(hc_mustache_set *s)
{
    hc_mustache_tmpl **old = s->slots;
    size_t oldcap = s->cap;
    s->cap = oldcap ? oldcap * 2 : 16;
    s->slots = hc_xcalloc(s->cap, sizeof *s->slots);
    for (size_t i = 0; i < oldcap; i++) {
        if (!old[i]) continue;
        s->slots[probe(s, old[i]->name, strlen(old[i]->name))] = old[i];
    }
    free(old);
}

hc_mustache_set *hc_mustache_set_new(void)
{
    hc_mustache_set *s = hc_xcalloc(1, sizeof *s);
    grow(s);
    return s;
}

void hc_mustache_set_free(hc_mustache_set *s)
{
    if (!s) return;
    for (size_t i = 0; i < s->cap; i++) hc_mustache_tmpl_free(s->slots[i]);
    free(s->slots);
    free(s);
}

int hc_mustache_set_add(hc_mustache_set *s, const char *name, const char *path,
                        const char *text, size_t len, hc_diags *d)
{
    hc_mustache_tmpl *t = hc_mustache_parse(name, path, text, len, d);
    if (!t) return -1;
    if ((s->n + 1) * 4 > s->cap * 3) grow(s);
    size_t i = probe(s, name, strlen(name));
    if (s->slots[i]) hc_mustache_tmpl_free(s->slots[i]);
    else s->n++;
    s->slots[i] = t;
    return 0;
}

const hc_mustache_tmpl *hc_mustache_find(const hc_mustache_set *s, const char *name, size_t len)
{
    return s->slots[probe(s, name, len)];
}

int hc_mustache_set_has(const hc_mustache_set *s, const char *name)
{
    return hc_mustache_find(s, name, strlen(name)) != NULL;
}
