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

/* One word per idea (seeds `words:`, defaults in model/edition.c): the
 * state of a milestone or supervision item and the words around deadlines,
 * the same on every page, map and album. */
typedef enum {
    HC_WORD_DONE, HC_WORD_OPEN, HC_WORD_LATE, HC_WORD_DUE_TODAY, HC_WORD_DEADLINE, HC_WORD_COUNT
} hc_word;

typedef struct {
    hc_domain *domains;   size_t ndomains;
    hc_level *levels;     size_t nlevels;
    hc_grade *grades;     size_t ngrades;
    hc_status *statuses;  size_t nstatuses;
    hc_std_item *items;   size_t nitems;
    long baseline_total, baseline_threshold;
    char *words[HC_WORD_COUNT];   /* never NULL after loading (hc_model_edition fills defaults) */
} hc_standards;

/* ---- site.yaml ---- */
typedef struct { char *name, *slug; } hc_township_decl;

typedef struct {
    char *title, *district, *description, *author, *base_url, *language, *theme;
    long page_size;
    int unsafe_html;
    int strict;          /* unknown keys are errors (default); `strict: false` makes them warnings */
    int base_url_line, base_url_col;   /* where site.yaml writes base_url (0: not written) */
    hc_township_decl *townships; size_t ntownships;
    /* maps: {enabled, width, height} */
    int maps_enabled; long map_width, map_height;
    /* print: {enabled, trim: {width, height}, bleed, pdfx} (millimetres) */
    int print_enabled, pdfx; double trim_w, trim_h, bleed;
    char *pdfx_icc, *pdfx_condition;   /* print.icc (site-relative path), print.condition */
    /* print.binding (perfect: 0, saddle: 1), print.paper_caliper (mm per leaf; 0: not given) */
    int binding_saddle; double paper_caliper;
    /* print.colophon: {publisher 编印单位, printer 印刷单位, copies 印数, permit 准印证号}; NULL/0: not given */
    char *colophon_publisher, *colophon_printer, *colophon_permit; long colophon_copies;
    long album_cases;   /* print.album_cases: the newest N case studies when none is marked album: true */
    int unit_albums;    /* print.unit_albums: print/<id>.pdf for every unit (default 1) */
    int signs;          /* print.signs: print/signs/<id>/<node>.pdf for every node (default 1) */
    double sign_w, sign_h;   /* print.sign_size in mm, portrait (default A3: 297 × 420) */
    /* images of the site as a whole (src NULL when not given): banner: and
     * logo: (a path under assets/, or {src, alt, caption}), print.cover_photo */
    struct hc_photo *banner, *logo, *cover_photo;
    /* beian: {icp, police, site_code} — the footer's 备案 facts; police_code
     * is the digits of the 公安 number (its record link); NULL: not given */
    char *beian_icp, *beian_police, *beian_police_code, *beian_site_code;
    /* contact: {address, phone, email}; NULL: not given */
    char *contact_address, *contact_phone, *contact_email;
    int coords;               /* coords: HC_COORDS_* of the nodes (site default; a project may override) */
    /* public: {supervision, grades, overdue} — what the public edition shows
     * (1) or leaves out (0, the default); the internal edition shows all */
    int public_supervision, public_grades, public_overdue;
    /* date_format: {prose, table} — an hc_date_style each (default zh, iso) */
    int date_prose, date_table;
} hc_config;

/* coords: the system node coordinates are written in. WGS-84 and CGCS2000
 * agree to a few centimetres and are used as they are; GCJ-02 (高德, 腾讯)
 * is converted to WGS-84 when the project is loaded (base/gcj02.h). */
enum { HC_COORDS_WGS84, HC_COORDS_CGCS2000, HC_COORDS_GCJ02 };

/* How a date is written: 2026年9月30日, 2026-09-30, 2026.09.30. */
typedef enum { HC_DATE_ZH, HC_DATE_ISO, HC_DATE_DOTS } hc_date_style;

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

