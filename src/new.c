/* new.c — huace new: a new case study or project file to fill in.
 *
 * The file is made from what the site already declares (its townships, the
 * seeds' domains, levels and statuses), so the comments in it list the
 * values that are allowed. A case study starts as a draft. An existing file
 * is never overwritten.
 */
#include "new.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/diag.h"
#include "base/fs.h"
#include "base/utf8.h"
#include "load/load.h"
#include "model/model.h"
#include "model/permalink.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* text from the site's own files, made safe for one comment line */
static void put_comment_text(hc_buf *b, const char *s)
{
    for (; *s; s++) hc_buf_putc(b, (unsigned char)*s < 0x20 ? ' ' : *s);
}

/* The date a new case study gets: --today, SOURCE_DATE_EPOCH, else today's
 * local date (this writes a source file for a person to edit, not output). */
static int new_date(const hc_opts *o, char out[11])
{
    int days;
    if (hc_cli_today(o, &days) != 0) return -1;
    if (days == HC_NO_DATE) {
        time_t t = time(NULL);
        struct tm tm;
        localtime_r(&t, &tm);
        days = hc_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    }
    hc_date_format(days, out);
    return 0;
}

static void case_text(const hc_model *m, const char *date, hc_buf *b)
{
    hc_buf_printf(b, "---\ntitle: \"（标题）\"\ndate: %s\n", date);
    hc_buf_puts(b, "# township: 乡镇（街道），site.yaml 里登记的：");
    for (size_t i = 0; i < m->config.ntownships; i++) {
        if (i) hc_buf_puts(b, "、");
        put_comment_text(b, m->config.townships[i].name);
    }
    hc_buf_printf(b, "\n# projects: [%s]   所属示范项目的挂号（content/projects/ 里的 id）\n",
                  m->nprojects ? m->projects[0].id : "QJ-B-01");
    hc_buf_puts(b, "# tags: [标签一, 标签二]\n"
                   "# summary: 一句话摘要；不写就取正文开头\n"
                   "# 照片：正文里单独成段写 ![照片内容](../../assets/photos/名字.jpg \"图注\")，就排成带图注的插图；\n"
                   "#   路径相对本文件写，或从站点根写成 /assets/photos/名字.jpg（手机原图即可，发布时自动转正、去掉位置信息）\n"
                   "draft: true   # 写好后改成 false，下次构建才会发布\n"
                   "---\n"
                   "（正文，用 Markdown 写：空行分段，## 小标题，- 列表，**加粗**。）\n");
}

static void project_text(const hc_model *m, const char *id, size_t domain, hc_buf *b)
{
    const hc_standards *s = &m->std;
    hc_buf_printf(b, "# 挂号 %s\nid: %s\nname: \"（单位名称）\"\ndomain: %s   # ", id, id, s->domains[domain].key);
    put_comment_text(b, s->domains[domain].name);
    hc_buf_puts(b, "\n# level:");
    for (size_t i = 0; i < s->nlevels; i++) {
        hc_buf_printf(b, " %s（", s->levels[i].key);
        put_comment_text(b, s->levels[i].name);
        hc_buf_puts(b, "）");
    }
    hc_buf_puts(b, "\n# status:");
    for (size_t i = 0; i < s->nstatuses; i++) {
        hc_buf_printf(b, " %s（", s->statuses[i].key);
        put_comment_text(b, s->statuses[i].name);
        hc_buf_puts(b, "）");
    }
    hc_buf_puts(b, "\n# townships: [\"");
    if (m->config.ntownships) put_comment_text(b, m->config.townships[0].name);
    hc_buf_puts(b, "\"]\n"
                   "# lead: {name: \"姓名\", title: \"职务\"}\n"
                   "# milestones:\n"
                   "#   - {date: YYYY-MM-DD, title: \"节点任务\", done: false}\n"
                   "# summary: \"一段话介绍\"\n"
                   "# photos:   照片（手机原图即可），放在 assets/photos/ 下；第一张是页面头图\n"
                   "#   - {src: assets/photos/名字.jpg, alt: \"照片里是什么（给读屏软件）\", caption: \"图注\"}\n"
                   "# 其余的键（nodes、route、supervision 等）见 README 的 Projects 一节\n");
    if (s->nitems) hc_buf_puts(b, "standard:   # 十个一：做到一项改成 true\n");
    for (size_t i = 0; i < s->nitems; i++) {
        hc_buf_printf(b, "  %s: false   # ", s->items[i].key);
        put_comment_text(b, s->items[i].name);
        hc_buf_putc(b, '\n');
    }
}

/* The arguments: 'case SLUG' or 'project ID --domain DOMAIN', with a name
 * fit for a URL and a file name. Returns 0, or 2 after a usage error. */
