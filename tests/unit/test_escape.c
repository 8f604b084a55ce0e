/* Escapers (base/utf8.h): the same hostile text goes through each, and the
 * output is checked against what its context cannot tolerate — and, where the
 * format can be read back, read back to the text that went in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/utf8.h"

/* CR, LF, NUL, the ends of a script, a CDATA section and a comment, both
 * quotes, an ampersand, a backslash, ICS separators, U+2028/U+2029, a tab,
 * DEL, U+FFFE and Chinese text. */
static const char hostile[] =
    "a\r\nb\0c</script><script>alert(1)</script>]]><!--x-->\"q\"'s'&amp;\\;,:"
    "\xE2\x80\xA8|\xE2\x80\xA9\t\x7F\x01\xEF\xBF\xBE乡村振兴";
#define HOSTILE_LEN (sizeof hostile - 1)

static int has(const hc_buf *b, const char *needle)
{
    return memmem(b->data, b->len, needle, strlen(needle)) != NULL;
}

static int has_byte(const hc_buf *b, unsigned char c) { return memchr(b->data, c, b->len) != NULL; }

static void html(void **st)
{
    (void)st;
    hc_buf b = HC_BUF_INIT;
    hc_escape_html(&b, hostile, HOSTILE_LEN);
    assert_int_equal(strlen(hc_buf_cstr(&b)), b.len);          /* no NUL */
    assert_false(has_byte(&b, '<'));
    assert_false(has_byte(&b, '>'));
    assert_false(has_byte(&b, '"'));                          /* safe in "…" attributes */
    assert_false(has_byte(&b, '\''));                         /* and in '…' ones */
    assert_true(has(&b, "&lt;/script&gt;"));
    assert_true(has(&b, "&amp;amp;"));
    assert_true(has(&b, "b\xEF\xBF\xBD" "c"));                /* NUL read as U+FFFD */
    /* every '&' starts an entity this escaper wrote */
    for (const char *p = hc_buf_cstr(&b); (p = strchr(p, '&')); p++)
        assert_true(!strncmp(p, "&amp;", 5) || !strncmp(p, "&lt;", 4) || !strncmp(p, "&gt;", 4) ||
                    !strncmp(p, "&quot;", 6) || !strncmp(p, "&#39;", 5));
    hc_buf_free(&b);
}

static void xml(void **st)
{
    (void)st;
    hc_buf b = HC_BUF_INIT;
    hc_escape_xml(&b, hostile, HOSTILE_LEN);
    assert_int_equal(strlen(hc_buf_cstr(&b)), b.len);
    assert_false(has_byte(&b, '<'));
    assert_false(has_byte(&b, '>'));
    assert_false(has(&b, "]]>"));
    assert_false(has_byte(&b, '\r'));                         /* written &#13; */
    assert_true(has(&b, "a&#13;\nb"));
    assert_false(has(&b, "\xEF\xBF\xBE"));                    /* U+FFFE is not an XML character */
    for (size_t i = 0; i < b.len; i++) {
        unsigned char c = (unsigned char)b.data[i];
        assert_true(c >= 0x20 || c == '\t' || c == '\n');     /* XML 1.0 Char */
    }
    for (const char *p = hc_buf_cstr(&b); (p = strchr(p, '&')); p++)
        assert_true(!strncmp(p, "&amp;", 5) || !strncmp(p, "&lt;", 4) || !strncmp(p, "&gt;", 4) ||
                    !strncmp(p, "&quot;", 6) || !strncmp(p, "&#39;", 5) || !strncmp(p, "&#13;", 5));
    assert_true(has(&b, "乡村振兴"));
    hc_buf_free(&b);
}

/* Reads a JSON string body back (the escapes hc_escape_json writes). */
static size_t json_decode(const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\') { out[o++] = s[i]; continue; }
        char e = s[++i];
        if (e == 'n') out[o++] = '\n';
        else if (e == 'r') out[o++] = '\r';
        else if (e == 't') out[o++] = '\t';
        else if (e == 'u') {
            char hex[5] = { s[i + 1], s[i + 2], s[i + 3], s[i + 4], 0 };
            unsigned cp = (unsigned)strtoul(hex, NULL, 16);
            i += 4;
            if (cp < 0x80) out[o++] = (char)cp;
            else { out[o++] = (char)(0xE0 | cp >> 12); out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[o++] = (char)(0x80 | (cp & 0x3F)); }
        } else out[o++] = e;   /* \" \\ */
    }
    return o;
}

static void json(void **st)
{
    (void)st;
    hc_buf b = HC_BUF_INIT;
    hc_escape_json(&b, hostile, HOSTILE_LEN);
    for (size_t i = 0; i < b.len; i++) assert_true((unsigned char)b.data[i] >= 0x20 && b.data[i] != 0x7F);
    assert_false(has_byte(&b, '<'));                          /* no "</script>", no "<!--" */
    assert_false(has_byte(&b, '>'));
    assert_false(has(&b, "\xE2\x80\xA8"));                    /* line ends to older JavaScript */
    assert_false(has(&b, "\xE2\x80\xA9"));
    assert_true(has(&b, "\\u2028"));
    /* every '"' is escaped: the string cannot end early */
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] == '"') {
            size_t k = 0;
            while (k < i && b.data[i - 1 - k] == '\\') k++;
            assert_int_equal(k % 2, 1);
        }
    char *back = malloc(b.len + 1);
    size_t n = json_decode(b.data, b.len, back);
    assert_int_equal(n, HOSTILE_LEN);
    assert_memory_equal(back, hostile, n);                    /* nothing lost, NUL included */
    free(back);
    hc_buf_free(&b);
}

