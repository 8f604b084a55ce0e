/* projects.c — content/projects/<file>.yaml → hc_project. */
#include "load_int.h"
#include "layers.h"
#include "../base/gcj02.h"
#include "../model/permalink.h"
#include "../base/alloc.h"
#include "../base/fs.h"
#include "../base/hash.h"
#include "../base/utf8.h"
#include <stdlib.h>
#include <string.h>

static const char *const project_keys[] = {
    "id", "name", "domain", "level", "townships", "brand", "lead", "status", "grade", "assessed",
    "funding", "milestones", "nodes", "route", "standard", "baseline", "applying", "supervision",
    "observation", "photos", "tags", "summary", "short_name",
    "coords", NULL
};
static const char *const project_required[] = { "id", "name", "domain", NULL };

#define SHORT_NAME_MAX 8      /* characters: fits a board cell and a phone map label */

/* A short name from the full one when the file gives none: the text inside
 * “…” if there is any (“莲香党建”乡村振兴示范带 → 莲香党建), else the name
 * without its kind suffix (东区大花园党建示范带 → 东区大花园), cut to
 * SHORT_NAME_MAX characters with "…". */
static char *derive_short_name(const char *name)
{
    static const char *const suffixes[] = { "文明城市党建示范区", "两新组织党建示范圈", "党建示范带", "党建示范圈",
                                            "党建示范点", "党建示范区", "攻坚示范岗", "示范带", "示范圈",
                                            "示范点", "示范岗", "示范区", NULL };
    const char *open = strstr(name, "\u201c"), *close = open ? strstr(open + 3, "\u201d") : NULL;
    const char *s = name;
    size_t len = strlen(name);
    if (open && close && close > open + 3) {
        s = open + 3;
        len = (size_t)(close - s);
    } else {
        for (size_t i = 0; suffixes[i]; i++) {
            size_t sl = strlen(suffixes[i]);
            if (len > sl && !memcmp(name + len - sl, suffixes[i], sl)) {
                len -= sl;
                break;
            }
        }
    }
    hc_buf b = HC_BUF_INIT;
    if (hc_utf8_chars(s, len) > SHORT_NAME_MAX) hc_utf8_summary(&b, s, len, SHORT_NAME_MAX - 1);
    else hc_buf_put(&b, s, len);
    return hc_buf_detach(&b, NULL);
}

/* `short_name:` (optional): 1 to SHORT_NAME_MAX characters, no line breaks. */
static void read_short_name(const hc_yreader *r, const hc_yval *v, hc_project *p)
{
    if (!v || hc_yr_str(r, v, "short_name", &p->short_name) != 0) return;
    size_t n = hc_utf8_chars(p->short_name, strlen(p->short_name));
    if (n == 0 || n > SHORT_NAME_MAX || strpbrk(p->short_name, "\r\n")) {
        hc_error(r->d, "short-name", r->path, v->line, v->col,
                 "short_name '%s' must be 1 to %d characters on one line (it labels board cells and phone maps)",
                 p->short_name, SHORT_NAME_MAX);
        free(p->short_name);
        p->short_name = NULL;
    }
}

/* Resolves the key at v against a standards list; reports unknown keys with
 * the expected ones. Returns the index or HC_NONE. */
static size_t read_key(const hc_yreader *r, const hc_yval *v, const char *what, const hc_standards *s,
                       size_t (*find)(const hc_standards *, const char *),
                       const char *(*name_at)(const hc_standards *, size_t), size_t count)
{
    char *k = NULL;
    size_t idx = HC_NONE;
    if (hc_yr_str(r, v, what, &k) != 0) return HC_NONE;
    idx = find(s, k);
    if (idx == HC_NONE) {
        hc_buf exp = HC_BUF_INIT;
        for (size_t i = 0; i < count; i++) hc_buf_printf(&exp, "%s%s", i ? ", " : "", name_at(s, i));
        hc_error(r->d, what, r->path, v->line, v->col, "unknown %s '%s' (expected %s)", what, k, hc_buf_cstr(&exp));
        hc_buf_free(&exp);
    }
    free(k);
    return idx;
}

