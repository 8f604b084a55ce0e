/* mustache_parse.c — template text to op tree.
 *
 * Four passes over a token list:
 *   lex         splits the text into text runs and tags, following {{=| |=}};
 *   match       pairs every section, parent and block with its closing tag;
 *   standalone  finds tags alone on their line (or in one of the adjacent
 *               pairs the inheritance spec allows), cuts their line from the
 *               surrounding text, and measures the indentation of blocks;
 *   build       turns the tokens into ops.
 *
 * Indentation is not applied here: build only marks where each line of
 * template text starts (HC_MUSTACHE_OP_LINE), so the renderer can indent
 * standalone partials. Inside a standalone block, the indentation common to
 * its lines is removed here and added back by the renderer where the block
 * is used.
 */
#include "mustache_int.h"
#include "../base/alloc.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NOPOS SIZE_MAX

typedef enum {
    TK_TEXT, TK_VAR, TK_RAW, TK_COMMENT, TK_DELIM,
    TK_SECTION, TK_INVERTED, TK_PARENT, TK_BLOCK, TK_CLOSE, TK_PARTIAL
} tk_kind;

typedef struct {
    tk_kind kind;
    size_t start, end;   /* source range: the text run, or the whole tag */
    hc_slice name;       /* tag content, trimmed; what follows '*' if dynamic */
    int dynamic;
    size_t match;        /* opening tag <-> its closing tag */
    size_t ks, ke;       /* TEXT: the part kept once standalone lines are cut */
    int alone;           /* the tag stands alone on its line (maybe in a pair) */
    int lead;            /* alone, and the first tag of its line */
    size_t ls, le;       /* alone: its line, from its start to past its newline */
    int has_prefix;      /* alone BLOCK: its content has non-blank lines, */
    hc_slice prefix;     /*   and this is their common leading whitespace */
} tok;

enum { LS_ALONE = 1, LS_BODY = 2 };     /* flags of a line-start offset */
enum { PAIR_NONE, PAIR_CUT, PAIR_KEEP_NL };

typedef struct {
    const char *src;     /* the template's own copy of the text */
    size_t len;
    const char *path;
    hc_diags *d;
    hc_arena *arena;
    tok *t;
    size_t n, cap;
    unsigned char *flags; /* per offset (len + 1 of them): LS_* */
    size_t at_off;        /* where(): the last offset located, */
    int at_line, at_col;  /*   and its line and column */
} parser;

typedef struct {
    hc_mustache_op *v;
    size_t n, cap;
} opvec;

/* ---- errors ------------------------------------------------------------ */

/* 1-based line and column (in characters) of offset off. */
static void locate(const parser *P, size_t off, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        unsigned char ch = (unsigned char)P->src[i];
        if (ch == '\n') { l++; c = 1; }
        else if ((ch & 0xC0) != 0x80) c++;
    }
    *line = l;
    *col = c;
}

/* locate() for offsets met in increasing order (ops are built in text
 * order): continues from the last one, so a template with many tags is
 * located in one pass, not one pass per tag. */
static void where(parser *P, size_t off, int *line, int *col)
{
    if (off < P->at_off || !P->at_line) {
        P->at_off = 0;
        P->at_line = P->at_col = 1;
    }
    int l = P->at_line, c = P->at_col;
    for (size_t i = P->at_off; i < off; i++) {
        unsigned char ch = (unsigned char)P->src[i];
        if (ch == '\n') { l++; c = 1; }
        else if ((ch & 0xC0) != 0x80) c++;
    }
    P->at_off = off;
    *line = P->at_line = l;
    *col = P->at_col = c;
}

