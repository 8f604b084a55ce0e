/* html2markup.c cuts what pango would lay out in more than linear time: a
 * long code block into blocks of PDF_PRE_CHUNK lines (the later ones marked
 * cont), and a word longer than PDF_WORD_CHUNK characters gets a zero-width
 * break opportunity before each further character. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "render/pdf/pdf_int.h"

static pdf_fontset fonts = { "Noto Sans CJK SC", "Noto Serif CJK SC", "Noto Sans Mono CJK SC", NULL };
#define ZWSP "\xe2\x80\x8b"

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle)) n++;
    return n;
}

static void code_block_pieces(void **state)
{
    (void)state;
    hc_buf html = HC_BUF_INIT;
    hc_buf_puts(&html, "<p>前</p>\n<pre><code>");
    int lines = 2 * PDF_PRE_CHUNK + 3;
    for (int i = 0; i < lines; i++) {
        if (i == PDF_PRE_CHUNK) hc_buf_puts(&html, "\n");   /* an empty line opens the second piece */
        else hc_buf_printf(&html, "x%d &lt; y\n", i);
    }
    hc_buf_puts(&html, "</code></pre>\n<p>后</p>\n");
    pdf_blocks b = { 0 };
    pdf_html_to_blocks(hc_buf_cstr(&html), &fonts, &b);
    assert_int_equal(b.n, 5);                                 /* p, three pieces, p */
    assert_int_equal(b.v[0].kind, PDF_BLK_P);
    for (int k = 1; k <= 3; k++) {
        assert_int_equal(b.v[k].kind, PDF_BLK_PRE);
        assert_int_equal(b.v[k].cont, k > 1);
    }
    assert_int_equal(b.v[4].kind, PDF_BLK_P);
    assert_int_equal(b.v[4].cont, 0);
    /* every line is kept, once: PDF_PRE_CHUNK lines per piece, the last newline of each dropped */
    assert_int_equal(count(b.v[1].markup, "\n"), PDF_PRE_CHUNK - 1);
    assert_int_equal(b.v[2].markup[0], '\n');                  /* the empty line survives the cut */
    assert_int_equal(count(b.v[2].markup, "\n"), PDF_PRE_CHUNK - 1);
    assert_int_equal(count(b.v[3].markup, "\n"), 2);
    size_t all = 0;
    for (int k = 1; k <= 3; k++) all += count(b.v[k].markup, "&lt; y");
    assert_int_equal(all, (size_t)lines - 1);
    assert_non_null(strstr(b.v[1].markup, "x0 &lt; y"));
    assert_true(PDF_PRE_CHUNK <= 10);                          /* lines x0..x9 are all 7 bytes */
    assert_int_equal(b.v[1].text_len, strlen("x0 < y\n") * PDF_PRE_CHUNK - 1);
    pdf_blocks_free(&b);
    hc_buf_free(&html);
}

static void long_word(void **state)
{
    (void)state;
    hc_buf html = HC_BUF_INIT, word = HC_BUF_INIT;
    for (int i = 0; i < 100; i++) hc_buf_putc(&word, (char)('a' + i % 26));
    hc_buf_printf(&html, "<p>internationalization and 词：%s。<a href=\"x/\">%s</a> end</p>", word.data, "linktext");
    pdf_blocks b = { 0 };
    pdf_html_to_blocks(hc_buf_cstr(&html), &fonts, &b);
    assert_int_equal(b.n, 1);
    const char *mk = b.v[0].markup;
    /* the 20-letter word is untouched; the 100-letter one gets a break before each letter after the 30th */
    assert_non_null(strstr(mk, "internationalization and"));
    assert_int_equal(count(mk, ZWSP), 100 - PDF_WORD_CHUNK);
    char *first = strstr(mk, ZWSP);
    assert_non_null(first);
    assert_memory_equal(first - PDF_WORD_CHUNK, word.data, PDF_WORD_CHUNK);
    /* text_len counts the added bytes, so the link still covers its text */
    assert_int_equal(b.v[0].nlinks, 1);
    size_t plain = strlen("internationalization and\xe2\x80\x85词：") + 100 + 3 * (100 - PDF_WORD_CHUNK) + strlen("。");
    assert_int_equal(b.v[0].links[0].start, plain);
    assert_int_equal(b.v[0].links[0].end, plain + strlen("linktext"));
    pdf_blocks_free(&b);
    hc_buf_free(&html);
    hc_buf_free(&word);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(code_block_pieces),
        cmocka_unit_test(long_word),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
