/* title.c — titles that break where a reader would: at word boundaries, in
 * lines of balanced length, never one character alone.
 *
 * Pango breaks a title like body text: as late as the width allows, which
 * leaves "…党建示范/带" or "党/建示范圈". Here the break points come from
 * pango's log attributes (every line-break opportunity, kinsoku applied),
 * minus those inside a term of the seed's vocabulary (示范带, 党建, 两新组织…)
 * or inside a short quotation (“放心农业”); the fewest lines that hold the
 * title are then filled as evenly as possible (least sum of squared line
 * widths), with a penalty for a break that is not at a known word boundary.
 * The title is laid out with explicit line breaks there.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../../base/utf8.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Words of the 党建 vocabulary that a title must not split; longer first
 * where one contains another does not matter (all are marked). */
static const char *const terms[] = {
    "党建画册", "党建", "示范带", "示范圈", "示范点", "示范区", "示范岗", "示范创建", "两新组织", "两镇联建",
    "乡村振兴", "文明城市", "共同富裕", "基层党组织", "党组织", "党支部", "党群服务中心", "服务中心",
    "挂图作战", "挂牌督战", "挂号比战", "挂帅领战", "十个一", "双40条", "开发区", "新区", "系统", "攻坚",
    "征迁", "水利工程", "重点项目", "美丽河湖", "治水", "教育", "卫生健康", "交通运输", "大花园", "红色",
    "引擎", "楼宇", "先锋", "锋领", "康养", "农业", "古道", "红心", "老街", "新韵", "田园", "共富",
    "街道", "社区", "乡镇", "典型案例", "创建标准", "党员", "河长", "责任田", "党建公园",
    NULL,
};

/* A break opportunity is "good" after these (or before an opening quote). */
static int soft_after(uint32_t c)
{
    return c == ' ' || c == 0x3000 || c == 0x2005 || c == 0x00B7 || c == 0x201D || c == 0xFF1A || c == 0xFF0C ||
           c == 0x3001 || c == 0x2014 || c == 0xFF09 || c == 0x300B || c == ':' || c == '-';
}

static int is_punct(uint32_t c) { return pdf_kinsoku_no_start(c) || pdf_kinsoku_no_end(c) || c == ' ' || c == 0x3000; }

typedef struct {
    int n;              /* characters */
    int *off;           /* byte offset of character i (off[n] = length) */
    uint32_t *cp;
    double *x;          /* x of the boundary before character i (x[n] = width) */
    signed char *brk;   /* before character i: 0 no, 1 good, 2 allowed (mid-word) */
} tchars;

static void mark_terms(const char *t, int len, tchars *c)
{
    for (int k = 0; terms[k]; k++) {
        size_t tl = strlen(terms[k]);
        for (const char *s = t; (s = strstr(s, terms[k])) && s < t + len; s += tl) {
            int b = (int)(s - t), e = b + (int)tl;
            for (int i = 1; i < c->n; i++)
                if (c->off[i] > b && c->off[i] < e) c->brk[i] = 0;
                else if ((c->off[i] == b || c->off[i] == e) && c->brk[i] == 2) c->brk[i] = 1;
        }
    }
    /* a short quotation stays on one line */
    for (int i = 0; i < c->n; i++) {
        if (c->cp[i] != 0x201C) continue;
        int j = i + 1;
        while (j < c->n && c->cp[j] != 0x201D) j++;
        if (j < c->n && j - i <= 9)
            for (int q = i + 1; q <= j; q++) c->brk[q] = 0;
        if (i > 0 && c->brk[i]) c->brk[i] = 1;
        if (j + 1 < c->n && c->brk[j + 1]) c->brk[j + 1] = 1;
    }
}

/* Characters, their positions on one unwrapped line, and break classes. */
static int measure(pdf_doc *p, const char *t, int len, const pdf_tstyle *st, tchars *c)
{
    c->n = (int)g_utf8_strlen(t, len);
    if (c->n < 2) return -1;
    c->off = hc_xcalloc((size_t)c->n + 1, sizeof *c->off);
    c->cp = hc_xcalloc((size_t)c->n + 1, sizeof *c->cp);
    c->x = hc_xcalloc((size_t)c->n + 1, sizeof *c->x);
    c->brk = hc_xcalloc((size_t)c->n + 1, 1);
    const char *s = t;
    for (int i = 0; i < c->n; i++) {
        c->off[i] = (int)(s - t);
        c->cp[i] = g_utf8_get_char(s);
        s = g_utf8_next_char(s);
    }
    c->off[c->n] = len;
    pdf_tstyle one = *st;
    one.width = 0;
    char *dup = g_strndup(t, (gsize)len);
    PangoLayout *l = pdf_layout(p, dup, &one);
    for (int i = 0; i <= c->n; i++) {
        PangoRectangle r;
        if (i == c->n) {
            c->x[i] = pdf_layout_w(l);
            break;
        }
        pango_layout_index_to_pos(l, c->off[i], &r);
        c->x[i] = (double)r.x / PANGO_SCALE;
    }
    PangoLogAttr *la = g_new0(PangoLogAttr, c->n + 1);
    pango_get_log_attrs(dup, len, -1, pango_language_from_string("zh-cn"), la, c->n + 1);
    for (int i = 1; i < c->n; i++) {
        int ok = (la[i].is_line_break || la[i].is_char_break) && !pdf_kinsoku_no_start(c->cp[i]) &&
                 !pdf_kinsoku_no_end(c->cp[i - 1]);
        /* not inside a Latin word or number */
        if (c->cp[i] < 0x80 && c->cp[i - 1] < 0x80 && c->cp[i] != ' ' && c->cp[i - 1] != ' ') ok = 0;
        c->brk[i] = !ok ? 0 : soft_after(c->cp[i - 1]) || c->cp[i] == 0x201C || c->cp[i] == 0xFF08 ? 1 : 2;
    }
    g_free(la);
    g_object_unref(l);
    g_free(dup);
    mark_terms(t, len, c);
    return 0;
}

