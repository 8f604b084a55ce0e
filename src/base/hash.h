/* hash.h — fast 64-bit hash for content hashes in file names and caches.
 * Not cryptographic. Stable across machines and runs. */
#ifndef HC_HASH_H
#define HC_HASH_H
#include <stddef.h>
#include <stdint.h>

#define HC_HASH_INIT UINT64_C(0xcbf29ce484222325)
uint64_t hc_hash(uint64_t h, const void *data, size_t len);
/* 16 lowercase hex digits + NUL into out[17]. */
void hc_hash_hex(uint64_t h, char out[17]);

#endif