/* ---- map layers (site.yaml map_layers:, files under content/geo/) ---- */
enum { HC_GEOM_POINT, HC_GEOM_LINE, HC_GEOM_POLYGON };
typedef struct { double *lon, *lat; size_t n; } hc_geo_ring;    /* WGS-84 degrees */
typedef struct {
    int kind;                 /* HC_GEOM_*: a polygon's parts are rings filled even-odd
                               * (outer rings and holes), a line's parts are lines,
                               * a point's parts one vertex each */
    hc_geo_ring *parts; size_t nparts;
    char *name;               /* value of the layer's label attribute, NULL if none */
    double bbox[4];           /* lon_min, lat_min, lon_max, lat_max */
} hc_geo_feature;
typedef struct {
    char *file;               /* relative to content/, e.g. geo/river.geojson */
    char *role;               /* boundary, water, road, place, or a custom word */
    int fill, stroke;         /* 0xrrggbb, -1: none */
    double width;             /* stroke width in px at 1× (point radius for points) */
    double dash[8]; size_t ndash;   /* on/off lengths in px at 1×, 0: solid */
    char *label;              /* attribute holding the feature's name */
    int listed;               /* 1: from map_layers:, 0: found under content/geo/ */
    hc_geo_feature *features; size_t nfeatures;
    double bbox[4];
    unsigned long long digest;   /* hash of the file's bytes (with its sidecars) and the style */
    hc_loc loc;               /* the map_layers: entry, or the file */
    char *loc_path;           /* owned path behind loc when it is the file */
} hc_geo_layer;

typedef struct {
    char *root;               /* site folder as given */
    hc_config config;
    hc_standards std;
    hc_project *projects; size_t nprojects;   /* sorted by id after linking */
    size_t broken_projects;   /* project files that failed to load (no usable id) */
    hc_doc *cases; size_t ncases;             /* newest first after linking (date desc, slug) */
    hc_doc *pages; size_t npages;             /* by weight then slug */
    hc_taxonomy tax[HC_TAX_COUNT];
    hc_geo_area *areas; size_t nareas;        /* township outlines: YAML outlines and the named
                                               * polygons of boundary layers (largest ring) */
    hc_geo_layer *layers; size_t nlayers;     /* drawn in this order under routes and markers */
    int today;                /* the build date */
    int internal;             /* the internal edition (hc_model_edition) */
    int show_overdue;         /* overdue marks are shown (internal, or public.overdue) */
} hc_model;

hc_model *hc_model_new(const char *root);
/* Frees what a layer owns and zeroes it. */
void hc_geo_layer_clear(hc_geo_layer *l);
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

/* ---- editions (model/edition.c) ---- */

/* Makes the model the given edition, once, after linking and checking:
 * the internal edition keeps everything; the public one loses what site.yaml
 * `public:` does not show: every supervision item (supervision: false), the
 * grades, assessed dates, the grade taxonomy and seeds' grades (grades:
 * false), and the overdue marks (overdue: false, see hc_model_late). Also
 * fills the word table's defaults. Renderers then show what is left. */
void hc_model_edition(hc_model *m, int internal);
/* 1 if something due on deadline and not done is to be marked late (past
 * the build date, and the edition shows overdue marks). */
int hc_model_late(const hc_model *m, int deadline, int done);
/* The word for the state of a milestone or supervision item: done, late
 * (only where hc_model_late), else open. Owned by the model. */
const char *hc_model_state(const hc_model *m, int deadline, int done);
/* Writes days as date_format says for prose (table 0) or tables (table 1)
 * into buf (at least HC_DATE_MAX bytes); "" for HC_NO_DATE. Returns buf. */
#define HC_DATE_MAX 24
/* 1 if this edition has supervision items at all (the supervision page and
 * its menu link): internal, or public.supervision. */
int hc_model_has_supervision(const hc_model *m);
char *hc_model_date(const hc_model *m, int days, int table, char *buf);

#endif
