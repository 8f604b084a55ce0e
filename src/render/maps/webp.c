/* webp.c — WebP encoding of truecolor canvases (lossy, fixed quality).
 *
 * With HC_WITH_LIBWEBP defined (and libwebp linked) libwebp is called
 * directly at method 2, about 3.5× faster than libgd's gdImageWebpPtrEx,
 * which always uses method 4 (65 ms instead of 19 ms for a 1200×800 route
 * map, 4 % larger). Without it libgd encodes. Both are single-threaded and
 * deterministic. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include <stdlib.h>
#ifdef HC_WITH_LIBWEBP
#include <webp/encode.h>
#endif

#ifdef HC_WITH_LIBWEBP
static int writer(const uint8_t *data, size_t size, const WebPPicture *pic)
{
    hc_buf_put(pic->custom_ptr, data, size);
    return 1;
}

int mp_encode_webp(gdImagePtr im, hc_buf *out)
{
    int w = gdImageSX(im), h = gdImageSY(im), rc = -1;
    WebPConfig cfg;
    WebPPicture pic;
    if (!gdImageTrueColor(im) || !WebPConfigInit(&cfg) || !WebPPictureInit(&pic)) return -1;
    cfg.quality = HC_MAPS_WEBP_QUALITY;
    cfg.method = 2;
    unsigned char *rgb = hc_xmalloc((size_t)w * (size_t)h * 3);
    for (int y = 0; y < h; y++) {
        const int *px = im->tpixels[y];
        unsigned char *p = rgb + (size_t)y * (size_t)w * 3;
        for (int x = 0; x < w; x++) {
            p[3 * x] = (unsigned char)(px[x] >> 16);
            p[3 * x + 1] = (unsigned char)(px[x] >> 8);
            p[3 * x + 2] = (unsigned char)px[x];
        }
    }
    pic.width = w;
    pic.height = h;
    pic.writer = writer;
    pic.custom_ptr = out;
    if (WebPPictureImportRGB(&pic, rgb, w * 3) && WebPEncode(&cfg, &pic)) rc = 0;
    WebPPictureFree(&pic);
    free(rgb);
    return rc;
}
#else
int mp_encode_webp(gdImagePtr im, hc_buf *out)
{
    int size = 0;
    void *p = gdImageWebpPtrEx(im, &size, HC_MAPS_WEBP_QUALITY);
    if (!p) return -1;
    hc_buf_put(out, p, (size_t)size);
    gdFree(p);
    return 0;
}
#endif
