/* YAML value layer: positions, types, readers, errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "load/yamlv.h"
#include "base/date.h"

static hc_yval *parse(const char *t, hc_diags *d) { return hc_yaml_parse("t.yaml", t, strlen(t), 1, d); }

static void positions(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    hc_yval *v = parse("id: QJ-B-01\nnodes:\n  - {id: n1, lon: 118.9}\n", d);
    assert_non_null(v);
    assert_int_equal(v->kind, HC_Y_MAP);
    const hc_yval *id = hc_ymap_get(v, "id");
    assert_string_equal(id->str, "QJ-B-01");
    assert_int_equal(id->line, 1);
    assert_int_equal(id->col, 5);
    const hc_yval *nodes = hc_ymap_get(v, "nodes");
    assert_int_equal(nodes->kind, HC_Y_SEQ);
    const hc_yval *lon = hc_ymap_get(nodes->items[0], "lon");
    assert_int_equal(lon->line, 3);
    assert_int_equal(lon->col, 19);
    assert_int_equal(hc_diags_count(d), 0);
    hc_yval_free(v);
    hc_diags_free(d);
}

static void first_line_offset(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    hc_yval *v = hc_yaml_parse("c.md", "title: x\n", 9, 2, d);
    assert_int_equal(hc_ymap_get(v, "title")->line, 2);
    hc_yval_free(v);
    hc_diags_free(d);
}

static void syntax_error_located(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    hc_yval *v = parse("a: 1\nb: [1, 2\nc: 3\n", d);
    assert_null(v);
    assert_int_equal(hc_diags_errors(d), 1);
    const hc_diag *g = hc_diags_at(d, 0);
    assert_string_equal(g->rule, "yaml-syntax");
    /* libyaml finds the missing ']' at "c: 3", line 3, column 2 (the ':' that
     * cannot be in a flow sequence): line and column both, 1-based */
    assert_int_equal(g->line, 3);
    assert_int_equal(g->col, 2);
    hc_diags_free(d);
}

static void duplicate_keys_and_aliases(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    assert_null(parse("a: 1\nb: 2\na: 3\n", d));
    const hc_diag *g = hc_diags_at(d, 0);
    assert_string_equal(g->rule, "yaml-duplicate-key");
    assert_int_equal(g->line, 3);
    assert_int_equal(g->col, 1);
    assert_null(parse("a: &x 1\nb: *x\n", d));
    assert_int_equal(hc_diags_errors(d), 2);
    hc_diags_free(d);
}

static void readers(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    hc_yreader r = { "t.yaml", d };
    hc_yval *v = parse("n: 12\nf: 1.5\nb: yes\nq: \"true\"\ndate: 2026-12-15\nbad: 2026-02-30\nl: [a, b]\ns: x\nnul: ~\n", d);
    long n; double f; int b, day; char **l; size_t ln; char *s;
    assert_int_equal(hc_yr_int(&r, hc_ymap_get(v, "n"), "n", &n), 0);
    assert_int_equal(n, 12);
    assert_int_equal(hc_yr_num(&r, hc_ymap_get(v, "f"), "f", &f), 0);
    assert_true(f == 1.5);
    assert_int_equal(hc_yr_bool(&r, hc_ymap_get(v, "b"), "b", &b), 0);
    assert_int_equal(b, 1);
    /* a quoted "true" is text, not a boolean */
    assert_int_equal(hc_yr_bool(&r, hc_ymap_get(v, "q"), "q", &b), -1);
    assert_int_equal(hc_yr_date(&r, hc_ymap_get(v, "date"), "date", &day), 0);
    char out[11];
    hc_date_format(day, out);
    assert_string_equal(out, "2026-12-15");
    assert_int_equal(hc_yr_date(&r, hc_ymap_get(v, "bad"), "bad", &day), -1);
    assert_int_equal(hc_yr_strlist(&r, hc_ymap_get(v, "l"), "l", &l, &ln), 0);
    assert_int_equal(ln, 2);
    assert_string_equal(l[1], "b");
    free(l[0]); free(l[1]); free(l);
    assert_int_equal(hc_yr_int(&r, hc_ymap_get(v, "s"), "s", &n), -1);
    assert_int_equal(hc_yr_str(&r, hc_ymap_get(v, "nul"), "nul", &s), 1);
    assert_int_equal(hc_yr_str(&r, hc_ymap_get(v, "missing"), "missing", &s), 1);
    assert_int_equal(hc_yr_expect(&r, hc_ymap_get(v, "l"), HC_Y_MAP, "l"), -1);
    assert_int_equal(hc_diags_errors(d), 4);
    hc_yval_free(v);
    hc_diags_free(d);
}

