#include "utf8.h"
#include <string.h>

static inline __attribute__((always_inline)) uint32_t decode(const char *str, size_t len, size_t *adv)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[0];
    uint32_t cp, min;
    size_t n;
    if (c < 0x80) { *adv = 1; return c; }
    if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; min = 0x10000; }
    else goto bad;
    if (len < n) goto bad;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) goto bad;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) goto bad;
    *adv = n;
    return cp;
bad:
    *adv = 1;
    return 0xFFFD;
}

uint32_t hc_utf8_decode(const char *str, size_t len, size_t *adv) { return decode(str, len, adv); }

size_t hc_utf8_invalid_at(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* skip ASCII eight bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & UINT64_C(0x8080808080808080)) break;
            i += 8;
        }
        if (i >= len) break;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { i++; continue; }
        /* the common case in Chinese text: U+1000..U+CFFF, three bytes */
        if (c >= 0xE1 && c <= 0xEC && i + 2 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
            ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        size_t adv;
        uint32_t cp = decode(s + i, len - i, &adv);
        if (cp == 0xFFFD && adv == 1) return i;
        i += adv;
    }
    return (size_t)-1;
}

void hc_utf8_line_col(const char *s, size_t len, size_t off, int *line, int *col)
{
    int l = 1, c = 1;
    if (off > len) off = len;
    for (size_t i = 0; i < off;) {
        if (s[i] == '\n') { l++; c = 1; i++; continue; }
        size_t adv;
        hc_utf8_decode(s + i, len - i, &adv);
        i += adv;
        c++;
    }
    *line = l;
    *col = c;
}

size_t hc_utf8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

int hc_utf8_is_cjk(uint32_t cp)
{
    return (cp >= 0x3000 && cp <= 0x303F) ||   /* CJK punctuation */
           (cp >= 0x3040 && cp <= 0x30FF) ||   /* kana */
           (cp >= 0x3400 && cp <= 0x4DBF) ||   /* ext A */
           (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* unified */
           (cp >= 0xAC00 && cp <= 0xD7AF) ||   /* hangul */
           (cp >= 0xF900 && cp <= 0xFAFF) ||   /* compatibility */
           (cp >= 0xFF00 && cp <= 0xFFEF) ||   /* full-width forms */
           (cp >= 0x20000 && cp <= 0x3FFFF);   /* ext B+ */
}

static int is_cjk_punct(uint32_t cp)
{
    return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
           (cp >= 0xFF5B && cp <= 0xFF65);
}

static int is_word_char(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               cp == '_' || cp == '\'';
    return cp >= 0xC0 && !(cp >= 0x2000 && cp <= 0x206F);  /* not general punctuation */
}

size_t hc_utf8_word_count(const char *s, size_t len)
{
    size_t words = 0;
    int in_word = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {  /* ASCII fast path */
            int w = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_' || c == '\'';
            words += w && !in_word;
            in_word = w;
            i++;
            continue;
        }
        /* U+3000..U+9FFF (lead bytes E3..E9): ideographs and CJK punctuation */
        if (c >= 0xE3 && c <= 0xE9 && i + 2 < len) {
            words += !(c == 0xE3 && (unsigned char)s[i + 1] == 0x80);  /* U+3000..303F: punctuation */
            in_word = 0;
            i += 3;
            continue;
        }
        size_t adv;
        uint32_t cp = decode(s + i, len - i, &adv);
        i += adv;
        if (hc_utf8_is_cjk(cp)) {
            if (!is_cjk_punct(cp)) words++;
            in_word = 0;
        } else if (is_word_char(cp)) {
            if (!in_word) words++;
            in_word = 1;
        } else {
            in_word = 0;
        }
    }
    return words;
}

void hc_utf8_summary(hc_buf *out, const char *s, size_t len, size_t max_chars)
{
    size_t chars = 0, i = 0;
    int pending_space = 0, wrote = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) i++;
    while (i < len) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            pending_space = 1;
            i++;
            continue;
        }
        size_t adv;
        uint32_t cp = hc_utf8_decode(s + i, len - i, &adv);
        if (chars >= max_chars) {
            hc_buf_puts(out, "…");
            return;
        }
        if (pending_space && wrote) {
            /* no space between CJK neighbours: a line break inside Chinese text */
            int prev_cjk = 0;
            if (out->len) {
                size_t k = out->len;
                while (k > 0 && ((unsigned char)out->data[k - 1] & 0xC0) == 0x80) k--;
                if (k > 0) k--;
                size_t a2;
                prev_cjk = hc_utf8_is_cjk(hc_utf8_decode(out->data + k, out->len - k, &a2));
            }
            if (!(prev_cjk && hc_utf8_is_cjk(cp))) { hc_buf_putc(out, ' '); chars++; }
        }
        pending_space = 0;
        hc_buf_put(out, s + i, adv);
        wrote = 1;
        chars++;
        i += adv;
    }
}

static void escape_ml(hc_buf *out, const char *s, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\0': rep = "\xEF\xBF\xBD"; break;   /* U+FFFD */
        default: continue;
        }
        hc_buf_put(out, s + start, i - start);
        hc_buf_puts(out, rep);
        start = i + 1;
    }
    hc_buf_put(out, s + start, len - start);
}

