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
    assert_true(g->line >= 2);
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

static void unknown_keys_warn(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    hc_yreader r = { "t.yaml", d };
    hc_yval *v = parse("id: x\nnmae: y\n", d);
    static const char *const known[] = { "id", "name", NULL };
    hc_yr_known_keys(&r, v, known, "a project");
    assert_int_equal(hc_diags_errors(d), 0);
    assert_int_equal(hc_diags_warnings(d), 1);
    const hc_diag *g = hc_diags_at(d, 0);
    assert_int_equal(g->line, 2);
    assert_string_equal(g->rule, "unknown-key");
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(positions),
        cmocka_unit_test(first_line_offset),
        cmocka_unit_test(syntax_error_located),
        cmocka_unit_test(duplicate_keys_and_aliases),
        cmocka_unit_test(readers),
        cmocka_unit_test(unknown_keys_warn),
        cmocka_unit_test(empty_document_is_empty_map),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
