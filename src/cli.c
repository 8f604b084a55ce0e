#include "cli.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/utf8.h"
#include "model/permalink.h"
#include <arpa/inet.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int hc_cli_usage(const char *cmd, const char *fmt, const char *arg)
{
    fprintf(stderr, "huace %s: ", cmd);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n(see 'huace help %s')\n", cmd);
    return 2;
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi) return -1;
    *out = (int)v;
    return 0;
}

/* The options that take a value: each checks it and stores it in o, or
 * returns hc_cli_usage's 2. */

static int set_src(const char *cmd, const char *val, hc_opts *o)
{
    if (!*val) return hc_cli_usage(cmd, "-s needs a site folder, not '%s'", val);
    o->src = val;
    return 0;
}

static int set_out(const char *cmd, const char *val, hc_opts *o)
{
    if (!*val) return hc_cli_usage(cmd, "-o needs an output folder, not '%s'", val);
    o->out = val;
    return 0;
}

static int set_edition(const char *cmd, const char *val, hc_opts *o)
{
    if (!strcmp(val, "public")) o->internal = 0;
    else if (!strcmp(val, "internal")) o->internal = 1;
    else return hc_cli_usage(cmd, "--edition must be public or internal, not '%s'", val);
    return 0;
}

/* the same rule as base_url in site.yaml: it reaches every output */
static int set_base_url(const char *cmd, const char *val, hc_opts *o)
{
    const char *why = NULL;
    if (hc_url_base_ok(val, &why)) {
        o->base_url = val;
        return 0;
    }
    hc_buf shown = HC_BUF_INIT, msg = HC_BUF_INIT;
    hc_escape_shown(&shown, val, strlen(val));
    hc_buf_printf(&msg, "--base-url %s: '%s'", why ? why : "is not an absolute http(s) URL", hc_buf_cstr(&shown));
    int rc = hc_cli_usage(cmd, "%s", hc_buf_cstr(&msg));
    hc_buf_free(&shown);
    hc_buf_free(&msg);
    return rc;
}

static int set_today(const char *cmd, const char *val, hc_opts *o)
{
    int days;
    if (hc_date_parse(val, &days) != 0) return hc_cli_usage(cmd, "--today must be a date YYYY-MM-DD, not '%s'", val);
    o->today = val;
    return 0;
}

static int set_jobs(const char *cmd, const char *val, hc_opts *o)
{
    if (parse_int(val, 1, 256, &o->jobs) != 0)
        return hc_cli_usage(cmd, "-j needs a number of threads from 1 to 256, not '%s'", val);
    return 0;
}

static int set_format(const char *cmd, const char *val, hc_opts *o)
{
    if (!strcmp(val, "text")) o->format = HC_FMT_TEXT;
    else if (!strcmp(val, "json")) o->format = HC_FMT_JSON;
    else return hc_cli_usage(cmd, "--format must be text or json, not '%s'", val);
    return 0;
}

static int set_port(const char *cmd, const char *val, hc_opts *o)
{
    if (parse_int(val, 0, 65535, &o->port) != 0)
        return hc_cli_usage(cmd, "-p needs a port number from 0 to 65535 (0: any free port), not '%s'", val);
    return 0;
}

static int set_bind(const char *cmd, const char *val, hc_opts *o)
{
    unsigned char addr[sizeof(struct in6_addr)];
    if (inet_pton(AF_INET, val, addr) != 1 && inet_pton(AF_INET6, val, addr) != 1)
        return hc_cli_usage(cmd, "--bind needs an IP address such as 127.0.0.1 or ::1, not '%s'", val);
    o->bind = val;
    return 0;
}

static int set_domain(const char *cmd, const char *val, hc_opts *o)
{
    (void)cmd;
    o->domain = val;
    return 0;
}

/* Every option. A command takes those whose letters its `allowed` string
 * lists (see cli.h). An option with a setter takes a value; one without is
 * a flag that sets the int at `flag` in hc_opts to 1. */
