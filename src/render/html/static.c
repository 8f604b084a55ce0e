/* static.c — theme static files (css and js named by content hash) and the
 * site's assets/ folder, copied into the output.
 *
 * Only regular files are published, read through hc_tree (base/tree.h): a
 * symbolic link is followed when its target stays inside the site folder
 * (inside the theme's static folder for a theme installed with huace);
 * other links, FIFOs, sockets, devices and link loops are skipped with a
 * warning [asset] and never opened. Published files are 0644 and their
 * folders 0755 whatever the source modes; a file that others may not read
 * at the source gets a warning, since it becomes readable by all. */
#include "render_int.h"
#include "../../base/fs.h"
#include "../../base/hash.h"
#include "../../base/tree.h"
#include "../images/images.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* css for a <style> element: "</" written "<\/" (the same in CSS), so the
 * text cannot close the element. */
static const char *inline_css(hc_arena *a, const char *s, size_t n)
{
    hc_buf b = HC_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '<' && i + 1 < n && s[i + 1] == '/') hc_buf_puts(&b, "<\\");
        else hc_buf_putc(&b, s[i]);
    }
    const char *r = hc_arena_strndup(a, b.data ? b.data : "", b.len);
    hc_buf_free(&b);
    return r;
}

/* static/x/site.css → static/x/site.<hash>.css for css/js; others keep their
 * name, and so do the files under vendor/ (third-party code such as
 * vendor/photoswipe-5.4.4/: the folder carries the version, and the templates
 * and scripts refer to them by name). */
static void hashed_name(hc_buf *out, const char *rel, const hc_buf *data)
{
    const char *dot = strrchr(rel, '.');
    const char *slash = strrchr(rel, '/');
    if (strncmp(rel, "vendor/", 7) != 0 && dot && (!slash || dot > slash) &&
        (!strcmp(dot, ".css") || !strcmp(dot, ".js"))) {
        char hex[17];
        hc_hash_hex(hc_hash(HC_HASH_INIT, data->data ? data->data : "", data->len), hex);
        hc_buf_put(out, rel, (size_t)(dot - rel));
        hc_buf_printf(out, ".%.10s%s", hex, dot);
    } else {
        hc_buf_puts(out, rel);
    }
}

/* Says why an entry of the folder shown as shown was not published. */
static void report_skip(hc_diags *d, const char *shown, const char *fence_name, const hc_tree_skip *k)
{
    hc_buf path = HC_BUF_INIT, other = HC_BUF_INIT;
    hc_buf_printf(&path, "%s%s%s", shown, k->rel[0] ? "/" : "", k->rel);
    if (k->why == HC_TREE_LOOP || k->why == HC_TREE_AGAIN)
        hc_buf_printf(&other, "%s%s%s", shown, k->what[0] ? "/" : "", k->what);
    const char *p = hc_buf_cstr(&path), *o = hc_buf_cstr(&other);
    switch (k->why) {
    case HC_TREE_OUTSIDE:
        hc_warn(d, "asset", p, 0, 0, "a symbolic link to '%s', outside the %s: not published (links are followed only inside it)",
                k->what, fence_name);
        break;
    case HC_TREE_DANGLING:
        hc_warn(d, "asset", p, 0, 0, "a symbolic link that leads nowhere (%s): not published", k->what);
        break;
    case HC_TREE_SPECIAL:
        hc_warn(d, "asset", p, 0, 0, "%s: not published, never read (only regular files are)", k->what);
        break;
    case HC_TREE_LOOP:
        hc_warn(d, "asset", p, 0, 0, "a symbolic link to '%s', a folder that contains it: a loop, not followed", o);
        break;
    case HC_TREE_AGAIN:
        hc_warn(d, "asset", p, 0, 0, "a symbolic link to the folder already published as '%s': not published twice", o);
        break;
    case HC_TREE_UNREADABLE:
        hc_error(d, "read", p, 0, 0, "cannot read the folder: %s", k->what);
        break;
    }
    hc_buf_free(&path);
    hc_buf_free(&other);
}

/* Copies the regular files below from (shown as shown in messages) to
 * out_dir/to_rel, following links only inside fence: files 0644, folders
 * 0755, whatever the source's modes. */