static const char *domain_at(const hc_standards *s, size_t i) { return s->domains[i].key; }
static const char *level_at(const hc_standards *s, size_t i) { return s->levels[i].key; }
static const char *status_at(const hc_standards *s, size_t i) { return s->statuses[i].key; }
static const char *grade_at(const hc_standards *s, size_t i) { return s->grades[i].name; }

static void read_status(const hc_yreader *r, const hc_yval *v, const hc_standards *s, size_t *out)
{
    *out = read_key(r, v, "status", s, hc_std_status, status_at, s->nstatuses);
}

static void read_milestones(const hc_yreader *r, const hc_yval *v, hc_project *p)
{
    if (!v || hc_yr_expect(r, v, HC_Y_SEQ, "milestones") != 0) return;
    static const char *const keys[] = { "date", "title", "done", NULL };
    p->milestones = hc_xcalloc(v->n ? v->n : 1, sizeof *p->milestones);
    for (size_t i = 0; i < v->n; i++) {
        const hc_yval *it = v->items[i];
        if (hc_yr_expect(r, it, HC_Y_MAP, "milestones[]") != 0) continue;
        static const char *const required[] = { "title", "date", NULL };
        hc_yr_keys(r, it, keys, required, "a milestone");
        hc_milestone *ms = &p->milestones[p->nmilestones];
        ms->date = HC_NO_DATE;
        ms->loc = hc_loc_of(p->path, it);
        if (hc_yr_str(r, hc_ymap_get(it, "title"), "milestones[].title", &ms->title) == 1)
            hc_yr_missing(r, it, "title", keys, it->line, it->col, "a milestone needs a 'title'");
        if (hc_yr_date(r, hc_ymap_get(it, "date"), "milestones[].date", &ms->date) == 1)
            hc_yr_missing(r, it, "date", keys, it->line, it->col, "a milestone needs a 'date'");
        hc_yr_bool(r, hc_ymap_get(it, "done"), "milestones[].done", &ms->done);
        if (!ms->title) ms->title = hc_xstrdup("");
        p->nmilestones++;
    }
}

/* A node whose id an earlier node of the project already has: first is that
 * node's index, at the place where the copy writes its id. */
typedef struct { size_t first; int line, col; } dup_at;

static void dup_item(dup_at **v, size_t *n, size_t first, const hc_yval *at)
{
    *v = hc_xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = (dup_at){ first, at->line, at->col };
}

/* At most this many duplicate-node errors per project file: a pasted block
 * of 1,000 copies gives a screenful, not 1,000 findings. */
#define MAX_DUP_REPORTS 10

/* Each duplicated id once, at its first copy, against its first node and
 * with the number of copies; past MAX_DUP_REPORTS ids, one closing error
 * counting the rest. */
static void report_dup_nodes(const hc_yreader *r, const hc_project *p, const dup_at *dups, size_t ndups,
                             size_t *dup_count, size_t ndistinct)
{
    size_t reported = 0;
    for (size_t i = 0; i < ndups; i++) {
        const dup_at *x = &dups[i];
        size_t copies = dup_count[x->first];
        if (!copies) continue;               /* this id was reported at an earlier copy */
        dup_count[x->first] = 0;
        if (reported == MAX_DUP_REPORTS) {
            hc_error(r->d, "duplicate-node", r->path, x->line, x->col,
                     "… and %zu more node ids used more than once in this project (fix the ones above and check again)",
                     ndistinct - reported);
            return;
        }
        const hc_node *f = &p->nodes[x->first];
        if (copies == 1)
            hc_error(r->d, "duplicate-node", r->path, x->line, x->col,
                     "node id '%s' is used twice in this project (first at line %d)", f->id, f->loc.line);
        else
            hc_error(r->d, "duplicate-node", r->path, x->line, x->col,
                     "node id '%s' is used %zu times in this project (first at line %d; this is the second)",
                     f->id, copies + 1, f->loc.line);
        reported++;
    }
}

