/* Typography of the album (issue 14 §4): the status dot adds no stray path
 * (a cairo recording surface, read back as CairoScript), titles break at
 * word boundaries in balanced lines with no character alone, no paragraph
 * ends on one character plus punctuation, and the book facts (开本, 印张,
 * spine width) come out as a printer computes them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <cairo-script.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "render/pdf/pdf_int.h"

static pdf_env env;
static PangoFontMap *fm;
static pdf_doc doc;

static int setup(void **st)
{
    (void)st;
    memset(&env, 0, sizeof env);
    snprintf(env.fonts.sans, sizeof env.fonts.sans, "Noto Sans CJK SC");
    snprintf(env.fonts.serif, sizeof env.fonts.serif, "Noto Serif CJK SC");
    snprintf(env.fonts.mono, sizeof env.fonts.mono, "Noto Sans Mono CJK SC");
    memset(&doc, 0, sizeof doc);
    doc.env = &env;
    doc.pc = pdf_pango_context_new(&env.fonts, &fm);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    g_object_unref(doc.pc);
    g_object_unref(fm);
    return 0;
}

/* ---- the status dot ---- */

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
    hc_buf_put(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* Every point of every path (m, l, c operands) in the CairoScript s lies in
 * the box; returns how many points were checked, -1 at the first outside. */
static int points_inside(const char *s, double x0, double y0, double x1, double y1)
{
    double num[8];
    int nn = 0, checked = 0;
    char tok[64];
    for (const char *p = s; *p;) {
        while (*p == ' ' || *p == '\n') p++;
        if (p[0] == '<' && p[1] == '~') {   /* base85 data (font data): not operators */
            const char *e = strstr(p, "~>");
            if (!e) break;
            p = e + 2;
            nn = 0;
            continue;
        }
        int k = 0;
        while (*p && *p != ' ' && *p != '\n' && k < 63) tok[k++] = *p++;
        while (*p && *p != ' ' && *p != '\n') p++;
        tok[k] = 0;
        if (!k) break;
        char *end;
        double v = strtod(tok, &end);
        if (*end == 0 && end != tok) {
            if (nn == 8) memmove(num, num + 1, 7 * sizeof *num), nn = 7;
            num[nn++] = v;
            continue;
        }
        int need = strcmp(tok, "m") == 0 || strcmp(tok, "l") == 0 ? 2 : strcmp(tok, "c") == 0 ? 6 : 0;
        for (int i = nn - need; need && i < nn; i += 2) {
            checked++;
            if (num[i] < x0 || num[i] > x1 || num[i + 1] < y0 || num[i + 1] > y1) {
                print_message("point %g %g outside %g %g – %g %g\n", num[i], num[i + 1], x0, y0, x1, y1);
                return -1;
            }
        }
        nn = 0;
    }
    return checked;
}

static void status_dot_draws_no_stray_segment(void **st)
{
    (void)st;
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    doc.cr = cairo_create(rec);
    pdf_rgb red = { 0.8, 0.1, 0.1 };
    /* a heading (pango leaves the current point after it), then the dot far from it */
    pdf_tstyle hs = pdf_style(PDF_SANS, PDF_FS_L, 1, 300);
    pdf_text(&doc, 40, 40, "挂图作战进度", &hs, red);
    pdf_fill_disc(&doc, 200, 300, 12, red);
    /* and with a current point set by hand: the disc still starts a path of its own */
    cairo_move_to(doc.cr, 5, 5);
    pdf_fill_disc(&doc, 100, 400, 6, red);
    cairo_destroy(doc.cr);
    doc.cr = NULL;
    hc_buf script = HC_BUF_INIT;
    cairo_device_t *dev = cairo_script_create_for_stream(to_buf, &script);
    assert_int_equal(cairo_script_from_recording_surface(dev, rec), CAIRO_STATUS_SUCCESS);
    cairo_device_finish(dev);
    cairo_device_destroy(dev);
    cairo_surface_destroy(rec);
    const char *s = hc_buf_cstr(&script);
    /* the script has both fills (an operator at the start of a line); split it after the first */
    const char *second = strstr(s, "\nfill");
    assert_non_null(second);
    second += 5;
    assert_non_null(strstr(second, "\nfill"));
    hc_buf first = HC_BUF_INIT;
    hc_buf_put(&first, s, (size_t)(second - s));
    assert_true(points_inside(hc_buf_cstr(&first), 188 - 0.01, 288 - 0.01, 212 + 0.01, 312 + 0.01) >= 13);
    assert_true(points_inside(second, 94 - 0.01, 394 - 0.01, 106 + 0.01, 406 + 0.01) >= 13);
    hc_buf_free(&first);
    hc_buf_free(&script);
}

/* ---- titles ---- */

static const char *const names[] = {
    "东区大花园党建示范带", "“放心农业”党建示范带", "“莲香党建”乡村振兴示范带", "“田园共富”两镇联建党建示范带",
    "开发区“红色引擎”两新组织党建示范圈", "“红色楼宇”两新组织党建示范圈", "“农创客”两新组织党建示范圈",
    "教育系统“红烛先锋”党建示范点", "卫生健康系统“白衣锋领”党建示范点", "交通运输系统“路畅先锋”党建示范点",
    "重点项目征迁攻坚示范岗", "库区水利工程攻坚示范岗", "“文明樟潭”文明城市党建示范区", "滨江新区文明城市党建示范区",
    NULL,
};
static const char *const whole[] = { "示范带", "示范圈", "示范点", "示范区", "示范岗", "党建", "两新组织", "乡村振兴", "文明城市", NULL };

static int letters(const char *s, size_t n)
{
    int k = 0;
    for (const char *p = s; p < s + n; p = g_utf8_next_char(p)) {
        uint32_t c = g_utf8_get_char(p);
        k += !(pdf_kinsoku_no_start(c) || pdf_kinsoku_no_end(c) || c == ' ');
    }
    return k;
}

static void titles_break_at_words(void **st)
{
    (void)st;
    int broken = 0;
    for (int i = 0; names[i]; i++)
        for (double em = 6; em <= 16; em += 1) {
            pdf_tstyle ts = pdf_style(PDF_SANS, PDF_FS_D, 1, em * PDF_FS_D + 1);
            hc_buf b = HC_BUF_INIT;
            pdf_title_text(&doc, names[i], &ts, &b);
            const char *t = hc_buf_cstr(&b);
            /* the same characters, lines joined */
            hc_buf j = HC_BUF_INIT;
            for (const char *p = t; *p; p++)
                if (*p != '\n') hc_buf_putc(&j, *p);
            assert_string_equal(hc_buf_cstr(&j), names[i]);
            /* no line of fewer than two letters; no term split */
            int nl = 0, minl = 99, maxl = 0;
            for (const char *p = t;;) {
                const char *e = strchr(p, '\n');
                size_t n = e ? (size_t)(e - p) : strlen(p);
                int k = letters(p, n);
                if (k < 2) fail_msg("'%s' at %g em: a line of %d letters", t, em, k);
                if (k < minl) minl = k;
                if (k > maxl) maxl = k;
                nl++;
                if (!e) break;
                p = e + 1;
            }
            for (int w = 0; whole[w]; w++)
                if (strstr(names[i], whole[w]) && !strstr(t, whole[w]))
                    fail_msg("'%s' at %g em splits %s", t, em, whole[w]);
            /* balanced, as far as the words allow ("“农创客”/两新组织党建示范圈" at 9 em is 3 + 9) */
            if (nl > 1) {
                broken++;
                if (maxl - minl > 2 * maxl / 3 + 1) fail_msg("'%s' at %g em: lines of %d and %d letters", t, em, minl, maxl);
            }
            /* and pango keeps those lines */
            PangoLayout *l = pdf_title_layout(&doc, names[i], &ts);
            assert_int_equal(pango_layout_get_line_count(l), nl);
            g_object_unref(l);
            hc_buf_free(&j);
            hc_buf_free(&b);
        }
    assert_true(broken > 40);   /* the narrow widths did break most names */
    /* the cover's defects of issue 14, at the old cover size (32 pt in 470 pt) */
    pdf_tstyle ts = pdf_style(PDF_SANS, PDF_FS_D, 1, 470);
    hc_buf b = HC_BUF_INIT;
    pdf_title_text(&doc, "“田园共富”两镇联建党建示范带", &ts, &b);
    assert_string_equal(hc_buf_cstr(&b), "“田园共富”\n两镇联建党建示范带");
    hc_buf_reset(&b);
    pdf_title_text(&doc, "开发区“红色引擎”两新组织党建示范圈", &ts, &b);
    assert_string_equal(hc_buf_cstr(&b), "开发区“红色引擎”\n两新组织党建示范圈");
    hc_buf_reset(&b);
    pdf_title_text(&doc, "短标题", &ts, &b);   /* fits: unchanged */
    assert_string_equal(hc_buf_cstr(&b), "短标题");
    hc_buf_free(&b);
}

/* ---- paragraphs ---- */

static void no_paragraph_ends_on_one_character(void **st)
{
    (void)st;
    const char *text = "上岗头村在周家乡东面，几年前还是一个交通不便、产业单一的小山村。支部书记带着党员先修路，"
                       "再引进民宿和农家乐，把荒坡变成花海，把闲置农房变成民宿，村里的年轻人陆续回来了，"
                       "村集体经济收入连续三年增长，这是大家都看得见的变化。";
    pdf_tstyle ps = pdf_style(PDF_SERIF, PDF_FS_M, 0, 0);
    int found = 0;
    for (int w = 120; w <= 330; w++) {
        /* pango alone: does this width leave one character (plus 。) on the last line? */
        PangoLayout *raw = pdf_layout(&doc, text, &ps);
        pango_layout_set_width(raw, w * PANGO_SCALE);
        pango_layout_set_wrap(raw, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_justify(raw, TRUE);
        pango_layout_set_indent(raw, (int)(21 * PANGO_SCALE));
        int bad = pdf_lone_last_line(raw);
        g_object_unref(raw);
        if (!bad) continue;
        found++;
        pdf_tstyle js = pdf_style(PDF_SERIF, PDF_FS_M, 0, w);
        js.justify = 1;
        js.indent = 21;
        PangoLayout *l = pdf_layout(&doc, text, &js);
        if (pdf_lone_last_line(l)) fail_msg("width %d: the last line is still one character", w);
        assert_int_equal(pdf_kinsoku_violations(l), 0);
        /* every character still there, within the width */
        PangoRectangle r;
        pango_layout_get_extents(l, NULL, &r);
        assert_true(r.width <= w * PANGO_SCALE + PANGO_SCALE);
        g_object_unref(l);
    }
    assert_true(found >= 3);   /* the test met the defect it is about */
}

/* No letter-spaced line before a code (issue 14 §4): the album's case study
 * ends "…督办清单（挂号 QJ-B-01）。"; at the column width of the album
 * (235.28 pt) pango kept the code and its marks together on the next line
 * and the line before was justified 3.7 em short (0.19 em between letters).
 * Across column widths, no line followed by a line that starts with a code
 * is more than 1.5 em short of the width; at the album's width the code and
 * its marks fit whole on the last line. */
static double short_before_code(PangoLayout *l, int *code_whole)
{
    int n = pango_layout_get_line_count(l);
    const char *t = pango_layout_get_text(l);
    double width = (double)pango_layout_get_width(l) / PANGO_SCALE, worst = 0;
    pango_layout_set_justify(l, FALSE);
    *code_whole = 0;
    for (int i = 0; i < n; i++) {
        PangoLayoutLine *line = pango_layout_get_line_readonly(l, i);
        if (memmem(t + line->start_index, (size_t)line->length, "QJ-B-01", 7)) *code_whole = 1;
        if (i + 1 == n) break;
        PangoLayoutLine *next = pango_layout_get_line_readonly(l, i + 1);
        const char *s = t + next->start_index;
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9'))) continue;
        PangoRectangle r;
        pango_layout_line_get_extents(line, NULL, &r);
        double gap = width - (i == 0 ? 21 : 0) - (double)r.width / PANGO_SCALE;
        if (gap > worst) worst = gap;
    }
    pango_layout_set_justify(l, TRUE);
    return worst / PDF_FS_M;
}

static void no_loose_line_before_a_code(void **st)
{
    (void)st;
    const char *text = "今年冬天，村里要办好两件事：一是做好花海的越冬养护，二是轮训讲解员，让来参观的人不光看风景，"
                       "也能听明白这个村子是怎么变过来的。这两项已经列进示范带的督办清单（挂号 QJ-B-01）。";
    int whole = 0, met = 0;
    for (double w = 180; w <= 330; w += 0.5) {
        pdf_tstyle js = pdf_style(PDF_SERIF, PDF_FS_M, 0, w);
        js.justify = 1;
        js.indent = 21;
        PangoLayout *l = pdf_layout(&doc, text, &js);
        double gap = short_before_code(l, &whole);
        if (gap > 1.5) fail_msg("width %g: the line before the code is %.2f em short", w, gap);
        assert_int_equal(pdf_kinsoku_violations(l), 0);
        PangoRectangle r;
        pango_layout_get_extents(l, NULL, &r);
        assert_true(r.width <= w * PANGO_SCALE + PANGO_SCALE);
        /* the defect was there: pango alone leaves the line before the code loose */
        PangoLayout *raw = pdf_layout(&doc, "", &js);
        pango_layout_set_text(raw, pango_layout_get_text(l), -1);
        PangoAttrList *a = pango_attr_list_new();
        pdf_kinsoku_protect(pango_layout_get_text(l), -1, a);
        pango_layout_set_attributes(raw, a);
        pango_attr_list_unref(a);
        int w0;
        met += short_before_code(raw, &w0) > 1.5;
        g_object_unref(raw);
        g_object_unref(l);
    }
    assert_true(met >= 20);
    pdf_tstyle js = pdf_style(PDF_SERIF, PDF_FS_M, 0, 235.28);   /* the album's column */
    js.justify = 1;
    js.indent = 21;
    PangoLayout *l = pdf_layout(&doc, text, &js);
    assert_true(short_before_code(l, &whole) <= 1.5);
    assert_true(whole);   /* QJ-B-01 on one line */
    g_object_unref(l);
}

/* ---- book facts ---- */

static void book_facts(void **st)
{
    (void)st;
    char kai[96], yz[32];
    pdf_book_facts(210, 285, 72, kai, sizeof kai, yz, sizeof yz);
    assert_string_equal(kai, "850 mm × 1168 mm　1/16");
    assert_string_equal(yz, "4.5");
    pdf_book_facts(210, 285, 100, kai, sizeof kai, yz, sizeof yz);
    assert_string_equal(yz, "6.25");
    pdf_book_facts(185, 260, 36, kai, sizeof kai, yz, sizeof yz);   /* 2.25 */
    assert_string_equal(kai, "787 mm × 1092 mm　1/16");
    assert_string_equal(yz, "2.25");
    pdf_book_facts(200, 200, 64, kai, sizeof kai, yz, sizeof yz);   /* no standard size: as it is */
    assert_string_equal(kai, "200 mm × 200 mm");
    assert_string_equal(yz, "2");   /* 889 × 1194 / 200² ≈ 26.5: 1/32 is nearest, 64 / 32 */
    hc_config c;
    memset(&c, 0, sizeof c);
    assert_true(fabs(pdf_spine_mm(&c, 72) - 36 * PDF_CALIPER_MM) < 1e-9);
    c.paper_caliper = 0.12;
    assert_true(fabs(pdf_spine_mm(&c, 73) - 37 * 0.12) < 1e-9);
    c.binding_saddle = 1;
    assert_true(pdf_spine_mm(&c, 72) == 0);
}

/* ---- one red ---- */

static void one_red_per_page(void **st)
{
    (void)st;
    pdf_theme t;
    memset(&t, 0, sizeof t);
    pdf_rgb_parse("#a4161a", &t.accent);
    pdf_rgb_parse("#e8b923", &t.gold);
    pdf_rgb red, yellow, blue, out;
    pdf_rgb_parse("#c8102e", &red);      /* the seed's 已完成 */
    pdf_rgb_parse("#f2b705", &yellow);   /* 推进中 */
    pdf_rgb_parse("#1f5fa8", &blue);     /* 谋划中 */
    out = pdf_theme_colour(&t, red);
    assert_true(out.r == t.accent.r && out.g == t.accent.g && out.b == t.accent.b);
    out = pdf_theme_colour(&t, yellow);
    assert_true(out.r == t.gold.r && out.g == t.gold.g && out.b == t.gold.b);
    out = pdf_theme_colour(&t, blue);
    assert_true(out.r == blue.r && out.g == blue.g && out.b == blue.b);
    pdf_rgb_parse("#2e7d32", &out);      /* a green stays green */
    pdf_rgb g = pdf_theme_colour(&t, out);
    assert_true(g.r == out.r && g.g == out.g);
}

/* The status colours are worked out once, with the theme: every page that
 * shows a status (spreads, cards, list rows, overview bars, the legend,
 * album.html) asks pdf_status_rgb, so 已完成 is the accent everywhere. */
static void status_colours_from_the_theme(void **st)
{
    (void)st;
    hc_status s[4] = { { "red", "已完成", "", "#c8102e" }, { "yellow", "推进中", "", "#f2b705" },
                       { "blue", "谋划中", "", "#1f5fa8" }, { "odd", "未知", "", "not a colour" } };
    hc_model m;
    memset(&m, 0, sizeof m);
    m.root = (char *)"/nonexistent";   /* no theme CSS: the default accent #a4161a */
    m.std.statuses = s;
    m.std.nstatuses = 4;
    pdf_theme t;
    memset(&t, 0, sizeof t);
    pdf_theme_load(&t, &m);
    pdf_rgb acc, blue;
    pdf_rgb_parse("#a4161a", &acc);
    pdf_rgb_parse("#1f5fa8", &blue);
    assert_int_equal(t.nstatus, 4);
    pdf_rgb r = pdf_status_rgb(&t, 0);
    assert_true(r.r == acc.r && r.g == acc.g && r.b == acc.b);         /* the seed red becomes the accent */
    r = pdf_status_rgb(&t, 2);
    assert_true(r.r == blue.r && r.g == blue.g && r.b == blue.b);      /* blue stays blue */
    r = pdf_status_rgb(&t, 3);
    assert_true(r.r == t.muted.r && r.g == t.muted.g && r.b == t.muted.b);   /* unparsable: muted */
    r = pdf_status_rgb(&t, HC_NONE);
    assert_true(r.r == t.muted.r && r.g == t.muted.g && r.b == t.muted.b);
    pdf_theme_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(status_dot_draws_no_stray_segment),
        cmocka_unit_test(titles_break_at_words),
        cmocka_unit_test(no_paragraph_ends_on_one_character),
        cmocka_unit_test(no_loose_line_before_a_code),
        cmocka_unit_test(book_facts),
        cmocka_unit_test(one_red_per_page),
        cmocka_unit_test(status_colours_from_the_theme),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
