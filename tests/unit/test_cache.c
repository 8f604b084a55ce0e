/* cache: an empty or missing site folder and a missing record are no
 * undefined behaviour (qsort of nothing), and hc_cache_manifest returns the
 * recorded files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/fs.h"
#include "cache.h"

static void missing_site_and_record(void **st)
{
    (void)st;
    char dir[] = "/tmp/hc-test-cache.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char out[64], site[64];
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(site, sizeof site, "%s/no-site", dir);
    hc_cache *c = hc_cache_open(out);          /* no OUT.huace-cache */
    hc_cache_scan(c, site, "options");         /* no site: no inputs at all */
    size_t pages = 7;
    assert_int_equal(hc_cache_fresh(c, &pages), 0);
    char *m = hc_cache_manifest(c);
    assert_string_equal(m, "");
    free(m);
    hc_cache_free(c);
    hc_fs_rmtree(dir);
}

static void manifest_is_what_was_saved(void **st)
{
    (void)st;
    char dir[] = "/tmp/hc-test-cache.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char out[64], site[64], file[80];
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(site, sizeof site, "%s/site", dir);
    snprintf(file, sizeof file, "%s/site.yaml", site);
    assert_int_equal(hc_fs_write(file, "title: x\n", 9), 0);
    snprintf(file, sizeof file, "%s/index.html", out);
    assert_int_equal(hc_fs_write(file, "<p>", 3), 0);
    hc_cache *c = hc_cache_open(out);
    hc_cache_scan(c, site, "options");
    hc_cache_save(c, hc_cache_inputs(c), 1, "F 3 index.html\n");
    hc_cache_free(c);
    c = hc_cache_open(out);
    hc_cache_scan(c, site, "options");
    char *m = hc_cache_manifest(c);
    assert_non_null(strstr(m, "F 3 index.html\n"));
    assert_non_null(strstr(m, "D "));
    size_t pages = 0;
    assert_int_equal(hc_cache_fresh(c, &pages), 1);
    assert_int_equal(pages, 1);
    free(m);
    hc_cache_free(c);
    snprintf(file, sizeof file, "%s/out.huace-cache.tmp", dir);
    assert_int_equal(hc_fs_exists(file), 0);   /* written aside, then renamed into place */
    hc_fs_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(missing_site_and_record),
        cmocka_unit_test(manifest_is_what_was_saved),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
