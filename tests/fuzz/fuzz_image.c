/* fuzz_image.c — the album's PNG and JPEG readers (src/render/pdf/image.c).
 *
 * Input: a photo or route map file, as the album reads it from assets/.
 * pdf_image_load sorts it into pass-through (PNG IDAT stream or JPEG file,
 * embedded as they are) or decoded pixels (through cairo); the image is then
 * drawn, as a page would, into a small cairo surface: pixels are painted,
 * pass-through images become placeholders (see image.c).
 *
 * Invariants checked beyond memory safety:
 * - NULL comes with a reason, an image without one;
 * - an image has a positive size and data; pass-through PNG data is the
 *   file's IDAT bytes (so no longer than the file), a JPEG is the file as it
 *   is; decoded pixels are stride × height bytes with a stride of at least
 *   4 × width; colours and bits per component are what PDF allows.
 */
#include "fuzz.h"
#include "render/pdf/pdf_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *why = NULL;
    pdf_image *im = pdf_image_load("assets/photo", data, size, &why);
    if (!im) {
        FUZZ_ASSERT(why != NULL && why[0]);
        return 0;
    }
    FUZZ_ASSERT(why == NULL);
    FUZZ_ASSERT(im->w > 0 && im->h > 0 && im->data != NULL && im->len > 0);
    FUZZ_ASSERT(im->path && !strcmp(im->path, "assets/photo"));
    switch (im->kind) {
    case PDF_IMG_FLATE:
        FUZZ_ASSERT(im->len <= size);
        FUZZ_ASSERT(im->colors == 1 || im->colors == 3);
        FUZZ_ASSERT(im->bpc == 1 || im->bpc == 2 || im->bpc == 4 || im->bpc == 8 || im->bpc == 16);
        FUZZ_ASSERT(im->colorspace != NULL);
        break;
    case PDF_IMG_DCT:
        FUZZ_ASSERT(im->len == size && !memcmp(im->data, data, size));
        FUZZ_ASSERT(im->bpc == 8 && (im->colors == 1 || im->colors == 3 || im->colors == 4));
        FUZZ_ASSERT(im->colorspace != NULL);
        break;
    case PDF_IMG_PIXELS:
        FUZZ_ASSERT(im->stride >= 4 * im->w && im->len == (size_t)im->stride * (size_t)im->h);
        break;
    default:
        FUZZ_ASSERT(!"unknown image kind");
    }
    FUZZ_ASSERT(pdf_image_ppi(im, 72.0) == im->w);

    /* drawn as a page would: into a 16 × 16 surface, at two sizes */
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 16, 16);
    pdf_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.cr = cairo_create(surface);
    pdf_image_draw(&doc, im, 1, 1, 14, 14);
    pdf_image_draw(&doc, im, 0, 0, 3, 5);
    FUZZ_ASSERT(doc.nused == (im->kind == PDF_IMG_PIXELS ? 0u : 1u));
    pdf_doc_images_free(&doc);
    cairo_destroy(doc.cr);
    cairo_surface_destroy(surface);
    pdf_image_free(im);
    return 0;
}
