/* context.c — model → template values shared by every page: the site, the
 * navigation, the standards, and one card per project and per case study. */
#include "render_int.h"
#include "../share/share.h"
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

/* date_format.prose (2026年5月12日 by default) */
const char *hc_ctx_date_zh(hc_arena *a, const hc_model *m, int days)
{
    char s[HC_DATE_MAX];
    return days == HC_NO_DATE ? "" : hc_arena_strdup(a, hc_model_date(m, days, 0, s));
}

/* date_format.table (2026-05-12 by default) */
const char *hc_ctx_date_table(hc_arena *a, const hc_model *m, int days)
{
    char s[HC_DATE_MAX];
    return days == HC_NO_DATE ? "" : hc_arena_strdup(a, hc_model_date(m, days, 1, s));
}

hc_tv *hc_ctx_milestone(hc_arena *a, const hc_model *m, const hc_milestone *ms)
{
    hc_tv *e = hc_tv_map(a);
    hc_tv_set(a, e, "date", hc_tv_str_ref(a, hc_ctx_date(a, ms->date)));
    hc_tv_set(a, e, "title", hc_tv_str_ref(a, ms->title));
    hc_tv_set_bool(a, e, "done", ms->done);
    hc_tv_set_bool(a, e, "late", hc_model_late(m, ms->date, ms->done));
    hc_tv_set_str(a, e, "state", hc_model_state(m, ms->date, ms->done));
    return e;
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
    hc_tv_set(a, c, "short_name", hc_tv_str_ref(a, p->short_name));
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
    hc_tv_set(a, c, "date_zh", hc_tv_str_ref(a, hc_ctx_date_zh(a, m, d->date)));
    if (d->township_idx != HC_NONE) hc_tv_set(a, c, "township", hc_ctx_term_link(a, m, HC_TAX_TOWNSHIP, d->township_idx));
    hc_tv_set_num(a, c, "words", (double)d->words);
    hc_tv_set(a, c, "tags", hc_ctx_tags(a, m, d->tag_terms, d->ntags));
    hc_tv *thumb = hc_ctx_case_thumb(sh, a, d, HC_SIZES_CARD);
    if (thumb) hc_tv_set(a, c, "thumb", thumb);
    return c;
}

/* The menu's items: their names and site paths ("" for the home page). */
static size_t nav_items(hc_arena *a, const hc_model *m, int search, const char **names, const char **paths)
{
    size_t n = 0;
#define ITEM(nm, p) (names[n] = (nm), paths[n] = (p), n++)
    ITEM("首页", "");
    ITEM("示范项目", "projects/");
    ITEM("案例", "cases/");
    if (m->config.maps_enabled) ITEM("地图", "map/");
    ITEM("作战图", "board/");
    ITEM("十个一", "standards/");
    if (hc_model_has_supervision(m)) ITEM("督战", "supervision/");
    ITEM("比战", "schedule/");
    if (search) ITEM("搜索", "search/");
    for (size_t i = 0; i < m->npages; i++) {
        if (!m->pages[i].menu) continue;
        hc_buf b = HC_BUF_INIT;
        hc_path_page(&b, &m->pages[i]);
        ITEM(m->pages[i].title, hc_arena_strdup(a, hc_buf_cstr(&b)));
        hc_buf_free(&b);
    }
#undef ITEM
    return n;
}

/* sh->navs: one menu per current item, and one with none (see render_int.h). */
static void navs_build(hc_shared *sh)
{
    hc_arena *a = &sh->arena;
    const hc_model *m = sh->m;
    size_t most = 9 + m->npages;
    const char **names = hc_arena_alloc(a, most * sizeof *names);
    sh->nav_paths = hc_arena_alloc(a, most * sizeof *sh->nav_paths);
    sh->nnav = nav_items(a, m, sh->search, names, sh->nav_paths);
    sh->navs = hc_arena_alloc(a, (sh->nnav + 1) * sizeof *sh->navs);
    for (size_t cur = 0; cur <= sh->nnav; cur++) {
        hc_tv *l = hc_tv_list(a);
        for (size_t i = 0; i < sh->nnav; i++) {
            hc_tv *x = hc_ctx_link(a, names[i], sh->nav_paths[i]);
            hc_tv_set(a, x, "key", hc_tv_num(a, (double)i));
            hc_tv_set_bool(a, x, "current", i == cur);   /* always set: never found further up */
            hc_tv_push(a, l, x);
        }
        sh->navs[cur] = l;
    }
}