static void ics(void **st)
{
    (void)st;
    hc_buf t = HC_BUF_INIT, out = HC_BUF_INIT;
    hc_escape_ics_text(&t, hostile, HOSTILE_LEN);
    assert_false(has_byte(&t, '\r'));
    assert_false(has_byte(&t, '\n'));
    assert_int_equal(strlen(hc_buf_cstr(&t)), t.len);
    for (size_t i = 0; i < t.len; i++) {
        unsigned char c = (unsigned char)t.data[i];
        assert_true(c >= 0x20 || c == '\t');
        assert_true(c != 0x7F);
        if (c == ';' || c == ',') assert_int_equal(t.data[i - 1], '\\');   /* TEXT separators escaped */
    }
    assert_true(has(&t, "a\\nb"));                            /* CRLF → \n */
    assert_true(has(&t, "\\\\\\;\\,:"));                      /* \ ; , escaped, ':' as is */

    /* a content line: folded at 75 octets, only CRLF line ends, UTF-8 whole */
    hc_buf line = HC_BUF_INIT;
    hc_buf_puts(&line, "SUMMARY:");
    for (int i = 0; i < 12; i++) hc_buf_put(&line, t.data, t.len);
    hc_buf_puts(&line, "\r\nBEGIN:VEVENT");                  /* a raw CR/LF, as an unchecked value would bring */
    hc_ics_line(&out, line.data, line.len);
    const char *p = hc_buf_cstr(&out);
    size_t nlines = 0;
    hc_buf unfolded = HC_BUF_INIT;
    while (*p) {
        const char *e = strstr(p, "\r\n");
        assert_non_null(e);
        size_t n = (size_t)(e - p);
        assert_true(n <= 75);
        assert_null(memchr(p, '\n', n));
        assert_null(memchr(p, '\r', n));
        assert_int_equal(hc_utf8_invalid_at(p, n), (size_t)-1);   /* no character split */
        if (nlines++) {
            assert_int_equal(p[0], ' ');
            hc_buf_put(&unfolded, p + 1, n - 1);
        } else {
            hc_buf_put(&unfolded, p, n);
        }
        p = e + 2;
    }
    assert_true(nlines > 10);
    /* unfolding gives the line back, without its controls: BEGIN:VEVENT stays inside the value */
    assert_false(has(&out, "\r\nBEGIN:VEVENT"));
    assert_true(has(&unfolded, "乡村振兴BEGIN:VEVENT"));
    hc_buf_free(&line);
    hc_buf_free(&unfolded);
    hc_buf_free(&t);
    hc_buf_free(&out);
}

static void css(void **st)
{
    (void)st;
    char c[8];
    assert_int_equal(hc_css_color("#c8102e", 7, c), 1);
    assert_string_equal(c, "#c8102e");
    assert_int_equal(hc_css_color("#C8102E", 7, c), 1);
    assert_string_equal(c, "#C8102E");
    assert_int_equal(hc_css_color("#f80", 4, c), 1);
    assert_string_equal(c, "#ff8800");
    static const char *const bad[] = {
        "#c8102e;background-image:url(https://tracker.example/p.gif)", "#c8102e;", "red", "c8102e", "#c8102", "#12345g",
        "#c8102e\"", "#fff;}", "", "#", "#c8102e\n", "expression(alert(1))",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        memset(c, 'x', sizeof c);
        assert_int_equal(hc_css_color(bad[i], strlen(bad[i]), c), 0);
        assert_int_equal(c[0], 'x');                          /* nothing written */
    }
    /* a NUL inside does not end the check early */
    assert_int_equal(hc_css_color("#c8\0" "02e", 7, c), 0);
}

static void shown(void **st)
{
    (void)st;
    hc_buf b = HC_BUF_INIT;
    hc_escape_shown(&b, hostile, HOSTILE_LEN);
    for (size_t i = 0; i < b.len; i++) {
        unsigned char c = (unsigned char)b.data[i];
        assert_true(c >= 0x20 && c != 0x7F);
    }
    assert_false(has(&b, "\xE2\x80\xA8"));
    assert_true(has(&b, "a\\r\\nb\\x00c"));
    assert_true(has(&b, "\\u2028|\\u2029\\t\\x7F\\x01"));
    assert_true(has(&b, "乡村振兴"));
    hc_buf_free(&b);
}

static void url_path(void **st)
{
    (void)st;
    hc_buf b = HC_BUF_INIT;
    hc_escape_url_path(&b, hostile, HOSTILE_LEN);
    for (size_t i = 0; i < b.len; i++) {
        unsigned char c = (unsigned char)b.data[i];
        assert_true((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    strchr("-_.~/%", c));
    }
    assert_true(has(&b, "a%0D%0Ab%00c%3C/script%3E"));
    hc_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(html),
        cmocka_unit_test(xml),
        cmocka_unit_test(json),
        cmocka_unit_test(ics),
        cmocka_unit_test(css),
        cmocka_unit_test(shown),
        cmocka_unit_test(url_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
