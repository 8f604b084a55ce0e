/* pages.h — the list of pages to write, and the values each one renders with.
 *
 * hc_pages_plan lists every page of the site as a job (kind + indices); a
 * job knows its folder and template, and builds its own values in the arena
 * it is given (per worker thread), referring to the shared values for the
 * rest. Jobs are independent: any thread may run any job.
 */
#ifndef HC_PAGES_H
#define HC_PAGES_H
#include "render_int.h"

typedef enum {
    HC_JOB_HOME, HC_JOB_PROJECT, HC_JOB_CASE, HC_JOB_PAGE, HC_JOB_PROJECTS, HC_JOB_CASES,
    HC_JOB_TAXONOMY, HC_JOB_TERM, HC_JOB_STANDARDS, HC_JOB_404, HC_JOB_SUPERVISION, HC_JOB_SCHEDULE,
    HC_JOB_MAP, HC_JOB_BOARD, HC_JOB_SEARCH
} hc_job_kind;

typedef struct {
    hc_job_kind kind;
    size_t a, b;          /* project/case/page index; or taxonomy kind + term index */
    size_t page_no;       /* 1-based, for paginated listings */
} hc_job;

/* All jobs, in a fixed order. *jobs is malloc'd. */
void hc_pages_plan(const hc_shared *sh, hc_job **jobs, size_t *n);
/* The job's folder (site path, "" for the home page; 404 writes 404.html at
 * the root) appended to dir; its values built in a; returns the template name. */
const char *hc_page_values(const hc_shared *sh, const hc_job *j, hc_arena *a, hc_buf *dir, hc_tv **ctx);
/* Adds the share values (canonical, og.*, noindex; see meta.c) to a page's
 * values ctx, for the job whose folder is dir. */
/* sitemap.xml (every page: dirs[i] is the folder jobs[i] was written to,
 * NULL for none, e.g. the 404 page; see feeds.c), feed.xml, robots.txt,
 * schedule/schedule.ics. */
int hc_feeds_write(const hc_shared *sh, const hc_job *jobs, char *const *dirs, size_t njobs, const char *out_dir,
                   hc_diags *d, size_t *files);
/* feed.xml's bytes (the newest FEED_ENTRIES case studies), appended to b. */
void hc_feed_atom(const hc_shared *sh, hc_buf *b);
/* How many case studies feed.xml holds: the first (newest) of m->cases. */
#define HC_FEED_ENTRIES 20
void hc_meta_values(const hc_shared *sh, const hc_job *j, hc_arena *a, const char *dir, hc_tv *ctx);

#endif
