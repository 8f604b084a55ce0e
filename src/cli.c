#include "cli.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/utf8.h"
#include "model/permalink.h"
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char letter;
    const char *shortopt, *longopt;
    int takes_arg;
} opt_def;

static const opt_def defs[] = {
    { 's', "-s", "--source", 1 },   { 'o', "-o", "--output", 1 }, { 'd', NULL, "--drafts", 0 },
    { 'b', NULL, "--base-url", 1 }, { 't', NULL, "--today", 1 },  { 'j', "-j", "--jobs", 1 },
    { 'q', "-q", "--quiet", 0 },    { 'f', NULL, "--format", 1 }, { 'T', NULL, "--timings", 0 },
    { 'X', NULL, "--pdfx", 0 },     { 'p', "-p", "--port", 1 },  { 'B', NULL, "--bind", 1 },
    { 'D', NULL, "--domain", 1 },   { 'F', NULL, "--force", 0 },  { 'W', NULL, "--no-wait", 0 },
    { 'A', NULL, "--all", 0 },    { 'R', NULL, "--rules", 0 },
    { 'E', NULL, "--edition", 1 },
};

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

int hc_cli_parse(const char *cmd, const char *allowed, int argc, char **argv, hc_opts *o)
{
    memset(o, 0, sizeof *o);
    o->src = ".";
    o->port = -1;
    o->args = (const char **)argv;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !a[1]) {
            o->args[o->nargs++] = a;
            continue;
        }
        const opt_def *d = NULL;
        const char *val = NULL;
        for (size_t k = 0; k < sizeof defs / sizeof defs[0]; k++) {
            size_t ll = strlen(defs[k].longopt);
            if ((defs[k].shortopt && !strcmp(a, defs[k].shortopt)) || !strcmp(a, defs[k].longopt)) {
                d = &defs[k];
                break;
            }
            if (defs[k].takes_arg && !strncmp(a, defs[k].longopt, ll) && a[ll] == '=') {
                d = &defs[k];
                val = a + ll + 1;
                break;
            }
            if (defs[k].takes_arg && defs[k].shortopt && a[1] == defs[k].shortopt[1] && a[1] != '-') {
                d = &defs[k];   /* -j1, -oOUT */
                val = a + 2;
                break;
            }
        }
        if (!d || !strchr(allowed, d->letter)) return hc_cli_usage(cmd, "unknown option '%s'", a);
        if (d->takes_arg && !val) {
            if (i + 1 >= argc) return hc_cli_usage(cmd, "option '%s' needs a value", a);
            val = argv[++i];
        }
        switch (d->letter) {
        case 's':
            if (!*val) return hc_cli_usage(cmd, "-s needs a site folder, not '%s'", val);
            o->src = val;
            break;
        case 'o':
            if (!*val) return hc_cli_usage(cmd, "-o needs an output folder, not '%s'", val);
            o->out = val;
            break;
        case 'F': o->force = 1; break;
        case 'W': o->no_wait = 1; break;
        case 'A': o->all = 1; break;
        case 'R': o->rules = 1; break;
        case 'E':
            if (!strcmp(val, "public")) o->internal = 0;
            else if (!strcmp(val, "internal")) o->internal = 1;
            else return hc_cli_usage(cmd, "--edition must be public or internal, not '%s'", val);
            break;
        case 'd': o->drafts = 1; break;
        case 'b': {
            /* the same rule as base_url in site.yaml: it reaches every output */
            const char *why = NULL;
            if (!hc_url_base_ok(val, &why)) {
                hc_buf shown = HC_BUF_INIT, msg = HC_BUF_INIT;
                hc_escape_shown(&shown, val, strlen(val));
                hc_buf_printf(&msg, "--base-url %s: '%s'", why ? why : "is not an absolute http(s) URL",
                              hc_buf_cstr(&shown));
                int rc = hc_cli_usage(cmd, "%s", hc_buf_cstr(&msg));
                hc_buf_free(&shown);
                hc_buf_free(&msg);
                return rc;
            }
            o->base_url = val;
            break;
        }
        case 't': {
            int days;
            if (hc_date_parse(val, &days) != 0)
                return hc_cli_usage(cmd, "--today must be a date YYYY-MM-DD, not '%s'", val);
            o->today = val;
            break;
        }
        case 'j':
            if (parse_int(val, 1, 256, &o->jobs) != 0)
                return hc_cli_usage(cmd, "-j needs a number of threads from 1 to 256, not '%s'", val);
            break;
        case 'q': o->quiet = 1; break;
        case 'T': o->timings = 1; break;
        case 'X': o->pdfx = 1; break;
        case 'D': o->domain = val; break;
        case 'p':
            if (parse_int(val, 0, 65535, &o->port) != 0)
                return hc_cli_usage(cmd, "-p needs a port number from 0 to 65535 (0: any free port), not '%s'", val);
            break;
        case 'B': {
            unsigned char addr[sizeof(struct in6_addr)];
            if (inet_pton(AF_INET, val, addr) != 1 && inet_pton(AF_INET6, val, addr) != 1)
                return hc_cli_usage(cmd, "--bind needs an IP address such as 127.0.0.1 or ::1, not '%s'", val);
            o->bind = val;
            break;
        }
        case 'f':
            if (!strcmp(val, "text")) o->format = HC_FMT_TEXT;
            else if (!strcmp(val, "json")) o->format = HC_FMT_JSON;
            else return hc_cli_usage(cmd, "--format must be text or json, not '%s'", val);
            break;
        }
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
