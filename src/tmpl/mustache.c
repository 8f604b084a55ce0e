/* mustache.c — the template set: an open-addressing hash table of parsed
 * templates keyed by name. Parsing lives in mustache_parse.c, rendering in
 * mustache_render.c. */
#include "mustache_int.h"
#include "../base/alloc.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct hc_mustache_set {
    hc_mustache_tmpl **slots;    /* cap entries, NULL = free; cap is a power of two */
    size_t cap, n;
    size_t max_output, max_steps;   /* the render budget */
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
    s->max_output = HC_MUSTACHE_MAX_OUTPUT;
    s->max_steps = HC_MUSTACHE_MAX_STEPS;
    grow(s);
    return s;
}

void hc_mustache_set_budget(hc_mustache_set *s, size_t max_output, size_t max_steps)
{
    s->max_output = max_output;
    s->max_steps = max_steps;
}

void hc_mustache_budget(const hc_mustache_set *s, size_t *max_output, size_t *max_steps)
{
    *max_output = s->max_output;
    *max_steps = s->max_steps;
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

/* ---- partials that include themselves ------------------------------------ */

/* The graph: a template → the templates its partial and parent tags name
 * when those tags are not inside a section, an inverted section or a block
 * (whose content a parent's argument may replace). Such a tag is rendered
 * every time its template is, whatever the data; so a cycle of them never
 * ends. Recursion through a section is the spec's way to walk a tree and
 * ends when the data does (only the render budget bounds it). Dynamic
 * names ({{>*x}}) depend on the data and are not edges. */
typedef struct {
    const hc_mustache_op *op;   /* the tag */
    size_t to;                  /* slot of the template it names */
} edge;

typedef struct {
    const hc_mustache_set *s;
    edge *e; size_t ne, cap;
    size_t *first, *count;      /* per slot: its edges are e[first .. first + count) */
    size_t *index, *low, *comp; /* Tarjan: per slot; SIZE_MAX = not yet visited */
    size_t *stack; size_t sp;
    unsigned char *on;
    size_t next, ncomp;
} graph;

static void edges_of(graph *g, const hc_mustache_op *ops, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const hc_mustache_op *op = &ops[i];
        if ((op->kind != HC_MUSTACHE_OP_PARTIAL && op->kind != HC_MUSTACHE_OP_PARENT) || op->dynamic) continue;
        if (!hc_mustache_find(g->s, op->text.p, op->text.len)) continue;
        g->e = hc_xgrow(g->e, &g->cap, g->ne + 1, sizeof *g->e);
        g->e[g->ne++] = (edge){ op, probe(g->s, op->text.p, op->text.len) };
    }
}

/* Tarjan's strongly connected components, O(templates + tags). */
static void strong(graph *g, size_t v)
{
    g->index[v] = g->low[v] = g->next++;
    g->stack[g->sp++] = v;
    g->on[v] = 1;
    for (size_t k = g->first[v]; k < g->first[v] + g->count[v]; k++) {
        size_t w = g->e[k].to;
        if (g->index[w] == SIZE_MAX) {
            strong(g, w);
            if (g->low[w] < g->low[v]) g->low[v] = g->low[w];
        } else if (g->on[w] && g->index[w] < g->low[v]) {
            g->low[v] = g->index[w];
        }
    }
    if (g->low[v] != g->index[v]) return;
    size_t w;
    do {
        w = g->stack[--g->sp];
        g->on[w] = 0;
        g->comp[w] = g->ncomp;
    } while (w != v);
    g->ncomp++;
}

/* The first tag of slot v that stays in v's component, or SIZE_MAX. */
static size_t edge_within(const graph *g, size_t v)
{
    for (size_t k = g->first[v]; k < g->first[v] + g->count[v]; k++)
        if (g->comp[g->e[k].to] == g->comp[v]) return k;
    return SIZE_MAX;
}

/* "a → b → a": edge k of slot home, then the shortest way from its target
 * back to home inside their component (breadth first). */
