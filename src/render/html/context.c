/* context.c — model → template values shared by every page: the site, the
 * navigation, the standards, and one card per project and per case study. */
#include "render_int.h"
#include "../../base/utf8.h"
#include "../../model/permalink.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

const char *hc_ctx_path(hc_arena *a, const char *site_path)
{
    hc_buf b = HC_BUF_INIT;
    hc_href(&b, "", site_path);
    const char *s = hc_arena_strndup(a, hc_buf_cstr(&b), b.len);
    hc_buf_free(&b);
    return s;
}

const char *hc_ctx_date(hc_arena *a, int days)
{
    if (days == HC_NO_DATE) return "";
    char s[11];
    hc_date_format(days, s);
    return hc_arena_strdup(a, s);
}

/* 2026年5月12日 */
const char *hc_ctx_date_zh(hc_arena *a, int days)
{
    if (days == HC_NO_DATE) return "";
    int y, mo, d;
    hc_date_ymd(days, &y, &mo, &d);
    return hc_arena_printf(a, "%d年%d月%d日", y, mo, d);
}

/* Black or white, whichever reads better on a #rrggbb background (WCAG
 * relative luminance); colours come from seeds, so this cannot be fixed in CSS. */
static const char *text_on(const char *hex)
{
    unsigned r, g, b;
    if (!hex || sscanf(hex, "#%2x%2x%2x", &r, &g, &b) != 3) return "#000000";
    double c[3] = { r / 255.0, g / 255.0, b / 255.0 }, l = 0;
    static const double w[3] = { 0.2126, 0.7152, 0.0722 };
    for (int i = 0; i < 3; i++) {
        double x = c[i] <= 0.03928 ? c[i] / 12.92 : pow((c[i] + 0.055) / 1.055, 2.4);
        l += w[i] * x;
    }
    /* contrast with white (1.05/(l+0.05)) vs with black ((l+0.05)/0.05) */
    return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "#ffffff" : "#000000";
}

hc_tv *hc_ctx_status(hc_arena *a, const hc_model *m, size_t status)
{
    hc_tv *s = hc_tv_map(a);
    if (status == HC_NONE) {
        hc_tv_set_str(a, s, "key", "none");
        hc_tv_set_str(a, s, "name", "未标注");
        hc_tv_set_str(a, s, "meaning", "未标注进展");
        hc_tv_set_str(a, s, "color", "#e0e0e0");
        hc_tv_set_str(a, s, "fg", "#000000");
        return s;
    }
    const hc_status *st = &m->std.statuses[status];
    hc_tv_set(a, s, "key", hc_tv_str_ref(a, st->key));
    hc_tv_set(a, s, "name", hc_tv_str_ref(a, st->name));
    hc_tv_set(a, s, "meaning", hc_tv_str_ref(a, st->meaning));
    /* it goes into style="": only ever a colour (the loader has already refused anything else) */
    char color[8];
    if (!st->color || !hc_css_color(st->color, strlen(st->color), color)) strcpy(color, "#e0e0e0");
    hc_tv_set(a, s, "color", hc_tv_str(a, color));
    hc_tv_set(a, s, "fg", hc_tv_str_ref(a, text_on(color)));
    return s;
}

hc_tv *hc_ctx_strs(hc_arena *a, char **v, size_t n)
{
    hc_tv *l = hc_tv_list(a);
    for (size_t i = 0; i < n; i++) hc_tv_push(a, l, hc_tv_str_ref(a, v[i]));
    return l;
}

hc_tv *hc_ctx_link(hc_arena *a, const char *name, const char *site_path)
{
    hc_tv *x = hc_tv_map(a);
    hc_tv_set(a, x, "name", hc_tv_str_ref(a, name));
    hc_tv_set(a, x, "url", hc_tv_str_ref(a, hc_ctx_path(a, site_path)));
    return x;
}

const char *hc_ctx_term_path(hc_arena *a, const hc_model *m, hc_tax_kind k, size_t term)
{
    hc_buf b = HC_BUF_INIT;
    hc_path_term(&b, &m->tax[k], &m->tax[k].terms[term], 1);
    const char *s = hc_arena_strdup(a, hc_buf_cstr(&b));
    hc_buf_free(&b);
    return s;
}

hc_tv *hc_ctx_term_link(hc_arena *a, const hc_model *m, hc_tax_kind k, size_t term)
{
    return hc_ctx_link(a, m->tax[k].terms[term].name, hc_ctx_term_path(a, m, k, term));
}

