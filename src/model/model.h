/* model.h — the site model: everything the renderers need, loaded and checked.
 *
 * Built once by the loaders (src/load/), completed by hc_model_link (ids
 * resolved, cross references and taxonomies computed, everything sorted), and
 * from then on read-only: renderers (HTML, maps, PDF, search) only read it,
 * which is what lets pages render on several threads at once.
 *
 * The model owns every string and array in it; hc_model_free releases all.
 * Indices (size_t) refer into the model's arrays; HC_NONE means "none".
 * Dates are days since 1970-01-01 (see base/date.h), HC_NO_DATE when absent.
 */
#ifndef HC_MODEL_H
#define HC_MODEL_H
#include <stddef.h>
#include "../base/date.h"

#define HC_NONE ((size_t)-1)

/* ---- standards (seeds/standards.yaml) ---- */
typedef struct { char *key, *name, *full, *prefix; long planned; } hc_domain;
typedef struct { char *key, *name; } hc_level;
typedef struct { char *name, *slug; } hc_grade;
typedef struct { char *key, *name, *meaning, *color; } hc_status;
typedef struct { char *key, *name; } hc_std_item;     /* one of the 十个一 */

typedef struct {
    hc_domain *domains;   size_t ndomains;
    hc_level *levels;     size_t nlevels;
    hc_grade *grades;     size_t ngrades;
    hc_status *statuses;  size_t nstatuses;
    hc_std_item *items;   size_t nitems;
    long baseline_total, baseline_threshold;
} hc_standards;

/* ---- site.yaml ---- */
typedef struct { char *name, *slug; } hc_township_decl;

typedef struct {
    char *title, *district, *description, *author, *base_url, *language, *theme;
    long page_size;
    int unsafe_html;
    hc_township_decl *townships; size_t ntownships;
    /* maps: {enabled, width, height} */
    int maps_enabled; long map_width, map_height;
    /* print: {enabled, trim: {width, height}, bleed, pdfx} (millimetres) */
    int print_enabled, pdfx; double trim_w, trim_h, bleed;
    char *pdfx_icc, *pdfx_condition;   /* print.icc (site-relative path), print.condition */
    long album_cases;   /* print.album_cases: the newest N case studies when none is marked album: true */
    int unit_albums;    /* print.unit_albums: print/<id>.pdf for every unit (default 1) */
    /* images of the site as a whole (src NULL when not given): banner: and
     * logo: (a path under assets/, or {src, alt, caption}), print.cover_photo */
    struct hc_photo *banner, *logo, *cover_photo;
    /* beian: {icp, police, site_code} — the footer's 备案 facts; police_code
     * is the digits of the 公安 number (its record link); NULL: not given */
    char *beian_icp, *beian_police, *beian_police_code, *beian_site_code;
    /* contact: {address, phone, email}; NULL: not given */
    char *contact_address, *contact_phone, *contact_email;
} hc_config;

/* A source location, for diagnostics raised after loading. */
typedef struct { const char *path; int line, col; } hc_loc;

/* ---- projects (content/projects/<id>.yaml) ---- */
typedef struct { int date; char *title; int done; hc_loc loc; } hc_milestone;
typedef struct {
    char *id, *name, *kind;
    double lon, lat;
    size_t status;            /* index into standards.statuses, HC_NONE if unset */
    hc_loc loc;
} hc_node;
typedef struct { char *matter, *owner; int deadline; int done; hc_loc loc; } hc_supervision;
typedef struct hc_photo { char *src, *alt, *caption; hc_loc loc; } hc_photo;

typedef struct {
    char *path;               /* relative to the site folder, e.g. content/projects/qj-b-01.yaml */
    hc_loc loc;               /* where the file's top-level map starts */
    char *id, *name, *brand, *summary;
    char *short_name;         /* `short_name:`, else derived from name (never NULL after loading) */
    hc_loc id_loc;
    size_t domain, level, status, grade;   /* indices into standards, HC_NONE if unset */
    hc_loc grade_loc, level_loc, status_loc;
    int assessed;
    char *lead_name, *lead_title;
    double funding; int has_funding;
    char **townships; size_t ntownships; size_t *township_idx;   /* into config.townships */
    hc_milestone *milestones; size_t nmilestones;
    hc_node *nodes; size_t nnodes;
    size_t *route; size_t nroute;          /* indices into nodes */
    hc_loc route_loc;
    signed char *standard;    /* per standards.items: 1 yes, 0 no, -1 not recorded */
    hc_loc standard_loc;
    long baseline_passed, baseline_total; int has_baseline;
    int applying;
    hc_supervision *supervision; size_t nsupervision;
    long obs_number; int obs_date; char *obs_place; int has_observation;
    hc_loc obs_loc;
    hc_photo *photos; size_t nphotos;
    char **tags; size_t ntags;
    /* computed by hc_model_link */
    size_t *tag_terms;        /* per tag: index into tax[HC_TAX_TAG].terms */
    size_t *cases; size_t ncases;          /* indices into model.cases, newest first */
} hc_project;

