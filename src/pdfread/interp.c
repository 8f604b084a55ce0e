/* interp.c — the content-stream interpreter; see interp.h. */
#include "interp.h"
#include "../base/alloc.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OPERANDS 256

typedef struct {
    pr_interp *in;
    void *res;
    int depth;
    pr_gstate gs;
    pr_gstate *stack;             /* grown as q nests, up to PR_MAX_Q */
    size_t capq;
    int nq, overflow;
    pr_tok opd[MAX_OPERANDS];
    int nopd;
    pr_rect path;                 /* user space bbox of the current path */
    int clip_pending;
    pr_matrix tm, tlm;
    hc_buf str;
} run;

static int run_stream(pr_interp *in, const char *p, size_t len, void *res, int depth, const pr_gstate *start);

static const pr_matrix identity = { 1, 0, 0, 1, 0, 0 };

void pr_interp_init(pr_interp *in, const pr_handler *h)
{
    memset(in, 0, sizeof *in);
    in->h = h;
    in->max_ops = PR_MAX_OPS;
    pr_gstate *g = &in->base;
    g->ctm = identity;
    pr_cs_device("DeviceGray", &g->fill_cs);
    pr_cs_device("DeviceGray", &g->stroke_cs);
    g->clip = pr_rect_infinite();
    g->line_width = 1;
    g->hscale = 100;
}

static double clampn(double v)
{
    return v > 1e9 ? 1e9 : v < -1e9 ? -1e9 : v;
}

/* The last n operands as numbers; 0 when they are not all numbers. */
static int nums(const run *r, int n, double *out)
{
    if (r->nopd < n) return 0;
    for (int i = 0; i < n; i++) {
        const pr_tok *t = &r->opd[r->nopd - n + i];
        if (t->kind != PR_T_NUM) return 0;
        out[i] = clampn(t->num);
    }
    return 1;
}

static const pr_tok *last_of(const run *r, pr_tok_kind k)
{
    return r->nopd > 0 && r->opd[r->nopd - 1].kind == k ? &r->opd[r->nopd - 1] : NULL;
}

static void path_add(run *r, double x, double y)
{
    const pr_matrix *m = &r->gs.ctm;
    double dx = m->a * x + m->c * y + m->e, dy = m->b * x + m->d * y + m->f;
    if (pr_rect_is_empty(r->path)) {
        r->path = (pr_rect){ dx, dy, dx, dy };
        return;
    }
    r->path.x0 = fmin(r->path.x0, dx);
    r->path.y0 = fmin(r->path.y0, dy);
    r->path.x1 = fmax(r->path.x1, dx);
    r->path.y1 = fmax(r->path.y1, dy);
}

static void path_op(run *r, const char *op)
{
    double v[6];
    int n = !strcmp(op, "c") ? 6 : !strcmp(op, "v") || !strcmp(op, "y") || !strcmp(op, "re") ? 4 : 2;
    if (!nums(r, n, v)) return;
    if (!strcmp(op, "re")) {
        path_add(r, v[0], v[1]);
        path_add(r, v[0] + v[2], v[1]);
        path_add(r, v[0], v[1] + v[3]);
        path_add(r, v[0] + v[2], v[1] + v[3]);
        return;
    }
    for (int i = 0; i < n; i += 2) path_add(r, v[i], v[i + 1]);
}

static void paint(run *r, int how)
{
    if (r->clip_pending) {
        r->gs.clip = pr_rect_intersect(r->gs.clip, r->path);
        r->clip_pending = 0;
    }
    if (how && r->in->h->paint && !pr_rect_is_empty(r->path)) {
        pr_rect b = r->path;
        if (how & PR_PAINT_STROKE) {
            double w = r->gs.line_width * sqrt(fabs(r->gs.ctm.a * r->gs.ctm.d - r->gs.ctm.b * r->gs.ctm.c)) / 2;
            b.x0 -= w, b.y0 -= w, b.x1 += w, b.y1 += w;
        }
        b = pr_rect_intersect(b, r->gs.clip);
        if (!pr_rect_is_empty(b)) r->in->h->paint(r->in->h->ctx, &r->gs, how, b);
    }
    r->path = pr_rect_empty();
}

