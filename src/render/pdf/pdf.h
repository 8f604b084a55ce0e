/* pdf.h — the 党建画册: album PDFs with cairo + pango, page boxes with qpdf.
 *
 * Reads the model only. Writes into o->out_dir (site paths):
 *   print/album.pdf         screen edition: RGB, links, outline, page labels, metadata
 *   print/album-press.pdf   press edition: trim + bleed, crop marks, TrimBox/BleedBox
 *   print/<id>.pdf          each unit's own album (screen edition)
 *   print/<id>-press.pdf    each unit's own album (press edition)
 *   print/album.html        the album for browser printing (@page rules)
 * Output is deterministic: creation date from m->today, no time of day, no
 * random ids (the PDF /ID is derived from the content).
 */
#ifndef HC_PDF_H
#define HC_PDF_H
#include <stddef.h>
#include "../../base/diag.h"
#include "../../model/model.h"

typedef struct {
    const char *out_dir;        /* staging folder */
    double trim_w_mm, trim_h_mm;/* finished size, default 210 × 285 (大度16开) */
    double bleed_mm;            /* default 3 */
    int pdfx;                   /* also convert the press edition to PDF/X-3 CMYK with gs */
    int quiet;                  /* no progress on stderr */
    int jobs;
} hc_pdf_opts;

typedef struct {
    size_t files;               /* PDFs (and album.html) written */
    size_t pages;               /* pages in print/album.pdf */
    double seconds;
} hc_pdf_stats;

int hc_pdf_render(const hc_model *m, const hc_pdf_opts *o, hc_diags *d, hc_pdf_stats *st);

#endif
