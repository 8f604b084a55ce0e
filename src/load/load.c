#include "load_int.h"
#include "../base/fs.h"
#include "../base/utf8.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

int hc_load_text(const char *root, const char *rel, hc_buf *text, struct stat *st, hc_diags *d)
{
    hc_buf full = HC_BUF_INIT;
    int rc = -1;
    hc_buf_printf(&full, "%s/%s", root, rel);
    if (hc_fs_read_stat(hc_buf_cstr(&full), text, st) != 0) {
        if (errno == EINVAL)
            hc_error(d, "read", rel, 0, 0, "cannot read file: not a regular file (a FIFO, device or socket)");
        else
            hc_error(d, "read", rel, 0, 0, "cannot read file: %s", strerror(errno));
        goto out;
    }
    size_t bad = hc_utf8_invalid_at(hc_buf_cstr(text), text->len);
    if (bad != (size_t)-1) {
        int line, col;
        hc_utf8_line_col(hc_buf_cstr(text), text->len, bad, &line, &col);
        hc_error(d, "encoding", rel, line, col, "invalid UTF-8 (byte 0x%02X): save the file as UTF-8",
                 (unsigned char)text->data[bad]);
        goto out;
    }
    rc = 0;
out:
    hc_buf_free(&full);
    return rc;
}

int hc_load_name(const hc_yreader *r, const hc_yval *v, const char *what, const char *s, hc_name_kind kind)
{
    hc_buf why = HC_BUF_INIT, shown = HC_BUF_INIT;
    int rc = 0;
    if (!hc_name_check(s, strlen(s), kind, &why)) {
        hc_escape_shown(&shown, s, strlen(s));
        hc_error(r->d, "name", r->path, v ? v->line : 0, v ? v->col : 0,
                 "%s '%s' becomes a folder name of the site, but it %s", what, hc_buf_cstr(&shown), hc_buf_cstr(&why));
        rc = -1;
    }
    hc_buf_free(&why);
    hc_buf_free(&shown);
    return rc;
}

int hc_load_tags(const hc_yreader *r, const hc_yval *v, char ***out, size_t *n)
{
    int rc = hc_yr_strlist(r, v, "tags", out, n);
    if (rc != 0) return rc;
    size_t k = 0;
    for (size_t i = 0; i < *n; i++) {
        const hc_yval *at = v->kind == HC_Y_SEQ ? v->items[i] : v;
        if (hc_load_name(r, at, "tag", (*out)[i], HC_NAME_TEXT) == 0) (*out)[k++] = (*out)[i];
        else free((*out)[i]);
    }
    *n = k;
    return 0;
}

hc_yval *hc_load_yaml(const char *root, const char *rel, hc_diags *d)
{
    hc_buf text = HC_BUF_INIT;
    hc_yval *v = NULL;
    if (hc_load_text(root, rel, &text, NULL, d) == 0)
        v = hc_yaml_parse(rel, hc_buf_cstr(&text), text.len, 1, d);
    hc_buf_free(&text);
    return v;
}

int hc_load_site(hc_model *m, const hc_load_opts *o, hc_diags *d)
{
    size_t before = hc_diags_errors(d);
    int rc = 0;
    if (hc_load_config(m, d) != 0 || hc_load_standards(m, d) != 0) {
        rc = -1;  /* nothing else can be checked without them */
        goto out;
    }
    hc_load_projects(m, d);
    hc_load_geo(m, d);
    hc_load_docs(m, o, d);
out:
    if (!m->config.strict) hc_diags_demote(d, "unknown-key");
    return rc || hc_diags_errors(d) > before ? -1 : 0;
}
