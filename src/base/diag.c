#include "diag.h"
#include "alloc.h"
#include "buf.h"
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct hc_diags {
    pthread_mutex_t mu;
    hc_diag *items;
    size_t n, cap;
    size_t errors, warnings;
    size_t next_seq;     /* n can shrink (hc_diags_drop): seq keeps counting */
    int sorted;
    char *root;
};

hc_diags *hc_diags_new(void)
{
    hc_diags *d = hc_xcalloc(1, sizeof *d);
    pthread_mutex_init(&d->mu, NULL);
    d->sorted = 1;
    return d;
}

void hc_diags_free(hc_diags *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->items[i].rule);
        free(d->items[i].path);
        free(d->items[i].msg);
    }
    free(d->items);
    free(d->root);
    pthread_mutex_destroy(&d->mu);
    free(d);
}

void hc_diags_set_root(hc_diags *d, const char *root)
{
    free(d->root);
    d->root = root ? hc_xstrdup(root) : NULL;
}

void hc_diag_add(hc_diags *d, hc_severity sev, const char *rule, const char *path,
                 int line, int col, const char *fmt, ...)
{
    hc_buf m = HC_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    hc_buf_vprintf(&m, fmt, ap);
    va_end(ap);

    pthread_mutex_lock(&d->mu);
    d->items = hc_xgrow(d->items, &d->cap, d->n + 1, sizeof *d->items);
    hc_diag *g = &d->items[d->n];
    g->sev = sev;
    g->rule = hc_xstrdup(rule ? rule : "");
    g->path = hc_xstrdup(path ? path : "");
    g->line = line;
    g->col = col;
    g->msg = hc_buf_detach(&m, NULL);
    g->seq = d->next_seq++;
    d->n++;
    if (sev == HC_SEV_ERROR) d->errors++;
    else if (sev == HC_SEV_WARNING) d->warnings++;
    d->sorted = 0;
    pthread_mutex_unlock(&d->mu);
}

size_t hc_diags_drop(hc_diags *d, const char *rule, const char *part)
{
    size_t kept = 0, dropped = 0;
    pthread_mutex_lock(&d->mu);
    for (size_t i = 0; i < d->n; i++) {
        hc_diag *g = &d->items[i];
        if (strcmp(g->rule, rule) || (part && !strstr(g->msg, part))) {
            d->items[kept++] = *g;
            continue;
        }
        if (g->sev == HC_SEV_ERROR) d->errors--;
        else if (g->sev == HC_SEV_WARNING) d->warnings--;
        free(g->rule);
        free(g->path);
        free(g->msg);
        dropped++;
    }
    d->n = kept;
    pthread_mutex_unlock(&d->mu);
    return dropped;
}

size_t hc_diags_errors(const hc_diags *d) { return d->errors; }
size_t hc_diags_warnings(const hc_diags *d) { return d->warnings; }
size_t hc_diags_count(const hc_diags *d) { return d->n; }

size_t hc_diags_count_rule(hc_diags *d, const char *rule)
{
    size_t n = 0;
    pthread_mutex_lock(&d->mu);
    for (size_t i = 0; i < d->n; i++) n += d->items[i].sev == HC_SEV_ERROR && !strcmp(d->items[i].rule, rule);
    pthread_mutex_unlock(&d->mu);
    return n;
}

size_t hc_diags_demote(hc_diags *d, const char *rule)
{
    size_t n = 0;
    pthread_mutex_lock(&d->mu);
    for (size_t i = 0; i < d->n; i++) {
        hc_diag *g = &d->items[i];
        if (g->sev != HC_SEV_ERROR || strcmp(g->rule, rule)) continue;
        g->sev = HC_SEV_WARNING;
        d->errors--;
        d->warnings++;
        n++;
    }
    d->sorted = 0;
    pthread_mutex_unlock(&d->mu);
    return n;
}

