/* words.c — site.yaml `public:` and `date_format:`, seeds `words:`: what the
 * public edition shows, how dates are written, and the word table. */
#include "load_int.h"
#include <stdlib.h>
#include <string.h>

/* public: {supervision, grades, overdue} — each true/false. */
void hc_load_public_keys(const hc_yreader *r, const hc_yval *root, hc_config *c)
{
    const hc_yval *p = hc_ymap_get(root, "public");
    if (!p || hc_yr_expect(r, p, HC_Y_MAP, "public") != 0) return;
    static const char *const keys[] = { "supervision", "grades", "overdue", NULL };
    hc_yr_known_keys(r, p, keys, "public");
    hc_yr_bool(r, hc_ymap_get(p, "supervision"), "public.supervision", &c->public_supervision);
    hc_yr_bool(r, hc_ymap_get(p, "grades"), "public.grades", &c->public_grades);
    hc_yr_bool(r, hc_ymap_get(p, "overdue"), "public.overdue", &c->public_overdue);
}

/* One style name → *out; an error at v for anything else. */
static void date_style(const hc_yreader *r, const hc_yval *v, const char *what, int *out)
{
    static const char *const names[] = { [HC_DATE_ZH] = "zh", [HC_DATE_ISO] = "iso", [HC_DATE_DOTS] = "dots" };
    char *s = NULL;
    if (hc_yr_str(r, v, what, &s) != 0) return;
    for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++)
        if (!strcmp(s, names[i])) {
            *out = i;
            free(s);
            return;
        }
    hc_error(r->d, "date-format", r->path, v->line, v->col,
             "%s must be zh (2026年9月30日), iso (2026-09-30) or dots (2026.09.30), not '%s'", what, s);
    free(s);
}

/* date_format: zh | iso | dots (prose and tables alike), or {prose, table}. */
void hc_load_date_format(const hc_yreader *r, const hc_yval *root, hc_config *c)
{
    c->date_prose = HC_DATE_ZH;
    c->date_table = HC_DATE_ISO;
    const hc_yval *v = hc_ymap_get(root, "date_format");
    if (!v) return;
    if (v->kind == HC_Y_SCALAR) {
        date_style(r, v, "date_format", &c->date_prose);
        c->date_table = c->date_prose;
        return;
    }
    if (hc_yr_expect(r, v, HC_Y_MAP, "date_format") != 0) return;
    static const char *const keys[] = { "prose", "table", NULL };
    hc_yr_known_keys(r, v, keys, "date_format");
    date_style(r, hc_ymap_get(v, "prose"), "date_format.prose", &c->date_prose);
    date_style(r, hc_ymap_get(v, "table"), "date_format.table", &c->date_table);
}

/* words: {done, open, late, due_today, deadline} — each a non-empty string;
 * the ones not given keep their defaults (hc_model_edition). */
void hc_load_words(const hc_yreader *r, const hc_yval *root, hc_standards *s)
{
    static const char *const keys[HC_WORD_COUNT + 1] = {
        [HC_WORD_DONE] = "done", [HC_WORD_OPEN] = "open", [HC_WORD_LATE] = "late",
        [HC_WORD_DUE_TODAY] = "due_today", [HC_WORD_DEADLINE] = "deadline", [HC_WORD_COUNT] = NULL,
    };
    const hc_yval *w = hc_ymap_get(root, "words");
    if (!w || hc_yr_expect(r, w, HC_Y_MAP, "words") != 0) return;
    hc_yr_known_keys(r, w, keys, "words");
    for (int i = 0; i < HC_WORD_COUNT; i++) {
        const hc_yval *v = hc_ymap_get(w, keys[i]);
        char *x = NULL;
        if (hc_yr_str(r, v, keys[i], &x) != 0) continue;
        if (!*x) {
            hc_error(r->d, "range", r->path, v->line, v->col, "words.%s must not be empty", keys[i]);
            free(x);
            continue;
        }
        free(s->words[i]);
        s->words[i] = x;
    }
}
