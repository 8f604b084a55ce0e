/* pdf_int.h — internals of the album renderer, shared by the files in src/render/pdf/.
 *
 * Units: every length is in PostScript points (1/72 in) unless a name says mm.
 * User space on a page has its origin at the top-left corner of the trim box;
 * the bleed is the rectangle (-bleed, -bleed) … (trim_w + bleed, trim_h + bleed).
 *
 * A document (pdf_doc) is laid out several times: layout passes with cr == NULL
 * record on which page every anchor lands, until the page numbers are stable;
 * then a drawing pass with a cairo context repeats the same layout and draws.
 * Every drawing helper is a no-op while cr is NULL, so layout code is written
 * once and runs in both modes.
 */
#ifndef HC_PDF_INT_H
#define HC_PDF_INT_H
#include <cairo.h>
#include <pango/pangocairo.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include "pdf.h"
#include "../../base/buf.h"
#include "../../base/diag.h"
#include "../../base/hash.h"
#include "../../model/model.h"
#include "../../tmpl/mustache.h"

#define PDF_PT_PER_MM (72.0 / 25.4)
static inline double pdf_mm(double mm) { return mm * PDF_PT_PER_MM; }

/* ---- geometry (geom.c) ---- */
#define PDF_MARKS_MM 9.0         /* beyond the bleed: 2 mm gap + 5 mm crop mark + 2 mm spare */
#define PDF_SAFE_MM 5.0          /* nothing important this close to the trim */

typedef struct {
    double trim_w, trim_h;      /* finished page */
    double bleed;               /* beyond the trim on every side */
    double pad;                 /* trim box offset inside the media: bleed + marks area */
    double media_w, media_h;    /* trim + 2 × pad */
    double top, bottom, inner, outer;   /* text area margins from the trim edges */
    double col_gap;
} pdf_geom;

/* Returns 0, or -1 if the sizes are out of range (caller reports). */
int pdf_geom_init(pdf_geom *g, double trim_w_mm, double trim_h_mm, double bleed_mm);

/* ---- colours (geom.c) ---- */
typedef struct { double r, g, b; } pdf_rgb;
typedef struct {
    pdf_rgb accent, accent_dark, gold, ink, muted, line, soft, paper;
    pdf_rgb *status; size_t nstatus;   /* per seed status: its colour as printed (pdf_status_rgb) */
} pdf_theme;

int pdf_rgb_parse(const char *s, pdf_rgb *out);      /* "#rgb" / "#rrggbb"; 0 ok */
/* c, or the theme's accent or gold when c is a near shade of it (the same
 * hue within 20°, saturated, close): a status red next to the theme red
 * would put two reds on one page where the design means one. */
pdf_rgb pdf_theme_colour(const pdf_theme *t, pdf_rgb c);
/* Defaults, then the theme's custom properties (--accent, --ink, --muted,
 * --line, --soft) from themes/<theme>/static/css/site.css if present; then
 * each seed status's colour as printed: its color through pdf_theme_colour,
 * muted if it does not parse. Free with pdf_theme_free. */
void pdf_theme_load(pdf_theme *t, const hc_model *m);
void pdf_theme_free(pdf_theme *t);
/* The colour of status s wherever the album shows it (spreads, cards, list
 * rows, overview bars, the legend, album.html); muted for HC_NONE. */
pdf_rgb pdf_status_rgb(const pdf_theme *t, size_t s);

/* ---- fonts (fonts.c) ---- */
/* Subset copies of the most used faces (fontsub.c): pango/cairo embed
 * these instead of the system's whole 15-23 MB CJK faces. */
typedef struct pdf_fontsub pdf_fontsub;
typedef struct {
    char sans[64], serif[64], mono[64];   /* fontconfig family names */
    pdf_fontsub *sub;                     /* or NULL: the system faces whole */
} pdf_fontset;

/* Finds the Noto CJK families through fontconfig; reports an error naming
 * the Debian package fonts-noto-cjk (rule "font") and returns -1 if missing.
 * With cache_dir, also makes (or finds there) the subsets for m's text on up
 * to nthreads threads; without them the system faces are used whole.
 * Free with pdf_fonts_free. */
