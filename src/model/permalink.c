#include "permalink.h"
#include "../base/utf8.h"
#include <stdint.h>
#include <string.h>
#include <strings.h>

void hc_path_project(hc_buf *out, const hc_project *p) { hc_buf_printf(out, "projects/%s/", p->id); }
void hc_path_case(hc_buf *out, const hc_doc *c) { hc_buf_printf(out, "cases/%s/", c->slug); }
void hc_path_page(hc_buf *out, const hc_doc *pg) { hc_buf_printf(out, "%s/", pg->slug); }
void hc_path_taxonomy(hc_buf *out, const hc_taxonomy *tx) { hc_buf_printf(out, "%s/", tx->kind_slug); }

void hc_path_term(hc_buf *out, const hc_taxonomy *tx, const hc_term *t, size_t page_no)
{
    hc_buf_printf(out, "%s/%s/", tx->kind_slug, t->slug);
    if (page_no > 1) hc_buf_printf(out, "page/%zu/", page_no);
}

size_t hc_path_depth(const char *dir)
{
    size_t n = 0;
    for (; *dir; dir++)
        if (*dir == '/') n++;
    return n;
}

void hc_root_prefix(hc_buf *out, const char *from_dir)
{
    for (size_t i = hc_path_depth(from_dir); i > 0; i--) hc_buf_puts(out, "../");
}

void hc_href(hc_buf *out, const char *from_dir, const char *to)
{
    hc_root_prefix(out, from_dir);
    size_t n = strlen(to);
    hc_escape_url_path(out, to, n);
    if (n == 0 || to[n - 1] == '/') hc_buf_puts(out, "index.html");
}

/* Non-ASCII characters a name may not use even as text: controls, spaces and
 * characters that do not show (a name that looks the same as another, or
 * breaks a line in a script, is not a name). */
static int invisible(uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
           cp == 0xFEFF || (cp >= 0xFFF0 && cp <= 0xFFFF);
}

const char *hc_name_rule(hc_name_kind kind)
{
    return kind == HC_NAME_TEXT ? "letters (Chinese or other), digits, '-' and '_'"
                                : "ASCII letters, digits, '-' and '_'";
}

int hc_name_check(const char *s, size_t n, hc_name_kind kind, hc_buf *why)
{
    hc_buf scratch = HC_BUF_INIT;
    hc_buf *w = why ? why : &scratch;
    int ok = 0;
    if (!n) {
        hc_buf_puts(w, "is empty");
        goto out;
    }
    /* a path separator first, wherever it is: the name is one folder, not a path */
    for (size_t i = 0; i < n; i++)
        if (s[i] == '/' || s[i] == '\\') {
            hc_buf_printf(w, "contains '%c'", s[i]);
            goto bad_char;
        }
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                i++;
                continue;
            }
            if (c == '.' && i == 0) hc_buf_puts(w, "starts with '.'");
            else if (c < 0x20 || c == 0x7F) hc_buf_printf(w, "contains a control character (0x%02X)", c);
            else if (c == ' ') hc_buf_puts(w, "contains a space");
            else hc_buf_printf(w, "contains '%c'", c);
            goto bad_char;
        }
        size_t adv;
        uint32_t cp = hc_utf8_decode(s + i, n - i, &adv);
        if (cp == 0xFFFD && adv == 1) {
            hc_buf_puts(w, "is not valid UTF-8");
            goto out;
        }
        if (kind != HC_NAME_TEXT) {
            hc_buf_puts(w, "contains '");
            hc_escape_shown(w, s + i, adv);
            hc_buf_putc(w, '\'');
            goto bad_char;
        }
        if (invisible(cp)) {
            hc_buf_printf(w, "contains U+%04X, a control, space or invisible character", (unsigned)cp);
            goto bad_char;
        }
        i += adv;
    }
    if (n > HC_NAME_MAX) {
        size_t chars = hc_utf8_chars(s, n);
        hc_buf_printf(w, "is %zu bytes long", n);
        if (chars != n) hc_buf_printf(w, " (%zu characters)", chars);
        hc_buf_printf(w, ", over the limit of %d bytes (a folder name can have at most 255, NAME_MAX)", HC_NAME_MAX);
        goto out;
    }
    ok = 1;
    goto out;
bad_char:
    hc_buf_printf(w, " (use only %s)", hc_name_rule(kind));
out:
    hc_buf_free(&scratch);
    return ok;
}

