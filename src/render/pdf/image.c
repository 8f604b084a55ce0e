/* image.c — photos and route maps in the album, embedded without re-encoding.
 *
 * cairo 1.16 embeds an image by decoding it and compressing the pixels again
 * with zlib, for every PDF it appears in: about 65 ms for one 300 dpi route
 * map, and each map appears in four PDFs. PDF can take most PNG data as it is
 * (the IDAT stream is FlateDecode with PNG predictors) and JPEG files
 * verbatim (DCTDecode). So an image PDF can take is drawn as a tiny
 * placeholder image, 1 × (PDF_PLACEHOLDER_H0 + k) pixels for the k-th image of
 * the document, at the final size and position; pdf_editions (press.c) then
 * finds each placeholder XObject by its size and puts the original data,
 * colour space and decode parameters in its place. Other images (PNG with
 * alpha, interlaced PNG) are decoded and handed to cairo as pixels.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../../base/hash.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

typedef struct { const unsigned char *p; size_t len, at; } reader;

static cairo_status_t read_mem(void *closure, unsigned char *data, unsigned int n)
{
    reader *r = closure;
    if (r->len - r->at < n) return CAIRO_STATUS_READ_ERROR;
    memcpy(data, r->p + r->at, n);
    r->at += n;
    return CAIRO_STATUS_SUCCESS;
}

/* Decodes with cairo into a pixel copy of our own. */
static pdf_image *png_pixels(pdf_image *im, const unsigned char *data, size_t len, const char **why)
{
    reader r = { data, len, 0 };
    cairo_surface_t *s = cairo_image_surface_create_from_png_stream(read_mem, &r);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        *why = "the PNG data cannot be decoded";
        pdf_image_free(im);
        return NULL;
    }
    cairo_surface_flush(s);
    im->kind = PDF_IMG_PIXELS;
    im->w = cairo_image_surface_get_width(s);
    im->h = cairo_image_surface_get_height(s);
    im->stride = cairo_image_surface_get_stride(s);
    im->alpha = cairo_image_surface_get_format(s) == CAIRO_FORMAT_ARGB32;
    im->len = (size_t)im->stride * (size_t)im->h;
    im->data = hc_xmalloc(im->len ? im->len : 1);
    memcpy(im->data, cairo_image_surface_get_data(s), im->len);
    cairo_surface_destroy(s);
    return im;
}

static pdf_image *load_png(pdf_image *im, const unsigned char *d, size_t len, const char **why)
{
    size_t at = 8;
    int depth = 0, ctype = -1, interlace = 0, trns = 0;
    hc_buf idat = HC_BUF_INIT, pal = HC_BUF_INIT;
    while (at + 12 <= len) {
        uint32_t n = be32(d + at);
        const unsigned char *type = d + at + 4, *body = d + at + 8;
        if (n > len - at - 12) break;
        if (memcmp(type, "IHDR", 4) == 0 && n >= 13) {
            im->w = (int)be32(body);
            im->h = (int)be32(body + 4);
            depth = body[8];
            ctype = body[9];
            interlace = body[12];
        } else if (memcmp(type, "PLTE", 4) == 0) {
            hc_buf_reset(&pal);
            for (uint32_t i = 0; i < n; i++) hc_buf_printf(&pal, "%02x", body[i]);
        } else if (memcmp(type, "tRNS", 4) == 0) {
            trns = 1;
        } else if (memcmp(type, "IDAT", 4) == 0) {
            hc_buf_put(&idat, body, n);
        } else if (memcmp(type, "IEND", 4) == 0) {
            break;
        }
        at += 12 + (size_t)n;
    }
    if (im->w <= 0 || im->h <= 0 || !idat.len) {
        hc_buf_free(&idat);
        hc_buf_free(&pal);
        *why = "the PNG file is truncated or damaged";
        pdf_image_free(im);
        return NULL;
    }
    int pass = !interlace && !trns &&
               ((ctype == 0 && (depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16)) ||
                (ctype == 2 && (depth == 8 || depth == 16)) ||
                (ctype == 3 && (depth == 1 || depth == 2 || depth == 4 || depth == 8) && pal.len >= 6));
    if (!pass) {
        hc_buf_free(&idat);
        hc_buf_free(&pal);
        return png_pixels(im, d, len, why);
    }
    im->kind = PDF_IMG_FLATE;
    im->bpc = depth;
    im->colors = ctype == 2 ? 3 : 1;
    if (ctype == 3) {
        hc_buf cs = HC_BUF_INIT;
        hc_buf_printf(&cs, "[/Indexed /DeviceRGB %zu <%s>]", pal.len / 6 - 1, hc_buf_cstr(&pal));
        im->colorspace = hc_buf_detach(&cs, NULL);
    } else {
        im->colorspace = hc_xstrdup(ctype == 2 ? "/DeviceRGB" : "/DeviceGray");
    }
    im->len = idat.len;
    im->data = (unsigned char *)hc_buf_detach(&idat, NULL);
    hc_buf_free(&pal);
    return im;
}