int pdf_fonts_find(pdf_fontset *fs, const hc_model *m, const char *cache_dir, int nthreads, hc_diags *d);
void pdf_fonts_free(pdf_fontset *fs);
/* A pango context of our own (72 dpi: sizes in points are user units; no
 * hinting, so layout does not depend on the surface), on fs's subsets if it
 * has them. Unref both. */
PangoContext *pdf_pango_context_new(const pdf_fontset *fs, PangoFontMap **fm_out);

/* fontsub.c. The subsets of the sans regular and bold and the serif
 * regular faces for every character of the site's text files (site.yaml,
 * content/, seeds/, themes/) and a fixed set, kept in dir (OUT.huace-fonts)
 * keyed by a hash of the face and the characters; NULL if they cannot be
 * had. A character outside the subset takes the full face's glyph. */
pdf_fontsub *pdf_fontsub_new(const hc_model *m, const pdf_fontset *set, const char *dir, int nthreads);
/* fm (one per thread) matches through the subsets' fontconfig set. */
void pdf_fontsub_apply(const pdf_fontsub *fs, PangoFontMap *fm);
void pdf_fontsub_free(pdf_fontsub *fs);

/* ---- kinsoku: Chinese line-breaking rules (kinsoku.c) ---- */
int pdf_kinsoku_no_start(uint32_t cp);   /* may not begin a line: 。，、；：？！）」』》” … · % */
int pdf_kinsoku_no_end(uint32_t cp);     /* may not end a line: （「『《“ … */
/* Adds allow-breaks=FALSE attributes to attrs at every break opportunity that
 * pango's UAX #14 breaker allows in text but the rules above forbid.
 * Returns how many were added. */
size_t pdf_kinsoku_protect(const char *text, int len, PangoAttrList *attrs);
/* The same; codes = 0 lets codes like QJ-B-01 break after a hyphen. */
size_t pdf_kinsoku_protect_opt(const char *text, int len, PangoAttrList *attrs, int codes);
int pdf_has_code(const char *text, int len);   /* does text hold a code such as QJ-B-01? */
/* Lines of l that begin or end against the rules (a post-check for tests). */
size_t pdf_kinsoku_violations(PangoLayout *l);
/* Appends text (valid UTF-8) with every ASCII space next to a CJK character
 * replaced by U+2005, a quarter em: the space Chinese typesetting puts
 * between Chinese and Latin, and one pango's justification does not stretch
 * (it widens only ASCII spaces while a line has any). */
void pdf_cjk_spaces(const char *text, hc_buf *out);

/* ---- HTML subset → pango markup blocks (html2markup.c) ---- */
typedef enum { PDF_BLK_P, PDF_BLK_H, PDF_BLK_LI, PDF_BLK_PRE, PDF_BLK_IMG, PDF_BLK_HR } pdf_blk_kind;
typedef struct { size_t start, end; char *href; } pdf_blk_link;  /* byte range in the block's plain text */
typedef struct {
    pdf_blk_kind kind;
    int level;                  /* H: 1..6 */
    int depth;                  /* list nesting (0 outside lists) */
    int quote;                  /* blockquote nesting */
    char *marker;               /* LI: "1." or "•" on an item's first block, else NULL */
    char *markup;               /* pango markup (escaped); IMG: caption markup */
    size_t text_len;            /* bytes of plain text the markup carries */
    pdf_blk_link *links; size_t nlinks;
    char *src, *alt;            /* IMG */
    int cont;                   /* PRE: continues the code block before it (see PDF_PRE_CHUNK) */
} pdf_block;
/* Pango lays out a paragraph in time that grows faster than its length: with
 * the number of lines times the attributes kinsoku.c adds, and with the
 * square of a run it may only break by falling back to any character. So a
 * code block is cut into blocks of at most PDF_PRE_CHUNK lines (drawn as
 * one: see flow.c), and a word (a run without a space or CJK character)
 * longer than PDF_WORD_CHUNK characters may break before each of its
 * further characters (U+200B, zero width, goes before each): lines then fill
 * to the edge as CJK text does, with no hyphen and no stretched letters. A
 * 16,000-line listing or a 64 KB word took 40-300 s as one layout; now
 * seconds. The first PDF_WORD_CHUNK characters stay whole, shorter than a
 * column's line, so ordinary words and short URLs are untouched. */
