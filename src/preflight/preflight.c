/* preflight.c — the `huace preflight` command; see preflight.h. */
#include "preflight.h"
#include <stdlib.h>
#include <string.h>

int hc_cmd_preflight(const hc_opts *o)
{
    if (o->nargs != 1) return hc_cli_usage("preflight", "%s", "needs one PDF file: huace preflight FILE.pdf");
    char *err = NULL;
    int rc = 2;
    pf_report r;
    memset(&r, 0, sizeof r);
    r.path = o->args[0];
    pr_doc *d = pr_doc_open(r.path, &err);
    if (!d) goto out;
    pf_read_keys(d, &r);
    if (pf_collect(d, &r, &err) != 0) goto out;
    pf_judge(&r);
    if (o->format == HC_FMT_JSON) pf_print_json(&r, stdout);
    else pf_print_text(&r, stdout);
    rc = r.nproblems ? 1 : 0;
out:
    if (err) fprintf(stderr, "huace preflight: error: %s\n", err);
    free(err);
    pr_doc_close(d);
    pf_report_free(&r);
    return rc;
}
