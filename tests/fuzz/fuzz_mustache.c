/* fuzz_mustache.c — the Mustache engine (src/tmpl/mustache.h): parsing
 * templates and partials, and rendering them.
 *
 * Input: templates separated by NUL bytes. The first is the page, named
 * "page"; the next ones are named, in order, "partial", "baseof", "badge",
 * "card-case", "card-project" and "pager" (the default theme's names, so
 * that its layouts, which the seeds are made of, find their parents and
 * partials). Any further NULs stay in the last template. Each is added to one
 * set; "page" is then rendered against a small fixed data tree (made once)
 * shaped like the theme's page contexts, and against nothing.
 *
 * As huace does, the set is checked once filled (hc_mustache_set_check): a
 * set with templates that include one another unconditionally is an error
 * and is not rendered. Renders get a small budget (1 MB, 200,000 ops), so
 * recursion through sections ends in milliseconds instead of the default's
 * seconds.
 *
 * Invariants checked beyond memory safety:
 * - a template that fails to parse is reported (with a located error) and
 *   leaves the set as it was;
 * - the check reports exactly when it fails;
 * - rendering "page" succeeds exactly when it is in the set, or stops at the
 *   budget (HC_MUSTACHE_TOO_BIG), and leaves the buffer untouched when it
 *   does not succeed;
 * - rendering is deterministic: the same set and data give the same bytes.
 */
#include "fuzz.h"
#include "base/arena.h"
#include "tmpl/mustache.h"
#include "tmpl/value.h"

static const char *const names[] = { "page", "partial", "baseof", "badge", "card-case", "card-project", "pager" };
#define NNAMES (sizeof names / sizeof names[0])

static hc_arena arena = HC_ARENA_INIT;
static hc_tv *data;

static hc_tv *status(hc_arena *a, const char *key, const char *name, const char *color)
{
    hc_tv *s = hc_tv_map(a);
    hc_tv_set_str(a, s, "key", key);
    hc_tv_set_str(a, s, "name", name);
    hc_tv_set_str(a, s, "meaning", "创建任务全部完成");
    hc_tv_set_str(a, s, "color", color);
    hc_tv_set_str(a, s, "fg", "#ffffff");
    return s;
}

