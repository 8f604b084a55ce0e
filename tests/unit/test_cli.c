/* hc_cli_parse: the options table (values in every spelling, flags, values
 * checked, options a command does not take refused) and hc_cli_jobs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

#define ALL "sodbtjqfTXpBDFWAE"

/* parses the NULL-terminated arguments for command "build" taking `allowed` */
static int parse(const char *allowed, hc_opts *o, ...)
{
    static char *argv[32];
    int argc = 0;
    va_list ap;
    va_start(ap, o);
    for (char *a; (a = va_arg(ap, char *)) != NULL && argc < 32;) argv[argc++] = a;
    va_end(ap);
    return hc_cli_parse("build", allowed, argc, argv, o);
}

static void t_defaults(void **state)
{
    (void)state;
    hc_opts o;
    assert_int_equal(parse(ALL, &o, NULL), 0);
    assert_string_equal(o.src, ".");
    assert_null(o.out);
    assert_int_equal(o.port, -1);
    assert_int_equal(o.jobs, 0);
    assert_int_equal(o.drafts + o.quiet + o.timings + o.pdfx + o.force + o.no_wait + o.all + o.internal, 0);
    assert_int_equal(o.format, HC_FMT_TEXT);
    assert_int_equal(o.nargs, 0);
}

static void t_value_spellings(void **state)
{
    (void)state;
    hc_opts o;
    assert_int_equal(parse(ALL, &o, "-s", "site", "-oOUT", "--jobs=3", NULL), 0);
    assert_string_equal(o.src, "site");
    assert_string_equal(o.out, "OUT");
    assert_int_equal(o.jobs, 3);
    assert_int_equal(parse(ALL, &o, "--source=a", "--output", "b", "-j2", "--today", "2026-11-30", NULL), 0);
    assert_string_equal(o.src, "a");
    assert_string_equal(o.out, "b");
    assert_int_equal(o.jobs, 2);
    assert_string_equal(o.today, "2026-11-30");
    assert_int_equal(parse(ALL, &o, "-j", "7", "-p", "0", "--bind=::1", "--domain", "dj", NULL), 0);
    assert_int_equal(o.jobs, 7);
    assert_int_equal(o.port, 0);
    assert_string_equal(o.bind, "::1");
    assert_string_equal(o.domain, "dj");
    assert_int_equal(parse(ALL, &o, "--edition", "internal", "--format=json", "--base-url", "https://x.cn/", NULL), 0);
    assert_int_equal(o.internal, 1);
    assert_int_equal(o.format, HC_FMT_JSON);
    assert_string_equal(o.base_url, "https://x.cn/");
}

/* each flag sets its own field and no other */
static void t_flags(void **state)
{
    (void)state;
    static const struct { const char *arg; size_t off; } flags[] = {
        { "--drafts", offsetof(hc_opts, drafts) },   { "-q", offsetof(hc_opts, quiet) },
        { "--quiet", offsetof(hc_opts, quiet) },     { "--timings", offsetof(hc_opts, timings) },
        { "--pdfx", offsetof(hc_opts, pdfx) },       { "--force", offsetof(hc_opts, force) },
        { "--no-wait", offsetof(hc_opts, no_wait) }, { "--all", offsetof(hc_opts, all) },
    };
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        hc_opts o;
        assert_int_equal(parse(ALL, &o, (char *)flags[i].arg, NULL), 0);
        assert_int_equal(*(int *)((char *)&o + flags[i].off), 1);
        assert_int_equal(o.drafts + o.quiet + o.timings + o.pdfx + o.force + o.no_wait + o.all, 1);
        assert_int_equal(o.nargs, 0);
    }
}

static void t_positional(void **state)
{
    (void)state;
    hc_opts o;
    assert_int_equal(parse(ALL, &o, "case", "-q", "my-slug", "-", NULL), 0);
    assert_int_equal(o.nargs, 3);
    assert_string_equal(o.args[0], "case");
    assert_string_equal(o.args[1], "my-slug");
    assert_string_equal(o.args[2], "-");
    assert_int_equal(o.quiet, 1);
}

/* usage errors: exit status 2 */
static void t_refused(void **state)
{
    (void)state;
    hc_opts o;
    assert_int_equal(parse("sq", &o, "--drafts", NULL), 2);          /* not this command's */
    assert_int_equal(parse("sq", &o, "-j2", NULL), 2);
    assert_int_equal(parse(ALL, &o, "--nope", NULL), 2);
    assert_int_equal(parse(ALL, &o, "--drafts=1", NULL), 2);         /* a flag takes no value */
    assert_int_equal(parse(ALL, &o, "-o", NULL), 2);                 /* a value is missing */
    assert_int_equal(parse(ALL, &o, "-s", "", NULL), 2);
    assert_int_equal(parse(ALL, &o, "-j", "0", NULL), 2);
    assert_int_equal(parse(ALL, &o, "-j", "257", NULL), 2);
    assert_int_equal(parse(ALL, &o, "-j", "2x", NULL), 2);
    assert_int_equal(parse(ALL, &o, "-p", "65536", NULL), 2);
    assert_int_equal(parse(ALL, &o, "--bind", "localhost", NULL), 2);
    assert_int_equal(parse(ALL, &o, "--format", "xml", NULL), 2);
    assert_int_equal(parse(ALL, &o, "--edition", "secret", NULL), 2);
    assert_int_equal(parse(ALL, &o, "--today", "2026-13-01", NULL), 2);
    assert_int_equal(parse(ALL, &o, "--base-url", "ftp://x/", NULL), 2);
    assert_int_equal(parse(ALL, &o, "-j", "256", NULL), 0);
    assert_int_equal(o.jobs, 256);
}

static void t_jobs(void **state)
{
    (void)state;
    hc_opts o;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    assert_int_equal(parse(ALL, &o, NULL), 0);
    assert_int_equal(hc_cli_jobs(&o), cores > 0 ? (int)cores : 1);
    assert_int_equal(parse(ALL, &o, "-j5", NULL), 0);
    assert_int_equal(hc_cli_jobs(&o), 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_defaults),   cmocka_unit_test(t_value_spellings), cmocka_unit_test(t_flags),
        cmocka_unit_test(t_positional), cmocka_unit_test(t_refused),         cmocka_unit_test(t_jobs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
