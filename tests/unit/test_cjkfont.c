/* render/cjkfont.c, the one CJK lookup of the maps and the album: the sans
 * face is the SC face of its collection (not the JP face first in the .ttc),
 * bold is a bold file, a match of another family is refused when a family is
 * asked for, and an empty configuration finds nothing and leaves *out alone. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "render/cjkfont.h"

/* Is family one of the names of face index in file? */
static int face_has_family(const char *file, int index, const char *family)
{
    int count = 0, ok = 0;
    FcPattern *p = FcFreeTypeQuery((const FcChar8 *)file, (unsigned)index, NULL, &count);
    if (!p) return 0;
    FcChar8 *got;
    for (int i = 0; FcPatternGetString(p, FC_FAMILY, i, &got) == FcResultMatch; i++)
        if (!strcmp((const char *)got, family)) ok = 1;
    FcPatternDestroy(p);
    return ok;
}

static void sans_is_the_sc_face(void **state)
{
    (void)state;
    hc_cjk_face f = { NULL, -1 };
    assert_int_equal(hc_cjk_match(NULL, HC_CJK_SANS ":style=Regular", HC_CJK_SANS, &f), 0);
    assert_non_null(f.path);
    assert_true(face_has_family(f.path, f.index, HC_CJK_SANS));
    if (strstr(f.path, ".ttc")) assert_true(f.index > 0);   /* Debian's collection: JP is face 0 */
    free(f.path);
    hc_cjk_face b = { NULL, -1 };
    assert_int_equal(hc_cjk_match(NULL, HC_CJK_SANS ":weight=bold", NULL, &b), 0);
    assert_non_null(strstr(b.path, "Bold"));
    assert_true(face_has_family(b.path, b.index, HC_CJK_SANS));
    free(b.path);
    /* the album's questions: each family of fonts-noto-cjk is there */
    assert_int_equal(hc_cjk_match(NULL, HC_CJK_SERIF, HC_CJK_SERIF, NULL), 0);
    assert_int_equal(hc_cjk_match(NULL, HC_CJK_MONO, HC_CJK_MONO, NULL), 0);
}

static void family_must_match(void **state)
{
    (void)state;
    /* a face is found for the JP name, but it is not the SC family asked for */
    assert_int_equal(hc_cjk_match(NULL, "Noto Sans CJK JP", NULL, NULL), 0);
    assert_int_equal(hc_cjk_match(NULL, "Noto Sans CJK JP", HC_CJK_SANS, NULL), -1);
    assert_int_equal(hc_cjk_match(NULL, "No Such Family Anywhere", "No Such Family Anywhere", NULL), -1);
}

static void empty_config_finds_nothing(void **state)
{
    (void)state;
    FcConfig *empty = FcConfigCreate();
    hc_cjk_face f = { NULL, 7 };
    assert_int_equal(hc_cjk_match(empty, HC_CJK_SANS, NULL, &f), -1);
    assert_int_equal(hc_cjk_match(empty, ":lang=zh-cn", NULL, &f), -1);
    assert_null(f.path);
    assert_int_equal(f.index, 7);
    FcConfigDestroy(empty);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sans_is_the_sc_face),
        cmocka_unit_test(family_must_match),
        cmocka_unit_test(empty_config_finds_nothing),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    FcFini();
    return rc;
}
