/* test_pdfx.c — the colour rules of the PDF/X press edition (render/pdf/cmyk.h)
 * and the content-stream rewrite (pdfx.h), with the generic profile of
 * Debian's libgs-common. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "render/pdf/cmyk.h"
#include "render/pdf/pdfx.h"

static pdf_cmyk *C;

static int setup(void **state)
{
    (void)state;
    char *err = NULL;
    C = pdf_cmyk_new(PDF_PDFX_GENERIC_ICC, &err);
    if (!C) fprintf(stderr, "%s\n", err);
    free(err);
    return C ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pdf_cmyk_free(C);
    return 0;
}

static void hex(const char *h, double rgb[3])
{
    unsigned v = (unsigned)strtoul(h + 1, NULL, 16);
    rgb[0] = (v >> 16 & 255) / 255.0, rgb[1] = (v >> 8 & 255) / 255.0, rgb[2] = (v & 255) / 255.0;
}

static void cmyk_of(const char *h, double out[4])
{
    double c[3];
    hex(h, c);
    pdf_cmyk_color(C, c[0], c[1], c[2], out);
}

/* body text #1D1D1F, black, the QR's black: 0/0/0/100 */
static void test_dark_text_is_solid_k(void **state)
{
    (void)state;
    const char *dark[] = { "#1D1D1F", "#000000", "#111111", "#1A1A1C" };
    for (size_t i = 0; i < sizeof dark / sizeof dark[0]; i++) {
        double v[4];
        cmyk_of(dark[i], v);
        assert_true(v[0] == 0 && v[1] == 0 && v[2] == 0);
        assert_true(v[3] == 1.0);
    }
}

/* greys (labels #55585E, hairlines #D9DBE0) are K only, lighter greys less K */
static void test_greys_are_k_only_and_ordered(void **state)
{
    (void)state;
    double a[4], b[4], w[4];
    cmyk_of("#55585E", a);
    cmyk_of("#D9DBE0", b);
    cmyk_of("#FFFFFF", w);
    assert_true(a[0] == 0 && a[1] == 0 && a[2] == 0 && b[0] == 0 && b[1] == 0 && b[2] == 0);
    assert_true(a[3] > 0.4 && a[3] < 1.0);
    assert_true(b[3] > 0.0 && b[3] < a[3]);
    assert_true(w[0] == 0 && w[1] == 0 && w[2] == 0 && w[3] == 0);
}

static void test_neutral_threshold(void **state)
{
    (void)state;
    assert_true(pdf_cmyk_is_neutral(0.333333, 0.345098, 0.368627));   /* #55585E: spread 9/255 */
    assert_true(pdf_cmyk_is_neutral(0.5, 0.5, 0.5 + 12.0 / 255));
    assert_false(pdf_cmyk_is_neutral(0.5, 0.5, 0.5 + 13.0 / 255));
    assert_false(pdf_cmyk_is_neutral(0.643137, 0.0862745, 0.101961));   /* theme red #A4161A */
}

/* colours go through the profile: the theme red is mostly M and Y, a blue mostly C */
static void test_colours_through_profile(void **state)
{
    (void)state;
    double red[4], blue[4], gold[4];
    cmyk_of("#A4161A", red);
    cmyk_of("#1F5FA8", blue);
    cmyk_of("#F2B705", gold);
    assert_true(red[1] > 0.8 && red[2] > 0.7 && red[0] < 0.5);
    assert_true(blue[0] > 0.7 && blue[2] < 0.3);
    assert_true(gold[2] > 0.8 && gold[0] < 0.1 && gold[3] < 0.1);
}

/* total ink at most 300 % for every colour, 270 % for image pixels */
static void test_ink_cap(void **state)
{
    (void)state;
    double v[4] = { 1, 1, 1, 1 };
    pdf_cmyk_cap(v);
    assert_true(v[0] + v[1] + v[2] + v[3] <= 3.0 + 1e-9);
    assert_true(v[3] == 1);
    unsigned char rgb[17 * 17 * 17 * 3], out[17 * 17 * 17 * 4];
    size_t n = 0;
    for (int r = 0; r < 17; r++)
        for (int g = 0; g < 17; g++)
            for (int b = 0; b < 17; b++) {
                rgb[n * 3] = (unsigned char)(r * 255 / 16), rgb[n * 3 + 1] = (unsigned char)(g * 255 / 16),
                rgb[n * 3 + 2] = (unsigned char)(b * 255 / 16);
                double c[4];
                pdf_cmyk_color(C, rgb[n * 3] / 255.0, rgb[n * 3 + 1] / 255.0, rgb[n * 3 + 2] / 255.0, c);
                assert_true(c[0] + c[1] + c[2] + c[3] <= 3.0 + 1e-9);
                n++;
            }
    for (int mode = 0; mode < 2; mode++) {
        pdf_cmyk_pixels(C, rgb, out, n, mode);
        for (size_t i = 0; i < n; i++) assert_true(out[i * 4] + out[i * 4 + 1] + out[i * 4 + 2] + out[i * 4 + 3] <= PDF_CMYK_INK_MAX_PX);
    }
}