void hc_escape_html(hc_buf *out, const char *s, size_t len) { escape_ml(out, s, len); }

void hc_escape_xml(hc_buf *out, const char *s, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t skip = 0;
        const char *rep = "";
        if (c == '\r') { skip = 1; rep = "&#13;"; }
        else if (c < 0x20 && c != '\t' && c != '\n') skip = 1;   /* not allowed in XML 1.0 */
        else if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBF &&
                 ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF)) skip = 3;   /* U+FFFE, U+FFFF */
        if (!skip) continue;
        escape_ml(out, s + start, i - start);
        hc_buf_puts(out, rep);
        i += skip - 1;
        start = i + 1;
    }
    escape_ml(out, s + start, len - start);
}

void hc_escape_json(hc_buf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': hc_buf_puts(out, "\\\""); break;
        case '\\': hc_buf_puts(out, "\\\\"); break;
        case '\n': hc_buf_puts(out, "\\n"); break;
        case '\r': hc_buf_puts(out, "\\r"); break;
        case '\t': hc_buf_puts(out, "\\t"); break;
        case '<': hc_buf_puts(out, "\\u003c"); break;  /* safe inside <script> */
        case '>': hc_buf_puts(out, "\\u003e"); break;
        case '&': hc_buf_puts(out, "\\u0026"); break;
        case 0xE2:   /* U+2028, U+2029: line ends to older JavaScript */
            if (i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
                hc_buf_puts(out, (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
                i += 2;
                break;
            }
            hc_buf_putc(out, (char)c);
            break;
        default:
            if (c < 0x20 || c == 0x7F) hc_buf_printf(out, "\\u%04x", c);
            else hc_buf_putc(out, (char)c);
        }
    }
}

/* RFC 5545 3.3.11 */
void hc_escape_ics_text(hc_buf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == ';' || c == ',') { hc_buf_putc(out, '\\'); hc_buf_putc(out, (char)c); }
        else if (c == '\n') hc_buf_puts(out, "\\n");
        else if ((c < 0x20 && c != '\t') || c == 0x7F) continue;   /* CR (of CRLF) and other controls */
        else hc_buf_putc(out, (char)c);
    }
}

/* RFC 5545 3.1: lines of at most 75 octets, continued with CRLF and a space. */
void hc_ics_line(hc_buf *out, const char *p, size_t n)
{
    size_t col = 0;
    for (size_t i = 0; i < n;) {
        unsigned char ch = (unsigned char)p[i];
        if ((ch < 0x20 && ch != '\t') || ch == 0x7F) { i++; continue; }
        size_t cl = 1;
        if (ch >= 0xF0) cl = 4;
        else if (ch >= 0xE0) cl = 3;
        else if (ch >= 0xC0) cl = 2;
        if (cl > n - i) cl = n - i;
        if (col + cl > 75) {
            hc_buf_puts(out, "\r\n ");
            col = 1;
        }
        hc_buf_put(out, p + i, cl);
        col += cl;
        i += cl;
    }
    hc_buf_puts(out, "\r\n");
}

static int hex_val(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int hc_css_color(const char *s, size_t len, char out[8])
{
    if ((len != 7 && len != 4) || s[0] != '#') return 0;
    for (size_t i = 1; i < len; i++)
        if (hex_val(s[i]) < 0) return 0;
    out[0] = '#';
    for (int i = 0; i < 6; i++) out[1 + i] = len == 7 ? s[1 + i] : s[1 + i / 2];
    out[7] = 0;
    return 1;
}

void hc_escape_shown(hc_buf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') hc_buf_puts(out, "\\n");
        else if (c == '\r') hc_buf_puts(out, "\\r");
        else if (c == '\t') hc_buf_puts(out, "\\t");
        else if (c < 0x20 || c == 0x7F) hc_buf_printf(out, "\\x%02X", c);
        if (c < 0x20 || c == 0x7F) { i++; continue; }
        size_t adv;
        uint32_t cp = decode(s + i, len - i, &adv);
        if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || (cp == 0xFFFD && adv == 1))
            hc_buf_printf(out, adv == 1 && cp == 0xFFFD ? "\\x%02X" : "\\u%04X", adv == 1 && cp == 0xFFFD ? c : (unsigned)cp);
        else
            hc_buf_put(out, s + i, adv);
        i += adv;
    }
}

static void escape_url(hc_buf *out, const char *s, size_t len, int keep_slash)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && keep_slash)) {
            hc_buf_putc(out, (char)c);
        } else {
            hc_buf_putc(out, '%');
            hc_buf_putc(out, hex[c >> 4]);
            hc_buf_putc(out, hex[c & 15]);
        }
    }
}

void hc_escape_url_path(hc_buf *out, const char *s, size_t len)
{
    escape_url(out, s, len, 1);
}

void hc_escape_url_value(hc_buf *out, const char *s, size_t len)
{
    escape_url(out, s, len, 0);
}
