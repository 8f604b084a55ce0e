/* edition.c — the public and internal editions of the model, the word table
 * and date styles (see model.h). The public edition is made by removing what
 * it may not show from the model once, so no renderer can leak it. */
#include "model.h"
#include "../base/alloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The campaign's words when seeds give none (seeds/standards.yaml `words:`). */
static const char *const default_words[HC_WORD_COUNT] = {
    [HC_WORD_DONE] = "已完成",
    [HC_WORD_OPEN] = "未完成",
    [HC_WORD_LATE] = "已逾期",
    [HC_WORD_DUE_TODAY] = "今日到期",
    [HC_WORD_DEADLINE] = "限期",
};

static void drop_supervision(hc_model *m)
{
    for (size_t i = 0; i < m->nprojects; i++) {
        hc_project *p = &m->projects[i];
        for (size_t k = 0; k < p->nsupervision; k++) {
            free(p->supervision[k].matter);
            free(p->supervision[k].owner);
        }
        free(p->supervision);
        p->supervision = NULL;
        p->nsupervision = 0;
    }
}

static void drop_grades(hc_model *m)
{
    for (size_t i = 0; i < m->nprojects; i++) {
        m->projects[i].grade = HC_NONE;
        m->projects[i].assessed = HC_NO_DATE;
    }
    hc_taxonomy *tx = &m->tax[HC_TAX_GRADE];
    for (size_t i = 0; i < tx->nterms; i++) {
        free(tx->terms[i].key); free(tx->terms[i].name); free(tx->terms[i].slug);
        free(tx->terms[i].projects); free(tx->terms[i].cases);
    }
    free(tx->terms);
    tx->terms = NULL;
    tx->nterms = 0;
    hc_standards *s = &m->std;
    for (size_t i = 0; i < s->ngrades; i++) { free(s->grades[i].name); free(s->grades[i].slug); }
    free(s->grades);
    s->grades = NULL;
    s->ngrades = 0;
}

void hc_model_edition(hc_model *m, int internal)
{
    for (int w = 0; w < HC_WORD_COUNT; w++)
        if (!m->std.words[w]) m->std.words[w] = hc_xstrdup(default_words[w]);
    m->internal = internal;
    m->show_overdue = internal || m->config.public_overdue;
    if (internal) return;
    if (!m->config.public_supervision) drop_supervision(m);
    if (!m->config.public_grades) drop_grades(m);
}

int hc_model_has_supervision(const hc_model *m)
{
    return m->internal || m->config.public_supervision;
}

int hc_model_late(const hc_model *m, int deadline, int done)
{
    return m->show_overdue && !done && deadline != HC_NO_DATE && m->today != HC_NO_DATE && deadline < m->today;
}

const char *hc_model_state(const hc_model *m, int deadline, int done)
{
    hc_word w = done ? HC_WORD_DONE : hc_model_late(m, deadline, done) ? HC_WORD_LATE : HC_WORD_OPEN;
    return m->std.words[w] ? m->std.words[w] : default_words[w];
}

char *hc_model_date(const hc_model *m, int days, int table, char *buf)
{
    buf[0] = 0;
    if (days == HC_NO_DATE) return buf;
    int y, mo, d;
    hc_date_ymd(days, &y, &mo, &d);
    switch (table ? m->config.date_table : m->config.date_prose) {
    case HC_DATE_ISO: snprintf(buf, HC_DATE_MAX, "%04d-%02d-%02d", y, mo, d); break;
    case HC_DATE_DOTS: snprintf(buf, HC_DATE_MAX, "%04d.%02d.%02d", y, mo, d); break;
    default: snprintf(buf, HC_DATE_MAX, "%d年%d月%d日", y, mo, d); break;
    }
    return buf;
}
