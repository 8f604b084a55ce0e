/* meta.c — the values of the head's share lines (partials/meta.mustache):
 * the canonical URL, Open Graph and the share image, for every page.
 *
 * One URL form everywhere (canonical, og:url, sitemap.xml): base_url + the
 * page's folder, percent-encoded, ending in "/" (the home page: base_url
 * itself). Without base_url no absolute URL can be known: the page gets no
 * canonical, og:url or og:image (a relative one is ignored by every
 * crawler), and sitemap.xml is not written (feeds.c). The 404 page has no
 * URL of its own: no canonical or og:url, and "noindex". */
#include "pages.h"
#include "../share/share.h"
#include "../../base/utf8.h"
#include <string.h>

/* base_url (checked at load) + site path (percent-encoded), one '/' between. */
static const char *abs_url(hc_arena *a, const char *base, const char *path)
{
    hc_buf u = HC_BUF_INIT;
    size_t n = strlen(base);
    hc_buf_puts(&u, base);
    if (!n || base[n - 1] != '/') hc_buf_putc(&u, '/');
    hc_escape_url_path(&u, path, strlen(path));
    const char *s = hc_arena_strndup(a, hc_buf_cstr(&u), u.len);
    hc_buf_free(&u);
    return s;
}

void hc_meta_values(const hc_shared *sh, const hc_job *j, hc_arena *a, const char *dir, hc_tv *ctx)
{
    const hc_model *m = sh->m;
    const char *base = m->config.base_url;
    hc_tv *og = hc_tv_map(a);
    const hc_tv *t = hc_tv_get(ctx, "page_title");
    int own_image = j->kind == HC_JOB_PROJECT || j->kind == HC_JOB_CASE;
    hc_tv_set(a, og, "title", t ? (hc_tv *)t : hc_tv_str_ref(a, m->config.title));
    hc_tv_set_str(a, og, "type", j->kind == HC_JOB_CASE ? "article" : "website");
    hc_buf loc = HC_BUF_INIT;   /* zh-CN → zh_CN */
    hc_buf_puts(&loc, m->config.language ? m->config.language : "zh-CN");
    for (size_t i = 0; i < loc.len; i++) if (loc.data[i] == '-') loc.data[i] = '_';
    hc_tv_set_str(a, og, "locale", hc_buf_cstr(&loc));
    hc_buf_free(&loc);
    if (j->kind == HC_JOB_404) hc_tv_set_bool(a, ctx, "noindex", 1);
    if (base) {
        hc_tv_set(a, og, "image", hc_tv_str_ref(a, abs_url(a, base, own_image ? hc_arena_printf(a, "%s%s", dir, HC_SHARE_NAME)
                                                                              : HC_SHARE_NAME)));
        if (j->kind != HC_JOB_404) hc_tv_set(a, ctx, "canonical", hc_tv_str_ref(a, abs_url(a, base, dir)));
    }
    hc_tv_set(a, ctx, "og", og);
}
