/* The Mustache engine's bounds: hc_mustache_set_check finds partials that
 * include themselves outside any section (located at the tag), allows the
 * recursion the spec allows, and the render budget stops what gets past;
 * {{x}} escapes through base/utf8.h's hc_escape_html. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <time.h>
#include "tmpl/mustache.h"
#include "tmpl/value.h"
#include "base/utf8.h"

static void add(hc_mustache_set *s, const char *name, const char *text)
{
    assert_int_equal(hc_mustache_set_add(s, name, name, text, strlen(text), NULL), 0);
}

/* The first finding, or NULL. */
static const hc_diag *check(hc_mustache_set *s, hc_diags *d, int want_rc)
{
    assert_int_equal(hc_mustache_set_check(s, d), want_rc);
    return hc_diags_count(d) ? hc_diags_at(d, 0) : NULL;
}

static void self_twice(void **state)
{
    (void)state;
    hc_mustache_set *s = hc_mustache_set_new();
    hc_diags *d = hc_diags_new();
    add(s, "page", "<p>{{>badge}}</p>");
    add(s, "badge", "x\n  <b>{{>badge}}{{>badge}}</b>");
    const hc_diag *g = check(s, d, -1);
    assert_non_null(g);
    assert_int_equal(hc_diags_count(d), 1);          /* one error for the cycle, not per tag */
    assert_string_equal(g->rule, "template");
    assert_string_equal(g->path, "badge");
    assert_int_equal(g->line, 2);
    assert_int_equal(g->col, 6);                      /* the first {{> tag */
    assert_non_null(strstr(g->msg, "badge → badge"));
    hc_diags_free(d);
    hc_mustache_set_free(s);
}

static void cycle_of_three(void **state)
{
    (void)state;
    hc_mustache_set *s = hc_mustache_set_new();
    hc_diags *d = hc_diags_new();
    add(s, "c", "{{>a}}");
    add(s, "a", "é{{>b}}");
    add(s, "b", "{{<c}}{{/c}}");
    add(s, "z", "{{>a}}");                            /* leads into the cycle, not part of it */
    const hc_diag *g = check(s, d, -1);
    assert_int_equal(hc_diags_count(d), 1);
    assert_string_equal(g->path, "a");                /* the name that sorts first */
    assert_int_equal(g->line, 1);
    assert_int_equal(g->col, 2);                      /* columns count characters */
    assert_non_null(strstr(g->msg, "a → b → c → a"));
    hc_diags_free(d);
    hc_mustache_set_free(s);
}

static void allowed(void **state)
{
    (void)state;
    hc_mustache_set *s = hc_mustache_set_new();
    hc_diags *d = hc_diags_new();
    add(s, "node", "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>");     /* the spec's Recursion */
    add(s, "inv", "{{^stop}}{{>inv}}{{/stop}}");
    add(s, "dyn", "{{>*name}}");                                      /* data decides */
    add(s, "blk", "{{$x}}{{>blk}}{{/x}}");                            /* a parent may replace it */
    add(s, "par", "{{<other}}{{$x}}{{>par}}{{/x}}{{/other}}");        /* an argument, maybe unused */
    add(s, "missing", "{{>nowhere}}");
    assert_null(check(s, d, 0));
    hc_diags_free(d);
    hc_mustache_set_free(s);
}

