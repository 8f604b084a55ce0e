#include "yamlv.h"
#include "../base/alloc.h"
#include "../base/date.h"
#include "../base/hash.h"
#include "../base/utf8.h"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

/* Where a libyaml mark is, in the file's terms. libyaml counts a lone CR,
 * NEL, U+2028 and U+2029 as line breaks, while the file, an editor and our
 * carets count only LF; its mark.index counts characters (a BOM too, as we
 * set the encoding). So a mark is placed by walking the text to that
 * character and counting LFs, from a cursor that moves forward as the
 * events do (a mark behind it, as for a syntax error, starts over). */
typedef struct {
    size_t ci, bo;        /* character index and byte offset reached */
    size_t line;          /* LFs before bo */
    size_t line_ci;       /* character index where that line starts */
} ycursor;

typedef struct {
    const char *path;
    hc_diags *d;
    int first_line;
    const char *text;
    size_t len;
    ycursor cur;
    yaml_parser_t parser;
    yaml_event_t ev;
    int failed;
} yparse;

static size_t utf8_width(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static void mark_at(yparse *p, yaml_mark_t m, int *line, int *col)
{
    ycursor *c = &p->cur;
    if (m.index < c->ci) memset(c, 0, sizeof *c);
    while (c->ci < m.index && c->bo < p->len) {
        if (p->text[c->bo] == '\n') {
            c->line++;
            c->line_ci = c->ci + 1;
        }
        size_t w = utf8_width((unsigned char)p->text[c->bo]);
        c->bo += w <= p->len - c->bo ? w : p->len - c->bo;
        c->ci++;
    }
    *line = (int)c->line + p->first_line;
    *col = (int)(m.index - c->line_ci) + 1;
}

static hc_yval *node_new(hc_ykind kind, yparse *p, yaml_mark_t m)
{
    hc_yval *v = hc_xcalloc(1, sizeof *v);
    v->kind = kind;
    mark_at(p, m, &v->line, &v->col);
    return v;
}

void hc_yval_free(hc_yval *v)
{
    if (!v) return;
    for (size_t i = 0; i < v->n; i++) {
        hc_yval_free(v->items[i]);
        if (v->keys) hc_yval_free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->str);
    free(v);
}

static int next_event(yparse *p)
{
    if (!yaml_parser_parse(&p->parser, &p->ev)) {
        const char *ctx = p->parser.context;
        int line, col;
        mark_at(p, p->parser.problem_mark, &line, &col);
        hc_error(p->d, "yaml-syntax", p->path, line, col,
                 "invalid YAML: %s%s%s", p->parser.problem ? p->parser.problem : "syntax error",
                 ctx ? " " : "", ctx ? ctx : "");
        p->failed = 1;
        return -1;
    }
    return 0;
}

static hc_yval *parse_node(yparse *p, int depth);

static void push(hc_yval *v, hc_yval *key, hc_yval *item, size_t *cap)
{
    size_t c = *cap;
    v->items = hc_xgrow(v->items, &c, v->n + 1, sizeof *v->items);
    if (key) {
        size_t c2 = *cap;
        v->keys = hc_xgrow(v->keys, &c2, v->n + 1, sizeof *v->keys);
        v->keys[v->n] = key;
    }
    *cap = c;
    v->items[v->n++] = item;
}

/* Refuses the current event (at its start) with rule and message: the
 * parse fails, the event is dropped. */
static void refuse(yparse *p, const char *rule, const char *msg)
{
    int line, col;
    mark_at(p, p->ev.start_mark, &line, &col);
    hc_error(p->d, rule, p->path, line, col, "%s", msg);
    p->failed = 1;
    yaml_event_delete(&p->ev);
}

static int has_anchor(const yaml_event_t *e)
{
    switch (e->type) {
    case YAML_SCALAR_EVENT: return e->data.scalar.anchor != NULL;
    case YAML_SEQUENCE_START_EVENT: return e->data.sequence_start.anchor != NULL;
    case YAML_MAPPING_START_EVENT: return e->data.mapping_start.anchor != NULL;
    default: return 0;
    }
}

/* Refuses node v, whose current event carries an anchor: frees v, NULL. */
static hc_yval *refuse_anchor(yparse *p, hc_yval *v)
{
    hc_error(p->d, "yaml-alias", p->path, v->line, v->col,
             "YAML anchors (&name) are not supported: write the value out");
    p->failed = 1;
    yaml_event_delete(&p->ev);
    hc_yval_free(v);
    return NULL;
}

/* Scalar node v takes the current (scalar) event's text and drops it. */
static void take_scalar(yparse *p, hc_yval *v)
{
    yaml_event_t *e = &p->ev;
    v->str = hc_xstrndup((const char *)e->data.scalar.value, e->data.scalar.length);
    v->len = e->data.scalar.length;
    v->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    yaml_event_delete(e);
}

/* A key of map v, from the current event: plain text, not one of the keys
 * before it (seen: v's keys → their index, hashed, so that a map of n keys
 * costs O(n), not O(n²)). NULL when the parse failed. */
static hc_yval *parse_key(yparse *p, const hc_yval *v, hc_strmap *seen, int depth)
{
    hc_yval *key = parse_node(p, depth + 1);
    if (key && key->kind != HC_Y_SCALAR) {
        hc_error(p->d, "yaml-key", p->path, key->line, key->col, "map keys must be plain text");
        goto bad;
    }
    if (key) {
        size_t first = hc_strmap_add(seen, key->str, key->len, v->n);
        if (first != HC_STRMAP_NONE) {
            hc_error(p->d, "yaml-duplicate-key", p->path, key->line, key->col,
                     "duplicate key '%s' (first at line %d)", key->str, v->keys[first]->line);
            goto bad;
        }
    }
    return key;
bad:
    p->failed = 1;
    hc_yval_free(key);
    return NULL;
}

/* One entry of collection v from the current event: a key and its value in
 * a map, an item in a sequence. 0, or -1 when the parse failed. */
static int parse_entry(yparse *p, hc_yval *v, hc_strmap *seen, size_t *cap, int depth)
{
    hc_yval *key = NULL;
    int rc = -1;
    if (v->kind == HC_Y_MAP) {
        key = parse_key(p, v, seen, depth);
        if (!key || next_event(p)) goto out;
    }
    hc_yval *item = parse_node(p, depth + 1);
    if (!item) goto out;
    push(v, key, item, cap);
    key = NULL;
    rc = 0;
out:
    hc_yval_free(key);
    return rc;
}

/* Collection v: drops its start event, reads entries through its end
 * event. v, or NULL (v freed) when the parse failed. */
static hc_yval *parse_entries(yparse *p, hc_yval *v, int depth)
{
    yaml_event_t *e = &p->ev;
    hc_strmap seen = HC_STRMAP_INIT;   /* a map's keys → their index in v->keys */
    size_t cap = 0;
    int ok = 0;
    yaml_event_delete(e);
    while (!ok && next_event(p) == 0) {
        if (e->type == YAML_SEQUENCE_END_EVENT || e->type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(e);
            ok = 1;
        } else if (parse_entry(p, v, &seen, &cap, depth) != 0) {
            break;
        }
    }
    hc_strmap_free(&seen);
    if (!ok) {
        hc_yval_free(v);
        v = NULL;
    }
    return v;
}

/* Current event is the start of a node; consumes through its end. NULL
 * when the parse failed (reported) or the event starts no node. */
static hc_yval *parse_node(yparse *p, int depth)
{
    yaml_event_t *e = &p->ev;
    hc_yval *v = NULL;
    if (depth > 64) {
        refuse(p, "yaml-syntax", "YAML nested too deeply");
    } else if (e->type == YAML_ALIAS_EVENT) {
        refuse(p, "yaml-alias", "YAML aliases (*name) are not supported: write the value out");
    } else if (e->type == YAML_SCALAR_EVENT || e->type == YAML_SEQUENCE_START_EVENT ||
               e->type == YAML_MAPPING_START_EVENT) {
        hc_ykind kind = e->type == YAML_SCALAR_EVENT ? HC_Y_SCALAR
                      : e->type == YAML_MAPPING_START_EVENT ? HC_Y_MAP : HC_Y_SEQ;
        v = node_new(kind, p, e->start_mark);
        if (has_anchor(e)) v = refuse_anchor(p, v);
        else if (kind == HC_Y_SCALAR) take_scalar(p, v);
        else v = parse_entries(p, v, depth);
    } else {
        yaml_event_delete(e);
    }
    return v;
}

hc_yval *hc_yaml_parse(const char *path, const char *text, size_t len, int first_line, hc_diags *d)
{
    yparse p = { .path = path, .d = d, .first_line = first_line, .text = text, .len = len };
    hc_yval *root = NULL;
    yaml_parser_initialize(&p.parser);
    yaml_parser_set_input_string(&p.parser, (const unsigned char *)text, len);
    yaml_parser_set_encoding(&p.parser, YAML_UTF8_ENCODING);
    int docs = 0;
    for (;;) {
        if (next_event(&p)) goto fail;
        yaml_event_type_t t = p.ev.type;
        if (t == YAML_STREAM_END_EVENT) { yaml_event_delete(&p.ev); break; }
        if (t == YAML_DOCUMENT_START_EVENT) {
            if (++docs > 1) {
                int line, col;
                mark_at(&p, p.ev.start_mark, &line, &col);
                hc_error(d, "yaml-syntax", path, line, col, "more than one YAML document ('---') in one file");
                yaml_event_delete(&p.ev);
                goto fail;
            }
            yaml_event_delete(&p.ev);
            continue;
        }
        if (t == YAML_STREAM_START_EVENT || t == YAML_DOCUMENT_END_EVENT) {
            yaml_event_delete(&p.ev);
            continue;
        }
        root = parse_node(&p, 0);
        if (!root) goto fail;
    }
    yaml_parser_delete(&p.parser);
    if (!root) {
        root = hc_xcalloc(1, sizeof *root);
        root->kind = HC_Y_MAP;
        root->line = first_line;
        root->col = 1;
    }
    return root;
fail:
    yaml_parser_delete(&p.parser);
    hc_yval_free(root);
    return NULL;
}

int hc_y_is_null(const hc_yval *v)
{
    return v && v->kind == HC_Y_SCALAR && v->plain &&
           (v->len == 0 || !strcmp(v->str, "~") || !strcmp(v->str, "null") || !strcmp(v->str, "Null") ||
            !strcmp(v->str, "NULL"));
}

const hc_yval *hc_ymap_key(const hc_yval *map, const char *key)
{
    if (!map || map->kind != HC_Y_MAP) return NULL;
    for (size_t i = 0; i < map->n; i++)
        if (strcmp(map->keys[i]->str, key) == 0) return map->keys[i];
    return NULL;
}

const hc_yval *hc_ymap_get(const hc_yval *map, const char *key)
{
    if (!map || map->kind != HC_Y_MAP) return NULL;
    for (size_t i = 0; i < map->n; i++)
        if (strcmp(map->keys[i]->str, key) == 0) return map->items[i];
    return NULL;
}

static const char *kind_name(const hc_yval *v)
{
    if (v->kind == HC_Y_MAP) return "a map";
    if (v->kind == HC_Y_SEQ) return "a list";
    return "text";
}

static int want_scalar(const hc_yreader *r, const hc_yval *v, const char *what, const char *expected)
{
    if (v->kind == HC_Y_SCALAR) return 0;
    hc_error(r->d, "type", r->path, v->line, v->col, "'%s' must be %s, not %s", what, expected, kind_name(v));
    return -1;
}

int hc_yr_str(const hc_yreader *r, const hc_yval *v, const char *what, char **out)
{
    if (!v || hc_y_is_null(v)) return 1;
    if (want_scalar(r, v, what, "text")) return -1;
    *out = hc_xstrdup(v->str);
    return 0;
}

int hc_yr_bool(const hc_yreader *r, const hc_yval *v, const char *what, int *out)
{
    if (!v || hc_y_is_null(v)) return 1;
    if (want_scalar(r, v, what, "true or false")) return -1;
    static const char *const t[] = { "true", "True", "TRUE", "yes", "Yes", "YES", NULL };
    static const char *const f[] = { "false", "False", "FALSE", "no", "No", "NO", NULL };
    if (v->plain) {
        for (int i = 0; t[i]; i++) if (!strcmp(v->str, t[i])) { *out = 1; return 0; }
        for (int i = 0; f[i]; i++) if (!strcmp(v->str, f[i])) { *out = 0; return 0; }
    }
    hc_error(r->d, "type", r->path, v->line, v->col, "'%s' must be true or false, not '%s'", what, v->str);
    return -1;
}

int hc_yr_num(const hc_yreader *r, const hc_yval *v, const char *what, double *out)
{
    if (!v || hc_y_is_null(v)) return 1;
    if (want_scalar(r, v, what, "a number")) return -1;
    char *end;
    errno = 0;
    double x = strtod(v->str, &end);
    int range = errno == ERANGE;
    if (!v->plain || v->len == 0 || *end) {
        hc_error(r->d, "type", r->path, v->line, v->col, "'%s' must be a number, not '%s'", what, v->str);
        return -1;
    }
    /* ERANGE on underflow (5e-324, 1e-400) gives a tiny or zero number, which is fine */
    if (!isfinite(x)) {
        if (range)
            hc_error(r->d, "type", r->path, v->line, v->col, "'%s' is too large to be a number: '%s'", what, v->str);
        else
            hc_error(r->d, "type", r->path, v->line, v->col, "'%s' must be a finite number, not '%s'", what, v->str);
        return -1;
    }
    *out = x;
    return 0;
}

int hc_yr_color(const hc_yreader *r, const hc_yval *v, const char *what, char **out)
{
    if (!v || hc_y_is_null(v)) return 1;
    if (want_scalar(r, v, what, "a colour (#rrggbb)")) return -1;
    char c[8];
    if (!hc_css_color(v->str, v->len, c)) {
        hc_buf shown = HC_BUF_INIT;
        hc_escape_shown(&shown, v->str, v->len);
        hc_error(r->d, "color", r->path, v->line, v->col,
                 "'%s' must be a colour written #rrggbb (or #rgb), such as #c8102e, not '%s'", what, hc_buf_cstr(&shown));
        hc_buf_free(&shown);
        return -1;
    }
    *out = hc_xstrdup(c);
    return 0;
}

int hc_yr_int(const hc_yreader *r, const hc_yval *v, const char *what, long *out)
{
    if (!v || hc_y_is_null(v)) return 1;
    if (want_scalar(r, v, what, "a whole number")) return -1;
    char *end;
    errno = 0;
    long x = strtol(v->str, &end, 10);
    if (!v->plain || v->len == 0 || *end || errno) {
        hc_error(r->d, "type", r->path, v->line, v->col, "'%s' must be a whole number, not '%s'", what, v->str);
        return -1;
    }
    *out = x;
    return 0;
}

int hc_yr_date(const hc_yreader *r, const hc_yval *v, const char *what, int *out)
{
    if (!v || hc_y_is_null(v)) return 1;
    if (want_scalar(r, v, what, "a date (YYYY-MM-DD)")) return -1;
    if (hc_date_parse(v->str, out) != 0) {
        hc_error(r->d, "date", r->path, v->line, v->col, "'%s' must be a date YYYY-MM-DD, not '%s'", what, v->str);
        return -1;
    }
    return 0;
}

int hc_yr_strlist(const hc_yreader *r, const hc_yval *v, const char *what, char ***out, size_t *n)
{
    if (!v || hc_y_is_null(v)) return 1;
    if (v->kind == HC_Y_SCALAR) {
        *out = hc_xmalloc(sizeof **out);
        (*out)[0] = hc_xstrdup(v->str);
        *n = 1;
        return 0;
    }
    if (v->kind != HC_Y_SEQ) {
        hc_error(r->d, "type", r->path, v->line, v->col, "'%s' must be a list, not a map", what);
        return -1;
    }
    for (size_t i = 0; i < v->n; i++)
        if (want_scalar(r, v->items[i], what, "a list of text")) return -1;
    *out = hc_xcalloc(v->n ? v->n : 1, sizeof **out);
    for (size_t i = 0; i < v->n; i++) (*out)[i] = hc_xstrdup(v->items[i]->str);
    *n = v->n;
    return 0;
}

int hc_yr_expect(const hc_yreader *r, const hc_yval *v, hc_ykind kind, const char *what)
{
    if (v && v->kind == kind) return 0;
    if (!v) return -1;
    hc_error(r->d, "type", r->path, v->line, v->col, "'%s' must be %s, not %s", what,
             kind == HC_Y_MAP ? "a map" : kind == HC_Y_SEQ ? "a list" : "text", kind_name(v));
    return -1;
}

/* ---- keys: unknown ones, with a suggestion ---- */

/* Slips a table of distances cannot catch: pinyin, Chinese and English words
 * for a key. A slip is suggested only where its key is known. */
static const struct { const char *slip, *key; } slips[] = {
    { "zhuangtai", "status" }, { "jinzhan", "status" }, { "state", "status" }, { "progress", "status" },
    { "状态", "status" }, { "进展", "status" },
    { "mingcheng", "name" }, { "mingzi", "name" }, { "名称", "name" }, { "名字", "name" },
    { "biaoti", "title" }, { "标题", "title" }, { "riqi", "date" }, { "日期", "date" },
    { "wancheng", "done" }, { "finished", "done" }, { "completed", "done" }, { "complete", "done" },
    { "完成", "done" }, { "已完成", "done" },
    { "jibie", "level" }, { "cengji", "level" }, { "层级", "level" },
    { "dengci", "grade" }, { "dengji", "grade" }, { "等次", "grade" },
    { "lingyu", "domain" }, { "领域", "domain" },
    { "xiangzhen", "townships" }, { "jiedao", "townships" }, { "town", "townships" }, { "乡镇", "townships" },
    { "zhaopian", "photos" }, { "tupian", "photos" }, { "images", "photos" }, { "pictures", "photos" },
    { "照片", "photos" }, { "biaoqian", "tags" }, { "标签", "tags" },
    { "zhaiyao", "summary" }, { "jianjie", "summary" }, { "description", "summary" }, { "摘要", "summary" },
    { "jiedian", "nodes" }, { "节点", "nodes" }, { "luxian", "route" }, { "路线", "route" },
    { "dudu", "supervision" }, { "duzhan", "supervision" }, { "督战", "supervision" },
    { "shixiang", "matter" }, { "事项", "matter" }, { "zeren", "owner" }, { "zerendanwei", "owner" },
    { "responsible", "owner" }, { "责任单位", "owner" },
    { "qixian", "deadline" }, { "jiezhi", "deadline" }, { "due", "deadline" }, { "期限", "deadline" },
    { "licheng", "milestones" }, { "里程碑", "milestones" }, { "jingfei", "funding" }, { "经费", "funding" },
    { "pinpai", "brand" }, { "品牌", "brand" }, { "fuzeren", "lead" }, { "负责人", "lead" },
    { "url", "base_url" }, { "baseurl", "base_url" }, { "site_url", "base_url" },
    { "tel", "phone" }, { "dianhua", "phone" }, { "dizhi", "address" }, { "shuoming", "caption" },
    { NULL, NULL }
};

#define KEY_MAX 64

static char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* Damerau–Levenshtein distance (optimal string alignment) over bytes, ASCII
 * letters compared without case; KEY_MAX for strings longer than that. */
static size_t key_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n >= KEY_MAX || m >= KEY_MAX) return KEY_MAX;
    size_t dd[KEY_MAX + 1][KEY_MAX + 1];
    for (size_t i = 0; i <= n; i++) dd[i][0] = i;
    for (size_t j = 0; j <= m; j++) dd[0][j] = j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            size_t cost = lower_ascii(a[i - 1]) != lower_ascii(b[j - 1]);
            size_t v = dd[i - 1][j] + 1;
            if (dd[i][j - 1] + 1 < v) v = dd[i][j - 1] + 1;
            if (dd[i - 1][j - 1] + cost < v) v = dd[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && dd[i - 2][j - 2] + 1 < v)
                v = dd[i - 2][j - 2] + 1;
            dd[i][j] = v;
        }
    return dd[n][m];
}