#define PDF_PRE_CHUNK 8
#define PDF_WORD_CHUNK 30
typedef struct { pdf_block *v; size_t n, cap; } pdf_blocks;

/* Converts the HTML cmark writes (p, h1–h6, ul/ol/li, blockquote, pre/code,
 * hr, br, img, strong/b, em/i, code, a) into blocks; other tags keep their
 * text, comments/script/style are dropped. Never fails: the markup of every
 * block parses with pango_parse_markup. */
void pdf_html_to_blocks(const char *html, const pdf_fontset *fs, pdf_blocks *out);
void pdf_blocks_free(pdf_blocks *b);
/* Appends s escaped for pango markup text and attribute values. */
void pdf_markup_escape(hc_buf *out, const char *s, size_t n);

/* ---- anchors ---- */
typedef struct { char *name; int page; } pdf_anchor;
/* Names hashed (ix: name → index in v), so a document with n anchors and
 * links costs O(n) lookups, not O(n²). Zero-initialised is empty. */
typedef struct { pdf_anchor *v; size_t n, cap; hc_strmap ix; } pdf_anchors;
int pdf_anchors_get(const pdf_anchors *a, const char *name);     /* 0 if unknown */
void pdf_anchors_set(pdf_anchors *a, const char *name, int page);
int pdf_anchors_equal(const pdf_anchors *a, const pdf_anchors *b);
void pdf_anchors_copy(pdf_anchors *dst, const pdf_anchors *src);
void pdf_anchors_free(pdf_anchors *a);

/* ---- images (image.c) ---- */
typedef enum { PDF_IMG_FLATE, PDF_IMG_DCT, PDF_IMG_PIXELS } pdf_img_kind;
typedef struct pdf_image {
    char *path;                 /* for messages: site-relative file, or "route map of <id>" */
    int w, h;                   /* pixels */
    pdf_img_kind kind;
    unsigned char *data; size_t len;    /* FLATE: PNG IDAT stream; DCT: the JPEG file; PIXELS: ARGB32 */
    int stride, alpha;          /* PIXELS: row bytes; ARGB32 (1) or RGB24 (0) */
    char *colorspace;           /* PDF object text: "/DeviceRGB", "[/Indexed /DeviceRGB 15 <…>]" */
    int bpc, colors;
    int invert_cmyk;            /* Adobe CMYK JPEG: /Decode [1 0 1 0 1 0 1 0] */
    uint64_t hash;              /* of the data as loaded (the CMYK cache's key: pdfx_img.c) */
    int fd; long long off;      /* spilled (pdf_image_spill): data is NULL, len bytes at off in fd */
} pdf_image;

/* A file that holds image data for the stage, so that memory does not grow
 * with the number of route maps and photos: unlinked at once, in the output
 * folder (not /tmp, often RAM). Thread-safe. */
typedef struct pdf_spill { pthread_mutex_t mu; int fd; long long end; } pdf_spill;
/* Opens sp in dir; -1 (sp->fd < 0) if it cannot: images then stay in memory.
 * pdf_spill_close does nothing when sp->fd < 0. */
int pdf_spill_open(pdf_spill *sp, const char *dir);
void pdf_spill_close(pdf_spill *sp);
/* Moves im's data (FLATE or DCT) into sp and frees it; left in memory if
 * sp is not open or the write fails. */
void pdf_image_spill(pdf_image *im, pdf_spill *sp);
/* im's data: im->data, or read from the spill file into tmp (NULL if that fails). */
const unsigned char *pdf_image_bytes(const pdf_image *im, hc_buf *tmp);

/* Reads a PNG or JPEG held in data (copied). PNGs that PDF can take as they
 * are (8/16-bit gray, RGB or palette without transparency, not interlaced)
 * and JPEGs are embedded without re-encoding; other PNGs are decoded to
 * pixels. Returns NULL and sets *why if the data is no usable image. */