static void read_nodes(const hc_yreader *r, const hc_yval *v, hc_project *p, const hc_standards *s)
{
    if (!v || hc_yr_expect(r, v, HC_Y_SEQ, "nodes") != 0) return;
    static const char *const keys[] = { "id", "name", "kind", "lon", "lat", "status", NULL };
    p->nodes = hc_xcalloc(v->n ? v->n : 1, sizeof *p->nodes);
    hc_strmap ids;                                        /* node id → index of its first node */
    hc_strmap_init(&ids, v->n);
    size_t *dup_count = hc_xcalloc(v->n ? v->n : 1, sizeof *dup_count);   /* per first node: copies after it */
    dup_at *dups = NULL;
    size_t ndups = 0, ndistinct = 0;
    for (size_t i = 0; i < v->n; i++) {
        const hc_yval *it = v->items[i];
        if (hc_yr_expect(r, it, HC_Y_MAP, "nodes[]") != 0) continue;
        hc_yr_known_keys(r, it, keys, "a node");
        hc_node *nd = &p->nodes[p->nnodes];
        nd->loc = hc_loc_of(p->path, it);
        nd->status = HC_NONE;
        const hc_yval *idv = hc_ymap_get(it, "id");
        if (hc_yr_str(r, idv, "nodes[].id", &nd->id) == 1 ||
            hc_yr_str(r, hc_ymap_get(it, "name"), "nodes[].name", &nd->name) == 1)
            hc_error(r->d, "required", r->path, it->line, it->col, "a node needs 'id' and 'name'");
        hc_yr_str(r, hc_ymap_get(it, "kind"), "nodes[].kind", &nd->kind);
        const hc_yval *lon = hc_ymap_get(it, "lon"), *lat = hc_ymap_get(it, "lat");
        int has_lon = hc_yr_num(r, lon, "nodes[].lon", &nd->lon);
        int has_lat = hc_yr_num(r, lat, "nodes[].lat", &nd->lat);
        if (has_lon == 1 || has_lat == 1)
            hc_error(r->d, "required", r->path, it->line, it->col, "a node needs 'lon' and 'lat'");
        if (has_lon == 0 && (nd->lon < -180 || nd->lon > 180))
            hc_error(r->d, "coordinates", r->path, lon->line, lon->col, "longitude %g is outside -180..180", nd->lon);
        if (has_lat == 0 && (nd->lat < -90 || nd->lat > 90))
            hc_error(r->d, "coordinates", r->path, lat->line, lat->col, "latitude %g is outside -90..90", nd->lat);
        const hc_yval *st = hc_ymap_get(it, "status");
        if (st) read_status(r, st, s, &nd->status);
        if (nd->id) {
            size_t first = hc_strmap_add(&ids, nd->id, strlen(nd->id), p->nnodes);
            if (first != HC_STRMAP_NONE) {
                dup_item(&dups, &ndups, first, idv);
                if (!dup_count[first]++) ndistinct++;
            }
        }
        if (!nd->id) nd->id = hc_xstrdup("");
        if (!nd->name) nd->name = hc_xstrdup("");
        p->nnodes++;
    }
    report_dup_nodes(r, p, dups, ndups, dup_count, ndistinct);
    free(dups);
    free(dup_count);
    hc_strmap_free(&ids);
}

/* coords: (else the site's): GCJ-02 nodes are converted to WGS-84 here, so
 * everything after loading is in WGS-84 (CGCS2000 agrees with it to cm). */
static void node_coords(const hc_yreader *r, const hc_yval *v, hc_project *p, int site)
{
    int coords = site;
    hc_load_coords(r, v, &coords);
    if (coords != HC_COORDS_GCJ02) return;
    for (size_t i = 0; i < p->nnodes; i++)
        if (p->nodes[i].lon >= -180 && p->nodes[i].lon <= 180 && p->nodes[i].lat >= -90 && p->nodes[i].lat <= 90)
            hc_gcj_to_wgs(p->nodes[i].lon, p->nodes[i].lat, &p->nodes[i].lon, &p->nodes[i].lat);
}

