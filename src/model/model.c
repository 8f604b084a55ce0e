#include "model.h"
#include "../base/alloc.h"
#include <stdlib.h>
#include <string.h>

hc_model *hc_model_new(const char *root)
{
    hc_model *m = hc_xcalloc(1, sizeof *m);
    m->root = hc_xstrdup(root);
    m->today = HC_NO_DATE;
    return m;
}

static void free_strv(char **v, size_t n)
{
    if (!v) return;
    for (size_t i = 0; i < n; i++) free(v[i]);
    free(v);
}

void hc_doc_clear(hc_doc *doc)
{
    free(doc->path); free(doc->slug); free(doc->title); free(doc->summary);
    free(doc->township);
    free_strv(doc->project_ids, doc->nprojects);
    free(doc->projects);
    free_strv(doc->tags, doc->ntags);
    free(doc->tag_terms);
    for (size_t i = 0; i < doc->nrefs; i++) free(doc->refs[i].url);
    free(doc->refs);
    memset(doc, 0, sizeof *doc);
}

static void project_clear(hc_project *p)
{
    free(p->path); free(p->id); free(p->name); free(p->brand); free(p->summary); free(p->short_name);
    free(p->lead_name); free(p->lead_title); free(p->obs_place);
    free_strv(p->townships, p->ntownships);
    free(p->township_idx);
    for (size_t i = 0; i < p->nmilestones; i++) free(p->milestones[i].title);
    free(p->milestones);
    for (size_t i = 0; i < p->nnodes; i++) {
        free(p->nodes[i].id); free(p->nodes[i].name); free(p->nodes[i].kind);
    }
    free(p->nodes);
    free(p->route);
    free(p->standard);
    for (size_t i = 0; i < p->nsupervision; i++) {
        free(p->supervision[i].matter); free(p->supervision[i].owner);
    }
    free(p->supervision);
    for (size_t i = 0; i < p->nphotos; i++) {
        free(p->photos[i].src); free(p->photos[i].alt); free(p->photos[i].caption);
    }
    free(p->photos);
    free_strv(p->tags, p->ntags);
    free(p->tag_terms);
    free(p->cases);
}

static void standards_clear(hc_standards *s)
{
    for (size_t i = 0; i < s->ndomains; i++) {
        free(s->domains[i].key); free(s->domains[i].name); free(s->domains[i].full); free(s->domains[i].prefix);
    }
    free(s->domains);
    for (size_t i = 0; i < s->nlevels; i++) { free(s->levels[i].key); free(s->levels[i].name); }
    free(s->levels);
    for (size_t i = 0; i < s->ngrades; i++) { free(s->grades[i].name); free(s->grades[i].slug); }
    free(s->grades);
    for (size_t i = 0; i < s->nstatuses; i++) {
        free(s->statuses[i].key); free(s->statuses[i].name); free(s->statuses[i].meaning); free(s->statuses[i].color);
    }
    free(s->statuses);
    for (size_t i = 0; i < s->nitems; i++) { free(s->items[i].key); free(s->items[i].name); }
    free(s->items);
    for (int i = 0; i < HC_WORD_COUNT; i++) free(s->words[i]);
}

static void photo_free(hc_photo *ph)
{
    if (!ph) return;
    free(ph->src); free(ph->alt); free(ph->caption);
    free(ph);
}

static void config_clear(hc_config *c)
{
    photo_free(c->banner); photo_free(c->logo); photo_free(c->cover_photo);
    free(c->title); free(c->district); free(c->description); free(c->author);
    free(c->base_url); free(c->language); free(c->theme);
    free(c->pdfx_icc); free(c->pdfx_condition);
    free(c->colophon_publisher); free(c->colophon_printer); free(c->colophon_permit);
    free(c->beian_icp); free(c->beian_police); free(c->beian_police_code); free(c->beian_site_code);
    free(c->contact_address); free(c->contact_phone); free(c->contact_email);
    for (size_t i = 0; i < c->ntownships; i++) { free(c->townships[i].name); free(c->townships[i].slug); }
    free(c->townships);
}

void hc_model_free(hc_model *m)
{
    if (!m) return;
    for (size_t i = 0; i < m->nprojects; i++) project_clear(&m->projects[i]);
    free(m->projects);
    for (size_t i = 0; i < m->ncases; i++) hc_doc_clear(&m->cases[i]);
    free(m->cases);
    for (size_t i = 0; i < m->npages; i++) hc_doc_clear(&m->pages[i]);
    free(m->pages);
    for (int t = 0; t < HC_TAX_COUNT; t++) {
        hc_taxonomy *tx = &m->tax[t];
        for (size_t i = 0; i < tx->nterms; i++) {
            free(tx->terms[i].key); free(tx->terms[i].name); free(tx->terms[i].slug);
            free(tx->terms[i].projects); free(tx->terms[i].cases);
        }
        free(tx->terms);
    }
    for (size_t i = 0; i < m->nareas; i++) {
        free(m->areas[i].name); free(m->areas[i].lon); free(m->areas[i].lat); free(m->areas[i].path);
    }
    free(m->areas);
    for (size_t i = 0; i < m->nlayers; i++) hc_geo_layer_clear(&m->layers[i]);
    free(m->layers);
    standards_clear(&m->std);
    config_clear(&m->config);
    free(m->root);
    free(m);
}

void hc_geo_layer_clear(hc_geo_layer *l)
{
    for (size_t f = 0; f < l->nfeatures; f++) {
        hc_geo_feature *ft = &l->features[f];
        for (size_t p = 0; p < ft->nparts; p++) { free(ft->parts[p].lon); free(ft->parts[p].lat); }
        free(ft->parts);
        free(ft->name);
    }
    free(l->features);
    free(l->file); free(l->role); free(l->label); free(l->loc_path);
    memset(l, 0, sizeof *l);
}

/* Links go; images stay (the image stage and the renderers use them). */
static void drop_refs(hc_doc *docs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t w = 0;
        for (size_t k = 0; k < docs[i].nrefs; k++) {
            if (docs[i].refs[k].image) docs[i].refs[w++] = docs[i].refs[k];
            else free(docs[i].refs[k].url);
        }
        if (!w) {
            free(docs[i].refs);
            docs[i].refs = NULL;
        }
        docs[i].nrefs = w;
    }
}

void hc_model_drop_check_data(hc_model *m)
{
    for (size_t i = 0; i < m->ncases; i++) {   /* resolved into projects[] by linking */
        free_strv(m->cases[i].project_ids, m->cases[i].nprojects);
        m->cases[i].project_ids = NULL;
        free_strv(m->cases[i].tags, m->cases[i].ntags);   /* tag_terms has them: ntags stays */
        m->cases[i].tags = NULL;
    }
    drop_refs(m->cases, m->ncases);
    drop_refs(m->pages, m->npages);
}

size_t hc_model_find_project(const hc_model *m, const char *id)
{
    size_t lo = 0, hi = m->nprojects;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(m->projects[mid].id, id);
        if (c == 0) return mid;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return HC_NONE;
}

#define FIND_BY(fn, arr, n, field)                                   \
    size_t fn(const hc_standards *s, const char *key)                \
    {                                                                \
        for (size_t i = 0; i < s->n; i++)                            \
            if (!strcmp(s->arr[i].field, key)) return i;             \
        return HC_NONE;                                              \
    }
FIND_BY(hc_std_domain, domains, ndomains, key)
FIND_BY(hc_std_level, levels, nlevels, key)
FIND_BY(hc_std_status, statuses, nstatuses, key)
FIND_BY(hc_std_grade, grades, ngrades, name)
