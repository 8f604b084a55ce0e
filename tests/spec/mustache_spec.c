/* mustache_spec.c — runs the official Mustache spec against src/tmpl.
 *
 *     mustache_spec [SPEC_DIR]      (default /work/shared/spec/mustache)
 *
 * Reads every *.yml file of SPEC_DIR (lambda files excepted), and for each
 * test builds the data as an hc_tv tree, adds the partials and the template
 * to a fresh set, renders and compares with the expected text. Prints TAP;
 * exits 1 if any case failed or the spec could not be read.
 *
 * YAML scalars: plain true/false are booleans, plain null/~/empty are null,
 * plain scalars that are entirely a decimal number are numbers; everything
 * else, and every quoted or block scalar, is a string.
 */
#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "tmpl/mustache.h"
#include "tmpl/value.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define DEFAULT_DIR "/work/shared/spec/mustache"
#define TEMPLATE_NAME "spec:template"

typedef struct {
    char *name;              /* file name, e.g. "sections.yml" */
    yaml_document_t doc;
    yaml_node_item_t *tests; /* the "tests" sequence */
    size_t ntests;
} spec_file;

/* ---- YAML helpers ------------------------------------------------------ */

static int scalar_is(const yaml_node_t *n, const char *s)
{
    return n && n->type == YAML_SCALAR_NODE && n->data.scalar.length == strlen(s) &&
           memcmp(n->data.scalar.value, s, n->data.scalar.length) == 0;
}

static yaml_node_t *map_get(yaml_document_t *doc, yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE) return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++)
        if (scalar_is(yaml_document_get_node(doc, p->key), key))
            return yaml_document_get_node(doc, p->value);
    return NULL;
}

/* A whole decimal number: [+-] digits [. digits] [e [+-] digits]. */
static int is_number(const char *s, size_t n)
{
    size_t i = 0, digits = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++, digits++;
    if (i < n && s[i] == '.')
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) digits++;
    if (!digits) return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t exp = 0;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++, exp++;
        if (!exp) return 0;
    }
    return i == n;
}

static hc_tv *scalar_tv(hc_arena *a, const yaml_node_t *node)
{
    const char *s = (const char *)node->data.scalar.value;
    size_t n = node->data.scalar.length;
    if (node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return hc_tv_strn(a, s, n);
    if (scalar_is(node, "true") || scalar_is(node, "True") || scalar_is(node, "TRUE"))
        return hc_tv_bool(a, 1);
    if (scalar_is(node, "false") || scalar_is(node, "False") || scalar_is(node, "FALSE"))
        return hc_tv_bool(a, 0);
    if (n == 0 || scalar_is(node, "~") || scalar_is(node, "null") || scalar_is(node, "Null") ||
        scalar_is(node, "NULL"))
        return hc_tv_null(a);
    if (is_number(s, n)) {
        char *z = hc_arena_strndup(a, s, n);
        return hc_tv_num(a, strtod(z, NULL));
    }
    return hc_tv_strn(a, s, n);
}

static hc_tv *to_tv(hc_arena *a, yaml_document_t *doc, yaml_node_t *node)
{
    if (!node) return hc_tv_null(a);
    if (node->type == YAML_SCALAR_NODE) return scalar_tv(a, node);
    if (node->type == YAML_SEQUENCE_NODE) {
        hc_tv *list = hc_tv_list(a);
        for (yaml_node_item_t *i = node->data.sequence.items.start;
             i < node->data.sequence.items.top; i++)
            hc_tv_push(a, list, to_tv(a, doc, yaml_document_get_node(doc, *i)));
        return list;
    }
    if (node->type == YAML_MAPPING_NODE) {
        hc_tv *map = hc_tv_map(a);
        for (yaml_node_pair_t *p = node->data.mapping.pairs.start;
             p < node->data.mapping.pairs.top; p++) {
            yaml_node_t *k = yaml_document_get_node(doc, p->key);
            if (!k || k->type != YAML_SCALAR_NODE) continue;
            const char *key = hc_arena_strndup(a, (const char *)k->data.scalar.value,
                                               k->data.scalar.length);
            hc_tv_set(a, map, key, to_tv(a, doc, yaml_document_get_node(doc, p->value)));
        }
        return map;
    }
    return hc_tv_null(a);
}

/* ---- loading ----------------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of the spec files in dir (lambdas are out of scope). */
static char **list_specs(const char *dir, size_t *n_out)
{
    DIR *d = opendir(dir);
    char **names = NULL;
    size_t n = 0, cap = 0;
    if (!d) return NULL;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".yml") != 0) continue;
        if (strstr(e->d_name, "lambdas")) continue;
        names = hc_xgrow(names, &cap, n + 1, sizeof *names);
        names[n++] = hc_xstrdup(e->d_name);
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, by_name);
    *n_out = n;
    return names ? names : hc_xcalloc(1, sizeof *names);
}

static int load(const char *dir, spec_file *f)
{
    hc_buf path = HC_BUF_INIT;
    yaml_parser_t parser;
    int ok = 0, loaded = 0;
    hc_buf_printf(&path, "%s/%s", dir, f->name);
    FILE *in = fopen(hc_buf_cstr(&path), "rb");
    if (!in) {
        fprintf(stderr, "mustache_spec: cannot open %s\n", hc_buf_cstr(&path));
        goto out;
    }
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, in);
    loaded = yaml_parser_load(&parser, &f->doc);
    if (!loaded)
        fprintf(stderr, "mustache_spec: %s:%lu: %s\n", hc_buf_cstr(&path),
                (unsigned long)parser.problem_mark.line + 1,
                parser.problem ? parser.problem : "YAML error");
    yaml_parser_delete(&parser);
    if (!loaded) goto out;
    yaml_node_t *tests = map_get(&f->doc, yaml_document_get_root_node(&f->doc), "tests");
    if (!tests || tests->type != YAML_SEQUENCE_NODE) {
        fprintf(stderr, "mustache_spec: %s: no 'tests' list\n", hc_buf_cstr(&path));
        yaml_document_delete(&f->doc);
        goto out;
    }
    f->tests = tests->data.sequence.items.start;
    f->ntests = (size_t)(tests->data.sequence.items.top - tests->data.sequence.items.start);
    ok = 1;