static pdf_image *load_jpeg(pdf_image *im, const unsigned char *d, size_t len, const char **why)
{
    size_t at = 2;
    int adobe = 0, ncomp = 0, prec = 0;
    while (at + 4 <= len) {
        if (d[at] != 0xFF) break;
        unsigned m = d[at + 1];
        if (m == 0xFF) { at++; continue; }
        if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) { at += 2; continue; }
        if (m == 0xD9 || m == 0xDA) break;
        size_t n = (size_t)d[at + 2] << 8 | d[at + 3];
        if (n < 2 || at + 2 + n > len) break;
        const unsigned char *b = d + at + 4;
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC && n >= 8) {
            prec = b[0];
            im->h = b[1] << 8 | b[2];
            im->w = b[3] << 8 | b[4];
            ncomp = b[5];
        } else if (m == 0xEE && n >= 7 && memcmp(b, "Adobe", 5) == 0) {
            adobe = 1;
        }
        at += 2 + n;
    }
    if (im->w <= 0 || im->h <= 0 || prec != 8 || (ncomp != 1 && ncomp != 3 && ncomp != 4)) {
        *why = "the JPEG file is damaged or of a kind PDF cannot hold (8-bit gray, RGB or CMYK only)";
        pdf_image_free(im);
        return NULL;
    }
    im->kind = PDF_IMG_DCT;
    im->bpc = 8;
    im->colors = ncomp;
    im->colorspace = hc_xstrdup(ncomp == 1 ? "/DeviceGray" : ncomp == 3 ? "/DeviceRGB" : "/DeviceCMYK");
    im->invert_cmyk = ncomp == 4 && adobe;
    im->data = hc_xmalloc(len);
    memcpy(im->data, d, len);
    im->len = len;
    return im;
}

pdf_image *pdf_image_load(const char *path, const unsigned char *data, size_t len, const char **why)
{
    pdf_image *im = hc_xcalloc(1, sizeof *im);
    im->path = hc_xstrdup(path);
    im->fd = -1;
    if (len >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0) im = load_png(im, data, len, why);
    else if (len >= 4 && data[0] == 0xFF && data[1] == 0xD8) im = load_jpeg(im, data, len, why);
    else {
        *why = "not a PNG or JPEG file";
        pdf_image_free(im);
        return NULL;
    }
    if (im) im->hash = hc_hash(0x696d67u, im->data, im->len);
    return im;
}

/* ---- spilled image data ---- */

int pdf_spill_open(pdf_spill *sp, const char *dir)
{
    pthread_mutex_init(&sp->mu, NULL);
    sp->end = 0;
    hc_buf path = HC_BUF_INIT;
    hc_buf_printf(&path, "%s/.huace-album-images-XXXXXX", dir);
    sp->fd = mkostemp(path.data, O_CLOEXEC);
    if (sp->fd >= 0) unlink(hc_buf_cstr(&path));
    else pthread_mutex_destroy(&sp->mu);
    hc_buf_free(&path);
    return sp->fd >= 0 ? 0 : -1;
}

void pdf_spill_close(pdf_spill *sp)
{
    if (sp->fd < 0) return;
    close(sp->fd);
    sp->fd = -1;
    pthread_mutex_destroy(&sp->mu);
}

