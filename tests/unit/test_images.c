/* The image stage's pure parts: where a Markdown image points
 * (hc_path_image) and what makes an SVG unsafe to publish (hc_svg_check). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "base/diag.h"
#include "model/permalink.h"
#include "render/images/images.h"

static int path_of(const char *doc, const char *url, char *out, size_t n)
{
    hc_buf b = HC_BUF_INIT;
    hc_buf_puts(&b, "keep:");
    int rc = hc_path_image(doc, url, &b);
    snprintf(out, n, "%s", hc_buf_cstr(&b));
    hc_buf_free(&b);
    return rc;
}

static void paths(void **st)
{
    (void)st;
    char o[256];
    assert_int_equal(path_of("content/cases/x.md", "../../assets/photos/a.jpg", o, sizeof o), 0);
    assert_string_equal(o, "keep:assets/photos/a.jpg");
    assert_int_equal(path_of("content/cases/x.md", "/assets/photos/a.jpg", o, sizeof o), 0);
    assert_string_equal(o, "keep:assets/photos/a.jpg");
    assert_int_equal(path_of("content/cases/x.md", "pics/./b%20c.png", o, sizeof o), 0);
    assert_string_equal(o, "keep:content/cases/pics/b c.png");
    assert_int_equal(path_of("content/about.md", "../assets/a.jpg?v=2#top", o, sizeof o), 0);
    assert_string_equal(o, "keep:assets/a.jpg");
    /* not a file of the site: left alone */
    assert_int_equal(path_of("content/cases/x.md", "https://example.org/a.jpg", o, sizeof o), 1);
    assert_int_equal(path_of("content/cases/x.md", "//cdn.example.org/a.jpg", o, sizeof o), 1);
    assert_int_equal(path_of("content/cases/x.md", "data:image/png;base64,AAAA", o, sizeof o), 1);
    assert_int_equal(path_of("content/cases/x.md", "", o, sizeof o), 1);
    /* out of the site, or a control character: refused, out untouched */
    assert_int_equal(path_of("content/cases/x.md", "../../../etc/passwd", o, sizeof o), -1);
    assert_string_equal(o, "keep:");
    assert_int_equal(path_of("content/cases/x.md", "/../x.jpg", o, sizeof o), -1);
    assert_int_equal(path_of("content/cases/x.md", "a%0Ab.jpg", o, sizeof o), -1);
    assert_int_equal(path_of("content/cases/x.md", "/", o, sizeof o), -1);
}

static int svg_errors(const char *text)
{
    hc_diags *d = hc_diags_new();
    int rc = hc_svg_check(text, strlen(text), "assets/x.svg", NULL, d);
    int n = (int)hc_diags_errors(d);
    assert_int_equal(rc, n ? -1 : 0);
    hc_diags_free(d);
    return n;
}

static void svgs(void **st)
{
    (void)st;
    assert_int_equal(svg_errors("<svg xmlns=\"http://www.w3.org/2000/svg\"><defs><linearGradient id=\"g\"/></defs>"
                                "<rect fill=\"url(#g)\" width=\"10\" height=\"10\"/><use href=\"#g\"/>"
                                "<!-- <script>in a comment</script> --><text>online</text></svg>"),
                     0);
    assert_int_equal(svg_errors("<svg><script>alert(1)</script></svg>"), 1);
    assert_int_equal(svg_errors("<svg><svg:SCRIPT xlink:href=\"#x\"/></svg>"), 1);
    assert_int_equal(svg_errors("<svg onload=\"x()\"><rect ONCLICK='y()'/></svg>"), 2);
    assert_int_equal(svg_errors("<svg><foreignObject><div>html</div></foreignObject></svg>"), 1);
    assert_int_equal(svg_errors("<svg><a href=\"javascript:alert(1)\">x</a></svg>"), 1);
    assert_int_equal(svg_errors("<svg><image href=\"https://tracker.example/p.gif\"/></svg>"), 1);
    assert_int_equal(svg_errors("<svg><image xlink:href=\"data:image/png;base64,AAAA\"/></svg>"), 0);
    assert_int_equal(svg_errors("<svg><rect style=\"fill:url(https://x.example/a)\"/></svg>"), 1);
    assert_int_equal(svg_errors("<!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg>&a;</svg>"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paths),
        cmocka_unit_test(svgs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
