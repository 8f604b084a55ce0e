/* Permalinks and relative links. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "model/permalink.h"
#include "model/link.h"

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

static int name_is(const char *s, hc_name_kind k) { return hc_name_check(s, strlen(s), k, NULL); }

static void why_says(const char *s, hc_name_kind k, const char *phrase)
{
    hc_buf why = HC_BUF_INIT;
    assert_int_equal(hc_name_check(s, strlen(s), k, &why), 0);
    if (!strstr(hc_buf_cstr(&why), phrase)) fail_msg("'%s': '%s' does not say '%s'", s, hc_buf_cstr(&why), phrase);
    hc_buf_free(&why);
}

static void names(void **st)
{
    (void)st;
    static const char *const ascii_ok[] = { "QJ-B-01", "good", "a_b", "x", "2026", NULL };
    for (size_t i = 0; ascii_ok[i]; i++) {
        assert_true(name_is(ascii_ok[i], HC_NAME_ASCII));
        assert_true(name_is(ascii_ok[i], HC_NAME_TEXT));
    }
    assert_true(hc_name_ok("QJ-B-01", 7));
    /* never a path, a hidden file, a control character or a space, in either kind */
    static const char *const never[] = {
        "", ".", "..", "../../../x", "a/b", "a\\b", "/etc", ".hidden", "a\nb", "a\rb", "a\tb", "a b", "a\x7f", NULL
    };
    for (size_t i = 0; never[i]; i++) {
        assert_false(name_is(never[i], HC_NAME_ASCII));
        assert_false(name_is(never[i], HC_NAME_TEXT));
    }
    assert_false(hc_name_check("a\0b", 3, HC_NAME_TEXT, NULL));   /* a NUL inside */
    why_says("../../../x", HC_NAME_ASCII, "contains '/'");
    why_says("..\\x", HC_NAME_TEXT, "contains '\\'");
    why_says(".x", HC_NAME_ASCII, "starts with '.'");
    why_says("a.b", HC_NAME_ASCII, "contains '.'");
    why_says("", HC_NAME_ASCII, "is empty");
    why_says("a\nb", HC_NAME_TEXT, "control character (0x0A)");
    why_says("a b", HC_NAME_TEXT, "contains a space");
    /* Chinese: a tag, not a seeds key */
    assert_true(name_is("乡村振兴", HC_NAME_TEXT));
    assert_true(name_is("双40条", HC_NAME_TEXT));
    assert_true(name_is("文明实践所（站）", HC_NAME_TEXT));
    assert_false(name_is("乡村振兴", HC_NAME_ASCII));
    why_says("乡村", HC_NAME_ASCII, "contains '乡'");
    /* invisible and line-breaking characters, and bytes that are not UTF-8 */
    static const char *const invisible[] = {
        "a\xE2\x80\xA8" "b", "a\xE2\x80\xA9" "b", "a\xC2\x85" "b", "a\xC2\xA0" "b", "a\xE3\x80\x80" "b",
        "\xEF\xBB\xBF" "a", "a\xE2\x80\x8B" "b", "a\xE2\x80\xAE" "b", "a\xEF\xBF\xBE", "a\xFF", "a\xE4\xB9", NULL
    };
    for (size_t i = 0; invisible[i]; i++) assert_false(name_is(invisible[i], HC_NAME_TEXT));
    why_says("a\xE2\x80\xA8" "b", HC_NAME_TEXT, "U+2028");
    why_says("a\xFF", HC_NAME_TEXT, "not valid UTF-8");
    /* length: at most HC_NAME_MAX bytes as on disk (raw UTF-8) */
    char n[300];
    memset(n, 'a', sizeof n);
    assert_true(hc_name_check(n, 88, HC_NAME_TEXT, NULL));          /* an 88-character tag that fits */
    assert_true(hc_name_check(n, HC_NAME_MAX, HC_NAME_ASCII, NULL));
    assert_false(hc_name_check(n, HC_NAME_MAX + 1, HC_NAME_ASCII, NULL));
    hc_buf t = HC_BUF_INIT;
    for (int i = 0; i < 66; i++) hc_buf_puts(&t, "党");                /* 198 bytes */
    assert_true(hc_name_check(t.data, t.len, HC_NAME_TEXT, NULL));
    hc_buf_puts(&t, "建");                                               /* 201 bytes */
    assert_false(hc_name_check(t.data, t.len, HC_NAME_TEXT, NULL));
    hc_buf why = HC_BUF_INIT;
    hc_buf_reset(&t);
    for (int i = 0; i < 88; i++) hc_buf_puts(&t, "党");                /* the 88-character tag: 264 bytes */
    assert_false(hc_name_check(t.data, t.len, HC_NAME_TEXT, &why));
    assert_string_equal(hc_buf_cstr(&why), "is 264 bytes long (88 characters), over the limit of 200 bytes "
                                           "(a folder name can have at most 255, NAME_MAX)");
    hc_buf_free(&why);
    hc_buf_free(&t);
}

