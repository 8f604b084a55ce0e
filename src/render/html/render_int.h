/* render_int.h — shared by the HTML renderer's files only. */
#ifndef HC_RENDER_INT_H
#define HC_RENDER_INT_H
#include "site.h"
#include "../../load/load.h"
#include "../../base/arena.h"
#include "../../base/buf.h"
#include "../../tmpl/mustache.h"
#include "../../tmpl/value.h"

/* Read-only after hc_shared_build: safe to share between worker threads. */

typedef struct {
    const hc_model *m;
    hc_diags *d;              /* thread-safe sink for problems found while rendering */
    hc_mustache_set *tmpl;
    hc_arena arena;           /* owns everything below */
    hc_tv *site;              /* site-wide values: title, menu, css/js paths, standards */
    const char *css_path, *js_path;   /* hashed static file names, site-relative */
    const char *css_text;     /* site.css itself (inlined by the 404 page); NULL if none */
    hc_tv **navs;             /* the menu with item k marked current, k < nnav; navs[nnav]: none marked */
    const char **nav_paths;   /* the site path of each menu item ("" for the home page) */
    size_t nnav;
    long long pdf_bytes[2];   /* print/album.pdf, print/album-press.pdf; -1: not known */
    const char *search_js_path;       /* the search page's script (js/search.js), NULL if none */
    struct hc_marker_pos *overview;   /* marker positions on map/overview.png, per project (maps on) */
    struct hc_marker_pos *overview_phone;   /* on map/overview-phone.png (1×), per project (maps on) */
    int overview_phone_w, overview_phone_h;
    hc_tv **status;           /* per status (and one more for "none"): shared, never changed */
    char build_date[11];
    int search;               /* the theme has a search template: search page, its entries, a nav link */
    const struct hc_images *images;   /* read-only; NULL: no images */
    struct hc_contract_dump *dump;    /* HUACE_CONTRACT_DUMP (contract.h); NULL: none */
} hc_shared;

/* hc_theme_dir (the theme folder) is the loader's: load/load.h. */
/* Loads the theme's and the site's templates (site overrides theme by name). */
int hc_templates_load(const hc_model *m, hc_mustache_set *set, hc_diags *d);
/* Copies theme static files (css/js get a content hash in their names) and
 * site assets into out_dir; sets sh->css_path / js_path. Counts files. */
int hc_static_copy(const hc_model *m, hc_shared *sh, const char *out_dir, hc_diags *d, size_t *files);
/* The theme's part of that alone (what sets sh's paths). */
int hc_static_theme_copy(const hc_model *m, hc_shared *sh, const char *out_dir, hc_diags *d, size_t *files);
/* Builds sh->site and sh->navs. */
void hc_shared_build(hc_shared *sh);
/* The menu for a page in folder dir (a site path, "" for the home page): the
 * item of the section it belongs to marked current (aria-current); taxonomy
 * pages belong to the projects. */
hc_tv *hc_shared_nav(const hc_shared *sh, const char *dir);
/* The summary values of a project / case study for cards and listings, built
 * in a (the page's arena: built per page, so memory does not grow with the
 * number of pages). */
hc_tv *hc_card_project(const hc_shared *sh, hc_arena *a, size_t project);
hc_tv *hc_card_case(const hc_shared *sh, hc_arena *a, size_t c);
/* The light version for pages that list every unit: {url, id, name, status}. */
hc_tv *hc_card_unit(const hc_shared *sh, hc_arena *a, size_t project);
/* The shared status values ({key, name, meaning, color, fg}); read-only. */
hc_tv *hc_shared_status(const hc_shared *sh, size_t status);
/* sitemap.xml, feed.xml, robots.txt, schedule.ics: hc_feeds_write in pages.h. */
/* search/: the search page's documents, index shards and texts (see search.c),
 * the texts made on jobs threads. */
int hc_search_write(const hc_shared *sh, const char *out_dir, int jobs, hc_diags *d, size_t *files);
/* The piece of search/t/ that holds document doc's text (doc: projects,
 * then case studies, then pages), as hc_search_write writes it: its site
 * path ("search/t/3.js") appended to path, its bytes to js. 0, or -1 with
 * errors in d. */
int hc_search_text_piece(const hc_model *m, size_t doc, hc_buf *path, hc_buf *js, hc_diags *d);

/* Images (photos.c): an image value for site path src (see photos.c for
 * its fields), NULL if the image stage has no such image; a body's HTML with
 * its images written through the theme's figure/picture partials (root: the
 * page's prefix back to the site root); a case study's thumbnail. */
hc_tv *hc_ctx_image(const hc_shared *sh, hc_arena *a, const char *src, const char *alt, const char *caption,
                    const char *sizes, int lazy);
hc_tv *hc_ctx_body(const hc_shared *sh, hc_arena *a, const hc_doc *doc, const char *root);
hc_tv *hc_ctx_case_thumb(const hc_shared *sh, hc_arena *a, const hc_doc *doc, const char *sizes);
/* the sizes attribute of each use, matching the default theme's layout */
#define HC_SIZES_CARD "(max-width: 767px) 100vw, (max-width: 1151px) 50vw, 344px"
#define HC_SIZES_GALLERY "(max-width: 767px) 50vw, (max-width: 1151px) 32vw, 344px"
#define HC_SIZES_LEAD "(min-width: 68rem) 66rem, 100vw"
#define HC_SIZES_BANNER "(max-width: 1088px) 100vw, 1056px"
#define HC_SIZES_FIGURE "(min-width: 44rem) 42rem, 100vw"
#define HC_SIZES_INLINE "10em"
#define HC_SIZES_LOGO "5rem"

/* Helpers for building values. */
hc_tv *hc_ctx_status(hc_arena *a, const hc_model *m, size_t status);
/* The href of site_path from the site root (percent-encoded, index.html added
 * to a folder), as a string in the arena a: it lives as long as a. */
const char *hc_ctx_path(hc_arena *a, const char *site_path);

const char *hc_ctx_date(hc_arena *a, int days);          /* "2026-05-12", "" if none */
const char *hc_ctx_date_zh(hc_arena *a, const hc_model *m, int days);    /* date_format.prose: "2026年5月12日" */
const char *hc_ctx_date_table(hc_arena *a, const hc_model *m, int days); /* date_format.table: "2026-05-12" */
/* A milestone as a map: date, title, done, late and state (from the model's
 * one word table); the caller adds its own date form. */
hc_tv *hc_ctx_milestone(hc_arena *a, const hc_model *m, const hc_milestone *ms);
hc_tv *hc_ctx_strs(hc_arena *a, char **v, size_t n);     /* list of strings (not copied) */
hc_tv *hc_ctx_link(hc_arena *a, const char *name, const char *site_path);  /* {name, url} */
const char *hc_ctx_term_path(hc_arena *a, const hc_model *m, hc_tax_kind k, size_t term);
hc_tv *hc_ctx_term_link(hc_arena *a, const hc_model *m, hc_tax_kind k, size_t term);
hc_tv *hc_ctx_tags(hc_arena *a, const hc_model *m, const size_t *terms, size_t n);  /* tag links */

#endif