static void read_route(const hc_yreader *r, const hc_yval *v, hc_project *p)
{
    if (!v || hc_yr_expect(r, v, HC_Y_SEQ, "route") != 0) return;
    p->route_loc = hc_loc_of(p->path, v);
    p->route = hc_xcalloc(v->n ? v->n : 1, sizeof *p->route);
    hc_strmap ids;                          /* node id → index of its first node */
    hc_strmap_init(&ids, p->nnodes);
    for (size_t k = 0; k < p->nnodes; k++) hc_strmap_add(&ids, p->nodes[k].id, strlen(p->nodes[k].id), k);
    for (size_t i = 0; i < v->n; i++) {
        const hc_yval *it = v->items[i];
        if (it->kind != HC_Y_SCALAR) {
            hc_error(r->d, "type", r->path, it->line, it->col, "route entries must be node ids");
            continue;
        }
        size_t k = hc_strmap_get(&ids, it->str, strlen(it->str));
        if (k == HC_STRMAP_NONE) {
            hc_error(r->d, "route-node", r->path, it->line, it->col, "route names node '%s', which is not in 'nodes'",
                     it->str);
            continue;
        }
        p->route[p->nroute++] = k;
    }
    hc_strmap_free(&ids);
}

static void read_standard(const hc_yreader *r, const hc_yval *v, hc_project *p, const hc_standards *s)
{
    p->standard = hc_xmalloc(s->nitems ? s->nitems : 1);
    memset(p->standard, -1, s->nitems ? s->nitems : 1);
    if (!v || hc_yr_expect(r, v, HC_Y_MAP, "standard") != 0) return;
    p->standard_loc = hc_loc_of(p->path, v);
    for (size_t i = 0; i < v->n; i++) {
        const hc_yval *k = v->keys[i];
        size_t j;
        for (j = 0; j < s->nitems; j++)
            if (!strcmp(s->items[j].key, k->str)) break;
        if (j == s->nitems) {   /* an unknown key like any other (hc_yr_keys) */
            const char **keys = hc_xcalloc(s->nitems + 1, sizeof *keys);
            hc_buf exp = HC_BUF_INIT;
            for (size_t x = 0; x < s->nitems; x++) {
                keys[x] = s->items[x].key;
                hc_buf_printf(&exp, "%s%s", x ? ", " : "", s->items[x].key);
            }
            const char *hint = hc_key_suggest(k->str, keys);
            if (hint)
                hc_error(r->d, "unknown-key", r->path, k->line, k->col,
                         "'%s' is not an item of the standard: did you mean '%s'?", k->str, hint);
            else
                hc_error(r->d, "unknown-key", r->path, k->line, k->col,
                         "'%s' is not an item of the standard (expected %s)", k->str, hc_buf_cstr(&exp));
            hc_buf_free(&exp);
            free(keys);
            continue;
        }
        int b;
        if (hc_yr_bool(r, v->items[i], k->str, &b) == 0) p->standard[j] = (signed char)b;
    }
}

static void read_supervision(const hc_yreader *r, const hc_yval *v, hc_project *p)
{
    if (!v || hc_yr_expect(r, v, HC_Y_SEQ, "supervision") != 0) return;
    static const char *const keys[] = { "matter", "owner", "deadline", "done", NULL };
    p->supervision = hc_xcalloc(v->n ? v->n : 1, sizeof *p->supervision);
    for (size_t i = 0; i < v->n; i++) {
        const hc_yval *it = v->items[i];
        if (hc_yr_expect(r, it, HC_Y_MAP, "supervision[]") != 0) continue;
        static const char *const required[] = { "matter", NULL };
        hc_yr_keys(r, it, keys, required, "a supervision item");
        hc_supervision *sv = &p->supervision[p->nsupervision];
        sv->loc = hc_loc_of(p->path, it);
        sv->deadline = HC_NO_DATE;
        if (hc_yr_str(r, hc_ymap_get(it, "matter"), "supervision[].matter", &sv->matter) == 1)
            hc_yr_missing(r, it, "matter", keys, it->line, it->col, "a supervision item needs a 'matter'");
        hc_yr_str(r, hc_ymap_get(it, "owner"), "supervision[].owner", &sv->owner);
        hc_yr_date(r, hc_ymap_get(it, "deadline"), "supervision[].deadline", &sv->deadline);
        hc_yr_bool(r, hc_ymap_get(it, "done"), "supervision[].done", &sv->done);
        if (!sv->matter) sv->matter = hc_xstrdup("");
        if (!sv->owner) sv->owner = hc_xstrdup("");
        p->nsupervision++;
    }
}

