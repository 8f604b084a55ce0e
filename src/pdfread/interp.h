/* interp.h — a content-stream interpreter that tracks the graphics state and
 * tells a handler what is painted, where and in which colour.
 *
 * It runs the operators of ISO 32000-1 that matter to a prepress check:
 * q Q cm, colour (g G rg RG k K cs CS sc scn SC SCN), path construction
 * (m l c v y h re) and painting (f F f* B B* b b* S s n, clipping W W*), sh,
 * text state and showing (BT ET Tf Tc Tw Tz TL Ts Tr Td TD Tm T* Tj TJ ' "),
 * Do (images and forms, forms run with their /Matrix and /Resources, nested
 * at most PR_MAX_DEPTH deep) and inline images. Others are skipped.
 *
 * It knows nothing of files: named resources (colour spaces, XObjects,
 * shadings) are asked of the handler's callbacks, which may be NULL (the
 * name then stays unknown). It never crashes on malformed input: bad operands
 * skip the operator, the q stack is capped (PR_MAX_Q), numbers are clamped,
 * and a run stops after max_ops operators, PR_MAX_OPS by default, all forms
 * included (pr_run returns 1 then).
 *
 * Coordinates given to the handler are in the page's default user space
 * (points): the CTM at the start of pr_run is the identity unless the caller
 * sets pr_interp.base.ctm. A pr_rect with x0 > x1 is empty.
 */
#ifndef HC_PDFREAD_INTERP_H
#define HC_PDFREAD_INTERP_H
#include "lex.h"
#include <stddef.h>

#define PR_MAX_DEPTH 8
#define PR_MAX_Q 64
#define PR_MAX_OPS 20000000L
#define PR_MAX_COMP 8

typedef enum {
    PR_CS_GRAY, PR_CS_RGB, PR_CS_CMYK, PR_CS_LAB,
    PR_CS_SEPARATION, PR_CS_DEVICEN, PR_CS_INDEXED, PR_CS_PATTERN, PR_CS_UNKNOWN
} pr_cs_kind;

/* The process plate a colorant of a Separation/DeviceN space goes to. */
enum { PR_INK_C, PR_INK_M, PR_INK_Y, PR_INK_K, PR_INK_ALL, PR_INK_NONE, PR_INK_SPOT };

/* A colour space, resolved. The lookup table of an Indexed space belongs to
 * whoever filled in the struct and must outlive the run. */
typedef struct {
    pr_cs_kind kind;
    int icc;                      /* ICCBased (kind is then GRAY, RGB, CMYK or LAB, from /N) */
    int ncomp;                    /* operands sc/scn take */
    pr_cs_kind base;              /* Indexed: its base; Separation/DeviceN: the alternate */
    int base_icc;
    int hival;                    /* Indexed */
    const unsigned char *lut;
    size_t lut_len;
    int ink[PR_MAX_COMP];         /* Separation/DeviceN: PR_INK_* per colorant */
    char colorant[64];            /* Separation: its name; DeviceN: the first */
} pr_cs;

/* A colour as it reaches the device: kind GRAY (v[0], 1 = white), RGB, CMYK,
 * LAB (as given), SEPARATION (a spot colour: v[0] the tint, colorant its
 * name), PATTERN or UNKNOWN (no values). Process colorants of a Separation
 * or DeviceN space come out as CMYK; /All as C = M = Y = K = tint. */
typedef struct {
    pr_cs_kind kind;
    double v[4];
    const char *colorant;
    int registration;             /* from an /All colorant (crop marks): on every plate by design */
} pr_devcolor;

typedef struct { double a, b, c, d, e, f; } pr_matrix;
typedef struct { double x0, y0, x1, y1; } pr_rect;

typedef struct {
    pr_matrix ctm;
    pr_cs fill_cs, stroke_cs;
    double fill[PR_MAX_COMP], stroke[PR_MAX_COMP];
    pr_rect clip;                 /* bounding box of the clipping path, user space */
    double line_width;
    char font[64];                /* Tf's resource name */
    double font_size, char_spacing, word_spacing, hscale, leading, rise;
    int render_mode;              /* Tr */
} pr_gstate;

