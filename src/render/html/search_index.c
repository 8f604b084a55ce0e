/* search_index.c — terms, postings and shards of the search index (see search_index.h). */
#include "search_index.h"
#include "../../base/alloc.h"
#include "../../base/arena.h"
#include "../../base/fs.h"
#include "../../base/hash.h"
#include "../../base/utf8.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *key; size_t len;   /* in x->keys */
    uint32_t last, count;          /* last document added, number of documents */
    hc_buf gaps;                   /* gaps between documents, Elias gamma coded (of gap + 1) */
    size_t nbits;                  /* bits used in gaps */
} sx_term;

struct hc_sx {
    hc_arena keys;
    hc_strmap map;                 /* key → index into terms */
    uint64_t *pair_key; uint32_t *pair_val; size_t pair_cap, npair;   /* CJK pairs → index + 1 */
    sx_term *terms; size_t nterms, cap;
};

hc_sx *hc_sx_new(void)
{
    hc_sx *x = hc_xcalloc(1, sizeof *x);
    hc_strmap_init(&x->map, 4096);
    return x;
}

void hc_sx_free(hc_sx *x)
{
    if (!x) return;
    for (size_t i = 0; i < x->nterms; i++) hc_buf_free(&x->terms[i].gaps);
    free(x->terms);
    free(x->pair_key);
    free(x->pair_val);
    hc_strmap_free(&x->map);
    hc_arena_free(&x->keys);
    free(x);
}

/* ---------------------------------------------------------------- terms */

static uint32_t fold(uint32_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c >= 'A' && c <= 'Z') c += 32;
    return c;
}

enum { SEP, WORD, CJK };

static int kind(uint32_t c)
{
    if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x3040 && c <= 0x30FF && c != 0x30FB) || (c >= 0xAC00 && c <= 0xD7AF) ||
        (c >= 0x20000 && c <= 0x3FFFF))
        return CJK;
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
        (c >= 0x370 && c <= 0x4FF))
        return WORD;
    return SEP;
}

/* writes c as UTF-8 at s, returns its length */
static size_t utf8_at(char *s, uint32_t c)
{
    size_t n;
    if (c < 0x80) { s[0] = (char)c; n = 1; }
    else if (c < 0x800) { s[0] = (char)(0xC0 | c >> 6); s[1] = (char)(0x80 | (c & 63)); n = 2; }
    else if (c < 0x10000) {
        s[0] = (char)(0xE0 | c >> 12); s[1] = (char)(0x80 | (c >> 6 & 63)); s[2] = (char)(0x80 | (c & 63)); n = 3;
    } else {
        s[0] = (char)(0xF0 | c >> 18); s[1] = (char)(0x80 | (c >> 12 & 63));
        s[2] = (char)(0x80 | (c >> 6 & 63)); s[3] = (char)(0x80 | (c & 63)); n = 4;
    }
    return n;
}

static void put_utf8(hc_buf *b, uint32_t c)
{
    char s[4];
    hc_buf_put(b, s, utf8_at(s, c));
}

/* appends v >= 1 in Elias gamma code: floor(log2 v) 0 bits, then v's bits.
 * Most gaps of a frequent term are 0: one bit each, where the finished
 * index spends about as much (memory stays small at 100,000 documents). */
static void put_gamma(sx_term *t, uint32_t v)
{
    int n = 31 - __builtin_clz(v);
    size_t need = (t->nbits + 2 * (size_t)n + 1 + 7) / 8;
    if (need > t->gaps.len) {
        if (need > t->gaps.cap) {
            size_t cap = t->gaps.cap ? t->gaps.cap + t->gaps.cap / 2 : 8;
            if (cap < need) cap = need;
            t->gaps.data = hc_xrealloc(t->gaps.data, cap);
            t->gaps.cap = cap;
        }
        memset(t->gaps.data + t->gaps.len, 0, need - t->gaps.len);
        t->gaps.len = need;
    }
    t->nbits += (size_t)n;   /* the zeros are there already */
    for (int i = n; i >= 0; i--, t->nbits++)
        if (v >> i & 1) t->gaps.data[t->nbits / 8] |= (char)(0x80 >> (t->nbits % 8));
}

static size_t new_term(hc_sx *x, const char *key, size_t len);

static void add_doc(sx_term *t, uint32_t doc)
{
    if (t->count && t->last == doc) return;
    put_gamma(t, (t->count ? doc - t->last - 1 : doc) + 1);
    t->last = doc;
    t->count++;
}

