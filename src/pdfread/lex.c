/* lex.c — the content-stream lexer; see lex.h. */
#include "lex.h"
#include <string.h>

static int is_ws(unsigned char c)
{
    return c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32;
}

static int is_delim(unsigned char c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
           c == '/' || c == '%';
}

static int is_regular(unsigned char c)
{
    return !is_ws(c) && !is_delim(c);
}

void pr_lex_init(pr_lexer *lx, const void *p, size_t len)
{
    lx->p = p;
    lx->len = p ? len : 0;
    lx->pos = 0;
}

int pr_tok_is(const pr_tok *t, const char *kw)
{
    size_t n = strlen(kw);
    return t->kind == PR_T_OP && t->len == n && !memcmp(t->p, kw, n);
}

static void skip_space(pr_lexer *lx)
{
    while (lx->pos < lx->len) {
        unsigned char c = (unsigned char)lx->p[lx->pos];
        if (c == '%') {
            while (lx->pos < lx->len && lx->p[lx->pos] != '\n' && lx->p[lx->pos] != '\r') lx->pos++;
        } else if (is_ws(c)) {
            lx->pos++;
        } else {
            break;
        }
    }
}

/* A number as PDF writes them: [+-]digits[.digits] or [+-].digits; the whole
 * run must match. */
static int parse_number(const char *s, size_t n, double *out)
{
    size_t i = 0;
    int neg = 0, digits = 0;
    double v = 0, scale = 1;
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) v = v * 10 + (s[i] - '0');
    if (i < n && s[i] == '.') {
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
            scale /= 10;
            v += (s[i] - '0') * scale;
        }
    }
    if (i != n || !digits) return 0;
    *out = neg ? -v : v;
    return 1;
}

static void lex_string(pr_lexer *lx, pr_tok *t)
{
    size_t start = ++lx->pos;
    int depth = 1;
    while (lx->pos < lx->len) {
        char c = lx->p[lx->pos];
        if (c == '\\') {
            lx->pos += 2;
            continue;
        }
        if (c == '(') depth++;
        else if (c == ')' && --depth == 0) break;
        lx->pos++;
    }
    if (lx->pos > lx->len) lx->pos = lx->len;   /* a '\' as the last byte */
    t->kind = PR_T_STR;
    t->p = lx->p + start;
    t->len = lx->pos - start;
    if (lx->pos < lx->len) lx->pos++;           /* the closing ')' */
}

static void lex_angle(pr_lexer *lx, pr_tok *t)
{
    if (lx->pos + 1 < lx->len && lx->p[lx->pos + 1] == '<') {
        t->kind = PR_T_DICT_OPEN;
        t->p = lx->p + lx->pos;
        t->len = 2;
        lx->pos += 2;
        return;
    }
    size_t start = ++lx->pos;
    while (lx->pos < lx->len && lx->p[lx->pos] != '>') lx->pos++;
    t->kind = PR_T_HEXSTR;
    t->p = lx->p + start;
    t->len = lx->pos - start;
    if (lx->pos < lx->len) lx->pos++;
}

/* One token, inline images not treated specially. */
static pr_tok_kind lex_basic(pr_lexer *lx, pr_tok *t)
{
    memset(t, 0, sizeof *t);
    skip_space(lx);
    t->pos = lx->pos;
    t->p = lx->p + lx->pos;
    if (lx->pos >= lx->len) return t->kind = PR_T_EOF;
    unsigned char c = (unsigned char)lx->p[lx->pos];
    switch (c) {
    case '(': lex_string(lx, t); return t->kind;
    case '<': lex_angle(lx, t); return t->kind;
    case '[': t->kind = PR_T_ARRAY_OPEN; t->len = 1; lx->pos++; return t->kind;
    case ']': t->kind = PR_T_ARRAY_CLOSE; t->len = 1; lx->pos++; return t->kind;
    case '>':
        if (lx->pos + 1 < lx->len && lx->p[lx->pos + 1] == '>') {
            t->kind = PR_T_DICT_CLOSE;
            t->len = 2;
            lx->pos += 2;
            return t->kind;
        }
        /* a stray '>' */
        /* fall through */
    case ')': case '{': case '}':
        t->kind = PR_T_OP;
        t->len = 1;
        lx->pos++;
        return t->kind;
    case '/': {
        size_t start = ++lx->pos;
        while (lx->pos < lx->len && is_regular((unsigned char)lx->p[lx->pos])) lx->pos++;
        t->kind = PR_T_NAME;
        t->p = lx->p + start;
        t->len = lx->pos - start;
        return t->kind;
    }
    default: break;
    }
    size_t start = lx->pos;
    while (lx->pos < lx->len && is_regular((unsigned char)lx->p[lx->pos])) lx->pos++;
    t->p = lx->p + start;
    t->len = lx->pos - start;
    t->kind = parse_number(t->p, t->len, &t->num) ? PR_T_NUM : PR_T_OP;
    return t->kind;
}