/* ---- Markdown documents (cases and pages) ---- */
/* A link or image in a Markdown body, where it was written (file line/col). */
typedef struct { char *url; int line, col; int image; int has_alt; } hc_ref;

typedef struct {
    char *path;               /* relative to the site folder */
    char *slug;               /* file name without .md */
    char *title, *summary;    /* summary: from front matter or derived from the body */
    int date;
    char *township; size_t township_idx;
    char **project_ids; size_t nprojects; hc_loc projects_loc;   /* ids freed after checks */
    size_t *projects;         /* per project_ids: index into model.projects, HC_NONE if unknown */
    char **tags; size_t ntags;    /* tags freed after checks (case studies): see tag_terms */
    size_t *tag_terms;        /* per tag: index into tax[HC_TAX_TAG].terms (linking) */
    int draft;
    int album;                /* case study: `album: true`, chosen for the district album */
    long weight; int menu;
    char *html;               /* rendered body, only if loaded with keep_html (see hc_doc_body_html) */
    unsigned long long src_hash;   /* hash of the file as loaded (0 for drafts left out) */
    long long src_size, src_mtime; /* its size and modification time (ns) when read */
    size_t words;             /* CJK-aware word count of the body text */
    hc_ref *refs; size_t nrefs;   /* links and images in the body */
} hc_doc;

/* ---- taxonomies (computed) ---- */
typedef struct {
    char *key;                /* term as written (tag text, township name, domain key…) */
    char *name;               /* display name */
    char *slug;               /* URL folder name (may be UTF-8; hrefs percent-encode it) */
    size_t *projects; size_t nprojects;
    size_t *cases; size_t ncases;
} hc_term;

typedef enum {
    HC_TAX_DOMAIN, HC_TAX_TOWNSHIP, HC_TAX_LEVEL, HC_TAX_GRADE, HC_TAX_STATUS, HC_TAX_TAG, HC_TAX_COUNT
} hc_tax_kind;

typedef struct {
    const char *kind_slug;    /* "domains", "townships", … */
    const char *title;        /* 领域, 乡镇, … */
    hc_term *terms; size_t nterms;
} hc_taxonomy;

/* ---- map base layer (content/geo/<name>.yaml) ---- */
typedef struct {
    char *name;               /* township name */
    double *lon, *lat;        /* outline polygon, npoints vertices */
    size_t npoints;
    char *path;               /* file it came from (owned), for hc_loc */
    hc_loc loc;
} hc_geo_area;

typedef struct {
    char *root;               /* site folder as given */
    hc_config config;
    hc_standards std;
    hc_project *projects; size_t nprojects;   /* sorted by id after linking */
    size_t broken_projects;   /* project files that failed to load (no usable id) */
    hc_doc *cases; size_t ncases;             /* newest first after linking (date desc, slug) */
    hc_doc *pages; size_t npages;             /* by weight then slug */
    hc_taxonomy tax[HC_TAX_COUNT];
    hc_geo_area *areas; size_t nareas;        /* optional map base layer */
    int today;                /* the build date */
} hc_model;

hc_model *hc_model_new(const char *root);
void hc_model_free(hc_model *m);
/* Frees what a document owns and zeroes it. */
void hc_doc_clear(hc_doc *doc);

/* Completes the loaded model: sorts projects by id (duplicate ids are errors
 * naming both files), resolves case → project references (unknown ids are
 * errors), orders cases newest first and pages by weight, and computes the
 * taxonomies. Returns 0, or -1 if it reported errors. */
struct hc_diags;
int hc_model_link(hc_model *m, struct hc_diags *d);

/* Frees what only linking and the checks need (the links of every body, the
 * project ids and tag texts of case studies), so that rendering a large site
 * reuses that memory. After this, refs holds a body's images only (the
 * image stage and the renderers need them) and a case study's tags are
 * reached through tag_terms. */
void hc_model_drop_check_data(hc_model *m);

/* Index of the project with this id, or HC_NONE. Valid after hc_model_link. */
size_t hc_model_find_project(const hc_model *m, const char *id);
/* Index of the standards entry with this key (domain/level/status) or grade name, or HC_NONE. */
size_t hc_std_domain(const hc_standards *s, const char *key);
size_t hc_std_level(const hc_standards *s, const char *key);
size_t hc_std_status(const hc_standards *s, const char *key);
size_t hc_std_grade(const hc_standards *s, const char *name);

#endif