static size_t pair_slot(const uint64_t *keys, size_t cap, uint64_t key)
{
    size_t i = (size_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> 20) & (cap - 1);
    while (keys[i] && keys[i] != key) i = (i + 1) & (cap - 1);
    return i;
}

/* a pair of CJK characters: found by number, not by its bytes */
static void add_pair(hc_sx *x, uint32_t doc, uint32_t a, uint32_t b)
{
    uint64_t key = (uint64_t)a << 21 | b;   /* both below 2^21, a is not 0 */
    if (2 * (x->npair + 1) > x->pair_cap) {
        size_t cap = x->pair_cap ? 2 * x->pair_cap : 8192;
        uint64_t *k = hc_xcalloc(cap, sizeof *k);
        uint32_t *v = hc_xcalloc(cap, sizeof *v);
        for (size_t i = 0; i < x->pair_cap; i++)
            if (x->pair_key[i]) {
                size_t j = pair_slot(k, cap, x->pair_key[i]);
                k[j] = x->pair_key[i];
                v[j] = x->pair_val[i];
            }
        free(x->pair_key);
        free(x->pair_val);
        x->pair_key = k;
        x->pair_val = v;
        x->pair_cap = cap;
    }
    size_t i = pair_slot(x->pair_key, x->pair_cap, key);
    if (!x->pair_key[i]) {
        char s[8];
        size_t n = utf8_at(s, a);
        n += utf8_at(s + n, b);
        x->pair_key[i] = key;
        x->pair_val[i] = (uint32_t)new_term(x, s, n) + 1;
        x->npair++;
    }
    add_doc(&x->terms[x->pair_val[i] - 1], doc);
}

static size_t new_term(hc_sx *x, const char *key, size_t len)
{
    if (x->nterms == x->cap) {
        x->cap = x->cap ? 2 * x->cap : 4096;
        x->terms = hc_xrealloc(x->terms, x->cap * sizeof *x->terms);
    }
    size_t i = x->nterms++;
    sx_term *t = &x->terms[i];
    memset(t, 0, sizeof *t);
    t->key = hc_arena_strndup(&x->keys, key, len);
    t->len = len;
    return i;
}

static void add_term(hc_sx *x, uint32_t doc, const char *key, size_t len)
{
    size_t i = hc_strmap_get(&x->map, key, len);
    if (i == HC_STRMAP_NONE) {
        i = new_term(x, key, len);
        hc_strmap_add(&x->map, x->terms[i].key, len, i);
    }
    add_doc(&x->terms[i], doc);
}

void hc_sx_add(hc_sx *x, uint32_t doc, const char *text, size_t len)
{
    hc_buf term = HC_BUF_INIT;
    uint32_t prev = 0;          /* the CJK character before, 0 if none */
    int run = SEP;              /* the kind of the run we are in */
    size_t nrun = 0;            /* its characters so far */
    for (size_t i = 0; i <= len;) {
        uint32_t c = 0;
        size_t adv = 1;
        if (i < len) c = fold(hc_utf8_decode(text + i, len - i, &adv));
        int k = i < len ? kind(c) : SEP;
        if (k != run) {         /* the run ends: a lone CJK character or a word is a term */
            if (run == CJK && nrun == 1) add_term(x, doc, term.data, term.len);
            if (run == WORD) add_term(x, doc, term.data, term.len);
            hc_buf_reset(&term);
            run = k;
            nrun = 0;
        }
        if (k == CJK) {
            if (nrun >= 1) add_pair(x, doc, prev, c);
            if (nrun == 0) put_utf8(&term, c);
            prev = c;
            nrun++;
        } else if (k == WORD && nrun++ < HC_SX_WORD_MAX) {
            put_utf8(&term, c);
        }
        i += adv;
    }
    hc_buf_free(&term);
}

/* ---------------------------------------------------------------- coding */

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

typedef struct { hc_buf *out; unsigned acc, n; } bits;

static void put_bit(bits *w, unsigned bit)
{
    w->acc = w->acc << 1 | bit;
    if (++w->n == 6) {
        if (w->out->len + 1 >= w->out->cap) hc_buf_grow(w->out, 4096);
        w->out->data[w->out->len++] = B64[w->acc];
        w->out->data[w->out->len] = 0;
        w->acc = w->n = 0;
    }
}

static void flush_bits(bits *w)
{
    while (w->n) put_bit(w, 0);
}