hc_tv *hc_ctx_tags(hc_arena *a, const hc_model *m, const size_t *terms, size_t n)
{
    hc_tv *l = hc_tv_list(a);
    for (size_t i = 0; i < n; i++)
        if (terms && terms[i] != HC_NONE) hc_tv_push(a, l, hc_ctx_term_link(a, m, HC_TAX_TAG, terms[i]));
    return l;
}

hc_tv *hc_card_project(const hc_shared *sh, hc_arena *a, size_t pi)
{
    const hc_model *m = sh->m;
    const hc_project *p = &m->projects[pi];
    hc_tv *c = hc_card_unit(sh, a, pi);
    if (p->brand) hc_tv_set(a, c, "brand", hc_tv_str_ref(a, p->brand));
    if (p->summary) hc_tv_set(a, c, "summary", hc_tv_str_ref(a, p->summary));
    hc_tv *thumb = NULL;
    for (size_t k = 0; k < p->nphotos && !thumb; k++)
        thumb = hc_ctx_image(sh, a, p->photos[k].src, "", NULL, HC_SIZES_CARD, 1);   /* the card's title says it */
    if (thumb) hc_tv_set(a, c, "thumb", thumb);
    if (p->domain != HC_NONE) {
        hc_tv_set(a, c, "domain", hc_ctx_term_link(a, m, HC_TAX_DOMAIN, p->domain));
    }
    if (p->level != HC_NONE) hc_tv_set(a, c, "level", hc_ctx_term_link(a, m, HC_TAX_LEVEL, p->level));
    if (p->grade != HC_NONE) hc_tv_set(a, c, "grade", hc_ctx_term_link(a, m, HC_TAX_GRADE, p->grade));
    hc_tv *tw = hc_tv_list(a);
    for (size_t i = 0; i < p->ntownships; i++)
        if (p->township_idx && p->township_idx[i] != HC_NONE)
            hc_tv_push(a, tw, hc_ctx_term_link(a, m, HC_TAX_TOWNSHIP, p->township_idx[i]));
    hc_tv_set(a, c, "townships", tw);
    if (p->lead_name) hc_tv_set(a, c, "lead_name", hc_tv_str_ref(a, p->lead_name));
    if (p->lead_title) hc_tv_set(a, c, "lead_title", hc_tv_str_ref(a, p->lead_title));
    return c;
}

/* Sets "url" on c to the href (from the root) of the page path_of gives. */
#define set_url(a, c, path_of, item)                                              \
    do {                                                                          \
        hc_buf b_ = HC_BUF_INIT;                                                  \
        path_of(&b_, item);                                                       \
        hc_tv_set(a, c, "url", hc_tv_str_ref(a, hc_ctx_path(a, hc_buf_cstr(&b_)))); \
        hc_buf_free(&b_);                                                         \
    } while (0)

hc_tv *hc_shared_status(const hc_shared *sh, size_t status)
{
    return sh->status[status == HC_NONE ? sh->m->std.nstatuses : status];
}

hc_tv *hc_card_unit(const hc_shared *sh, hc_arena *a, size_t pi)
{
    const hc_project *p = &sh->m->projects[pi];
    hc_tv *c = hc_tv_map(a);
    set_url(a, c, hc_path_project, p);
    hc_tv_set(a, c, "id", hc_tv_str_ref(a, p->id));
    hc_tv_set(a, c, "name", hc_tv_str_ref(a, p->name));
    hc_tv_set(a, c, "status", hc_shared_status(sh, p->status));
    return c;
}

hc_tv *hc_card_case(const hc_shared *sh, hc_arena *a, size_t ci)
{
    const hc_model *m = sh->m;
    const hc_doc *d = &m->cases[ci];
    hc_tv *c = hc_tv_map(a);
    set_url(a, c, hc_path_case, d);
    hc_tv_set(a, c, "title", hc_tv_str_ref(a, d->title));
    hc_tv_set(a, c, "summary", hc_tv_str_ref(a, d->summary ? d->summary : ""));
    hc_tv_set(a, c, "date", hc_tv_str_ref(a, hc_ctx_date(a, d->date)));
    hc_tv_set(a, c, "date_zh", hc_tv_str_ref(a, hc_ctx_date_zh(a, d->date)));
    if (d->township_idx != HC_NONE) hc_tv_set(a, c, "township", hc_ctx_term_link(a, m, HC_TAX_TOWNSHIP, d->township_idx));
    hc_tv_set_num(a, c, "words", (double)d->words);
    hc_tv_set(a, c, "tags", hc_ctx_tags(a, m, d->tag_terms, d->ntags));
    hc_tv *thumb = hc_ctx_case_thumb(sh, a, d, HC_SIZES_CARD);
    if (thumb) hc_tv_set(a, c, "thumb", thumb);
    return c;
}

