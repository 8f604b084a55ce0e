/* mdmem.c — a per-thread region for cmark (see mdmem.h).
 *
 * Each allocation is preceded by a header holding its size, so realloc can
 * copy; the latest allocation can grow or be freed in place, which is the
 * pattern of cmark's string buffers. Under AddressSanitizer every allocation
 * is followed by a poisoned gap and the region is poisoned on reset, so
 * overruns and use after reset are still reported. */
#include "mdmem.h"
#include "../base/alloc.h"
#include <pthread.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define GAP 32
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define GAP 0
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define ALIGN 16
#define HDR 16                      /* holds the size; keeps data aligned */
#define CHUNK (256 * 1024)

typedef struct chunk {
    struct chunk *next;
    size_t size, used;
    alignas(ALIGN) unsigned char data[];
} chunk;

typedef struct {
    chunk *head;       /* newest chunk; allocation happens here */
    unsigned char *last;  /* the latest allocation, or NULL */
} region;

static pthread_key_t key;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void region_free(void *p)
{
    region *r = p;
    if (!r) return;
    for (chunk *c = r->head, *n; c; c = n) {
        n = c->next;
        UNPOISON(c->data, c->size);
        free(c);
    }
    free(r);
}

static void make_key(void)
{
    if (pthread_key_create(&key, region_free) != 0) abort();
}

static region *this_region(void)
{
    pthread_once(&once, make_key);
    region *r = pthread_getspecific(key);
    if (!r) {
        r = hc_xcalloc(1, sizeof *r);
        if (pthread_setspecific(key, r) != 0) abort();
    }
    return r;
}

static size_t round_up(size_t n)
{
    if (n > SIZE_MAX / 2) abort();
    return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

static size_t size_of(const unsigned char *p)
{
    size_t n;
    memcpy(&n, p - HDR, sizeof n);
    return n;
}

static void set_size(unsigned char *p, size_t n)
{
    memcpy(p - HDR, &n, sizeof n);
}

/* n bytes, not cleared */
static unsigned char *region_alloc(region *r, size_t n)
{
    size_t need = HDR + round_up(n ? n : 1) + GAP;
    chunk *c = r->head;
    if (!c || c->size - c->used < need) {
        size_t size = need > CHUNK ? need : CHUNK;
        c = hc_xmalloc(sizeof *c + size);
        c->size = size;
        c->used = 0;
        c->next = r->head;
        r->head = c;
        POISON(c->data, size);
    }
    unsigned char *p = c->data + c->used + HDR;
    UNPOISON(p - HDR, HDR + n);
    c->used += need;
    set_size(p, n);
    r->last = p;
    return p;
}

static void *md_calloc(size_t count, size_t size)
{
    size_t n;
    if (__builtin_mul_overflow(count, size, &n)) abort();
    unsigned char *p = region_alloc(this_region(), n);
    memset(p, 0, n);
    return p;
}

static void *md_realloc(void *ptr, size_t n)
{
    region *r = this_region();
    unsigned char *p = ptr;
    if (!p) return region_alloc(r, n);
    size_t old = size_of(p);
    chunk *c = r->head;
    if (p == r->last) {   /* the latest allocation: grow or shrink in place if the chunk allows */
        size_t start = (size_t)(p - HDR - c->data);
        size_t need = HDR + round_up(n ? n : 1) + GAP;
        if (c->size - start >= need) {
            POISON(p, c->used - start - HDR);
            c->used = start + need;
            UNPOISON(p, n);
            set_size(p, n);
            return p;
        }
    }
    unsigned char *q = region_alloc(r, n);
    memcpy(q, p, old < n ? old : n);
    return q;
}

static void md_free(void *ptr)
{
    region *r = this_region();
    unsigned char *p = ptr;
    if (!p || p != r->last) return;   /* the rest goes at the reset */
    chunk *c = r->head;
    size_t start = (size_t)(p - HDR - c->data);
    POISON(p - HDR, c->used - start);
    c->used = start;
    r->last = NULL;
}

static cmark_mem mem = { md_calloc, md_realloc, md_free };

cmark_mem *hc_md_mem(void)
{
    return &mem;
}

void hc_md_mem_reset(void)
{
    region *r = this_region();
    chunk *c = r->head;
    if (!c) return;
    while (c->next) {          /* keep the first chunk only */
        chunk *n = c->next;
        UNPOISON(c->data, c->size);
        free(c);
        c = n;
    }
    c->used = 0;
    POISON(c->data, c->size);
    r->head = c;
    r->last = NULL;
}

void hc_md_mem_release(void)
{
    pthread_once(&once, make_key);
    region *r = pthread_getspecific(key);
    if (!r) return;
    pthread_setspecific(key, NULL);
    region_free(r);
}