pdf_image *pdf_image_load(const char *path, const unsigned char *data, size_t len, const char **why);
void pdf_image_free(pdf_image *im);

/* ---- progress (pdf.c) ---- */
typedef struct pdf_progress pdf_progress;
void pdf_progress_page(pdf_progress *pr);

/* ---- one document being laid out or drawn (page.c) ---- */
struct pdf_env;

#define PDF_CASE_CACHE 4
typedef struct pdf_doc {
    const hc_model *m;
    const struct pdf_env *env;
    PangoContext *pc;
    cairo_t *cr;                /* NULL during layout passes */
    cairo_surface_t *surface;
    int page;                   /* current page number, 1-based; 0 before the first */
    int folio;                  /* current page gets running head and folio */
    char running[160];          /* running head of the current page */
    pdf_anchors prev;            /* page numbers from the last pass (lookups) */
    pdf_anchors cur;             /* page numbers found in this pass */
    /* images drawn in this document, in placeholder order (see image.c) */
    const pdf_image **used; size_t nused, capused;
    cairo_surface_t **placeholders;
    int warn_images;            /* report low-resolution photos (album only) */
    int prefetch;               /* a layout pass that makes the photos' renditions (photo.c) */
    const char *openers[32]; int nopeners;   /* photos that opened chapters so far (album.c) */
    /* the last case bodies asked for as blocks (pdf_case_blocks), round robin */
    pdf_blocks cblocks[PDF_CASE_CACHE]; size_t ccase[PDF_CASE_CACHE]; unsigned cnext, cn;
    int kind;                   /* pdf_doc_kind */
    size_t unit;                /* PDF_DOC_UNIT: the project */
    pdf_progress *progress;
} pdf_doc;

/* Everything the documents share, read-only while workers run. */
typedef struct pdf_env {
    const hc_model *m;
    const hc_pdf_opts *opts;
    pdf_geom geom;
    pdf_theme theme;
    pdf_fontset fonts;
    hc_diags *d;
    pdf_image **route;               /* per project: route map or NULL */
    const struct hc_images *images;  /* the image stage's set, or NULL (no photos) */
    struct pdf_photos *photos;       /* print renditions made so far (photo.c); locked inside */
    pdf_spill spill;                 /* where route maps and photos wait (their data out of memory) */
    hc_strmap case_slugs;                /* case study slug → index in the model's cases */
    unsigned char *in_album;             /* per model case: 1 if the district album carries it */
    size_t nalbum;                       /* how many it carries (pdf_album_choose) */
    char *year;                         /* "2026" */
    char *date;                         /* "2026-11-30" */
} pdf_env;

/* Chooses the district album's case studies into env->in_album / nalbum:
 * those marked `album: true`, or when none is, the newest
 * m->config.album_cases (the model's cases are newest first). */
void pdf_album_choose(pdf_env *env);
/* Case c's body as blocks, made from its file when asked for (so that no
 * document holds every body: memory stays the same whatever the number of
 * case studies). The pointer stays valid until PDF_CASE_CACHE other cases
 * have been asked for, or pdf_case_blocks_free. */
const pdf_blocks *pdf_case_blocks(pdf_doc *p, size_t c);
void pdf_case_blocks_free(pdf_doc *p);

void pdf_page_begin(pdf_doc *p, int folio, const char *running, const char *label);
void pdf_page_end(pdf_doc *p);
int pdf_page_is_right(const pdf_doc *p);               /* odd pages are right-hand (recto) */
double pdf_page_x0(const pdf_doc *p);                  /* left edge of the text area */
double pdf_page_text_w(const pdf_doc *p);
double pdf_page_y0(const pdf_doc *p);                  /* top of the text area */
double pdf_page_y1(const pdf_doc *p);                  /* bottom of the text area */
/* Records anchor name on the current page (and a PDF destination at y). */
void pdf_dest(pdf_doc *p, const char *name, double y);
/* Page of anchor name from the previous pass; 0 if not (yet) known. */
int pdf_page_of(const pdf_doc *p, const char *name);
/* Link around what is drawn until pdf_link_end: to an anchor in this
 * document, or to an absolute URI. rect (x, y, w, h) may be given instead
 * of drawing (w > 0). No-ops during layout passes. */