static void unknown_keys_are_errors(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    hc_yreader r = { "t.yaml", d };
    hc_yval *v = parse("id: x\nstauts: red\nfoo: 1\n", d);
    static const char *const known[] = { "id", "name", "status", NULL };
    hc_yr_known_keys(&r, v, known, "a project");
    assert_int_equal(hc_diags_errors(d), 2);
    assert_int_equal(hc_diags_warnings(d), 0);
    const hc_diag *g = hc_diags_at(d, 0);
    assert_int_equal(g->line, 2);
    assert_int_equal(g->col, 1);
    assert_string_equal(g->rule, "unknown-key");
    assert_string_equal(g->msg, "unknown key 'stauts' in a project: did you mean 'status'?");
    g = hc_diags_at(d, 1);
    assert_string_equal(g->msg, "unknown key 'foo' in a project (known keys: id, name, status)");
    /* strict: false turns them into warnings */
    assert_int_equal(hc_diags_demote(d, "unknown-key"), 2);
    assert_int_equal(hc_diags_errors(d), 0);
    assert_int_equal(hc_diags_warnings(d), 2);
    hc_yval_free(v);
    hc_diags_free(d);
}

static void key_suggestions(void **st)
{
    (void)st;
    static const char *const sup[] = { "matter", "owner", "deadline", "done", NULL };
    static const char *const proj[] = { "id", "name", "domain", "status", "short_name", "townships", NULL };
    assert_string_equal(hc_key_suggest("dnoe", sup), "done");          /* transposition: 1 */
    assert_string_equal(hc_key_suggest("Done", sup), "done");          /* case */
    assert_string_equal(hc_key_suggest("deadlin", sup), "deadline");
    assert_string_equal(hc_key_suggest("stauts", proj), "status");
    assert_string_equal(hc_key_suggest("zhuangtai", proj), "status"); /* pinyin */
    assert_string_equal(hc_key_suggest("状态", proj), "status");       /* Chinese */
    assert_string_equal(hc_key_suggest("mingcheng", proj), "name");
    assert_string_equal(hc_key_suggest("short-name", proj), "short_name");
    assert_string_equal(hc_key_suggest("township", proj), "townships");
    assert_null(hc_key_suggest("zhuangtai", sup));                     /* status is not a key here */
    assert_null(hc_key_suggest("node", sup));                          /* 2 edits from done: too far for 4 letters */
    assert_null(hc_key_suggest("x", proj));                            /* not 'id' */
    assert_null(hc_key_suggest("colour_scheme", proj));
}

static void missing_key_at_its_slip(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    hc_yreader r = { "t.yaml", d };
    hc_yval *v = parse("id: x\nnmae: y\ndomain: belt\n", d);
    static const char *const known[] = { "id", "name", "domain", NULL };
    static const char *const required[] = { "id", "name", NULL };
    hc_yr_keys(&r, v, known, required, "a project");
    assert_int_equal(hc_diags_count(d), 0);   /* left to hc_yr_missing */
    hc_yr_missing(&r, v, "name", known, 1, 1, "a project needs a 'name'");
    assert_int_equal(hc_diags_errors(d), 1);
    const hc_diag *g = hc_diags_at(d, 0);
    assert_string_equal(g->rule, "required");
    assert_int_equal(g->line, 2);
    assert_int_equal(g->col, 1);
    assert_string_equal(g->msg, "a project needs a 'name' — 'nmae' at line 2 looks like it");
    hc_yval_free(v);
    /* no slip: at the place given */
    v = parse("id: x\n", d);
    hc_yr_missing(&r, v, "name", known, 1, 1, "a project needs a 'name'");
    g = hc_diags_at(d, 0);
    assert_int_equal(g->line, 1);
    assert_string_equal(g->msg, "a project needs a 'name'");
    hc_yval_free(v);
    hc_diags_free(d);
}

static void empty_document_is_empty_map(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    hc_yval *v = parse("", d);
    assert_non_null(v);
    assert_int_equal(v->kind, HC_Y_MAP);
    assert_int_equal(v->n, 0);
    hc_yval_free(v);
    hc_diags_free(d);
}

static const hc_diag *last(hc_diags *d) { return hc_diags_at(d, hc_diags_count(d) - 1); }

