/* config.c — site.yaml and seeds/standards.yaml. */
#include "load_int.h"
#include "layers.h"
#include "../base/alloc.h"
#include <stdlib.h>
#include <string.h>

static const char *const config_keys[] = {
    "title", "district", "description", "author", "base_url", "language", "theme",
    "page_size", "unsafe_html", "townships", "maps", "print", "banner", "logo", "beian", "contact",
    "strict",
    "map_layers", "coords",
    "public", "date_format",
    NULL
};
static const char *const config_required[] = { "title", NULL };

static void range_num(const hc_yreader *r, const hc_yval *v, const char *what, double lo, double hi, double *out)
{
    double x;
    if (hc_yr_num(r, v, what, &x) != 0) return;
    if (x < lo || x > hi) {
        hc_error(r->d, "range", r->path, v->line, v->col, "%s must be between %g and %g, not %g", what, lo, hi, x);
        return;
    }
    *out = x;
}

typedef struct { const char *s; const hc_yval *at; } keyref;

static int cmp_keyref(const void *pa, const void *pb)
{
    const keyref *a = pa, *b = pb;
    int c = strcmp(a->s, b->s);
    if (c) return c;
    if (a->at->line != b->at->line) return a->at->line < b->at->line ? -1 : 1;
    return a->at->col < b->at->col ? -1 : a->at->col > b->at->col;
}

/* Reports (rule "duplicate") every entry of list whose text field `field`
 * repeats an earlier entry's, once each, against the first: two entries with
 * one key would be one folder of the site. Sorts, so O(n log n). */
static void unique_field(const hc_yreader *r, const hc_yval *list, const char *field, const char *what)
{
    if (!list || list->kind != HC_Y_SEQ || list->n < 2) return;
    keyref *v = hc_xcalloc(list->n, sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < list->n; i++) {
        const hc_yval *f = hc_ymap_get(list->items[i], field);
        if (f && f->kind == HC_Y_SCALAR && !hc_y_is_null(f)) v[n++] = (keyref){ f->str, f };
    }
    qsort(v, n, sizeof *v, cmp_keyref);
    for (size_t i = 1, first = 0; i < n; i++) {
        if (strcmp(v[i].s, v[first].s) != 0) { first = i; continue; }
        hc_error(r->d, "duplicate", r->path, v[i].at->line, v[i].at->col, "%s '%s' is declared twice (first at line %d)",
                 what, v[i].s, v[first].at->line);
    }
    free(v);
}

/* banner:, logo:, print.cover_photo: an image of the site, written as a
 * path under assets/ or as {src, alt, caption}. NULL if not given or wrong
 * (with an error). */
static hc_photo *read_site_image(const hc_yreader *r, const hc_yval *v, const char *what)
{
    static const char *const keys[] = { "src", "alt", "caption", NULL };
    if (!v) return NULL;
    hc_photo *ph = hc_xcalloc(1, sizeof *ph);
    const hc_yval *sv = v;
    if (v->kind == HC_Y_MAP) {
        hc_yr_known_keys(r, v, keys, what);
        sv = hc_ymap_get(v, "src");
        if (!sv) {
            hc_error(r->d, "required", r->path, v->line, v->col, "%s needs 'src'", what);
            goto fail;
        }
        hc_yr_str(r, hc_ymap_get(v, "alt"), "alt", &ph->alt);
        hc_yr_str(r, hc_ymap_get(v, "caption"), "caption", &ph->caption);
    }
    if (hc_yr_str(r, sv, what, &ph->src) != 0) goto fail;
    ph->loc = hc_loc_of(r->path, sv);
    if (ph->src[0] == '/' || strstr(ph->src, "..") || strncmp(ph->src, "assets/", 7) != 0) {
        hc_error(r->d, "path", r->path, sv->line, sv->col, "%s '%s' must be a path under assets/ without '..'", what,
                 ph->src);
        goto fail;
    }
    return ph;
fail:
    free(ph->src); free(ph->alt); free(ph->caption);
    free(ph);
    return NULL;
}

/* print.binding, print.paper_caliper and print.colophon: the printed book's
 * facts (the cover spread's spine, the colophon). */