static int copy_tree(const char *from, const char *shown, const char *fence, const char *fence_name,
                     const char *to_rel, const char *out_dir, hc_shared *sh, hc_diags *d, size_t *files, int hash,
                     int assets, const hc_images *images)
{
    hc_tree t = HC_TREE_INIT;
    int rc = hc_tree_walk(from, fence, &t) == 0 ? 0 : -1;
    hc_buf name = HC_BUF_INIT, dst = HC_BUF_INIT, data = HC_BUF_INIT, src = HC_BUF_INIT;
    for (size_t i = 0; i < t.nskips; i++) report_skip(d, shown, fence_name, &t.skips[i]);
    for (size_t i = 0; i < t.nfiles; i++) {
        const char *rel = t.files[i].rel;
        struct stat st;
        hc_buf_reset(&src);
        hc_buf_reset(&name);
        hc_buf_reset(&dst);
        hc_buf_printf(&src, "%s/%s", shown, rel);
        hc_asset_rule rule = assets ? hc_images_asset(images, hc_buf_cstr(&src)) : HC_ASSET_COPY;
        if (rule == HC_ASSET_SKIP) continue;   /* photos are published as renditions only (images.h) */
        int fd = hc_tree_open(&t.files[i], &st);
        if (fd < 0 || hc_fs_read_fd(fd, &data, NULL) != 0) {
            hc_error(d, "read", hc_buf_cstr(&src), 0, 0, "cannot read: %s",
                     errno == EINVAL ? "no longer a regular file" : strerror(errno));
            if (fd >= 0) close(fd);
            rc = -1;
            continue;
        }
        close(fd);
        if (rule == HC_ASSET_SVG && hc_svg_check(data.data ? data.data : "", data.len, hc_buf_cstr(&src), NULL, d) != 0) {
            rc = -1;
            continue;
        }
        if (!(st.st_mode & S_IROTH))
            hc_warn(d, "asset", hc_buf_cstr(&src), 0, 0,
                    "others may not read this file here (mode %04o), yet it is published readable by everyone (0644)",
                    (unsigned)(st.st_mode & 07777));
        hc_buf_printf(&name, "%s/", to_rel);
        if (hash) hashed_name(&name, rel, &data);
        else hc_buf_puts(&name, rel);
        hc_buf_printf(&dst, "%s/%s", out_dir, hc_buf_cstr(&name));
        if (hc_fs_write(hc_buf_cstr(&dst), data.data ? data.data : "", data.len) != 0 ||
            chmod(hc_buf_cstr(&dst), 0644) != 0) {
            hc_error(d, "write", hc_buf_cstr(&dst), 0, 0, "cannot write: %s", strerror(errno));
            rc = -1;
            continue;
        }
        (*files)++;
        if (sh && !strcmp(rel, "css/site.css")) {
            sh->css_path = hc_arena_strdup(&sh->arena, hc_buf_cstr(&name));
            sh->css_text = inline_css(&sh->arena, data.data ? data.data : "", data.len);
        }
        if (sh && !strcmp(rel, "js/site.js")) sh->js_path = hc_arena_strdup(&sh->arena, hc_buf_cstr(&name));
        if (sh && !strcmp(rel, "js/search.js")) sh->search_js_path = hc_arena_strdup(&sh->arena, hc_buf_cstr(&name));
    }
    /* the folders the files went into (those with none were not made) */
    for (size_t i = 0; i <= t.ndirs; i++) {
        hc_buf_reset(&dst);
        hc_buf_printf(&dst, "%s/%s%s%s", out_dir, to_rel, i ? "/" : "", i ? t.dirs[i - 1] : "");
        if (chmod(hc_buf_cstr(&dst), 0755) != 0 && errno != ENOENT) {
            hc_error(d, "write", hc_buf_cstr(&dst), 0, 0, "cannot set the folder's mode: %s", strerror(errno));
            rc = -1;
        }
    }
    hc_tree_free(&t);
    hc_buf_free(&src);
    hc_buf_free(&name);
    hc_buf_free(&dst);
    hc_buf_free(&data);
    return rc;
}

int hc_static_copy(const hc_model *m, hc_shared *sh, const char *out_dir, hc_diags *d, size_t *files)
{
    int rc = hc_static_theme_copy(m, sh, out_dir, d, files);
    hc_buf from = HC_BUF_INIT;
    hc_buf_printf(&from, "%s/assets", m->root);
    if (copy_tree(hc_buf_cstr(&from), "assets", m->root, "site folder", "assets", out_dir, NULL, d, files, 0, 1,
                  sh->images) != 0)
        rc = -1;
    hc_buf_free(&from);
    return rc;
}

int hc_static_theme_copy(const hc_model *m, hc_shared *sh, const char *out_dir, hc_diags *d, size_t *files)
{
    hc_buf from = HC_BUF_INIT, shown = HC_BUF_INIT;
    int rc = 0;
    size_t rl = strlen(m->root);
    hc_theme_dir(m, &from);
    hc_buf_puts(&from, "/static");
    /* a theme in the site is fenced by the site; one installed with huace by itself */
    int in_site = !strncmp(hc_buf_cstr(&from), m->root, rl) && from.data[rl] == '/';
    hc_buf_puts(&shown, in_site ? from.data + rl + 1 : from.data);
    if (copy_tree(hc_buf_cstr(&from), hc_buf_cstr(&shown), in_site ? m->root : hc_buf_cstr(&from),
                  in_site ? "site folder" : "theme's static folder", "static", out_dir, sh, d, files, 1, 0, NULL) != 0)
        rc = -1;
    hc_buf_free(&from);
    hc_buf_free(&shown);
    return rc;
}
