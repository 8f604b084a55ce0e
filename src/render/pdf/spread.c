/* spread.c — one demonstration unit on two facing pages.
 *
 * Left page: number, name and brand, the 300 dpi route map with the route in
 * words, the summary, photos. Right page: key facts and the lead (挂帅领战),
 * the status colour with its meaning, the 十个一 checklist with ticks and
 * gaps, time nodes, supervision items, case studies with page references, and
 * a QR code to the unit's page on the site.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../../model/permalink.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROUTE_H_MM 110.0

void pdf_route_size_mm(const pdf_geom *g, double *w_mm, double *h_mm)
{
    *w_mm = (g->trim_w - g->inner - g->outer) / PDF_PT_PER_MM;
    *h_mm = ROUTE_H_MM * (g->trim_h / pdf_mm(285));
}

static const char *nz(const char *s) { return s ? s : ""; }

static void heading(pdf_doc *p, double x, double *y, double w, const char *text)
{
    const pdf_theme *th = &p->env->theme;
    pdf_fill_rect(p, x, *y + 2, pdf_mm(1.2), 11, th->accent);
    pdf_tstyle st = pdf_style(PDF_SANS, PDF_FS_L, 1, w - pdf_mm(3));
    *y += pdf_text(p, x + pdf_mm(3), *y, text, &st, th->ink) + pdf_mm(2);
}

/* A tick box: filled with a tick (done), empty (gap), dashed (not recorded). */
static void tick_box(pdf_doc *p, double x, double y, double s, int state)
{
    if (!p->cr) return;
    const pdf_theme *th = &p->env->theme;
    cairo_t *cr = p->cr;
    cairo_save(cr);
    if (state == 1) {
        cairo_set_source_rgb(cr, th->accent.r, th->accent.g, th->accent.b);
        cairo_rectangle(cr, x, y, s, s);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, s * 0.14);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_move_to(cr, x + s * 0.22, y + s * 0.52);
        cairo_line_to(cr, x + s * 0.42, y + s * 0.72);
        cairo_line_to(cr, x + s * 0.78, y + s * 0.3);
        cairo_stroke(cr);
    } else {
        double dash[] = { 1.5, 1.2 };
        cairo_set_source_rgb(cr, th->muted.r, th->muted.g, th->muted.b);
        cairo_set_line_width(cr, 0.8);
        if (state < 0) cairo_set_dash(cr, dash, 2, 0);
        cairo_rectangle(cr, x + 0.4, y + 0.4, s - 0.8, s - 0.8);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

static void dot(pdf_doc *p, double cx, double cy, double r, pdf_rgb c)
{
    if (!p->cr) return;
    cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
    cairo_arc(p->cr, cx, cy, r, 0, 2 * M_PI);
    cairo_fill(p->cr);
}

static pdf_rgb status_rgb(const pdf_doc *p, size_t s)
{
    pdf_rgb c = p->env->theme.muted;
    if (s != HC_NONE) pdf_rgb_parse(p->m->std.statuses[s].color, &c);
    return c;
}

static void left_page(pdf_doc *p, const hc_project *u, size_t pi, const char *running)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    pdf_page_begin(p, 1, running, NULL);
    double x = pdf_page_x0(p), w = pdf_page_text_w(p), y = pdf_page_y0(p), y1 = pdf_page_y1(p);
    char anchor[200];
    snprintf(anchor, sizeof anchor, "unit-%s", u->id);
    pdf_dest(p, anchor, y);

    /* number chip, domain and level */
    pdf_tstyle idst = pdf_style(PDF_SANS, PDF_FS_M, 1, 0);
    PangoLayout *idl = pdf_layout(p, u->id, &idst);
    double idw = pdf_layout_w(idl) + pdf_mm(4), idh = pdf_layout_h(idl) + pdf_mm(1.4);
    pdf_fill_rect(p, x, y, idw, idh, th->accent);
    pdf_draw_layout(p, idl, x + pdf_mm(2), y + pdf_mm(0.7), th->paper);
    g_object_unref(idl);
    hc_buf meta = HC_BUF_INIT;
    if (u->domain != HC_NONE) hc_buf_printf(&meta, "%s", m->std.domains[u->domain].full);
    if (u->level != HC_NONE) hc_buf_printf(&meta, "　%s", m->std.levels[u->level].name);
    for (size_t i = 0; i < u->ntownships; i++) hc_buf_printf(&meta, "%s%s", i ? "、" : "　", u->townships[i]);
    pdf_tstyle ms = pdf_style(PDF_SANS, PDF_FS_S, 0, w - idw - pdf_mm(3));
    ms.ellipsize = 1;
    pdf_text(p, x + idw + pdf_mm(3), y + pdf_mm(0.9), hc_buf_cstr(&meta), &ms, th->muted);
    hc_buf_free(&meta);
    y += idh + pdf_mm(5);

    pdf_tstyle ts = pdf_style(PDF_SANS, PDF_FS_H, 1, w);
    ts.spacing = 3;
    y += pdf_text(p, x, y, u->name, &ts, th->ink) + pdf_mm(2);
    if (u->brand) {
        hc_buf b = HC_BUF_INIT;
        hc_buf_printf(&b, "主题品牌：%s", u->brand);
        pdf_tstyle bs = pdf_style(PDF_SANS, PDF_FS_M, 0, w);
        y += pdf_text(p, x, y, hc_buf_cstr(&b), &bs, th->accent) + pdf_mm(4);
        hc_buf_free(&b);
    } else {
        y += pdf_mm(3);
    }

    /* the route map */
    double mw_mm, mh_mm;
    pdf_route_size_mm(&p->env->geom, &mw_mm, &mh_mm);
    double mw = pdf_mm(mw_mm), mh = pdf_mm(mh_mm);
    const pdf_image *map = p->env->route ? p->env->route[pi] : NULL;
    if (map) {
        pdf_image_draw(p, map, x, y, mw, mh);
    } else {
        pdf_fill_rect(p, x, y, mw, mh, th->soft);
        pdf_tstyle ns = pdf_style(PDF_SANS, PDF_FS_M, 0, mw);
        ns.align = PANGO_ALIGN_CENTER;
        pdf_text(p, x, y + mh / 2 - 8, "尚未登记示范节点，暂无线路图", &ns, th->muted);
    }
    y += mh + pdf_mm(2.5);
    if (u->nroute) {
        hc_buf r = HC_BUF_INIT;
        hc_buf_puts(&r, "景观线路：");
        for (size_t i = 0; i < u->nroute; i++) hc_buf_printf(&r, "%s%s", i ? " → " : "", u->nodes[u->route[i]].name);
        pdf_tstyle rs = pdf_style(PDF_SANS, PDF_FS_S, 0, w);
        rs.spacing = 2;
        y += pdf_text(p, x, y, hc_buf_cstr(&r), &rs, th->muted) + pdf_mm(5);
        hc_buf_free(&r);
    } else {
        y += pdf_mm(3);
    }

    /* summary, then photos in what is left */
    if (u->summary && y + 40 < y1) {
        pdf_tstyle ss = pdf_style(PDF_SERIF, PDF_FS_M, 0, w);
        ss.justify = 1;
        ss.indent = 21;
        ss.spacing = 3.4;
        PangoLayout *l = pdf_layout(p, u->summary, &ss);
        int lines = (int)((y1 - y) / (10.5 * 1.44 + 3.4));
        if (pango_layout_get_line_count(l) > lines) {
            pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
            pango_layout_set_height(l, -lines);
        }
        pdf_draw_layout(p, l, x, y, th->ink);
        y += pdf_layout_h(l) + pdf_mm(5);
        g_object_unref(l);
    }
    size_t shown = 0;
    double ph = y1 - y - 14;
    for (size_t i = 0; i < u->nphotos && shown < 2 && ph > pdf_mm(35); i++) {
        const pdf_image *im = pdf_env_photo(p->env, u->photos[i].src);
        if (!im) continue;
        double cw = (w - pdf_mm(5)) / 2, iw = cw, ih = cw * im->h / im->w;
        if (ih > ph) {
            ih = ph;
            iw = ih * im->w / im->h;
        }
        double px = x + shown * (cw + pdf_mm(5));
        pdf_image_draw(p, im, px, y, iw, ih);
        const char *cap = u->photos[i].caption ? u->photos[i].caption : u->photos[i].alt;
        if (cap) {
            pdf_tstyle cs = pdf_style(PDF_SANS, PDF_FS_XS, 0, cw);
            cs.ellipsize = 1;
            pdf_text(p, px, y + ih + 3, cap, &cs, th->muted);
        }
        if (p->cr && p->warn_images && pdf_image_ppi(im, iw) < 299.5)
            hc_warn(p->env->d, "photo-resolution", u->photos[i].loc.path, u->photos[i].loc.line, u->photos[i].loc.col,
                    "photo %s is %.0f ppi at its printed width of %.0f mm in the album; print needs 300 ppi "
                    "(use a file at least %.0f pixels wide)",
                    u->photos[i].src, pdf_image_ppi(im, iw), iw / PDF_PT_PER_MM, iw / 72.0 * 300.0);
        shown++;
    }
    pdf_page_end(p);
}