static int check_args(const hc_opts *o)
{
    if (o->nargs != 2 || (strcmp(o->args[0], "case") && strcmp(o->args[0], "project")))
        return hc_cli_usage("new", "say what to make: 'new case SLUG' or 'new project ID --domain DOMAIN'%s", "");
    const char *name = o->args[1];
    int is_case = !strcmp(o->args[0], "case"), rc = 0;
    hc_buf why = HC_BUF_INIT;
    if (!hc_name_check(name, strlen(name), HC_NAME_ASCII, &why)) {
        hc_buf msg = HC_BUF_INIT;
        hc_buf_puts(&msg, is_case ? "the case study's name '" : "project id '");
        hc_escape_shown(&msg, name, strlen(name));
        hc_buf_printf(&msg, "' becomes %s, but it %s", is_case ? "its URL" : "a folder name of the site", hc_buf_cstr(&why));
        rc = hc_cli_usage("new", "%s", hc_buf_cstr(&msg));
        hc_buf_free(&msg);
    } else if (is_case && o->domain) {
        rc = hc_cli_usage("new", "--domain is for projects, not case studies%s", "");
    } else if (!is_case && !o->domain) {
        rc = hc_cli_usage("new", "a project needs --domain DOMAIN (its 创建领域)%s", "");
    }
    hc_buf_free(&why);
    return rc;
}

/* The file for project id in the domain --domain names: its path (below
 * SRC) and text. Returns 0, or -1 having said why (an unknown domain, an id
 * the site has). */
static int project_file(const hc_model *m, const hc_opts *o, const char *id, hc_buf *path, hc_buf *text)
{
    size_t domain = HC_NONE;
    for (size_t i = 0; i < m->std.ndomains; i++)
        if (!strcmp(m->std.domains[i].key, o->domain)) domain = i;
    if (domain == HC_NONE) {
        fprintf(stderr, "huace new: error: unknown domain '%s' (seeds/standards.yaml has:", o->domain);
        for (size_t i = 0; i < m->std.ndomains; i++) fprintf(stderr, " %s", m->std.domains[i].key);
        fprintf(stderr, "%s)\n", m->std.ndomains ? "" : " none");
        return -1;
    }
    for (size_t i = 0; i < m->nprojects; i++)
        if (m->projects[i].id && !strcmp(m->projects[i].id, id)) {
            fprintf(stderr, "huace new: error: %s already has project %s\n", m->projects[i].path, id);
            return -1;
        }
    hc_buf_puts(path, "content/projects/");
    for (const char *c = id; *c; c++) hc_buf_putc(path, (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c));
    hc_buf_puts(path, ".yaml");
    project_text(m, id, domain, text);
    return 0;
}

int hc_cmd_new(const hc_opts *o)
{
    int rc = check_args(o);
    hc_buf path = HC_BUF_INIT, text = HC_BUF_INIT;
    hc_model *m = NULL;
    hc_diags *d = NULL;
    char date[11];
    if (rc) return rc;
    if (new_date(o, date) != 0) return 2;
    rc = 1;
    const char *name = o->args[1];
    int is_case = !strcmp(o->args[0], "case");

    hc_buf_printf(&path, "%s/site.yaml", o->src);
    if (!hc_fs_exists(hc_buf_cstr(&path))) {
        fprintf(stderr, "huace new: error: no site.yaml in '%s': is this a huace site folder? (-s SRC)\n", o->src);
        goto out;
    }
    d = hc_diags_new();
    m = hc_model_new(o->src);
    hc_load_opts lo = { .drafts = 1, .jobs = hc_cli_jobs(o) };
    hc_load_site(m, &lo, d);   /* the site's own errors are for build and check to report */

    hc_buf_reset(&path);
    if (is_case) {
        hc_buf_printf(&path, "content/cases/%s.md", name);
        case_text(m, date, &text);
    } else if (project_file(m, o, name, &path, &text) != 0) {
        goto out;
    }
    hc_buf full = HC_BUF_INIT;
    hc_buf_printf(&full, "%s/%s", o->src, hc_buf_cstr(&path));
    int made = hc_fs_create(hc_buf_cstr(&full), text.data, text.len);
    int e = errno;
    hc_buf_free(&full);
    if (made != 0) {
        fprintf(stderr, "huace new: error: %s: %s\n", hc_buf_cstr(&path),
                e == EEXIST ? "already exists (left as it is)" : strerror(e));
        goto out;
    }
    if (!o->quiet)
        printf("huace new: wrote %s%s\n", hc_buf_cstr(&path),
               is_case ? " (a draft: set draft: false when it is ready to publish)" : "");
    rc = 0;
out:
    hc_model_free(m);
    hc_diags_free(d);
    hc_buf_free(&path);
    hc_buf_free(&text);
    return rc;
}
