/* arena.h — bump allocator for short-lived, same-lifetime objects.
 *
 * Everything allocated from an arena is released at once by hc_arena_reset or
 * hc_arena_free; single objects are never freed. An arena belongs to one
 * thread at a time (renderers keep one per worker). Out of memory aborts (see
 * alloc.h). Returned memory is aligned for any type and zero-filled.
 */
#ifndef HC_ARENA_H
#define HC_ARENA_H
#include <stddef.h>

typedef struct hc_arena_block hc_arena_block;
typedef struct {
    hc_arena_block *head;
    size_t block_size;
} hc_arena;

#define HC_ARENA_INIT { NULL, 0 }

void *hc_arena_alloc(hc_arena *a, size_t n);
char *hc_arena_strndup(hc_arena *a, const char *s, size_t n);
char *hc_arena_strdup(hc_arena *a, const char *s);
char *hc_arena_printf(hc_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Releases all but the first block, which is kept (cleared) for reuse. */
void hc_arena_reset(hc_arena *a);
void hc_arena_free(hc_arena *a);

#endif