/* Key facts in two columns: label above value. Returns the height used. */
static double facts(pdf_doc *p, const hc_project *u, double x, double y, double w)
{
    const hc_model *m = p->m;
    const pdf_theme *th = &p->env->theme;
    const char *k[12];
    hc_buf v[12];
    int n = 0;
    memset(v, 0, sizeof v);
    k[n] = "挂帅领战";
    hc_buf_printf(&v[n++], "%s%s%s%s", nz(u->lead_name), u->lead_title ? "（" : "", nz(u->lead_title),
                  u->lead_title ? "）" : "");
    k[n] = "创建层级";
    hc_buf_printf(&v[n++], "%s", u->level != HC_NONE ? m->std.levels[u->level].name : "未定");
    k[n] = "考评等次";
    if (u->grade != HC_NONE) {
        hc_buf_puts(&v[n], m->std.grades[u->grade].name);
        if (u->assessed != HC_NO_DATE) {
            char d[11];
            hc_date_format(u->assessed, d);
            hc_buf_printf(&v[n], "（%s 考评）", d);
        }
    } else {
        hc_buf_puts(&v[n], "尚未考评");
    }
    n++;
    k[n] = "双40条";
    if (u->has_baseline)
        hc_buf_printf(&v[n++], "达标 %ld / %ld 条%s", u->baseline_passed, u->baseline_total,
                      u->baseline_passed >= m->std.baseline_threshold ? "，已过门槛" : "，未过门槛");
    else
        hc_buf_puts(&v[n++], "未填报");
    k[n] = "申报示范";
    hc_buf_puts(&v[n++], u->applying ? "是" : "否");
    if (u->has_funding) {
        k[n] = "投入资金";
        hc_buf_printf(&v[n++], "%g 万元", u->funding);
    }
    if (u->has_observation) {
        char d[11] = "";
        if (u->obs_date != HC_NO_DATE) hc_date_format(u->obs_date, d);
        k[n] = "挂号比战";
        hc_buf_printf(&v[n++], "第 %ld 号%s%s%s%s", u->obs_number, *d ? "，" : "", d, u->obs_place ? "，" : "",
                      nz(u->obs_place));
    }
    double cw = (w - pdf_mm(6)) / 2, y0 = y;
    for (int i = 0; i < n; i += 2) {
        double rh = 0;
        for (int j = i; j < n && j < i + 2; j++) {
            double cx = x + (j - i) * (cw + pdf_mm(6)), h = 0;
            pdf_tstyle ls = pdf_style(PDF_SANS, PDF_FS_XS, 0, cw);
            h += pdf_text(p, cx, y, k[j], &ls, th->muted) + 1;
            pdf_tstyle vs = pdf_style(PDF_SANS, PDF_FS_M, 0, cw);
            vs.spacing = 1.5;
            h += pdf_text(p, cx, y + h, hc_buf_cstr(&v[j]), &vs, th->ink);
            if (h > rh) rh = h;
        }
        y += rh + pdf_mm(2.5);
    }
    for (int i = 0; i < 12; i++) hc_buf_free(&v[i]);
    return y - y0;
}