static int is_known(const char *key, const char *const *known)
{
    for (size_t j = 0; known[j]; j++)
        if (!strcmp(key, known[j])) return 1;
    return 0;
}

/* Is `written` close enough to `key` to be a slip for it? */
static int near_key(const char *written, const char *key)
{
    for (size_t i = 0; slips[i].slip; i++)
        if (!strcmp(slips[i].key, key) && !strcasecmp(written, slips[i].slip)) return 1;
    size_t len = strlen(key), wl = strlen(written);
    size_t limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    if (wl > len + limit || len > wl + limit) return 0;   /* the distance is at least the difference */
    size_t d = key_distance(written, key);
    return d <= limit && d < wl && d < len;
}

const char *hc_key_suggest(const char *written, const char *const *known)
{
    const char *best = NULL;
    size_t best_d = KEY_MAX;
    for (size_t i = 0; slips[i].slip; i++) {
        if (strcasecmp(written, slips[i].slip)) continue;
        for (size_t j = 0; known[j]; j++)
            if (!strcmp(known[j], slips[i].key)) return known[j];
    }
    for (size_t j = 0; known[j]; j++) {
        if (!near_key(written, known[j])) continue;
        size_t d = key_distance(written, known[j]);
        if (d < best_d) { best_d = d; best = known[j]; }
    }
    return best;
}

