/* base/tree.c: the walk that follows links only inside a fence, skips
 * FIFOs and devices, and stops at loops; and the opening of one path. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "base/fs.h"
#include "base/tree.h"

static char root[64];

static void at(hc_buf *b, const char *rel)
{
    hc_buf_reset(b);
    hc_buf_printf(b, "%s/%s", root, rel);
}

static void put(const char *rel, const char *text)
{
    hc_buf p = HC_BUF_INIT;
    at(&p, rel);
    assert_int_equal(hc_fs_write(hc_buf_cstr(&p), text, strlen(text)), 0);
    hc_buf_free(&p);
}

static void link_to(const char *target, const char *rel)
{
    hc_buf p = HC_BUF_INIT;
    at(&p, rel);
    assert_int_equal(symlink(target, hc_buf_cstr(&p)), 0);
    hc_buf_free(&p);
}

static int setup(void **st)
{
    (void)st;
    strcpy(root, "/tmp/hc-tree.XXXXXX");
    if (!mkdtemp(root)) return -1;
    put("site/assets/a.txt", "a");
    put("site/assets/sub/b.txt", "b");
    put("site/shared/c.txt", "c");
    put("outside/secret.txt", "s");
    link_to("../shared", "site/assets/in");          /* inside the site: followed */
    link_to("../shared", "site/assets/in2");         /* the same folder again: not */
    link_to("sub/b.txt", "site/assets/blink");       /* a file inside */
    link_to("../../outside", "site/assets/out");     /* a folder outside */
    link_to("/etc/passwd", "site/assets/passwd");
    link_to("/dev/zero", "site/assets/zero");
    link_to(".", "site/assets/dot1");
    link_to(".", "site/assets/dot2");
    link_to("..", "site/assets/sub/up");
    link_to("nowhere", "site/assets/dangling");
    hc_buf p = HC_BUF_INIT;
    at(&p, "site/assets/pipe");
    int rc = mkfifo(hc_buf_cstr(&p), 0644);
    hc_buf_free(&p);
    return rc;
}

static int teardown(void **st)
{
    (void)st;
    return hc_fs_rmtree(root);
}

static const hc_tree_skip *skipped(const hc_tree *t, const char *rel)
{
    for (size_t i = 0; i < t->nskips; i++)
        if (!strcmp(t->skips[i].rel, rel)) return &t->skips[i];
    return NULL;
}

static void walk(void **st)
{
    (void)st;
    hc_tree t = HC_TREE_INIT;
    hc_buf dir = HC_BUF_INIT, site = HC_BUF_INIT;
    at(&dir, "site/assets");
    at(&site, "site");
    assert_int_equal(hc_tree_walk(hc_buf_cstr(&dir), hc_buf_cstr(&site), &t), 0);
    const char *want[] = { "a.txt", "blink", "in/c.txt", "sub/b.txt" };
    assert_int_equal(t.nfiles, 4);
    for (size_t i = 0; i < 4; i++) assert_string_equal(t.files[i].rel, want[i]);
    assert_int_equal(t.ndirs, 2);
    assert_string_equal(t.dirs[0], "in");
    assert_string_equal(t.dirs[1], "sub");
    assert_int_equal(skipped(&t, "out")->why, HC_TREE_OUTSIDE);
    assert_int_equal(skipped(&t, "passwd")->why, HC_TREE_OUTSIDE);
    assert_string_equal(skipped(&t, "passwd")->what, "/etc/passwd");
    assert_int_equal(skipped(&t, "zero")->why, HC_TREE_OUTSIDE);
    assert_int_equal(skipped(&t, "pipe")->why, HC_TREE_SPECIAL);
    assert_int_equal(skipped(&t, "dot1")->why, HC_TREE_LOOP);
    assert_string_equal(skipped(&t, "dot1")->what, "");
    assert_int_equal(skipped(&t, "dot2")->why, HC_TREE_LOOP);
    assert_int_equal(skipped(&t, "sub/up")->why, HC_TREE_LOOP);
    assert_int_equal(skipped(&t, "in2")->why, HC_TREE_AGAIN);
    assert_string_equal(skipped(&t, "in2")->what, "in");
    assert_int_equal(skipped(&t, "dangling")->why, HC_TREE_DANGLING);
    assert_int_equal(t.nskips, 9);
    /* every listed file opens, as a regular file */
    for (size_t i = 0; i < t.nfiles; i++) {
        struct stat s;
        int fd = hc_tree_open(&t.files[i], &s);
        assert_true(fd >= 0);
        assert_true(S_ISREG(s.st_mode));
        close(fd);
    }
    hc_tree_free(&t);
    /* with no fence, links lead anywhere, but FIFOs, devices and loops are still left out */
    assert_int_equal(hc_tree_walk(hc_buf_cstr(&dir), NULL, &t), 0);
    assert_non_null(skipped(&t, "dot1"));
    assert_int_equal(skipped(&t, "zero")->why, HC_TREE_SPECIAL);
    assert_int_equal(skipped(&t, "pipe")->why, HC_TREE_SPECIAL);
    assert_null(skipped(&t, "passwd"));
    hc_tree_free(&t);
    /* a missing folder is empty */
    at(&dir, "site/nothing");
    assert_int_equal(hc_tree_walk(hc_buf_cstr(&dir), hc_buf_cstr(&site), &t), 0);
    assert_int_equal(t.nfiles + t.nskips, 0);
    hc_tree_free(&t);
    /* a folder that is itself a link outside is skipped as a whole */
    link_to("../outside", "site/linked");
    at(&dir, "site/linked");
    assert_int_equal(hc_tree_walk(hc_buf_cstr(&dir), hc_buf_cstr(&site), &t), 0);
    assert_int_equal(t.nfiles, 0);
    assert_int_equal(skipped(&t, "")->why, HC_TREE_OUTSIDE);
    hc_tree_free(&t);
    hc_buf_free(&dir);
    hc_buf_free(&site);
}

static void open_path(void **st)
{
    (void)st;
    hc_buf p = HC_BUF_INIT, site = HC_BUF_INIT, data = HC_BUF_INIT;
    at(&site, "site");
    at(&p, "site/assets/blink");
    assert_int_equal(hc_tree_read_path(hc_buf_cstr(&p), hc_buf_cstr(&site), &data), 0);
    assert_string_equal(hc_buf_cstr(&data), "b");
    at(&p, "site/assets/passwd");
    assert_int_equal(hc_tree_read_path(hc_buf_cstr(&p), hc_buf_cstr(&site), &data), -1);
    assert_int_equal(errno, EACCES);
    at(&p, "site/assets/out/secret.txt");
    assert_int_equal(hc_tree_read_path(hc_buf_cstr(&p), hc_buf_cstr(&site), &data), -1);
    assert_int_equal(errno, EACCES);
    at(&p, "site/assets/pipe");   /* would block for ever if opened the usual way */
    assert_int_equal(hc_tree_read_path(hc_buf_cstr(&p), hc_buf_cstr(&site), &data), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(hc_tree_read_path("/dev/zero", NULL, &data), -1);
    assert_int_equal(errno, EINVAL);
    at(&p, "site/assets/dangling");
    assert_int_equal(hc_tree_read_path(hc_buf_cstr(&p), hc_buf_cstr(&site), &data), -1);
    assert_int_equal(errno, ENOENT);
    hc_buf_free(&p);
    hc_buf_free(&site);
    hc_buf_free(&data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(walk),
        cmocka_unit_test(open_path),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