/* Status colour, name and meaning. */
static double status_block(pdf_doc *p, const hc_project *u, double x, double y, double w)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    double r = pdf_mm(4.2);
    dot(p, x + r, y + r, r, status_rgb(p, u->status));
    pdf_tstyle ns = pdf_style(PDF_SANS, PDF_FS_L, 1, w - 2 * r - pdf_mm(4));
    pdf_tstyle ds = pdf_style(PDF_SANS, PDF_FS_S, 0, w - 2 * r - pdf_mm(4));
    double tx = x + 2 * r + pdf_mm(4);
    const char *name = u->status != HC_NONE ? m->std.statuses[u->status].name : "未标注进度";
    const char *meaning = u->status != HC_NONE ? m->std.statuses[u->status].meaning : "项目文件没有填写 status";
    double h = pdf_text(p, tx, y - 1, name, &ns, u->status != HC_NONE ? status_rgb(p, u->status) : th->muted);
    h += pdf_text(p, tx, y - 1 + h, nz(meaning), &ds, th->muted);
    return (h > 2 * r ? h : 2 * r);
}

/* The 十个一 in two columns of ticks and gaps. */
static double checklist(pdf_doc *p, const hc_project *u, double x, double y, double w)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    size_t n = m->std.nitems, rows = (n + 1) / 2;
    double cw = (w - pdf_mm(6)) / 2, rh = pdf_mm(6.6), s = pdf_mm(4);
    for (size_t i = 0; i < n; i++) {
        double cx = x + (i / rows) * (cw + pdf_mm(6)), cy = y + (i % rows) * rh;
        int st = u->standard ? u->standard[i] : -1;
        tick_box(p, cx, cy, s, st);
        hc_buf t = HC_BUF_INIT;
        hc_buf_puts(&t, m->std.items[i].name);
        if (st == 0) hc_buf_puts(&t, "（待补齐）");
        else if (st < 0) hc_buf_puts(&t, "（未填报）");
        pdf_tstyle is = pdf_style(PDF_SANS, PDF_FS_S, st == 1, cw - s - pdf_mm(2));
        is.ellipsize = 1;
        pdf_text(p, cx + s + pdf_mm(2), cy - 0.5, hc_buf_cstr(&t), &is, st == 1 ? th->ink : th->muted);
        hc_buf_free(&t);
    }
    return rows * rh;
}