hc_tv *hc_shared_nav(const hc_shared *sh, const char *dir)
{
    size_t best = sh->nnav, best_len = 0;
    const char *d = dir;
    for (int t = 0; t < HC_TAX_COUNT; t++) {   /* domains/, townships/, tags/…: facets of the projects */
        const char *k = sh->m->tax[t].kind_slug;
        size_t n = k ? strlen(k) : 0;
        if (n && !strncmp(dir, k, n) && dir[n] == '/') d = "projects/";
    }
    for (size_t i = 0; i < sh->nnav; i++) {
        const char *p = sh->nav_paths[i];
        size_t n = strlen(p);
        if (!n ? !*d : !strncmp(d, p, n) && n > best_len) { best = i; best_len = n; }
    }
    return sh->navs[best];
}

/* "PDF，4.2 MB" for n bytes */
static const char *pdf_size(hc_arena *a, long long n)
{
    if (n < 0) return "PDF";
    if (n < 1024 * 1024) return hc_arena_printf(a, "PDF，%lld KB", (n + 1023) / 1024);
    return hc_arena_printf(a, "PDF，%.1f MB", (double)n / (1024.0 * 1024.0));
}

/* site.beian and site.contact (absent when not given) */
static void footer_facts(hc_arena *a, const hc_config *c, hc_tv *s)
{
    if (c->beian_icp || c->beian_police || c->beian_site_code) {
        hc_tv *b = hc_tv_map(a);
        if (c->beian_icp) hc_tv_set(a, b, "icp", hc_tv_str_ref(a, c->beian_icp));
        if (c->beian_police) {
            hc_tv_set(a, b, "police", hc_tv_str_ref(a, c->beian_police));
            hc_tv_set(a, b, "police_url", hc_tv_str(a, hc_arena_printf(a,
                      "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=%s", c->beian_police_code)));
        }
        if (c->beian_site_code) hc_tv_set(a, b, "site_code", hc_tv_str_ref(a, c->beian_site_code));
        hc_tv_set(a, s, "beian", b);
    }
    if (c->contact_address || c->contact_phone || c->contact_email) {
        hc_tv *k = hc_tv_map(a);
        if (c->contact_address) hc_tv_set(a, k, "address", hc_tv_str_ref(a, c->contact_address));
        if (c->contact_phone) {
            hc_buf t = HC_BUF_INIT;   /* tel: digits and + only, up to an extension (转) */
            for (const char *p = c->contact_phone; *p && (unsigned char)*p < 0x80; p++)
                if ((*p >= '0' && *p <= '9') || *p == '+') hc_buf_putc(&t, *p);
            hc_tv_set(a, k, "phone", hc_tv_str_ref(a, c->contact_phone));
            hc_tv_set(a, k, "tel", hc_tv_strn(a, hc_buf_cstr(&t), t.len));
            hc_buf_free(&t);
        }
        if (c->contact_email) hc_tv_set(a, k, "email", hc_tv_str_ref(a, c->contact_email));
        hc_tv_set(a, s, "contact", k);
    }
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
    char theme_color[8];   /* the share images' and favicon's colour (share.h) */
    hc_share_theme_color(m, theme_color);
    hc_tv_set(a, s, "theme_color", hc_tv_str(a, theme_color));
    hc_tv_set(a, s, "css", hc_tv_str_ref(a, sh->css_path ? sh->css_path : ""));
    hc_tv_set(a, s, "js", hc_tv_str_ref(a, sh->js_path ? sh->js_path : ""));
    if (sh->search_js_path) hc_tv_set(a, s, "search_js", hc_tv_str_ref(a, sh->search_js_path));
    navs_build(sh);
    hc_tv_set(a, s, "nav", sh->navs[sh->nnav]);   /* for themes from before per-page menus */
    hc_tv_set(a, s, "build_date", hc_tv_str_ref(a, hc_ctx_date_zh(a, m, m->today)));   /* prose: 数据截至 … */
    hc_tv_set(a, s, "build_date_iso", hc_tv_str_ref(a, sh->build_date));
    hc_tv_set_bool(a, s, "internal", m->internal);
    hc_tv_set_bool(a, s, "overdue", m->show_overdue);
    hc_tv_set_bool(a, s, "supervision", hc_model_has_supervision(m));
    static const char *const word_keys[HC_WORD_COUNT] = { "done", "open", "late", "due_today", "deadline" };
    hc_tv *words = hc_tv_map(a);
    for (int w = 0; w < HC_WORD_COUNT; w++) hc_tv_set(a, words, word_keys[w], hc_tv_str_ref(a, m->std.words[w]));
    hc_tv_set(a, s, "words", words);
    hc_tv_set_bool(a, s, "print", c->print_enabled);
    hc_tv_set(a, s, "pdf_size", hc_tv_str_ref(a, pdf_size(a, sh->pdf_bytes[0])));
    hc_tv_set(a, s, "press_size", hc_tv_str_ref(a, pdf_size(a, sh->pdf_bytes[1])));
    footer_facts(a, c, s);
    hc_tv_set_bool(a, s, "maps", c->maps_enabled);
    hc_tv_set_bool(a, s, "search", sh->search);   /* the theme has a search page */
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
