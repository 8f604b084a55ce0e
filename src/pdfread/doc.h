/* doc.h — a PDF file opened with libqpdf, read page by page through the
 * content-stream interpreter (interp.h).
 *
 * pr_doc_open reads the whole file (qpdf, recovery on) and pushes inherited
 * page attributes (Resources, MediaBox, CropBox) down to the pages. The
 * pr_doc owns everything it hands out (strings, lookup tables, form content)
 * until pr_doc_close; qpdf object handles come from pr_doc_qpdf's qpdf_data
 * and live as long as it does.
 *
 * pr_doc_run_page runs a page's content with the caller's events (ctx,
 * paint, text, image, form of the handler; its resource callbacks are
 * replaced by the document's). The res pointer the events receive stands for
 * a resource dictionary and can be passed to pr_doc_font.
 * Nothing here prints; errors come back as messages.
 */
#ifndef HC_PDFREAD_DOC_H
#define HC_PDFREAD_DOC_H
#include "interp.h"
#include <qpdf/qpdf-c.h>

typedef struct pr_doc pr_doc;

typedef struct {
    int objnum, gen;          /* 0 for a font that is a direct object */
    char basefont[128];       /* without the '/'; "" when missing */
    char subtype[16];         /* Type1, TrueType, Type0, Type3, MMType1, CIDFontType0… */
    int embedded;             /* FontFile/FontFile2/FontFile3 (through a Type0's descendant), or Type3 */
    int subset;               /* the base font name starts with six capitals and '+' */
} pr_font;

/* NULL on failure, with a malloc'd message in *err. */
pr_doc *pr_doc_open(const char *path, char **err);
void pr_doc_close(pr_doc *d);
qpdf_data pr_doc_qpdf(pr_doc *d);

const char *pr_doc_header_version(const pr_doc *d);   /* "1.5" from %PDF-1.5; "" when none */
int pr_doc_npages(const pr_doc *d);
qpdf_oh pr_doc_page(pr_doc *d, int i);                /* 0-based */
/* Whether the file has object streams / a cross-reference stream (read from
 * its bytes: an object of /Type /ObjStm; what its last startxref points at). */
int pr_doc_has_object_streams(const pr_doc *d);
int pr_doc_has_xref_stream(const pr_doc *d);

/* A page box (/MediaBox, /TrimBox…, normalised x0 < x1); 0 when the page has it. */
int pr_doc_page_box(pr_doc *d, int i, const char *key, pr_rect *out);
/* Runs page i's content (all its streams); 0, or -1 with a message in *err
 * (malloc'd) when the content cannot be read, 1 when the run was cut short. */
int pr_doc_run_page(pr_doc *d, int i, const pr_handler *events, char **err);

/* The font a Tf name stands for in res (as given to a text event); 0 when found. */
int pr_doc_font(pr_doc *d, void *res, const char *name, pr_font *out);
/* Reads an image XObject's font-independent samples: fully decoded (DCT and
 * Flate included) into a malloc'd buffer. 0 when decoded. */
int pr_doc_image_samples(pr_doc *d, const pr_xobject *im, unsigned char **data, size_t *len);
/* A colour space object resolved (for shadings, images and the caller). */
void pr_doc_colorspace(pr_doc *d, qpdf_oh o, pr_cs *out);

#endif