/* One row of a list on the right page: a short label (date, state) and text,
 * optionally a link (an anchor in this document, or a URL). */
typedef struct {
    char label[32];
    hc_buf text;
    pdf_rgb label_c, text_c;
    char *dest, *uri;
} row;

/* A titled list, as many rows as fit above limit; the title only with its
 * first row. Sets *omitted when rows were left out. */
static void list_section(pdf_doc *p, double x, double *y, double w, double limit, const char *title, row *rows,
                         size_t n, int *omitted)
{
    if (n == 0) return;
    double lw = pdf_mm(28), head = 11.5 + pdf_mm(2);
    pdf_tstyle ls = pdf_style(PDF_SANS, PDF_FS_S, 0, lw);
    for (size_t i = 0; i < n; i++) {
        double tx = rows[i].label[0] ? x + lw + pdf_mm(2) : x;
        pdf_tstyle ts = pdf_style(PDF_SANS, PDF_FS_S, 0, x + w - tx);
        ts.spacing = 1;
        PangoLayout *l = pdf_layout(p, hc_buf_cstr(&rows[i].text), &ts);
        double lh = pdf_layout_h(l);
        if (*y + lh + (i == 0 ? head : 0) > limit) {
            g_object_unref(l);
            *omitted = 1;
            return;
        }
        if (i == 0) heading(p, x, y, w, title);
        if (rows[i].label[0]) pdf_text(p, x, *y, rows[i].label, &ls, rows[i].label_c);
        if (rows[i].dest) pdf_link_dest(p, rows[i].dest, 0, 0, 0, 0);
        else if (rows[i].uri) pdf_link_uri(p, rows[i].uri, 0, 0, 0, 0);
        pdf_draw_layout(p, l, tx, *y, rows[i].text_c);
        if (rows[i].dest || rows[i].uri) pdf_link_end(p);
        *y += lh + pdf_mm(1.2);
        g_object_unref(l);
    }
    *y += pdf_mm(3);
}

