/* yamlv.h — YAML (via libyaml) as a tree of values that remember where they
 * were written, plus typed readers that report located errors.
 *
 * hc_yaml_parse returns a tree the caller owns (free with hc_yval_free); every
 * node carries the 1-based line and column it starts at in the file. Scalars
 * keep their text and whether they were plain (unquoted), so that `yes` and
 * "yes" can be told apart. Anchors/aliases and multi-document streams are
 * reported as errors; duplicate keys in a map are errors.
 *
 * The readers (hc_yr_*) take a hc_yreader naming the file and the diagnostics
 * sink; on a type error they report "path:line:col: error: …" and return -1,
 * leaving *out untouched.
 */
#ifndef HC_YAMLV_H
#define HC_YAMLV_H
#include <stddef.h>
#include "../base/diag.h"

typedef enum { HC_Y_SCALAR, HC_Y_SEQ, HC_Y_MAP } hc_ykind;

typedef struct hc_yval hc_yval;
struct hc_yval {
    hc_ykind kind;
    int line, col;
    char *str;            /* HC_Y_SCALAR: NUL-terminated text */
    size_t len;
    int plain;            /* scalar was written without quotes */
    size_t n;             /* HC_Y_SEQ / HC_Y_MAP: number of items */
    hc_yval **items;      /* sequence items, or map values */
    hc_yval **keys;       /* HC_Y_MAP: keys (scalars), parallel to items */
};

/* Parses len bytes of text. first_line is the file line the text starts on
 * (1 for a whole file, more for front matter). An empty document gives an
 * empty map. Returns NULL after reporting to d (rule "yaml-syntax"). */
hc_yval *hc_yaml_parse(const char *path, const char *text, size_t len, int first_line, hc_diags *d);
void hc_yval_free(hc_yval *v);

/* Plain null, ~, or empty plain scalar. */
int hc_y_is_null(const hc_yval *v);
/* The value of key in a map, or NULL (also when map is not a map). */
const hc_yval *hc_ymap_get(const hc_yval *map, const char *key);
/* The key node of key in a map (for locating a key), or NULL. */
const hc_yval *hc_ymap_key(const hc_yval *map, const char *key);

typedef struct {
    const char *path;     /* as shown to the user */
    hc_diags *d;
} hc_yreader;

/* Each reads v (which may be NULL: then it returns 1 and leaves *out alone,
 * meaning "absent"); returns 0 on success, -1 after reporting an error.
 * what names the key in messages ("lead.name"). */
int hc_yr_str(const hc_yreader *r, const hc_yval *v, const char *what, char **out);  /* malloc'd */
int hc_yr_bool(const hc_yreader *r, const hc_yval *v, const char *what, int *out);
int hc_yr_int(const hc_yreader *r, const hc_yval *v, const char *what, long *out);
int hc_yr_num(const hc_yreader *r, const hc_yval *v, const char *what, double *out);
/* A colour #rrggbb, or #rgb (stored as #rrggbb, see hc_css_color); anything
 * else is an error (rule "color"). */
int hc_yr_color(const hc_yreader *r, const hc_yval *v, const char *what, char **out);  /* malloc'd */
/* YYYY-MM-DD, a real calendar date; stored as days since 1970-01-01. */
int hc_yr_date(const hc_yreader *r, const hc_yval *v, const char *what, int *out);
/* A sequence of scalars (a single scalar is accepted as a one-item list). */
int hc_yr_strlist(const hc_yreader *r, const hc_yval *v, const char *what, char ***out, size_t *n);
/* Requires v to be a map / a sequence; reports and returns -1 if not. */
int hc_yr_expect(const hc_yreader *r, const hc_yval *v, hc_ykind kind, const char *what);
/* ---- keys ----
 * Every map a user writes is checked against the NULL-terminated list of the
 * keys huace knows there (one string per key: adding a key is one line). A
 * key not in the list is an error (rule "unknown-key"; hc_load_site turns
 * these into warnings when site.yaml says `strict: false`), located at the
 * key, naming the known key it is a slip for if there is one:
 * hc_key_suggest. `where` names the map in messages ("a project"). */
/* The known key `written` is most likely a slip for, or NULL: the same key
 * in another case, a Damerau–Levenshtein distance of at most 1 (keys of up
 * to 4 letters), 2 (up to 8) or 3, or a common pinyin, Chinese or English
 * word for it (zhuangtai, 状态, state → status). Returns a pointer into known. */
const char *hc_key_suggest(const char *written, const char *const *known);
/* Reports every key of map not in known. required (NULL-terminated, or NULL;
 * up to 8 keys) lists keys the caller requires: the first unknown key that
 * is the slip for an absent required key is left to hc_yr_missing, which
 * reports it once. */
void hc_yr_keys(const hc_yreader *r, const hc_yval *map, const char *const *known, const char *const *required,
                const char *where);
/* hc_yr_keys without required keys. */
void hc_yr_known_keys(const hc_yreader *r, const hc_yval *map, const char *const *known, const char *where);
/* Reports (rule "required") that map lacks required key `key`: msg ("a
 * project needs a 'name'") at line:col, or, when an unknown key of map is a
 * slip for it, at that key: "msg — 'nmae' at line 2 looks like it". */
void hc_yr_missing(const hc_yreader *r, const hc_yval *map, const char *key, const char *const *known, int line,
                   int col, const char *msg);

#endif