static int cmp_diag(const void *pa, const void *pb)
{
    const hc_diag *a = pa, *b = pb;
    if (a->sev != b->sev) return a->sev < b->sev ? -1 : 1;   /* errors first */
    int c = strcmp(a->path, b->path);
    if (c) return c;
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    if (a->col != b->col) return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void sort_diags(hc_diags *d)
{
    if (d->sorted) return;
    qsort(d->items, d->n, sizeof *d->items, cmp_diag);
    d->sorted = 1;
}

const hc_diag *hc_diags_at(hc_diags *d, size_t i)
{
    sort_diags(d);
    return i < d->n ? &d->items[i] : NULL;
}

static const char *sev_name(hc_severity s)
{
    switch (s) {
    case HC_SEV_ERROR: return "error";
    case HC_SEV_WARNING: return "warning";
    default: return "note";
    }
}

/* Reads line `line` (1-based) of the file into out; 0 if unavailable. */
static int read_line(const char *root, const char *path, int line, hc_buf *out)
{
    hc_buf full = HC_BUF_INIT;
    int ok = 0;
    if (root && path[0] != '/') hc_buf_printf(&full, "%s/%s", root, path);
    else hc_buf_puts(&full, path);
    FILE *f = fopen(hc_buf_cstr(&full), "rb");
    if (!f) goto out;
    int cur = 1, c;
    while (cur < line && (c = getc(f)) != EOF)
        if (c == '\n') cur++;
    if (cur != line) goto out;
    /* a CR ending the line is dropped; a lone CR inside it (a line break to
     * some tools, not to us) is shown as a space, so that carets still count
     * one cell for it */
    while ((c = getc(f)) != EOF && c != '\n') {
        if (c == '\r') {
            int next = getc(f);
            if (next == EOF || next == '\n') break;
            ungetc(next, f);
            c = ' ';
        }
        hc_buf_putc(out, (char)c);
    }
    ok = 1;
out:
    if (f) fclose(f);
    hc_buf_free(&full);
    return ok;
}

static void print_one(const hc_diags *d, const hc_diag *g, hc_buf *src, FILE *out)
{
    if (g->line > 0)
        fprintf(out, "%s:%d:%d: %s: %s", g->path, g->line, g->col > 0 ? g->col : 1, sev_name(g->sev), g->msg);
    else
        fprintf(out, "%s: %s: %s", g->path[0] ? g->path : "huace", sev_name(g->sev), g->msg);
    if (g->rule[0]) fprintf(out, " [%s]", g->rule);
    fputc('\n', out);
    hc_buf_reset(src);
    if (g->line > 0 && read_line(d->root, g->path, g->line, src)) {
        fprintf(out, "  %s\n  ", hc_buf_cstr(src));
        /* caret under the column: columns count characters, so pad by
         * display position (tabs kept as tabs, wide CJK as two cells) */
        const unsigned char *s = (const unsigned char *)hc_buf_cstr(src);
        int col = 1;
        for (size_t k = 0; s[k] && col < g->col; col++) {
            unsigned char c = s[k];
            if (c == '\t') { fputc('\t', out); k++; continue; }
            size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            fputs(n >= 3 ? "  " : " ", out);
            for (size_t j = 0; j < n && s[k]; j++) k++;
        }
        fputs("^\n", out);
    }
}

/* Findings counted by (severity, rule), in order of first appearance in the
 * sorted list (so errors' rules first). */
typedef struct { hc_severity sev; const char *rule; size_t n, shown; } rule_count;
typedef struct { rule_count *v; size_t n, cap; } rule_counts;

static rule_count *count_of(rule_counts *rc, hc_severity sev, const char *rule)
{
    for (size_t i = 0; i < rc->n; i++)
        if (rc->v[i].sev == sev && !strcmp(rc->v[i].rule, rule)) return &rc->v[i];
    rc->v = hc_xgrow(rc->v, &rc->cap, rc->n + 1, sizeof *rc->v);
    rc->v[rc->n] = (rule_count){ sev, rule, 0, 0 };
    return &rc->v[rc->n++];
}

static void count_rules(hc_diags *d, rule_counts *rc)
{
    sort_diags(d);
    for (size_t i = 0; i < d->n; i++) count_of(rc, d->items[i].sev, d->items[i].rule)->n++;
}

static void print_more(const rule_counts *rc, hc_severity sev, FILE *out)
{
    for (size_t i = 0; i < rc->n; i++)
        if (rc->v[i].sev == sev && rc->v[i].n > rc->v[i].shown)
            fprintf(out, "\u2026 and %zu more [%s] (huace check --all shows every one)\n", rc->v[i].n - rc->v[i].shown,
                    rc->v[i].rule);
}

void hc_diags_print_capped(hc_diags *d, FILE *out, size_t per_rule)
{
    rule_counts rc = { NULL, 0, 0 };
    hc_buf src = HC_BUF_INIT;
    count_rules(d, &rc);
    for (size_t i = 0; i < d->n; i++) {
        const hc_diag *g = &d->items[i];
        if (i > 0 && g->sev != d->items[i - 1].sev) print_more(&rc, d->items[i - 1].sev, out);
        rule_count *c = count_of(&rc, g->sev, g->rule);
        if (per_rule && c->shown >= per_rule) continue;
        c->shown++;
        print_one(d, g, &src, out);
    }
    if (d->n) print_more(&rc, d->items[d->n - 1].sev, out);
    hc_buf_free(&src);
    free(rc.v);
}

void hc_diags_print_text(hc_diags *d, FILE *out)
{
    hc_diags_print_capped(d, out, 0);
}

static void json_str(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
        else if (c == '\n') fputs("\\n", out);
        else if (c == '\t') fputs("\\t", out);
        else if (c < 0x20) fprintf(out, "\\u%04x", c);
        else fputc(c, out);
    }
    fputc('"', out);
}

