/* mustache_render.c — walks a template's op tree against a context stack.
 *
 * All state lives in one rstate on the caller's stack, so renders from one
 * set may run on many threads at once.
 *
 * Indentation: each piece of template text being rendered (the template,
 * a partial, a parent, a block argument) runs in a frame with its own
 * indentation: the caller's plus the whitespace before the tag when the tag
 * stood alone on its line, else none (the piece continues the caller's
 * line). A block's default content stays in its template's frame unless the
 * block tag stood alone. HC_MUSTACHE_OP_LINE owes the frame's indentation;
 * the debt is paid before the next byte of output, or dropped if that byte
 * ends an empty line.
 */
#include "mustache_int.h"
#include "../base/alloc.h"
#include "../base/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The block arguments of one parent tag being rendered, and the enclosing
 * ones. The outermost argument for a name wins. */
typedef struct env env;
struct env {
    const hc_mustache_op *parent;   /* a PARENT op: its kids are BLOCK ops */
    const env *next;
};

typedef struct {
    size_t off, len;        /* indentation: rstate.ind.data[off .. off + len) */
    const env *env;         /* block arguments in scope */
} frame;

typedef struct {
    const hc_mustache_set *set;
    hc_buf *out;
    const hc_tv **stk;      /* context stack, innermost last */
    size_t n, cap;
    hc_buf ind;             /* the indentation of every open frame */
    hc_buf pend;            /* indentation owed before the next output */
    hc_buf esc;             /* put_escaped's scratch */
    int owed;
    int depth;
    size_t start;           /* out->len when the render began */
    const hc_mustache_sink *sink;   /* streamed: out is flushed to it past HC_MUSTACHE_CHUNK bytes */
    size_t flushed;         /* bytes given to the sink so far */
    int failed;             /* the sink failed: render nothing more */
    size_t steps;           /* ops rendered so far */
    size_t max_output, max_steps;   /* the set's budget */
    int over;               /* the budget is spent: render nothing more */
} rstate;

static void render_ops(rstate *st, const hc_mustache_op *ops, size_t n, const frame *fr);

/* ---- output ------------------------------------------------------------ */

/* A streamed render's output so far goes to the sink. */
static void flush(rstate *st)
{
    size_t n = st->out->len - st->start;
    if (!st->sink || !n || st->failed) return;
    if (st->sink->write(st->sink->ctx, st->out->data + st->start, n) != 0) {
        st->failed = 1;
        st->over = 1;
    }
    st->flushed += n;
    hc_buf_truncate(st->out, st->start);
}

static void put(rstate *st, const char *p, size_t n)
{
    if (!n || st->over) return;
    if (st->flushed + st->out->len - st->start + n > st->max_output) {
        st->over = 1;
        return;
    }
    if (st->owed) {
        int empty_line = p[0] == '\n' || (p[0] == '\r' && n > 1 && p[1] == '\n');
        if (!empty_line) hc_buf_put(st->out, st->pend.data, st->pend.len);
        st->owed = 0;
    }
    hc_buf_put(st->out, p, n);
    if (st->sink && st->out->len - st->start >= HC_MUSTACHE_CHUNK) flush(st);
}

/* {{x}}: through the one HTML escaper (base/utf8.h), into a scratch buffer
 * first so that put sees the escaped text whole. */
static void put_escaped(rstate *st, const char *s, size_t n)
{
    hc_buf_reset(&st->esc);
    hc_escape_html(&st->esc, s, n);
    put(st, st->esc.data, st->esc.len);
}

static void put_value(rstate *st, const hc_tv *v, int escape)
{
    char num[40];
    int k;
    if (!v) return;
    switch (v->kind) {
    case HC_TV_STR:
        if (escape) put_escaped(st, v->s, v->len);
        else put(st, v->s, v->len);
        break;
    case HC_TV_NUM:
        k = snprintf(num, sizeof num, "%.15g", v->num);
        if (k > 0) put(st, num, (size_t)k < sizeof num ? (size_t)k : sizeof num - 1);
        break;
    case HC_TV_BOOL:
        put(st, v->b ? "true" : "false", v->b ? 4 : 5);
        break;
    case HC_TV_NULL:
    case HC_TV_LIST:
    case HC_TV_MAP:
        break;
    }
}

