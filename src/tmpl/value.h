/* value.h — the values templates are rendered against.
 *
 * A tree of null, booleans, numbers, strings, lists and maps (the JSON data
 * model), built by the context module from the site model, or by the spec
 * runner from the Mustache spec's YAML. Every node and every string is
 * allocated from the hc_arena passed to the constructors: the tree lives
 * exactly as long as that arena, and is freed with it. A finished tree is only
 * read, so several threads may render against it at once.
 *
 * Map keys keep their insertion order; lookup is linear for small maps, which
 * is what template contexts are. Setting an existing key replaces its value.
 */
#ifndef HC_VALUE_H
#define HC_VALUE_H
#include <stddef.h>
#include <stdint.h>
#include "../base/arena.h"

typedef enum {
    HC_TV_NULL,
    HC_TV_BOOL,
    HC_TV_NUM,
    HC_TV_STR,
    HC_TV_LIST,
    HC_TV_MAP
} hc_tv_kind;

typedef struct hc_tv hc_tv;
/* 32 bytes: a 100,000-page site builds millions of these per run. */
struct hc_tv {
    hc_tv_kind kind;
    uint32_t n, cap;           /* HC_TV_LIST / HC_TV_MAP: item count */
    union {
        int b;                 /* HC_TV_BOOL */
        double num;            /* HC_TV_NUM */
        struct {               /* HC_TV_STR: NUL-terminated, len bytes */
            const char *s;
            size_t len;
        };
        struct {               /* HC_TV_LIST / HC_TV_MAP */
            hc_tv **items;     /* list items, or map values */
            const char **keys; /* HC_TV_MAP: keys, parallel to items */
        };
    };
};

/* null, true and false are shared, immutable nodes (not in any arena). */
hc_tv *hc_tv_null(hc_arena *a);
hc_tv *hc_tv_bool(hc_arena *a, int b);
hc_tv *hc_tv_num(hc_arena *a, double n);
hc_tv *hc_tv_str(hc_arena *a, const char *s);            /* copies s */
hc_tv *hc_tv_strn(hc_arena *a, const char *s, size_t n); /* copies n bytes */
hc_tv *hc_tv_str_ref(hc_arena *a, const char *s);        /* no copy: s must outlive the arena */
hc_tv *hc_tv_list(hc_arena *a);
hc_tv *hc_tv_map(hc_arena *a);

void hc_tv_push(hc_arena *a, hc_tv *list, hc_tv *item);
/* key is not copied: pass literals or arena/model strings that outlive the tree. */
void hc_tv_set(hc_arena *a, hc_tv *map, const char *key, hc_tv *val);
/* Shorthands for hc_tv_set(a, map, key, hc_tv_str/num/bool(...)). */
void hc_tv_set_str(hc_arena *a, hc_tv *map, const char *key, const char *s);
void hc_tv_set_num(hc_arena *a, hc_tv *map, const char *key, double n);
void hc_tv_set_bool(hc_arena *a, hc_tv *map, const char *key, int b);

/* NULL when absent (or map is not a map). On a list, a key of decimal digits
 * selects that item (0-based), so templates can write {{#list.0}}…{{/list.0}}
 * for "if the list has items". */
const hc_tv *hc_tv_get(const hc_tv *map, const char *key);
const hc_tv *hc_tv_getn(const hc_tv *map, const char *key, size_t keylen);

/* Mustache truthiness: null, false, empty list and empty string are false. */
int hc_tv_truthy(const hc_tv *v);

#endif
