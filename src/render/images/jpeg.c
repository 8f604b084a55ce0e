/* jpeg.c — a phone photo decoded straight to about the size we need.
 *
 * libjpeg-turbo scales while it decodes, by k/8 for any k from 1 to 8: it
 * runs a smaller inverse DCT on each block, so a 4000 px photo needed at
 * 2400 px comes out 2500 px wide (5/8) at a fraction of the cost of a full
 * decode followed by a 12-megapixel resize. libvips' own JPEG loader only
 * offers 1/2, 1/4 and 1/8, which for the usual 4000 → 2400 case means
 * no shrink at all. Everything else (ICC profile, orientation, the resize
 * the rest of the way) stays with libvips in vips.c.
 *
 * Warnings are errors here too: a truncated or damaged file, which libjpeg
 * would finish with grey, is refused. */
#include "images_int.h"
#include "jpeg_err.h"
#include "../../base/alloc.h"
#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

static void on_error(j_common_ptr c)
{
    hc_jpeg_err *e = (hc_jpeg_err *)c->err;
    c->err->format_message(c, e->text);
    longjmp(e->jump, 1);
}

/* A warning (level -1) ends the decode as an error would; trace messages
 * (level > 0) are ignored. */
static void on_message(j_common_ptr c, int level)
{
    if (level < 0) on_error(c);
}

struct jpeg_error_mgr *hc_jpeg_err_init(hc_jpeg_err *e)
{
    jpeg_std_error(&e->pub);
    e->pub.error_exit = on_error;
    e->pub.emit_message = on_message;
    e->text[0] = 0;
    return &e->pub;
}

/* The smallest k/8 (k = 1..8) at which `across` pixels become at least
 * `need`. */
static int eighths(int across, int need)
{
    int k = 1;
    while (k < 8 && (long)across * k < (long)need * 8) k++;
    return k;
}

/* Rows y0..y0+n of a w-pixel-wide picture (rows: n rows of w*bands bytes)
 * written into im turned a quarter counterclockwise: pixel (x, y) lands at
 * (y, w-1-x). A block of rows at a time, so each output row gets n pixels
 * side by side (a cache line) rather than one. Pixels are moved, never
 * mixed: no resampling here. */
static void put_turned(VipsImage *im, const unsigned char *rows, int w, int bands, int y0, int n)
{
    size_t stride = (size_t)w * (size_t)bands;
    for (int x = 0; x < w; x++) {
        unsigned char *dst = VIPS_IMAGE_ADDR(im, y0, w - 1 - x);
        const unsigned char *src = rows + (size_t)x * (size_t)bands;
        for (int k = 0; k < n; k++, dst += bands, src += stride) memcpy(dst, src, (size_t)bands);
    }
}

#define TURN_ROWS 16   /* rows decoded before they are turned into place */

int hc_jpeg_decode(const void *data, size_t len, int across, int need, int turn, VipsImage **out, hc_buf *why)
{
    struct jpeg_decompress_struct c;
    hc_jpeg_err e;
    VipsImage *volatile im = NULL;
    unsigned char *volatile rows = NULL;
    volatile int rc = -1;
    *out = NULL;
    c.err = hc_jpeg_err_init(&e);
    jpeg_create_decompress(&c);
    if (setjmp(e.jump)) {
        hc_buf_printf(why, "cannot be decoded: the file is damaged or truncated (%s)", e.text);
        goto out;
    }
    jpeg_mem_src(&c, (const unsigned char *)data, (unsigned long)len);
    jpeg_read_header(&c, TRUE);
    if (c.jpeg_color_space != JCS_YCbCr && c.jpeg_color_space != JCS_GRAYSCALE && c.jpeg_color_space != JCS_RGB) {
        rc = 1;   /* CMYK, YCCK: libvips knows Adobe's conventions */
        goto out;
    }
    c.out_color_space = c.jpeg_color_space == JCS_GRAYSCALE ? JCS_GRAYSCALE : JCS_RGB;
    c.scale_num = (unsigned)eighths(across, need);
    c.scale_denom = 8;
    c.dct_method = JDCT_ISLOW;
    jpeg_start_decompress(&c);
    int w = (int)c.output_width, h = (int)c.output_height, bands = c.output_components;
    im = vips_image_new_memory();
    vips_image_init_fields(im, turn ? h : w, turn ? w : h, bands, VIPS_FORMAT_UCHAR, VIPS_CODING_NONE,
                           bands == 1 ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB, 1.0, 1.0);
    if (vips_image_write_prepare(im) != 0) {
        hc_buf_puts(why, "cannot be decoded: out of image memory");
        goto out;
    }
    if (turn) rows = hc_xmalloc((size_t)w * (size_t)bands * TURN_ROWS);
    while (c.output_scanline < c.output_height) {
        int y0 = (int)c.output_scanline, n = 0;
        if (!turn) {
            JSAMPROW row = (JSAMPROW)VIPS_IMAGE_ADDR(im, 0, c.output_scanline);
            jpeg_read_scanlines(&c, &row, 1);
            continue;
        }
        while (n < TURN_ROWS && c.output_scanline < c.output_height) {
            JSAMPROW row = rows + (size_t)n * (size_t)w * (size_t)bands;
            n += (int)jpeg_read_scanlines(&c, &row, 1);
        }
        put_turned(im, rows, w, bands, y0, n);
    }
    jpeg_finish_decompress(&c);
    *out = im;
    im = NULL;
    rc = 0;
out:
    jpeg_destroy_decompress(&c);
    if (im) g_object_unref(im);
    free(rows);
    return rc;
}