void pdf_link_dest(pdf_doc *p, const char *name, double x, double y, double w, double h);
void pdf_link_uri(pdf_doc *p, const char *uri, double x, double y, double w, double h);
void pdf_link_end(pdf_doc *p);
/* Appends s with ' and \ escaped, for a cairo tag attribute value in '…'. */
void pdf_tag_escape(hc_buf *out, const char *s);
/* The site's absolute URL of a site path ("projects/QJ-B-01/"). */
void pdf_site_url(const hc_model *m, const char *site_path, hc_buf *out);
/* Resolves href, as written in a page whose site folder is base_dir
 * ("cases/x/"), into out: returns 1 and a site path (dot segments resolved,
 * percent escapes decoded, query and fragment dropped), 0 and the href
 * itself for an absolute URL (scheme:…), or -1 if it is unusable (empty,
 * fragment only, root-absolute, leaves the site folder). */
int pdf_resolve_href(const char *base_dir, const char *href, hc_buf *out);

/* drawing helpers (no-ops while laying out) */
void pdf_set_rgb(pdf_doc *p, pdf_rgb c);
void pdf_fill_rect(pdf_doc *p, double x, double y, double w, double h, pdf_rgb c);
void pdf_stroke_line(pdf_doc *p, double x0, double y0, double x1, double y1, double width, pdf_rgb c);
void pdf_bleed_fill(pdf_doc *p, pdf_rgb c);             /* the whole page including bleed */
/* A filled circle, on a path of its own (no line from the current point). */
void pdf_fill_disc(pdf_doc *p, double cx, double cy, double r, pdf_rgb c);

/* ---- text (text.c) ---- */
/* The type scale, in points. Few sizes on purpose: every (face, size) pair
 * costs glyph loading in FreeType and cairo the first time it is used. */
#define PDF_FS_XS 8.0    /* labels, captions, running heads */
#define PDF_FS_S 9.0     /* meta lines, lists on spreads, folios */
#define PDF_FS_M 10.5    /* body text */
#define PDF_FS_L 12.0    /* section headings */
#define PDF_FS_XL 15.0   /* subtitles */
#define PDF_FS_H 20.0    /* page titles */
#define PDF_FS_D 32.0    /* cover and title page */
#define PDF_FS_DD 44.0   /* chapter openers */
typedef enum { PDF_SANS, PDF_SERIF, PDF_MONO } pdf_family;
typedef struct {
    pdf_family family;
    double size;                /* pt */
    int bold;
    double width;               /* wrap width; <= 0: no wrapping */
    int justify;
    PangoAlignment align;
    double indent;              /* first-line indent */
    double spacing;             /* extra space between lines */
    int markup;                 /* text is pango markup */
    int ellipsize;              /* one line, "…" at the end */
} pdf_tstyle;

pdf_tstyle pdf_style(pdf_family f, double size, int bold, double width);
/* A laid-out paragraph with the kinsoku rules applied. Unref with g_object_unref. */
PangoLayout *pdf_layout(pdf_doc *p, const char *text, const pdf_tstyle *st);
double pdf_layout_h(PangoLayout *l);                   /* logical height */
double pdf_layout_w(PangoLayout *l);                   /* logical width */
void pdf_draw_layout(pdf_doc *p, PangoLayout *l, double x, double y, pdf_rgb c);
/* Lays out, draws at (x, y) top-left and returns the height. */
double pdf_text(pdf_doc *p, double x, double y, const char *text, const pdf_tstyle *st, pdf_rgb c);
/* A paragraph (l, laid out) that would end on one character plus
 * punctuation is set again: first slightly tighter (letter-spacing up to
 * -0.03 em), else with the last character of the line before pulled down.
 * pdf_layout does this for every wrapped layout. */