static void read_book_keys(const hc_yreader *r, const hc_yval *pr, hc_config *c)
{
    range_num(r, hc_ymap_get(pr, "paper_caliper"), "print.paper_caliper", 0.03, 1.0, &c->paper_caliper);
    const hc_yval *b = hc_ymap_get(pr, "binding");
    char *bind = NULL;
    if (hc_yr_str(r, b, "print.binding", &bind) == 0) {
        if (strcmp(bind, "perfect") == 0) c->binding_saddle = 0;
        else if (strcmp(bind, "saddle") == 0) c->binding_saddle = 1;
        else
            hc_error(r->d, "enum", r->path, b->line, b->col,
                     "print.binding must be 'perfect' (glued, with a spine) or 'saddle' (stapled), not '%s'", bind);
    }
    free(bind);
    const hc_yval *co = hc_ymap_get(pr, "colophon");
    if (co && hc_yr_expect(r, co, HC_Y_MAP, "print.colophon") == 0) {
        static const char *const keys[] = { "publisher", "printer", "copies", "permit", NULL };
        hc_yr_known_keys(r, co, keys, "print.colophon");
        hc_yr_str(r, hc_ymap_get(co, "publisher"), "print.colophon.publisher", &c->colophon_publisher);
        hc_yr_str(r, hc_ymap_get(co, "printer"), "print.colophon.printer", &c->colophon_printer);
        hc_yr_str(r, hc_ymap_get(co, "permit"), "print.colophon.permit", &c->colophon_permit);
        const hc_yval *cp = hc_ymap_get(co, "copies");
        long n = 0;
        if (hc_yr_int(r, cp, "print.colophon.copies", &n) == 0) {
            if (n < 1 || n > 10000000)
                hc_error(r->d, "range", r->path, cp->line, cp->col,
                         "print.colophon.copies must be between 1 and 10000000 (a number of copies), not %ld", n);
            else
                c->colophon_copies = n;
        }
    }
}

/* print.signs (write print/signs/…, default true) and print.sign_size: the
 * node signs' ISO 216 size, portrait (A0–A5; default A3). */
static void read_sign_keys(const hc_yreader *r, const hc_yval *pr, hc_config *c)
{
    hc_yr_bool(r, hc_ymap_get(pr, "signs"), "print.signs", &c->signs);
    const hc_yval *v = hc_ymap_get(pr, "sign_size");
    char *s = NULL;
    if (hc_yr_str(r, v, "print.sign_size", &s) != 0) return;
    static const double a[][2] = { { 841, 1189 }, { 594, 841 }, { 420, 594 }, { 297, 420 }, { 210, 297 }, { 148, 210 } };
    if ((s[0] == 'A' || s[0] == 'a') && s[1] >= '0' && s[1] <= '5' && !s[2]) {
        c->sign_w = a[s[1] - '0'][0];
        c->sign_h = a[s[1] - '0'][1];
    } else {
        hc_error(r->d, "enum", r->path, v->line, v->col,
                 "print.sign_size must be a paper size from A0 to A5 (portrait), such as A3, not '%s'", s);
    }
    free(s);
}

