/* diag.h — diagnostics located like a compiler's.
 *
 * A hc_diags collects findings (errors, warnings) from every stage. Each has a
 * rule id (stable, e.g. "yaml-syntax", "standard-missing"), a file path as the
 * user should see it (relative to the site folder), a 1-based line and column
 * (0 when unknown) and a message. Findings are printed as
 *
 *     path:line:col: error: message [rule]
 *       the offending line
 *            ^
 *
 * The offending line is read back from the file (under the folder given to
 * hc_diags_set_root) when printing. Adding is thread-safe (a mutex), so
 * renderers on worker threads may report. Order of output is errors first,
 * then sorted by file, line, col, then insertion, so it is deterministic
 * whatever the threads did.
 */
#ifndef HC_DIAG_H
#define HC_DIAG_H
#include <stdio.h>
#include <stddef.h>

typedef enum { HC_SEV_ERROR, HC_SEV_WARNING, HC_SEV_NOTE } hc_severity;

typedef struct {
    hc_severity sev;
    char *rule;
    char *path;
    int line, col;
    char *msg;
    size_t seq;          /* insertion order, for stable sorting */
} hc_diag;

typedef struct hc_diags hc_diags;

hc_diags *hc_diags_new(void);
void hc_diags_free(hc_diags *d);

/* Base folder that relative paths in findings are resolved against when the
 * offending line is read back (the site folder). Copied. */
void hc_diags_set_root(hc_diags *d, const char *root);

void hc_diag_add(hc_diags *d, hc_severity sev, const char *rule, const char *path,
                 int line, int col, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
#define hc_error(d, rule, path, line, col, ...) \
    hc_diag_add((d), HC_SEV_ERROR, (rule), (path), (line), (col), __VA_ARGS__)
#define hc_warn(d, rule, path, line, col, ...) \
    hc_diag_add((d), HC_SEV_WARNING, (rule), (path), (line), (col), __VA_ARGS__)

/* Removes every finding with this rule whose message contains part (any
 * message if part is NULL); returns how many. Not while others add. */
size_t hc_diags_drop(hc_diags *d, const char *rule, const char *part);

size_t hc_diags_errors(const hc_diags *d);
size_t hc_diags_warnings(const hc_diags *d);
size_t hc_diags_count(const hc_diags *d);
/* The i-th finding in sorted order (sorts on first call after an add). */
const hc_diag *hc_diags_at(hc_diags *d, size_t i);

/* Errors of this rule (not warnings). */
size_t hc_diags_count_rule(hc_diags *d, const char *rule);
/* Turns every error of this rule into a warning; returns how many. */
size_t hc_diags_demote(hc_diags *d, const char *rule);

/* Text form: each finding with its source line and caret; no summary line.
 * Errors come first, then warnings, each sorted by file, line, col. */
void hc_diags_print_text(hc_diags *d, FILE *out);
/* The same with at most per_rule findings of each rule (0: all); after the
 * errors (and after the warnings) one line per rule that had more:
 * "… and N more [rule] (huace check --all shows every one)". */
void hc_diags_print_capped(hc_diags *d, FILE *out, size_t per_rule);
#define HC_DIAGS_SHOWN 5   /* per rule, in `huace check` and a build's report */
/* JSON array of {rule, severity, file, line, col, message}. */
void hc_diags_print_json(hc_diags *d, FILE *out);
/* "N errors (rule n, …), N warnings (rule n, …)" with correct singulars; the
 * rules of each severity by count, most first; "0 errors, 0 warnings". */
void hc_diags_print_summary(hc_diags *d, FILE *out);

#endif