out:
    if (in) fclose(in);
    hc_buf_free(&path);
    return ok;
}

/* ---- running ----------------------------------------------------------- */

/* s as a C string literal, on one line. */
static void quoted(FILE *out, const char *s, size_t n)
{
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') fputs("\\n", out);
        else if (c == '\r') fputs("\\r", out);
        else if (c == '\t') fputs("\\t", out);
        else if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
        else if (c < 0x20) fprintf(out, "\\x%02x", c);
        else fputc(c, out);
    }
    fputs("\"\n", out);
}

static const char *scalar_str(const yaml_node_t *n, size_t *len)
{
    if (!n || n->type != YAML_SCALAR_NODE) {
        *len = 0;
        return "";
    }
    *len = n->data.scalar.length;
    return (const char *)n->data.scalar.value;
}

/* Runs one test; prints its TAP line(s); returns 1 if it passed. */
static int run_case(spec_file *f, yaml_node_t *test, size_t num)
{
    yaml_document_t *doc = &f->doc;
    hc_arena a = HC_ARENA_INIT;
    hc_mustache_set *set = hc_mustache_set_new();
    hc_diags *d = hc_diags_new();
    hc_buf got = HC_BUF_INIT;
    size_t nlen, tlen, elen;
    const char *name = scalar_str(map_get(doc, test, "name"), &nlen);
    const char *tmpl = scalar_str(map_get(doc, test, "template"), &tlen);
    const char *want = scalar_str(map_get(doc, test, "expected"), &elen);
    yaml_node_t *data = map_get(doc, test, "data");
    yaml_node_t *parts = map_get(doc, test, "partials");
    int ok = 0, added = 1;

    if (parts && parts->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *p = parts->data.mapping.pairs.start;
             p < parts->data.mapping.pairs.top; p++) {
            size_t klen, vlen;
            const char *k = scalar_str(yaml_document_get_node(doc, p->key), &klen);
            const char *v = scalar_str(yaml_document_get_node(doc, p->value), &vlen);
            char *pname = hc_arena_strndup(&a, k, klen);
            if (hc_mustache_set_add(set, pname, pname, v, vlen, d) < 0) added = 0;
        }
    }
    if (hc_mustache_set_add(set, TEMPLATE_NAME, TEMPLATE_NAME, tmpl, tlen, d) < 0) added = 0;
    /* no spec template includes itself outside a section: the check must say nothing */
    if (added && hc_mustache_set_check(set, d) != 0) added = 0;
    if (added) {
        const hc_tv *ctx = data ? to_tv(&a, doc, data) : NULL;
        if (hc_mustache_render(set, TEMPLATE_NAME, ctx, &got) == 0)
            ok = got.len == elen && memcmp(hc_buf_cstr(&got), want, elen) == 0;
    }
    printf("%s %zu - %s: %.*s\n", ok ? "ok" : "not ok", num, f->name, (int)nlen, name);
    if (!ok) {
        for (size_t i = 0; i < hc_diags_count(d); i++) {
            const hc_diag *g = hc_diags_at(d, i);
            printf("# error: %s:%d:%d: %s [%s]\n", g->path, g->line, g->col, g->msg, g->rule);
        }
        fputs("# expected: ", stdout);
        quoted(stdout, want, elen);
        fputs("# got:      ", stdout);
        quoted(stdout, hc_buf_cstr(&got), got.len);
    }
    hc_buf_free(&got);
    hc_diags_free(d);
    hc_mustache_set_free(set);
    hc_arena_free(&a);
    return ok;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : DEFAULT_DIR;
    size_t nfiles = 0, total = 0, failed = 0, num = 0, nloaded = 0;
    char **names = list_specs(dir, &nfiles);
    spec_file *files = NULL;
    int status = 1;
    if (!names) {
        printf("Bail out! cannot read spec folder %s\n", dir);
        goto out;
    }
    if (!nfiles) {
        printf("Bail out! no .yml spec files in %s\n", dir);
        goto out;
    }
    files = hc_xcalloc(nfiles, sizeof *files);
    for (; nloaded < nfiles; nloaded++) {
        files[nloaded].name = names[nloaded];
        if (!load(dir, &files[nloaded])) {
            printf("Bail out! cannot load %s/%s\n", dir, names[nloaded]);
            goto out;
        }
        total += files[nloaded].ntests;
    }
    printf("1..%zu\n", total);
    for (size_t i = 0; i < nfiles; i++)
        for (size_t k = 0; k < files[i].ntests; k++) {
            yaml_node_t *test = yaml_document_get_node(&files[i].doc, files[i].tests[k]);
            if (!run_case(&files[i], test, ++num)) failed++;
        }
    if (failed) printf("# %zu of %zu failed\n", failed, total);
    status = failed ? 1 : 0;
out:
    for (size_t i = 0; i < nloaded; i++) yaml_document_delete(&files[i].doc);
    for (size_t i = 0; i < nfiles; i++) free(names[i]);
    free(names);
    free(files);
    return status;
}
