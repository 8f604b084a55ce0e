#include "hash.h"
#include <stdio.h>

/* Eight bytes at a time (read as little-endian, so every machine gives the
 * same hash), multiply-xorshift mixing; the tail byte by byte, FNV-1a style.
 * About a byte per cycle: hashing a 10,000-page site's sources takes
 * milliseconds, not seconds. */
uint64_t hc_hash(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    const uint64_t k = UINT64_C(0x9E3779B97F4A7C15);
    while (len >= 8) {
        uint64_t w = (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
                     (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
        h = (h ^ w) * k;
        h ^= h >> 31;
        p += 8;
        len -= 8;
    }
    while (len--) {
        h ^= *p++;
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

void hc_hash_hex(uint64_t h, char out[17])
{
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}