static void numbers_tiny_and_infinite(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    hc_yreader r = { "t.yaml", d };
    hc_yval *v = parse("tiny: 5e-324\nneg: -5e-324\nzero: 1e-400\nbig: 1e999\ninf: inf\ndinf: .inf\n"
                       "nan: nan\nmax: 1.7976931348623157e308\n", d);
    double x = -1;
    /* a valid tiny number (strtod says ERANGE on underflow) */
    assert_int_equal(hc_yr_num(&r, hc_ymap_get(v, "tiny"), "lon", &x), 0);
    assert_true(x > 0 && x < 1e-300);
    assert_int_equal(hc_yr_num(&r, hc_ymap_get(v, "neg"), "lon", &x), 0);
    assert_true(x < 0 && x > -1e-300);
    assert_int_equal(hc_yr_num(&r, hc_ymap_get(v, "zero"), "lon", &x), 0);
    assert_true(x >= 0 && x < 1e-300);
    assert_int_equal(hc_yr_num(&r, hc_ymap_get(v, "max"), "lon", &x), 0);
    assert_int_equal(hc_diags_count(d), 0);
    /* overflow, infinity and NaN are refused, each saying why */
    x = 7;
    assert_int_equal(hc_yr_num(&r, hc_ymap_get(v, "big"), "lon", &x), -1);
    assert_string_equal(last(d)->msg, "'lon' is too large to be a number: '1e999'");
    assert_int_equal(hc_yr_num(&r, hc_ymap_get(v, "inf"), "lon", &x), -1);
    assert_string_equal(last(d)->msg, "'lon' must be a finite number, not 'inf'");
    assert_int_equal(hc_yr_num(&r, hc_ymap_get(v, "dinf"), "lon", &x), -1);
    assert_string_equal(last(d)->msg, "'lon' must be a number, not '.inf'");
    assert_int_equal(hc_yr_num(&r, hc_ymap_get(v, "nan"), "lon", &x), -1);
    assert_string_equal(last(d)->msg, "'lon' must be a finite number, not 'nan'");
    assert_true(x == 7);
    assert_int_equal(hc_diags_errors(d), 4);
    hc_yval_free(v);
    hc_diags_free(d);
}

static void colours(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    hc_yreader r = { "t.yaml", d };
    hc_yval *v = parse("a: \"#c8102e\"\nb: \"#F80\"\nc: \"#c8102e;background-image:url(https://tracker.example/p.gif)\"\n"
                       "e: red\nf: \"#c8102e\\r\\nx\"\n", d);
    char *c = NULL;
    assert_int_equal(hc_yr_color(&r, hc_ymap_get(v, "a"), "color", &c), 0);
    assert_string_equal(c, "#c8102e");
    free(c);
    assert_int_equal(hc_yr_color(&r, hc_ymap_get(v, "b"), "color", &c), 0);
    assert_string_equal(c, "#FF8800");   /* #rgb written out */
    free(c);
    c = NULL;
    assert_int_equal(hc_yr_color(&r, hc_ymap_get(v, "c"), "color", &c), -1);
    assert_null(c);
    const hc_diag *g = last(d);
    assert_string_equal(g->rule, "color");
    assert_int_equal(g->line, 3);
    assert_int_equal(g->col, 4);
    assert_int_equal(hc_yr_color(&r, hc_ymap_get(v, "e"), "color", &c), -1);
    assert_int_equal(hc_yr_color(&r, hc_ymap_get(v, "f"), "color", &c), -1);
    assert_non_null(strstr(last(d)->msg, "not '#c8102e\\r\\nx'"));   /* shown, not printed raw */
    assert_int_equal(hc_yr_color(&r, hc_ymap_get(v, "missing"), "color", &c), 1);
    assert_int_equal(hc_diags_errors(d), 3);
    hc_yval_free(v);
    hc_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(positions),
        cmocka_unit_test(first_line_offset),
        cmocka_unit_test(syntax_error_located),
        cmocka_unit_test(duplicate_keys_and_aliases),
        cmocka_unit_test(readers),
        cmocka_unit_test(unknown_keys_are_errors),
        cmocka_unit_test(key_suggestions),
        cmocka_unit_test(missing_key_at_its_slip),
        cmocka_unit_test(empty_document_is_empty_map),
        cmocka_unit_test(numbers_tiny_and_infinite),
        cmocka_unit_test(colours),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