static int paint_op(run *r, const char *op)
{
    static const struct { const char *op; int how; } t[] = {
        { "f", PR_PAINT_FILL },  { "F", PR_PAINT_FILL },    { "f*", PR_PAINT_FILL },
        { "B", 3 },              { "B*", 3 },               { "b", 3 },
        { "b*", 3 },             { "S", PR_PAINT_STROKE },  { "s", PR_PAINT_STROKE },
        { "n", 0 },
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strcmp(op, t[i].op)) {
            paint(r, t[i].how);
            return 1;
        }
    return 0;
}

static void set_space(run *r, int stroke)
{
    const pr_tok *t = last_of(r, PR_T_NAME);
    if (!t) return;
    char name[64];
    pr_name_decode(t, name, sizeof name);
    pr_cs cs;
    if (pr_cs_device(name, &cs) != 0) {
        const pr_handler *h = r->in->h;
        if (!h->colorspace || h->colorspace(h->res_ctx, r->res, name, &cs) != 0) {
            memset(&cs, 0, sizeof cs);
            cs.kind = PR_CS_UNKNOWN;
        }
    }
    if (cs.ncomp > PR_MAX_COMP) cs.ncomp = PR_MAX_COMP;
    *(stroke ? &r->gs.stroke_cs : &r->gs.fill_cs) = cs;
    pr_cs_initial(&cs, stroke ? r->gs.stroke : r->gs.fill);
}

/* sc scn SC SCN: as many numbers as are given (up to the space's count). */
static void set_comps(run *r, int stroke)
{
    pr_cs *cs = stroke ? &r->gs.stroke_cs : &r->gs.fill_cs;
    double *comp = stroke ? r->gs.stroke : r->gs.fill;
    int end = r->nopd, n = 0;
    if (end > 0 && r->opd[end - 1].kind == PR_T_NAME) end--;   /* a pattern's name */
    while (n < end && n < cs->ncomp && r->opd[end - 1 - n].kind == PR_T_NUM) n++;
    for (int i = 0; i < n; i++) comp[i] = clampn(r->opd[end - n + i].num);
}

static void set_device(run *r, const char *space, int n, int stroke)
{
    double v[4];
    if (!nums(r, n, v)) return;
    pr_cs_device(space, stroke ? &r->gs.stroke_cs : &r->gs.fill_cs);
    double *comp = stroke ? r->gs.stroke : r->gs.fill;
    for (int i = 0; i < PR_MAX_COMP; i++) comp[i] = i < n ? v[i] : 0;
}

static int color_op(run *r, const char *op)
{
    if (!strcmp(op, "g")) set_device(r, "DeviceGray", 1, 0);
    else if (!strcmp(op, "G")) set_device(r, "DeviceGray", 1, 1);
    else if (!strcmp(op, "rg")) set_device(r, "DeviceRGB", 3, 0);
    else if (!strcmp(op, "RG")) set_device(r, "DeviceRGB", 3, 1);
    else if (!strcmp(op, "k")) set_device(r, "DeviceCMYK", 4, 0);
    else if (!strcmp(op, "K")) set_device(r, "DeviceCMYK", 4, 1);
    else if (!strcmp(op, "cs")) set_space(r, 0);
    else if (!strcmp(op, "CS")) set_space(r, 1);
    else if (!strcmp(op, "sc") || !strcmp(op, "scn")) set_comps(r, 0);
    else if (!strcmp(op, "SC") || !strcmp(op, "SCN")) set_comps(r, 1);
    else return 0;
    return 1;
}

static void push(run *r)
{
    if (r->nq >= PR_MAX_Q) {
        r->overflow++;
        return;
    }
    r->stack = hc_xgrow(r->stack, &r->capq, (size_t)r->nq + 1, sizeof *r->stack);
    r->stack[r->nq++] = r->gs;
}