static void read_photos(const hc_yreader *r, const hc_yval *v, hc_project *p)
{
    if (!v || hc_yr_expect(r, v, HC_Y_SEQ, "photos") != 0) return;
    static const char *const keys[] = { "src", "alt", "caption", NULL };
    p->photos = hc_xcalloc(v->n ? v->n : 1, sizeof *p->photos);
    for (size_t i = 0; i < v->n; i++) {
        const hc_yval *it = v->items[i];
        if (hc_yr_expect(r, it, HC_Y_MAP, "photos[]") != 0) continue;
        static const char *const required[] = { "src", NULL };
        hc_yr_keys(r, it, keys, required, "a photo");
        hc_photo *ph = &p->photos[p->nphotos];
        ph->loc = hc_loc_of(p->path, it);
        if (hc_yr_str(r, hc_ymap_get(it, "src"), "photos[].src", &ph->src) == 1) {
            hc_yr_missing(r, it, "src", keys, it->line, it->col, "a photo needs 'src'");
            continue;
        }
        hc_yr_str(r, hc_ymap_get(it, "alt"), "photos[].alt", &ph->alt);
        hc_yr_str(r, hc_ymap_get(it, "caption"), "photos[].caption", &ph->caption);
        if (ph->src && (ph->src[0] == '/' || strstr(ph->src, "..") || strncmp(ph->src, "assets/", 7) != 0)) {
            const hc_yval *sv = hc_ymap_get(it, "src");
            hc_error(r->d, "path", r->path, sv->line, sv->col,
                     "photo '%s' must be a path under assets/ without '..'", ph->src);
        }
        p->nphotos++;
    }
}

/* id, name, domain, level, status and grade, each with where it is (the
 * file's top when it is missing). */
static void read_identity(const hc_yreader *r, const hc_yval *root, hc_project *p, const hc_standards *s)
{
    const hc_yval *idv = hc_ymap_get(root, "id");
    p->id_loc = hc_loc_of(p->path, idv ? idv : root);
    if (hc_yr_str(r, idv, "id", &p->id) == 1)
        hc_yr_missing(r, root, "id", project_keys, root->line, root->col,
                      "a project needs an 'id' (its 挂号 number, e.g. QJ-B-01)");
    else if (p->id)
        hc_load_name(r, idv, "project id", p->id, HC_NAME_ASCII);
    if (hc_yr_str(r, hc_ymap_get(root, "name"), "name", &p->name) == 1)
        hc_yr_missing(r, root, "name", project_keys, root->line, root->col, "a project needs a 'name'");
    const hc_yval *dv = hc_ymap_get(root, "domain");
    if (!dv)
        hc_yr_missing(r, root, "domain", project_keys, root->line, root->col, "a project needs a 'domain'");
    else
        p->domain = read_key(r, dv, "domain", s, hc_std_domain, domain_at, s->ndomains);
    const hc_yval *lv = hc_ymap_get(root, "level");
    p->level_loc = hc_loc_of(p->path, lv ? lv : root);
    if (lv) p->level = read_key(r, lv, "level", s, hc_std_level, level_at, s->nlevels);
    const hc_yval *sv = hc_ymap_get(root, "status");
    p->status_loc = hc_loc_of(p->path, sv ? sv : root);
    if (sv) read_status(r, sv, s, &p->status);
    const hc_yval *gv = hc_ymap_get(root, "grade");
    p->grade_loc = hc_loc_of(p->path, gv ? gv : root);
    if (gv) p->grade = read_key(r, gv, "grade", s, hc_std_grade, grade_at, s->ngrades);
}