/* maps: and print: — which outputs to make and at what size. */
static void read_output_keys(const hc_yreader *r, const hc_yval *root, hc_config *c)
{
    double w;
    const hc_yval *mp = hc_ymap_get(root, "maps");
    if (mp && hc_yr_expect(r, mp, HC_Y_MAP, "maps") == 0) {
        static const char *const keys[] = { "enabled", "width", "height", NULL };
        hc_yr_known_keys(r, mp, keys, "maps");
        hc_yr_bool(r, hc_ymap_get(mp, "enabled"), "maps.enabled", &c->maps_enabled);
        w = (double)c->map_width;
        range_num(r, hc_ymap_get(mp, "width"), "maps.width", 200, 8000, &w);
        c->map_width = (long)w;
        w = (double)c->map_height;
        range_num(r, hc_ymap_get(mp, "height"), "maps.height", 200, 8000, &w);
        c->map_height = (long)w;
    }
    const hc_yval *pr = hc_ymap_get(root, "print");
    if (pr && hc_yr_expect(r, pr, HC_Y_MAP, "print") == 0) {
        static const char *const keys[] = { "enabled", "trim", "bleed", "pdfx", "icc", "condition", "cover_photo",
                                            "binding", "paper_caliper", "colophon", "album_cases", "unit_albums", "signs", "sign_size", NULL };
        hc_yr_known_keys(r, pr, keys, "print");
        read_sign_keys(r, pr, c);
        hc_yr_bool(r, hc_ymap_get(pr, "enabled"), "print.enabled", &c->print_enabled);
        hc_yr_bool(r, hc_ymap_get(pr, "pdfx"), "print.pdfx", &c->pdfx);
        hc_yr_str(r, hc_ymap_get(pr, "condition"), "print.condition", &c->pdfx_condition);
        const hc_yval *icc = hc_ymap_get(pr, "icc");
        if (hc_yr_str(r, icc, "print.icc", &c->pdfx_icc) == 0 && (c->pdfx_icc[0] == '/' || strstr(c->pdfx_icc, "..")))
            hc_error(r->d, "path", r->path, icc->line, icc->col,
                     "print.icc must be a path inside the site folder, without '..'");
        range_num(r, hc_ymap_get(pr, "bleed"), "print.bleed", 0, 10, &c->bleed);
        c->cover_photo = read_site_image(r, hc_ymap_get(pr, "cover_photo"), "print.cover_photo");
        read_book_keys(r, pr, c);
        hc_yr_bool(r, hc_ymap_get(pr, "unit_albums"), "print.unit_albums", &c->unit_albums);
        const hc_yval *ac = hc_ymap_get(pr, "album_cases");
        long n = c->album_cases;
        if (hc_yr_int(r, ac, "print.album_cases", &n) == 0) {
            if (n < 0 || n > 100000)
                hc_error(r->d, "range", r->path, ac->line, ac->col,
                         "print.album_cases must be a whole number from 0 to 100000, not %ld", n);
            else
                c->album_cases = n;
        }
        const hc_yval *t = hc_ymap_get(pr, "trim");
        if (t && hc_yr_expect(r, t, HC_Y_MAP, "print.trim") == 0) {
            static const char *const tkeys[] = { "width", "height", NULL };
            hc_yr_known_keys(r, t, tkeys, "print.trim");
            range_num(r, hc_ymap_get(t, "width"), "print.trim.width", 50, 1000, &c->trim_w);
            range_num(r, hc_ymap_get(t, "height"), "print.trim.height", 50, 1000, &c->trim_h);
        }
    }
}

/* Reads text key `key` of map v into *out when it passes ok() (else a
 * located error, rule "footer", saying what is expected; *out stays NULL). */
static void footer_str(const hc_yreader *r, const hc_yval *v, const char *key, const char *what,
                       int (*ok)(const char *), const char *expected, char **out)
{
    const hc_yval *x = hc_ymap_get(v, key);
    if (hc_yr_str(r, x, what, out) != 0) return;
    for (const unsigned char *p = (const unsigned char *)*out; *p; p++)
        if (*p < 0x20 || *p == 0x7f) {
            hc_error(r->d, "footer", r->path, x->line, x->col, "%s contains a control character (a line break, tab or other)", what);
            goto bad;
        }
    if (!**out || (ok && !ok(*out))) {
        hc_error(r->d, "footer", r->path, x->line, x->col, "%s '%s' %s", what, *out, expected);
        goto bad;
    }
    return;
bad:
    free(*out);
    *out = NULL;
}

static int icp_ok(const char *s) { return strstr(s, "ICP") != NULL && strstr(s, "备") != NULL; }

/* the 公安 number must carry the digits its record link is made of */
static int police_ok(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += *s >= '0' && *s <= '9';
    return n >= 6;
}

/* 网站标识码: ten ASCII letters or digits */
static int site_code_ok(const char *s)
{
    size_t n = 0;
    for (; *s; s++, n++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))) return 0;
    return n == 10;
}

/* digits with spaces, + - ( ), and 转 before an extension */
static int phone_ok(const char *s)
{
    size_t digits = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') digits++;
        else if (!strncmp(s, "转", strlen("转"))) s += strlen("转") - 1;
        else if (!strchr(" +-()", *s)) return 0;
    }
    return digits >= 3;
}

static int email_ok(const char *s)
{
    const char *at = strchr(s, '@');
    if (!at || at == s || strchr(at + 1, '@') || !strchr(at + 1, '.') || at[strlen(at) - 1] == '.') return 0;
    for (; *s; s++)
        if (*s == ' ' || *s == '<' || *s == '>' || *s == '"' || *s == '\'') return 0;
    return 1;
}