static void pop(run *r)
{
    if (r->overflow) r->overflow--;
    else if (r->nq > 0) r->gs = r->stack[--r->nq];
}

static void concat(run *r)
{
    double v[6];
    if (!nums(r, 6, v)) return;
    pr_matrix m = { v[0], v[1], v[2], v[3], v[4], v[5] };
    r->gs.ctm = pr_matrix_mul(&m, &r->gs.ctm);
}

static void text_show(run *r, const pr_tok *s)
{
    const pr_handler *h = r->in->h;
    if (!h->text) return;
    hc_buf_reset(&r->str);
    pr_str_decode(s, &r->str);
    pr_matrix trm = pr_matrix_mul(&r->tm, &r->gs.ctm);
    double x = trm.c * r->gs.rise + trm.e, y = trm.d * r->gs.rise + trm.f;
    h->text(h->ctx, &r->gs, r->res, r->str.data ? r->str.data : "", r->str.len, x, y);
}

static void text_move(run *r, double tx, double ty)
{
    pr_matrix t = { 1, 0, 0, 1, tx, ty };
    r->tlm = pr_matrix_mul(&t, &r->tlm);
    r->tm = r->tlm;
}

static int text_state_op(run *r, const char *op)
{
    double v[6];
    pr_gstate *g = &r->gs;
    if (!strcmp(op, "Tc") && nums(r, 1, v)) g->char_spacing = v[0];
    else if (!strcmp(op, "Tw") && nums(r, 1, v)) g->word_spacing = v[0];
    else if (!strcmp(op, "Tz") && nums(r, 1, v)) g->hscale = v[0];
    else if (!strcmp(op, "TL") && nums(r, 1, v)) g->leading = v[0];
    else if (!strcmp(op, "Ts") && nums(r, 1, v)) g->rise = v[0];
    else if (!strcmp(op, "Tr") && nums(r, 1, v)) g->render_mode = (int)v[0];
    else if (!strcmp(op, "Tf") && nums(r, 1, v) && r->nopd >= 2 && r->opd[r->nopd - 2].kind == PR_T_NAME) {
        g->font_size = v[0];
        pr_name_decode(&r->opd[r->nopd - 2], g->font, sizeof g->font);
    } else if (!strcmp(op, "Tf") || !strcmp(op, "Tc") || !strcmp(op, "Tw") || !strcmp(op, "Tz") ||
               !strcmp(op, "TL") || !strcmp(op, "Ts") || !strcmp(op, "Tr"))
        ;   /* bad operands */
    else return 0;
    return 1;
}

static int text_op(run *r, const char *op)
{
    double v[6];
    const pr_tok *s;
    if (text_state_op(r, op)) return 1;
    if (!strcmp(op, "BT")) {
        r->tm = r->tlm = identity;
    } else if (!strcmp(op, "ET")) {
    } else if (!strcmp(op, "Td") && nums(r, 2, v)) {
        text_move(r, v[0], v[1]);
    } else if (!strcmp(op, "TD") && nums(r, 2, v)) {
        r->gs.leading = -v[1];
        text_move(r, v[0], v[1]);
    } else if (!strcmp(op, "Tm") && nums(r, 6, v)) {
        r->tm = r->tlm = (pr_matrix){ v[0], v[1], v[2], v[3], v[4], v[5] };
    } else if (!strcmp(op, "T*")) {
        text_move(r, 0, -r->gs.leading);
    } else if (!strcmp(op, "Tj")) {
        if ((s = last_of(r, PR_T_STR)) || (s = last_of(r, PR_T_HEXSTR))) text_show(r, s);
    } else if (!strcmp(op, "'") || !strcmp(op, "\"")) {
        if (op[0] == '"' && r->nopd >= 3 && r->opd[r->nopd - 3].kind == PR_T_NUM &&
            r->opd[r->nopd - 2].kind == PR_T_NUM) {
            r->gs.word_spacing = clampn(r->opd[r->nopd - 3].num);
            r->gs.char_spacing = clampn(r->opd[r->nopd - 2].num);
        }
        text_move(r, 0, -r->gs.leading);
        if ((s = last_of(r, PR_T_STR)) || (s = last_of(r, PR_T_HEXSTR))) text_show(r, s);
    } else if (!strcmp(op, "TJ")) {
        for (int i = 0; i < r->nopd; i++)
            if (r->opd[i].kind == PR_T_STR || r->opd[i].kind == PR_T_HEXSTR) text_show(r, &r->opd[i]);
    } else if (!strcmp(op, "Td") || !strcmp(op, "TD") || !strcmp(op, "Tm")) {
    } else {
        return 0;
    }
    return 1;
}

