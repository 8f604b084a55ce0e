/* The preview server's URL → file mapping and content types. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "serve/http.h"

static const char *resolved(hc_buf *b, const char *url)
{
    return hc_http_resolve(url, b) == 0 ? hc_buf_cstr(b) : NULL;
}

static void resolve(void **st)
{
    (void)st;
    hc_buf b = HC_BUF_INIT;
    assert_string_equal(resolved(&b, "/"), "");
    assert_string_equal(resolved(&b, "/cases/"), "cases/");
    assert_string_equal(resolved(&b, "/cases"), "cases");
    assert_string_equal(resolved(&b, "/tags/乡村振兴/index.html"), "tags/乡村振兴/index.html");
    assert_string_equal(resolved(&b, "/a..b/c.d/...x"), "a..b/c.d/...x");   /* dots inside names are names */
    assert_string_equal(resolved(&b, "/.well-known/x"), ".well-known/x");
    assert_null(resolved(&b, "/../etc/passwd"));
    assert_null(resolved(&b, "/cases/../../x"));
    assert_null(resolved(&b, "/cases/.."));
    assert_null(resolved(&b, "/./index.html"));
    assert_null(resolved(&b, "/cases/."));
    assert_null(resolved(&b, "//.."));
    assert_null(resolved(&b, "cases/"));    /* not a path from the root */
    assert_null(resolved(&b, ""));
    hc_buf_free(&b);
}

static void content_types(void **st)
{
    (void)st;
    assert_string_equal(hc_http_content_type("a/index.html"), "text/html; charset=utf-8");
    assert_string_equal(hc_http_content_type("static/css/site.7b6d.css"), "text/css; charset=utf-8");
    assert_string_equal(hc_http_content_type("print/album.pdf"), "application/pdf");
    assert_string_equal(hc_http_content_type("projects/X/route@2x.PNG"), "image/png");
    assert_string_equal(hc_http_content_type("schedule/schedule.ics"), "text/calendar; charset=utf-8");
    assert_string_equal(hc_http_content_type("a.b/README"), "application/octet-stream");
    assert_string_equal(hc_http_content_type("noext"), "application/octet-stream");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(resolve),
        cmocka_unit_test(content_types),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
