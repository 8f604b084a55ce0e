/* UTF-8 and CJK helpers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <stdlib.h>
#include "base/utf8.h"
#include "base/date.h"

static void valid_and_invalid(void **st)
{
    (void)st;
    const char *ok = "党建 abc 画册";
    assert_true(hc_utf8_invalid_at(ok, strlen(ok)) == (size_t)-1);
    const char bad[] = "ab\xE4\xB8" "c";           /* truncated 3-byte sequence */
    assert_int_equal(hc_utf8_invalid_at(bad, strlen(bad)), 2);
    const char overlong[] = "\xC0\xAF";
    assert_int_equal(hc_utf8_invalid_at(overlong, 2), 0);
    const char surrogate[] = "x\xED\xA0\x80";
    assert_int_equal(hc_utf8_invalid_at(surrogate, 4), 1);
}

static void line_col_counts_characters(void **st)
{
    (void)st;
    const char *s = "第一行\n示范带: x";
    int line, col;
    size_t off = (size_t)(strstr(s, "x") - s);
    hc_utf8_line_col(s, strlen(s), off, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 6);   /* 示 范 带 : space x */
}

static void word_count_cjk(void **st)
{
    (void)st;
    assert_int_equal(hc_utf8_word_count("党建引领", strlen("党建引领")), 4);
    assert_int_equal(hc_utf8_word_count("hello world", 11), 2);
    const char *mixed = "支部引领 5 changes，新村。";
    /* 支部引领=4, "5"=1, "changes"=1, 新村=2; punctuation not counted */
    assert_int_equal(hc_utf8_word_count(mixed, strlen(mixed)), 8);
}

static void summary_never_splits_characters(void **st)
{
    (void)st;
    hc_buf b = HC_BUF_INIT;
    const char *s = "  党建  统领\n乡村振兴，示范创建  ";
    hc_utf8_summary(&b, s, strlen(s), 6);
    /* white space folded: a space between 建 and 统 is dropped across the
     * line break only between CJK neighbours; runs of spaces fold to one */
    assert_string_equal(hc_buf_cstr(&b), "党建统领乡村…");
    hc_buf_reset(&b);
    hc_utf8_summary(&b, "short", 5, 10);
    assert_string_equal(hc_buf_cstr(&b), "short");
    hc_buf_reset(&b);
    hc_utf8_summary(&b, "one  two\nthree", 14, 100);
    assert_string_equal(hc_buf_cstr(&b), "one two three");
    hc_buf_free(&b);
}

static void escapes(void **st)
{
    (void)st;
    hc_buf b = HC_BUF_INIT;
    hc_escape_html(&b, "<a href=\"x\">&'", 14);
    assert_string_equal(hc_buf_cstr(&b), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    hc_buf_reset(&b);
    hc_escape_json(&b, "a\"b\\\n</script>", 14);
    assert_string_equal(hc_buf_cstr(&b), "a\\\"b\\\\\\n\\u003c/script\\u003e");
    hc_buf_reset(&b);
    hc_escape_url_path(&b, "tags/乡村 振兴/", strlen("tags/乡村 振兴/"));
    assert_string_equal(hc_buf_cstr(&b), "tags/%E4%B9%A1%E6%9D%91%20%E6%8C%AF%E5%85%B4/");
    hc_buf_free(&b);
}

static void dates(void **st)
{
    (void)st;
    int d;
    char s[11];
    assert_int_equal(hc_date_parse("2026-02-29", &d), -1);
    assert_int_equal(hc_date_parse("2028-02-29", &d), 0);
    hc_date_format(d, s);
    assert_string_equal(s, "2028-02-29");
    assert_int_equal(hc_date_parse("1970-01-01", &d), 0);
    assert_int_equal(d, 0);
    assert_int_equal(hc_date_parse("2026-1-01", &d), -1);
    assert_int_equal(hc_date_parse("2026-13-01", &d), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_and_invalid),
        cmocka_unit_test(line_col_counts_characters),
        cmocka_unit_test(word_count_cjk),
        cmocka_unit_test(summary_never_splits_characters),
        cmocka_unit_test(escapes),
        cmocka_unit_test(dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