static void show_image(run *r, const pr_xobject *im)
{
    const pr_handler *h = r->in->h;
    if (!h->image) return;
    pr_rect unit = { 0, 0, 1, 1 };
    pr_rect b = pr_rect_intersect(pr_rect_transform(unit, &r->gs.ctm), r->gs.clip);
    h->image(h->ctx, &r->gs, im, b);
}

static void do_xobject(run *r)
{
    const pr_tok *t = last_of(r, PR_T_NAME);
    const pr_handler *h = r->in->h;
    if (!t || !h->xobject) return;
    pr_xobject xo;
    memset(&xo, 0, sizeof xo);
    char name[64];
    pr_name_decode(t, name, sizeof name);
    if (h->xobject(h->res_ctx, r->res, name, &xo) != 0) return;
    snprintf(xo.name, sizeof xo.name, "%s", name);
    if (xo.kind == PR_XO_IMAGE) {
        show_image(r, &xo);
    } else if (xo.kind == PR_XO_FORM && r->depth + 1 < PR_MAX_DEPTH) {
        pr_gstate start = r->gs;
        start.ctm = pr_matrix_mul(&xo.matrix, &r->gs.ctm);
        if (h->form) h->form(h->ctx, &start, &xo, r->depth + 1);
        run_stream(r->in, xo.content, xo.content_len, xo.res ? xo.res : r->res, r->depth + 1, &start);
    }
    if (h->xobject_done) h->xobject_done(h->res_ctx, &xo);
}

/* An inline image's dictionary: W H BPC IM CS, abbreviated or not. */
static void inline_image(run *r, const pr_tok *t)
{
    pr_xobject im;
    memset(&im, 0, sizeof im);
    im.kind = PR_XO_IMAGE;
    pr_cs_device("DeviceGray", &im.cs);
    pr_lexer lx;
    pr_tok k, v;
    char key[32], name[64];
    pr_lex_init(&lx, t->p, t->len);
    while (pr_lex_next(&lx, &k) != PR_T_EOF) {
        if (k.kind != PR_T_NAME) continue;
        pr_name_decode(&k, key, sizeof key);
        if (pr_lex_next(&lx, &v) == PR_T_EOF) break;
        double n = v.kind == PR_T_NUM ? clampn(v.num) : 0;
        if (!strcmp(key, "W") || !strcmp(key, "Width")) im.width = (int)n;
        else if (!strcmp(key, "H") || !strcmp(key, "Height")) im.height = (int)n;
        else if (!strcmp(key, "BPC") || !strcmp(key, "BitsPerComponent")) im.bpc = (int)n;
        else if ((!strcmp(key, "IM") || !strcmp(key, "ImageMask")) && pr_tok_is(&v, "true")) im.image_mask = 1;
        else if ((!strcmp(key, "CS") || !strcmp(key, "ColorSpace")) && v.kind == PR_T_NAME) {
            pr_name_decode(&v, name, sizeof name);
            const pr_handler *h = r->in->h;
            if (pr_cs_device(name, &im.cs) != 0 && (!h->colorspace || h->colorspace(h->res_ctx, r->res, name, &im.cs)))
                im.cs.kind = PR_CS_UNKNOWN;
        } else if ((!strcmp(key, "CS") || !strcmp(key, "ColorSpace")) && v.kind == PR_T_ARRAY_OPEN) {
            im.cs.kind = PR_CS_INDEXED;   /* [/I base hival lookup]: the base is not read here */
            im.cs.base = PR_CS_UNKNOWN;
        }
    }
    snprintf(im.name, sizeof im.name, "(inline)");
    show_image(r, &im);
}

