/* check.h — rules over the linked model → diagnostics.
 *
 * Each rule has a stable id shown in its message ([rule]). Reads the model
 * only. Errors stop a build; warnings don't. */
#ifndef HC_CHECK_H
#define HC_CHECK_H
#include "../base/diag.h"
#include "../model/model.h"
#include <stdio.h>

/* overdue: also report supervision items past their deadline (rule
 * "overdue", warnings) and a base_url on a placeholder host such as
 * *.example (rule "base-url-example", a warning) — `huace check` does; a
 * build only summarises the overdue items. */
void hc_check_model(const hc_model *m, int overdue, hc_diags *d);
/* Nodes against the map layers (check/geo.c): node-outside-township,
 * node-spread. Warnings. */
void hc_check_geo(const hc_model *m, hc_diags *d);
/* Supervision items past their deadline and not done, as of m->today. */
size_t hc_check_count_overdue(const hc_model *m);
/* Text list of overdue items grouped by owner (nothing if none). */
void hc_check_print_overdue(const hc_model *m, FILE *out);

#endif
