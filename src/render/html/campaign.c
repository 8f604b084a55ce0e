/* campaign.c — supervision, schedule and assessment values; the calendar. */
#include "campaign.h"
#include "../../base/alloc.h"
#include "../../base/hash.h"
#include "../../base/utf8.h"
#include "../../model/permalink.h"
#include <stdlib.h>
#include <string.h>

typedef struct { const hc_supervision *s; size_t project; int overdue; } sup_ref;

static int cmp_sup(const void *pa, const void *pb)
{
    const sup_ref *a = pa, *b = pb;
    int c = strcmp(a->s->owner, b->s->owner);
    if (c) return c;
    if (a->overdue != b->overdue) return a->overdue ? -1 : 1;
    if (a->s->deadline != b->s->deadline) return a->s->deadline < b->s->deadline ? -1 : 1;
    return a->project < b->project ? -1 : a->project > b->project;
}

static hc_tv *sup_value(const hc_shared *sh, hc_arena *a, const sup_ref *r)
{
    const hc_model *m = sh->m;
    hc_tv *e = hc_tv_map(a);
    hc_tv_set(a, e, "matter", hc_tv_str_ref(a, r->s->matter));
    hc_tv_set(a, e, "owner", hc_tv_str_ref(a, r->s->owner));
    hc_tv_set(a, e, "deadline", hc_tv_str_ref(a, hc_ctx_date(a, r->s->deadline)));
    hc_tv_set(a, e, "deadline_zh", hc_tv_str_ref(a, hc_ctx_date_zh(a, m, r->s->deadline)));
    hc_tv_set_str(a, e, "state", hc_model_state(m, r->s->deadline, r->s->done));
    hc_tv_set_bool(a, e, "overdue", r->overdue);
    hc_tv_set_bool(a, e, "done", r->s->done);
    hc_tv_set_bool(a, e, "due_today", !r->s->done && r->s->deadline == m->today);
    if (r->overdue) hc_tv_set_num(a, e, "days_over", (double)(m->today - r->s->deadline));
    else if (!r->s->done && r->s->deadline != HC_NO_DATE && r->s->deadline > m->today) hc_tv_set_num(a, e, "days_left", (double)(r->s->deadline - m->today));
    hc_tv_set(a, e, "p", hc_card_unit(sh, a, r->project));
    return e;
}

void hc_campaign_supervision(const hc_shared *sh, hc_arena *a, hc_tv *c)
{
    const hc_model *m = sh->m;
    size_t n = 0, k = 0, open = 0, overdue = 0;
    for (size_t i = 0; i < m->nprojects; i++) n += m->projects[i].nsupervision;
    sup_ref *v = hc_xcalloc(n + 1, sizeof *v);
    for (size_t i = 0; i < m->nprojects; i++)
        for (size_t j = 0; j < m->projects[i].nsupervision; j++) {
            const hc_supervision *s = &m->projects[i].supervision[j];
            int od = hc_model_late(m, s->deadline, s->done);
            v[k++] = (sup_ref){ s, i, od };
            open += !s->done;
            overdue += od;
        }
    qsort(v, n, sizeof *v, cmp_sup);
    /* owners with overdue items first, then by name (the sort already groups) */
    hc_tv *late = hc_tv_list(a), *rest = hc_tv_list(a), *done = hc_tv_list(a);
    hc_tv *group = NULL;
    int group_late = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i].s->done) {
            hc_tv_push(a, done, sup_value(sh, a, &v[i]));
            continue;
        }
        if (!group || strcmp(v[i].s->owner, hc_tv_get(group, "owner")->s) != 0) {
            group = hc_tv_map(a);
            hc_tv_set(a, group, "owner", hc_tv_str_ref(a, v[i].s->owner[0] ? v[i].s->owner : "（未指定责任单位）"));
            hc_tv_set(a, group, "items", hc_tv_list(a));
            group_late = v[i].overdue;
            hc_tv_set_bool(a, group, "late", group_late);
            hc_tv_push(a, group_late ? late : rest, group);
        }
        hc_tv_push(a, (hc_tv *)hc_tv_get(group, "items"), sup_value(sh, a, &v[i]));
    }
    hc_tv *groups = hc_tv_list(a);
    for (size_t i = 0; i < late->n; i++) hc_tv_push(a, groups, late->items[i]);
    for (size_t i = 0; i < rest->n; i++) hc_tv_push(a, groups, rest->items[i]);
    hc_tv_set(a, c, "groups", groups);
    hc_tv_set(a, c, "done_items", done);
    hc_tv_set_num(a, c, "open_count", (double)open);
    hc_tv_set_num(a, c, "overdue_count", (double)overdue);
    hc_tv_set_num(a, c, "done_count", (double)done->n);
    free(v);
}