typedef enum { PR_XO_NONE, PR_XO_IMAGE, PR_XO_FORM } pr_xo_kind;

/* What the handler says about a named XObject (or the interpreter about an
 * inline image). Data it points to stays valid until xobject_done. */
typedef struct {
    pr_xo_kind kind;
    int width, height, bpc, image_mask;   /* image */
    int decode_inverted;                  /* image: its /Decode starts [1 0 …] */
    pr_cs cs;                             /* image */
    int objnum, gen;                      /* 0 for an inline image */
    void *handle;                         /* the handler's, e.g. to decode the data */
    const char *content;                  /* form */
    size_t content_len;
    pr_matrix matrix;                     /* form */
    void *res;                            /* form: its resources (NULL: the caller's) */
    char name[64];                        /* the resource name */
} pr_xobject;

enum { PR_PAINT_FILL = 1, PR_PAINT_STROKE = 2, PR_PAINT_SHADING = 4 };

typedef struct {
    void *ctx;                    /* passed to the events */
    void *res_ctx;                /* passed to the resource callbacks */
    /* resources; each returns 0 when found */
    int (*colorspace)(void *ctx, void *res, const char *name, pr_cs *out);
    int (*shading)(void *ctx, void *res, const char *name, pr_cs *out);
    int (*xobject)(void *ctx, void *res, const char *name, pr_xobject *out);
    void (*xobject_done)(void *ctx, pr_xobject *xo);
    /* events; bbox in user space, clipped; how: PR_PAINT_* */
    void (*paint)(void *ctx, const pr_gstate *gs, int how, pr_rect bbox);
    void (*text)(void *ctx, const pr_gstate *gs, void *res, const char *bytes, size_t n, double x, double y);
    void (*image)(void *ctx, const pr_gstate *gs, const pr_xobject *im, pr_rect bbox);
    /* each form XObject before its content runs (depth >= 1) */
    void (*form)(void *ctx, const pr_gstate *gs, const pr_xobject *fo, int depth);
} pr_handler;

typedef struct {
    const pr_handler *h;
    pr_gstate base;               /* the state a run starts in (pr_interp_init sets defaults) */
    long ops;                     /* operators run so far, all runs together */
    long max_ops;                 /* the budget (PR_MAX_OPS unless changed) */
    int exhausted;                /* the budget ran out */
} pr_interp;

void pr_interp_init(pr_interp *in, const pr_handler *h);
/* Runs one content stream with resources res (passed to the callbacks).
 * Returns 0, or 1 when the operator budget ran out. */
int pr_run(pr_interp *in, const void *content, size_t len, void *res);

/* Helpers for handlers and the resource layer. */
pr_rect pr_rect_empty(void);
pr_rect pr_rect_infinite(void);
int pr_rect_is_empty(pr_rect r);
pr_rect pr_rect_intersect(pr_rect a, pr_rect b);
pr_rect pr_rect_transform(pr_rect r, const pr_matrix *m);
pr_matrix pr_matrix_mul(const pr_matrix *a, const pr_matrix *b);   /* a then b */
/* A device space by name (DeviceGray, G, DeviceRGB, RGB, DeviceCMYK, CMYK,
 * Pattern); 0 when it is one. */
int pr_cs_device(const char *name, pr_cs *out);
/* The colour a space and its components stand for on the device. */
void pr_color_resolve(const pr_cs *cs, const double *comp, pr_devcolor *out);
/* The initial colour of a space (sets comp[0..ncomp-1]). */
void pr_cs_initial(const pr_cs *cs, double *comp);
/* "DeviceRGB", "ICCBased RGB", "Separation", "Indexed DeviceRGB"… */
const char *pr_cs_name(const pr_cs *cs, char *buf, size_t cap);

#endif