static void shade(run *r)
{
    const pr_tok *t = last_of(r, PR_T_NAME);
    const pr_handler *h = r->in->h;
    if (!t || !h->paint) return;
    char name[64];
    pr_name_decode(t, name, sizeof name);
    pr_gstate g = r->gs;
    if (!h->shading || h->shading(h->res_ctx, r->res, name, &g.fill_cs) != 0) {
        memset(&g.fill_cs, 0, sizeof g.fill_cs);
        g.fill_cs.kind = PR_CS_UNKNOWN;
    }
    pr_cs_initial(&g.fill_cs, g.fill);
    if (!pr_rect_is_empty(r->gs.clip)) h->paint(h->ctx, &g, PR_PAINT_SHADING, r->gs.clip);
}

static void operator(run *r, const pr_tok *t)
{
    char op[4];
    if (t->len > 3) return;
    memcpy(op, t->p, t->len);
    op[t->len] = 0;
    double v[1];
    if (!strcmp(op, "q")) push(r);
    else if (!strcmp(op, "Q")) pop(r);
    else if (!strcmp(op, "cm")) concat(r);
    else if (!strcmp(op, "w")) { if (nums(r, 1, v)) r->gs.line_width = fabs(v[0]); }
    else if (!strcmp(op, "m") || !strcmp(op, "l") || !strcmp(op, "c") || !strcmp(op, "v") || !strcmp(op, "y") ||
             !strcmp(op, "re")) path_op(r, op);
    else if (!strcmp(op, "h")) {}
    else if (!strcmp(op, "W") || !strcmp(op, "W*")) r->clip_pending = 1;
    else if (paint_op(r, op) || color_op(r, op) || text_op(r, op)) {}
    else if (!strcmp(op, "Do")) do_xobject(r);
    else if (!strcmp(op, "sh")) shade(r);
}

static int run_stream(pr_interp *in, const char *p, size_t len, void *res, int depth, const pr_gstate *start)
{
    run *r = hc_xcalloc(1, sizeof *r);
    int rc = 0;
    r->in = in;
    r->res = res;
    r->depth = depth;
    r->gs = *start;
    r->path = pr_rect_empty();
    r->tm = r->tlm = identity;
    pr_lexer lx;
    pr_tok t;
    pr_lex_init(&lx, p, len);
    while (pr_lex_next(&lx, &t) != PR_T_EOF) {
        if (t.kind == PR_T_OP || t.kind == PR_T_INLINE) {
            if (in->ops >= in->max_ops) {   /* also when a form inside ran out */
                in->exhausted = 1;
                rc = 1;
                break;
            }
            in->ops++;
            if (t.kind == PR_T_INLINE) inline_image(r, &t);
            else if (!pr_tok_is(&t, "true") && !pr_tok_is(&t, "false") && !pr_tok_is(&t, "null")) operator(r, &t);
            else if (r->nopd < MAX_OPERANDS) {
                r->opd[r->nopd++] = t;
                continue;
            }
            r->nopd = 0;
        } else if (r->nopd < MAX_OPERANDS) {
            r->opd[r->nopd++] = t;
        }
    }
    hc_buf_free(&r->str);
    free(r->stack);
    free(r);
    return rc;
}

int pr_run(pr_interp *in, const void *content, size_t len, void *res)
{
    return run_stream(in, content, len, res, 0, &in->base) || in->exhausted;
}
