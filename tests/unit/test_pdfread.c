/* The content-stream lexer and interpreter (src/pdfread/) on tricky input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <stdlib.h>
#include "pdfread/interp.h"

static int lex_kinds(const char *s, size_t len, pr_tok *toks, int max)
{
    pr_lexer lx;
    int n = 0;
    pr_lex_init(&lx, s, len);
    while (n < max && pr_lex_next(&lx, &toks[n]) != PR_T_EOF) n++;
    return n;
}

static char *decoded(const pr_tok *t)
{
    hc_buf b = HC_BUF_INIT;
    pr_str_decode(t, &b);
    hc_buf_putc(&b, 0);   /* so an empty string is "" too */
    return hc_buf_detach(&b, NULL);
}

static void numbers_names_operators(void **st)
{
    (void)st;
    const char *s = "1 -2.5 +.5 3. /Na#6De#20x/B [1] <<>> f* 1.2.3 --4";
    pr_tok t[16];
    int n = lex_kinds(s, strlen(s), t, 16);
    assert_int_equal(n, 14);
    assert_int_equal(t[0].kind, PR_T_NUM);
    assert_true(t[1].num == -2.5 && t[2].num == 0.5 && t[3].num == 3);
    assert_int_equal(t[4].kind, PR_T_NAME);
    char name[32];
    pr_name_decode(&t[4], name, sizeof name);
    assert_string_equal(name, "Name x");
    assert_int_equal(t[5].kind, PR_T_NAME);   /* "/B" right after, no space */
    assert_int_equal(t[6].kind, PR_T_ARRAY_OPEN);
    assert_int_equal(t[8].kind, PR_T_ARRAY_CLOSE);
    assert_int_equal(t[9].kind, PR_T_DICT_OPEN);
    assert_int_equal(t[10].kind, PR_T_DICT_CLOSE);
    assert_true(pr_tok_is(&t[11], "f*"));
    /* not numbers: keywords */
    pr_tok u[4];
    assert_int_equal(lex_kinds("1.2.3 --4", 9, u, 4), 2);
    assert_int_equal(u[0].kind, PR_T_OP);
    assert_int_equal(u[1].kind, PR_T_OP);
}

static void strings_nested_and_escaped(void **st)
{
    (void)st;
    const char *s = "(a(b)c\\)d\\(e) (\\101\\7\\0123\\n\\\\x\\\r\ny\\q) <48 65 6c6C6f> <414> ()";
    pr_tok t[8];
    assert_int_equal(lex_kinds(s, strlen(s), t, 8), 5);
    char *a = decoded(&t[0]);
    assert_string_equal(a, "a(b)c)d(e");
    char *b = decoded(&t[1]);
    assert_int_equal(b[0], 'A');
    assert_int_equal(b[1], 7);
    assert_int_equal(b[2], 012);
    assert_int_equal(b[3], '3');
    assert_string_equal(b + 4, "\n\\xyq");   /* \<CR><LF> continues the line; \q is q */
    char *c = decoded(&t[2]);
    assert_string_equal(c, "Hello");
    char *d = decoded(&t[3]);
    assert_string_equal(d, "A@");        /* an odd digit count ends in 0 */
    assert_int_equal(t[4].kind, PR_T_STR);
    assert_int_equal(t[4].len, 0);
    free(a), free(b), free(c), free(d);
}

static void truncated_input(void **st)
{
    (void)st;
    pr_tok t[4];
    /* a string cut off: one token to the end */
    assert_int_equal(lex_kinds("(abc(def", 8, t, 4), 1);
    assert_int_equal(t[0].kind, PR_T_STR);
    assert_int_equal(t[0].len, 7);
    /* a backslash as the last byte */
    assert_int_equal(lex_kinds("(ab\\", 4, t, 4), 1);
    char *s = decoded(&t[0]);
    assert_string_equal(s, "ab");
    free(s);
    assert_int_equal(lex_kinds("<4142", 5, t, 4), 1);
    assert_int_equal(t[0].kind, PR_T_HEXSTR);
    assert_int_equal(lex_kinds("/", 1, t, 4), 1);
    assert_int_equal(t[0].kind, PR_T_NAME);
    assert_int_equal(t[0].len, 0);
    /* stray delimiters are one-byte operators */
    assert_int_equal(lex_kinds(") > }", 5, t, 4), 3);
    assert_int_equal(t[1].kind, PR_T_OP);
    assert_int_equal(lex_kinds("% only a comment", 16, t, 4), 0);
}

