#include "permalink.h"
#include "../base/utf8.h"
#include <string.h>

void hc_path_project(hc_buf *out, const hc_project *p) { hc_buf_printf(out, "projects/%s/", p->id); }
void hc_path_case(hc_buf *out, const hc_doc *c) { hc_buf_printf(out, "cases/%s/", c->slug); }
void hc_path_page(hc_buf *out, const hc_doc *pg) { hc_buf_printf(out, "%s/", pg->slug); }
void hc_path_taxonomy(hc_buf *out, const hc_taxonomy *tx) { hc_buf_printf(out, "%s/", tx->kind_slug); }

void hc_path_term(hc_buf *out, const hc_taxonomy *tx, const hc_term *t, size_t page_no)
{
    hc_buf_printf(out, "%s/%s/", tx->kind_slug, t->slug);
    if (page_no > 1) hc_buf_printf(out, "page/%zu/", page_no);
}

size_t hc_path_depth(const char *dir)
{
    size_t n = 0;
    for (; *dir; dir++)
        if (*dir == '/') n++;
    return n;
}

void hc_root_prefix(hc_buf *out, const char *from_dir)
{
    for (size_t i = hc_path_depth(from_dir); i > 0; i--) hc_buf_puts(out, "../");
}

void hc_href(hc_buf *out, const char *from_dir, const char *to)
{
    hc_root_prefix(out, from_dir);
    size_t n = strlen(to);
    hc_escape_url_path(out, to, n);
    if (n == 0 || to[n - 1] == '/') hc_buf_puts(out, "index.html");
}

int hc_name_ok(const char *s, size_t n)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return 0;
    }
    return 1;
}