static int fail(parser *P, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(parser *P, size_t off, const char *fmt, ...)
{
    if (!P->d) return -1;
    hc_buf msg = HC_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    hc_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    int line, col;
    locate(P, off, &line, &col);
    hc_error(P->d, "template-syntax", P->path, line, col, "%s", hc_buf_cstr(&msg));
    hc_buf_free(&msg);
    return -1;
}

static const char *kind_name(tk_kind k)
{
    switch (k) {
    case TK_SECTION:  return "section";
    case TK_INVERTED: return "inverted section";
    case TK_PARENT:   return "parent";
    case TK_BLOCK:    return "block";
    default:          return "tag";
    }
}

/* ---- lex --------------------------------------------------------------- */

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static int is_blank(char c) { return c == ' ' || c == '\t'; }

static int has_space(hc_slice s)
{
    for (size_t i = 0; i < s.len; i++)
        if (is_space(s.p[i])) return 1;
    return 0;
}

static int slice_same(hc_slice a, hc_slice b)
{
    return a.len == b.len && memcmp(a.p, b.p, a.len) == 0;
}

/* "." or names joined by single dots. */
static int valid_dotted(hc_slice s)
{
    if (s.len == 1 && s.p[0] == '.') return 1;
    if (s.p[0] == '.' || s.p[s.len - 1] == '.') return 0;
    for (size_t i = 1; i < s.len; i++)
        if (s.p[i] == '.' && s.p[i - 1] == '.') return 0;
    return 1;
}

static tok *push(parser *P, tk_kind kind, size_t start, size_t end)
{
    P->t = hc_xgrow(P->t, &P->cap, P->n + 1, sizeof *P->t);
    tok *t = &P->t[P->n++];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->start = t->ks = start;
    t->end = t->ke = end;
    return t;
}

static tk_kind sigil_kind(char c)
{
    switch (c) {
    case '{': case '&': return TK_RAW;
    case '!': return TK_COMMENT;
    case '=': return TK_DELIM;
    case '#': return TK_SECTION;
    case '^': return TK_INVERTED;
    case '<': return TK_PARENT;
    case '$': return TK_BLOCK;
    case '/': return TK_CLOSE;
    case '>': return TK_PARTIAL;
    default:  return TK_VAR;
    }
}

/* Offset of the first ctag at or after from that follows closer (when not
 * 0), or NOPOS. */
static size_t find_close(const parser *P, size_t from, hc_slice ctag, char closer)
{
    for (size_t p = from; p < P->len;) {
        const char *c = memmem(P->src + p, P->len - p, ctag.p, ctag.len);
        if (!c) break;
        size_t at = (size_t)(c - P->src);
        if (!closer || (at > from && P->src[at - 1] == closer)) return at;
        p = at + 1;
    }
    return NOPOS;
}

/* {{=<% %>=}}: content s holds the two new delimiters. */
static int set_delims(parser *P, size_t at, hc_slice s, hc_slice *otag, hc_slice *ctag)
{
    size_t i = 0;
    while (i < s.len && !is_space(s.p[i])) i++;
    hc_slice o = { s.p, i };
    while (i < s.len && is_space(s.p[i])) i++;
    hc_slice c = { s.p + i, s.len - i };
    if (!o.len || !c.len || has_space(c))
        return fail(P, at, "bad delimiter change: expected two delimiters separated by "
                    "a space, as in {{=<%% %%>=}}");
    *otag = o;
    *ctag = c;
    return 0;
}

/* The tag whose open delimiter starts at ts; *next is set past it. */
static int lex_tag(parser *P, size_t ts, hc_slice *otag, hc_slice *ctag, size_t *next)
{
    size_t q = ts + otag->len;
    char sig = q < P->len ? P->src[q] : '\0';
    tk_kind kind = sigil_kind(sig);
    char closer = sig == '{' ? '}' : sig == '=' ? '=' : '\0';
    if (kind != TK_VAR) q++;
    size_t ce = find_close(P, q, *ctag, closer);
    if (ce == NOPOS)
        return fail(P, ts, "unclosed tag: no '%s%.*s' after it", closer == '}' ? "}" :
                    closer == '=' ? "=" : "", (int)ctag->len, ctag->p);
    *next = ce + ctag->len;
    hc_slice name = hc_slice_trim((hc_slice){ P->src + q, ce - q - (closer ? 1 : 0) });
    tok *t = push(P, kind, ts, *next);
    t->name = name;
    if (kind == TK_COMMENT) return 0;
    if (kind == TK_DELIM) return set_delims(P, ts, name, otag, ctag);
    if ((kind == TK_PARTIAL || kind == TK_PARENT || kind == TK_CLOSE) && name.len &&
        name.p[0] == '*') {
        t->dynamic = 1;
        t->name = name = hc_slice_trim((hc_slice){ name.p + 1, name.len - 1 });
    }
    if (!name.len) return fail(P, ts, "empty tag: a name is missing");
    int dotted = kind == TK_VAR || kind == TK_RAW || kind == TK_SECTION ||
                 kind == TK_INVERTED || t->dynamic;
    if (has_space(name) || (dotted && !valid_dotted(name)))
        return fail(P, ts, "invalid name '%.*s'", (int)name.len, name.p);
    return 0;
}

static int lex(parser *P)
{
    hc_slice otag = HC_SLICE("{{"), ctag = HC_SLICE("}}");
    size_t p = 0;
    while (p < P->len) {
        const char *o = memmem(P->src + p, P->len - p, otag.p, otag.len);
        size_t ts = o ? (size_t)(o - P->src) : P->len;
        if (ts > p) push(P, TK_TEXT, p, ts);
        if (!o) break;
        if (lex_tag(P, ts, &otag, &ctag, &p) < 0) return -1;
    }
    return 0;
}

/* ---- match ------------------------------------------------------------- */

static int is_open(tk_kind k)
{
    return k == TK_SECTION || k == TK_INVERTED || k == TK_PARENT || k == TK_BLOCK;
}

static int match(parser *P)
{
    size_t stack[HC_MUSTACHE_MAX_DEPTH], n = 0;
    for (size_t i = 0; i < P->n; i++) {
        tok *t = &P->t[i];
        if (is_open(t->kind)) {
            if (n == HC_MUSTACHE_MAX_DEPTH)
                return fail(P, t->start, "sections nested more than %d deep",
                            HC_MUSTACHE_MAX_DEPTH);
            stack[n++] = i;
            continue;
        }
        if (t->kind != TK_CLOSE) continue;
        const char *star = t->dynamic ? "*" : "";
        if (!n)
            return fail(P, t->start, "closing tag '%s%.*s' has no opening tag", star,
                        (int)t->name.len, t->name.p);
        tok *o = &P->t[stack[n - 1]];
        if (o->dynamic != t->dynamic || !slice_same(o->name, t->name)) {
            int line, col;
            locate(P, o->start, &line, &col);
            return fail(P, t->start, "closing tag '%s%.*s' does not match the open %s '%s%.*s' "
                        "(line %d)", star, (int)t->name.len, t->name.p, kind_name(o->kind),
                        o->dynamic ? "*" : "", (int)o->name.len, o->name.p, line);
        }
        o->match = i;
        t->match = stack[--n];
    }
    if (n) {
        const tok *o = &P->t[stack[n - 1]];
        return fail(P, o->start, "unclosed %s '%s%.*s'", kind_name(o->kind),
                    o->dynamic ? "*" : "", (int)o->name.len, o->name.p);
    }
    return 0;
}

/* ---- standalone lines -------------------------------------------------- */

/* Start of the line of pos if only spaces and tabs precede pos on it. */
static size_t blank_before(const parser *P, size_t pos)
{
    while (pos > 0 && is_blank(P->src[pos - 1])) pos--;
    return pos == 0 || P->src[pos - 1] == '\n' ? pos : NOPOS;
}

/* End of the line of pos (past "\n" or "\r\n") if only spaces and tabs
 * follow pos on it. */
static size_t blank_after(const parser *P, size_t pos)
{
    while (pos < P->len && is_blank(P->src[pos])) pos++;
    if (pos == P->len) return pos;
    if (P->src[pos] == '\n') return pos + 1;
    if (P->src[pos] == '\r' && pos + 1 < P->len && P->src[pos + 1] == '\n') return pos + 2;
    return NOPOS;
}

/* Adjacent tags i, i+1 that stand alone together: {{<p}}{{/p}},
 * {{<p}}{{$b}}, {{/b}}{{/p}}, and {{$b}}{{/b}} (which keeps its newline). */
static int pair_kind(const parser *P, size_t i)
{
    const tok *a = &P->t[i], *b = &P->t[i + 1];
    if (b->kind == TK_TEXT || a->end != b->start) return PAIR_NONE;
    if (a->kind == TK_PARENT && (a->match == i + 1 || b->kind == TK_BLOCK)) return PAIR_CUT;
    if (a->kind == TK_CLOSE && P->t[a->match].kind == TK_BLOCK && b->kind == TK_CLOSE &&
        P->t[b->match].kind == TK_PARENT)
        return PAIR_CUT;
    if (a->kind == TK_BLOCK && a->match == i + 1) return PAIR_KEEP_NL;
    return PAIR_NONE;
}

/* Tags first..last stand alone on line [ls, le): cut it from the text. */
static void cut_line(parser *P, size_t first, size_t last, size_t ls, size_t le, int keep_nl)
{
    for (size_t k = first; k <= last; k++) {
        tok *t = &P->t[k];
        t->alone = 1;
        t->ls = ls;
        t->le = le;
        if (t->kind == TK_BLOCK && !keep_nl) P->flags[le] |= LS_BODY;
    }
    P->t[first].lead = 1;
    P->flags[ls] |= LS_ALONE;
    if (first > 0 && P->t[first - 1].kind == TK_TEXT) {
        tok *t = &P->t[first - 1];
        if (ls < t->ke) t->ke = ls > t->ks ? ls : t->ks;
    }
    if (!keep_nl && last + 1 < P->n && P->t[last + 1].kind == TK_TEXT) {
        tok *t = &P->t[last + 1];
        if (le > t->ks) t->ks = le < t->ke ? le : t->ke;
    }
}

/* Common leading whitespace of the non-blank lines in [a, b), a line start. */
static void measure(const parser *P, size_t a, size_t b, tok *t)
{
    const char *first = NULL;
    size_t best = 0;
    while (a < b) {
        const char *nl = memchr(P->src + a, '\n', b - a);
        size_t e = nl ? (size_t)(nl - P->src) : b, w = a;
        while (w < e && is_blank(P->src[w])) w++;
        if (w < e && !(P->src[w] == '\r' && w + 1 == e)) {
            if (!first) {
                first = P->src + a;
                best = w - a;
            } else {
                size_t k = 0;
                while (k < best && k < w - a && P->src[a + k] == first[k]) k++;
                best = k;
            }
        }
        a = e + 1;
    }
    if (first) {
        t->has_prefix = 1;
        t->prefix = (hc_slice){ first, best };
    }
}

static void standalone(parser *P)
{
    for (size_t i = 0; i < P->n; i++) {
        tk_kind k = P->t[i].kind;
        if (k == TK_TEXT) continue;
        int pair = i + 1 < P->n ? pair_kind(P, i) : PAIR_NONE;
        size_t last = pair ? i + 1 : i;
        if (!pair && (k == TK_VAR || k == TK_RAW)) continue;
        size_t ls = blank_before(P, P->t[i].start), le = blank_after(P, P->t[last].end);
        if (ls == NOPOS || le == NOPOS) continue;
        cut_line(P, i, last, ls, le, pair == PAIR_KEEP_NL);
        i = last;
    }
    for (size_t i = 0; i < P->n; i++) {
        tok *t = &P->t[i];
        if (t->kind != TK_BLOCK || !t->alone) continue;
        const tok *c = &P->t[t->match];
        measure(P, t->le, c->alone ? c->ls : c->start, t);
    }
}

/* ---- build ------------------------------------------------------------- */

static hc_mustache_op *add(opvec *v, hc_mustache_op_kind kind)
{
    v->v = hc_xgrow(v->v, &v->cap, v->n + 1, sizeof *v->v);
    hc_mustache_op *op = &v->v[v->n++];
    memset(op, 0, sizeof *op);
    op->kind = kind;
    return op;
}

static hc_mustache_name dotted(parser *P, hc_slice s)
{
    hc_mustache_name m = { NULL, 0 };
    if (s.len == 1 && s.p[0] == '.') return m;
    size_t n = 1;
    for (size_t i = 0; i < s.len; i++) n += s.p[i] == '.';
    hc_slice *parts = hc_arena_alloc(P->arena, n * sizeof *parts);
    const char *p = s.p, *end = s.p + s.len;
    for (size_t k = 0; k < n; k++) {
        const char *dot = memchr(p, '.', (size_t)(end - p));
        const char *e = dot ? dot : end;
        parts[k] = (hc_slice){ p, (size_t)(e - p) };
        p = e + 1;
    }
    m.parts = parts;
    m.n = n;
    return m;
}

/* A new line of template text starts at q, unless its line was cut or it
 * opens a block's content (the block's user indents that). */
static void line_mark(parser *P, opvec *v, size_t q)
{
    if (q == 0 || q >= P->len || P->src[q - 1] != '\n') return;
    if (P->flags[q] & (LS_ALONE | LS_BODY)) return;
    add(v, HC_MUSTACHE_OP_LINE);
}

/* The kept part of a text run, one op per line, minus dedent blanks at the
 * start of each line. */
static void text(parser *P, opvec *v, const tok *t, size_t dedent)
{
    size_t p = t->ks;
    while (p < t->ke) {
        if (p == 0 || P->src[p - 1] == '\n') {
            line_mark(P, v, p);
            for (size_t k = 0; k < dedent && p < t->ke && is_blank(P->src[p]); k++) p++;
        }
        const char *nl = memchr(P->src + p, '\n', t->ke - p);
        size_t e = nl ? (size_t)(nl - P->src) + 1 : t->ke;
        if (e > p) add(v, HC_MUSTACHE_OP_TEXT)->text = (hc_slice){ P->src + p, e - p };
        p = e;
    }
    if (t->ke > 0 && P->src[t->ke - 1] == '\n') line_mark(P, v, t->ke);
}

/* Whitespace before a standalone tag, less the dedent of its block. */
static hc_slice indent_of(const parser *P, const tok *t, size_t dedent)
{
    if (!t->alone || !t->lead) return (hc_slice){ "", 0 };
    size_t n = t->start - t->ls, skip = dedent < n ? dedent : n;
    return (hc_slice){ P->src + t->ls + skip, n - skip };
}

static const hc_mustache_op *build(parser *P, size_t from, size_t to, size_t dedent,
                                   int args_only, size_t *nout);

static void block(parser *P, opvec *v, size_t i, size_t dedent)
{
    const tok *t = &P->t[i];
    hc_mustache_op *op = add(v, HC_MUSTACHE_OP_BLOCK);
    size_t inner = dedent;
    op->text = t->name;
    op->standalone = t->alone;
    op->indent = indent_of(P, t, dedent);
    if (t->alone && t->has_prefix && t->prefix.len >= dedent) {
        inner = t->prefix.len;
        op->intrinsic = (hc_slice){ t->prefix.p + dedent, t->prefix.len - dedent };
    }
    op->kids = build(P, i + 1, t->match, inner, 0, &op->nkids);
}

/* {{>x}} and {{<x}}…{{/x}} (whose content is only its block arguments). */
static void include(parser *P, opvec *v, size_t i, size_t dedent)
{
    const tok *t = &P->t[i];
    hc_mustache_op *op = add(v, t->kind == TK_PARENT ? HC_MUSTACHE_OP_PARENT
                                                     : HC_MUSTACHE_OP_PARTIAL);
    op->dynamic = t->dynamic;
    if (t->dynamic) op->name = dotted(P, t->name);
    else op->text = t->name;
    op->standalone = t->alone;
    op->indent = indent_of(P, t, dedent);
    where(P, t->start, &op->line, &op->col);
    if (t->kind == TK_PARENT) op->kids = build(P, i + 1, t->match, dedent, 1, &op->nkids);
}

/* Ops for tokens [from, to); with args_only, only the blocks among them. */
static const hc_mustache_op *build(parser *P, size_t from, size_t to, size_t dedent,
                                   int args_only, size_t *nout)
{
    opvec v = { NULL, 0, 0 };
    for (size_t i = from; i < to; i++) {
        const tok *t = &P->t[i];
        if (args_only && t->kind != TK_BLOCK) {
            if (is_open(t->kind)) i = t->match;
            continue;
        }
        switch (t->kind) {
        case TK_TEXT:
            text(P, &v, t, dedent);
            break;
        case TK_VAR:
        case TK_RAW:
            add(&v, t->kind == TK_VAR ? HC_MUSTACHE_OP_VAR : HC_MUSTACHE_OP_RAW)->name =
                dotted(P, t->name);
            break;
        case TK_SECTION:
        case TK_INVERTED: {
            hc_mustache_op *op = add(&v, t->kind == TK_SECTION ? HC_MUSTACHE_OP_SECTION
                                                               : HC_MUSTACHE_OP_INVERTED);
            op->name = dotted(P, t->name);
            op->kids = build(P, i + 1, t->match, dedent, 0, &op->nkids);
            i = t->match;
            break;
        }
        case TK_PARTIAL:
            include(P, &v, i, dedent);
            break;
        case TK_PARENT:
            include(P, &v, i, dedent);
            i = t->match;
            break;
        case TK_BLOCK:
            block(P, &v, i, dedent);
            i = t->match;
            break;
        case TK_COMMENT:
        case TK_DELIM:
        case TK_CLOSE:
            break;
        }
    }
    hc_mustache_op *ops = NULL;
    if (v.n) {
        ops = hc_arena_alloc(P->arena, v.n * sizeof *ops);
        memcpy(ops, v.v, v.n * sizeof *ops);
    }
    free(v.v);
    *nout = v.n;
    return ops;
}

/* ---- entry points ------------------------------------------------------ */

void hc_mustache_tmpl_free(hc_mustache_tmpl *t)
{
    if (!t) return;
    hc_arena_free(&t->arena);
    free(t);
}

hc_mustache_tmpl *hc_mustache_parse(const char *name, const char *path, const char *text,
                                    size_t len, hc_diags *d)
{
    hc_mustache_tmpl *t = hc_xcalloc(1, sizeof *t);
    t->arena.block_size = 8192;
    t->name = hc_arena_strdup(&t->arena, name);
    t->path = hc_arena_strdup(&t->arena, path ? path : name);
    parser P = { 0 };
    P.src = hc_arena_strndup(&t->arena, text ? text : "", len);
    P.len = len;
    P.path = path;
    P.d = d;
    P.arena = &t->arena;
    P.flags = hc_xcalloc(len + 1, 1);
    int ok = 0;
    if (lex(&P) < 0 || match(&P) < 0) goto out;
    standalone(&P);
    t->ops = build(&P, 0, P.n, 0, 0, &t->nops);
    ok = 1;
out:
    free(P.t);
    free(P.flags);
    if (!ok) {
        hc_mustache_tmpl_free(t);
        t = NULL;
    }
    return t;
}
