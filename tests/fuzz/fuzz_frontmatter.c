/* fuzz_frontmatter.c — splitting a Markdown file into front matter and body
 * (src/load/frontmatter.h), and reading the front matter as the loader does.
 *
 * Input: a whole Markdown file.
 *
 * Invariants checked beyond memory safety:
 * - both slices lie inside the text, the YAML before the body, and nothing
 *   but fences (and a BOM) lies outside them;
 * - yaml_line and body_line are the 1-based lines where the slices start
 *   (an empty body at the end of a file without a final newline may be
 *   numbered one past the last line);
 * - with no front matter the body is the whole text (after a BOM), line 1;
 * - the YAML parsed from the slice (first line yaml_line, as the loader
 *   calls it) places every node, and every finding, inside the front matter:
 *   at or after yaml_line and before body_line; and a one-line plain scalar
 *   is found in the file at its node's line and column (what a finding's
 *   caret points at).
 */
#include "fuzz.h"
#include "load/frontmatter.h"
#include "load/yamlv.h"

static int line_at(const char *text, const char *p)
{
    int line = 1;
    for (const char *q = text; q < p; q++) line += *q == '\n';
    return line;
}

static void nodes_inside(const hc_fm *fm, const hc_yval *v)
{
    FUZZ_ASSERT(v->line >= fm->yaml_line && v->line < fm->body_line);
    if (v->kind == HC_Y_SCALAR && v->plain)
        FUZZ_ASSERT(fuzz_yaml_at(fm->yaml.p, fm->yaml.len, fm->yaml_line, v->line, v->col, v->str, v->len));
    for (size_t i = 0; i < v->n; i++) {
        if (v->keys) nodes_inside(fm, v->keys[i]);
        nodes_inside(fm, v->items[i]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data, *end = text + size;
    hc_fm fm;
    hc_fm_result r = hc_frontmatter_split(text, size, &fm);
    FUZZ_ASSERT(r == HC_FM_NONE || r == HC_FM_OK || r == HC_FM_UNTERMINATED);
    FUZZ_ASSERT(fm.body.p >= text && fm.body.p <= end && fm.body.len <= (size_t)(end - fm.body.p));
    FUZZ_ASSERT(fm.yaml.p >= text && fm.yaml.p <= end && fm.yaml.len <= (size_t)(end - fm.yaml.p));
    const char *start = size >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? text + 3 : text;
    if (r != HC_FM_OK) {
        /* the whole text (after a BOM) is the body */
        FUZZ_ASSERT(fm.body.p == start && fm.body.p + fm.body.len == end && fm.body_line == 1);
        FUZZ_ASSERT(fm.yaml.len == 0);
        return 0;
    }
    /* "---" line, YAML, closing line, body: the body runs to the end */
    FUZZ_ASSERT(fm.body.p + fm.body.len == end);
    FUZZ_ASSERT(fm.yaml.p + fm.yaml.len <= fm.body.p);
    FUZZ_ASSERT(!memcmp(start, "---", 3));
    FUZZ_ASSERT(fm.yaml.p > start && fm.yaml.p[-1] == '\n');
    FUZZ_ASSERT(fm.yaml.len == 0 || fm.yaml.p[fm.yaml.len - 1] == '\n');
    FUZZ_ASSERT(fm.body.p == end || fm.body.p[-1] == '\n');
    FUZZ_ASSERT(fm.yaml_line == line_at(text, fm.yaml.p));
    if (fm.body.len) FUZZ_ASSERT(fm.body_line == line_at(text, fm.body.p));   /* else it may start past the end */
    FUZZ_ASSERT(fm.body_line > fm.yaml_line);

    /* the YAML's lines are file lines: nothing found lies in the body */
    hc_diags *d = hc_diags_new();
    hc_yval *v = hc_yaml_parse("content/cases/x.md", fm.yaml.p, fm.yaml.len, fm.yaml_line, d);
    if (v) nodes_inside(&fm, v);
    for (size_t i = 0; i < hc_diags_count(d); i++) {
        const hc_diag *f = hc_diags_at(d, i);
        FUZZ_ASSERT(f->line >= fm.yaml_line && f->line < fm.body_line);
        FUZZ_ASSERT(f->col >= 1);
    }
    hc_diags_print_text(d, fuzz_devnull());
    hc_yval_free(v);
    hc_diags_free(d);
    return 0;
}