static void budget(void **state)
{
    (void)state;
    hc_mustache_set *s = hc_mustache_set_new();
    add(s, "page", "{{>b}}");
    add(s, "b", "{{#x}}{{>b}}{{>b}}{{/x}}ab");          /* passes the check: inside a section */
    assert_int_equal(hc_mustache_set_check(s, NULL), 0);
    hc_arena a = HC_ARENA_INIT;
    hc_tv *ctx = hc_tv_map(&a);
    hc_tv_set_bool(&a, ctx, "x", 1);
    hc_buf out = HC_BUF_INIT;
    hc_buf_puts(&out, "kept");
    clock_t t0 = clock();
    /* 2^100 expansions without a budget; with it, stopped and out left as it was */
    assert_int_equal(hc_mustache_render(s, "page", ctx, &out), HC_MUSTACHE_TOO_BIG);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 60);
    assert_int_equal(out.len, 4);
    assert_string_equal(hc_buf_cstr(&out), "kept");
    /* the output limit: a template whose text alone is bigger */
    hc_buf big = HC_BUF_INIT;
    hc_buf_puts(&big, "{{#x}}");
    for (int i = 0; i < 1 << 16; i++) hc_buf_puts(&big, "0123456789abcdef");   /* 1 MB of text */
    hc_buf_puts(&big, "{{/x}}");
    assert_int_equal(hc_mustache_set_add(s, "mb", "mb", big.data, big.len, NULL), 0);
    hc_buf_reset(&big);
    for (int i = 0; i < 100; i++) hc_buf_puts(&big, "{{>mb}}");                /* 100 MB */
    assert_int_equal(hc_mustache_set_add(s, "huge", "huge", big.data, big.len, NULL), 0);
    hc_buf_reset(&out);
    assert_int_equal(hc_mustache_render(s, "huge", ctx, &out), HC_MUSTACHE_TOO_BIG);
    assert_int_equal(out.len, 0);
    /* a normal render still works, from the same set */
    assert_int_equal(hc_mustache_render(s, "mb", ctx, &out), 0);
    assert_int_equal(out.len, (size_t)1 << 20);
    hc_buf_free(&big);
    hc_buf_free(&out);
    hc_arena_free(&a);
    hc_mustache_set_free(s);
}

/* {{x}} escapes exactly as hc_escape_html (the one HTML escaper): the five
 * specials and a NUL (U+FFFD), in text and inside an indented partial;
 * {{{x}}} and {{&x}} write the value as it is. */
static void escapes_as_base(void **state)
{
    (void)state;
    static const char raw[] = "a&b<c>d\"e'f\0g 党";
    hc_mustache_set *s = hc_mustache_set_new();
    add(s, "page", "[{{x}}]\n  {{>p}}\n{{{x}}}|{{&x}}");
    add(s, "p", "({{x}})\n");
    hc_arena a = HC_ARENA_INIT;
    hc_tv *ctx = hc_tv_map(&a);
    hc_tv_set(&a, ctx, "x", hc_tv_strn(&a, raw, sizeof raw - 1));
    hc_buf want = HC_BUF_INIT, esc = HC_BUF_INIT, out = HC_BUF_INIT;
    hc_escape_html(&esc, raw, sizeof raw - 1);
    assert_non_null(strstr(hc_buf_cstr(&esc), "\xEF\xBF\xBD"));   /* the NUL became U+FFFD */
    hc_buf_printf(&want, "[%s]\n  (%s)\n", hc_buf_cstr(&esc), hc_buf_cstr(&esc));
    hc_buf_put(&want, raw, sizeof raw - 1);
    hc_buf_putc(&want, '|');
    hc_buf_put(&want, raw, sizeof raw - 1);
    assert_int_equal(hc_mustache_render(s, "page", ctx, &out), 0);
    assert_int_equal(out.len, want.len);
    assert_memory_equal(out.data, want.data, want.len);
    assert_non_null(strstr(hc_buf_cstr(&out), "a&amp;b&lt;c&gt;d&quot;e&#39;f"));
    hc_buf_free(&want);
    hc_buf_free(&esc);
    hc_buf_free(&out);
    hc_arena_free(&a);
    hc_mustache_set_free(s);
}

/* hc_mustache_render_to gives the sink the same bytes as hc_mustache_render,
 * in pieces of about HC_MUSTACHE_CHUNK (indentation owed across a piece's
 * end included); a sink that fails stops the render; the budget holds. */
typedef struct { hc_buf all; size_t pieces, biggest, fail_at; } pieces;