/* The first unknown key of map standing where required key `key` should be
 * (absent), or NULL. */
static const hc_yval *near_miss(const hc_yval *map, const char *key, const char *const *known)
{
    if (!map || map->kind != HC_Y_MAP || hc_ymap_key(map, key)) return NULL;
    for (size_t i = 0; i < map->n; i++) {
        const char *k = map->keys[i]->str;
        const char *hint = is_known(k, known) ? NULL : hc_key_suggest(k, known);
        if (hint && !strcmp(hint, key)) return map->keys[i];
    }
    return NULL;
}

void hc_yr_keys(const hc_yreader *r, const hc_yval *map, const char *const *known, const char *const *required,
                const char *where)
{
    if (!map || map->kind != HC_Y_MAP) return;
    /* the slips standing for absent required keys: hc_yr_missing reports
     * them; found once per required key, so a map of n keys costs O(n) */
    const hc_yval *slips_of[8] = { NULL };
    for (size_t j = 0; required && required[j] && j < 8; j++) slips_of[j] = near_miss(map, required[j], known);
    for (size_t i = 0; i < map->n; i++) {
        const hc_yval *k = map->keys[i];
        if (is_known(k->str, known)) continue;
        int left = 0;
        for (size_t j = 0; j < 8; j++) left |= slips_of[j] == k;
        if (left) continue;
        const char *hint = hc_key_suggest(k->str, known);
        hc_buf shown = HC_BUF_INIT;
        hc_escape_shown(&shown, k->str, k->len);
        if (hint) {
            hc_error(r->d, "unknown-key", r->path, k->line, k->col, "unknown key '%s' in %s: did you mean '%s'?",
                     hc_buf_cstr(&shown), where, hint);
        } else {
            hc_buf list = HC_BUF_INIT;
            for (size_t j = 0; known[j]; j++) hc_buf_printf(&list, "%s%s", j ? ", " : "", known[j]);
            hc_error(r->d, "unknown-key", r->path, k->line, k->col, "unknown key '%s' in %s (known keys: %s)",
                     hc_buf_cstr(&shown), where, hc_buf_cstr(&list));
            hc_buf_free(&list);
        }
        hc_buf_free(&shown);
    }
}

void hc_yr_known_keys(const hc_yreader *r, const hc_yval *map, const char *const *known, const char *where)
{
    hc_yr_keys(r, map, known, NULL, where);
}

void hc_yr_missing(const hc_yreader *r, const hc_yval *map, const char *key, const char *const *known, int line,
                   int col, const char *msg)
{
    const hc_yval *k = near_miss(map, key, known);
    if (k) {
        hc_buf shown = HC_BUF_INIT;
        hc_escape_shown(&shown, k->str, k->len);
        hc_error(r->d, "required", r->path, k->line, k->col, "%s — '%s' at line %d looks like it", msg,
                 hc_buf_cstr(&shown), k->line);
        hc_buf_free(&shown);
    } else
        hc_error(r->d, "required", r->path, line, col, "%s", msg);
}
