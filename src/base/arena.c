#include "arena.h"
#include "alloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hc_arena_block {
    hc_arena_block *next;
    size_t size, used;
    max_align_t data[];
};

#define ALIGN (sizeof(max_align_t))

void *hc_arena_alloc(hc_arena *a, size_t n)
{
    n = (n + ALIGN - 1) & ~(ALIGN - 1);
    hc_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t bs = a->block_size ? a->block_size : 64 * 1024;
        if (bs < n) bs = n;
        b = hc_xmalloc(sizeof *b + bs);
        b->size = bs;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    char *p = (char *)b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

char *hc_arena_strndup(hc_arena *a, const char *s, size_t n)
{
    char *p = hc_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *hc_arena_strdup(hc_arena *a, const char *s) { return hc_arena_strndup(a, s, strlen(s)); }

char *hc_arena_printf(hc_arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    char *p = hc_arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void hc_arena_reset(hc_arena *a)
{
    hc_arena_block *b = a->head;
    if (!b) return;
    /* keep the oldest (last) block */
    while (b->next) {
        hc_arena_block *n = b->next;
        free(b);
        b = n;
    }
    b->used = 0;
    a->head = b;
}

void hc_arena_free(hc_arena *a)
{
    hc_arena_block *b = a->head;
    while (b) {
        hc_arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
}
