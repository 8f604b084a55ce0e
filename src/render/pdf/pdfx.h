/* pdfx.h — the press edition as PDF/X-4 in CMYK, converted in-process.
 *
 * After cairo's render and press.c's edition work, pdf_pdfx_apply rewrites
 * the press edition held in a qpdf_data:
 *   - every content stream (pages, and forms they use) has its RGB and grey
 *     colour operators (rg RG g G) replaced by CMYK ones (k K) by the rules
 *     of cmyk.h; the registration sentinel (below) becomes /Separation /All;
 *   - images in DeviceRGB become DeviceCMYK: photos (JPEG) through the
 *     profile and re-encoded as CMYK JPEG (quality PDF_PDFX_JPEG_Q), maps and
 *     drawings (Flate) with their greys in K only, Flate again; an Indexed
 *     RGB palette is converted in place;
 *   - transparency groups in DeviceRGB become DeviceCMYK;
 *   - the document gets an OutputIntent /GTS_PDFX with the profile embedded,
 *     GTS_PDFXVersion (PDF/X-4) and /Trapped /False in Info, XMP metadata
 *     that agrees with Info (pdfxid:GTS_PDFXVersion), dates from the build
 *     date; press.c writes it as PDF 1.6 with a deterministic /ID.
 * Image conversions are shared by all documents and threads (one per
 * pdf_image, made by the first thread that needs it).
 *
 * Registration colour: page.c draws crop marks in the RGB colour
 * PDF_REG_R/G/B (1/255, 2/255, 3/255), which nothing else draws; the
 * converter maps exactly that colour to /Separation /All tint 1. Without
 * PDF/X the marks print as (near) black RGB.
 */
#ifndef HC_PDF_PDFX_H
#define HC_PDF_PDFX_H
#include "cmyk.h"
#include "../../base/buf.h"
#include <qpdf/qpdf-c.h>

#define PDF_REG_R (1.0 / 255)
#define PDF_REG_G (2.0 / 255)
#define PDF_REG_B (3.0 / 255)
#define PDF_PDFX_JPEG_Q 92
/* The profile used when print.icc is not set (Debian libgs-common). */
#define PDF_PDFX_GENERIC_ICC "/usr/share/color/icc/ghostscript/default_cmyk.icc"

struct pdf_image;
typedef struct pdf_pdfx pdf_pdfx;

/* icc: the output profile (NULL: the generic one, *generic set to 1);
 * condition: its OutputConditionIdentifier (NULL: "Custom"). NULL with a
 * malloc'd message in *err. */
pdf_pdfx *pdf_pdfx_new(const char *icc, const char *condition, const char *cache_dir, int *generic, char **err);
/* After a run without errors: drops cached images this run did not use. */
void pdf_pdfx_prune(pdf_pdfx *x);
void pdf_pdfx_free(pdf_pdfx *x);
const pdf_cmyk *pdf_pdfx_cmyk(const pdf_pdfx *x);
/* The output condition identifier (print.condition, or "Custom"). */
const char *pdf_pdfx_condition(const pdf_pdfx *x);

/* The press edition in q: xo[k] is the image XObject of used[k]; date is
 * "YYYY-MM-DD". 0, or -1 with a malloc'd message in *err. */
int pdf_pdfx_apply(pdf_pdfx *x, qpdf_data q, const struct pdf_image *const *used, const qpdf_oh *xo, size_t nused,
                   const char *date, char **err);

/* One content stream's colour operators rewritten (in → out); *reg set when
 * the registration colour was used (its space is named /HcAll). Returns the
 * number of operators replaced. */
size_t pdf_pdfx_content(const pdf_cmyk *c, const char *in, size_t len, hc_buf *out, int *reg);

/* Images (pdfx_img.c). A cache of converted images, keyed by pdf_image,
 * safe to share between threads. */
typedef struct pdf_imgcache pdf_imgcache;
/* dir: where converted images are kept between builds (NULL: nowhere). */
pdf_imgcache *pdf_imgcache_new(const char *dir, const pdf_cmyk *c);
void pdf_imgcache_free(pdf_imgcache *ic);
/* Removes the files of the cache folder this run did not use. */
void pdf_imgcache_prune(pdf_imgcache *ic);
/* Converts the image XObject xo (holding im's data) in place. 0, or -1 with
 * a malloc'd message in *err. */
int pdf_pdfx_image(const pdf_cmyk *c, pdf_imgcache *ic, qpdf_data q, qpdf_oh xo, const struct pdf_image *im,
                   char **err);

#endif
