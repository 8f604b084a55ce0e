/* hc_model_link: the folder names (slugs) of free-form tags. A tag with a
 * '/' is a located error when it is read (hc_load_name), but the link step
 * must not rely on that: a '/' kept in a slug would make 党建/联建 a folder
 * inside 党建's (issue 16 §6). Tags are added here behind the loader's back. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "base/alloc.h"
#include "base/diag.h"
#include "load/load.h"
#include "model/model.h"

static const hc_term *term_named(const hc_model *m, const char *name)
{
    const hc_taxonomy *tx = &m->tax[HC_TAX_TAG];
    for (size_t i = 0; i < tx->nterms; i++)
        if (!strcmp(tx->terms[i].name, name)) return &tx->terms[i];
    return NULL;
}

static void tag_slugs_are_one_folder(void **state)
{
    (void)state;
    hc_diags *d = hc_diags_new();
    hc_model *m = hc_model_new("tests/sites/base");
    hc_load_opts lo = { .jobs = 1 };
    hc_diags_set_root(d, "tests/sites/base");
    assert_int_equal(hc_load_site(m, &lo, d), 0);
    assert_true(m->nprojects > 0);
    static const char *const extra[] = { "党建", "党建/联建", "a/b/c", "Mixed Case", "/lead", "尾/" };
    const size_t nx = sizeof extra / sizeof *extra;
    hc_project *p = &m->projects[0];
    p->tags = hc_xrealloc(p->tags, (p->ntags + nx) * sizeof *p->tags);
    for (size_t i = 0; i < nx; i++) p->tags[p->ntags++] = hc_xstrdup(extra[i]);
    hc_model_link(m, d);

    static const char *const want[][2] = {
        { "党建", "党建" }, { "党建/联建", "党建-联建" }, { "a/b/c", "a-b-c" }, { "Mixed Case", "mixed-case" },
        { "/lead", "lead" }, { "尾/", "尾" },
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const hc_term *t = term_named(m, want[i][0]);
        assert_non_null(t);
        assert_string_equal(t->slug, want[i][1]);
    }
    const hc_taxonomy *tx = &m->tax[HC_TAX_TAG];
    for (size_t i = 0; i < tx->nterms; i++) {
        assert_null(strchr(tx->terms[i].slug, '/'));
        assert_null(strchr(tx->terms[i].slug, '\\'));
        assert_true(tx->terms[i].slug[0] != 0);
    }
    hc_model_free(m);
    hc_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(tag_slugs_are_one_folder) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
