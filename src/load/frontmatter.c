#include "frontmatter.h"
#include <string.h>

/* Length of the line at p (without its newline) and where the next one starts. */
static size_t line_end(const char *p, const char *end, const char **next)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *next = nl ? nl + 1 : end;
    return (size_t)((nl ? nl : end) - p);
}

static int is_fence(const char *p, size_t n, int closing)
{
    while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
    if (n != 3) return 0;
    return memcmp(p, "---", 3) == 0 || (closing && memcmp(p, "...", 3) == 0);
}

hc_fm_result hc_frontmatter_split(const char *text, size_t len, hc_fm *out)
{
    const char *p = text, *end = text + len, *next;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
    out->yaml = (hc_slice){ p, 0 };
    out->yaml_line = 0;
    out->body = (hc_slice){ p, (size_t)(end - p) };
    out->body_line = 1;
    if (!is_fence(p, line_end(p, end, &next), 0)) return HC_FM_NONE;
    const char *ystart = next;
    int line = 2;
    for (const char *q = next; q < end; q = next, line++) {
        size_t n = line_end(q, end, &next);
        if (is_fence(q, n, 1)) {
            out->yaml = (hc_slice){ ystart, (size_t)(q - ystart) };
            out->yaml_line = 2;
            out->body = (hc_slice){ next, (size_t)(end - next) };
            out->body_line = line + 1;
            return HC_FM_OK;
        }
    }
    return HC_FM_UNTERMINATED;
}
