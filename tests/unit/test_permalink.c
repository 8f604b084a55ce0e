/* Permalinks and relative links. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "model/permalink.h"

static void paths(void **st)
{
    (void)st;
    hc_buf b = HC_BUF_INIT;
    hc_project p = { 0 };
    p.id = "QJ-B-01";
    hc_path_project(&b, &p);
    assert_string_equal(hc_buf_cstr(&b), "projects/QJ-B-01/");
    hc_buf_reset(&b);
    hc_doc c = { 0 };
    c.slug = "shanggangtou-five-changes";
    hc_path_case(&b, &c);
    assert_string_equal(hc_buf_cstr(&b), "cases/shanggangtou-five-changes/");
    hc_buf_reset(&b);
    hc_term t = { .slug = "乡村振兴" };
    hc_taxonomy tx = { .kind_slug = "tags" };
    hc_path_term(&b, &tx, &t, 1);
    assert_string_equal(hc_buf_cstr(&b), "tags/乡村振兴/");
    hc_buf_reset(&b);
    hc_path_term(&b, &tx, &t, 3);
    assert_string_equal(hc_buf_cstr(&b), "tags/乡村振兴/page/3/");
    hc_buf_free(&b);
}

static void relative_hrefs(void **st)
{
    (void)st;
    hc_buf b = HC_BUF_INIT;
    assert_int_equal(hc_path_depth(""), 0);
    assert_int_equal(hc_path_depth("projects/QJ-B-01/"), 2);
    hc_href(&b, "projects/QJ-B-01/", "cases/x/");
    assert_string_equal(hc_buf_cstr(&b), "../../cases/x/index.html");
    hc_buf_reset(&b);
    hc_href(&b, "", "");
    assert_string_equal(hc_buf_cstr(&b), "index.html");
    hc_buf_reset(&b);
    hc_href(&b, "tags/a/page/2/", "static/site.css");
    assert_string_equal(hc_buf_cstr(&b), "../../../../static/site.css");
    hc_buf_reset(&b);
    hc_href(&b, "cases/x/", "tags/乡村/");
    assert_string_equal(hc_buf_cstr(&b), "../../tags/%E4%B9%A1%E6%9D%91/index.html");
    hc_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paths),
        cmocka_unit_test(relative_hrefs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
