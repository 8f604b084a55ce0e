#include "alloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(void)
{
    fputs("huace: out of memory\n", stderr);
    abort();
}

void *hc_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom();
    return p;
}

void *hc_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p) oom();
    return p;
}

void *hc_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom();
    return q;
}

char *hc_xstrndup(const char *s, size_t n)
{
    char *p = hc_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *hc_xstrdup(const char *s)
{
    return hc_xstrndup(s, strlen(s));
}

void *hc_xgrow(void *arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return arr;
    size_t c = *cap ? *cap : 8;
    while (c < need) {
        if (c > ((size_t)-1) / 2 / elem) oom();
        c *= 2;
    }
    *cap = c;
    return hc_xrealloc(arr, c * elem);
}