static void read_lead(const hc_yreader *r, const hc_yval *lead, hc_project *p)
{
    if (!lead || hc_yr_expect(r, lead, HC_Y_MAP, "lead") != 0) return;
    static const char *const keys[] = { "name", "title", NULL };
    hc_yr_known_keys(r, lead, keys, "lead");
    hc_yr_str(r, hc_ymap_get(lead, "name"), "lead.name", &p->lead_name);
    hc_yr_str(r, hc_ymap_get(lead, "title"), "lead.title", &p->lead_title);
}

/* The townships, each found among those site.yaml declares (HC_NONE and an
 * error when it is not). */
static void read_townships(const hc_yreader *r, const hc_yval *tw, hc_project *p, const hc_config *c)
{
    if (hc_yr_strlist(r, tw, "townships", &p->townships, &p->ntownships) != 0) return;
    p->township_idx = hc_xcalloc(p->ntownships ? p->ntownships : 1, sizeof *p->township_idx);
    for (size_t i = 0; i < p->ntownships; i++) {
        size_t k;
        for (k = 0; k < c->ntownships; k++)
            if (!strcmp(c->townships[k].name, p->townships[i])) break;
        p->township_idx[i] = k < c->ntownships ? k : HC_NONE;
        if (k == c->ntownships) {
            const hc_yval *at = tw->kind == HC_Y_SEQ ? tw->items[i] : tw;
            hc_error(r->d, "township", r->path, at->line, at->col,
                     "township '%s' is not declared in site.yaml 'townships'", p->townships[i]);
        }
    }
}

/* baseline: passed (0…total) of total, total defaulting to the standard's. */
static void read_baseline(const hc_yreader *r, const hc_yval *bl, hc_project *p, const hc_standards *s)
{
    if (!bl || hc_yr_expect(r, bl, HC_Y_MAP, "baseline") != 0) return;
    static const char *const keys[] = { "passed", "total", NULL };
    hc_yr_known_keys(r, bl, keys, "baseline");
    p->baseline_total = s->baseline_total;
    p->has_baseline = hc_yr_int(r, hc_ymap_get(bl, "passed"), "baseline.passed", &p->baseline_passed) == 0;
    hc_yr_int(r, hc_ymap_get(bl, "total"), "baseline.total", &p->baseline_total);
    const hc_yval *pv = hc_ymap_get(bl, "passed");
    if (p->has_baseline && (p->baseline_passed < 0 || p->baseline_passed > p->baseline_total))
        hc_error(r->d, "range", r->path, pv->line, pv->col, "baseline.passed (%ld) must be between 0 and %ld",
                 p->baseline_passed, p->baseline_total);
}

static void read_observation(const hc_yreader *r, const hc_yval *ob, hc_project *p)
{
    if (!ob || hc_yr_expect(r, ob, HC_Y_MAP, "observation") != 0) return;
    static const char *const keys[] = { "number", "date", "place", NULL };
    hc_yr_known_keys(r, ob, keys, "observation");
    p->has_observation = 1;
    p->obs_loc = hc_loc_of(p->path, ob);
    hc_yr_int(r, hc_ymap_get(ob, "number"), "observation.number", &p->obs_number);
    hc_yr_date(r, hc_ymap_get(ob, "date"), "observation.date", &p->obs_date);
    hc_yr_str(r, hc_ymap_get(ob, "place"), "observation.place", &p->obs_place);
}

