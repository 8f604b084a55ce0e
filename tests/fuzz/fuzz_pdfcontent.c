/* fuzz_pdfcontent.c — the PDF content-stream reader (src/pdfread/lex.h,
 * interp.h) that `huace preflight` runs on every page.
 *
 * Input: the decoded bytes of a content stream. They are lexed to the end,
 * every string and name token decoded, then interpreted with resources that
 * stand in for a page's: /CS0 an Indexed DeviceRGB space with a 2-entry
 * table, /CS1 a Separation /All, /CS2 a DeviceN of Cyan and a spot colour,
 * /Im0 a 10 × 10 image, /Fm0 a form whose content is the input itself (so
 * forms nest to the depth limit), /Sh0 a CMYK shading.
 *
 * Invariants checked beyond memory safety:
 * - the lexer moves forward: each token lies inside the input, starts after
 *   the previous one, and there are no more tokens than bytes (+1 for EOF);
 *   a decoded string is no longer than its token; a decoded name fits;
 * - the interpreter ends within its operator budget, and every box it
 *   reports is non-empty, finite and clipped; colours resolve to device
 *   values in 0..1 (Lab aside); text bytes are no longer than the input.
 */
#include "fuzz.h"
#include "pdfread/interp.h"
#include <math.h>

static const unsigned char lut[6] = { 0, 0, 0, 255, 255, 255 };
static const char *input;
static size_t input_len;

static int colorspace(void *ctx, void *res, const char *name, pr_cs *out)
{
    (void)ctx, (void)res;
    memset(out, 0, sizeof *out);
    if (!strcmp(name, "CS0")) {
        out->kind = PR_CS_INDEXED, out->ncomp = 1, out->base = PR_CS_RGB, out->hival = 1;
        out->lut = lut, out->lut_len = sizeof lut;
    } else if (!strcmp(name, "CS1")) {
        out->kind = PR_CS_SEPARATION, out->ncomp = 1, out->ink[0] = PR_INK_ALL, out->base = PR_CS_CMYK;
        strcpy(out->colorant, "All");
    } else if (!strcmp(name, "CS2")) {
        out->kind = PR_CS_DEVICEN, out->ncomp = 2, out->ink[0] = PR_INK_C, out->ink[1] = PR_INK_SPOT;
        strcpy(out->colorant, "Cyan");
    } else {
        return -1;
    }
    return 0;
}

static int shading(void *ctx, void *res, const char *name, pr_cs *out)
{
    (void)ctx, (void)res;
    return strcmp(name, "Sh0") ? -1 : pr_cs_device("DeviceCMYK", out);
}

static int xobject(void *ctx, void *res, const char *name, pr_xobject *out)
{
    (void)ctx, (void)res;
    if (!strcmp(name, "Im0")) {
        out->kind = PR_XO_IMAGE, out->width = out->height = 10, out->bpc = 8;
        pr_cs_device("DeviceGray", &out->cs);
        return 0;
    }
    if (!strcmp(name, "Fm0")) {
        out->kind = PR_XO_FORM, out->content = input, out->content_len = input_len;
        out->matrix = (pr_matrix){ 0.5, 0, 0, 0.5, 10, 10 };
        return 0;
    }
    return -1;
}

static void check_rect(pr_rect b)
{
    FUZZ_ASSERT(!pr_rect_is_empty(b));
    FUZZ_ASSERT(isfinite(b.x0) && isfinite(b.y0) && isfinite(b.x1) && isfinite(b.y1));
}

static void check_colour(const pr_cs *cs, const double *comp)
{
    pr_devcolor c;
    pr_color_resolve(cs, comp, &c);
    if (c.kind == PR_CS_LAB) return;
    for (int i = 0; i < 4; i++) FUZZ_ASSERT(c.v[i] >= 0 && c.v[i] <= 1);
}

static void paint(void *ctx, const pr_gstate *gs, int how, pr_rect b)
{
    (void)ctx, (void)how;
    check_rect(b);
    FUZZ_ASSERT(!pr_rect_is_empty(pr_rect_intersect(b, gs->clip)));
    check_colour(&gs->fill_cs, gs->fill);
    check_colour(&gs->stroke_cs, gs->stroke);
}

static void text(void *ctx, const pr_gstate *gs, void *res, const char *bytes, size_t n, double x, double y)
{
    (void)ctx, (void)res, (void)bytes;
    FUZZ_ASSERT(n <= input_len);
    FUZZ_ASSERT(isfinite(x) && isfinite(y));
    check_colour(&gs->fill_cs, gs->fill);
}

static void image(void *ctx, const pr_gstate *gs, const pr_xobject *im, pr_rect b)
{
    (void)ctx, (void)gs, (void)im;
    if (!pr_rect_is_empty(b)) check_rect(b);
}

static void lex_all(const char *p, size_t size)
{
    pr_lexer lx;
    pr_tok t;
    hc_buf s = HC_BUF_INIT;
    char name[64];
    size_t ntok = 0, last = 0;
    pr_lex_init(&lx, p, size);
    while (pr_lex_next(&lx, &t) != PR_T_EOF) {
        FUZZ_ASSERT(++ntok <= size);
        FUZZ_ASSERT(t.pos >= last && t.pos < size && (ntok == 1 || t.pos > last || t.pos == 0));
        FUZZ_ASSERT(t.p >= p && t.p + t.len <= p + size);
        if (t.kind == PR_T_INLINE) FUZZ_ASSERT(t.data >= p && t.data + t.data_len <= p + size);
        last = t.pos;
        if (t.kind == PR_T_STR || t.kind == PR_T_HEXSTR) {
            hc_buf_reset(&s);
            pr_str_decode(&t, &s);
            FUZZ_ASSERT(s.len <= t.len + 1);
        } else if (t.kind == PR_T_NAME) {
            pr_name_decode(&t, name, sizeof name);
            FUZZ_ASSERT(strlen(name) < sizeof name);
        }
    }
    FUZZ_ASSERT(lx.pos == size);
    hc_buf_free(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    input = (const char *)data;
    input_len = size;
    lex_all(input, size);
    pr_handler h;
    memset(&h, 0, sizeof h);
    h.colorspace = colorspace;
    h.shading = shading;
    h.xobject = xobject;
    h.paint = paint;
    h.text = text;
    h.image = image;
    pr_interp in;
    pr_interp_init(&in, &h);
    in.max_ops = 20000;   /* a form drawing itself nests 8 deep: keep each input quick */
    int rc = pr_run(&in, data, size, NULL);
    FUZZ_ASSERT(rc == 0 || rc == 1);
    FUZZ_ASSERT(in.ops <= in.max_ops);
    FUZZ_ASSERT(rc == (in.exhausted != 0));
    return 0;
}