typedef struct { long number; int date; size_t project; } meeting;

static int cmp_meeting(const void *pa, const void *pb)
{
    const meeting *a = pa, *b = pb;
    if (a->date != b->date) return a->date < b->date ? -1 : 1;
    if (a->number != b->number) return a->number < b->number ? -1 : 1;
    return a->project < b->project ? -1 : a->project > b->project;
}

static size_t meetings(const hc_model *m, meeting **out)
{
    size_t n = 0;
    meeting *v = hc_xcalloc(m->nprojects + 1, sizeof *v);
    for (size_t i = 0; i < m->nprojects; i++) {
        const hc_project *p = &m->projects[i];
        if (p->has_observation && p->obs_date != HC_NO_DATE) v[n++] = (meeting){ p->obs_number, p->obs_date, i };
    }
    qsort(v, n, sizeof *v, cmp_meeting);
    *out = v;
    return n;
}

void hc_campaign_schedule(const hc_shared *sh, hc_arena *a, hc_tv *c)
{
    const hc_model *m = sh->m;
    hc_tv *units = hc_tv_list(a);
    for (size_t i = 0; i < m->nprojects; i++) {
        const hc_project *p = &m->projects[i];
        hc_tv *u = hc_tv_map(a);
        hc_tv_set(a, u, "p", hc_card_unit(sh, a, i));
        hc_tv *ms = hc_tv_list(a);
        size_t done = 0;
        for (size_t k = 0; k < p->nmilestones; k++) {
            hc_tv *e = hc_ctx_milestone(a, m, &p->milestones[k]);
            hc_tv_set(a, e, "date_table", hc_tv_str_ref(a, hc_ctx_date_table(a, m, p->milestones[k].date)));
            done += p->milestones[k].done;
            hc_tv_push(a, ms, e);
        }
        hc_tv_set(a, u, "milestones", ms);
        hc_tv_set_num(a, u, "done", (double)done);
        hc_tv_set_num(a, u, "total", (double)p->nmilestones);
        if (p->has_observation && p->obs_number) hc_tv_set_num(a, u, "number", (double)p->obs_number);
        hc_tv_push(a, units, u);
    }
    hc_tv_set(a, c, "units", units);
    meeting *v;
    size_t n = meetings(m, &v);
    hc_tv *up = hc_tv_list(a), *past = hc_tv_list(a);
    for (size_t i = 0; i < n; i++) {
        const hc_project *p = &m->projects[v[i].project];
        hc_tv *e = hc_tv_map(a);
        if (v[i].number) hc_tv_set_num(a, e, "number", (double)v[i].number);
        hc_tv_set(a, e, "date", hc_tv_str_ref(a, hc_ctx_date(a, v[i].date)));
        hc_tv_set(a, e, "date_zh", hc_tv_str_ref(a, hc_ctx_date_zh(a, m, v[i].date)));
        if (p->obs_place) hc_tv_set(a, e, "place", hc_tv_str_ref(a, p->obs_place));
        hc_tv_set(a, e, "p", hc_card_unit(sh, a, v[i].project));
        if (v[i].date >= m->today) {
            hc_tv_set_num(a, e, "days_left", (double)(v[i].date - m->today));
            hc_tv_push(a, up, e);
        } else {
            hc_tv_push(a, past, e);
        }
    }
    hc_tv_set(a, c, "upcoming", up);
    hc_tv_set(a, c, "past", past);
    free(v);
}