void pdf_no_lone_last(PangoLayout *l);
int pdf_lone_last_line(PangoLayout *l);   /* does l end on one character (+ punctuation)? */
/* A justified paragraph that keeps a code such as QJ-B-01 whole (kinsoku.c)
 * must not stretch the line before it: where a line is more than 1.5 em
 * short of the width and the next begins with a code, pairs of full-width
 * marks ("）。") are set with the first half wide (OpenType halt), so that
 * the code may fit whole; if a line is still that short, the codes of l may
 * also break after a hyphen. base: l's attributes before kinsoku (kept by
 * the caller only when pdf_has_code). Returns 1 if it set l again. */
int pdf_no_loose_lines(PangoLayout *l, PangoAttrList *base);
/* Titles (title.c): text broken at word boundaries into the fewest lines
 * that hold it, balanced in length, no line of one character (explicit
 * '\n' where it breaks; text that fits on one line is unchanged). */
void pdf_title_text(pdf_doc *p, const char *text, const pdf_tstyle *st, hc_buf *out);
PangoLayout *pdf_title_layout(pdf_doc *p, const char *text, const pdf_tstyle *st);
double pdf_title(pdf_doc *p, double x, double y, const char *text, const pdf_tstyle *st, pdf_rgb c);
/* Per line of a layout: top and height of its logical box, baseline (all
 * relative to the layout's top) and left edge. */
typedef struct { double top, h, base, x; } pdf_line_m;
/* Fills *out (malloc'd) and returns the number of lines. */
int pdf_line_metrics(PangoLayout *l, pdf_line_m **out);
/* Draws lines [from, to) of l with the top of line `from` at y. */
void pdf_draw_lines(pdf_doc *p, PangoLayout *l, const pdf_line_m *lm, int from, int to, double x, double y, pdf_rgb c);

/* ---- images on pages (image.c) ---- */
/* Draws im scaled into (x, y, w, h). Pass-through images are drawn as small
 * placeholders that pdf_editions replaces with the original data. */
void pdf_image_draw(pdf_doc *p, const pdf_image *im, double x, double y, double w, double h);
/* Effective resolution of im printed w points wide. */
double pdf_image_ppi(const pdf_image *im, double w);
void pdf_doc_images_free(pdf_doc *p);
/* Once drawn: the placeholder surfaces only (p->used stays for pdf_editions). */
void pdf_doc_placeholders_free(pdf_doc *p);
#define PDF_PLACEHOLDER_H0 4096   /* placeholder k is 1 × (PDF_PLACEHOLDER_H0 + k) pixels */

/* ---- photos (photo.c) ----
 * A photo is known by its site path ("assets/photos/a.jpg"). Layout needs
 * only its upright size (from the image stage's set); the drawing pass asks
 * the stage for a JPEG as wide as the placed size needs at 300 ppi
 * (hc_images_print), once per size for all documents and threads, and embeds
 * it as it is. Frames are filled edge to edge: the photo is scaled to cover
 * the frame and cut evenly at the sides or top and bottom (at most what
 * PDF_PHOTO_CROP allows when a layout chooses a frame). */
typedef struct {
    const char *src;            /* site path */
    int w, h;                   /* upright pixels */
    const char *caption;        /* caption, else alt; may be NULL */
    hc_loc loc;                 /* where the content names it (for messages) */
} pdf_pic;
#define PDF_PHOTO_CROP 0.72     /* a frame keeps at least this share of a photo's width or height */
/* Fills pic for the image at site path src; 0, or -1 if the set has no such raster image. */
int pdf_pic_get(const pdf_env *env, const char *src, pdf_pic *pic);
/* The unit's usable photos, at most max, in order; returns how many. */
size_t pdf_unit_pics(const pdf_env *env, const hc_project *u, pdf_pic *out, size_t max);
static inline double pdf_pic_aspect(const pdf_pic *pic) { return pic->h > 0 ? (double)pic->w / pic->h : 1.5; }
/* Draws pic to cover the frame (x, y, w, h), centred, clipped to the frame;
 * a no-op while laying out. In the album (p->warn_images) a photo printed
 * below 300 ppi is noted for one warning per file (pdf_photos_report). */