/* A new project at the end of m->projects, read from file rel, nothing set. */
static hc_project *new_project(hc_model *m, const char *rel)
{
    m->projects = hc_xrealloc(m->projects, (m->nprojects + 1) * sizeof *m->projects);
    hc_project *p = &m->projects[m->nprojects++];
    memset(p, 0, sizeof *p);
    p->path = hc_xstrdup(rel);
    p->domain = p->level = p->status = p->grade = HC_NONE;
    p->assessed = p->obs_date = HC_NO_DATE;
    return p;
}

/* Every key of project file root (a map) into p, in the order the
 * messages come out. */
static void read_fields(const hc_yreader *r, const hc_yval *root, hc_model *m, hc_project *p)
{
    const hc_standards *s = &m->std;
    hc_yr_keys(r, root, project_keys, project_required, "a project");
    read_identity(r, root, p, s);
    hc_yr_date(r, hc_ymap_get(root, "assessed"), "assessed", &p->assessed);
    hc_yr_str(r, hc_ymap_get(root, "brand"), "brand", &p->brand);
    hc_yr_str(r, hc_ymap_get(root, "summary"), "summary", &p->summary);
    read_short_name(r, hc_ymap_get(root, "short_name"), p);
    p->has_funding = hc_yr_num(r, hc_ymap_get(root, "funding"), "funding", &p->funding) == 0;
    read_lead(r, hc_ymap_get(root, "lead"), p);
    read_townships(r, hc_ymap_get(root, "townships"), p, &m->config);
    hc_load_tags(r, hc_ymap_get(root, "tags"), &p->tags, &p->ntags);
    read_milestones(r, hc_ymap_get(root, "milestones"), p);
    read_nodes(r, hc_ymap_get(root, "nodes"), p, s);
    node_coords(r, hc_ymap_get(root, "coords"), p, m->config.coords);
    read_route(r, hc_ymap_get(root, "route"), p);
    read_standard(r, hc_ymap_get(root, "standard"), p, s);
    read_baseline(r, hc_ymap_get(root, "baseline"), p, s);
    hc_yr_bool(r, hc_ymap_get(root, "applying"), "applying", &p->applying);
    read_supervision(r, hc_ymap_get(root, "supervision"), p);
    read_observation(r, hc_ymap_get(root, "observation"), p);
    read_photos(r, hc_ymap_get(root, "photos"), p);
}

/* One project file. A file that does not parse adds no project; one that
 * parses always does, however broken, with every string set (a project
 * without an id counts in m->broken_projects). */
static void load_one(hc_model *m, const char *rel, hc_diags *d)
{
    hc_yval *root = hc_load_yaml(m->root, rel, d);
    if (!root) {
        m->broken_projects++;
        return;   /* nothing to free */
    }
    hc_project *p = new_project(m, rel);
    hc_yreader r = { p->path, d };
    p->loc = hc_loc_of(p->path, root);
    if (hc_yr_expect(&r, root, HC_Y_MAP, "a project file") == 0) read_fields(&r, root, m, p);
    if (!p->id || !p->id[0]) m->broken_projects++;
    if (!p->id) p->id = hc_xstrdup("");
    if (!p->name) p->name = hc_xstrdup("");
    if (!p->short_name) p->short_name = derive_short_name(p->name);
    if (!p->standard) read_standard(&r, NULL, p, &m->std);
    hc_yval_free(root);
}

int hc_load_projects(hc_model *m, hc_diags *d)
{
    char **names;
    size_t n;
    hc_buf dir = HC_BUF_INIT, rel = HC_BUF_INIT;
    hc_buf_printf(&dir, "%s/content/projects", m->root);
    if (hc_fs_list(hc_buf_cstr(&dir), ".yaml", &names, &n) != 0) {
        hc_error(d, "read", "content/projects", 0, 0, "cannot read the folder");
        hc_buf_free(&dir);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        hc_buf_reset(&rel);
        hc_buf_printf(&rel, "content/projects/%s", names[i]);
        load_one(m, hc_buf_cstr(&rel), d);
    }
    hc_fs_names_free(names, n);
    hc_buf_free(&dir);
    hc_buf_free(&rel);
    return 0;
}
