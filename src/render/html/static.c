/* static.c — theme static files (css and js named by content hash) and the
 * site's assets/ folder, copied into the output. */
#include "render_int.h"
#include "../../base/fs.h"
#include "../../base/hash.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>

/* static/x/site.css → static/x/site.<hash>.css for css/js; others keep their name. */
static void hashed_name(hc_buf *out, const char *rel, const hc_buf *data)
{
    const char *dot = strrchr(rel, '.');
    const char *slash = strrchr(rel, '/');
    if (dot && (!slash || dot > slash) && (!strcmp(dot, ".css") || !strcmp(dot, ".js"))) {
        char hex[17];
        hc_hash_hex(hc_hash(HC_HASH_INIT, data->data ? data->data : "", data->len), hex);
        hc_buf_put(out, rel, (size_t)(dot - rel));
        hc_buf_printf(out, ".%.10s%s", hex, dot);
    } else {
        hc_buf_puts(out, rel);
    }
}

static int copy_tree(const char *from, const char *to_rel, const char *out_dir, hc_shared *sh, hc_diags *d,
                     size_t *files, int hash)
{
    char **paths;
    size_t n;
    int rc = 0;
    hc_buf src = HC_BUF_INIT, name = HC_BUF_INIT, dst = HC_BUF_INIT, data = HC_BUF_INIT;
    if (hc_fs_walk(from, &paths, &n) != 0) {
        hc_error(d, "read", from, 0, 0, "cannot read folder");
        rc = -1;
    }
    for (size_t i = 0; i < n; i++) {
        hc_buf_reset(&src);
        hc_buf_reset(&name);
        hc_buf_reset(&dst);
        hc_buf_printf(&src, "%s/%s", from, paths[i]);
        if (hc_fs_read(hc_buf_cstr(&src), &data) != 0) {
            hc_error(d, "read", hc_buf_cstr(&src), 0, 0, "cannot read: %s", strerror(errno));
            rc = -1;
            continue;
        }
        hc_buf_printf(&name, "%s/", to_rel);
        if (hash) hashed_name(&name, paths[i], &data);
        else hc_buf_puts(&name, paths[i]);
        hc_buf_printf(&dst, "%s/%s", out_dir, hc_buf_cstr(&name));
        if (hc_fs_write(hc_buf_cstr(&dst), data.data ? data.data : "", data.len) != 0) {
            hc_error(d, "write", hc_buf_cstr(&dst), 0, 0, "cannot write: %s", strerror(errno));
            rc = -1;
            continue;
        }
        (*files)++;
        if (sh && !strcmp(paths[i], "css/site.css"))
            sh->css_path = hc_arena_strdup(&sh->arena, hc_buf_cstr(&name));
        if (sh && !strcmp(paths[i], "js/site.js"))
            sh->js_path = hc_arena_strdup(&sh->arena, hc_buf_cstr(&name));
    }
    hc_fs_names_free(paths, n);
    hc_buf_free(&src);
    hc_buf_free(&name);
    hc_buf_free(&dst);
    hc_buf_free(&data);
    return rc;
}

int hc_static_copy(const hc_model *m, hc_shared *sh, const char *out_dir, hc_diags *d, size_t *files)
{
    hc_buf from = HC_BUF_INIT;
    int rc = 0;
    hc_theme_dir(m, &from);
    hc_buf_puts(&from, "/static");
    if (copy_tree(hc_buf_cstr(&from), "static", out_dir, sh, d, files, 1) != 0) rc = -1;
    hc_buf_reset(&from);
    hc_buf_printf(&from, "%s/assets", m->root);
    if (copy_tree(hc_buf_cstr(&from), "assets", out_dir, NULL, d, files, 0) != 0) rc = -1;
    hc_buf_free(&from);
    return rc;
}