static void rows_free(row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        hc_buf_free(&rows[i].text);
        free(rows[i].dest);
        free(rows[i].uri);
    }
    free(rows);
}

/* The unit's case studies, with the page each is on in this document. */
static row *case_rows(pdf_doc *p, const hc_project *u)
{
    const hc_model *m = p->m;
    row *rows = hc_xcalloc(u->ncases ? u->ncases : 1, sizeof *rows);
    for (size_t i = 0; i < u->ncases; i++) {
        const hc_doc *c = &m->cases[u->cases[i]];
        row *r = &rows[i];
        r->text_c = p->env->theme.accent;
        hc_buf_puts(&r->text, nz(c->title));
        if (pdf_doc_has_case(p, u->cases[i])) {
            hc_buf a = HC_BUF_INIT;
            hc_buf_printf(&a, "case-%s", c->slug);
            int page = pdf_page_of(p, hc_buf_cstr(&a));
            if (page > 0) hc_buf_printf(&r->text, "（第%d页）", page);
            else hc_buf_puts(&r->text, "（第00页）");   /* layout pass: room for the number */
            r->dest = hc_buf_detach(&a, NULL);
        } else {
            hc_buf path = HC_BUF_INIT, url = HC_BUF_INIT;
            hc_path_case(&path, c);
            pdf_site_url(m, hc_buf_cstr(&path), &url);
            r->uri = hc_buf_detach(&url, NULL);
            hc_buf_free(&path);
        }
    }
    return rows;
}

static row *milestone_rows(const pdf_doc *p, const hc_project *u)
{
    const pdf_theme *th = &p->env->theme;
    row *rows = hc_xcalloc(u->nmilestones ? u->nmilestones : 1, sizeof *rows);
    for (size_t i = 0; i < u->nmilestones; i++) {
        const hc_milestone *ms = &u->milestones[i];
        if (ms->date != HC_NO_DATE) hc_date_format(ms->date, rows[i].label);
        rows[i].label_c = ms->done ? th->accent : th->muted;
        rows[i].text_c = ms->done ? th->ink : th->muted;
        hc_buf_puts(&rows[i].text, nz(ms->title));
    }
    return rows;
}

static row *supervision_rows(const pdf_doc *p, const hc_project *u)
{
    const pdf_theme *th = &p->env->theme;
    row *rows = hc_xcalloc(u->nsupervision ? u->nsupervision : 1, sizeof *rows);
    for (size_t i = 0; i < u->nsupervision; i++) {
        const hc_supervision *sv = &u->supervision[i];
        char d[11] = "";
        if (sv->deadline != HC_NO_DATE) hc_date_format(sv->deadline, d);
        int overdue = !sv->done && sv->deadline != HC_NO_DATE && sv->deadline < p->m->today;
        const char *state = sv->done ? "已办结" : overdue ? "已逾期" : "督办中";
        snprintf(rows[i].label, sizeof rows[i].label, "%s", state);
        rows[i].label_c = sv->done ? th->muted : th->accent;
        rows[i].text_c = th->ink;
        hc_buf_printf(&rows[i].text, "%s（%s，%s 前，%s）", nz(sv->matter), nz(sv->owner), d, state);
    }
    return rows;
}

