/* templates.c — loading the theme's and the site's Mustache templates. */
#include "render_int.h"
#include "contract.h"
#include "templates.h"
#include "../../base/fs.h"
#include "../../base/utf8.h"
#include <stdio.h>
#include <string.h>

/* Adds every .mustache file in dir (shown to the user as rel), named by file name without
 * the extension. Later calls replace earlier names: the site's own layouts
 * are loaded after the theme's. */
static int load_dir(const char *dir, const char *rel, hc_mustache_set *set, hc_diags *d)
{
    char **names;
    size_t n;
    int rc = 0;
    hc_buf file = HC_BUF_INIT, relf = HC_BUF_INIT, text = HC_BUF_INIT;
    if (hc_fs_list(dir, ".mustache", &names, &n) != 0) {
        hc_error(d, "read", rel, 0, 0, "cannot read the template folder");
        rc = -1;
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        hc_buf_reset(&file);
        hc_buf_reset(&relf);
        hc_buf_printf(&file, "%s/%s", dir, names[i]);
        hc_buf_printf(&relf, "%s/%s", rel, names[i]);
        if (hc_fs_read(hc_buf_cstr(&file), &text) != 0) {
            hc_error(d, "read", hc_buf_cstr(&relf), 0, 0, "cannot read template");
            rc = -1;
            continue;
        }
        size_t bad = hc_utf8_invalid_at(hc_buf_cstr(&text), text.len);
        if (bad != (size_t)-1) {
            int line, col;
            hc_utf8_line_col(hc_buf_cstr(&text), text.len, bad, &line, &col);
            hc_error(d, "encoding", hc_buf_cstr(&relf), line, col, "invalid UTF-8 in template");
            rc = -1;
            continue;
        }
        names[i][strlen(names[i]) - strlen(".mustache")] = '\0';
        if (hc_mustache_set_add(set, names[i], hc_buf_cstr(&relf), hc_buf_cstr(&text), text.len, d) != 0) rc = -1;
    }
    hc_fs_names_free(names, n);
out:
    hc_buf_free(&file);
    hc_buf_free(&relf);
    hc_buf_free(&text);
    return rc;
}

int hc_templates_load(const hc_model *m, hc_mustache_set *set, hc_diags *d)
{
    hc_buf theme = HC_BUF_INIT, dir = HC_BUF_INIT, rel = HC_BUF_INIT;
    int rc = 0;
    if (hc_theme_dir(m, &theme) != 0) {
        hc_error(d, "theme", "site.yaml", 0, 0, "theme '%s' not found: no folder themes/%s", m->config.theme,
                 m->config.theme);
        rc = -1;
        goto out;
    }
    static const char *const sub[] = { "layouts", "layouts/partials" };
    for (int i = 0; i < 2; i++) {
        hc_buf_reset(&dir);
        hc_buf_reset(&rel);
        hc_buf_printf(&dir, "%s/%s", hc_buf_cstr(&theme), sub[i]);
        hc_buf_printf(&rel, "themes/%s/%s", m->config.theme, sub[i]);
        if (load_dir(hc_buf_cstr(&dir), hc_buf_cstr(&rel), set, d) != 0) rc = -1;
    }
    for (int i = 0; i < 2; i++) {
        hc_buf_reset(&dir);
        hc_buf_printf(&dir, "%s/%s", m->root, sub[i]);
        if (load_dir(hc_buf_cstr(&dir), sub[i], set, d) != 0) rc = -1;
    }
    /* a partial that includes itself outside any section never stops */
    if (hc_mustache_set_check(set, d) != 0) rc = -1;
out:
    hc_buf_free(&theme);
    hc_buf_free(&dir);
    hc_buf_free(&rel);
    return rc;
}

static void no_layout(const hc_model *m, const char *name, hc_diags *d)
{
    hc_error(d, "template", "site.yaml", 0, 0,
             "theme '%s' has no template %s.mustache (in layouts/): copy it from themes/default/layouts/",
             m->config.theme, name);
}

int hc_templates_check(const hc_model *m, hc_diags *d)
{
    hc_mustache_set *set = hc_mustache_set_new();
    int rc = hc_templates_load(m, set, d);
    if (rc == 0 && m->config.print_enabled && !hc_mustache_set_has(set, "album")) {   /* print/album.html */
        no_layout(m, "album", d);
        rc = -1;
    }
    hc_mustache_set_free(set);
    return rc;
}

/* hc_theme_render into out, or streamed to sink when sink is given. */
static int theme_render(const hc_model *m, const struct hc_images *images, const char *name, const char *root,
                        const hc_tv *vals, hc_buf *out, const hc_mustache_sink *sink, hc_diags *d)
{
    hc_shared sh;
    memset(&sh, 0, sizeof sh);
    sh.m = m;
    sh.d = d;
    sh.images = images;
    sh.pdf_bytes[0] = sh.pdf_bytes[1] = -1;
    sh.tmpl = hc_mustache_set_new();
    hc_date_format(m->today, sh.build_date);
    int rc = -1;
    if (hc_templates_load(m, sh.tmpl, d) != 0) goto out;
    if (!hc_mustache_set_has(sh.tmpl, name)) {
        no_layout(m, name, d);
        goto out;
    }
    sh.search = hc_mustache_set_has(sh.tmpl, "search");
    hc_shared_build(&sh);
    hc_tv *ctx = hc_tv_map(&sh.arena);   /* vals's keys, then site and root */
    for (uint32_t i = 0; vals && vals->kind == HC_TV_MAP && i < vals->n; i++)
        hc_tv_set(&sh.arena, ctx, vals->keys[i], vals->items[i]);
    hc_tv_set(&sh.arena, ctx, "site", sh.site);
    hc_tv_set_str(&sh.arena, ctx, "root", root);
    hc_contract_dump *dump = hc_contract_dump_open(d);   /* HUACE_CONTRACT_DUMP: these keys, as name's */
    hc_contract_dump_values(dump, ctx, name);
    hc_contract_dump_close(dump);
    int rr = sink ? hc_mustache_render_to(sh.tmpl, name, ctx, sink) : hc_mustache_render(sh.tmpl, name, ctx, out);
    if (rr == HC_MUSTACHE_WRITE_FAILED) {
        rc = -2;
        goto out;
    }
    if (rr != 0) {
        hc_error(d, "template", "site.yaml", 0, 0,
                 "template %s.mustache of theme '%s' renders more than %zu MB or %zu million tags; "
                 "does a partial include itself inside a section, twice?",
                 name, m->config.theme, HC_MUSTACHE_MAX_OUTPUT >> 20, HC_MUSTACHE_MAX_STEPS / 1000000);
        goto out;
    }
    rc = 0;
out:
    hc_mustache_set_free(sh.tmpl);
    hc_arena_free(&sh.arena);
    return rc;
}

int hc_theme_render(const hc_model *m, const struct hc_images *images, const char *name, const char *root,
                    const hc_tv *vals, hc_buf *out, hc_diags *d)
{
    return theme_render(m, images, name, root, vals, out, NULL, d);
}

int hc_theme_render_to(const hc_model *m, const struct hc_images *images, const char *name, const char *root,
                       const hc_tv *vals, const hc_mustache_sink *sink, hc_diags *d)
{
    hc_buf unused = HC_BUF_INIT;
    int rc = theme_render(m, images, name, root, vals, &unused, sink, d);
    hc_buf_free(&unused);
    return rc;
}