static void cycle_text(const graph *g, size_t home, size_t k, hc_buf *out)
{
    const hc_mustache_set *s = g->s;
    size_t from = g->e[k].to;
    size_t *prev = hc_xcalloc(s->cap, sizeof *prev), *queue = hc_xcalloc(s->cap, sizeof *queue);
    for (size_t v = 0; v < s->cap; v++) prev[v] = SIZE_MAX;
    size_t qh = 0, qt = 0;
    prev[from] = from;
    queue[qt++] = from;
    while (qh < qt && prev[home] == SIZE_MAX) {
        size_t v = queue[qh++];
        for (size_t j = g->first[v]; j < g->first[v] + g->count[v]; j++) {
            size_t w = g->e[j].to;
            if (prev[w] != SIZE_MAX || g->comp[w] != g->comp[home]) continue;
            prev[w] = v;
            queue[qt++] = w;
        }
    }
    /* home → from → … → home, written from home backwards */
    size_t n = 0;
    for (size_t v = home;; v = prev[v]) {
        queue[n++] = v;
        if (v == from || prev[v] == SIZE_MAX) break;
    }
    hc_buf_printf(out, "%s", s->slots[home]->name);
    while (n) hc_buf_printf(out, " → %s", s->slots[queue[--n]]->name);
    free(prev);
    free(queue);
}

int hc_mustache_set_check(const hc_mustache_set *s, hc_diags *d)
{
    graph g = { .s = s };
    g.first = hc_xcalloc(s->cap, sizeof *g.first);
    g.count = hc_xcalloc(s->cap, sizeof *g.count);
    g.index = hc_xcalloc(s->cap, sizeof *g.index);
    g.low = hc_xcalloc(s->cap, sizeof *g.low);
    g.comp = hc_xcalloc(s->cap, sizeof *g.comp);
    g.stack = hc_xcalloc(s->cap, sizeof *g.stack);
    g.on = hc_xcalloc(s->cap, 1);
    for (size_t v = 0; v < s->cap; v++) {
        g.index[v] = SIZE_MAX;
        if (!s->slots[v]) continue;
        g.first[v] = g.ne;
        edges_of(&g, s->slots[v]->ops, s->slots[v]->nops);
        g.count[v] = g.ne - g.first[v];
    }
    for (size_t v = 0; v < s->cap; v++)
        if (s->slots[v] && g.index[v] == SIZE_MAX) strong(&g, v);
    /* one error per cycle: at the first tag in it of the template whose name sorts first */
    size_t *shown = hc_xcalloc(g.ncomp ? g.ncomp : 1, sizeof *shown);
    for (size_t c = 0; c < g.ncomp; c++) shown[c] = SIZE_MAX;
    for (size_t v = 0; v < s->cap; v++) {
        if (!s->slots[v] || edge_within(&g, v) == SIZE_MAX) continue;
        size_t *at = &shown[g.comp[v]];
        if (*at == SIZE_MAX || strcmp(s->slots[v]->name, s->slots[*at]->name) < 0) *at = v;
    }
    int errors = 0;
    hc_buf path = HC_BUF_INIT;
    for (size_t v = 0; v < s->cap; v++) {
        if (!s->slots[v] || shown[g.comp[v]] != v) continue;
        size_t k = edge_within(&g, v);
        const hc_mustache_op *op = g.e[k].op;
        const hc_mustache_tmpl *t = s->slots[v];
        hc_buf_reset(&path);
        cycle_text(&g, v, k, &path);
        if (d)
            hc_error(d, "template", t->path, op->line, op->col,
                     "template '%s' includes itself (%s) outside any section, so it would never stop: "
                     "a partial may include itself only inside a {{#section}} that ends with the data",
                     t->name, hc_buf_cstr(&path));
        errors++;
    }
    hc_buf_free(&path);
    free(shown);
    free(g.e); free(g.first); free(g.count); free(g.index); free(g.low); free(g.comp); free(g.stack); free(g.on);
    return errors ? -1 : 0;
}

/* 1 if ops (and what they hold) name name as a partial or parent, or name one by the data */
static int ops_refer(const hc_mustache_op *ops, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++) {
        const hc_mustache_op *op = &ops[i];
        if (op->kind == HC_MUSTACHE_OP_PARTIAL || op->kind == HC_MUSTACHE_OP_PARENT) {
            if (op->dynamic || (op->text.len == len && !memcmp(op->text.p, name, len))) return 1;
        }
        if (op->kids && ops_refer(op->kids, op->nkids, name, len)) return 1;
    }
    return 0;
}

int hc_mustache_set_refers(const hc_mustache_set *s, const char *name)
{
    size_t len = strlen(name);
    for (size_t v = 0; v < s->cap; v++)
        if (s->slots[v] && ops_refer(s->slots[v]->ops, s->slots[v]->nops, name, len)) return 1;
    return 0;
}