void pdf_photo_draw(pdf_doc *p, const pdf_pic *pic, double x, double y, double w, double h);
/* The ppi pic would print at, drawn to cover a w × h frame. */
double pdf_pic_ppi(const pdf_pic *pic, double w, double h);
/* The frame of a chapter opener's photo (cover.c). */
void pdf_chapter_photo_frame(const pdf_geom *g, double *w, double *h);
void pdf_photos_init(pdf_env *env);
/* Reports the low-resolution photos (one warning per file, the largest
 * placement, in file order), then frees the renditions. */
void pdf_photos_report(pdf_env *env);
void pdf_photos_free(pdf_env *env);

/* ---- flow: blocks across columns and pages (flow.c) ---- */
typedef struct {
    pdf_doc *p;
    int ncols, col;
    double x0, col_w, top, bottom;   /* current column */
    double y;                         /* next free y in the current column */
    const char *running;
    const hc_doc *doc;                /* the document flowing (for message locations), may be NULL */
    const char *base_dir;             /* site folder the document's links are relative to */
    int dry;                          /* trial placement: nothing drawn, no page turned */
    int sheet;                        /* pages turned since the flow started */
    int last_sheet;                   /* the last page, whose columns end… */
    double last_bottom;               /* …at this y to come out even (0: they do not) */
} pdf_flow;

/* How many of n lines to put in a frame where fit lines fit, so that no
 * paragraph leaves a single line at the bottom (orphan) or top (widow) of a
 * frame: 0 (move it all), n (all fit), or a split 2 ≤ k ≤ n − 2. */
int pdf_flow_split(int n, int fit);
/* Starts a flow on the current page at y (the page must have been begun).
 * The columns of the flow's last page are balanced. */
void pdf_flow_start(pdf_flow *f, pdf_doc *p, int ncols, double y, const char *running);
void pdf_flow_blocks(pdf_flow *f, const pdf_blocks *b);
/* Ends the flow; the current page is left open. */
void pdf_flow_finish(pdf_flow *f);
/* Where doc's body names the image src (line and column, 1-based), from the
 * references the load kept or else by reading the file; unchanged if not found. */
void pdf_image_location(const hc_model *m, const hc_doc *doc, const char *src, int *line, int *col);

/* ---- QR codes (qr.c) ---- */
/* Draws the QR code of text as vector modules in a size × size square
 * (quiet zone included) at (x, y). Returns 0, -1 if it cannot be encoded. */
int pdf_qr_draw(pdf_doc *p, const char *text, double x, double y, double size);
/* Appends an SVG image of the QR code (for album.html). */
int pdf_qr_svg(const char *text, hc_buf *out);

/* ---- pages of the album (cover.c, spread.c, album.c) ---- */
/* The front cover: kicker, title (the district's or the unit's), the main
 * title 党建画册, sub (a brand line; NULL or "" for none). photo: the cover
 * photo, or NULL for the drawn art. */
#define PDF_MAIN_TITLE "党建画册"
double pdf_cover_main_title(pdf_doc *p, double x, double y, const pdf_tstyle *st, pdf_rgb c);
void pdf_cover_front(pdf_doc *p, const char *title, const char *kicker, const char *sub, size_t unit,
                     const pdf_pic *photo);
void pdf_cover_back(pdf_doc *p);
/* The same, drawn on the current page (no page begun or ended): the cover spread. */
void pdf_cover_front_art(pdf_doc *p, const char *title, const char *kicker, const char *sub, size_t unit,
                         const pdf_pic *photo);
void pdf_cover_back_art(pdf_doc *p);
void pdf_chapter_art(pdf_doc *p, const char *big, const char *small, int variant);
/* A chapter opener led by a photo (upper two thirds, full bleed), the title below. */
void pdf_chapter_photo(pdf_doc *p, const pdf_pic *photo, const char *big, const char *small);
void pdf_notes_page(pdf_doc *p, const char *running);
/* The colophon (colophon.c): print.colophon's fields, 开本, 印张, the data date. */
void pdf_colophon(pdf_doc *p);
/* 开本 ("850 mm × 1168 mm　1/16") and 印张 ("4.5") of a book of pages pages. */
void pdf_book_facts(double trim_w_mm, double trim_h_mm, int pages, char *kai, size_t kai_len, char *yinzhang,
                    size_t yz_len);