void hc_campaign_assessment(const hc_shared *sh, hc_arena *a, hc_tv *c)
{
    const hc_model *m = sh->m;
    const hc_standards *s = &m->std;
    hc_tv *t = hc_tv_map(a), *heads = hc_tv_list(a), *rows = hc_tv_list(a);
    for (size_t g = 0; g < s->ngrades; g++) hc_tv_push(a, heads, hc_ctx_term_link(a, m, HC_TAX_GRADE, g));
    size_t *total = hc_xcalloc(s->ngrades + 1, sizeof *total);
    for (size_t dm = 0; dm < s->ndomains; dm++) {
        hc_tv *r = hc_ctx_term_link(a, m, HC_TAX_DOMAIN, dm), *cells = hc_tv_list(a);
        size_t ungraded = 0;
        for (size_t g = 0; g <= s->ngrades; g++) {
            size_t cnt = 0;
            for (size_t i = 0; i < m->nprojects; i++)
                if (m->projects[i].domain == dm && m->projects[i].grade == (g < s->ngrades ? g : HC_NONE)) cnt++;
            if (g == s->ngrades) { ungraded = cnt; break; }
            total[g] += cnt;
            hc_tv *e = hc_tv_map(a);
            hc_tv_set_num(a, e, "count", (double)cnt);
            hc_tv_push(a, cells, e);
        }
        hc_tv_set(a, r, "cells", cells);
        hc_tv_set_num(a, r, "ungraded", (double)ungraded);
        total[s->ngrades] += ungraded;
        hc_tv_push(a, rows, r);
    }
    hc_tv *tot = hc_tv_list(a);
    for (size_t g = 0; g < s->ngrades; g++) {
        hc_tv *e = hc_tv_map(a);
        hc_tv_set_num(a, e, "count", (double)total[g]);
        hc_tv_push(a, tot, e);
    }
    hc_tv_set(a, t, "grades", heads);
    hc_tv_set(a, t, "rows", rows);
    hc_tv_set(a, t, "totals", tot);
    hc_tv_set_num(a, t, "ungraded", (double)total[s->ngrades]);
    hc_tv_set(a, c, "assessment", t);
    free(total);
}

/* ---- RFC 5545 ---- */

/* TEXT values through hc_escape_ics_text; every content line through
 * hc_ics_line (folded, and no control character can start a new line). */
static void ics_text(hc_buf *b, const char *s) { hc_escape_ics_text(b, s, strlen(s)); }
static void ics_line(hc_buf *out, const hc_buf *line) { hc_ics_line(out, line->data, line->len); }

static void ics_date(hc_buf *b, int days)
{
    int y, mo, d;
    hc_date_ymd(days, &y, &mo, &d);
    hc_buf_printf(b, "%04d%02d%02d", y, mo, d);
}

static const char *host_of(const char *base, hc_arena *a)
{
    const char *p = strstr(base, "://");
    p = p ? p + 3 : base;
    size_t n = *p == '[' ? strcspn(p, "]") + (strchr(p, ']') != NULL) : strcspn(p, "/:");   /* [IPv6] */
    return n ? hc_arena_strndup(a, p, n) : "huace.local";
}

static void ics_event(hc_buf *out, hc_buf *l, const char *uid, const char *host, const char *stamp, int date,
                      const char *summary, const char *location, const char *desc, const char *url)
{
#define LINE(...) do { hc_buf_reset(l); hc_buf_printf(l, __VA_ARGS__); } while (0)
#define EMIT() ics_line(out, l)
    LINE("BEGIN:VEVENT"); EMIT();
    LINE("UID:%s@%s", uid, host); EMIT();
    LINE("DTSTAMP:%s", stamp); EMIT();
    LINE("DTSTART;VALUE=DATE:"); ics_date(l, date); EMIT();
    LINE("DTEND;VALUE=DATE:"); ics_date(l, date + 1); EMIT();
    LINE("SUMMARY:"); ics_text(l, summary); EMIT();
    if (location && *location) { LINE("LOCATION:"); ics_text(l, location); EMIT(); }
    if (desc && *desc) { LINE("DESCRIPTION:"); ics_text(l, desc); EMIT(); }
    if (url) { LINE("URL:%s", url); EMIT(); }   /* base_url is checked (hc_url_base_ok); the path percent-encoded */
    LINE("TRANSP:TRANSPARENT"); EMIT();
    LINE("END:VEVENT"); EMIT();
#undef LINE
#undef EMIT
}

