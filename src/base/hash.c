#include "hash.h"
#include "alloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* ---- hc_strmap ---- */

static size_t slot_of(const hc_strmap *m, const char *key, size_t len, uint64_t h)
{
    uint64_t x = h ^ (h >> 33);          /* the tail bytes only reach the high bits: fold them down */
    x *= UINT64_C(0xff51afd7ed558ccd);
    x ^= x >> 33;
    size_t mask = m->cap - 1, i = (size_t)x & mask;
    for (;;) {
        const hc_strmap_slot *s = &m->slots[i];
        if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)) return i;
        i = (i + 1) & mask;
    }
}

static void strmap_resize(hc_strmap *m, size_t cap)
{
    hc_strmap_slot *old = m->slots;
    size_t oldcap = m->cap;
    m->slots = hc_xcalloc(cap, sizeof *m->slots);
    m->cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].key) m->slots[slot_of(m, old[i].key, old[i].len, old[i].hash)] = old[i];
    free(old);
}

void hc_strmap_init(hc_strmap *m, size_t expect)
{
    size_t cap = 16;
    while (cap / 4 * 3 < expect + 1) cap *= 2;
    m->slots = NULL;
    m->cap = m->n = 0;
    strmap_resize(m, cap);
}

void hc_strmap_free(hc_strmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}

size_t hc_strmap_get(const hc_strmap *m, const char *key, size_t len)
{
    if (!m->cap) return HC_STRMAP_NONE;
    const hc_strmap_slot *s = &m->slots[slot_of(m, key, len, hc_hash(HC_HASH_INIT, key, len))];
    return s->key ? s->val : HC_STRMAP_NONE;
}

size_t hc_strmap_add(hc_strmap *m, const char *key, size_t len, size_t val)
{
    if ((m->n + 1) * 4 > m->cap * 3) strmap_resize(m, m->cap ? m->cap * 2 : 16);
    uint64_t h = hc_hash(HC_HASH_INIT, key, len);
    hc_strmap_slot *s = &m->slots[slot_of(m, key, len, h)];
    if (s->key) return s->val;
    *s = (hc_strmap_slot){ key ? key : "", len, h, val };
    m->n++;
    return HC_STRMAP_NONE;
}