typedef struct {
    char letter;
    const char *shortopt, *longopt;
    int (*set)(const char *cmd, const char *val, hc_opts *o);
    size_t flag;
} opt_def;

#define VALUE(letter, shortopt, longopt, set) { letter, shortopt, longopt, set, 0 }
#define FLAG(letter, shortopt, longopt, field) { letter, shortopt, longopt, NULL, offsetof(hc_opts, field) }

static const opt_def defs[] = {
    VALUE('s', "-s", "--source", set_src),
    VALUE('o', "-o", "--output", set_out),
    FLAG('d', NULL, "--drafts", drafts),
    VALUE('b', NULL, "--base-url", set_base_url),
    VALUE('t', NULL, "--today", set_today),
    VALUE('j', "-j", "--jobs", set_jobs),
    FLAG('q', "-q", "--quiet", quiet),
    VALUE('f', NULL, "--format", set_format),
    FLAG('T', NULL, "--timings", timings),
    FLAG('X', NULL, "--pdfx", pdfx),
    VALUE('p', "-p", "--port", set_port),
    VALUE('B', NULL, "--bind", set_bind),
    VALUE('D', NULL, "--domain", set_domain),
    FLAG('F', NULL, "--force", force),
    FLAG('W', NULL, "--no-wait", no_wait),
    FLAG('A', NULL, "--all", all),
    FLAG('R', NULL, "--rules", rules),
    VALUE('E', NULL, "--edition", set_edition),
};

/* The option argument a names, or NULL; *val is its value when a carries
 * it (--jobs=2, -j2, -oOUT), else NULL. */
static const opt_def *find_opt(const char *a, const char **val)
{
    *val = NULL;
    for (size_t k = 0; k < sizeof defs / sizeof defs[0]; k++) {
        const opt_def *d = &defs[k];
        size_t ll = strlen(d->longopt);
        if ((d->shortopt && !strcmp(a, d->shortopt)) || !strcmp(a, d->longopt)) return d;
        if (d->set && !strncmp(a, d->longopt, ll) && a[ll] == '=') {
            *val = a + ll + 1;
            return d;
        }
        if (d->set && d->shortopt && a[1] == d->shortopt[1] && a[1] != '-') {
            *val = a + 2;   /* -j1, -oOUT */
            return d;
        }
    }
    return NULL;
}

int hc_cli_parse(const char *cmd, const char *allowed, int argc, char **argv, hc_opts *o)
{
    memset(o, 0, sizeof *o);
    o->src = ".";
    o->port = -1;
    o->args = (const char **)argv;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *val;
        if (a[0] != '-' || !a[1]) {
            o->args[o->nargs++] = a;
            continue;
        }
        const opt_def *d = find_opt(a, &val);
        if (!d || !strchr(allowed, d->letter)) return hc_cli_usage(cmd, "unknown option '%s'", a);
        if (!d->set) {
            *(int *)((char *)o + d->flag) = 1;
            continue;
        }
        if (!val) {
            if (i + 1 >= argc) return hc_cli_usage(cmd, "option '%s' needs a value", a);
            val = argv[++i];
        }
        int rc = d->set(cmd, val, o);
        if (rc) return rc;
    }
    return 0;
}

int hc_cli_today(const hc_opts *o, int *days)
{
    *days = HC_NO_DATE;
    if (o->today) return hc_date_parse(o->today, days);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long t = strtoll(sde, &end, 10);
        if (*end || errno || t < 0) {
            fprintf(stderr, "huace: error: SOURCE_DATE_EPOCH must be a number of seconds, not '%s'\n", sde);
            return -1;
        }
        *days = (int)(t / 86400);
    }
    return 0;
}

int hc_cli_jobs(const hc_opts *o)
{
    if (o->jobs > 0) return o->jobs;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 0 ? (int)cores : 1;
}
