/* The template contract (src/render/html/contract.h): every variable the
 * default theme's layouts and partials use resolves to a key of the table,
 * every layout file has rows of its own and every layout of the table a
 * file; and the checker itself finds what it should (unknown names, names
 * inside sections, list items, partials, changed delimiters). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/fs.h"
#include "render/html/contract.h"

#define THEME "themes/default/layouts"

/* ---- the checker on small templates ---- */

typedef struct {
    const char *name, *text;   /* one partial */
} one_partial;

static const char *load_one(void *arg, const char *name, const char **path, size_t *len)
{
    const one_partial *p = arg;
    if (!p || strcmp(name, p->name)) return NULL;
    *path = "partial.mustache";
    *len = strlen(p->text);
    return p->text;
}

static size_t unknown(const char *layout, const char *text, const one_partial *partial)
{
    hc_diags *d = hc_diags_new();
    size_t n = hc_contract_check(layout, "t.mustache", text, strlen(text), load_one, (void *)partial, d);
    assert_int_equal(hc_diags_count_rule(d, "template-contract"), n);
    hc_diags_free(d);
    return n;
}

static void checker_resolves_like_mustache(void **st)
{
    (void)st;
    assert_int_equal(unknown("project", "{{site.title}} {{root}} {{page_title}}", NULL), 0);
    assert_int_equal(unknown("project", "{{nosuch}}", NULL), 1);
    assert_int_equal(unknown("project", "{{site.nosuch}} {{p.status.bogus}}", NULL), 2);
    /* inside a section: the section's value first, then further out */
    assert_int_equal(unknown("project", "{{#p}}{{name}} {{status.color}} {{root}}{{/p}}", NULL), 0);
    assert_int_equal(unknown("project", "{{#p}}{{nosuch}}{{/p}}", NULL), 1);
    /* a list's items; digits pick one */
    assert_int_equal(unknown("project", "{{#milestones}}{{date_zh}} {{state}}{{/milestones}}", NULL), 0);
    assert_int_equal(unknown("project", "{{#photos.1.src}}{{root}}{{/photos.1.src}} {{cases.0.url}}", NULL), 0);
    assert_int_equal(unknown("project", "{{cases.0.nosuch}}", NULL), 1);
    /* a key of another layout is not this one's */
    assert_int_equal(unknown("schedule", "{{#milestones}}{{date_table}}{{/milestones}}", NULL), 2);   /* both */
    assert_int_equal(unknown("schedule", "{{#units}}{{#milestones}}{{date_table}}{{/milestones}}{{/units}}", NULL), 0);
    /* inverted sections are checked, and open no context */
    assert_int_equal(unknown("home", "{{^nosuch}}x{{/nosuch}}", NULL), 1);
    assert_int_equal(unknown("home", "{{^banner}}{{alt}}{{/banner}}", NULL), 1);
    /* comments are not variables; triple and & are */
    assert_int_equal(unknown("home", "{{! {{nosuch}} }}", NULL), 0);
    assert_int_equal(unknown("page", "{{{body}}} {{&body}} {{{nosuch}}}", NULL), 1);
    /* changed delimiters */
    assert_int_equal(unknown("page", "{{=<% %>=}}<% body %> <% nosuch %>", NULL), 1);
    /* partials are checked in the context they are included in */
    one_partial pp = { "card", "{{name}} {{status.fg}} {{bogus}}" };
    assert_int_equal(unknown("list", "{{#projects}}{{>card}}{{/projects}}", &pp), 1);
    assert_int_equal(unknown("list", "{{>card}}", &pp), 3);
    /* parents too, with the blocks */
    one_partial parent = { "base", "{{site.title}}{{$main}}{{/main}}{{nosuch}}" };
    assert_int_equal(unknown("page", "{{<base}}{{$main}}{{{body}}}{{/main}}{{/base}}", &parent), 1);
    /* body images: an image value and root, not the page's values */
    assert_int_equal(unknown("partials/figure", "{{root}}{{full}}{{#webp}}{{url}} {{w}}{{/webp}}{{caption}}", NULL), 0);
    assert_int_equal(unknown("partials/figure", "{{page_title}} {{site.title}}", NULL), 2);
}

/* ---- the default theme ---- */

typedef struct {
    char reached[64][64];   /* partials some layout includes */
    size_t nreached;
    char *texts[4096];      /* every text loaded: a partial's is scanned while it includes others */
    char *paths[4096];
    size_t ntexts;
} theme_walk;

static const char *load_theme(void *arg, const char *name, const char **path, size_t *len)
{
    theme_walk *w = arg;
    const char *dirs[] = { THEME "/partials", THEME };
    for (size_t i = 0; i < 2 && w->ntexts < 4096; i++) {
        hc_buf p = HC_BUF_INIT, text = HC_BUF_INIT;
        hc_buf_printf(&p, "%s/%s.mustache", dirs[i], name);
        if (hc_fs_read(hc_buf_cstr(&p), &text) != 0) {
            hc_buf_free(&p);
            hc_buf_free(&text);
            continue;
        }
        if (i == 0 && w->nreached < 64) snprintf(w->reached[w->nreached++], sizeof w->reached[0], "%s", name);
        *len = text.len;
        hc_buf_puts(&text, "");   /* never NULL */
        w->paths[w->ntexts] = hc_buf_detach(&p, NULL);
        w->texts[w->ntexts] = hc_buf_detach(&text, NULL);
        *path = w->paths[w->ntexts];
        return w->texts[w->ntexts++];
    }
    return NULL;
}

static int has_rows(const char *scope)
{
    size_t n;
    const hc_contract_row *r = hc_contract_rows(&n);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(r[i].scope, scope)) return 1;
    return 0;
}