/* beian: {icp, police, site_code} and contact: {address, phone, email}: the
 * footer's facts. Each wrong value is reported where it is and left out. */
static void read_footer_keys(const hc_yreader *r, const hc_yval *root, hc_config *c)
{
    const hc_yval *b = hc_ymap_get(root, "beian");
    if (b && hc_yr_expect(r, b, HC_Y_MAP, "beian") == 0) {
        static const char *const keys[] = { "icp", "police", "site_code", NULL };
        hc_yr_known_keys(r, b, keys, "beian");
        footer_str(r, b, "icp", "beian.icp", icp_ok, "is not an ICP 备案号 (like 浙ICP备12345678号)", &c->beian_icp);
        footer_str(r, b, "police", "beian.police", police_ok,
                   "needs the digits of its number (like 浙公网安备 33080202000123号): its record link is made of them",
                   &c->beian_police);
        footer_str(r, b, "site_code", "beian.site_code", site_code_ok,
                   "must be ten letters or digits (the 网站标识码, like 3308030001)", &c->beian_site_code);
        if (c->beian_police) {
            c->beian_police_code = hc_xstrdup(c->beian_police);
            char *o = c->beian_police_code;
            for (const char *p = c->beian_police; *p; p++)
                if (*p >= '0' && *p <= '9') *o++ = *p;
            *o = 0;
        }
    }
    const hc_yval *ct = hc_ymap_get(root, "contact");
    if (ct && hc_yr_expect(r, ct, HC_Y_MAP, "contact") == 0) {
        static const char *const keys[] = { "address", "phone", "email", NULL };
        hc_yr_known_keys(r, ct, keys, "contact");
        footer_str(r, ct, "address", "contact.address", NULL, "must not be empty", &c->contact_address);
        footer_str(r, ct, "phone", "contact.phone", phone_ok,
                   "must be digits with spaces, +, - or brackets, and 转 before an extension (like 0570-8123456 转 8)", &c->contact_phone);
        footer_str(r, ct, "email", "contact.email", email_ok, "is not an e-mail address (like name@example.gov.cn)",
                   &c->contact_email);
    }
}

/* What a site.yaml that does not say otherwise means. */
static void config_defaults(hc_config *c)
{
    c->maps_enabled = c->print_enabled = 1;
    c->strict = 1;
    c->date_table = HC_DATE_ISO;
    c->map_width = 1200;
    c->map_height = 800;
    c->trim_w = 210;
    c->trim_h = 285;
    c->bleed = 3;
    c->album_cases = 30;
    c->unit_albums = 1;
    c->signs = 1;
    c->sign_w = 297;
    c->sign_h = 420;
}

/* title, strict, district, description, author, base_url, language, theme,
 * page_size, unsafe_html, map_layers and coords. */
static void read_site_keys(hc_model *m, const hc_yreader *r, const hc_yval *root)
{
    hc_config *c = &m->config;
    if (hc_yr_str(r, hc_ymap_get(root, "title"), "title", &c->title) == 1)
        hc_yr_missing(r, root, "title", config_keys, root->line, root->col, "site.yaml needs a 'title'");
    hc_yr_bool(r, hc_ymap_get(root, "strict"), "strict", &c->strict);
    hc_yr_str(r, hc_ymap_get(root, "district"), "district", &c->district);
    hc_yr_str(r, hc_ymap_get(root, "description"), "description", &c->description);
    hc_yr_str(r, hc_ymap_get(root, "author"), "author", &c->author);
    const hc_yval *bu = hc_ymap_get(root, "base_url");
    if (hc_yr_str(r, bu, "base_url", &c->base_url) == 0) {
        c->base_url_line = bu->line;
        c->base_url_col = bu->col;
    }
    hc_yr_str(r, hc_ymap_get(root, "language"), "language", &c->language);
    hc_yr_str(r, hc_ymap_get(root, "theme"), "theme", &c->theme);
    const hc_yval *ps = hc_ymap_get(root, "page_size");
    if (hc_yr_int(r, ps, "page_size", &c->page_size) == 0 && (c->page_size < 1 || c->page_size > 1000))
        hc_error(r->d, "range", r->path, ps->line, ps->col, "page_size must be between 1 and 1000");
    hc_yr_bool(r, hc_ymap_get(root, "unsafe_html"), "unsafe_html", &c->unsafe_html);
    hc_load_map_layers(m, r, hc_ymap_get(root, "map_layers"));
    hc_load_coords(r, hc_ymap_get(root, "coords"), &c->coords);
}