static hc_tv *nav(hc_arena *a, const hc_model *m, int search)
{
    hc_tv *l = hc_tv_list(a);
    hc_tv_push(a, l, hc_ctx_link(a, "首页", ""));
    hc_tv_push(a, l, hc_ctx_link(a, "示范项目", "projects/"));
    hc_tv_push(a, l, hc_ctx_link(a, "案例", "cases/"));
    if (m->config.maps_enabled) hc_tv_push(a, l, hc_ctx_link(a, "地图", "map/"));
    hc_tv_push(a, l, hc_ctx_link(a, "作战图", "board/"));
    hc_tv_push(a, l, hc_ctx_link(a, "十个一", "standards/"));
    hc_tv_push(a, l, hc_ctx_link(a, "督战", "supervision/"));
    hc_tv_push(a, l, hc_ctx_link(a, "比战", "schedule/"));
    if (search) hc_tv_push(a, l, hc_ctx_link(a, "搜索", "search/"));
    for (size_t i = 0; i < m->npages; i++) {
        if (!m->pages[i].menu) continue;
        hc_buf b = HC_BUF_INIT;
        hc_path_page(&b, &m->pages[i]);
        hc_tv_push(a, l, hc_ctx_link(a, m->pages[i].title, hc_arena_strdup(a, hc_buf_cstr(&b))));
        hc_buf_free(&b);
    }
    for (size_t i = 0; i < l->n; i++) hc_tv_set(a, l->items[i], "key", hc_tv_num(a, (double)i));
    return l;
}

void hc_shared_build(hc_shared *sh)
{
    hc_arena *a = &sh->arena;
    const hc_model *m = sh->m;
    const hc_config *c = &m->config;
    hc_tv *s = hc_tv_map(a);
    hc_tv_set(a, s, "title", hc_tv_str_ref(a, c->title));
    hc_tv_set(a, s, "lang", hc_tv_str_ref(a, c->language));
    if (c->district) hc_tv_set(a, s, "district", hc_tv_str_ref(a, c->district));
    if (c->description) hc_tv_set(a, s, "description", hc_tv_str_ref(a, c->description));
    const hc_photo *lg = c->logo;
    hc_tv *logo = lg ? hc_ctx_image(sh, a, lg->src, lg->alt ? lg->alt : c->title, NULL, HC_SIZES_LOGO, 0) : NULL;
    if (logo) hc_tv_set(a, s, "logo", logo);
    if (c->author) hc_tv_set(a, s, "author", hc_tv_str_ref(a, c->author));
    hc_tv_set(a, s, "css", hc_tv_str_ref(a, sh->css_path ? sh->css_path : ""));
    hc_tv_set(a, s, "js", hc_tv_str_ref(a, sh->js_path ? sh->js_path : ""));
    if (sh->search_js_path) hc_tv_set(a, s, "search_js", hc_tv_str_ref(a, sh->search_js_path));
    hc_tv_set(a, s, "nav", nav(a, m, sh->search));
    hc_tv_set(a, s, "build_date", hc_tv_str_ref(a, sh->build_date));
    hc_tv_set_bool(a, s, "print", c->print_enabled);
    hc_tv_set_bool(a, s, "maps", c->maps_enabled);
    int y, mo, d;
    hc_date_ymd(m->today, &y, &mo, &d);
    hc_tv_set_num(a, s, "year", y);
    hc_tv *sts = hc_tv_list(a);
    for (size_t i = 0; i < m->std.nstatuses; i++) hc_tv_push(a, sts, hc_ctx_status(a, m, i));
    hc_tv_set(a, s, "statuses", sts);
    sh->site = s;
    sh->status = hc_arena_alloc(a, (m->std.nstatuses + 1) * sizeof *sh->status);
    for (size_t i = 0; i < m->std.nstatuses; i++) sh->status[i] = hc_ctx_status(a, m, i);
    sh->status[m->std.nstatuses] = hc_ctx_status(a, m, HC_NONE);

}
