/* fuzz_yamlv.c — the YAML value reader (src/load/yamlv.h).
 *
 * Input: a YAML file. It is parsed with hc_yaml_parse; every node of the tree
 * is then read with every typed reader (hc_yr_str, _bool, _int, _num, _date,
 * _strlist, _expect) and every map's keys are looked up again and checked
 * for unknown keys, as the loaders do. The findings are printed as JSON and,
 * when there are at most 64 of them, as text with their source lines (read
 * back from a copy of the input in the temp folder), to /dev/null.
 *
 * Invariants checked beyond memory safety:
 * - NULL from hc_yaml_parse comes with at least one error reported;
 * - every node has a line and column >= 1, and a one-line plain scalar is
 *   found in the file at that line and column (lines end at '\n', as the
 *   diagnostics' caret counts them); a scalar's text is NUL-terminated
 *   at len; a map's keys are scalars and hc_ymap_get finds each key's own
 *   value (keys are unique: duplicates are errors);
 * - a reader that fails (-1) reports an error and leaves *out alone.
 */
#include "fuzz.h"
#include "base/date.h"
#include "load/yamlv.h"

static const char *const known[] = { "title", "date", "id", "name", "tags", "nodes", "route", NULL };

static const char *text;
static size_t text_len;

static void read_all(const hc_yreader *r, const hc_yval *v, int depth)
{
    FUZZ_ASSERT(v->line >= 1 && v->col >= 1);
    if (v->kind == HC_Y_SCALAR && v->plain)
        FUZZ_ASSERT(fuzz_yaml_at(text, text_len, 1, v->line, v->col, v->str, v->len));
    hc_diags *d = r->d;
    size_t before = hc_diags_errors(d);

    /* 0: read; 1: absent (null), *out untouched; -1: reported, *out untouched */
#define READ_OK(rc, untouched) \
    ((rc) == 0 || ((rc) == 1 && (untouched)) || ((rc) == -1 && hc_diags_errors(d) > before && (untouched)))
    char *s = NULL;
    int rc = hc_yr_str(r, v, "value", &s);
    FUZZ_ASSERT(READ_OK(rc, s == NULL));
    if (rc == 0) FUZZ_ASSERT(s && !strcmp(s, v->str));
    free(s);

    int b = 7;
    before = hc_diags_errors(d);
    rc = hc_yr_bool(r, v, "flag", &b);
    FUZZ_ASSERT(READ_OK(rc, b == 7));
    if (rc == 0) FUZZ_ASSERT(b == 0 || b == 1);

    long l = 7;
    before = hc_diags_errors(d);
    rc = hc_yr_int(r, v, "count", &l);
    FUZZ_ASSERT(READ_OK(rc, l == 7));

    double x = 7;
    before = hc_diags_errors(d);
    rc = hc_yr_num(r, v, "lon", &x);
    FUZZ_ASSERT(READ_OK(rc, x == 7));

    int day = 7;
    before = hc_diags_errors(d);
    rc = hc_yr_date(r, v, "date", &day);
    FUZZ_ASSERT(READ_OK(rc, day == 7));
    if (rc == 0) {   /* a date reads back as it was written */
        char back[11];
        hc_date_format(day, back);
        FUZZ_ASSERT(!strcmp(back, v->str));
    }

    char **list = NULL;
    size_t n = 0;
    before = hc_diags_errors(d);
    rc = hc_yr_strlist(r, v, "tags", &list, &n);
    FUZZ_ASSERT(READ_OK(rc, list == NULL));
    if (rc == 0) {
        for (size_t i = 0; i < n; i++) {
            FUZZ_ASSERT(list[i] != NULL);
            free(list[i]);
        }
        free(list);
    }
#undef READ_OK

    hc_yr_expect(r, v, HC_Y_MAP, "map");
    hc_yr_expect(r, v, HC_Y_SEQ, "list");
    hc_y_is_null(v);

    switch (v->kind) {
    case HC_Y_SCALAR:
        FUZZ_ASSERT(v->str != NULL && v->str[v->len] == '\0');
        break;
    case HC_Y_SEQ:
        FUZZ_ASSERT(v->keys == NULL);
        for (size_t i = 0; i < v->n; i++) read_all(r, v->items[i], depth + 1);
        break;
    case HC_Y_MAP:
        hc_yr_known_keys(r, v, known, "fuzz");
        for (size_t i = 0; i < v->n; i++) {
            const hc_yval *k = v->keys[i];
            FUZZ_ASSERT(k->kind == HC_Y_SCALAR && k->str != NULL);
            FUZZ_ASSERT(hc_ymap_get(v, k->str) == v->items[i]);
            FUZZ_ASSERT(hc_ymap_key(v, k->str) == k);
            read_all(r, v->items[i], depth + 1);
        }
        break;
    }
}

static char root[4200], file[4300];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(root, sizeof root, "%s", fuzz_tmpdir());
    snprintf(file, sizeof file, "%s/site.yaml", root);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the findings show their source line, read back from this copy */
    fuzz_write(file, data, size);
    hc_diags *d = hc_diags_new();
    hc_diags_set_root(d, root);
    hc_yval *v = hc_yaml_parse("site.yaml", (const char *)data, size, 1, d);
    if (!v) {
        FUZZ_ASSERT(hc_diags_errors(d) > 0);
    } else {
        hc_yreader r = { "site.yaml", d };
        text = (const char *)data;
        text_len = size;
        read_all(&r, v, 0);
        FUZZ_ASSERT(hc_ymap_get(NULL, "x") == NULL);
    }
    /* each finding reads its line back from the file: a screenful is enough */
    if (hc_diags_count(d) <= 64) hc_diags_print_text(d, fuzz_devnull());
    hc_diags_print_json(d, fuzz_devnull());
    hc_diags_print_summary(d, fuzz_devnull());
    hc_yval_free(v);
    hc_diags_free(d);
    return 0;
}
