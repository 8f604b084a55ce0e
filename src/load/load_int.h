/* load_int.h — shared by the loader files only. */
#ifndef HC_LOAD_INT_H
#define HC_LOAD_INT_H
#include "../base/buf.h"
#include "../base/diag.h"
#include "../model/model.h"
#include "yamlv.h"
#include "load.h"
#include <sys/stat.h>

/* Reads root/rel into text, checks it is UTF-8 (error "encoding" with the
 * line otherwise). Returns 0, or -1 after reporting. If st is not NULL it gets
 * the status of the file that was read (see hc_fs_read_stat). */
int hc_load_text(const char *root, const char *rel, hc_buf *text, struct stat *st, hc_diags *d);
/* hc_load_text + hc_yaml_parse; NULL after reporting. */
hc_yval *hc_load_yaml(const char *root, const char *rel, hc_diags *d);

int hc_load_config(hc_model *m, hc_diags *d);
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