/* Print size of the route map on a unit's spread. */
void pdf_route_size_mm(const pdf_geom *g, double *w_mm, double *h_mm);
/* One unit: two facing pages (call on an odd page count: the spread starts even). */
void pdf_spread_unit(pdf_doc *p, size_t project, int in_album);

typedef enum { PDF_DOC_ALBUM, PDF_DOC_UNIT } pdf_doc_kind;
/* Is project / case i part of document p (so that references can point into it)? */
int pdf_doc_has_unit(const pdf_doc *p, size_t project);
int pdf_doc_has_case(const pdf_doc *p, size_t c);
/* One pass over a whole document. */
void pdf_album_pass(pdf_doc *p, pdf_doc_kind kind, size_t unit);
/* Metadata, the Document structure element and outline for a drawing pass. */
void pdf_album_metadata(pdf_doc *p, pdf_doc_kind kind, size_t unit);
/* An outline (bookmark) entry under parent pointing at anchor; its id, or 0
 * in a pass that does not draw. */
int pdf_outline(pdf_doc *p, int parent, const char *title, const char *anchor, int open);
/* Is pic sharp enough to open a chapter (300 ppi over the page's width)? */
int pdf_opener_ok(const pdf_doc *p, const pdf_pic *pic);

/* ---- case studies (cases.c) ---- */
/* The case studies' chapter of the district album: its opener, then each
 * case chosen for the album. */
void pdf_cases_chapter(pdf_doc *p);
/* One case study, under outline entry parent, with running head running.
 * *at is where the case before it ended on the open page (< 0: no page is
 * open); the case sets it the same way for the next (see cases.c). */
void pdf_case_study(pdf_doc *p, size_t ci, const char *running, int parent, double *at);

/* ---- editions (press.c) ---- */
struct pdf_pdfx;
/* From one cairo render (pdf, len) of a document whose used images are
 * p->used: replaces image placeholders, then writes the screen edition
 * (MediaBox = trim) to screen and the press edition (TrimBox, BleedBox, no
 * annotations) to press, both with deterministic /ID (screen NULL: no screen edition). With pdfx (not NULL)
 * the press edition is PDF/X-4 in CMYK (pdfx.h), dated date (YYYY-MM-DD).
 * Returns 0, or -1 with a message in err (malloc'd). */
int pdf_editions(const unsigned char *pdf, size_t len, const pdf_geom *g, const pdf_image *const *used,
                size_t nused, struct pdf_pdfx *pdfx, const char *date, hc_buf *screen, hc_buf *press, char **err);
/* The same from the file in_path into the files screen_path and press_path:
 * qpdf reads in_path as it needs it and streams what it writes, so memory
 * does not grow with the document. */
int pdf_editions_files(const char *in_path, const pdf_geom *g, const pdf_image *const *used, size_t nused,
                       struct pdf_pdfx *pdfx, const char *date, const char *screen_path, const char *press_path,
                       char **err);

/* ---- the flat cover (coverspread.c) ---- */
#define PDF_CALIPER_MM 0.1   /* mm per leaf when print.paper_caliper is not given */
/* Spine width in mm of a book of pages pages (0 for saddle stitching). */
double pdf_spine_mm(const hc_config *c, int pages);
/* Back cover, spine and front cover of document (kind, unit) of pages pages
 * on one sheet, trim + bleed on every side, Trim/Bleed boxes set, into out;
 * a PDF/X-4 file in CMYK when pdfx is not NULL (as the press editions).
 * Returns 0, or -1 with err (malloc'd). */
int pdf_cover_spread(const pdf_env *env, PangoContext *pc, pdf_doc_kind kind, size_t unit, int pages,
                     struct pdf_pdfx *pdfx, hc_buf *out, char **err);

/* ---- album.html (html.c) ---- */
/* The page, streamed to sink (hc_theme_render_to: 0; -1 reported; -2 when
 * the sink failed, unreported). */
int pdf_album_html(const pdf_env *env, const hc_mustache_sink *sink);

#endif