/* the term's documents, or those without it when that is the smaller set */
static size_t doc_set(const sx_term *t, uint32_t ndocs, uint32_t **out, int *comp)
{
    uint32_t *v = hc_xmalloc(((size_t)t->count + 1) * sizeof *v);
    const unsigned char *p = (const unsigned char *)t->gaps.data;
    size_t at = 0;
    uint32_t doc = 0;
    for (uint32_t i = 0; i < t->count; i++) {
        int n = 0;
        while (!(p[at / 8] & (0x80 >> (at % 8)))) n++, at++;
        uint32_t g = 0;
        for (int k = 0; k <= n; k++, at++) g = g << 1 | ((p[at / 8] >> (7 - at % 8)) & 1);
        g -= 1;
        doc = i ? doc + g + 1 : g;
        v[i] = doc;
    }
    *comp = t->count > ndocs / 2;
    if (!*comp) {
        *out = v;
        return t->count;
    }
    uint32_t *c = hc_xmalloc(((size_t)(ndocs - t->count) + 1) * sizeof *c);
    size_t n = 0, j = 0;
    for (uint32_t d = 0; d < ndocs; d++) {
        if (j < t->count && v[j] == d) j++;
        else c[n++] = d;
    }
    free(v);
    *out = c;
    return n;
}

/* appends the term's code (see the header) to out */
/* appends the term's code (see the header) to out, or with out NULL only
 * returns its length */
static size_t encode(const sx_term *t, uint32_t ndocs, hc_buf *out)
{
    uint32_t *v;
    int comp;
    size_t n = doc_set(t, ndocs, &v, &comp);
    for (size_t i = n; i-- > 1;) v[i] -= v[i - 1] + 1;   /* documents → gaps */
    unsigned best = 0;
    unsigned long long best_bits = (unsigned long long)-1;
    for (unsigned k = 0; k < 24; k++) {
        unsigned long long b = (unsigned long long)n * (k + 1);
        for (size_t i = 0; i < n; i++) b += v[i] >> k;
        if (b < best_bits) { best_bits = b; best = k; }
        else break;
    }
    if (out) {
        hc_buf_putc(out, B64[(comp ? 32 : 0) + best]);
        bits w = { out, 0, 0 };
        for (size_t i = 0; i < n; i++) {
            for (uint32_t q = v[i] >> best; q; q--) put_bit(&w, 0);
            put_bit(&w, 1);
            for (unsigned k = best; k-- > 0;) put_bit(&w, v[i] >> k & 1);
        }
        flush_bits(&w);
    }
    free(v);
    return 1 + (size_t)((best_bits + 5) / 6);
}

static uint32_t shard_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len;) {
        size_t adv;
        h = (h ^ hc_utf8_decode(s + i, len - i, &adv)) * 16777619u;
        i += adv;
    }
    return h;
}

/* ---------------------------------------------------------------- shards */

typedef struct { sx_term *t; uint32_t shard; } sx_out;

static int cmp_out(const void *pa, const void *pb)
{
    const sx_out *a = pa, *b = pb;
    if (a->shard != b->shard) return a->shard < b->shard ? -1 : 1;
    size_t n = a->t->len < b->t->len ? a->t->len : b->t->len;
    int c = memcmp(a->t->key, b->t->key, n);
    return c ? c : (a->t->len > b->t->len) - (a->t->len < b->t->len);
}

/* writes shard k with its n terms, each term's postings freed once coded */
static int write_shard(const char *dir, uint32_t k, const sx_out *o, size_t n, uint32_t ndocs, hc_diags *d,
                       size_t *files, size_t *bytes)
{
    hc_buf b = HC_BUF_INIT, path = HC_BUF_INIT;
    hc_buf_printf(&b, "huaceSearchShard(%u,{", k);
    for (size_t i = 0; i < n; i++) {
        hc_buf_puts(&b, i ? ",\n\"" : "\"");
        hc_escape_json(&b, o[i].t->key, o[i].t->len);
        hc_buf_puts(&b, "\":\"");
        encode(o[i].t, ndocs, &b);
        hc_buf_putc(&b, '"');
        hc_buf_free(&o[i].t->gaps);
    }
    hc_buf_puts(&b, "});\n");
    hc_buf_printf(&path, "%s/%u.js", dir, k);
    int rc = hc_fs_write(hc_buf_cstr(&path), b.data, b.len);
    if (rc != 0) hc_error(d, "write", hc_buf_cstr(&path), 0, 0, "cannot write: %s", strerror(errno));
    else { (*files)++; *bytes += b.len; }
    hc_buf_free(&b);
    hc_buf_free(&path);
    return rc;
}

