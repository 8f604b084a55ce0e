/* lex.h — a lexer for PDF content streams (ISO 32000-1 §7.2, §7.8.2).
 *
 * Reads the bytes of a (decoded) content stream as a sequence of tokens. It
 * never reads outside [p, p + len), never allocates, and always ends: every
 * call to pr_lex_next either consumes at least one byte or returns PR_T_EOF.
 * Malformed input (an unterminated string, a stray ')' or '>', an inline
 * image without EI) gives tokens rather than errors; the interpreter decides
 * what to make of them.
 *
 * Token slices (tok.p, tok.len) point into the input and are valid as long as
 * it is; nothing is owned. For
 *   PR_T_NUM     num holds the value (p/len the digits);
 *   PR_T_NAME    the name without its '/', #xx escapes not yet decoded;
 *   PR_T_STR     the bytes between the outer parentheses, escapes not decoded;
 *   PR_T_HEXSTR  the bytes between '<' and '>';
 *   PR_T_OP      the keyword (an operator, or true/false/null); a stray
 *                delimiter (')', '>', '{', '}') is a one-byte PR_T_OP;
 *   PR_T_INLINE  a whole inline image "BI … ID data EI": p/len hold the
 *                dictionary part (between BI and ID), data/data_len the
 *                image bytes (between ID's white space and EI).
 * A literal or hex string cut off by the end of the input ends there.
 */
#ifndef HC_PDFREAD_LEX_H
#define HC_PDFREAD_LEX_H
#include "../base/buf.h"
#include <stddef.h>

typedef enum {
    PR_T_EOF,
    PR_T_NUM,
    PR_T_NAME,
    PR_T_STR,
    PR_T_HEXSTR,
    PR_T_ARRAY_OPEN,
    PR_T_ARRAY_CLOSE,
    PR_T_DICT_OPEN,
    PR_T_DICT_CLOSE,
    PR_T_OP,
    PR_T_INLINE
} pr_tok_kind;

typedef struct {
    pr_tok_kind kind;
    double num;
    const char *p;
    size_t len;
    const char *data;       /* PR_T_INLINE only */
    size_t data_len;
    size_t pos;             /* offset of the token's first byte in the input */
} pr_tok;

typedef struct {
    const char *p;
    size_t len, pos;
} pr_lexer;

void pr_lex_init(pr_lexer *lx, const void *p, size_t len);
/* Fills *t with the next token and returns its kind. */
pr_tok_kind pr_lex_next(pr_lexer *lx, pr_tok *t);

/* Appends the bytes a PR_T_STR or PR_T_HEXSTR token stands for to out
 * (escapes, octal codes and line continuations resolved; a hex string with an
 * odd number of digits ends in a 0 nibble; other bytes in it are skipped). */
void pr_str_decode(const pr_tok *t, hc_buf *out);
/* Writes a PR_T_NAME token's name, #xx decoded, NUL-terminated, into out
 * (cut to cap - 1 bytes; cap >= 1). */
void pr_name_decode(const pr_tok *t, char *out, size_t cap);
/* Whether the token is the keyword kw. */
int pr_tok_is(const pr_tok *t, const char *kw);

#endif