/* base_url must be one the site can be served from, theme a folder name:
 * a wrong one is reported where it is (base_url is then dropped). */
static void check_base_url_theme(const hc_yreader *r, const hc_yval *root, hc_config *c)
{
    const char *why;
    if (c->base_url && !hc_url_base_ok(c->base_url, &why)) {
        const hc_yval *v = hc_ymap_get(root, "base_url");
        hc_error(r->d, "base-url", r->path, v->line, v->col, "base_url %s", why);
        free(c->base_url);   /* nothing may write it */
        c->base_url = NULL;
    }
    if (c->theme && (strchr(c->theme, '/') || c->theme[0] == '.')) {
        const hc_yval *v = hc_ymap_get(root, "theme");
        hc_error(r->d, "path", r->path, v->line, v->col, "theme must be a folder name under themes/, not a path");
    }
}

/* townships: a list of {name, slug}, both required, each unique. A township
 * missing either is reported and left out. */
static void read_townships(const hc_yreader *r, const hc_yval *ts, hc_config *c)
{
    if (!ts || hc_yr_expect(r, ts, HC_Y_SEQ, "townships") != 0) return;
    c->townships = hc_xcalloc(ts->n ? ts->n : 1, sizeof *c->townships);
    for (size_t i = 0; i < ts->n; i++) {
        const hc_yval *t = ts->items[i];
        if (hc_yr_expect(r, t, HC_Y_MAP, "townships[]") != 0) continue;
        static const char *const tkeys[] = { "name", "slug", NULL };
        hc_yr_keys(r, t, tkeys, tkeys, "a township");
        hc_township_decl *td = &c->townships[c->ntownships];
        const hc_yval *sv = hc_ymap_get(t, "slug");
        if (hc_yr_str(r, hc_ymap_get(t, "name"), "townships[].name", &td->name) != 0 ||
            hc_yr_str(r, sv, "townships[].slug", &td->slug) != 0) {
            if (!td->name || !td->slug)
                hc_yr_missing(r, t, td->name ? "slug" : "name", tkeys, t->line, t->col,
                              "each township needs 'name' and 'slug'");
            free(td->name); free(td->slug);
            td->name = td->slug = NULL;
            continue;
        }
        hc_load_name(r, sv, "township slug", td->slug, HC_NAME_ASCII);
        c->ntownships++;
    }
    unique_field(r, ts, "name", "township");
    unique_field(r, ts, "slug", "township slug");
}

/* Every key of site.yaml (root, a map) into m->config, in the order the
 * messages come out. */
static void read_config_keys(hc_model *m, const hc_yreader *r, const hc_yval *root)
{
    hc_config *c = &m->config;
    hc_yr_keys(r, root, config_keys, config_required, "site.yaml");
    read_site_keys(m, r, root);
    check_base_url_theme(r, root, c);
    read_townships(r, hc_ymap_get(root, "townships"), c);
    read_output_keys(r, root, c);
    c->banner = read_site_image(r, hc_ymap_get(root, "banner"), "banner");
    c->logo = read_site_image(r, hc_ymap_get(root, "logo"), "logo");
    read_footer_keys(r, root, c);
    hc_load_public_keys(r, root, c);
    hc_load_date_format(r, root, c);
}

int hc_load_config(hc_model *m, hc_diags *d)
{
    const char *path = "site.yaml";
    hc_yreader r = { path, d };
    hc_config *c = &m->config;
    size_t before = hc_diags_errors(d) - hc_diags_count_rule(d, "unknown-key");
    int rc = -1;
    config_defaults(c);
    hc_yval *root = hc_load_yaml(m->root, path, d);
    if (!root) goto out;
    if (hc_yr_expect(&r, root, HC_Y_MAP, "site.yaml") == 0) read_config_keys(m, &r, root);
    if (!c->language) c->language = hc_xstrdup("zh-CN");
    if (!c->theme) c->theme = hc_xstrdup("default");
    if (!c->page_size) c->page_size = 10;
    if (!c->title) c->title = hc_xstrdup("");
    rc = hc_diags_errors(d) - hc_diags_count_rule(d, "unknown-key") > before ? -1 : 0;
out:
    hc_yval_free(root);
    return rc;
}

