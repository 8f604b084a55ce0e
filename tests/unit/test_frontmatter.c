/* Front matter splitter. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "load/frontmatter.h"

static void split_basic(void **st)
{
    (void)st;
    const char *t = "---\ntitle: 示范\ndate: 2026-01-01\n---\n正文\n";
    hc_fm fm;
    assert_int_equal(hc_frontmatter_split(t, strlen(t), &fm), HC_FM_OK);
    assert_int_equal(fm.yaml_line, 2);
    assert_int_equal(fm.body_line, 5);
    assert_int_equal(fm.yaml.len, strlen("title: 示范\ndate: 2026-01-01\n"));
    assert_memory_equal(fm.yaml.p, "title: 示范\n", strlen("title: 示范\n"));
    assert_int_equal(fm.body.len, strlen("正文\n"));
}

static void crlf_bom_and_dots(void **st)
{
    (void)st;
    const char *t = "\xEF\xBB\xBF---\r\ntitle: x\r\n...  \r\nbody";
    hc_fm fm;
    assert_int_equal(hc_frontmatter_split(t, strlen(t), &fm), HC_FM_OK);
    assert_int_equal(fm.body_line, 4);
    assert_int_equal(fm.body.len, 4);
}

static void none_and_unterminated(void **st)
{
    (void)st;
    hc_fm fm;
    const char *a = "# 标题\n正文";
    assert_int_equal(hc_frontmatter_split(a, strlen(a), &fm), HC_FM_NONE);
    assert_int_equal(fm.body.len, strlen(a));
    const char *b = "---\ntitle: x\nno end\n";
    assert_int_equal(hc_frontmatter_split(b, strlen(b), &fm), HC_FM_UNTERMINATED);
    const char *c = "----\ntitle: x\n---\n";   /* four dashes is not a fence */
    assert_int_equal(hc_frontmatter_split(c, strlen(c), &fm), HC_FM_NONE);
    const char *e = "---\n---\nbody";             /* empty front matter */
    assert_int_equal(hc_frontmatter_split(e, strlen(e), &fm), HC_FM_OK);
    assert_int_equal(fm.yaml.len, 0);
    assert_int_equal(fm.body_line, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(split_basic),
        cmocka_unit_test(crlf_bom_and_dots),
        cmocka_unit_test(none_and_unterminated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
