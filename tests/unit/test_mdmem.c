/* The region cmark allocates from (load/mdmem.h) and the write journal
 * (base/fs.h hc_fs_journal_on/off). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "base/buf.h"
#include "base/fs.h"
#include "load/mdmem.h"

static void calloc_zeroes_and_aligns(void **st)
{
    (void)st;
    cmark_mem *m = hc_md_mem();
    for (int round = 0; round < 2; round++) {   /* the second round reuses dirty memory */
        unsigned char *p = m->calloc(100, 3);
        for (int i = 0; i < 300; i++) assert_int_equal(p[i], 0);
        assert_int_equal((uintptr_t)p % 16, 0);
        memset(p, 0xAB, 300);
        hc_md_mem_reset();
    }
    hc_md_mem_release();
}

static void realloc_keeps_contents(void **st)
{
    (void)st;
    cmark_mem *m = hc_md_mem();
    char *a = m->calloc(1, 16);
    strcpy(a, "党建画册");
    char *other = m->calloc(1, 8);   /* a is no longer the latest: realloc must copy */
    strcpy(other, "x");
    char *b = m->realloc(a, 600 * 1024);  /* bigger than a chunk */
    assert_string_equal(b, "党建画册");
    b[600 * 1024 - 1] = 'z';
    char *c = m->realloc(b, 700 * 1024);  /* the latest: may grow in place or move */
    assert_string_equal(c, "党建画册");
    assert_int_equal(c[600 * 1024 - 1], 'z');
    assert_string_equal(other, "x");
    char *d = m->realloc(NULL, 5);
    memcpy(d, "abcd", 5);
    assert_string_equal(d, "abcd");
    hc_md_mem_reset();
    hc_md_mem_release();
}

static void free_of_latest_is_reused(void **st)
{
    (void)st;
    cmark_mem *m = hc_md_mem();
    void *a = m->calloc(1, 64);
    m->free(a);
    void *b = m->calloc(1, 64);
    assert_ptr_equal(a, b);
    void *c = m->calloc(1, 64);
    m->free(b);                       /* not the latest: kept until the reset */
    void *e = m->calloc(1, 64);
    assert_ptr_not_equal(e, b);
    assert_ptr_not_equal(e, c);
    hc_md_mem_reset();
    hc_md_mem_release();
}

static const char *const md =
    "# 标题\n\n一段*强调*和[链接](../x/)，还有 `code`。\n\n- 甲\n- 乙\n\n> 引用\n\n```\nint x;\n```\n";

static char *render_with(cmark_mem *mem)
{
    cmark_parser *p = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, mem);
    cmark_parser_feed(p, md, strlen(md));
    cmark_node *root = cmark_parser_finish(p);
    cmark_parser_free(p);
    char *html = cmark_render_html(root, CMARK_OPT_DEFAULT);
    char *copy = strdup(html);
    mem->free(html);
    cmark_node_free(root);
    return copy;
}

static void cmark_output_is_the_same(void **st)
{
    (void)st;
    char *want = render_with(cmark_get_default_mem_allocator());
    for (int i = 0; i < 3; i++) {
        char *got = render_with(hc_md_mem());
        hc_md_mem_reset();
        assert_string_equal(got, want);
        free(got);
    }
    hc_md_mem_release();
    free(want);
}

static void *thread_body(void *arg)
{
    void **out = arg;
    out[0] = hc_md_mem()->calloc(1, 32);
    out[1] = render_with(hc_md_mem());
    return NULL;   /* the region goes with the thread */
}

static void threads_have_their_own_region(void **st)
{
    (void)st;
    void *here = hc_md_mem()->calloc(1, 32);
    void *there[2];
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, thread_body, there), 0);
    pthread_join(t, NULL);
    assert_ptr_not_equal(here, there[0]);
    char *want = render_with(cmark_get_default_mem_allocator());
    assert_string_equal(there[1], want);
    free(there[1]);
    free(want);
    hc_md_mem_release();
}

static void journal_lists_what_was_written(void **st)
{
    (void)st;
    char dir[] = "/tmp/huace-journal-XXXXXX";
    assert_non_null(mkdtemp(dir));
    hc_buf p = HC_BUF_INIT;
    hc_fs_journal_on(dir);
    hc_buf_printf(&p, "%s/b/index.html", dir);
    assert_int_equal(hc_fs_write(hc_buf_cstr(&p), "12345", 5), 0);
    hc_buf_reset(&p);
    hc_buf_printf(&p, "%s/a.txt", dir);
    assert_int_equal(hc_fs_write(hc_buf_cstr(&p), "x", 1), 0);
    assert_int_equal(hc_fs_write(hc_buf_cstr(&p), "xyz", 3), 0);   /* written again: the last size counts */
    hc_buf_reset(&p);
    hc_buf_printf(&p, "%s-elsewhere.txt", dir);                    /* not below dir */
    assert_int_equal(hc_fs_write(hc_buf_cstr(&p), "x", 1), 0);
    unlink(hc_buf_cstr(&p));
    char *lines = hc_fs_journal_off();
    assert_non_null(lines);
    assert_string_equal(lines, "F 3 a.txt\nF 5 b/index.html\n");
    free(lines);
    hc_buf_reset(&p);
    hc_buf_printf(&p, "%s/c.txt", dir);                            /* off: not recorded */
    assert_int_equal(hc_fs_write(hc_buf_cstr(&p), "x", 1), 0);
    hc_fs_journal_on(dir);
    lines = hc_fs_journal_off();
    assert_string_equal(lines, "");
    free(lines);
    assert_int_equal(hc_fs_rmtree(dir), 0);
    hc_buf_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calloc_zeroes_and_aligns),
        cmocka_unit_test(realloc_keeps_contents),
        cmocka_unit_test(free_of_latest_is_reused),
        cmocka_unit_test(cmark_output_is_the_same),
        cmocka_unit_test(threads_have_their_own_region),
        cmocka_unit_test(journal_lists_what_was_written),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