static int collect(void *ctx, const char *p, size_t n)
{
    pieces *c = ctx;
    c->pieces++;
    if (n > c->biggest) c->biggest = n;
    if (c->fail_at && c->pieces >= c->fail_at) return -1;
    hc_buf_put(&c->all, p, n);
    return 0;
}

static void streamed(void **state)
{
    (void)state;
    hc_mustache_set *s = hc_mustache_set_new();
    add(s, "page", "<ul>\n{{#items}}\n  {{>item}}\n{{/items}}\n</ul>\n");
    add(s, "item", "<li>\n  {{name}} &amp; {{{raw}}}\n\n</li>\n");
    hc_arena a = HC_ARENA_INIT;
    hc_tv *ctx = hc_tv_map(&a), *items = hc_tv_list(&a);
    for (int i = 0; i < 20000; i++) {
        hc_tv *x = hc_tv_map(&a);
        hc_tv_set(&a, x, "name", hc_tv_str(&a, hc_arena_printf(&a, "第%d项 <b>", i)));
        hc_tv_set(&a, x, "raw", hc_tv_str(&a, i % 7 ? "x" : "line\nnext"));
        hc_tv_push(&a, items, x);
    }
    hc_tv_set(&a, ctx, "items", items);
    hc_buf want = HC_BUF_INIT;
    assert_int_equal(hc_mustache_render(s, "page", ctx, &want), 0);
    assert_true(want.len > 8 * HC_MUSTACHE_CHUNK);
    pieces c = { HC_BUF_INIT, 0, 0, 0 };
    hc_mustache_sink sink = { collect, &c };
    assert_int_equal(hc_mustache_render_to(s, "page", ctx, &sink), 0);
    assert_int_equal(c.all.len, want.len);
    assert_memory_equal(c.all.data, want.data, want.len);
    assert_true(c.pieces >= 8);
    assert_true(c.biggest < HC_MUSTACHE_CHUNK + 256);
    /* the sink fails on its second piece: no third */
    pieces f = { HC_BUF_INIT, 0, 0, 2 };
    sink.ctx = &f;
    assert_int_equal(hc_mustache_render_to(s, "page", ctx, &sink), HC_MUSTACHE_WRITE_FAILED);
    assert_int_equal(f.pieces, 2);
    /* the budget counts what was written: 20 MB budget, 40 MB of text */
    hc_buf big = HC_BUF_INIT;
    for (int i = 0; i < 1 << 16; i++) hc_buf_puts(&big, "0123456789abcdef");   /* 1 MB of text */
    assert_int_equal(hc_mustache_set_add(s, "mb", "mb", big.data, big.len, NULL), 0);
    hc_buf_reset(&big);
    for (int i = 0; i < 40; i++) hc_buf_puts(&big, "{{>mb}}");
    assert_int_equal(hc_mustache_set_add(s, "huge", "huge", big.data, big.len, NULL), 0);
    hc_mustache_set_budget(s, (size_t)20 << 20, HC_MUSTACHE_MAX_STEPS);
    pieces h = { HC_BUF_INIT, 0, 0, 0 };
    sink.ctx = &h;
    assert_int_equal(hc_mustache_render_to(s, "huge", ctx, &sink), HC_MUSTACHE_TOO_BIG);
    assert_true(h.all.len <= (size_t)20 << 20);
    assert_int_equal(hc_mustache_render_to(s, "nosuch", ctx, &sink), -1);
    hc_buf_free(&big);
    hc_buf_free(&h.all);
    hc_buf_free(&f.all);
    hc_buf_free(&c.all);
    hc_buf_free(&want);
    hc_arena_free(&a);
    hc_mustache_set_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(self_twice),
        cmocka_unit_test(cycle_of_three),
        cmocka_unit_test(allowed),
        cmocka_unit_test(budget),
        cmocka_unit_test(escapes_as_base),
        cmocka_unit_test(streamed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
