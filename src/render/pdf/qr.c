/* qr.c — QR codes with libqrencode, drawn as vector modules (crisp at any
 * print resolution) or written as SVG for album.html. */
#include "pdf_int.h"
#include <qrencode.h>

#define QUIET 4   /* modules of white around the code, as the standard asks */

static QRcode *encode(const char *text)
{
    return QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
}

/* The next run of dark modules in row r at or after *c, as [*c, *e); 0 when
 * the row has none left. */
static int next_run(const QRcode *qr, int r, int *c, int *e)
{
    int n = qr->width;
    while (*c < n && !(qr->data[r * n + *c] & 1)) (*c)++;
    if (*c >= n) return 0;
    *e = *c;
    while (*e < n && (qr->data[r * n + *e] & 1)) (*e)++;
    return 1;
}

int pdf_qr_draw(pdf_doc *p, const char *text, double x, double y, double size)
{
    QRcode *qr = encode(text);
    if (!qr) return -1;
    if (p->cr) {
        int n = qr->width, total = n + 2 * QUIET;
        double m = size / total;
        cairo_t *cr = p->cr;
        cairo_save(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_rectangle(cr, x, y, size, size);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        for (int r = 0; r < n; r++)
            for (int c = 0, e; next_run(qr, r, &c, &e); c = e)
                cairo_rectangle(cr, x + (QUIET + c) * m, y + (QUIET + r) * m, (e - c) * m, m);
        cairo_fill(cr);
        cairo_restore(cr);
    }
    QRcode_free(qr);
    return 0;
}

int pdf_qr_svg(const char *text, hc_buf *out)
{
    QRcode *qr = encode(text);
    if (!qr) return -1;
    int n = qr->width, total = n + 2 * QUIET;
    hc_buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\">"
                       "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
                  total, total, total, total);
    for (int r = 0; r < n; r++)
        for (int c = 0, e; next_run(qr, r, &c, &e); c = e)
            hc_buf_printf(out, "M%d %dh%dv1h-%dz", QUIET + c, QUIET + r, e - c, e - c);
    hc_buf_puts(out, "\"/></svg>");
    QRcode_free(qr);
    return 0;
}