static void tchars_free(tchars *c)
{
    free(c->off);
    free(c->cp);
    free(c->x);
    free(c->brk);
}

/* Letters (not punctuation or spaces) in characters [a, b). */
static int letters(const tchars *c, int a, int b)
{
    int k = 0;
    for (int i = a; i < b; i++) k += !is_punct(c->cp[i]);
    return k;
}

/* Width of characters [a, b) without spaces at either end. */
static double seg_w(const tchars *c, int a, int b)
{
    while (a < b && (c->cp[a] == ' ' || c->cp[a] == 0x3000)) a++;
    while (b > a && (c->cp[b - 1] == ' ' || c->cp[b - 1] == 0x3000)) b--;
    return c->x[b] - c->x[a];
}

/* Best breaks for exactly k lines within width w: fills cut[0..k] (cut[0] =
 * 0, cut[k] = n) and returns the cost, or INFINITY when impossible. */
static double best_breaks(const tchars *c, int k, double w, int *cut)
{
    int n = c->n;
    double *cost = hc_xcalloc((size_t)(k + 1) * (size_t)(n + 1), sizeof *cost);
    int *from = hc_xcalloc((size_t)(k + 1) * (size_t)(n + 1), sizeof *from);
#define AT(j, i) ((size_t)(j) * (size_t)(n + 1) + (size_t)(i))
    for (size_t q = 0; q < (size_t)(k + 1) * (size_t)(n + 1); q++) cost[q] = INFINITY;
    cost[AT(0, 0)] = 0;
    for (int j = 1; j <= k; j++)
        for (int i = 1; i <= n; i++) {
            if (i < n && !c->brk[i]) continue;
            if (j == k && i != n) continue;
            for (int a = 0; a < i; a++) {
                if (!isfinite(cost[AT(j - 1, a)])) continue;
                double lw = seg_w(c, a, i);
                if (lw > w - 0.5 || letters(c, a, i) < 2) continue;
                double pen = (i < n && c->brk[i] == 2) ? 0.35 : 0;
                double v = cost[AT(j - 1, a)] + (lw / w) * (lw / w) + pen;
                if (v < cost[AT(j, i)]) {
                    cost[AT(j, i)] = v;
                    from[AT(j, i)] = a;
                }
            }
        }
    double best = cost[AT(k, n)];
    if (isfinite(best)) {
        int i = n;
        for (int j = k; j > 0; j--) {
            cut[j] = i;
            i = from[AT(j, i)];
        }
        cut[0] = 0;
    }
#undef AT
    free(cost);
    free(from);
    return best;
}

/* Appends paragraph t[0..len) with its balanced breaks as '\n' to out. */
static void balance_para(pdf_doc *p, const char *t, int len, const pdf_tstyle *st, hc_buf *out)
{
    tchars c;
    memset(&c, 0, sizeof c);
    if (st->width <= 0 || measure(p, t, len, st, &c) != 0 || c.x[c.n] <= st->width - 0.5) {
        hc_buf_put(out, t, (size_t)len);
        goto out;
    }
    int k0 = (int)ceil(c.x[c.n] / st->width), done = 0;
    for (int k = k0 > 1 ? k0 : 2; k <= k0 + 2 && k <= c.n / 2 && !done; k++) {
        int *cut = hc_xcalloc((size_t)k + 1, sizeof *cut);
        if (isfinite(best_breaks(&c, k, st->width, cut))) {
            for (int j = 0; j < k; j++) {
                int a = cut[j], b = cut[j + 1];
                while (a < b && (c.cp[a] == ' ' || c.cp[a] == 0x3000)) a++;
                while (b > a && (c.cp[b - 1] == ' ' || c.cp[b - 1] == 0x3000)) b--;
                if (j) hc_buf_putc(out, '\n');
                hc_buf_put(out, t + c.off[a], (size_t)(c.off[b] - c.off[a]));
            }
            done = 1;
        }
        free(cut);
    }
    if (!done) hc_buf_put(out, t, (size_t)len);
out:
    tchars_free(&c);
}

void pdf_title_text(pdf_doc *p, const char *text, const pdf_tstyle *st, hc_buf *out)
{
    const char *s = text;
    for (;;) {
        const char *nl = strchr(s, '\n');
        int len = nl ? (int)(nl - s) : (int)strlen(s);
        balance_para(p, s, len, st, out);
        if (!nl) break;
        hc_buf_putc(out, '\n');
        s = nl + 1;
    }
}

PangoLayout *pdf_title_layout(pdf_doc *p, const char *text, const pdf_tstyle *st)
{
    hc_buf b = HC_BUF_INIT;
    pdf_title_text(p, text, st, &b);
    PangoLayout *l = pdf_layout(p, hc_buf_cstr(&b), st);
    hc_buf_free(&b);
    return l;
}

double pdf_title(pdf_doc *p, double x, double y, const char *text, const pdf_tstyle *st, pdf_rgb c)
{
    PangoLayout *l = pdf_title_layout(p, text, st);
    double h = pdf_layout_h(l);
    pdf_draw_layout(p, l, x, y, c);
    g_object_unref(l);
    return h;
}