/* ---- indentation ------------------------------------------------------- */

/* Owe fr's indentation (a new line of its text starts). */
static void owe(rstate *st, const frame *fr)
{
    hc_buf_reset(&st->pend);
    if (fr->len) hc_buf_put(&st->pend, st->ind.data + fr->off, fr->len);
    st->owed = fr->len > 0;
}

/* A frame indented by ws more than fr; the caller truncates st->ind back. */
static frame indented(rstate *st, const frame *fr, hc_slice ws, const env *e)
{
    frame f = { st->ind.len, fr->len + ws.len, e };
    hc_buf_grow(&st->ind, f.len);
    if (fr->len) memcpy(st->ind.data + st->ind.len, st->ind.data + fr->off, fr->len);
    st->ind.len += fr->len;
    st->ind.data[st->ind.len] = '\0';
    hc_buf_put(&st->ind, ws.p, ws.len);
    return f;
}

/* ---- context ----------------------------------------------------------- */

static void push(rstate *st, const hc_tv *v)
{
    st->stk = hc_xgrow(st->stk, &st->cap, st->n + 1, sizeof *st->stk);
    st->stk[st->n++] = v;
}

/* The first part is looked up through the stack, innermost first; the rest
 * only inside what it found. */
static const hc_tv *lookup(const rstate *st, const hc_mustache_name *nm)
{
    if (nm->n == 0) return st->n ? st->stk[st->n - 1] : NULL;
    const hc_tv *v = NULL;
    for (size_t i = st->n; i-- > 0 && !v;)
        v = hc_tv_getn(st->stk[i], nm->parts[0].p, nm->parts[0].len);
    for (size_t k = 1; v && k < nm->n; k++)
        v = hc_tv_getn(v, nm->parts[k].p, nm->parts[k].len);
    return v;
}

/* ---- ops --------------------------------------------------------------- */

static void nest(rstate *st, const hc_mustache_op *ops, size_t n, const frame *fr)
{
    if (st->depth >= HC_MUSTACHE_MAX_DEPTH) return;
    st->depth++;
    render_ops(st, ops, n, fr);
    st->depth--;
}

/* Renders ops as a separate piece of template text in scope e: indented by
 * *ws more than fr when the tag stood alone (ws not NULL), else not at all. */
static void include(rstate *st, const hc_mustache_op *ops, size_t n, const frame *fr, const env *e,
                    const hc_slice *ws)
{
    size_t mark = st->ind.len;
    frame f = { 0, 0, e };
    if (ws) {
        f = indented(st, fr, *ws, e);
        owe(st, &f);
    }
    nest(st, ops, n, &f);
    hc_buf_truncate(&st->ind, mark);
}

static void section(rstate *st, const hc_mustache_op *op, const frame *fr)
{
    const hc_tv *v = lookup(st, &op->name);
    if (!v || !hc_tv_truthy(v)) return;
    if (v->kind != HC_TV_LIST) {
        push(st, v);
        nest(st, op->kids, op->nkids, fr);
        st->n--;
        return;
    }
    for (size_t i = 0; i < v->n; i++) {
        push(st, v->items[i]);
        nest(st, op->kids, op->nkids, fr);
        st->n--;
    }
}

/* The template a partial or parent op names, or NULL. */
static const hc_mustache_tmpl *target(const rstate *st, const hc_mustache_op *op)
{
    if (!op->dynamic) return hc_mustache_find(st->set, op->text.p, op->text.len);
    const hc_tv *v = lookup(st, &op->name);
    if (!v || v->kind != HC_TV_STR) return NULL;
    return hc_mustache_find(st->set, v->s, v->len);
}

static void partial(rstate *st, const hc_mustache_op *op, const frame *fr, const env *e)
{
    const hc_mustache_tmpl *t = target(st, op);
    if (t) include(st, t->ops, t->nops, fr, e, op->standalone ? &op->indent : NULL);
}

