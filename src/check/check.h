/* check.h — rules over the linked model → diagnostics, and the one table
 * that lists every rule.
 *
 * Each rule has a stable id shown in its message ([rule]). hc_rules[] is both
 * the dispatch table of hc_check_model and the documentation: `huace check
 * --rules` prints it, README's rule table repeats it, and
 * tests/e2e/rules.sh checks that every rule in it has a fixture under
 * tests/sites/ and a row in README. A rule with a function runs over the
 * model here; a rule without one (fn NULL) is reported by the stage named in
 * `by` (the loader, the linker, the theme) while it reads the site. The
 * table covers every finding `huace check` can print, and the build-only
 * findings about the sources (asset). Findings of making the output (write,
 * pdf, map, photo-resolution, …) are not check rules and are not in it.
 * Rule functions read the model only. Errors stop a build; warnings don't. */
#ifndef HC_CHECK_H
#define HC_CHECK_H
#include "../base/diag.h"
#include "../model/model.h"
#include <stdio.h>

/* When a rule runs: in every build, in `huace check`, or both. */
typedef enum { HC_AT_BUILD = 1, HC_AT_CHECK = 2, HC_AT_BOTH = 3 } hc_rule_at;

typedef struct {
    const char *id;           /* the [rule] of its findings */
    hc_severity severity;     /* of every finding it makes */
    hc_rule_at at;
    void (*fn)(const hc_model *m, hc_diags *d);   /* NULL: reported by `by` */
    const char *by;           /* the function (or file) that reports it */
    const char *what;         /* one line */
} hc_rule;

/* The table, in the order the rules run; static storage. */
extern const hc_rule hc_rules[];
extern const size_t hc_nrules;
/* The rule with this id, or NULL. */
const hc_rule *hc_rule_find(const char *id);

/* Runs every rule of the table with a function whose `at` includes at
 * (HC_AT_BUILD for a build, HC_AT_CHECK for `huace check`): a build leaves out
 * the overdue items (it only counts them, see hc_check_count_overdue) and
 * the placeholder base_url. */
void hc_check_model(const hc_model *m, hc_rule_at at, hc_diags *d);
/* `huace check --rules`: the table as text (a header, then one line per rule:
 * id, severity, build/check/both, function, description) or, with json, as a
 * JSON array of {rule, severity, at, function, what}. Returns 0. */
int hc_check_print_rules(FILE *out, int json);

/* Nodes against the map layers (check/geo.c), rules of the table. */
void hc_check_townships(const hc_model *m, hc_diags *d);   /* node-outside-township */
void hc_check_spread(const hc_model *m, hc_diags *d);      /* node-spread */
/* Supervision items past their deadline and not done, as of m->today. */
size_t hc_check_count_overdue(const hc_model *m);
/* Text list of overdue items grouped by owner (nothing if none). */
void hc_check_print_overdue(const hc_model *m, FILE *out);

#endif