/* Sizes the codes first (the number of shards depends on it), then codes
 * each shard's terms as it is written: never all the codes in memory. */
long hc_sx_write(hc_sx *x, uint32_t ndocs, const char *dir, hc_diags *d, size_t *files, size_t *bytes)
{
    long ret = -1;
    sx_out *o = hc_xcalloc(x->nterms + 1, sizeof *o);
    size_t total = 0;
    for (size_t i = 0; i < x->nterms; i++) {
        o[i].t = &x->terms[i];
        total += encode(&x->terms[i], ndocs, NULL) + x->terms[i].len + 6;
    }
    uint32_t nshards = (uint32_t)(total / HC_SX_SHARD_BYTES) + 1;
    for (size_t i = 0; i < x->nterms; i++) o[i].shard = shard_hash(o[i].t->key, o[i].t->len) % nshards;
    qsort(o, x->nterms, sizeof *o, cmp_out);
    size_t i = 0;
    for (uint32_t k = 0; k < nshards; k++) {
        size_t j = i;
        while (j < x->nterms && o[j].shard == k) j++;
        if (write_shard(dir, k, o + i, j - i, ndocs, d, files, bytes) != 0) goto out;
        i = j;
    }
    ret = nshards;
out:
    free(o);
    return ret;
}

/* ---------------------------------------------------------------- HTML → text */

/* 1 for the tags that stay inside a line of text */
static int inline_tag(const char *s, size_t len)
{
    static const char *const names[] = { "a", "em", "strong", "code", "span", "b", "i", "mark", "sup", "sub",
                                         "del", "s", "small", "abbr", "kbd", "q", NULL };
    size_t n = 0;
    if (n < len && s[n] == '/') s++, len--;
    while (n < len && ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9'))) n++;
    for (int i = 0; names[i]; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0) return 1;
    return 0;
}

/* decodes the entity at s (after '&'); returns its length up to ';', 0 if none */
static size_t entity(const char *s, size_t len, uint32_t *c)
{
    static const struct { const char *name; uint32_t c; } named[] = {
        { "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' }, { "apos;", '\'' }, { "nbsp;", ' ' },
    };
    for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
        size_t n = strlen(named[i].name);
        if (n <= len && memcmp(s, named[i].name, n) == 0) { *c = named[i].c; return n; }
    }
    if (len < 3 || s[0] != '#') return 0;
    int hex = s[1] == 'x' || s[1] == 'X';
    uint32_t v = 0;
    size_t i = hex ? 2 : 1;
    for (; i < len && i < 10 && s[i] != ';'; i++) {
        int dgt = s[i] >= '0' && s[i] <= '9' ? s[i] - '0'
                  : hex && (s[i] | 32) >= 'a' && (s[i] | 32) <= 'f' ? (s[i] | 32) - 'a' + 10 : -1;
        if (dgt < 0) return 0;
        v = v * (hex ? 16 : 10) + (uint32_t)dgt;
    }
    if (i >= len || s[i] != ';' || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *c = v;
    return i + 1;
}

void hc_sx_html_text(hc_buf *out, const char *html, size_t len)
{
    hc_buf_grow(out, len);     /* the text is never longer than the HTML */
    size_t start = out->len;
    char *o = out->data + out->len;
    int space = 0, line = 0;   /* white space / a line break pending */
    for (size_t i = 0; i < len;) {
        char ch = html[i];
        if (ch == '<') {
            const char *e = memchr(html + i, '>', len - i);
            size_t end = e ? (size_t)(e - html) + 1 : len;
            if (!inline_tag(html + i + 1, end - i - 1)) line = 1;
            i = end;
            continue;
        }
        uint32_t c = 0;
        size_t n = 0;
        if (ch == '&' && (n = entity(html + i + 1, len - i - 1, &c)) > 0) i += n + 1;
        else if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') { space = 1; i++; continue; }
        else c = (unsigned char)ch, i++;
        if (c == ' ') { space = 1; continue; }
        if ((size_t)(o - out->data) > start && (line || space)) *o++ = line ? '\n' : ' ';
        line = space = 0;
        if (c < 0x80) *o++ = (char)c;
        else if (n) o += utf8_at(o, c);
        else *o++ = ch;   /* a UTF-8 byte, copied as it is */
    }
    out->len = (size_t)(o - out->data);
    out->data[out->len] = 0;
}
