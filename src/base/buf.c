#include "buf.h"
#include "alloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hc_buf_grow(hc_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return;
    size_t c = b->cap ? b->cap : 64;
    while (c < need) c *= 2;
    b->data = hc_xrealloc(b->data, c);
    b->cap = c;
}

void hc_buf_put(hc_buf *b, const void *p, size_t n)
{
    hc_buf_grow(b, n);
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void hc_buf_puts(hc_buf *b, const char *s) { hc_buf_put(b, s, strlen(s)); }

void hc_buf_putc(hc_buf *b, char c)
{
    hc_buf_grow(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void hc_buf_put_slice(hc_buf *b, hc_slice s) { hc_buf_put(b, s.p, s.len); }

void hc_buf_vprintf(hc_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    hc_buf_grow(b, 64);
    int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    if (n < 0) n = 0;
    if ((size_t)n >= b->cap - b->len) {
        hc_buf_grow(b, (size_t)n);
        vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap2);
    }
    va_end(ap2);
    b->len += (size_t)n;
}

void hc_buf_printf(hc_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hc_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void hc_buf_truncate(hc_buf *b, size_t len)
{
    if (len >= b->len) return;
    b->len = len;
    b->data[len] = '\0';
}

void hc_buf_reset(hc_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void hc_buf_free(hc_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *hc_buf_detach(hc_buf *b, size_t *len_out)
{
    char *p = b->data ? b->data : hc_xstrdup("");
    if (len_out) *len_out = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

hc_slice hc_buf_slice(const hc_buf *b) { return (hc_slice){ b->data ? b->data : "", b->len }; }

const char *hc_buf_cstr(const hc_buf *b) { return b->data ? b->data : ""; }

hc_slice hc_slice_from(const char *s) { return (hc_slice){ s, strlen(s) }; }

int hc_slice_eq(hc_slice a, const char *s)
{
    size_t n = strlen(s);
    return a.len == n && memcmp(a.p, s, n) == 0;
}

int hc_slice_starts(hc_slice a, const char *prefix)
{
    size_t n = strlen(prefix);
    return a.len >= n && memcmp(a.p, prefix, n) == 0;
}

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

hc_slice hc_slice_trim(hc_slice s)
{
    while (s.len && is_ws(s.p[0])) { s.p++; s.len--; }
    while (s.len && is_ws(s.p[s.len - 1])) s.len--;
    return s;
}

char *hc_slice_dup(hc_slice s) { return hc_xstrndup(s.p, s.len); }

void hc_buf_base64(hc_buf *b, const void *data, size_t n)
{
    static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *p = data;
    hc_buf_grow(b, (n + 2) / 3 * 4);
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
        hc_buf_putc(b, t[v >> 18 & 63]);
        hc_buf_putc(b, t[v >> 12 & 63]);
        hc_buf_putc(b, i + 1 < n ? t[v >> 6 & 63] : '=');
        hc_buf_putc(b, i + 2 < n ? t[v & 63] : '=');
    }
}