static void base_urls(void **st)
{
    (void)st;
    static const char *const ok[] = {
        "https://example.test/site/", "http://localhost", "http://localhost/", "HTTPS://EXAMPLE.TEST/",
        "http://[::1]:8080/", "http://127.0.0.1:8080/", "https://a.example/%E4%B9%A1/", "https://x.test/a-b_c.d~e/",
        NULL
    };
    for (size_t i = 0; ok[i]; i++) {
        const char *why = "unset";
        if (!hc_url_base_ok(ok[i], &why)) fail_msg("'%s' refused: %s", ok[i], why);
        assert_null(why);
    }
    static const char *const bad[] = {
        "https://example.test/site/\r\nEND:VEVENT\r\nBEGIN:VEVENT", "https://x.test/\n", "https://x.test/\t",
        "https://x.test/a b", "ftp://x.test/", "//x.test/", "x.test", "javascript:alert(1)", "https://",
        "https:///x", "https://x.test/?q=1", "https://x.test/#top", "https://u:p@x.test/", "https://x.test:port/",
        "https://x.test:123456/", "https://x.test/\"onload=\"x", "https://x.test/<script>", "https://x.test/%zz",
        "https://x.test/乡村/", "https://x_y.test/", "https://[::1/", "", NULL
    };
    for (size_t i = 0; bad[i]; i++) {
        const char *why = NULL;
        if (hc_url_base_ok(bad[i], &why)) fail_msg("'%s' accepted", bad[i]);
        assert_non_null(why);
    }
    const char *why;
    hc_url_base_ok("https://example.test/site/\r\nBEGIN:VEVENT", &why);
    assert_non_null(strstr(why, "control character"));
    hc_url_base_ok("https://example.test\r\nBEGIN:VEVENT", &why);   /* in the host too */
    assert_non_null(strstr(why, "control character"));
    hc_url_base_ok("ftp://x/\n", &why);
    assert_non_null(strstr(why, "control character"));
    hc_url_base_ok("https://例子.test/", &why);
    assert_non_null(strstr(why, "xn--"));
    hc_url_base_ok("ftp://x/", &why);
    assert_non_null(strstr(why, "http:// or https://"));
    assert_int_equal(hc_url_base_ok("https://x.test/", NULL), 1);
}

static const char *resolved(hc_buf *b, const char *base, const char *url, hc_url_kind want)
{
    hc_buf_reset(b);
    assert_int_equal(hc_url_resolve(base, url, b), want);
    return hc_buf_cstr(b);
}

/* one resolver for check, HTML and PDF: as a browser resolves */
static void link_resolver(void **st)
{
    (void)st;
    hc_buf b = HC_BUF_INIT;
    assert_string_equal(resolved(&b, "cases/x/", "../y/", HC_URL_SITE), "cases/y/");
    assert_string_equal(resolved(&b, "cases/x/", "../../projects/T-B-01/index.html", HC_URL_SITE),
                        "projects/T-B-01/index.html");
    assert_string_equal(resolved(&b, "cases/x/", "%2e%2e/y/", HC_URL_SITE), "cases/y/");       /* %2e%2e is .. */
    assert_string_equal(resolved(&b, "cases/x/", ".%2E/%2e/y/", HC_URL_SITE), "cases/y/");
    assert_string_equal(resolved(&b, "cases/x/", "a%20b.pdf?x=1#p", HC_URL_SITE), "cases/x/a b.pdf");
    assert_string_equal(resolved(&b, "cases/x/", "..", HC_URL_SITE), "cases/");
    assert_string_equal(resolved(&b, "", "about//x", HC_URL_SITE), "about/x");
    resolved(&b, "cases/x/", "../../..", HC_URL_OUTSIDE);
    resolved(&b, "", "%2e%2e/x", HC_URL_OUTSIDE);
    resolved(&b, "cases/x/", "a%2Fb/", HC_URL_BAD);                                          /* %2F splits nothing */
    resolved(&b, "cases/x/", "https://x.cn/", HC_URL_EXTERNAL);
    resolved(&b, "cases/x/", "//x.cn/", HC_URL_EXTERNAL);
    resolved(&b, "cases/x/", "#top", HC_URL_FRAGMENT);
    resolved(&b, "cases/x/", "/about/", HC_URL_ROOT);

    assert_true(hc_url_is_md("other.md"));
    assert_true(hc_url_is_md("../a/B.MD#x"));
    assert_false(hc_url_is_md("https://github.com/x/README.md"));
    assert_false(hc_url_is_md("a.md/"));
    hc_buf_reset(&b);
    assert_int_equal(hc_url_resolve_md("content/cases/x.md", "./issue-2.md#a", &b), HC_URL_SITE);
    assert_string_equal(hc_buf_cstr(&b), "cases/issue-2/");
    hc_buf_reset(&b);
    assert_int_equal(hc_url_resolve_md("content/cases/x.md", "../about.md", &b), HC_URL_SITE);
    assert_string_equal(hc_buf_cstr(&b), "about/");
    hc_buf_reset(&b);
    assert_int_equal(hc_url_resolve_md("content/about.md", "cases/x.md", &b), HC_URL_SITE);
    assert_string_equal(hc_buf_cstr(&b), "cases/x/");
    hc_buf_reset(&b);
    assert_int_equal(hc_url_resolve_md("content/cases/x.md", "../pages/about.md", &b), HC_URL_NOT_PAGE);
    assert_string_equal(hc_buf_cstr(&b), "content/pages/about.md");
    hc_buf_reset(&b);
    assert_int_equal(hc_url_resolve_md("content/cases/x.md", "../../../a.md", &b), HC_URL_OUTSIDE);
    hc_buf_reset(&b);
    hc_url_md_href(&b, "cases/x/", "about/", "../about.md#contact");
    assert_string_equal(hc_buf_cstr(&b), "../../about/index.html#contact");

    assert_true(hc_url_looks_like_domain("pptrconsole.com"));
    assert_true(hc_url_looks_like_domain("www.x.cn/a"));
    assert_true(hc_url_looks_like_domain("gov.cn"));
    assert_false(hc_url_looks_like_domain("report.pdf"));
    assert_false(hc_url_looks_like_domain("index.html"));
    assert_false(hc_url_looks_like_domain("../x.com"));
    assert_false(hc_url_looks_like_domain("issue-3"));
    hc_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paths),
        cmocka_unit_test(relative_hrefs),
        cmocka_unit_test(names),
        cmocka_unit_test(base_urls),
        cmocka_unit_test(link_resolver),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
