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
    /* runs of '/' are one */
    assert_string_equal(resolved(&b, "//projects"), "projects");
    assert_string_equal(resolved(&b, "///cases//a///"), "cases/a/");
    assert_string_equal(resolved(&b, "//"), "");
    assert_null(resolved(&b, "//..//etc"));
    assert_null(resolved(&b, "/cases//..//..//x"));
    hc_buf_free(&b);
}

static const char *location(hc_buf *b, const char *url)
{
    hc_http_folder_location(url, b);
    return hc_buf_cstr(b);
}

/* A Location that starts with "//" (or "/\\", which browsers read the same)
 * is protocol-relative: it sends the browser to another host. */
static void folder_redirects(void **st)
{
    (void)st;
    hc_buf b = HC_BUF_INIT;
    assert_string_equal(location(&b, "/cases"), "/cases/");
    assert_string_equal(location(&b, "//projects"), "/projects/");
    assert_string_equal(location(&b, "///evil.example//x"), "/evil.example/x/");
    assert_string_equal(location(&b, "/a//b"), "/a/b/");
    assert_string_equal(location(&b, "/\\evil.example"), "/%5Cevil.example/");
    assert_string_equal(location(&b, "/\tx"), "/%09x/");
    assert_string_equal(location(&b, "/tags/乡村"), "/tags/%E4%B9%A1%E6%9D%91/");
    assert_string_equal(location(&b, "/"), "/");
    assert_string_equal(location(&b, "//"), "/");
    const char *urls[] = { "//projects", "////x", "/\\/x", "/%2F/x", "//\\x", "/./x" };
    for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
        const char *l = location(&b, urls[i]);
        assert_int_equal(l[0], '/');
        assert_true(l[1] != '/' && l[1] != '\\');
    }
    hc_buf c = HC_BUF_INIT;
    hc_http_collapse("//a///b/", &c);
    assert_string_equal(hc_buf_cstr(&c), "/a/b/");
    hc_http_collapse("", &c);
    assert_string_equal(hc_buf_cstr(&c), "");
    hc_buf_free(&c);
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
        cmocka_unit_test(folder_redirects),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
