/* photo.c — photos in the album, from the image stage.
 *
 * Layout knows a photo by its upright size (hc_images_get). The drawing pass
 * asks hc_images_print for an upright, sRGB, metadata-free baseline JPEG as
 * wide as the photo's placed size needs at 300 ppi (never wider than the
 * source) and embeds that file as it is (image.c's DCT pass-through). The
 * source file is never read here. Renditions are kept by (file, width) for
 * the whole render, shared by every document and worker thread: the table is
 * locked, and renditions are made one at a time (a second lock), since
 * libvips' encoder holds a whole photo's coefficients. They are made while
 * the documents are paginated (pdf_doc.prefetch), before any is drawn, so
 * that a photo's encoder never adds to two documents' drawing; the drawing
 * pass finds them made (or makes one the layout did not ask for).
 *
 * Photos printed below 300 ppi (a source narrower than its place needs) are
 * collected while the album is drawn and reported by pdf_photos_report once
 * per file and place that names it (a project's photos: entry, a case
 * study's image), with the placement of the lowest resolution.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../images/images.h"
#include <malloc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *src;
    int px;                     /* width asked for */
    pdf_image *im;              /* NULL: could not be made */
} rendition;

typedef struct {
    char *src;
    hc_loc loc;
    double w_mm, h_mm, ppi;     /* the placement with the lowest ppi */
    int need_px;
} lowres;

struct pdf_photos {
    pthread_mutex_t mu;
    pthread_mutex_t make;       /* one rendition made at a time (see rendition_get) */
    rendition *v; size_t n, cap;
    lowres *low; size_t nlow, caplow;
};

void pdf_photos_init(pdf_env *env)
{
    env->photos = hc_xcalloc(1, sizeof *env->photos);
    pthread_mutex_init(&env->photos->mu, NULL);
    pthread_mutex_init(&env->photos->make, NULL);
}

void pdf_photos_free(pdf_env *env)
{
    struct pdf_photos *ps = env->photos;
    if (!ps) return;
    for (size_t i = 0; i < ps->n; i++) {
        free(ps->v[i].src);
        pdf_image_free(ps->v[i].im);
    }
    free(ps->v);
    for (size_t i = 0; i < ps->nlow; i++) free(ps->low[i].src);
    free(ps->low);
    pthread_mutex_destroy(&ps->mu);
    pthread_mutex_destroy(&ps->make);
    free(ps);
    env->photos = NULL;
}

int pdf_pic_get(const pdf_env *env, const char *src, pdf_pic *pic)
{
    memset(pic, 0, sizeof *pic);
    if (!env->images || !src) return -1;
    const hc_img *im = hc_images_get(env->images, src[0] == '/' ? src + 1 : src);
    if (!im || im->svg || im->w <= 0 || im->h <= 0) return -1;
    pic->src = im->src;
    pic->w = im->w;
    pic->h = im->h;
    return 0;
}

size_t pdf_unit_pics(const pdf_env *env, const hc_project *u, pdf_pic *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < u->nphotos && n < max; i++) {
        const hc_photo *ph = &u->photos[i];
        if (pdf_pic_get(env, ph->src, &out[n]) != 0) continue;   /* the image stage said why */
        out[n].caption = ph->caption ? ph->caption : ph->alt;
        out[n].loc = ph->loc;
        n++;
    }
    return n;
}

/* The rendition of src px wide in the table, or NULL (*have 0) if not made yet. */
static const pdf_image *rendition_find(struct pdf_photos *ps, const char *src, int px, int *have)
{
    const pdf_image *found = NULL;
    *have = 0;
    pthread_mutex_lock(&ps->mu);
    for (size_t i = 0; i < ps->n; i++)
        if (ps->v[i].px == px && strcmp(ps->v[i].src, src) == 0) {
            found = ps->v[i].im;
            *have = 1;
            break;
        }
    pthread_mutex_unlock(&ps->mu);
    return found;
}

/* The rendition of src px wide, made once. One is made at a time, whatever
 * the number of threads: libvips' JPEG encoder (optimize_coding) holds the
 * whole picture's coefficients, about 70 MB for a 12-megapixel photo at
 * 2,900 px, and two at once with the drawing of two documents took the
 * example's first build from about 300 to about 400 MB. */
