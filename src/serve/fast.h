/* fast.h — serve's quick update: an edited case study's page, at once.
 *
 * serve keeps a model of the site (hc_build_model) between builds. When a
 * change is only case study files that the model has, each is read again
 * (hc_load_case) and, if what links it to the rest of the site is as before
 * (date, township, projects, tags, draft, album, its links and images) and
 * it reads without errors, it takes the old one's place in the model and its
 * page is rendered and put into the served folder in one rename; then so do
 * the pages that list it (the home page, its page of the case list, its
 * projects', its terms'), feed.xml when it is among the feed's entries and
 * the search text piece that holds it, each the bytes a full build writes
 * there. Pages that show photos take the image stage's renditions from its
 * cache beside the served folder (hc_images_lookup: nothing is decoded,
 * libvips is not started in serve's process). The full build that serve
 * runs next (in the background) brings the rest (the search index's shards,
 * maps, album) and ends in the same bytes as a full build.
 *
 * A change that is one page template (layouts/X.mustache, or the theme's
 * themes/<theme>/layouts/X.mustache; not a partial) that no other template
 * includes renders every page that uses it again (hc_render_template_pages,
 * on -j threads), from the same model: each is written into serve's scratch
 * folder first and all are renamed in once all rendered.
 *
 * Anything else (another file, a new, deleted or renamed case, a date or a
 * project changed, an error, an image the cache does not hold as its file
 * is now) is no quick update: hc_fast_apply returns 0 and
 * the caller drops the model and builds everything.
 */
#ifndef HC_SERVE_FAST_H
#define HC_SERVE_FAST_H
#include "cli.h"
#include <stddef.h>

typedef struct hc_fast hc_fast;

/* Loads the site as a build with bo would (bo->out is the served folder,
 * scratch a folder of serve's own for the theme's files). NULL when the
 * site does not load without errors: no quick updates then. Copies what it
 * keeps. */
hc_fast *hc_fast_open(const hc_opts *bo, const char *scratch);
/* Brings the pages of the changed files (relative to SRC) up to date in the
 * served folder, as said above. Returns 1 when every file was a case study
 * whose page is now written, else 0 (some may have been written: harmless,
 * the full build follows) and the model is no longer to be used. */
int hc_fast_apply(hc_fast *f, const char *const *files, size_t n);
/* The folders of the pages the last hc_fast_apply wrote, in order, for a
 * message: e.g. "cases/a/ / cases/ projects/b-1/" ("/": the home page).
 * Owned by f. */
const char *hc_fast_written(const hc_fast *f);
/* 1 when hc_fast_written is a list as above; 0 when it says in words what
 * was written ("10000 pages (all that use case.mustache)"). */
int hc_fast_listed(const hc_fast *f);
/* Frees f (NULL is fine). */
void hc_fast_close(hc_fast *f);

#endif