/* The data length an inline image's dictionary gives (/L or /Length), or -1. */
static long inline_length(const char *p, size_t len)
{
    pr_lexer sub;
    pr_tok a, b;
    pr_lex_init(&sub, p, len);
    while (lex_basic(&sub, &a) != PR_T_EOF) {
        if (a.kind != PR_T_NAME || !((a.len == 1 && a.p[0] == 'L') || (a.len == 6 && !memcmp(a.p, "Length", 6))))
            continue;
        if (lex_basic(&sub, &b) == PR_T_NUM && b.num >= 0 && b.num < 1e15) return (long)b.num;
    }
    return -1;
}

/* After "BI": the dictionary up to ID, the data up to EI. */
static void lex_inline(pr_lexer *lx, pr_tok *t)
{
    size_t dict_start = lx->pos, dict_end = lx->len;
    pr_tok k;
    while (lex_basic(lx, &k) != PR_T_EOF) {
        if (pr_tok_is(&k, "ID")) {
            dict_end = k.pos;
            break;
        }
    }
    t->kind = PR_T_INLINE;
    t->p = lx->p + dict_start;
    t->len = dict_end - dict_start;
    if (lx->pos < lx->len && is_ws((unsigned char)lx->p[lx->pos])) lx->pos++;
    size_t ds = lx->pos, de = lx->len, next = lx->len;
    long given = dict_end < lx->len ? inline_length(t->p, t->len) : -1;
    if (given >= 0 && (size_t)given <= lx->len - ds) {
        de = ds + (size_t)given;
        size_t e = de;
        while (e < lx->len && is_ws((unsigned char)lx->p[e])) e++;
        next = (e + 1 < lx->len && lx->p[e] == 'E' && lx->p[e + 1] == 'I') ? e + 2 : de;
    } else {
        for (size_t i = ds; i + 1 < lx->len; i++) {
            if (lx->p[i] != 'E' || lx->p[i + 1] != 'I') continue;
            if (i > ds && !is_ws((unsigned char)lx->p[i - 1])) continue;
            if (i + 2 < lx->len && is_regular((unsigned char)lx->p[i + 2])) continue;
            de = i > ds ? i - 1 : i;
            next = i + 2;
            break;
        }
    }
    t->data = lx->p + ds;
    t->data_len = de - ds;
    lx->pos = next;
}

pr_tok_kind pr_lex_next(pr_lexer *lx, pr_tok *t)
{
    lex_basic(lx, t);
    if (pr_tok_is(t, "BI")) {
        size_t pos = t->pos;
        lex_inline(lx, t);
        t->pos = pos;
    }
    return t->kind;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void decode_hex(const pr_tok *t, hc_buf *out)
{
    int hi = -1;
    for (size_t i = 0; i < t->len; i++) {
        int v = hexval(t->p[i]);
        if (v < 0) continue;
        if (hi < 0) {
            hi = v;
        } else {
            hc_buf_putc(out, (char)(hi << 4 | v));
            hi = -1;
        }
    }
    if (hi >= 0) hc_buf_putc(out, (char)(hi << 4));
}

/* One escape after '\' at s[*i]; returns the byte or -1 for none. */
static int unescape(const char *s, size_t n, size_t *i)
{
    char c = s[(*i)++];
    switch (c) {
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'b': return '\b';
    case 'f': return '\f';
    case '\r':
        if (*i < n && s[*i] == '\n') (*i)++;
        return -1;
    case '\n': return -1;
    default: break;
    }
    if (c >= '0' && c <= '7') {
        int v = c - '0';
        for (int k = 0; k < 2 && *i < n && s[*i] >= '0' && s[*i] <= '7'; k++) v = v * 8 + (s[(*i)++] - '0');
        return v & 0xff;
    }
    return (unsigned char)c;
}

void pr_str_decode(const pr_tok *t, hc_buf *out)
{
    if (t->kind == PR_T_HEXSTR) {
        decode_hex(t, out);
        return;
    }
    size_t i = 0;
    while (i < t->len) {
        char c = t->p[i++];
        if (c == '\\' && i < t->len) {
            int v = unescape(t->p, t->len, &i);
            if (v >= 0) hc_buf_putc(out, (char)v);
        } else if (c == '\r') {
            if (i < t->len && t->p[i] == '\n') i++;
            hc_buf_putc(out, '\n');   /* an end of line in a string is read as LF */
        } else if (c != '\\') {
            hc_buf_putc(out, c);
        }
    }
}

void pr_name_decode(const pr_tok *t, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < t->len && o + 1 < cap; i++) {
        char c = t->p[i];
        if (c == '#' && i + 2 < t->len && hexval(t->p[i + 1]) >= 0 && hexval(t->p[i + 2]) >= 0) {
            c = (char)(hexval(t->p[i + 1]) << 4 | hexval(t->p[i + 2]));
            i += 2;
        }
        out[o++] = c;
    }
    out[o] = 0;
}
