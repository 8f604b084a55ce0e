/* kinsoku.c — Chinese line-breaking rules (避头尾) on top of pango.
 *
 * Pango 1.50 breaks lines by UAX #14, which already keeps the usual closing
 * punctuation (。，、；：？！）」』》”) off the start of a line and opening
 * punctuation (（「『《“) off its end. It still allows a break before the
 * middle dot · (U+00B7, AI class: 东区大花园·支部引领), before % ‰ ℃ after a
 * CJK character, and before a few rarer marks; and when a run it may not
 * break (说：“好。”我) is wider than the line, it falls back to breaking
 * between any two characters, even before ”. pdf_kinsoku_protect asks pango
 * where it could break (PangoLogAttr: line and character breaks) and forbids
 * each such break that the
 * Chinese rules do not allow, with an allow-breaks=FALSE attribute spanning
 * the two characters around it; the characters then move to the next line
 * together. The same mechanism keeps short codes like QJ-B-01 on one line.
 */
#include "pdf_int.h"
#include "../../base/utf8.h"
#include <stdlib.h>
#include <string.h>

int pdf_kinsoku_no_start(uint32_t cp)
{
    switch (cp) {
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B: case 0xFF1F: case 0xFF01:
    case 0xFF09: case 0x3015: case 0xFF3D: case 0xFF5D: case 0x3009: case 0x300B: case 0x300D: case 0x300F:
    case 0x3011: case 0x3017: case 0x3019: case 0x301B: case 0x201D: case 0x2019: case 0x2026: case 0x2025:
    case 0x00B7: case 0x30FB: case 0xFF65: case 0xFF05: case 0x2030: case 0x2103: case 0x00B0: case 0x3005:
    case ')': case ']': case '}': case ',': case '.': case ':': case ';': case '?': case '!': case '%':
        return 1;
    default:
        return cp >= 0xFE50 && cp <= 0xFE57;   /* small form variants of , . ; : ? ! */
    }
}

int pdf_kinsoku_no_end(uint32_t cp)
{
    switch (cp) {
    case 0xFF08: case 0x3014: case 0xFF3B: case 0xFF5B: case 0x3008: case 0x300A: case 0x300C: case 0x300E:
    case 0x3010: case 0x3016: case 0x3018: case 0x301A: case 0x201C: case 0x2018:
    case '(': case '[': case '{':
        return 1;
    default:
        return 0;
    }
}

static int code_char(int c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }

/* Is the break before text[at] inside a short code such as QJ-B-01, right
 * after a hyphen? UAX #14 allows "QJ-" | "B-01"; a number is better kept whole. */
static int in_code(const char *text, int len, int at)
{
    if (at < 2 || at >= len || text[at - 1] != '-' || !code_char((unsigned char)text[at - 2]) ||
        !code_char((unsigned char)text[at]))
        return 0;
    int s = at - 1, e = at;
    while (s > 0 && (code_char((unsigned char)text[s - 1]) || text[s - 1] == '-')) s--;
    while (e < len && (code_char((unsigned char)text[e]) || text[e] == '-')) e++;
    return e - s <= 24;
}

/* Forbids line breaks inside the bytes [start, end). */
static void keep_together(PangoAttrList *attrs, int start, int end)
{
    PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
    a->start_index = (guint)start;
    a->end_index = (guint)end;
    pango_attr_list_insert(attrs, a);
}

size_t pdf_kinsoku_protect(const char *text, int len, PangoAttrList *attrs)
{
    return pdf_kinsoku_protect_opt(text, len, attrs, 1);
}

int pdf_has_code(const char *text, int len)
{
    if (len < 0) len = (int)strlen(text);
    for (int i = 1; i + 1 < len; i++)
        if (text[i] == '-' && code_char((unsigned char)text[i - 1]) && code_char((unsigned char)text[i + 1])) return 1;
    return 0;
}

size_t pdf_kinsoku_protect_opt(const char *text, int len, PangoAttrList *attrs, int codes)
{
    if (len < 0) len = (int)strlen(text);
    glong n = g_utf8_strlen(text, len);
    if (n < 2) return 0;
    PangoLogAttr *la = g_new0(PangoLogAttr, n + 1);
    pango_get_log_attrs(text, len, -1, pango_language_from_string("zh-cn"), la, (int)n + 1);
    size_t added = 0;
    int run_start = -1, run_end = -1;          /* byte range of the protection being built */
    const char *prev = text, *p = g_utf8_next_char(text);
    uint32_t cprev = g_utf8_get_char(text);
    for (glong i = 1; i < n; i++) {
        uint32_t c = g_utf8_get_char(p);
        const char *next = g_utf8_next_char(p);
        if ((la[i].is_line_break || la[i].is_char_break) && !la[i].is_mandatory_break &&
            (pdf_kinsoku_no_start(c) || pdf_kinsoku_no_end(cprev) || (codes && in_code(text, len, (int)(p - text))))) {
            int s = (int)(prev - text), e = (int)(next - text);
            if (run_start >= 0 && s < run_end) {
                run_end = e;                   /* overlaps the last one: extend it */
            } else {
                if (run_start >= 0) {
                    keep_together(attrs, run_start, run_end);
                    added++;
                }
                run_start = s;
                run_end = e;
            }
        }
        prev = p;
        p = next;
        cprev = c;
    }
    if (run_start >= 0) {
        keep_together(attrs, run_start, run_end);
        added++;
    }
    g_free(la);
    return added;
}

size_t pdf_kinsoku_violations(PangoLayout *l)
{
    const char *text = pango_layout_get_text(l);
    size_t bad = 0;
    for (GSList *it = pango_layout_get_lines_readonly(l); it; it = it->next) {
        const PangoLayoutLine *line = it->data;
        int s = line->start_index, e = line->start_index + line->length;
        if (line->length <= 0) continue;
        /* a line that starts after a soft break (not the paragraph's first line) */
        if (!line->is_paragraph_start && pdf_kinsoku_no_start(g_utf8_get_char(text + s))) bad++;
        /* a line that ends before a soft break: its last non-space character */
        if (text[e] != '\0' && text[e] != '\n') {
            const char *q = text + e;
            while (q > text + s) {
                q = g_utf8_prev_char(q);
                if (*q != ' ') break;
            }
            if (pdf_kinsoku_no_end(g_utf8_get_char(q))) bad++;
        }
    }
    return bad;
}

void pdf_cjk_spaces(const char *text, hc_buf *out)
{
    uint32_t prev = 0;
    for (const char *p = text; *p;) {
        uint32_t c = g_utf8_get_char(p);
        const char *next = g_utf8_next_char(p);
        if (c == ' ') {
            uint32_t after = *next ? g_utf8_get_char(next) : 0;
            if (hc_utf8_is_cjk(prev) || hc_utf8_is_cjk(after)) {
                hc_buf_puts(out, "\xe2\x80\x85");   /* U+2005 FOUR-PER-EM SPACE */
                prev = c;
                p = next;
                continue;
            }
        }
        hc_buf_put(out, p, (size_t)(next - p));
        prev = c;
        p = next;
    }
}
