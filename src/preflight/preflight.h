/* preflight.h — `huace preflight FILE.pdf [--format json]`: would a press
 * shop accept this PDF? See hc_cmd_preflight's help text in main.c.
 *
 * The report is built in three steps, each in its own file:
 *   pf_collect (collect.c)  walks every page with src/pdfread and records
 *                           boxes, fonts, image placements, colour spaces,
 *                           text colours and ink; pf_read_keys (keys.c) reads
 *                           the document's PDF/X keys;
 *   pf_judge (judge.c)      turns the facts into problems and warnings;
 *   pf_print_text/_json     (report.c) prints them.
 * A pf_report owns all its strings and arrays; pf_report_free releases them.
 */
#ifndef HC_PREFLIGHT_H
#define HC_PREFLIGHT_H
#include "../cli.h"
#include "../pdfread/doc.h"
#include <stdio.h>

#define PF_BLEED_MM 3.0          /* bleed a shop asks for on every side */
#define PF_PPI_MIN 200           /* below: a problem */
#define PF_PPI_GOOD 300          /* below: a warning */
#define PF_INK_MAX 300.0         /* total area coverage, % */
#define PF_TEXT_CMY_MAX 0.02     /* C, M or Y in dark text */
#define PF_TEXT_NEUTRAL 0.30     /* dark text is "black" when max - min of its C, M, Y is at most this */

enum { PF_USE_FILL, PF_USE_STROKE, PF_USE_TEXT, PF_USE_IMAGE, PF_USE_SHADING, PF_NUSES };

typedef struct {
    pr_rect media, trim, bleed;
    int has_trim, has_bleed;
    /* artwork reaching the trim edge: the shortest reach beyond it (mm) */
    int art_short;               /* how many elements stop short of the bleed */
    double art_reach_mm;
    char art_what[96];
    const char *art_side;
} pf_page;

typedef struct {
    pr_font f;
    int first_page;
} pf_font;

typedef struct {
    int page, objnum, gen, w, h;
    char name[64], cs[48];
    double placed_w_mm, placed_h_mm, ppi;
    double ink;                  /* highest C+M+Y+K of its pixels, %; -1 when not CMYK / not read */
} pf_image;

typedef struct {
    char name[48];
    long uses[PF_NUSES];
    int first_page, last_page, npages, last_counted;
} pf_space;

typedef struct {
    int page;
    long runs;
    char colour[64], font[64];
} pf_textpage;                    /* dark text not in K only, per page */

typedef struct {
    char code[24];
    int page, page_last;          /* 0: the whole document; pages page…page_last */
    char object[192];
    char value[96];
    char *message;
} pf_finding;

typedef struct {
    const char *path;
    char version[16];
    int npages, objstm, xrefstm;
    char *pdfx_info, *pdfx_xmp;  /* GTS_PDFXVersion from Info / XMP; NULL when absent */
    int oi_gts;                   /* an OutputIntent /S /GTS_PDFX */
    char *oi_ident;
    int oi_profile, oi_profile_n;
    char *trapped;                /* the name, without '/'; NULL when absent */
    int has_id;
    int press_intent;
    pf_page *pages;
    pf_font *fonts;
    size_t nfonts, capfonts;
    pf_image *images;
    size_t nimages, capimages;
    pf_space *spaces;
    size_t nspaces, capspaces;
    pf_textpage *textpages;
    size_t ntextpages, captextpages;
    long text_runs, text_not_k;
    double vec_ink;
    int vec_ink_page;
    char vec_ink_what[96];
    int truncated_pages;          /* pages whose run hit the interpreter's budget */
    pf_finding *problems, *warnings;
    size_t nproblems, capproblems, nwarnings, capwarnings;
} pf_report;

/* Fills r from the open document; 0, or -1 with a message in *err. */
int pf_collect(pr_doc *d, pf_report *r, char **err);
void pf_read_keys(pr_doc *d, pf_report *r);
void pf_judge(pf_report *r);
void pf_print_text(const pf_report *r, FILE *out);
void pf_print_json(const pf_report *r, FILE *out);
void pf_report_free(pf_report *r);
/* Adds a finding (problem when problem != 0); fmt formats the message. */
void pf_add(pf_report *r, int problem, const char *code, int page, const char *object, const char *value,
            const char *fmt, ...) __attribute__((format(printf, 7, 8)));

double pf_mm(double pt);

int hc_cmd_preflight(const hc_opts *o);

#endif