/* ---- seeds/standards.yaml ---- */

/* Reads list `key` of maps; for each map calls fill(). */
typedef int (*fill_fn)(const hc_yreader *r, const hc_yval *item, void *dst);

static void *read_list(const hc_yreader *r, const hc_yval *root, const char *key, size_t elem,
                       size_t *n, fill_fn fill)
{
    const hc_yval *v = hc_ymap_get(root, key);
    *n = 0;
    if (!v) {
        hc_error(r->d, "required", r->path, root->line, root->col, "standards need a '%s' list", key);
        return NULL;
    }
    if (hc_yr_expect(r, v, HC_Y_SEQ, key) != 0) return NULL;
    char *arr = hc_xcalloc(v->n ? v->n : 1, elem);
    for (size_t i = 0; i < v->n; i++) {
        if (hc_yr_expect(r, v->items[i], HC_Y_MAP, key) != 0) continue;
        if (fill(r, v->items[i], arr + *n * elem) == 0) (*n)++;
    }
    return arr;
}

/* Reads the required string key of item into *out; 0, or -1 after reporting
 * (missing: rule "required"). */
static int need_str(const hc_yreader *r, const hc_yval *item, const char *const *keys, const char *key, char **out)
{
    int rc = hc_yr_str(r, hc_ymap_get(item, key), key, out);
    if (rc == 1) {
        hc_buf msg = HC_BUF_INIT;
        hc_buf_printf(&msg, "this entry needs '%s'", key);
        hc_yr_missing(r, item, key, keys, item->line, item->col, hc_buf_cstr(&msg));
        hc_buf_free(&msg);
    }
    return rc ? -1 : 0;
}

/* need_str for a key that becomes a folder name of the site (hc_load_name). */
static int need_name(const hc_yreader *r, const hc_yval *item, const char *const *keys, const char *key,
                     const char *what, char **out)
{
    return need_str(r, item, keys, key, out) != 0 ? -1 : hc_load_name(r, hc_ymap_get(item, key), what, *out, HC_NAME_ASCII);
}

/* Each fill_* reads one entry into dst (zeroed); on -1 (after reporting every
 * problem of the entry) dst owns nothing. */

static int fill_domain(const hc_yreader *r, const hc_yval *it, void *dst)
{
    hc_domain *x = dst;
    static const char *const keys[] = { "key", "name", "full", "planned", "prefix", NULL };
    static const char *const required[] = { "key", "name", NULL };
    hc_yr_keys(r, it, keys, required, "a domain");
    int bad = need_name(r, it, keys, "key", "domain key", &x->key) | need_str(r, it, keys, "name", &x->name);
    bad |= hc_yr_str(r, hc_ymap_get(it, "full"), "full", &x->full) < 0;
    bad |= hc_yr_str(r, hc_ymap_get(it, "prefix"), "prefix", &x->prefix) < 0;
    bad |= hc_yr_int(r, hc_ymap_get(it, "planned"), "planned", &x->planned) < 0;
    if (bad) {
        free(x->key); free(x->name); free(x->full); free(x->prefix);
        memset(x, 0, sizeof *x);
    } else if (!x->full) {
        x->full = hc_xstrdup(x->name);
    }
    return bad ? -1 : 0;
}

static int fill_level(const hc_yreader *r, const hc_yval *it, void *dst)
{
    hc_level *x = dst;
    static const char *const keys[] = { "key", "name", NULL };
    static const char *const required[] = { "key", "name", NULL };
    hc_yr_keys(r, it, keys, required, "a level");
    int bad = need_name(r, it, keys, "key", "level key", &x->key) | need_str(r, it, keys, "name", &x->name);
    if (bad) {
        free(x->key); free(x->name);
        memset(x, 0, sizeof *x);
    }
    return bad ? -1 : 0;
}

static int fill_grade(const hc_yreader *r, const hc_yval *it, void *dst)
{
    hc_grade *x = dst;
    static const char *const keys[] = { "name", "slug", NULL };
    static const char *const required[] = { "name", "slug", NULL };
    hc_yr_keys(r, it, keys, required, "a grade");
    int bad = need_str(r, it, keys, "name", &x->name) | need_name(r, it, keys, "slug", "grade slug", &x->slug);
    if (bad) {
        free(x->name); free(x->slug);
        memset(x, 0, sizeof *x);
    }
    return bad ? -1 : 0;
}

