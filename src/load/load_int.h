/* load_int.h — shared by the loader files only. */
#ifndef HC_LOAD_INT_H
#define HC_LOAD_INT_H
#include "../base/buf.h"
#include "../base/diag.h"
#include "../model/model.h"
#include "../model/permalink.h"
#include "yamlv.h"
#include "load.h"
#include <sys/stat.h>

/* Reads root/rel into text, checks it is UTF-8 (error "encoding" with the
 * line otherwise). Returns 0, or -1 after reporting. If st is not NULL it gets
 * the status of the file that was read (see hc_fs_read_stat). */
int hc_load_text(const char *root, const char *rel, hc_buf *text, struct stat *st, hc_diags *d);
/* hc_load_text + hc_yaml_parse; NULL after reporting. */
hc_yval *hc_load_yaml(const char *root, const char *rel, hc_diags *d);

/* Checks a name that becomes a folder or file name of the output
 * (hc_name_check); if it may not, reports an error (rule "name") at v, or at
 * the top of the file when v is NULL: "<what> '<s>' becomes a folder name of
 * the site, but it <why>". Returns 0 or -1. */
int hc_load_name(const hc_yreader *r, const hc_yval *v, const char *what, const char *s, hc_name_kind kind);

/* tags: (a list, or one tag) → *out, each checked with hc_load_name as
 * HC_NAME_TEXT (a tag becomes tags/<tag>/). A bad tag is reported and left
 * out. Returns hc_yr_strlist's result. */
int hc_load_tags(const hc_yreader *r, const hc_yval *v, char ***out, size_t *n);

int hc_load_config(hc_model *m, hc_diags *d);
/* words.c: site.yaml public: and date_format:, seeds words: (located errors
 * for wrong values; defaults when absent). */
void hc_load_public_keys(const hc_yreader *r, const hc_yval *root, hc_config *c);
void hc_load_date_format(const hc_yreader *r, const hc_yval *root, hc_config *c);
void hc_load_words(const hc_yreader *r, const hc_yval *root, hc_standards *s);
int hc_load_standards(hc_model *m, hc_diags *d);
int hc_load_projects(hc_model *m, hc_diags *d);
/* content/geo/<name>.yaml → m->areas (optional base layer for maps). */
int hc_load_geo(hc_model *m, hc_diags *d);
int hc_load_docs(hc_model *m, const hc_load_opts *o, hc_diags *d);


static inline hc_loc hc_loc_of(const char *path, const hc_yval *v)
{
    hc_loc l = { path, v ? v->line : 0, v ? v->col : 0 };
    return l;
}

#endif
