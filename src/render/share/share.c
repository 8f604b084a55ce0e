/* share.c — which share image each page gets, what it is drawn from, and
 * reuse through the cache file (see share.h). */
#include "share_int.h"
#include "../images/images.h"
#include "../maps/maps.h"
#include "../html/render_int.h"   /* hc_theme_dir */
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include "../../base/hash.h"
#include "../../model/permalink.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    const hc_share_opts *o;
    hc_diags *d;
    hc_buf prev;              /* the previous cache file's text */
    hc_buf next;              /* this build's */
    hc_share_stats *st;
    share_fonts *fonts;
    double rgb[3];
    char color[8];
    char mark[8];
} run;

static void hk_str(uint64_t *h, const char *s)
{
    long len = s ? (long)strlen(s) : -1;   /* length-prefixed; NULL ≠ "" */
    *h = hc_hash(*h, &len, sizeof len);
    if (s) *h = hc_hash(*h, s, (size_t)len);
}

static void hk_num(uint64_t *h, double v)
{
    char t[40];
    snprintf(t, sizeof t, "%.17g", v);
    hk_str(h, t);
}

void hc_share_theme_color(const hc_model *m, char out[8])
{
    hc_buf dir = HC_BUF_INIT, css = HC_BUF_INIT;
    snprintf(out, 8, "%s", HC_SHARE_COLOR);
    if (hc_theme_dir(m, &dir) == 0) {
        hc_buf_puts(&dir, "/static/css/site.css");
        const char *s = hc_fs_read(hc_buf_cstr(&dir), &css) == 0 ? strstr(hc_buf_cstr(&css), "--accent:") : NULL;
        if (s) {
            s += strlen("--accent:");
            while (*s == ' ') s++;
            if (strspn(s, "#0123456789abcdefABCDEF") >= 7 && s[0] == '#') {
                memcpy(out, s, 7);
                out[7] = 0;
            }
        }
    }
    hc_buf_free(&dir);
    hc_buf_free(&css);
}

/* The first character of s (UTF-8) into out[8]. */
static void first_char(const char *s, char out[8])
{
    size_t n = 1;
    unsigned char c = (unsigned char)(s ? s[0] : 0);
    if (c >= 0xF0) n = 4;
    else if (c >= 0xE0) n = 3;
    else if (c >= 0xC0) n = 2;
    if (!c || strnlen(s, n) < n) { strcpy(out, "?"); return; }
    memcpy(out, s, n);
    out[n] = 0;
}

/* The hash the previous build recorded for path, or NULL. */
static const char *prev_hash(const run *r, const char *path)
{
    size_t n = strlen(path);
    const char *s = r->prev.len ? hc_buf_cstr(&r->prev) : "";
    while (*s) {
        const char *nl = strchr(s, '\n');
        if (!nl) break;
        if ((size_t)(nl - s) == n + 17 && !strncmp(s, path, n) && s[n] == ' ') return s + n + 1;
        s = nl + 1;
    }
    return NULL;
}

static int write_out(run *r, const char *path, const hc_buf *b)
{
    hc_buf f = HC_BUF_INIT;
    hc_buf_printf(&f, "%s/%s", r->o->out_dir, path);
    int rc = hc_fs_write(hc_buf_cstr(&f), b->data ? b->data : "", b->len);
    if (rc != 0) hc_error(r->d, "write", hc_buf_cstr(&f), 0, 0, "cannot write: %s", strerror(errno));
    hc_buf_free(&f);
    return rc;
}

/* Copies path from the previous output when its hash is the same: 1 if done. */
static int reuse(run *r, const char *path, const char *hex)
{
    const char *ph = prev_hash(r, path);
    if (!r->o->prev_dir || !ph || strncmp(ph, hex, 16)) return 0;
    hc_buf from = HC_BUF_INIT, to = HC_BUF_INIT;
    hc_buf_printf(&from, "%s/%s", r->o->prev_dir, path);
    hc_buf_printf(&to, "%s/%s", r->o->out_dir, path);
    int ok = hc_fs_copy(hc_buf_cstr(&from), hc_buf_cstr(&to)) == 0;
    hc_buf_free(&from);
    hc_buf_free(&to);
    return ok;
}

/* Draws (or reuses) the card c at site path; key: its inputs so far. */
static int card(run *r, const char *path, share_card *c, uint64_t key)
{
    char hex[17];
    hk_str(&key, c->title);
    hk_str(&key, c->site);
    hk_str(&key, c->tag);
    hk_str(&key, c->mark);
    hk_str(&key, r->color);
    hk_str(&key, hc_maps_font(NULL));
    hc_hash_hex(key, hex);
    hc_buf_printf(&r->next, "%s %s\n", path, hex);
    if (reuse(r, path, hex)) {
        r->st->reused++;
        return 0;
    }
    hc_buf jpeg = HC_BUF_INIT;
    int rc = share_draw_card(r->fonts, c, path, &jpeg, r->d);
    if (rc == 0) rc = write_out(r, path, &jpeg);
    if (rc == 0) r->st->drawn++;
    hc_buf_free(&jpeg);
    return rc;
}