static const hc_mustache_op *block_arg(const env *e, hc_slice name)
{
    const hc_mustache_op *found = NULL;
    for (; e; e = e->next) {
        for (size_t i = 0; i < e->parent->nkids; i++) {
            const hc_mustache_op *b = &e->parent->kids[i];
            if (b->text.len == name.len && memcmp(b->text.p, name.p, name.len) == 0) {
                found = b;
                break;
            }
        }
    }
    return found;
}

/* {{$x}}: the outermost argument for x, else the default content. */
static void block(rstate *st, const hc_mustache_op *op, const frame *fr)
{
    const hc_mustache_op *arg = block_arg(fr->env, op->text);
    const hc_mustache_op *body = arg ? arg : op;
    if (op->standalone) {
        hc_slice ws = op->intrinsic.len ? op->intrinsic : op->indent;
        include(st, body->kids, body->nkids, fr, fr->env, &ws);
    } else if (arg) {
        include(st, body->kids, body->nkids, fr, fr->env, NULL);
    } else {
        nest(st, op->kids, op->nkids, fr);
    }
}

static void render_ops(rstate *st, const hc_mustache_op *ops, size_t n, const frame *fr)
{
    for (size_t i = 0; i < n && !st->over; i++) {
        const hc_mustache_op *op = &ops[i];
        if (++st->steps > st->max_steps) {
            st->over = 1;
            break;
        }
        switch (op->kind) {
        case HC_MUSTACHE_OP_TEXT:
            put(st, op->text.p, op->text.len);
            break;
        case HC_MUSTACHE_OP_LINE:
            owe(st, fr);
            break;
        case HC_MUSTACHE_OP_VAR:
        case HC_MUSTACHE_OP_RAW:
            put_value(st, lookup(st, &op->name), op->kind == HC_MUSTACHE_OP_VAR);
            break;
        case HC_MUSTACHE_OP_SECTION:
            section(st, op, fr);
            break;
        case HC_MUSTACHE_OP_INVERTED:
            if (!hc_tv_truthy(lookup(st, &op->name))) nest(st, op->kids, op->nkids, fr);
            break;
        case HC_MUSTACHE_OP_PARTIAL:
            partial(st, op, fr, fr->env);
            break;
        case HC_MUSTACHE_OP_PARENT: {
            env e = { op, fr->env };
            partial(st, op, fr, &e);
            break;
        }
        case HC_MUSTACHE_OP_BLOCK:
            block(st, op, fr);
            break;
        }
    }
}

/* Renders into out, or through out to sink when sink is given. */
static int render(const hc_mustache_set *s, const char *name, const hc_tv *ctx, hc_buf *out,
                  const hc_mustache_sink *sink)
{
    const hc_mustache_tmpl *t = hc_mustache_find(s, name, strlen(name));
    if (!t) return -1;
    rstate st = { .set = s, .out = out, .start = out->len, .sink = sink };
    hc_mustache_budget(s, &st.max_output, &st.max_steps);
    frame root = { 0, 0, NULL };
    if (ctx) push(&st, ctx);
    render_ops(&st, t->ops, t->nops, &root);
    if (!st.over) flush(&st);
    free(st.stk);
    hc_buf_free(&st.ind);
    hc_buf_free(&st.pend);
    hc_buf_free(&st.esc);
    if (st.over) hc_buf_truncate(out, st.start);
    return st.failed ? HC_MUSTACHE_WRITE_FAILED : st.over ? HC_MUSTACHE_TOO_BIG : 0;
}

int hc_mustache_render(const hc_mustache_set *s, const char *name, const hc_tv *ctx,
                       hc_buf *out)
{
    return render(s, name, ctx, out, NULL);
}

int hc_mustache_render_to(const hc_mustache_set *s, const char *name, const hc_tv *ctx,
                          const hc_mustache_sink *sink)
{
    hc_buf out = HC_BUF_INIT;
    int rc = render(s, name, ctx, &out, sink);
    hc_buf_free(&out);
    return rc;
}