static hc_tv *card(hc_arena *a, const char *id, const char *name, hc_tv *st)
{
    hc_tv *c = hc_tv_map(a);
    hc_tv_set_str(a, c, "id", id);
    hc_tv_set_str(a, c, "name", name);
    hc_tv_set_str(a, c, "title", name);
    hc_tv_set_str(a, c, "url", "projects/QJ-B-07/index.html");
    hc_tv_set_str(a, c, "date", "2026-10-12");
    hc_tv_set_str(a, c, "date_zh", "2026年10月12日");
    hc_tv_set_str(a, c, "summary", "杜泽镇把示范带的进度画成<红黄蓝>三色作战图 & \"挂\" '墙'");
    hc_tv_set(a, c, "status", st);
    hc_tv_set_num(a, c, "words", 1234);
    hc_tv_set_num(a, c, "minutes", 4);
    hc_tv_set_bool(a, c, "done", id[4] == 'B');
    return c;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    hc_arena *a = &arena;
    hc_tv *red = status(a, "red", "已完成", "#c8102e"), *blue = status(a, "blue", "谋划中", "#1f5fa8");
    hc_tv *site = hc_tv_map(a);
    hc_tv_set_str(a, site, "title", "衢江区“双全”示范创建展示");
    hc_tv_set_str(a, site, "lang", "zh-CN");
    hc_tv_set_str(a, site, "author", "中共衢江区委组织部");
    hc_tv_set_str(a, site, "build_date", "2026-11-25");
    hc_tv_set_str(a, site, "css", "static/css/site.css");
    hc_tv_set_bool(a, site, "print", 1);
    hc_tv *nav = hc_tv_list(a), *statuses = hc_tv_list(a);
    hc_tv_push(a, nav, card(a, "QJ-B-07", "项目", red));
    hc_tv_push(a, nav, card(a, "QJ-C-02", "案例", blue));
    hc_tv_push(a, statuses, red);
    hc_tv_push(a, statuses, blue);
    hc_tv_set(a, site, "nav", nav);
    hc_tv_set(a, site, "statuses", statuses);

    hc_tv *d = hc_tv_map(a);
    hc_tv_set(a, d, "site", site);
    hc_tv_set_str(a, d, "root", "../../");
    hc_tv_set_str(a, d, "page_title", "杜泽镇：挂在墙上的作战图");
    hc_tv_set_str(a, d, "description", "<script>alert('x')</script>");
    hc_tv_set_str(a, d, "body", "<p>正文 <a href=\"../x/index.html\">链接</a></p>\n<pre>  缩进\n</pre>");
    hc_tv *projects = hc_tv_list(a), *cases = hc_tv_list(a), *empty = hc_tv_list(a);
    hc_tv_push(a, projects, card(a, "QJ-B-07", "老街新韵", red));
    hc_tv_push(a, projects, card(a, "QJ-C-02", "两新组织党建示范圈", blue));
    hc_tv_push(a, cases, card(a, "duze-battle-map", "杜泽镇：挂在墙上的作战图", red));
    hc_tv_set(a, d, "projects", projects);
    hc_tv_set(a, d, "cases", cases);
    hc_tv_set(a, d, "items", empty);
    hc_tv_set(a, d, "c", card(a, "duze-battle-map", "杜泽镇", red));
    hc_tv_set(a, d, "p", card(a, "QJ-B-07", "老街新韵", red));
    hc_tv_set(a, d, "status", red);
    hc_tv_set_num(a, d, "count", 0);
    hc_tv_set_num(a, d, "n", 3);
    hc_tv_set_num(a, d, "percent", 37.5);
    hc_tv_set_num(a, d, "width", 1e300);
    hc_tv_set_bool(a, d, "overdue", 1);
    hc_tv_set_bool(a, d, "late", 0);
    hc_tv_set(a, d, "nothing", hc_tv_null(a));
    hc_tv_set_str(a, d, "empty", "");
    data = d;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *in, size_t size)
{
    const char *text = (const char *)in, *end = text + size;
    hc_mustache_set *s = hc_mustache_set_new();
    hc_diags *d = hc_diags_new();
    for (size_t i = 0; i < NNAMES && text <= end; i++) {
        const char *nul = i + 1 < NNAMES ? memchr(text, '\0', (size_t)(end - text)) : NULL;
        size_t n = nul ? (size_t)(nul - text) : (size_t)(end - text);
        int had = hc_mustache_set_has(s, names[i]);
        size_t errors = hc_diags_errors(d);
        if (hc_mustache_set_add(s, names[i], "themes/default/layouts/x.mustache", text, n, d) != 0) {
            FUZZ_ASSERT(hc_diags_errors(d) == errors + 1);
            FUZZ_ASSERT(hc_mustache_set_has(s, names[i]) == had);
        } else {
            FUZZ_ASSERT(hc_diags_errors(d) == errors && hc_mustache_set_has(s, names[i]));
        }
        if (!nul) break;
        text = nul + 1;
    }
    hc_buf a = HC_BUF_INIT, b = HC_BUF_INIT;
    size_t before = hc_diags_errors(d);
    int checked = hc_mustache_set_check(s, d);
    FUZZ_ASSERT(checked == 0 ? hc_diags_errors(d) == before : hc_diags_errors(d) > before);
    if (checked != 0) goto out;   /* huace stops here: the build fails with the located error */
    hc_mustache_set_budget(s, (size_t)1 << 20, 200000);
    hc_buf_puts(&a, "<");
    int has = hc_mustache_set_has(s, "page");
    int rc = hc_mustache_render(s, "page", data, &a);
    FUZZ_ASSERT(has ? (rc == 0 || rc == HC_MUSTACHE_TOO_BIG) : rc == -1);
    if (rc != 0) FUZZ_ASSERT(a.len == 1);
    hc_buf_puts(&b, "<");
    FUZZ_ASSERT(hc_mustache_render(s, "page", data, &b) == rc);
    FUZZ_ASSERT(a.len == b.len && !memcmp(a.data, b.data, a.len));
    hc_buf_reset(&a);
    hc_mustache_render(s, "page", NULL, &a);
out:
    hc_diags_print_text(d, fuzz_devnull());
    hc_buf_free(&a);
    hc_buf_free(&b);
    hc_diags_free(d);
    hc_mustache_set_free(s);
    return 0;
}
