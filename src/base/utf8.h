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

/* Escapes for a context, appending to out. */
void hc_escape_html(hc_buf *out, const char *s, size_t len);   /* text and attributes: & < > " ' */
void hc_escape_xml(hc_buf *out, const char *s, size_t len);    /* same set, XML-safe */
void hc_escape_json(hc_buf *out, const char *s, size_t len);   /* inside "…", \uXXXX for controls, </ kept safe */
/* Percent-encodes every byte outside unreserved ASCII and '/'. */
void hc_escape_url_path(hc_buf *out, const char *s, size_t len);

#endif
