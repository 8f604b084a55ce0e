/* html2markup.c — the HTML subset cmark writes → blocks of pango markup.
 *
 * The model keeps a document's body only as HTML (rendered by cmark). The
 * album needs it as paragraphs it can flow and break across columns, so this
 * file reads that HTML back: a small tokenizer (text, tags, comments, entity
 * references) and a state machine that builds one block per paragraph,
 * heading, list item, code block, image or rule. Inline tags become pango
 * markup; every piece of text is escaped again, so the markup always parses.
 * White space is folded as a browser would, except that a line break between
 * two CJK characters disappears instead of becoming a space.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../../base/utf8.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void pdf_markup_escape(hc_buf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': hc_buf_puts(out, "&amp;"); break;
        case '<': hc_buf_puts(out, "&lt;"); break;
        case '>': hc_buf_puts(out, "&gt;"); break;
        case '"': hc_buf_puts(out, "&quot;"); break;
        case '\'': hc_buf_puts(out, "&#39;"); break;
        default: hc_buf_putc(out, s[i]);
        }
    }
}

enum { IN_B, IN_I, IN_CODE, IN_A, IN_MAX = 32, LIST_MAX = 16 };

typedef struct {
    const pdf_fontset *fs;
    pdf_blocks *out;
    int open;                   /* a text block is being built */
    pdf_block cur;               /* kind, level, depth, quote, marker of it */
    hc_buf mk;
    size_t text_len;
    pdf_blk_link *links; size_t nlinks, caplinks;
    int ws, ws_nl;              /* white space waiting to be decided */
    uint32_t last;              /* last character of the block's text, 0 if none */
    int pre, skip;
    size_t pre_lines;           /* newlines in the open code block */
    size_t run;                 /* characters since the last break opportunity */
    int inl[IN_MAX]; int ninl;  /* open inline tags */
    int link_open; size_t link_at; char *link_href;
    struct { int ordered; long next; } lists[LIST_MAX]; int nlists;
    char *marker;               /* list marker waiting for the item's first block */
    int quote;
    pdf_block *imgs; size_t nimgs, capimgs;   /* images met inside the open block */
} state;

static int cjkish(uint32_t c)
{
    return hc_utf8_is_cjk(c) || (c >= 0x2018 && c <= 0x201F) || c == 0x2014 || c == 0x2026 || c == 0x00B7;
}

