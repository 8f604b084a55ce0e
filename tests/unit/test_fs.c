/* base/fs: hc_fs_resolve (what -o is compared by), the first failed write,
 * and hc_fs_swap_in leaving the previous folder to its caller; base/diag:
 * hc_diags_drop. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "base/buf.h"
#include "base/diag.h"
#include "base/fs.h"

static char root[64];

static int setup(void **st)
{
    (void)st;
    strcpy(root, "/tmp/hc-test-fs.XXXXXX");
    if (!mkdtemp(root)) return -1;
    char *real = realpath(root, NULL);   /* /tmp may itself be a link */
    snprintf(root, sizeof root, "%s", real);
    free(real);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    return hc_fs_rmtree(root);
}

static char *at(const char *rel)
{
    static char p[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s%s%s", root, *rel ? "/" : "", rel);
    return p[k];
}

static void resolve_is(const char *path, const char *want)
{
    hc_buf b = HC_BUF_INIT;
    assert_int_equal(hc_fs_resolve(path, &b), 0);
    assert_string_equal(hc_buf_cstr(&b), want);
    hc_buf_free(&b);
}

static void resolve_dots_and_links(void **st)
{
    (void)st;
    assert_int_equal(hc_fs_mkdirs(at("site/content")), 0);
    assert_int_equal(hc_fs_mkdirs(at("srv/www/site")), 0);
    resolve_is(at("site/content/../.."), root);
    resolve_is(at("site/./content/"), at("site/content"));
    resolve_is(at("missing/../site"), at("site"));            /* a missing part, then .. */
    resolve_is(at("site/new/deeper"), at("site/new/deeper"));  /* missing parts stay as named */
    assert_int_equal(symlink("srv/www/site", at("pub")), 0);
    resolve_is(at("pub"), at("srv/www/site"));                 /* a relative link */
    resolve_is(at("pub/x"), at("srv/www/site/x"));
    assert_int_equal(symlink(at("site"), at("alias")), 0);
    resolve_is(at("alias/content"), at("site/content"));       /* an absolute link */
    assert_int_equal(symlink("nowhere/yet", at("dangling")), 0);
    resolve_is(at("dangling"), at("nowhere/yet"));             /* followed to its target's name */
    assert_int_equal(symlink("loop2", at("loop1")), 0);
    assert_int_equal(symlink("loop1", at("loop2")), 0);
    hc_buf b = HC_BUF_INIT;
    assert_int_equal(hc_fs_resolve(at("loop1"), &b), -1);
    assert_int_equal(errno, ELOOP);
    assert_int_equal(hc_fs_resolve("", &b), -1);
    assert_int_equal(hc_fs_resolve("/", &b), 0);
    assert_string_equal(hc_buf_cstr(&b), "/");
    assert_int_equal(hc_fs_resolve("/..", &b), 0);
    assert_string_equal(hc_buf_cstr(&b), "/");
    hc_buf_free(&b);
}

static void first_failure_stops_writes(void **st)
{
    (void)st;
    hc_fs_write_failure_clear();
    const char *path;
    assert_int_equal(hc_fs_write_failure(&path), 0);
    assert_int_equal(hc_fs_write(at("made/on/the/way/f"), "x", 1), 0);
    assert_int_not_equal(hc_fs_write(at("made/on/the/way/f/under-a-file"), "x", 1), 0);   /* ENOTDIR: no disk reason */
    assert_int_equal(hc_fs_write_failure(NULL), 0);
    /* /dev/full: every write fails with ENOSPC, like a full disk */
    assert_int_equal(hc_fs_write("/dev/full", "x", 1), -1);
    assert_int_equal(errno, ENOSPC);
    assert_int_equal(hc_fs_write_failure(&path), ENOSPC);
    assert_string_equal(path, "/dev/full");
    assert_int_equal(hc_fs_write(at("after"), "x", 1), -1);   /* every later write: at once, nothing written */
    assert_int_equal(errno, ECANCELED);
    struct stat sb;
    assert_int_not_equal(stat(at("after"), &sb), 0);
    hc_fs_out f;
    assert_int_equal(hc_fs_out_open(&f, at("after")), -1);
    assert_int_equal(hc_fs_out_close(&f), -1);
    assert_int_equal(hc_fs_write("/dev/full", "x", 1), -1);   /* the first failure stays the one kept */
    assert_int_equal(hc_fs_write_failure(&path), ENOSPC);
    hc_fs_write_failure_clear();
    assert_int_equal(hc_fs_write(at("after"), "x", 1), 0);
}

static void swap_leaves_the_old_folder(void **st)
{
    (void)st;
    assert_int_equal(hc_fs_write(at("out/old.txt"), "old", 3), 0);
    assert_int_equal(hc_fs_write(at("stage/new.txt"), "new", 3), 0);
    char *old = NULL;
    assert_int_equal(hc_fs_swap_in(at("stage"), at("out"), &old), 0);
    assert_non_null(old);
    struct stat sb;
    assert_int_equal(stat(at("out/new.txt"), &sb), 0);
    char *kept = NULL;
    if (asprintf(&kept, "%s/old.txt", old) < 0) abort();
    assert_int_equal(stat(kept, &sb), 0);   /* deleting it is the caller's business */
    free(kept);
    free(old);
    /* into a place where nothing was: no previous folder */
    assert_int_equal(hc_fs_write(at("stage2/a"), "a", 1), 0);
    assert_int_equal(hc_fs_swap_in(at("stage2"), at("fresh"), &old), 0);
    assert_null(old);
}

static void drop_by_rule_and_message(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    hc_error(d, "write", "a", 0, 0, "cannot write: No space left on device");
    hc_error(d, "write", "b", 0, 0, "cannot write: File name too long");
    hc_warn(d, "write", "c", 0, 0, "cannot write: No space left on device");
    hc_error(d, "yaml", "d", 1, 1, "No space left on device");
    assert_int_equal(hc_diags_drop(d, "write", "No space left"), 2);
    assert_int_equal(hc_diags_errors(d), 2);
    assert_int_equal(hc_diags_warnings(d), 0);
    hc_error(d, "write", "a", 0, 0, "again");   /* added after a drop: still sorted by insertion */
    hc_error(d, "write", "a", 0, 0, "and again");
    assert_string_equal(hc_diags_at(d, 0)->msg, "again");
    assert_string_equal(hc_diags_at(d, 1)->msg, "and again");
    assert_int_equal(hc_diags_drop(d, "write", NULL), 3);
    assert_int_equal(hc_diags_count(d), 1);
    hc_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(resolve_dots_and_links, setup, teardown),
        cmocka_unit_test_setup_teardown(first_failure_stops_writes, setup, teardown),
        cmocka_unit_test_setup_teardown(swap_leaves_the_old_folder, setup, teardown),
        cmocka_unit_test(drop_by_rule_and_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
