/* buf.h — the growable byte buffer and the read-only slice.
 *
 * hc_buf owns its bytes; data is always NUL-terminated (data[len] == 0) once
 * anything has been written, and is NULL for an empty, never-written buffer.
 * hc_buf_detach hands the bytes to the caller (free() them) and leaves the
 * buffer empty. A zero-initialised hc_buf (HC_BUF_INIT) is ready to use.
 *
 * hc_slice is a view: it never owns what it points at and is not
 * NUL-terminated. It is valid as long as the memory it points into is.
 */
#ifndef HC_BUF_H
#define HC_BUF_H
#include <stddef.h>
#include <stdarg.h>

typedef struct {
    const char *p;
    size_t len;
} hc_slice;

#define HC_SLICE(lit) ((hc_slice){ (lit), sizeof(lit) - 1 })

typedef struct {
    char *data;
    size_t len;
    size_t cap;
} hc_buf;

#define HC_BUF_INIT { NULL, 0, 0 }

void hc_buf_grow(hc_buf *b, size_t extra);      /* room for extra more bytes + NUL */
void hc_buf_put(hc_buf *b, const void *p, size_t n);
void hc_buf_puts(hc_buf *b, const char *s);
void hc_buf_putc(hc_buf *b, char c);
void hc_buf_put_slice(hc_buf *b, hc_slice s);
void hc_buf_printf(hc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void hc_buf_vprintf(hc_buf *b, const char *fmt, va_list ap);
void hc_buf_truncate(hc_buf *b, size_t len);     /* len <= b->len */
void hc_buf_reset(hc_buf *b);                    /* len = 0, keeps capacity */
void hc_buf_free(hc_buf *b);                     /* releases, back to HC_BUF_INIT */
/* Returns the bytes (NUL-terminated, never NULL) and empties the buffer. */
char *hc_buf_detach(hc_buf *b, size_t *len_out);
/* Appends the n bytes at p in base64 (RFC 4648, with '=' padding), as in data: URIs. */
void hc_buf_base64(hc_buf *b, const void *p, size_t n);
/* The buffer's current contents as a slice (valid until the next write). */
hc_slice hc_buf_slice(const hc_buf *b);
/* "" when nothing was written yet. */
const char *hc_buf_cstr(const hc_buf *b);

hc_slice hc_slice_from(const char *s);
int hc_slice_eq(hc_slice a, const char *s);
int hc_slice_starts(hc_slice a, const char *prefix);
hc_slice hc_slice_trim(hc_slice s);              /* ASCII white space both ends */
char *hc_slice_dup(hc_slice s);                  /* malloc'd, NUL-terminated */

#endif
