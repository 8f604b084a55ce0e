/* hash.h — fast 64-bit hash for content hashes in file names and caches, and
 * a string-keyed hash table for lookups that must stay linear in the input.
 * Not cryptographic. Stable across machines and runs. */
#ifndef HC_HASH_H
#define HC_HASH_H
#include <stddef.h>
#include <stdint.h>

#define HC_HASH_INIT UINT64_C(0xcbf29ce484222325)
uint64_t hc_hash(uint64_t h, const void *data, size_t len);
/* 16 lowercase hex digits + NUL into out[17]. */
void hc_hash_hex(uint64_t h, char out[17]);

/* hc_strmap: byte-string keys → size_t values, open addressing, expected
 * O(1) per operation. The map BORROWS its keys: the bytes must stay where
 * they are, unchanged, until the map is freed (it stores the pointer, never
 * a copy). Zero-initialise (HC_STRMAP_INIT) or call hc_strmap_init; free with
 * hc_strmap_free. Not thread-safe for writers; readers may share a map that
 * no one writes to. */
typedef struct {
    const char *key;
    size_t len;
    uint64_t hash;
    size_t val;
} hc_strmap_slot;

typedef struct {
    hc_strmap_slot *slots;   /* cap slots, key == NULL means free; cap is 0 or a power of two */
    size_t cap, n;
} hc_strmap;

#define HC_STRMAP_INIT { NULL, 0, 0 }
#define HC_STRMAP_NONE ((size_t)-1)

/* An empty map with room for about `expect` keys before it grows. */
void hc_strmap_init(hc_strmap *m, size_t expect);
void hc_strmap_free(hc_strmap *m);
/* The value stored for key (len bytes), or HC_STRMAP_NONE. */
size_t hc_strmap_get(const hc_strmap *m, const char *key, size_t len);
/* Stores val for key if the key is not there yet and returns HC_STRMAP_NONE;
 * if it is there, leaves the map as it is and returns the value stored first
 * (so a duplicate is found against its first occurrence). val must not be
 * HC_STRMAP_NONE. */
size_t hc_strmap_add(hc_strmap *m, const char *key, size_t len, size_t val);

#endif