void hc_diags_print_json(hc_diags *d, FILE *out)
{
    sort_diags(d);
    fputs("[", out);
    for (size_t i = 0; i < d->n; i++) {
        const hc_diag *g = &d->items[i];
        fputs(i ? ",\n  {" : "\n  {", out);
        fputs("\"rule\": ", out); json_str(out, g->rule);
        fprintf(out, ", \"severity\": \"%s\", \"file\": ", sev_name(g->sev));
        json_str(out, g->path);
        fprintf(out, ", \"line\": %d, \"col\": %d, \"message\": ", g->line, g->col);
        json_str(out, g->msg);
        fputs("}", out);
    }
    fputs(d->n ? "\n]\n" : "]\n", out);
}

/* "N errors (rule n, …)": the rules of one severity, most findings first. */
static void summary_part(const rule_counts *rc, hc_severity sev, size_t total, const char *word, FILE *out)
{
    fprintf(out, "%zu %s%s", total, word, total == 1 ? "" : "s");
    if (!total) return;
    rule_count *v = hc_xcalloc(rc->n, sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < rc->n; i++)
        if (rc->v[i].sev == sev) v[k++] = rc->v[i];
    for (size_t i = 1; i < k; i++)   /* insertion sort: by count, then by name */
        for (size_t j = i; j > 0 && (v[j].n > v[j - 1].n || (v[j].n == v[j - 1].n && strcmp(v[j].rule, v[j - 1].rule) < 0)); j--) {
            rule_count t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    fputs(" (", out);
    for (size_t i = 0; i < k; i++) fprintf(out, "%s%s %zu", i ? ", " : "", v[i].rule[0] ? v[i].rule : "other", v[i].n);
    fputc(')', out);
    free(v);
}

void hc_diags_print_summary(hc_diags *d, FILE *out)
{
    rule_counts rc = { NULL, 0, 0 };
    count_rules(d, &rc);
    summary_part(&rc, HC_SEV_ERROR, d->errors, "error", out);
    fputs(", ", out);
    summary_part(&rc, HC_SEV_WARNING, d->warnings, "warning", out);
    fputc('\n', out);
    free(rc.v);
}