static const pdf_image *rendition_get(pdf_env *env, const char *src, int px)
{
    struct pdf_photos *ps = env->photos;
    int have;
    const pdf_image *found = rendition_find(ps, src, px, &have);
    if (have) return found;
    pthread_mutex_lock(&ps->make);
    found = rendition_find(ps, src, px, &have);   /* made while this thread waited */
    if (have) {
        pthread_mutex_unlock(&ps->make);
        return found;
    }
    hc_buf jpeg = HC_BUF_INIT;
    int w = 0, h = 0;
    pdf_image *im = NULL;
    const char *why = "the image stage could not make it";
    if (hc_images_print(env->images, src, px, &jpeg, &w, &h) == 0)
        im = pdf_image_load(src, (const unsigned char *)jpeg.data, jpeg.len, &why);
    hc_buf_free(&jpeg);
    pdf_image_spill(im, &env->spill);
    malloc_trim(0);   /* the encoder's memory, before the next photo's */

    pthread_mutex_lock(&ps->mu);
    for (size_t i = 0; i < ps->n; i++)
        if (ps->v[i].px == px && strcmp(ps->v[i].src, src) == 0) {   /* another thread was quicker */
            pdf_image_free(im);
            found = ps->v[i].im;
            have = 1;
            break;
        }
    if (!have) {
        if (!im) hc_warn(env->d, "photo", src, 0, 0, "no print rendition of %s (%s); it is left out of the album", src, why);
        ps->v = hc_xgrow(ps->v, &ps->cap, ps->n + 1, sizeof *ps->v);
        ps->v[ps->n].src = hc_xstrdup(src);
        ps->v[ps->n].px = px;
        ps->v[ps->n].im = im;
        ps->n++;
        found = im;
    }
    pthread_mutex_unlock(&ps->mu);
    pthread_mutex_unlock(&ps->make);
    return found;
}

static void note_lowres(pdf_env *env, const pdf_pic *pic, double w, double h, double ppi, int need_px)
{
    struct pdf_photos *ps = env->photos;
    pthread_mutex_lock(&ps->mu);
    size_t i = 0;
    const char *at = pic->loc.path ? pic->loc.path : "";
    while (i < ps->nlow && !(strcmp(ps->low[i].src, pic->src) == 0 && strcmp(ps->low[i].loc.path, at) == 0 &&
                             ps->low[i].loc.line == pic->loc.line))
        i++;
    if (i == ps->nlow) {
        ps->low = hc_xgrow(ps->low, &ps->caplow, ps->nlow + 1, sizeof *ps->low);
        memset(&ps->low[i], 0, sizeof ps->low[i]);
        ps->low[i].src = hc_xstrdup(pic->src);
        ps->low[i].loc = pic->loc;
        ps->low[i].loc.path = at;   /* a model string, or "" */
        ps->low[i].ppi = 1e9;
        ps->nlow++;
    }
    lowres *l = &ps->low[i];
    if (ppi < l->ppi - 0.01) {
        l->ppi = ppi;
        l->w_mm = w / PDF_PT_PER_MM;
        l->h_mm = h / PDF_PT_PER_MM;
        l->need_px = need_px;
    }
    pthread_mutex_unlock(&ps->mu);
}

double pdf_pic_ppi(const pdf_pic *pic, double w, double h)
{
    double a = pdf_pic_aspect(pic), iw = w;
    if (w / a < h) iw = h * a;
    return iw > 0 ? pic->w / (iw / 72.0) : 0;
}

void pdf_photo_draw(pdf_doc *p, const pdf_pic *pic, double x, double y, double w, double h)
{
    if ((!p->cr && !p->prefetch) || !pic || !pic->src || w <= 0 || h <= 0) return;
    pdf_env *env = (pdf_env *)p->env;   /* the rendition table is the one shared thing that changes */
    /* scale to cover the frame, centred */
    double a = pdf_pic_aspect(pic), iw = w, ih = w / a;
    if (ih < h) {
        ih = h;
        iw = h * a;
    }
    int need = (int)ceil(iw / 72.0 * 300.0 - 1e-6);
    int px = need < pic->w ? need : pic->w;
    const pdf_image *im = rendition_get(env, pic->src, px);
    if (!im || !p->cr) return;   /* pagination: made ahead of the drawing (pdf_doc.prefetch) */
    cairo_save(p->cr);
    cairo_rectangle(p->cr, x, y, w, h);
    cairo_clip(p->cr);
    pdf_image_draw(p, im, x + (w - iw) / 2, y + (h - ih) / 2, iw, ih);
    cairo_restore(p->cr);
    double ppi = im->w / (iw / 72.0);
    if (p->warn_images && ppi < 299.5) note_lowres(env, pic, w, h, ppi, need);
}

/* By place (file, line), then image: the order of the content. */
static int cmp_low(const void *a, const void *b)
{
    const lowres *x = a, *y = b;
    int c = strcmp(x->loc.path, y->loc.path);
    if (!c) c = (x->loc.line > y->loc.line) - (x->loc.line < y->loc.line);
    return c ? c : strcmp(x->src, y->src);
}

void pdf_photos_report(pdf_env *env)
{
    struct pdf_photos *ps = env->photos;
    if (!ps) return;
    if (ps->nlow > 1) qsort(ps->low, ps->nlow, sizeof *ps->low, cmp_low);
    for (size_t i = 0; i < ps->nlow; i++) {
        const lowres *l = &ps->low[i];
        hc_warn(env->d, "photo-resolution", *l->loc.path ? l->loc.path : l->src, l->loc.line, l->loc.col,
                "photo %s is printed %.0f × %.0f mm in the album at %.0f ppi; print needs 300 ppi "
                "(use a file at least %d pixels wide)",
                l->src, l->w_mm, l->h_mm, l->ppi, l->need_px);
    }
}