static void inline_images(void **st)
{
    (void)st;
    /* the data holds "EI" inside a word and binary bytes; the real EI follows white space */
    const char s[] = "q BI /W 2 /H 1 /CS /G /BPC 8 ID \x01" "EIx\xff EI Q";
    pr_tok t[8];
    int n = lex_kinds(s, sizeof s - 1, t, 8);
    assert_int_equal(n, 3);
    assert_int_equal(t[1].kind, PR_T_INLINE);
    assert_int_equal(t[1].data_len, 5);
    assert_memory_equal(t[1].data, "\x01" "EIx\xff", 5);
    assert_true(pr_tok_is(&t[2], "Q"));
    /* /L gives the length: EI inside the data is skipped */
    const char l[] = "BI /W 3 /H 1 /L 3 ID  EIEI Q";
    n = lex_kinds(l, sizeof l - 1, t, 8);
    assert_int_equal(n, 2);
    assert_int_equal(t[0].data_len, 3);
    assert_memory_equal(t[0].data, " EI", 3);
    /* no EI at all: the image runs to the end */
    const char e[] = "BI /W 1 ID abc";
    assert_int_equal(lex_kinds(e, sizeof e - 1, t, 8), 1);
    assert_int_equal(t[0].data_len, 3);
    /* no ID at all */
    assert_int_equal(lex_kinds("BI /W 1 /H", 10, t, 8), 1);
    assert_int_equal(t[0].kind, PR_T_INLINE);
    assert_int_equal(t[0].data_len, 0);
}

typedef struct {
    int fills, texts, images;
    pr_rect last;
    pr_devcolor colour;
    char font[64];
} seen;

static void on_paint(void *ctx, const pr_gstate *gs, int how, pr_rect b)
{
    seen *s = ctx;
    (void)how;
    s->fills++;
    s->last = b;
    pr_color_resolve(&gs->fill_cs, gs->fill, &s->colour);
}

static void on_text(void *ctx, const pr_gstate *gs, void *res, const char *bytes, size_t n, double x, double y)
{
    seen *s = ctx;
    (void)res, (void)bytes, (void)n, (void)x, (void)y;
    s->texts++;
    strcpy(s->font, gs->font);
    pr_color_resolve(&gs->fill_cs, gs->fill, &s->colour);
}

static void on_image(void *ctx, const pr_gstate *gs, const pr_xobject *im, pr_rect b)
{
    seen *s = ctx;
    (void)gs, (void)im;
    s->images++;
    s->last = b;
}

static seen run(const char *content)
{
    seen s;
    memset(&s, 0, sizeof s);
    pr_handler h;
    memset(&h, 0, sizeof h);
    h.ctx = &s;
    h.paint = on_paint;
    h.text = on_text;
    h.image = on_image;
    pr_interp in;
    pr_interp_init(&in, &h);
    pr_run(&in, content, strlen(content), NULL);
    return s;
}

static void interpreter_state(void **st)
{
    (void)st;
    /* cm scales the path; q/Q restores; the clip cuts the box */
    seen s = run("q 2 0 0 2 10 10 cm 0 0 5 5 re f Q 0 0 100 100 re W n 50 50 100 100 re f");
    assert_int_equal(s.fills, 2);
    assert_true(s.last.x0 == 50 && s.last.x1 == 100 && s.last.y1 == 100);
    s = run("q 2 0 0 2 10 10 cm 0 0 5 5 re f");
    assert_true(s.last.x0 == 10 && s.last.x1 == 20);
    /* colour: k, then a Q restores the gray default */
    s = run("q 0.1 0.2 0.3 0.9 k 0 0 1 1 re f Q");
    assert_int_equal(s.colour.kind, PR_CS_CMYK);
    assert_true(s.colour.v[3] > 0.89 && s.colour.v[3] < 0.91);
    s = run("q 0.1 0.2 0.3 0.9 k Q BT /F9 12 Tf (x) Tj ET");
    assert_int_equal(s.colour.kind, PR_CS_GRAY);
    assert_string_equal(s.font, "F9");
    /* TJ shows each string; bad operands are skipped; unbalanced Q is harmless */
    s = run("Q Q BT [(a) -10 (b)] TJ (c) ' 1 2 (d) \" /F1 Tf x y z ET re f");
    assert_int_equal(s.texts, 4);
    assert_int_equal(s.fills, 0);
    /* an inline image through the CTM */
    s = run("q 20 0 0 10 5 5 cm BI /W 4 /H 2 /BPC 8 /CS /RGB ID \x01\x02\x03 EI Q");
    assert_int_equal(s.images, 1);
    assert_true(s.last.x0 == 5 && s.last.x1 == 25 && s.last.y1 == 15);
    /* huge numbers are clamped, not infinite */
    s = run("1e999 0 0 1 0 0 cm 999999999999999999999 0 0 9999999999999999999999999 cm 0 0 1 1 re f");
    assert_int_equal(s.fills, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_names_operators), cmocka_unit_test(strings_nested_and_escaped),
        cmocka_unit_test(truncated_input),         cmocka_unit_test(inline_images),
        cmocka_unit_test(interpreter_state),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
