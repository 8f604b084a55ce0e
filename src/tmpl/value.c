/* value.c — the value tree templates render against (see value.h). */
#include "value.h"
#include <string.h>

static hc_tv *node(hc_arena *a, hc_tv_kind kind)
{
    hc_tv *v = hc_arena_alloc(a, sizeof *v);   /* zero-filled */
    v->kind = kind;
    return v;
}

static hc_tv tv_null = { .kind = HC_TV_NULL };
static hc_tv tv_true = { .kind = HC_TV_BOOL, .b = 1 };
static hc_tv tv_false = { .kind = HC_TV_BOOL, .b = 0 };

hc_tv *hc_tv_null(hc_arena *a)
{
    (void)a;
    return &tv_null;
}

hc_tv *hc_tv_bool(hc_arena *a, int b)
{
    (void)a;
    return b ? &tv_true : &tv_false;
}

hc_tv *hc_tv_num(hc_arena *a, double n)
{
    hc_tv *v = node(a, HC_TV_NUM);
    v->num = n;
    return v;
}

hc_tv *hc_tv_strn(hc_arena *a, const char *s, size_t n)
{
    hc_tv *v = node(a, HC_TV_STR);
    v->s = hc_arena_strndup(a, s, n);
    v->len = n;
    return v;
}

hc_tv *hc_tv_str(hc_arena *a, const char *s) { return hc_tv_strn(a, s, strlen(s)); }

hc_tv *hc_tv_str_ref(hc_arena *a, const char *s)
{
    hc_tv *v = node(a, HC_TV_STR);
    v->s = s;
    v->len = strlen(s);
    return v;
}

hc_tv *hc_tv_list(hc_arena *a) { return node(a, HC_TV_LIST); }
hc_tv *hc_tv_map(hc_arena *a) { return node(a, HC_TV_MAP); }

/* Makes room for one more item (and key, for maps). Old arrays stay in the
 * arena until it is freed: growth doubles, so the waste is bounded. */
static void reserve(hc_arena *a, hc_tv *c)
{
    if (c->n < c->cap) return;
    uint32_t cap = c->cap ? c->cap * 2 : 4;
    hc_tv **items = hc_arena_alloc(a, cap * sizeof *items);
    if (c->n) memcpy(items, c->items, c->n * sizeof *items);
    c->items = items;
    if (c->kind == HC_TV_MAP) {
        const char **keys = hc_arena_alloc(a, cap * sizeof *keys);
        if (c->n) memcpy(keys, c->keys, c->n * sizeof *keys);
        c->keys = keys;
    }
    c->cap = cap;
}

void hc_tv_push(hc_arena *a, hc_tv *list, hc_tv *item)
{
    if (!list || list->kind != HC_TV_LIST) return;
    reserve(a, list);
    list->items[list->n++] = item;
}

void hc_tv_set(hc_arena *a, hc_tv *map, const char *key, hc_tv *val)
{
    if (!map || map->kind != HC_TV_MAP) return;
    for (size_t i = 0; i < map->n; i++) {
        if (strcmp(map->keys[i], key) == 0) {
            map->items[i] = val;
            return;
        }
    }
    reserve(a, map);
    map->keys[map->n] = key;
    map->items[map->n] = val;
    map->n++;
}

void hc_tv_set_str(hc_arena *a, hc_tv *map, const char *key, const char *s)
{
    hc_tv_set(a, map, key, hc_tv_str(a, s));
}

void hc_tv_set_num(hc_arena *a, hc_tv *map, const char *key, double n)
{
    hc_tv_set(a, map, key, hc_tv_num(a, n));
}

void hc_tv_set_bool(hc_arena *a, hc_tv *map, const char *key, int b)
{
    hc_tv_set(a, map, key, hc_tv_bool(a, b));
}

const hc_tv *hc_tv_getn(const hc_tv *map, const char *key, size_t keylen)
{
    if (map && map->kind == HC_TV_LIST && keylen > 0 && keylen < 10) {
        size_t idx = 0;
        for (size_t i = 0; i < keylen; i++) {
            if (key[i] < '0' || key[i] > '9') return NULL;
            idx = idx * 10 + (size_t)(key[i] - '0');
        }
        return idx < map->n ? map->items[idx] : NULL;
    }
    if (!map || map->kind != HC_TV_MAP) return NULL;
    for (size_t i = 0; i < map->n; i++) {
        const char *k = map->keys[i];
        if (k[0] == key[0] && strncmp(k, key, keylen) == 0 && k[keylen] == '\0') return map->items[i];
    }
    return NULL;
}

const hc_tv *hc_tv_get(const hc_tv *map, const char *key)
{
    return hc_tv_getn(map, key, strlen(key));
}

int hc_tv_truthy(const hc_tv *v)
{
    if (!v) return 0;
    switch (v->kind) {
    case HC_TV_NULL: return 0;
    case HC_TV_BOOL: return v->b;
    case HC_TV_STR:  return v->len > 0;
    case HC_TV_LIST: return v->n > 0;
    case HC_TV_NUM:
    case HC_TV_MAP:  return 1;
    }
    return 0;
}
