/* pdf.h — the 党建画册: album PDFs with cairo + pango, page boxes with qpdf.
 *
 * Reads the model only. Writes into o->out_dir (site paths):
 *   print/album.pdf         screen edition: RGB, links, outline, page labels, metadata
 *   print/album-press.pdf   press edition: trim + bleed, crop marks, TrimBox/BleedBox
 *   print/<id>.pdf          each unit's own album (screen edition)
 *   print/<id>-press.pdf    each unit's own album (press edition)
 *   print/album.html        the album for browser printing (@page rules)
 *   print/signs/<id>/<node id>.pdf   a sign for every node (signs.h), unless sign_w_mm is 0
 * Output is deterministic: creation date from m->today, no time of day, no
 * random ids (the PDF /ID is derived from the content).
 *
 * Both editions of a document come from one cairo render: the page is drawn
 * on a media of trim + 2 × (bleed + marks area), with crop marks outside the
 * bleed; qpdf then writes the screen edition with the MediaBox set to the trim
 * (links, outline and tags kept) and the press edition with the full media,
 * /TrimBox and /BleedBox on every page and no link annotations.
 *
 * Case studies: read again with hc_doc_body_html when a document needs
 * them (the load keeps no bodies). Route maps come from
 * hc_map_route_print_png (300 dpi PNG, embedded without re-encoding). Needs
 * the Noto CJK fonts (Debian fonts-noto-cjk) through fontconfig; without them
 * hc_pdf_render reports an error (rule "font").
 *
 * Photos (project photos, case-study figures, print.cover_photo) come only
 * from the image stage: hc_images_print(o->images, …) at the width their
 * placed size needs at 300 ppi, an upright, sRGB, metadata-free JPEG that
 * is embedded as it is; the source file never reaches a PDF. Without
 * o->images the album has no photos. A photo whose source is too small for
 * its place is a warning (rule "photo-resolution") naming the file, its
 * placed size in mm and its effective ppi. More in src/render/pdf/README.md.
 */
#ifndef HC_PDF_H
#define HC_PDF_H
#include <stddef.h>
#include "../../base/diag.h"
#include "../../model/model.h"

typedef struct {
    const char *out_dir;        /* staging folder */
    double trim_w_mm, trim_h_mm;/* finished size 50–1000 mm; 0 = the default 210 × 285 (大度16开) */
    double bleed_mm;            /* 0–10 mm, as given (site.yaml's default is 3); 0 = no bleed */
    int pdfx;                   /* the press edition as PDF/X-4 in CMYK (render/pdf/pdfx.h) */
    int quiet;                  /* no progress on stderr */
    int jobs;                   /* worker threads; 0 = 1 */
    /* --- added after the first contract; zero = default --- */
    const char *pdfx_icc;       /* the print shop's CMYK output profile (.icc); default: the generic one (pdfx.h) */
    const char *pdfx_condition; /* its OutputConditionIdentifier (e.g. "FOGRA39"); default "Custom" */
    int no_units;               /* skip print/<id>.pdf and print/<id>-press.pdf */
    const struct hc_images *images; /* the image stage's set (render/images/images.h), read only; NULL = no photos */
    const char *cache_dir;      /* PDF/X: images converted to CMYK, kept between builds (OUT.huace-cmyk); NULL = none */
    double sign_w_mm, sign_h_mm;/* the node signs' trim (portrait, print.sign_size); 0 = no signs */
    const char *maps_cache_dir; /* route maps kept between builds (OUT.huace-maps, maps.h); NULL = none */
    const char *fonts_cache_dir;/* the CJK faces' subsets kept between builds (OUT.huace-fonts); NULL = the faces whole */
} hc_pdf_opts;

typedef struct {
    size_t files;               /* PDFs (and album.html) written */
    size_t pages;               /* pages in print/album.pdf */
    size_t signs;               /* of files: the node signs */
    double signs_seconds;       /* of seconds: drawing them */
    double seconds;
} hc_pdf_stats;

/* Renders every output above, on o->jobs threads; progress "huace: album
 * N/M pages" on stderr once it has taken a second, unless o->quiet.
 * Returns 0, or -1 after reporting errors to d
 * (rule "font" when the CJK fonts are missing, "print" for bad options,
 * "pdfx" when the output profile cannot be used, "write" for I/O). */
int hc_pdf_render(const hc_model *m, const hc_pdf_opts *o, hc_diags *d, hc_pdf_stats *st);

#endif