static void right_page(pdf_doc *p, const hc_project *u, const char *running)
{
    const pdf_theme *th = &p->env->theme;
    const hc_model *m = p->m;
    pdf_page_begin(p, 1, running, NULL);
    double x = pdf_page_x0(p), w = pdf_page_text_w(p), y = pdf_page_y0(p), y1 = pdf_page_y1(p);
    double qs = pdf_mm(30), limit = y1 - qs - pdf_mm(6);   /* the QR code sits at the foot */
    int omitted = 0;                                         /* something did not fit: say so by the QR code */

    heading(p, x, &y, w, "基本情况");
    y += facts(p, u, x, y, w) + pdf_mm(1);
    heading(p, x, &y, w, "挂图作战进度");
    y += status_block(p, u, x, y, w) + pdf_mm(4);

    size_t yes = 0;
    for (size_t i = 0; i < m->std.nitems; i++) yes += u->standard && u->standard[i] == 1;
    char h[96];
    snprintf(h, sizeof h, "“十个一”创建标准　%zu / %zu", yes, m->std.nitems);
    heading(p, x, &y, w, h);
    y += checklist(p, u, x, y, w) + pdf_mm(3);

    /* cross references first, then the 挂号 time nodes and the 挂牌督战 items */
    row *rows = case_rows(p, u);
    list_section(p, x, &y, w, limit, "典型案例", rows, u->ncases, &omitted);
    rows_free(rows, u->ncases);
    rows = milestone_rows(p, u);
    list_section(p, x, &y, w, limit, "时间节点（挂号）", rows, u->nmilestones, &omitted);
    rows_free(rows, u->nmilestones);
    rows = supervision_rows(p, u);
    list_section(p, x, &y, w, limit, "挂牌督战", rows, u->nsupervision, &omitted);
    rows_free(rows, u->nsupervision);

    /* QR code to the unit's page on the site */
    hc_buf path = HC_BUF_INIT, url = HC_BUF_INIT;
    hc_path_project(&path, u);
    pdf_site_url(m, hc_buf_cstr(&path), &url);
    double qx = x + w - qs, qy = y1 - qs;
    pdf_link_uri(p, hc_buf_cstr(&url), qx, qy, qs, qs);
    pdf_link_end(p);
    pdf_qr_draw(p, hc_buf_cstr(&url), qx, qy, qs);
    pdf_tstyle q1 = pdf_style(PDF_SANS, PDF_FS_M, 1, w - qs - pdf_mm(4));
    q1.align = PANGO_ALIGN_RIGHT;
    double ty = qy + qs - pdf_mm(14);
    ty += pdf_text(p, x, ty, omitted ? "更多内容请扫码查看网页版" : "扫码查看网页版", &q1, th->ink) + 1;
    pdf_tstyle q2 = pdf_style(PDF_SANS, PDF_FS_XS, 0, w - qs - pdf_mm(4));
    q2.align = PANGO_ALIGN_RIGHT;
    pdf_text(p, x, ty, hc_buf_cstr(&url), &q2, th->muted);
    hc_buf_free(&path);
    hc_buf_free(&url);
    pdf_page_end(p);
}

void pdf_spread_unit(pdf_doc *p, size_t pi, int in_album)
{
    const hc_project *u = &p->m->projects[pi];
    const char *running = u->name;
    if (in_album && u->domain != HC_NONE) running = p->m->std.domains[u->domain].full;
    left_page(p, u, pi, running);
    right_page(p, u, running);
}