void hc_campaign_ics(const hc_shared *sh, hc_buf *out)
{
    const hc_model *m = sh->m;
    hc_arena a = HC_ARENA_INIT;
    hc_buf l = HC_BUF_INIT, url = HC_BUF_INIT;
    const char *base = m->config.base_url;
    const char *host = host_of(base ? base : "", &a);
    hc_buf_reset(&l);
    ics_date(&l, m->today);
    const char *stamp = hc_arena_printf(&a, "%sT000000Z", hc_buf_cstr(&l));

    hc_buf_reset(&l); hc_buf_puts(&l, "BEGIN:VCALENDAR"); ics_line(out, &l);
    hc_buf_reset(&l); hc_buf_puts(&l, "VERSION:2.0"); ics_line(out, &l);
    hc_buf_reset(&l); hc_buf_puts(&l, "PRODID:-//huace//huace 0.1//ZH"); ics_line(out, &l);
    hc_buf_reset(&l); hc_buf_puts(&l, "CALSCALE:GREGORIAN"); ics_line(out, &l);
    hc_buf_reset(&l); hc_buf_puts(&l, "METHOD:PUBLISH"); ics_line(out, &l);
    hc_buf_reset(&l); hc_buf_puts(&l, "X-WR-CALNAME:"); ics_text(&l, m->config.title); ics_line(out, &l);

    meeting *v;
    size_t n = meetings(m, &v);
    for (size_t i = 0; i < n; i++) {
        const hc_project *p = &m->projects[v[i].project];
        hc_buf_reset(&url);
        if (base) {
            hc_buf_puts(&url, base);
            if (url.len && url.data[url.len - 1] != '/') hc_buf_putc(&url, '/');
            hc_buf_reset(&l);
            hc_path_project(&l, p);
            hc_escape_url_path(&url, l.data, l.len);
        }
        const char *summary = v[i].number ? hc_arena_printf(&a, "挂号比战观摩会 第%ld号：%s %s", v[i].number, p->id, p->name)
                                          : hc_arena_printf(&a, "挂号比战观摩会：%s %s", p->id, p->name);
        const char *desc = hc_arena_printf(&a, "%s%s%s", p->brand ? "主题品牌：" : "", p->brand ? p->brand : "",
                                           p->lead_name ? hc_arena_printf(&a, "\n挂帅：%s", p->lead_name) : "");
        ics_event(out, &l, hc_arena_printf(&a, "observation-%s", p->id), host, stamp, v[i].date, summary,
                  p->obs_place, desc, base ? hc_buf_cstr(&url) : NULL);
    }
    free(v);
    for (size_t i = 0; i < m->nprojects; i++) {
        const hc_project *p = &m->projects[i];
        for (size_t k = 0; k < p->nmilestones; k++) {
            const hc_milestone *ms = &p->milestones[k];
            if (ms->date == HC_NO_DATE) continue;
            char hex[17];
            hc_hash_hex(hc_hash(HC_HASH_INIT, ms->title, strlen(ms->title)), hex);
            const char *summary = hc_arena_printf(&a, "%s 时间节点：%s%s%s%s", p->id, ms->title, ms->done ? "（" : "",
                                                 ms->done ? m->std.words[HC_WORD_DONE] : "", ms->done ? "）" : "");
            ics_event(out, &l, hc_arena_printf(&a, "milestone-%s-%zu-%.8s", p->id, k + 1, hex), host, stamp, ms->date,
                      summary, NULL, p->name, NULL);
        }
    }
    hc_buf_reset(&l); hc_buf_puts(&l, "END:VCALENDAR"); ics_line(out, &l);
    hc_buf_free(&l);
    hc_buf_free(&url);
    hc_arena_free(&a);
}
