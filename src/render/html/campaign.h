/* campaign.h — values for the campaign pages: 挂牌督战 (supervision/),
 * 挂号比战 (schedule/ and schedule.ics) and the assessment summary. Read the
 * model only; values are built in the caller's arena. */
#ifndef HC_CAMPAIGN_H
#define HC_CAMPAIGN_H
#include "render_int.h"

/* Open items grouped by owner, overdue first; done items apart. Sets keys on c. */
void hc_campaign_supervision(const hc_shared *sh, hc_arena *a, hc_tv *c);
/* Units in 挂号 order with their time nodes; meetings upcoming and past. */
void hc_campaign_schedule(const hc_shared *sh, hc_arena *a, hc_tv *c);
/* Grades × domains counts table, as key "assessment" on c. */
void hc_campaign_assessment(const hc_shared *sh, hc_arena *a, hc_tv *c);
/* schedule/schedule.ics (RFC 5545) into out. */
void hc_campaign_ics(const hc_shared *sh, hc_buf *out);

#endif
