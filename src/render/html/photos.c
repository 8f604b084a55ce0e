/* photos.c — template values for images (the theme's contract, README
 * "Photos"), and the images of Markdown bodies written through the theme's
 * `figure` and `picture` partials.
 *
 * An image value: src (the fallback JPEG, widest ≤ 960 px), w and h (of the
 * widest rendition), webp and jpeg (lists of {url, w, last} for srcset),
 * full, full_w, full_h (the widest WebP, for the full-screen viewer), alt,
 * caption, color and preview (the placeholder), lazy, sizes; svg for an SVG
 * (then src is the SVG file). Built in the page's arena. */
#include "render_int.h"
#include "contract.h"
#include "../images/images.h"
#include "../../load/load.h"
#include "../../model/permalink.h"
#include "../../base/utf8.h"
#include <string.h>

static hc_tv *size_list(hc_arena *a, const hc_img *im, int jpeg)
{
    hc_tv *l = hc_tv_list(a);
    for (int k = 0; k < im->nsizes; k++) {
        hc_tv *e = hc_tv_map(a);
        hc_tv_set(a, e, "url", hc_tv_str_ref(a, hc_ctx_path(a, jpeg ? im->sizes[k].jpeg : im->sizes[k].webp)));
        hc_tv_set_num(a, e, "w", im->sizes[k].w);
        hc_tv_set_bool(a, e, "last", k == im->nsizes - 1);
        hc_tv_push(a, l, e);
    }
    return l;
}

hc_tv *hc_ctx_image(const hc_shared *sh, hc_arena *a, const char *src, const char *alt, const char *caption,
                    const char *sizes, int lazy)
{
    const hc_img *im = hc_images_get(sh->images, src);
    if (!im) return NULL;
    hc_tv *v = hc_tv_map(a);
    hc_tv_set(a, v, "alt", hc_tv_str_ref(a, alt ? alt : ""));
    if (caption && caption[0]) hc_tv_set(a, v, "caption", hc_tv_str_ref(a, caption));
    hc_tv_set_bool(a, v, "lazy", lazy);
    hc_tv_set(a, v, "sizes", hc_tv_str_ref(a, sizes));
    if (im->svg) {
        hc_tv_set_bool(a, v, "svg", 1);
        hc_tv_set(a, v, "src", hc_tv_str_ref(a, hc_ctx_path(a, im->svg_path)));
        hc_tv_set(a, v, "full", hc_tv_str_ref(a, hc_ctx_path(a, im->svg_path)));
        return v;
    }
    int fb = 0;   /* the fallback: the widest ≤ 960 px */
    for (int k = 0; k < im->nsizes; k++)
        if (im->sizes[k].w <= 960) fb = k;
    const hc_img_size *top = &im->sizes[im->nsizes - 1];
    hc_tv_set(a, v, "src", hc_tv_str_ref(a, hc_ctx_path(a, im->sizes[fb].jpeg)));
    hc_tv_set_num(a, v, "w", top->w);
    hc_tv_set_num(a, v, "h", top->h);
    hc_tv_set(a, v, "webp", size_list(a, im, 0));
    hc_tv_set(a, v, "jpeg", size_list(a, im, 1));
    hc_tv_set(a, v, "full", hc_tv_str_ref(a, hc_ctx_path(a, top->webp)));
    hc_tv_set_num(a, v, "full_w", top->w);
    hc_tv_set_num(a, v, "full_h", top->h);
    hc_tv_set(a, v, "color", hc_tv_str_ref(a, im->color));
    hc_tv_set(a, v, "preview", hc_tv_str_ref(a, im->preview));
    return v;
}

/* ---- images in Markdown bodies ---- */

typedef struct {
    const hc_shared *sh;
    hc_arena *a;
    const char *root;
    int seen;          /* images written so far: the first is not lazy */
} body_ctx;

