/* search_index.h — the full-text index behind the search page (see search.c).
 *
 * Terms. Text is read character by character after folding ASCII capitals
 * and full-width ASCII (U+FF01–U+FF5E) to plain lower-case ASCII. CJK
 * characters (ideographs, kana, hangul) form runs; every other letter or
 * digit (ASCII, Latin, Greek, Cyrillic) forms word runs; anything else
 * separates. A CJK run gives each pair of neighbouring characters as a term
 * (a run of one character: that character), so Chinese needs no spaces; a
 * word run is one term, cut after 24 characters. The search page's script
 * (themes/default/static/js/search.js) splits queries the same way: change
 * both together.
 *
 * Postings. Documents are numbered 0..n-1 in the order they are added. A
 * term's documents are stored as Golomb-Rice coded gaps, of the set or of its
 * complement when that is smaller, written in base64 (6 bits a character):
 * first one character, 32 × complement + k (the Rice parameter), then per gap
 * g (0 for neighbours) g >> k as that many 0 bits and a 1, then the k low bits
 * of g, most significant first; the last character is padded with 0 bits.
 *
 * Shards. Terms go to shard fnv1a(code points) % nshards, where nshards is
 * the encoded size / HC_SX_SHARD_BYTES, at least 1. Shard k is the script
 * search/i/<k>.js calling huaceSearchShard(k, {term: code, …}), its terms in
 * byte order: a page opened with file:// may load a script, not fetch a file.
 */
#ifndef HC_SEARCH_INDEX_H
#define HC_SEARCH_INDEX_H
#include <stddef.h>
#include <stdint.h>
#include "../../base/buf.h"
#include "../../base/diag.h"

#define HC_SX_SHARD_BYTES 24576
#define HC_SX_WORD_MAX 24

typedef struct hc_sx hc_sx;

hc_sx *hc_sx_new(void);
void hc_sx_free(hc_sx *x);
/* Adds the terms of text (UTF-8, len bytes) to document doc. Documents come in
 * order: doc is the last one added or the next (0 first). */
void hc_sx_add(hc_sx *x, uint32_t doc, const char *text, size_t len);
/* Writes the shards for ndocs documents into dir (created), counting files in
 * *files and bytes in *bytes. Returns the number of shards, or -1 after an
 * error reported to d. Each term's postings are freed once written (memory
 * stays bounded): after this, x is only to be freed. */
long hc_sx_write(hc_sx *x, uint32_t ndocs, const char *dir, hc_diags *d, size_t *files, size_t *bytes);

/* Appends the text of an HTML body to out: tags dropped (block-level ones as a
 * line break), entities decoded, white space folded. */
void hc_sx_html_text(hc_buf *out, const char *html, size_t len);

#endif
