/* The node signs (issue 17 §4): the compass word and the distance a sign
 * gives for the walk to the next node (render/pdf/signs.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>
#include "render/pdf/signs.h"

/* One degree of latitude is 111.195 km on the mean-radius sphere. */
static void distance_on_the_sphere(void **state)
{
    (void)state;
    double m;
    pdf_sign_direction(118.9, 28.0, 118.9, 29.0, &m);
    assert_true(fabs(m - 111195) < 5);
    /* 0.08° of longitude at 28.92° N: 0.08 × 111.195 km × cos 28.92° = 7.785 km */
    pdf_sign_direction(118.86, 28.92, 118.94, 28.92, &m);
    assert_true(fabs(m - 7785) < 10);
    pdf_sign_direction(118.9, 28.9, 118.9, 28.9, &m);
    assert_true(m == 0);
}

/* Eight sectors of 45°, centred on the compass points. */
static void eight_directions(void **state)
{
    (void)state;
    double m;
    static const struct { double dlon, dlat; const char *want; } cases[] = {
        { 0, 0.01, "北" },      { 0.01, 0.01, "东北" },   { 0.01, 0, "东" },      { 0.01, -0.01, "东南" },
        { 0, -0.01, "南" },     { -0.01, -0.01, "西南" }, { -0.01, 0, "西" },     { -0.01, 0.01, "西北" },
        { 0.002, 0.01, "北" },  { 0.01, 0.003, "东" },    { -0.004, -0.01, "南" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        /* at 28.9° N a degree of longitude is shorter: scale it so that the bearing is the one written */
        double dlon = cases[i].dlon / cos(28.9 * M_PI / 180);
        const char *got = pdf_sign_direction(118.9, 28.9, 118.9 + dlon, 28.9 + cases[i].dlat, &m);
        assert_string_equal(got, cases[i].want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(distance_on_the_sphere),
        cmocka_unit_test(eight_directions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