int hc_name_ok(const char *s, size_t n) { return hc_name_check(s, n, HC_NAME_ASCII, NULL); }

static int is_hex(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

int hc_url_base_ok(const char *s, const char **why)
{
    const char *w = NULL, *p;
    for (p = s; *p; p++)   /* first, wherever it is: a line break could start a new line in robots.txt or .ics */
        if ((unsigned char)*p < 0x20 || *p == 0x7F) { w = "contains a control character (a line break, tab or other)"; goto out; }
    if (!strncasecmp(s, "http://", 7)) p = s + 7;
    else if (!strncasecmp(s, "https://", 8)) p = s + 8;
    else { w = "must start with http:// or https://"; goto out; }
    /* host */
    if (*p == '[') {
        p++;
        size_t k = strspn(p, "0123456789abcdefABCDEF:.");
        if (k < 2 || p[k] != ']') { w = "has an IPv6 host that is not closed by ']' or holds other characters"; goto out; }
        p += k + 1;
    } else {
        size_t k = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.");
        if (!k) { w = "has no host name after the scheme, or one with characters other than ASCII letters, digits, '-' and '.' "
                     "(write an international name in its xn-- form)"; goto out; }
        p += k;
    }
    if (*p == ':') {
        size_t k = strspn(p + 1, "0123456789");
        if (k < 1 || k > 5) { w = "has a port that is not a number"; goto out; }
        p += 1 + k;
    }
    if (*p && *p != '/') {
        w = *p == '@' ? "may not hold a user name or password ('@')"
                      : "has a host name with characters other than ASCII letters, digits, '-' and '.' "
                        "(write an international name in its xn-- form)";
        goto out;
    }
    for (; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x80) { w = "contains a non-ASCII character: write it percent-encoded (%E4%B8%AD…)"; goto out; }
        if (c == ' ') { w = "contains a space: write it as %20"; goto out; }
        if (c == '?' || c == '#') { w = "may not have a query ('?') or fragment ('#'): pages are added to its path"; goto out; }
        if (strchr("\"'<>\\^`{|}", c)) { w = "contains a character that is not allowed in a URL (one of \" ' < > \\ ^ ` { | })"; goto out; }
        if (c == '%' && !(is_hex(p[1]) && is_hex(p[2]))) { w = "has a '%' that is not followed by two hex digits"; goto out; }
    }
out:
    if (why) *why = w;
    return w == NULL;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

int hc_path_image(const char *doc_path, const char *url, hc_buf *out)
{
    if (!url[0] || url[0] == '#' || (url[0] == '/' && url[1] == '/')) return 1;
    for (const char *c = url; *c && *c != '/'; c++)
        if (*c == ':') return 1;                       /* a scheme: http:, data:, mailto: */
    hc_buf raw = HC_BUF_INIT;
    int rc = -1;
    if (url[0] == '/') {
        url++;
    } else {
        const char *slash = strrchr(doc_path, '/');
        if (slash) hc_buf_put(&raw, doc_path, (size_t)(slash - doc_path + 1));
    }
    for (const char *c = url; *c && *c != '?' && *c != '#'; c++) {   /* decode %XX */
        int hi, lo;
        if (*c == '%' && (hi = hexval(c[1])) >= 0 && (lo = hexval(c[2])) >= 0) {
            hc_buf_putc(&raw, (char)(hi * 16 + lo));
            c += 2;
        } else {
            hc_buf_putc(&raw, *c);
        }
    }
    /* normalise the segments: "." dropped, ".." pops one, never above the root */
    size_t start = out->len;
    const char *p = hc_buf_cstr(&raw), *end = p + raw.len;
    while (p < end) {
        const char *q = memchr(p, '/', (size_t)(end - p));
        size_t n = q ? (size_t)(q - p) : (size_t)(end - p);
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f) goto out;
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (out->len == start) goto out;
            size_t k = out->len - 1;             /* drop the last segment and its '/' */
            while (k > start && out->data[k - 1] != '/') k--;
            hc_buf_truncate(out, k > start ? k - 1 : start);
        } else if (n && !(n == 1 && p[0] == '.')) {
            if (out->len > start) hc_buf_putc(out, '/');
            hc_buf_put(out, p, n);
        }
        p += n + (q != NULL);
    }
    rc = out->len > start ? 0 : -1;
out:
    if (rc != 0) hc_buf_truncate(out, start);
    hc_buf_free(&raw);
    return rc;
}
