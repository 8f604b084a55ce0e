/* png.c — PNG encoding of truecolor canvases with zlib.
 *
 * libgd's encoder (libpng with adaptive filtering) takes about five times as
 * long at 2400×1600 and longer still for the A2 poster; map images are flat
 * colour with sharp edges, for which the Sub filter on every row and a fast
 * deflate level compress nearly as well. The output is fixed by the pixels,
 * the dpi and the zlib settings: no time stamps, no text chunks. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void put_u32(hc_buf *b, uint32_t v)
{
    unsigned char x[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16), (unsigned char)(v >> 8),
                           (unsigned char)v };
    hc_buf_put(b, x, 4);
}

/* Writes a chunk whose data is already in out at [start + 8, out->len). */
static void end_chunk(hc_buf *out, size_t start)
{
    size_t len = out->len - start - 8;
    unsigned char *p = (unsigned char *)out->data + start;
    p[0] = (unsigned char)(len >> 24);
    p[1] = (unsigned char)(len >> 16);
    p[2] = (unsigned char)(len >> 8);
    p[3] = (unsigned char)len;
    uLong crc = crc32(0L, p + 4, (uInt)(len + 4));
    put_u32(out, (uint32_t)crc);
}

static size_t begin_chunk(hc_buf *out, const char *type)
{
    size_t start = out->len;
    put_u32(out, 0);
    hc_buf_put(out, type, 4);
    return start;
}

/* One row as filter type 1 (Sub): each byte minus the same channel of the
 * pixel to its left. */
static void sub_filter(unsigned char *line, const int *px, int w)
{
    line[0] = 1;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* four bytes at once: 0x00RRGGBB → R, G, B in memory, per-byte subtraction
     * without borrows; the fourth byte is overwritten by the next pixel */
    const uint32_t hi = 0x80808080u;
    uint32_t prev = 0;
    for (int x = 0; x < w; x++) {
        uint32_t v = __builtin_bswap32((uint32_t)px[x]) >> 8;
        uint32_t d = ((v | hi) - (prev & ~hi)) ^ ((v ^ ~prev) & hi);
        memcpy(line + 1 + 3 * x, &d, 4);
        prev = v;
    }
#else
    unsigned char pr = 0, pg = 0, pb = 0;
    for (int x = 0; x < w; x++) {
        unsigned char r = (unsigned char)(px[x] >> 16), g = (unsigned char)(px[x] >> 8), b = (unsigned char)px[x];
        line[1 + 3 * x] = (unsigned char)(r - pr);
        line[2 + 3 * x] = (unsigned char)(g - pg);
        line[3 + 3 * x] = (unsigned char)(b - pb);
        pr = r;
        pg = g;
        pb = b;
    }
#endif
}

int mp_encode_png(gdImagePtr im, hc_buf *out)
{
    int w = gdImageSX(im), h = gdImageSY(im);
    if (!gdImageTrueColor(im) || w <= 0 || h <= 0) return -1;
    size_t row = 1 + 3 * (size_t)w;
    unsigned char *line = hc_xmalloc(row + 1);   /* +1: sub_filter stores 4 bytes at a time */
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (deflateInit2(&zs, HC_MAPS_PNG_LEVEL, Z_DEFLATED, 15, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(line);
        return -1;
    }
    static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    hc_buf_put(out, sig, 8);
    size_t c = begin_chunk(out, "IHDR");
    put_u32(out, (uint32_t)w);
    put_u32(out, (uint32_t)h);
    static const unsigned char ihdr[5] = { 8, 2, 0, 0, 0 };   /* 8-bit RGB, deflate, filters, no interlace */
    hc_buf_put(out, ihdr, 5);
    end_chunk(out, c);
    int dpi_x = gdImageResolutionX(im), dpi_y = gdImageResolutionY(im);
    if (dpi_x > 0 && dpi_y > 0) {
        c = begin_chunk(out, "pHYs");
        put_u32(out, (uint32_t)(dpi_x / 0.0254 + 0.5));
        put_u32(out, (uint32_t)(dpi_y / 0.0254 + 0.5));
        hc_buf_putc(out, 1);                       /* unit: metre */
        end_chunk(out, c);
    }
    c = begin_chunk(out, "IDAT");
    int rc = 0;
    for (int y = 0; y < h && rc == 0; y++) {
        sub_filter(line, im->tpixels[y], w);
        zs.next_in = line;
        zs.avail_in = (uInt)row;
        int flush = y == h - 1 ? Z_FINISH : Z_NO_FLUSH;
        do {
            hc_buf_grow(out, 65536);
            zs.next_out = (unsigned char *)out->data + out->len;
            zs.avail_out = (uInt)(out->cap - out->len - 1);
            int zr = deflate(&zs, flush);
            out->len = out->cap - 1 - zs.avail_out;
            if (zr == Z_STREAM_ERROR) rc = -1;
            if (zr == Z_STREAM_END) break;
        } while (rc == 0 && (zs.avail_in > 0 || (flush == Z_FINISH)));
    }
    deflateEnd(&zs);
    free(line);
    if (rc != 0) return -1;
    out->data[out->len] = 0;
    end_chunk(out, c);
    c = begin_chunk(out, "IEND");
    end_chunk(out, c);
    return 0;
}