/* The names (without .mustache) of the files in dir, sorted. */
static size_t list_templates(const char *dir, char names[][64], size_t max)
{
    DIR *dd = opendir(dir);
    assert_non_null(dd);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dd)) && n < max) {
        size_t l = strlen(e->d_name);
        if (l > 9 && l < 64 && !strcmp(e->d_name + l - 9, ".mustache")) {
            memcpy(names[n], e->d_name, l - 9);
            names[n++][l - 9] = '\0';
        }
    }
    closedir(dd);
    return n;
}

static size_t check_file(const char *layout, const char *path, theme_walk *w, hc_diags *d)
{
    hc_buf text = HC_BUF_INIT;
    assert_int_equal(hc_fs_read(path, &text), 0);
    size_t n = hc_contract_check(layout, path, hc_buf_cstr(&text), text.len, load_theme, w, d);
    hc_buf_free(&text);
    return n;
}

static void default_theme_uses_only_the_contract(void **st)
{
    (void)st;
    static char layouts[64][64], partials[64][64];
    size_t nl = list_templates(THEME, layouts, 64), np = list_templates(THEME "/partials", partials, 64);
    assert_true(nl >= 12);
    assert_true(np >= 5);
    static theme_walk w;
    hc_diags *d = hc_diags_new();
    size_t bad = 0, checked = 0;
    for (size_t i = 0; i < nl; i++) {
        if (!strcmp(layouts[i], "baseof")) continue;   /* a parent: checked through each layout */
        hc_buf path = HC_BUF_INIT;
        hc_buf_printf(&path, THEME "/%s.mustache", layouts[i]);
        if (!has_rows(layouts[i]) || !hc_contract_is_layout(layouts[i])) {
            fprintf(stderr, "# %s: the contract has no rows for layout %s (src/render/html/contract.c)\n",
                    hc_buf_cstr(&path), layouts[i]);
            bad++;
        }
        bad += check_file(layouts[i], hc_buf_cstr(&path), &w, d);
        checked++;
        hc_buf_free(&path);
    }
    /* a partial no layout includes is rendered by the C code with values of
     * its own (figure, picture): it must have rows under its own name */
    for (size_t i = 0; i < np; i++) {
        int reached = 0;
        char scope[80];
        snprintf(scope, sizeof scope, "partials/%s", partials[i]);
        for (size_t k = 0; k < w.nreached; k++) reached |= !strcmp(w.reached[k], partials[i]);
        if (reached && !has_rows(scope)) continue;
        if (!has_rows(scope)) {
            fprintf(stderr, "# partials/%s.mustache: no layout includes it and the contract has no rows for it\n",
                    partials[i]);
            bad++;
            continue;
        }
        hc_buf path = HC_BUF_INIT;
        hc_buf_printf(&path, THEME "/partials/%s.mustache", partials[i]);
        bad += check_file(scope, hc_buf_cstr(&path), &w, d);
        checked++;
        hc_buf_free(&path);
    }
    if (hc_diags_count(d)) hc_diags_print_text(d, stderr);
    hc_diags_free(d);
    for (size_t i = 0; i < w.ntexts; i++) {
        free(w.texts[i]);
        free(w.paths[i]);
    }
    assert_true(checked >= nl - 1);
    assert_int_equal(bad, 0);
}

/* Every layout the table names has its file in the default theme (or, for a
 * body image, a partial). */
static void every_layout_of_the_table_is_in_the_theme(void **st)
{
    (void)st;
    size_t n;
    const hc_contract_row *r = hc_contract_rows(&n);
    assert_true(n > 100);
    for (size_t i = 0; i < n; i++) {
        if (!hc_contract_is_layout(r[i].scope)) continue;
        hc_buf a = HC_BUF_INIT, t = HC_BUF_INIT;
        hc_buf_printf(&a, THEME "/%s.mustache", r[i].scope);   /* "partials/figure" too */
        int found = hc_fs_read(hc_buf_cstr(&a), &t) == 0;
        if (!found) fprintf(stderr, "# the contract names layout %s: no such template\n", r[i].scope);
        assert_true(found);
        assert_non_null(r[i].meaning);
        hc_buf_free(&a);
        hc_buf_free(&t);
    }
}

/* The keys of a page's values, as HUACE_CONTRACT_DUMP writes them. */
static void paths_of_values(void **st)
{
    (void)st;
    hc_arena a = HC_ARENA_INIT;
    hc_tv *v = hc_tv_map(&a), *l = hc_tv_list(&a), *e = hc_tv_map(&a), *s = hc_tv_map(&a);
    hc_tv_set_num(&a, e, "b", 1);
    hc_tv_push(&a, l, e);
    hc_tv_push(&a, l, hc_tv_map(&a));
    hc_tv_set(&a, v, "a", l);
    hc_tv_set_str(&a, s, "title", "x");
    hc_tv_set(&a, v, "site", s);
    hc_tv_set(&a, v, "tags", hc_tv_list(&a));
    hc_buf out = HC_BUF_INIT;
    hc_contract_paths(v, "home", &out);
    assert_string_equal(hc_buf_cstr(&out), "home\ta\nhome\ta[]\nhome\ta[].b\nhome\tsite\nhome\tsite.title\n"
                                           "home\ttags\nhome\ttags[]\n");
    hc_buf_free(&out);
    hc_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(checker_resolves_like_mustache),
        cmocka_unit_test(default_theme_uses_only_the_contract),
        cmocka_unit_test(every_layout_of_the_table_is_in_the_theme),
        cmocka_unit_test(paths_of_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