static int fill_status(const hc_yreader *r, const hc_yval *it, void *dst)
{
    hc_status *x = dst;
    static const char *const keys[] = { "key", "name", "meaning", "color", NULL };
    static const char *const required[] = { "key", "name", "color", NULL };
    hc_yr_keys(r, it, keys, required, "a status");
    int bad = need_name(r, it, keys, "key", "status key", &x->key) | need_str(r, it, keys, "name", &x->name);
    int rc = hc_yr_color(r, hc_ymap_get(it, "color"), "color", &x->color);
    if (rc == 1) hc_yr_missing(r, it, "color", keys, it->line, it->col, "this entry needs 'color'");
    bad |= rc != 0;
    bad |= hc_yr_str(r, hc_ymap_get(it, "meaning"), "meaning", &x->meaning) < 0;
    if (bad) {
        free(x->key); free(x->name); free(x->color); free(x->meaning);
        memset(x, 0, sizeof *x);
    } else if (!x->meaning) {
        x->meaning = hc_xstrdup(x->name);
    }
    return bad ? -1 : 0;
}

static int fill_item(const hc_yreader *r, const hc_yval *it, void *dst)
{
    hc_std_item *x = dst;
    static const char *const keys[] = { "key", "name", NULL };
    static const char *const required[] = { "key", "name", NULL };
    hc_yr_keys(r, it, keys, required, "a standard item");
    int bad = need_str(r, it, keys, "key", &x->key) | need_str(r, it, keys, "name", &x->name);
    if (bad) {
        free(x->key); free(x->name);
        memset(x, 0, sizeof *x);
    }
    return bad ? -1 : 0;
}

int hc_load_standards(hc_model *m, hc_diags *d)
{
    const char *path = "seeds/standards.yaml";
    hc_yreader r = { path, d };
    hc_standards *s = &m->std;
    size_t before = hc_diags_errors(d) - hc_diags_count_rule(d, "unknown-key");
    static const char *const keys[] = {
        "domains", "levels", "grades", "statuses", "standard", "baseline", "words", NULL
    };
    hc_yval *root = hc_load_yaml(m->root, path, d);
    if (!root) return -1;
    if (hc_yr_expect(&r, root, HC_Y_MAP, "standards") != 0) goto out;
    hc_yr_known_keys(&r, root, keys, "standards");
    s->domains = read_list(&r, root, "domains", sizeof *s->domains, &s->ndomains, fill_domain);
    s->levels = read_list(&r, root, "levels", sizeof *s->levels, &s->nlevels, fill_level);
    s->grades = read_list(&r, root, "grades", sizeof *s->grades, &s->ngrades, fill_grade);
    s->statuses = read_list(&r, root, "statuses", sizeof *s->statuses, &s->nstatuses, fill_status);
    s->items = read_list(&r, root, "standard", sizeof *s->items, &s->nitems, fill_item);
    unique_field(&r, hc_ymap_get(root, "domains"), "key", "domain key");
    unique_field(&r, hc_ymap_get(root, "levels"), "key", "level key");
    unique_field(&r, hc_ymap_get(root, "grades"), "name", "grade");
    unique_field(&r, hc_ymap_get(root, "grades"), "slug", "grade slug");
    unique_field(&r, hc_ymap_get(root, "statuses"), "key", "status key");
    unique_field(&r, hc_ymap_get(root, "standard"), "key", "standard item key");
    const hc_yval *b = hc_ymap_get(root, "baseline");
    s->baseline_total = 40;
    if (b && hc_yr_expect(&r, b, HC_Y_MAP, "baseline") == 0) {
        static const char *const bkeys[] = { "total", "threshold", "bodies", NULL };
        hc_yr_known_keys(&r, b, bkeys, "baseline");
        hc_yr_int(&r, hc_ymap_get(b, "total"), "baseline.total", &s->baseline_total);
        hc_yr_int(&r, hc_ymap_get(b, "threshold"), "baseline.threshold", &s->baseline_threshold);
    }
    if (!s->baseline_threshold) s->baseline_threshold = s->baseline_total;
    hc_load_words(&r, root, s);
out:
    hc_yval_free(root);
    return hc_diags_errors(d) - hc_diags_count_rule(d, "unknown-key") > before ? -1 : 0;
}