/* A raster image of the set as the card's photo (its rendition at least
 * 1200 px wide, else the widest); file kept in file. 1 if there is one. */
static int photo(run *r, const char *src, hc_buf *file, uint64_t *key)
{
    const hc_img *im = r->o->images && src ? hc_images_get(r->o->images, src) : NULL;
    if (!im || im->svg || im->nsizes < 1) return 0;
    int k = 0;
    while (k < im->nsizes - 1 && im->sizes[k].w < HC_SHARE_WIDTH) k++;
    hc_buf_reset(file);
    hc_buf_printf(file, "%s/%s", r->o->out_dir, im->sizes[k].jpeg);
    hk_str(key, im->sizes[k].jpeg);   /* its name holds the content hash */
    return 1;
}

/* The route map's inputs. */
static void map_key(const hc_model *m, size_t pi, uint64_t *key)
{
    const hc_project *p = &m->projects[pi];
    hk_str(key, "map");
    hk_str(key, p->id);
    for (size_t i = 0; i < p->nnodes; i++) {
        hk_str(key, p->nodes[i].name);
        hk_str(key, p->nodes[i].kind);
        hk_num(key, p->nodes[i].lon);
        hk_num(key, p->nodes[i].lat);
        hk_str(key, p->nodes[i].status != HC_NONE ? m->std.statuses[p->nodes[i].status].color : "-");
    }
    for (size_t i = 0; i < p->nroute; i++) hk_num(key, (double)p->route[i]);
    for (size_t a = 0; a < m->nareas; a++) {
        hk_str(key, m->areas[a].name);
        for (size_t i = 0; i < m->areas[a].npoints; i++) {
            hk_num(key, m->areas[a].lon[i]);
            hk_num(key, m->areas[a].lat[i]);
        }
    }
    for (size_t l = 0; l < m->nlayers; l++) {   /* map layers: their files' bytes and styles */
        hk_str(key, m->layers[l].file);
        hk_num(key, (double)(m->layers[l].digest >> 32));
        hk_num(key, (double)(m->layers[l].digest & 0xffffffffu));
    }
}

static share_card card_init(const run *r, const hc_model *m, const char *title, const char *tag)
{
    share_card c;
    memset(&c, 0, sizeof c);
    c.title = title;
    c.site = m->config.title;
    c.tag = tag;
    c.mark = r->mark;
    c.m = m;
    memcpy(c.rgb, r->rgb, sizeof c.rgb);
    return c;
}

static int unit_card(run *r, const hc_model *m, size_t pi, hc_buf *path, hc_buf *file)
{
    const hc_project *p = &m->projects[pi];
    share_card c = card_init(r, m, p->name, "示范单元");
    uint64_t key = HC_HASH_INIT;
    hk_str(&key, HC_SHARE_VERSION);
    for (size_t i = 0; i < p->nphotos && !c.photo; i++)
        if (photo(r, p->photos[i].src, file, &key)) c.photo = hc_buf_cstr(file);
    if (!c.photo && m->config.maps_enabled && p->nnodes) {
        c.map = 1;
        c.project = pi;
        map_key(m, pi, &key);
    }
    hc_buf_reset(path);
    hc_path_project(path, p);
    hc_buf_puts(path, HC_SHARE_NAME);
    return card(r, hc_buf_cstr(path), &c, key);
}

static int case_card(run *r, const hc_model *m, size_t ci, hc_buf *path, hc_buf *file)
{
    const hc_doc *doc = &m->cases[ci];
    share_card c = card_init(r, m, doc->title, "案例");
    uint64_t key = HC_HASH_INIT;
    hc_buf sp = HC_BUF_INIT;
    hk_str(&key, HC_SHARE_VERSION);
    for (size_t i = 0; i < doc->nrefs && !c.photo; i++) {
        hc_buf_reset(&sp);
        if (doc->refs[i].image && hc_path_image(doc->path, doc->refs[i].url, &sp) == 0 &&
            photo(r, hc_buf_cstr(&sp), file, &key))
            c.photo = hc_buf_cstr(file);
    }
    for (size_t i = 0; i < doc->nprojects && !c.photo; i++) {
        const hc_project *p = doc->projects[i] != HC_NONE ? &m->projects[doc->projects[i]] : NULL;
        for (size_t k = 0; p && k < p->nphotos && !c.photo; k++)
            if (photo(r, p->photos[k].src, file, &key)) c.photo = hc_buf_cstr(file);
    }
    for (size_t i = 0; i < doc->nprojects && !c.photo && !c.map; i++) {
        if (doc->projects[i] == HC_NONE || !m->config.maps_enabled || !m->projects[doc->projects[i]].nnodes) continue;
        c.map = 1;
        c.project = doc->projects[i];
        map_key(m, c.project, &key);
    }
    hc_buf_free(&sp);
    hc_buf_reset(path);
    hc_path_case(path, doc);
    hc_buf_puts(path, HC_SHARE_NAME);
    return card(r, hc_buf_cstr(path), &c, key);
}