/* map pixels: greys K only; photo pixels: through the profile (the LUT
 * agrees with LittleCMS within a few percent) */
static void test_pixels(void **state)
{
    (void)state;
    unsigned char rgb[] = { 29, 29, 31, 200, 200, 200, 164, 22, 26, 164, 22, 26 }, out[16];
    pdf_cmyk_pixels(C, rgb, out, 4, 1);
    assert_int_equal(out[0], 0), assert_int_equal(out[1], 0), assert_int_equal(out[2], 0), assert_int_equal(out[3], 255);
    assert_int_equal(out[4], 0), assert_int_equal(out[5], 0), assert_int_equal(out[6], 0);
    assert_true(out[7] > 10 && out[7] < 128);
    assert_memory_equal(out + 8, out + 12, 4);   /* a repeated pixel */
    double red[4];
    pdf_cmyk_color(C, 164 / 255.0, 22 / 255.0, 26 / 255.0, red);
    for (int j = 0; j < 4; j++) assert_true(abs(out[8 + j] - (int)(red[j] * 255 + 0.5)) <= 8);
    pdf_cmyk_pixels(C, rgb, out, 1, 0);   /* photo: a dark grey goes through the profile, rich */
    assert_true(out[3] > 128);
}

static void test_content_rewrite(void **state)
{
    (void)state;
    const char *in = "q 0.113725 0.113725 0.121569 rg BT /f-0-0 1 Tf (1 2 3 rg) Tj ET\n"
                     "0.00392157 0.00784314 0.0117647 RG 0.25 w 0 0 m 5 0 l S\n"
                     "0.643137 0.0862745 0.101961 RG 1 g /Pattern cs /P0 scn 0 0 1 1 re f Q";
    hc_buf out = HC_BUF_INIT;
    int reg = 0;
    size_t n = pdf_pdfx_content(C, in, strlen(in), &out, &reg);
    const char *s = hc_buf_cstr(&out);
    assert_int_equal(n, 4);
    assert_int_equal(reg, 1);
    assert_non_null(strstr(s, "q 0 0 0 1 k BT /f-0-0 1 Tf (1 2 3 rg) Tj ET\n"));   /* strings untouched */
    assert_non_null(strstr(s, "/HcAll CS 1 SCN 0.25 w"));
    assert_non_null(strstr(s, " K 0 0 0 0 k /Pattern cs /P0 scn"));
    assert_null(strstr(s, " RG"));
    assert_null(strstr(s, "121569"));
    hc_buf_free(&out);
    /* nothing to do: the same bytes */
    const char *plain = "BT /F1 9 Tf 0 0 0 1 k (x) Tj ET";
    reg = 0;
    assert_int_equal(pdf_pdfx_content(C, plain, strlen(plain), &out, &reg), 0);
    assert_string_equal(hc_buf_cstr(&out), plain);
    assert_int_equal(reg, 0);
    hc_buf_free(&out);
}

static void test_bad_profile(void **state)
{
    (void)state;
    char *err = NULL;
    assert_null(pdf_cmyk_new("/nonexistent/x.icc", &err));
    assert_non_null(strstr(err, "cannot read"));
    free(err);
    err = NULL;
    assert_null(pdf_cmyk_new("/usr/share/color/icc/ghostscript/srgb.icc", &err));   /* RGB, not CMYK */
    assert_non_null(strstr(err, "not a CMYK profile"));
    free(err);
}

int main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test(test_dark_text_is_solid_k), cmocka_unit_test(test_greys_are_k_only_and_ordered),
        cmocka_unit_test(test_neutral_threshold),    cmocka_unit_test(test_colours_through_profile),
        cmocka_unit_test(test_ink_cap),              cmocka_unit_test(test_pixels),
        cmocka_unit_test(test_content_rewrite),      cmocka_unit_test(test_bad_profile),
    };
    return cmocka_run_group_tests(t, setup, teardown);
}
