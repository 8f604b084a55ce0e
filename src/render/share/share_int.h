/* share_int.h — shared by the share module's files only. */
#ifndef HC_SHARE_INT_H
#define HC_SHARE_INT_H
#include "share.h"
#include "../../base/buf.h"

#define HC_SHARE_VERSION "huace-share/6"

typedef struct {
    const char *title;        /* big, two lines at most */
    const char *site;         /* the line under it */
    const char *tag;          /* the chip at the top left; NULL: none */
    const char *mark;         /* one character (UTF-8) drawn faint on a plain card */
    const char *photo;        /* file of a photo rendition to crop to fill; NULL: none */
    const hc_model *m;        /* with project: draw that unit's route map (map = 1) */
    size_t project;
    int map;
    double rgb[3];            /* theme colour, 0..1 */
} share_card;

/* Our own pango font map and context (not pango's per-thread default, which
 * is never freed): open once per run, close at its end. One thread at a time. */
typedef struct share_fonts share_fonts;
share_fonts *share_fonts_open(void);
void share_fonts_close(share_fonts *f);

/* Draws a card and appends its JPEG bytes to jpeg. Returns 0, or -1 after
 * reporting to d (with where as the file named). */
int share_draw_card(share_fonts *f, const share_card *c, const char *where, hc_buf *jpeg, hc_diags *d);
/* The favicon: a px × px PNG (appended to png), or the SVG (to svg). */
int share_draw_icon_png(share_fonts *f, const char *mark, const double rgb[3], int px, hc_buf *png);
int share_draw_icon_svg(share_fonts *f, const char *mark, const double rgb[3], hc_buf *svg);

#endif
