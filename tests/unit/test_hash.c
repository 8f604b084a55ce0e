/* hc_strmap: lookups, the first value wins on a duplicate, growth keeps every key. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "base/hash.h"

static void t_basic(void **state)
{
    (void)state;
    hc_strmap m = HC_STRMAP_INIT;
    assert_int_equal(hc_strmap_get(&m, "a", 1), HC_STRMAP_NONE);   /* empty, never initialised */
    assert_int_equal(hc_strmap_add(&m, "a", 1, 7), HC_STRMAP_NONE);
    assert_int_equal(hc_strmap_add(&m, "ab", 2, 8), HC_STRMAP_NONE);
    assert_int_equal(hc_strmap_add(&m, "", 0, 9), HC_STRMAP_NONE);
    assert_int_equal(hc_strmap_get(&m, "a", 1), 7);
    assert_int_equal(hc_strmap_get(&m, "ab", 2), 8);
    assert_int_equal(hc_strmap_get(&m, "abc", 2), 8);               /* len bytes only */
    assert_int_equal(hc_strmap_get(&m, "", 0), 9);
    assert_int_equal(hc_strmap_get(&m, "b", 1), HC_STRMAP_NONE);
    /* a duplicate returns the first value and does not replace it */
    assert_int_equal(hc_strmap_add(&m, "a", 1, 100), 7);
    assert_int_equal(hc_strmap_get(&m, "a", 1), 7);
    assert_int_equal(m.n, 3);
    hc_strmap_free(&m);
}

static void t_many(void **state)
{
    (void)state;
    enum { N = 100000 };
    static char keys[N][12];
    hc_strmap m;
    hc_strmap_init(&m, 10);   /* grows many times */
    for (size_t i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "n%06zu", i);
        assert_int_equal(hc_strmap_add(&m, keys[i], strlen(keys[i]), i), HC_STRMAP_NONE);
    }
    for (size_t i = 0; i < N; i++) assert_int_equal(hc_strmap_get(&m, keys[i], strlen(keys[i])), i);
    for (size_t i = 0; i < N; i += 7) assert_int_equal(hc_strmap_add(&m, keys[i], strlen(keys[i]), 1), i);
    assert_int_equal(hc_strmap_get(&m, "n100000", 7), HC_STRMAP_NONE);
    assert_int_equal(m.n, N);
    assert_true(m.cap >= N && (m.cap & (m.cap - 1)) == 0);
    hc_strmap_free(&m);
    assert_null(m.slots);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_basic),
        cmocka_unit_test(t_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
