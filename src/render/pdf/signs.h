/* signs.h — a sign for every node (醒目标识): print/signs/<unit id>/<node id>.pdf.
 *
 * One page per node, at the size hc_pdf_opts.sign_w_mm × sign_h_mm
 * (site.yaml print.sign_size, default A3 portrait) with the album's bleed,
 * crop marks and TrimBox/BleedBox: the press edition of press.c, so with
 * --pdfx / print.pdfx a sign is PDF/X-4 in CMYK with its text on K only,
 * exactly as the album's press edition. Each sign holds the unit's number and
 * name, the node's name, kind and status (colour, name, meaning), the unit's
 * route map with 你在这里 on this node and the route ahead drawn over it, the
 * next node's name, direction and straight-line distance (from the node
 * coordinates), and a QR code to <base_url>projects/<id>/#<node id>.
 *
 * The signs stream unit by unit: pdf_signs_unit draws the unit's route map
 * once (hc_map_route_sign_png, 200 dpi), then that unit's signs, then frees
 * the map, so the stage holds one map per worker thread whatever the number
 * of units. Units are drawn on the album's worker threads. Deterministic:
 * the date is the model's today.
 *
 * Use: pdf_signs_new, then pdf_signs_unit(s, u, pc) for every unit u <
 * m->nprojects (each unit on one thread; units in any order, on any
 * threads), then pdf_signs_files and pdf_signs_free. Errors go to env->d. */
#ifndef HC_PDF_SIGNS_H
#define HC_PDF_SIGNS_H
#include "pdf_int.h"

typedef struct pdf_signs pdf_signs;
struct pdf_pdfx;

/* NULL (and an error, rule "print") if the size is out of range. pdfx may be NULL. */
pdf_signs *pdf_signs_new(const pdf_env *env, double w_mm, double h_mm, struct pdf_pdfx *pdfx);
/* Unit unit's map and all its signs (none for a unit without nodes).
 * Returns 0, or -1 once it has reported an error. */
int pdf_signs_unit(pdf_signs *s, size_t unit, PangoContext *pc);
size_t pdf_signs_files(const pdf_signs *s);
void pdf_signs_free(pdf_signs *s);

/* The compass word for a walk from (lon0, lat0) to (lon1, lat1) ("东北": no
 * 向), and the great-circle distance in metres. For signs and tests. */
const char *pdf_sign_direction(double lon0, double lat0, double lon1, double lat1, double *metres);

#endif
