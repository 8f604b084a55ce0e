/* utf8.h — UTF-8 and CJK-aware text helpers.
 *
 * Pure functions over byte ranges; nothing is allocated except into the
 * hc_buf the caller passes (appended to, never reset).
 */
#ifndef HC_UTF8_H
#define HC_UTF8_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"

/* Returns the byte offset of the first invalid UTF-8 sequence (overlong,
 * surrogate, out of range, truncated), or (size_t)-1 when s is valid. */
size_t hc_utf8_invalid_at(const char *s, size_t len);
/* 1-based line and column (in characters) of byte offset off in s. */
void hc_utf8_line_col(const char *s, size_t len, size_t off, int *line, int *col);
/* Decodes the character at s (len > 0); *adv receives its byte length.
 * Invalid bytes decode as U+FFFD with length 1. */
uint32_t hc_utf8_decode(const char *s, size_t len, size_t *adv);
size_t hc_utf8_chars(const char *s, size_t len);
/* CJK ideographs, kana, hangul and CJK punctuation (one "word" each). */
int hc_utf8_is_cjk(uint32_t cp);
/* Words as a reader counts them: every CJK character is one word, every run
 * of other letters/digits is one word. */
size_t hc_utf8_word_count(const char *s, size_t len);
/* Appends to out the first max_chars characters of s with white space runs
 * folded to one space and leading/trailing space dropped; adds "…" when cut.
 * Never splits a character. */
void hc_utf8_summary(hc_buf *out, const char *s, size_t len, size_t max_chars);

/* ---- escapers: every text written into an output goes through the one for its format ----
 * Each appends to out the text of s (len bytes, UTF-8) made safe for its
 * context; none ever lets a raw byte through that could end the context.
 *
 * hc_escape_html: HTML text and quoted attribute values: & < > " ' become
 *   entities; NUL becomes U+FFFD (as an HTML parser would read it).
 * hc_escape_xml: the same entities, and XML 1.0's forbidden characters (C0
 *   controls other than TAB, LF and CR; U+FFFE, U+FFFF) are dropped; CR is
 *   written &#13; so that it survives. '>' is always escaped, so "]]>" never
 *   appears (huace writes no CDATA).
 * hc_escape_json: inside "…": " \ and controls escaped (\n, \u0000…), and
 *   < > & U+2028 U+2029 as \u escapes, so that the string is also safe inside
 *   a <script> (no "</script>", no "<!--") and in every JavaScript engine.
 * hc_escape_ics_text: an RFC 5545 TEXT value: \ ; , escaped, LF as \n, CR
 *   and other controls (but TAB) dropped.
 * hc_ics_line: one RFC 5545 content line (already escaped): controls other
 *   than TAB are dropped (so no CR or LF can start a new property), folded at
 *   75 octets without splitting a UTF-8 character, ending in CRLF.
 * hc_css_color: the only text huace writes into CSS (style="" attributes)
 *   comes from colours: returns 1 and writes "#rrggbb" (NUL-terminated) to
 *   out if s is #rrggbb or #rgb, else 0 and writes nothing.
 * hc_escape_shown: for messages to a terminal: controls, DEL, C1 and
 *   U+2028/U+2029 shown as \n, \r, \t, \xNN or \u2028, the rest as is.
 * hc_escape_url_path: percent-encodes every byte outside unreserved ASCII and '/'.
 * hc_escape_url_value: the same without '/': a query value or a path segment.
 */
void hc_escape_html(hc_buf *out, const char *s, size_t len);
void hc_escape_xml(hc_buf *out, const char *s, size_t len);
void hc_escape_json(hc_buf *out, const char *s, size_t len);
void hc_escape_ics_text(hc_buf *out, const char *s, size_t len);
void hc_ics_line(hc_buf *out, const char *s, size_t len);
int hc_css_color(const char *s, size_t len, char out[8]);
void hc_escape_shown(hc_buf *out, const char *s, size_t len);
void hc_escape_url_path(hc_buf *out, const char *s, size_t len);
void hc_escape_url_value(hc_buf *out, const char *s, size_t len);

#endif
