/* press.h — the edition work shared by press.c (qpdf rewrites the whole
 * document) and press_update.c (a big document's editions as incremental
 * updates of cairo's file). Internal to src/render/pdf. */
#ifndef HC_PDF_PRESS_H
#define HC_PDF_PRESS_H
#include "pdf_int.h"
#include <qpdf/qpdf-c.h>
#include <stdio.h>

/* what, followed by qpdf's error when it has one (malloc'd). */
char *pdf_qpdf_message(qpdf_data q, const char *what);
/* A page of the screen edition: MediaBox = the trim. */
void pdf_screen_page(qpdf_data q, qpdf_oh page, const pdf_geom *g);
/* A page of the press edition: full MediaBox, TrimBox, BleedBox, no
 * CropBox, no link annotations, no structure parents. */
void pdf_press_page(qpdf_data q, qpdf_oh page, const pdf_geom *g);
/* The press edition's catalogue: no structure tree. */
void pdf_press_root(qpdf_data q);
/* The byte offset after the last "startxref" of the file f; -1 if none. */
long long pdf_last_startxref(FILE *f);

/* A document file of pdf_update_min() bytes or more, without PDF/X, has
 * its editions written by pdf_editions_update (48 MB; the environment's
 * HUACE_PDF_UPDATE_MIN, a test hook, replaces it). */
long long pdf_update_min(void);
/* The two editions of the file in_path (its images already in) as copies
 * of it with an update appended: the pages' boxes, and for the press
 * edition no annotations and no structure tree. qpdf reads only the page
 * tree and the catalogue. Returns 0, or -1 with a message in err. */
int pdf_editions_update(const char *in_path, const pdf_geom *g, const char *screen_path, const char *press_path,
                        char **err);
#endif
