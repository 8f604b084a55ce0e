/* alloc.h — the one out-of-memory policy of huace.
 *
 * Every allocation in the program goes through these wrappers. On failure they
 * print "huace: out of memory" and abort(): no caller ever checks for NULL.
 * Memory from hc_xmalloc & co is released with free().
 */
#ifndef HC_ALLOC_H
#define HC_ALLOC_H
#include <stddef.h>

void *hc_xmalloc(size_t n);
void *hc_xcalloc(size_t count, size_t size);
void *hc_xrealloc(void *p, size_t n);
char *hc_xstrdup(const char *s);
char *hc_xstrndup(const char *s, size_t n);
/* Grow an array of elem-size items so that it holds at least need items.
 * *cap is updated; returns the (possibly moved) array. */
void *hc_xgrow(void *arr, size_t *cap, size_t need, size_t elem);

#endif