/* Full-width punctuation carries its own space: none is added next to it. */
static int fullwidth_punct(uint32_t c)
{
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
           (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || (c >= 0x2018 && c <= 0x201F) ||
           c == 0x2014 || c == 0x2026;
}

static pdf_block *push_block(pdf_blocks *b)
{
    b->v = hc_xgrow(b->v, &b->cap, b->n + 1, sizeof *b->v);
    pdf_block *k = &b->v[b->n++];
    memset(k, 0, sizeof *k);
    return k;
}

/* Records the open link as ending here. */
static void end_link(state *s)
{
    if (!s->link_open) return;
    s->links = hc_xgrow(s->links, &s->caplinks, s->nlinks + 1, sizeof *s->links);
    size_t at = s->link_at == (size_t)-1 ? s->text_len : s->link_at;
    s->links[s->nlinks++] = (pdf_blk_link){ at, s->text_len, s->link_href };
    s->link_href = NULL;
    s->link_open = 0;
}

static void close_inline(state *s)
{
    while (s->ninl > 0) {
        int t = s->inl[--s->ninl];
        hc_buf_puts(&s->mk, "</span>");
        if (t == IN_A) end_link(s);
    }
}

static void flush(state *s)
{
    if (s->open) {
        close_inline(s);
        if (s->cur.kind == PDF_BLK_PRE)   /* drop the newline before </code></pre> */
            while (s->mk.len && s->mk.data[s->mk.len - 1] == '\n') {
                hc_buf_truncate(&s->mk, s->mk.len - 1);
                s->text_len--;
            }
        if (s->text_len > 0 || s->cur.kind == PDF_BLK_PRE) {
            pdf_block *k = push_block(s->out);
            *k = s->cur;
            k->markup = hc_buf_detach(&s->mk, NULL);
            k->text_len = s->text_len;
            k->links = s->links;
            k->nlinks = s->nlinks;
            s->links = NULL;
            s->nlinks = s->caplinks = 0;
        } else {
            if (s->cur.marker && !s->marker) s->marker = s->cur.marker;   /* still waiting for text */
            else free(s->cur.marker);
            hc_buf_reset(&s->mk);
            for (size_t i = 0; i < s->nlinks; i++) free(s->links[i].href);
            s->nlinks = 0;
        }
        s->open = 0;
    }
    for (size_t i = 0; i < s->nimgs; i++) *push_block(s->out) = s->imgs[i];
    s->nimgs = 0;
    free(s->link_href);
    s->link_href = NULL;
    s->link_open = 0;
    s->ws = s->ws_nl = 0;
    s->last = 0;
}

static void begin(state *s, pdf_blk_kind kind, int level)
{
    flush(s);
    memset(&s->cur, 0, sizeof s->cur);
    s->cur.kind = kind;
    s->cur.level = level;
    s->cur.depth = s->nlists;
    s->cur.quote = s->quote;
    if (s->marker && (kind == PDF_BLK_P || kind == PDF_BLK_LI)) {
        s->cur.kind = PDF_BLK_LI;
        s->cur.marker = s->marker;
        s->marker = NULL;
    } else if (kind == PDF_BLK_P && s->nlists > 0) {
        s->cur.kind = PDF_BLK_LI;          /* a later paragraph of a list item */
    }
    s->open = 1;
    s->text_len = 0;
    s->run = 0;
}

static void put_char(state *s, uint32_t c)
{
    if (c < 0x20 && c != '\n' && c != '\t') return;
    if (c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (s->pre) {
        if (!s->open) {
            begin(s, PDF_BLK_PRE, 0);
            s->pre_lines = 0;
        }
        if (c == '\n' && s->text_len == 0 && !s->cur.cont) return;   /* newline right after <pre><code> */
        if (c == '\n' && ++s->pre_lines == PDF_PRE_CHUNK) {
            /* a long listing goes on in a new block: this newline ends the piece */
            flush(s);
            begin(s, PDF_BLK_PRE, 0);
            s->cur.cont = 1;
            s->pre_lines = 0;
            return;
        }
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        s->ws = 1;
        if (c == '\n') s->ws_nl = 1;
        return;
    } else {
        if (!s->open) begin(s, PDF_BLK_P, 0);
        int both = cjkish(s->last) && cjkish(c);
        if (s->ws && s->last && s->last != '\n' && !(both && (s->ws_nl || fullwidth_punct(s->last) || fullwidth_punct(c)))) {
            if (cjkish(s->last) || cjkish(c)) {
                /* between Chinese and Latin: a quarter em that justification does not stretch */
                hc_buf_puts(&s->mk, "\xe2\x80\x85");   /* U+2005 */
                s->text_len += 3;
            } else {
                hc_buf_putc(&s->mk, ' ');
                s->text_len++;
            }
        }
        s->ws = s->ws_nl = 0;
    }
    if (s->link_open && s->link_at == (size_t)-1) s->link_at = s->text_len;
    /* a break opportunity inside a long word (see PDF_WORD_CHUNK); spaces,
     * newlines and CJK characters are break opportunities of their own */
    if (c == ' ' || c == '\n' || c == '\t' || cjkish(c)) {
        s->run = 0;
    } else if (++s->run > PDF_WORD_CHUNK) {
        hc_buf_puts(&s->mk, "\xe2\x80\x8b");   /* U+200B ZERO WIDTH SPACE */
        s->text_len += 3;
    }
    char u[8];
    int n = g_unichar_to_utf8(c, u);
    pdf_markup_escape(&s->mk, u, (size_t)n);
    s->text_len += (size_t)n;
    s->last = c;
}

/* Decodes one entity reference at p (after '&'); returns the character and
 * the length consumed (after '&'), or 0 if it is not one we know. */
static uint32_t entity(const char *p, size_t *used)
{
    static const struct { const char *name; uint32_t cp; } named[] = {
        { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' }, { "nbsp", 0xA0 },
        { "mdash", 0x2014 }, { "ndash", 0x2013 }, { "hellip", 0x2026 }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
        { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "middot", 0xB7 }, { "copy", 0xA9 }, { NULL, 0 },
    };
    const char *semi = strchr(p, ';');
    if (!semi || semi - p > 10 || semi == p) return 0;
    size_t n = (size_t)(semi - p);
    if (p[0] == '#') {
        char *end;
        unsigned long v = (p[1] == 'x' || p[1] == 'X') ? strtoul(p + 2, &end, 16) : strtoul(p + 1, &end, 10);
        if (end != semi || v == 0 || v > 0x10FFFF) return 0;
        *used = n + 1;
        return (uint32_t)v;
    }
    for (int i = 0; named[i].name; i++)
        if (strlen(named[i].name) == n && memcmp(named[i].name, p, n) == 0) {
            *used = n + 1;
            return named[i].cp;
        }
    return 0;
}

static void text(state *s, const char *p, size_t n)
{
    if (s->skip) return;
    size_t i = 0;
    while (i < n) {
        uint32_t c;
        size_t adv;
        if (p[i] == '&' && (c = entity(p + i + 1, &adv)) != 0 && i + 1 + adv <= n) {
            i += 1 + adv;
        } else {
            c = hc_utf8_decode(p + i, n - i, &adv);
            i += adv;
        }
        put_char(s, c);
    }
}

/* The value of attribute name in the tag text [a, b), decoded, or NULL. */
static char *attr(const char *a, const char *b, const char *name)
{
    size_t nl = strlen(name);
    for (const char *p = a; p + nl < b; p++) {
        if (strncasecmp(p, name, nl) != 0 || (p > a && !strchr(" \t\n\"'", p[-1])) || p[nl] != '=') continue;
        const char *v = p + nl + 1, *e;
        if (*v == '"' || *v == '\'') {
            char q = *v++;
            for (e = v; e < b && *e != q; e++) {}
        } else {
            for (e = v; e < b && !strchr(" \t\n>", *e); e++) {}
        }
        hc_buf out = HC_BUF_INIT;
        for (const char *q = v; q < e;) {
            uint32_t c;
            size_t adv;
            if (*q == '&' && (c = entity(q + 1, &adv)) != 0) {
                char u[8];
                hc_buf_put(&out, u, (size_t)g_unichar_to_utf8(c, u));
                q += 1 + adv;
            } else {
                hc_buf_putc(&out, *q++);
            }
        }
        return hc_buf_detach(&out, NULL);
    }
    return NULL;
}

static void open_inline(state *s, int kind)
{
    if (!s->open) begin(s, s->pre ? PDF_BLK_PRE : PDF_BLK_P, 0);
    if (s->ninl >= IN_MAX) return;
    switch (kind) {
    case IN_B: hc_buf_printf(&s->mk, "<span font_family=\"%s\" weight=\"bold\">", s->fs->sans); break;
    case IN_I: hc_buf_printf(&s->mk, "<span font_family=\"%s\">", s->fs->sans); break;
    case IN_CODE: hc_buf_printf(&s->mk, "<span font_family=\"%s\" size=\"smaller\">", s->fs->mono); break;
    default: hc_buf_puts(&s->mk, "<span>"); break;
    }
    s->inl[s->ninl++] = kind;
}

static void close_one(state *s, int kind)
{
    int at = -1;
    for (int i = s->ninl - 1; i >= 0; i--)
        if (s->inl[i] == kind) {
            at = i;
            break;
        }
    if (at < 0) return;
    while (s->ninl > at) {              /* close down to it… */
        int t = s->inl[--s->ninl];
        hc_buf_puts(&s->mk, "</span>");
        if (t == IN_A) end_link(s);
    }
    /* …tags that were inside it stay closed */
}

static void image(state *s, const char *a, const char *b)
{
    pdf_block k;
    memset(&k, 0, sizeof k);
    k.kind = PDF_BLK_IMG;
    k.src = attr(a, b, "src");
    k.alt = attr(a, b, "alt");
    char *title = attr(a, b, "title");
    const char *cap = title && *title ? title : k.alt ? k.alt : "";
    hc_buf m = HC_BUF_INIT;
    pdf_markup_escape(&m, cap, strlen(cap));
    k.text_len = strlen(cap);
    k.markup = hc_buf_detach(&m, NULL);
    k.quote = s->quote;
    k.depth = s->nlists;
    free(title);
    if (!k.src) {
        free(k.alt);
        free(k.markup);
        return;
    }
    if (s->open) {                      /* goes after the paragraph it sits in */
        s->imgs = hc_xgrow(s->imgs, &s->capimgs, s->nimgs + 1, sizeof *s->imgs);
        s->imgs[s->nimgs++] = k;
    } else {
        *push_block(s->out) = k;
    }
}

static int is_tag(const char *name, size_t n, const char *t)
{
    return strlen(t) == n && strncasecmp(name, t, n) == 0;
}

/* ---- tags: one handler each, found through tag_rules ---- */

typedef void (*tag_fn)(state *s, const char *name, int closing, const char *a, const char *b);

/* script, style…: their content is dropped (nesting counted) */
static void t_skipped(state *s, const char *name, int closing, const char *a, const char *b)
{
    (void)name, (void)a, (void)b;
    if (closing) {
        if (s->skip > 0) s->skip--;
    } else {
        s->skip++;
    }
}

static void t_p(state *s, const char *name, int closing, const char *a, const char *b)
{
    (void)name, (void)a, (void)b;
    if (closing) flush(s);
    else begin(s, PDF_BLK_P, 0);
}

/* ul / ol: a list level, numbered from its start attribute */
static void t_list(state *s, const char *name, int closing, const char *a, const char *b)
{
    flush(s);
    if (closing) {
        if (s->nlists > 0) s->nlists--;
        free(s->marker);
        s->marker = NULL;
    } else if (s->nlists < LIST_MAX) {
        char *start = attr(a, b, "start");
        s->lists[s->nlists].ordered = name[0] == 'o' || name[0] == 'O';
        s->lists[s->nlists].next = start ? strtol(start, NULL, 10) : 1;
        s->nlists++;
        free(start);
    }
}

/* li: the marker waits for the item's first block */
static void t_li(state *s, const char *name, int closing, const char *a, const char *b)
{
    (void)name, (void)a, (void)b;
    flush(s);
    free(s->marker);
    s->marker = NULL;
    if (!closing && s->nlists > 0) {
        hc_buf m = HC_BUF_INIT;
        if (s->lists[s->nlists - 1].ordered) hc_buf_printf(&m, "%ld.", s->lists[s->nlists - 1].next++);
        else hc_buf_puts(&m, "•");
        s->marker = hc_buf_detach(&m, NULL);
    }
}

static void t_blockquote(state *s, const char *name, int closing, const char *a, const char *b)
{
    (void)name, (void)a, (void)b;
    flush(s);
    if (closing) {
        if (s->quote > 0) s->quote--;
    } else {
        s->quote++;
    }
}

static void t_pre(state *s, const char *name, int closing, const char *a, const char *b)
{
    (void)name, (void)a, (void)b;
    flush(s);
    s->pre = !closing;
}

static void t_hr(state *s, const char *name, int closing, const char *a, const char *b)
{
    (void)name, (void)closing, (void)a, (void)b;
    flush(s);
    pdf_block *k = push_block(s->out);
    k->kind = PDF_BLK_HR;
    k->markup = hc_xstrdup("");
    k->quote = s->quote;
}

static void t_br(state *s, const char *name, int closing, const char *a, const char *b)
{
    (void)name, (void)closing, (void)a, (void)b;
    if (!s->open) return;
    hc_buf_putc(&s->mk, '\n');
    s->text_len++;
    s->last = '\n';
    s->ws = s->ws_nl = 0;
}

static void t_img(state *s, const char *name, int closing, const char *a, const char *b)
{
    (void)name, (void)closing;
    image(s, a, b);
}

static void t_bold(state *s, const char *name, int closing, const char *a, const char *b)
{
    (void)name, (void)a, (void)b;
    if (closing) close_one(s, IN_B);
    else open_inline(s, IN_B);
}

static void t_italic(state *s, const char *name, int closing, const char *a, const char *b)
{
    (void)name, (void)a, (void)b;
    if (closing) close_one(s, IN_I);
    else open_inline(s, IN_I);
}

static void t_code(state *s, const char *name, int closing, const char *a, const char *b)
{
    (void)name, (void)a, (void)b;
    if (s->pre) return;             /* the code block's font is set by its kind */
    if (closing) close_one(s, IN_CODE);
    else open_inline(s, IN_CODE);
}

/* a: a link from its first character; links do not nest */
static void t_a(state *s, const char *name, int closing, const char *a, const char *b)
{
    (void)name;
    if (closing) {
        close_one(s, IN_A);
        return;
    }
    char *href = attr(a, b, "href");
    if (s->link_open) close_one(s, IN_A);     /* no nested links */
    open_inline(s, IN_A);
    if (s->ninl > 0 && s->inl[s->ninl - 1] == IN_A && href) {
        free(s->link_href);
        s->link_href = href;
        s->link_at = (size_t)-1;   /* set at its first character */
        s->link_open = 1;
    } else {
        free(href);
    }
}

/* div, table, figure…: they end the open block, their text is kept */
static void t_breaking(state *s, const char *name, int closing, const char *a, const char *b)
{
    (void)name, (void)closing, (void)a, (void)b;
    flush(s);
}

static const struct tag_rule {
    const char *name;
    tag_fn fn;
} tag_rules[] = {
    { "script", t_skipped }, { "style", t_skipped }, { "iframe", t_skipped }, { "object", t_skipped },
    { "template", t_skipped }, { "noscript", t_skipped },
    { "p", t_p }, { "ul", t_list }, { "ol", t_list }, { "li", t_li }, { "blockquote", t_blockquote },
    { "pre", t_pre }, { "hr", t_hr }, { "br", t_br }, { "img", t_img },
    { "strong", t_bold }, { "b", t_bold }, { "em", t_italic }, { "i", t_italic }, { "code", t_code }, { "a", t_a },
    { "div", t_breaking }, { "section", t_breaking }, { "article", t_breaking }, { "header", t_breaking },
    { "footer", t_breaking }, { "figure", t_breaking }, { "figcaption", t_breaking }, { "table", t_breaking },
    { "thead", t_breaking }, { "tbody", t_breaking }, { "tr", t_breaking }, { "dl", t_breaking },
    { "dt", t_breaking }, { "dd", t_breaking }, { "details", t_breaking }, { "summary", t_breaking },
    { "nav", t_breaking }, { "aside", t_breaking }, { "main", t_breaking },
};

/* One tag: name [name, name+n), attributes in [a, b). Inside a skipped
 * element only the skipped elements' own tags count; h1…h6 open and end a
 * heading; any tag not in tag_rules is ignored and its text kept. */
static void tag(state *s, const char *name, size_t n, int closing, const char *a, const char *b)
{
    const struct tag_rule *r = NULL;
    for (size_t i = 0; !r && i < sizeof tag_rules / sizeof tag_rules[0]; i++)
        if (is_tag(name, n, tag_rules[i].name)) r = &tag_rules[i];
    if (r && r->fn == t_skipped) {
        t_skipped(s, name, closing, a, b);
        return;
    }
    if (s->skip) return;
    if (n == 2 && (name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6') {
        if (closing) flush(s);
        else begin(s, PDF_BLK_H, name[1] - '0');
        return;
    }
    if (r) r->fn(s, name, closing, a, b);
}

void pdf_html_to_blocks(const char *html, const pdf_fontset *fs, pdf_blocks *out)
{
    state s;
    memset(&s, 0, sizeof s);
    s.fs = fs;
    s.out = out;
    const char *p = html ? html : "";
    while (*p) {
        if (p[0] == '<' && p[1] == '!' && p[2] == '-' && p[3] == '-') {
            const char *e = strstr(p + 4, "-->");
            p = e ? e + 3 : p + strlen(p);
            continue;
        }
        if (p[0] == '<' && (p[1] == '!' || p[1] == '?')) {
            const char *e = strchr(p, '>');
            p = e ? e + 1 : p + strlen(p);
            continue;
        }
        int closing = p[0] == '<' && p[1] == '/';
        const char *nm = p + 1 + closing;
        if (p[0] == '<' && ((*nm >= 'a' && *nm <= 'z') || (*nm >= 'A' && *nm <= 'Z'))) {
            const char *e = nm;
            while ((*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z') || (*e >= '0' && *e <= '9')) e++;
            size_t n = (size_t)(e - nm);
            char q = 0;                 /* find the tag's end, skipping quoted values */
            const char *t = e;
            for (; *t && (q || *t != '>'); t++) {
                if (q && *t == q) q = 0;
                else if (!q && (*t == '"' || *t == '\'')) q = *t;
            }
            tag(&s, nm, n, closing, e, t);
            p = *t ? t + 1 : t;
            continue;
        }
        const char *e = strchr(p + 1, '<');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        text(&s, p, n);
        p += n;
    }
    flush(&s);
    free(s.marker);
    free(s.imgs);
    free(s.links);
    free(s.link_href);
    hc_buf_free(&s.mk);
}

void pdf_blocks_free(pdf_blocks *b)
{
    for (size_t i = 0; i < b->n; i++) {
        pdf_block *k = &b->v[i];
        free(k->marker);
        free(k->markup);
        free(k->src);
        free(k->alt);
        for (size_t j = 0; j < k->nlinks; j++) free(k->links[j].href);
        free(k->links);
    }
    free(b->v);
    memset(b, 0, sizeof *b);
}
