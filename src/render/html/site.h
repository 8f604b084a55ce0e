/* site.h — the HTML renderer: model → pages, listings, feeds, static files.
 *
 * hc_render_site writes the whole website into o->out_dir (an empty staging
 * folder). It only reads the model. Templates are parsed once, then pages
 * are rendered by o->jobs worker threads, each with its own arena and
 * buffers; the shared template values (site, cards) are built before the
 * threads start and only read by them. Problems (template syntax, unreadable
 * theme, write failures) are reported to d; returns 0, or -1 on error.
 */
#ifndef HC_RENDER_SITE_H
#define HC_RENDER_SITE_H
#include <stddef.h>
#include "../../base/buf.h"
#include "../../base/diag.h"
#include "../../model/model.h"

struct hc_images;
typedef struct {
    const char *out_dir;
    int jobs;
    int quiet;
    const struct hc_images *images;   /* the image stage's set (images.h); NULL: no images */
    long long pdf_bytes[2];   /* sizes of print/album.pdf and print/album-press.pdf (shown in the footer); -1: unknown */
} hc_render_opts;

typedef struct {
    size_t pages;     /* HTML pages written */
    size_t files;     /* every file written, pages included */
    double render_s;  /* time building values and rendering templates, summed over threads */
    double write_s;   /* time writing pages, summed over threads */
} hc_render_stats;

int hc_render_site(const hc_model *m, const hc_render_opts *o, hc_diags *d, hc_render_stats *st);
/* The page of case study c as hc_render_site writes it, then, with
 * listings, the pages that show it: the home page, the page of the case
 * list, of each of its projects and of each of its terms that holds it;
 * then the other files that hold it: feed.xml when it is among the feed's
 * entries, and the search text piece (search/t/<g>.js) that holds its text.
 * (The sitemap holds only its URL and date, which such an edit keeps.)
 * Each is handed to emit with its site path (e.g. "cases/a/index.html",
 * "index.html", "feed.xml") as soon as it is made, with the bytes
 * hc_render_site writes there; emit returns 0 to go on. The theme's static
 * files (whose hashed names the pages link) are written into o->out_dir, a
 * scratch folder; the site's assets are not. For serve's quick update of an
 * edited case (serve/fast.h). Returns 0, or -1 with errors in d (or emit's
 * refusal). */
typedef int (*hc_render_emit)(void *ctx, const char *path, const hc_buf *bytes);
int hc_render_case_pages(const hc_model *m, const hc_render_opts *o, size_t c, int listings, hc_render_emit emit,
                         void *ctx, hc_diags *d);
/* Every page that renders with template name (e.g. "case" after an edit of
 * layouts/case.mustache), each handed to emit as above, as hc_render_site
 * writes it, rendered on o->jobs threads (emit is called by one at a time);
 * *pages gets how many. Returns 0; 1 (nothing emitted) when the
 * pages using it are not a clean set: another template may include it (as a
 * partial or parent, or one named by the data), no page uses it, or the 404
 * page does; -1 with errors in d (a template that does not load, a page
 * that does not render), or emit's refusal. */
int hc_render_template_pages(const hc_model *m, const hc_render_opts *o, const char *name, hc_render_emit emit,
                             void *ctx, size_t *pages, hc_diags *d);

#endif