static int site_card(run *r, const hc_model *m, hc_buf *file)
{
    const char *sub = m->config.author ? m->config.author : m->config.district ? m->config.district : "";
    share_card c = card_init(r, m, m->config.title, NULL);
    c.site = sub;
    uint64_t key = HC_HASH_INIT;
    hk_str(&key, HC_SHARE_VERSION);
    if (m->config.banner && photo(r, m->config.banner->src, file, &key)) c.photo = hc_buf_cstr(file);
    return card(r, HC_SHARE_NAME, &c, key);
}

/* favicon.ico: one 32-px PNG in an ICO directory. */
static void ico_wrap(const hc_buf *png, hc_buf *ico)
{
    unsigned char h[22] = { 0, 0, 1, 0, 1, 0, 32, 32, 0, 0, 1, 0, 32, 0 };
    uint32_t n = (uint32_t)png->len, off = 22;
    for (int i = 0; i < 4; i++) {
        h[14 + i] = (unsigned char)(n >> (8 * i));
        h[18 + i] = (unsigned char)(off >> (8 * i));
    }
    hc_buf_put(ico, h, sizeof h);
    hc_buf_put(ico, png->data, png->len);
}

/* The key of a favicon file: its size and what it is drawn from. */
static void icon_key(const run *r, const char *name, int px, char hex[17])
{
    uint64_t key = HC_HASH_INIT;
    hk_str(&key, HC_SHARE_VERSION);
    hk_str(&key, name);
    hk_num(&key, px);
    hk_str(&key, r->mark);
    hk_str(&key, r->color);
    hk_str(&key, hc_maps_font(NULL));
    hc_hash_hex(key, hex);
}

/* One favicon file (px 0: the SVG; ico: the 32-px PNG in an ICO), drawn or reused. */
static int icon_file(run *r, const char *name, int px, int ico)
{
    char hex[17];
    icon_key(r, name, px, hex);
    hc_buf_printf(&r->next, "%s %s\n", name, hex);
    if (reuse(r, name, hex)) {
        r->st->reused++;
        return 0;
    }
    hc_buf b = HC_BUF_INIT, wrapped = HC_BUF_INIT;
    int rc = px ? share_draw_icon_png(r->fonts, r->mark, r->rgb, px, &b) : share_draw_icon_svg(r->fonts, r->mark, r->rgb, &b);
    if (rc == 0 && ico) ico_wrap(&b, &wrapped);
    if (rc == 0) rc = write_out(r, name, ico ? &wrapped : &b);
    else hc_error(r->d, "share", name, 0, 0, "could not draw the favicon");
    if (rc == 0) r->st->drawn++;
    hc_buf_free(&b);
    hc_buf_free(&wrapped);
    return rc;
}

static int favicons(run *r)
{
    return icon_file(r, "favicon.ico", 32, 1) | icon_file(r, "favicon.svg", 0, 0) |
           icon_file(r, "favicon-32.png", 32, 0) | icon_file(r, "apple-touch-icon.png", 180, 0) |
           icon_file(r, "icon-192.png", 192, 0) | icon_file(r, "icon-512.png", 512, 0);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int hc_share_render(const hc_model *m, const hc_share_opts *o, hc_diags *d, hc_share_stats *st)
{
    double t0 = now_s();
    run r = { .o = o, .d = d, .prev = HC_BUF_INIT, .next = HC_BUF_INIT, .st = st };
    hc_buf path = HC_BUF_INIT, file = HC_BUF_INIT;
    int rc = -1;
    if (!hc_maps_font(d)) goto out;
    hc_share_theme_color(m, r.color);
    for (int i = 0; i < 3; i++) r.rgb[i] = (double)strtol((char[3]){ r.color[1 + 2 * i], r.color[2 + 2 * i], 0 }, NULL, 16) / 255.0;
    first_char(m->config.district ? m->config.district : m->config.title, r.mark);
    if (o->prev_dir) {
        hc_buf_printf(&path, "%s/%s", o->prev_dir, HC_SHARE_CACHE_FILE);
        if (hc_fs_read(hc_buf_cstr(&path), &r.prev) != 0) hc_buf_reset(&r.prev);
    }
    r.fonts = share_fonts_open();
    rc = favicons(&r);
    rc |= site_card(&r, m, &file);
    for (size_t i = 0; i < m->nprojects; i++) rc |= unit_card(&r, m, i, &path, &file);
    for (size_t i = 0; i < m->ncases; i++) rc |= case_card(&r, m, i, &path, &file);
    rc |= write_out(&r, HC_SHARE_CACHE_FILE, &r.next);
    rc = rc ? -1 : 0;
out:
    share_fonts_close(r.fonts);
    hc_buf_free(&r.prev);
    hc_buf_free(&r.next);
    hc_buf_free(&path);
    hc_buf_free(&file);
    st->seconds = now_s() - t0;
    return rc;
}