static int pwrite_all(int fd, const unsigned char *d, size_t n, long long off)
{
    while (n) {
        ssize_t k = pwrite(fd, d, n, (off_t)off);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return -1;
        d += k;
        n -= (size_t)k;
        off += k;
    }
    return 0;
}

void pdf_image_spill(pdf_image *im, pdf_spill *sp)
{
    if (!im || !sp || sp->fd < 0 || im->kind == PDF_IMG_PIXELS || !im->data) return;
    pthread_mutex_lock(&sp->mu);
    long long off = sp->end;
    sp->end += (long long)im->len;
    pthread_mutex_unlock(&sp->mu);
    if (pwrite_all(sp->fd, im->data, im->len, off) != 0) return;   /* a full disk: it stays in memory */
    free(im->data);
    im->data = NULL;
    im->fd = sp->fd;
    im->off = off;
}

const unsigned char *pdf_image_bytes(const pdf_image *im, hc_buf *tmp)
{
    if (im->data || im->fd < 0) return im->data;
    hc_buf_reset(tmp);
    hc_buf_grow(tmp, im->len);
    size_t got = 0;
    while (got < im->len) {
        ssize_t k = pread(im->fd, tmp->data + got, im->len - got, (off_t)(im->off + (long long)got));
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return NULL;
        got += (size_t)k;
    }
    tmp->len = im->len;
    return (const unsigned char *)tmp->data;
}

void pdf_image_free(pdf_image *im)
{
    if (!im) return;
    free(im->path);
    free(im->data);
    free(im->colorspace);
    free(im);
}

double pdf_image_ppi(const pdf_image *im, double w) { return w > 0 ? im->w / (w / 72.0) : 0; }

/* The k-th placeholder: 1 × (H0 + k) pixels of a fixed pseudo-random pattern
 * (so that cairo cannot mistake it for a flat colour). */
static cairo_surface_t *placeholder(size_t k)
{
    int h = PDF_PLACEHOLDER_H0 + (int)k;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, h);
    cairo_surface_flush(s);
    unsigned char *px = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    uint32_t x = 2463534242u + (uint32_t)k;
    for (int y = 0; y < h; y++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        uint32_t v = 0xFF000000u | (x & 0xFFFFFFu);
        memcpy(px + (size_t)y * (size_t)stride, &v, 4);
    }
    cairo_surface_mark_dirty(s);
    return s;
}

void pdf_image_draw(pdf_doc *p, const pdf_image *im, double x, double y, double w, double h)
{
    if (!p->cr || !im || w <= 0 || h <= 0) return;
    cairo_surface_t *s;
    int sw, sh;
    if (im->kind == PDF_IMG_PIXELS) {
        s = cairo_image_surface_create_for_data(im->data, im->alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, im->w,
                                                im->h, im->stride);
        sw = im->w;
        sh = im->h;
    } else {
        size_t k = 0;
        while (k < p->nused && p->used[k] != im) k++;
        if (k == p->nused) {
            p->used = hc_xgrow(p->used, &p->capused, p->nused + 1, sizeof *p->used);
            p->placeholders = hc_xrealloc(p->placeholders, p->capused * sizeof *p->placeholders);
            p->used[k] = im;
            p->placeholders[k] = placeholder(k);
            p->nused++;
        }
        s = cairo_surface_reference(p->placeholders[k]);
        sw = 1;
        sh = PDF_PLACEHOLDER_H0 + (int)k;
    }
    cairo_save(p->cr);
    cairo_translate(p->cr, x, y);
    cairo_scale(p->cr, w / sw, h / sh);
    cairo_set_source_surface(p->cr, s, 0, 0);
    cairo_paint(p->cr);
    cairo_restore(p->cr);
    cairo_surface_destroy(s);
}

void pdf_doc_placeholders_free(pdf_doc *p)
{
    for (size_t k = 0; p->placeholders && k < p->nused; k++) cairo_surface_destroy(p->placeholders[k]);
    free(p->placeholders);
    p->placeholders = NULL;
}

void pdf_doc_images_free(pdf_doc *p)
{
    pdf_doc_placeholders_free(p);
    free(p->used);
    p->placeholders = NULL;
    p->used = NULL;
    p->nused = p->capused = 0;
}
