/* rules.c — `huace check --rules`: hc_rules[] (check.c) as a text table or
 * JSON. */
#include "check.h"
#include "../base/buf.h"
#include "../base/utf8.h"
#include <string.h>

static const char *at_name(hc_rule_at at)
{
    return at == HC_AT_BOTH ? "both" : at == HC_AT_CHECK ? "check" : "build";
}

static const char *sev_name(hc_severity s) { return s == HC_SEV_ERROR ? "error" : "warning"; }

static void json_field(FILE *out, const char *key, const char *val, const char *sep)
{
    hc_buf b = HC_BUF_INIT;
    hc_escape_json(&b, val, strlen(val));
    fprintf(out, "\"%s\": \"%s\"%s", key, hc_buf_cstr(&b), sep);
    hc_buf_free(&b);
}

int hc_check_print_rules(FILE *out, int json)
{
    if (json) {
        fputs("[\n", out);
        for (size_t i = 0; i < hc_nrules; i++) {
            const hc_rule *r = &hc_rules[i];
            fputs("  {", out);
            json_field(out, "rule", r->id, ", ");
            json_field(out, "severity", sev_name(r->severity), ", ");
            json_field(out, "at", at_name(r->at), ", ");
            json_field(out, "function", r->by, ", ");
            json_field(out, "what", r->what, "");
            fputs(i + 1 < hc_nrules ? "},\n" : "}\n", out);
        }
        fputs("]\n", out);
        return 0;
    }
    /* what runs where: both = every build and `huace check`; check = only
     * `huace check`; build = only a build */
    fprintf(out, "%-23s %-8s %-6s %-32s %s\n", "rule", "severity", "runs", "function", "what");
    for (size_t i = 0; i < hc_nrules; i++) {
        const hc_rule *r = &hc_rules[i];
        fprintf(out, "%-23s %-8s %-6s %-32s %s\n", r->id, sev_name(r->severity), at_name(r->at), r->by, r->what);
    }
    return 0;
}