/* Without the theme's partials: plain markup of the same meaning. */
static void fallback(const hc_img *im, const char *root, const char *alt, const char *title, int block, int lazy,
                     hc_buf *out)
{
    hc_buf href = HC_BUF_INIT;
    if (block) hc_buf_puts(out, "<figure>");
    hc_buf_puts(out, "<img src=\"");
    hc_buf_puts(out, root);
    hc_href(&href, "", im->svg ? im->svg_path : im->sizes[0].jpeg);
    hc_escape_html(out, hc_buf_cstr(&href), href.len);
    hc_buf_puts(out, "\" alt=\"");
    hc_escape_html(out, alt, strlen(alt));
    hc_buf_puts(out, "\"");
    if (!im->svg) hc_buf_printf(out, " width=\"%d\" height=\"%d\"", im->sizes[0].w, im->sizes[0].h);
    hc_buf_puts(out, lazy ? " loading=\"lazy\" decoding=\"async\">" : " decoding=\"async\">");
    if (block && title[0]) {
        hc_buf_puts(out, "<figcaption>");
        hc_escape_html(out, title, strlen(title));
        hc_buf_puts(out, "</figcaption>");
    }
    if (block) hc_buf_puts(out, "</figure>");
    hc_buf_free(&href);
}

static int body_image(void *ctx, const hc_doc *doc, const char *url, const char *alt, const char *title, int block,
                      hc_buf *out)
{
    body_ctx *b = ctx;
    hc_buf sp = HC_BUF_INIT;
    int rc = 0;
    if (hc_path_image(doc->path, url, &sp) != 0) goto out;
    const hc_img *im = hc_images_get(b->sh->images, hc_buf_cstr(&sp));
    if (!im) goto out;
    int lazy = b->seen++ > 0;
    const char *sizes = block ? HC_SIZES_FIGURE : HC_SIZES_INLINE;
    hc_tv *v = hc_ctx_image(b->sh, b->a, hc_buf_cstr(&sp), alt, block ? title : NULL, sizes, lazy);
    hc_tv_set(b->a, v, "root", hc_tv_str_ref(b->a, b->root));
    const char *partial = block ? "figure" : "picture";
    hc_contract_dump_values(b->sh->dump, v, block ? "partials/figure" : "partials/picture");
    if (!hc_mustache_set_has(b->sh->tmpl, partial) || hc_mustache_render(b->sh->tmpl, partial, v, out) != 0)
        fallback(im, b->root, alt, title, block, lazy, out);
    rc = 1;
out:
    hc_buf_free(&sp);
    return rc;
}

hc_tv *hc_ctx_body(const hc_shared *sh, hc_arena *a, const hc_doc *doc, const char *root)
{
    body_ctx b = { sh, a, root, 0 };
    hc_md_images im = { body_image, &b };
    hc_buf out = HC_BUF_INIT;
    hc_doc_body_html_with(sh->m, doc, sh->images ? &im : NULL, &out, sh->d);
    hc_tv *v = hc_tv_strn(a, hc_buf_cstr(&out), out.len);
    hc_buf_free(&out);
    return v;
}

/* The first image of a case study: its first body image the set has, else
 * the first photo of its first unit that has one. */
hc_tv *hc_ctx_case_thumb(const hc_shared *sh, hc_arena *a, const hc_doc *doc, const char *sizes)
{
    hc_buf sp = HC_BUF_INIT;
    hc_tv *v = NULL;
    for (size_t i = 0; i < doc->nrefs && !v; i++) {
        if (!doc->refs[i].image) continue;
        hc_buf_reset(&sp);
        if (hc_path_image(doc->path, doc->refs[i].url, &sp) == 0) {
            const hc_img *im = hc_images_get(sh->images, hc_buf_cstr(&sp));
            if (im && !im->svg) v = hc_ctx_image(sh, a, im->src, "", NULL, sizes, 1);
        }
    }
    for (size_t i = 0; i < doc->nprojects && !v; i++) {
        if (doc->projects[i] == HC_NONE) continue;
        const hc_project *p = &sh->m->projects[doc->projects[i]];
        for (size_t k = 0; k < p->nphotos && !v; k++) v = hc_ctx_image(sh, a, p->photos[k].src, "", NULL, sizes, 1);
    }
    hc_buf_free(&sp);
    return v;
}
