/* theme.c — where a theme's folder is (its templates, static files and
 * theme.yaml): the site's own themes/<name>, else the themes installed with
 * the huace binary. Used by the loader (theme.yaml's map_roles:) and the
 * HTML renderer (templates, static files). */
#include "load.h"
#include "../base/fs.h"
#include <string.h>
#include <unistd.h>

int hc_theme_dir_named(const char *root, const char *name, hc_buf *out)
{
    size_t start = out->len;
    hc_buf_printf(out, "%s/themes/%s", root, name);
    if (hc_fs_is_dir(hc_buf_cstr(out) + start)) return 0;
    /* themes installed with the huace binary: beside it, one folder up (a
     * build tree), in ../share/huace (an installed prefix), or two folders
     * up (build/asan/huace and the other builds of the Makefile, the unit
     * tests in build/tests/) */
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        static const char *const rel[] = { "", "/..", "/../share/huace", "/../.." };
        for (int i = 0; i < 4; i++) {
            hc_buf_truncate(out, start);
            hc_buf_printf(out, "%s%s/themes/%s", exe, rel[i], name);
            if (hc_fs_is_dir(hc_buf_cstr(out) + start)) return 0;
        }
    }
    hc_buf_truncate(out, start);
    hc_buf_printf(out, "%s/themes/%s", root, name);
    return -1;
}

int hc_theme_dir(const hc_model *m, hc_buf *out)
{
    return hc_theme_dir_named(m->root, m->config.theme, out);
}
