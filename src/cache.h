/* cache.h — the no-op rebuild: skip everything when nothing changed.
 *
 * The inputs hash covers every file a build reads (site.yaml, seeds/,
 * content/, assets/, layouts/, themes/), the options that change the output,
 * and the huace executable itself. A file whose size and modification time
 * (nanoseconds) are those recorded last time keeps its recorded content hash,
 * as git's index does; any other file is read and hashed.
 *
 * After a successful build, hc_cache_save records the inputs and a manifest
 * of the output (every folder with its modification time, every file with its
 * size) in OUT.huace-cache, a file beside the output folder (never
 * published). hc_cache_fresh says whether OUT is still what that build wrote
 * for these inputs, by stat alone: a file added to or removed from a folder
 * changes the folder's time, a rewritten file its size or its folder's time.
 */
#ifndef HC_CACHE_H
#define HC_CACHE_H
#include <stddef.h>
#include <stdint.h>

typedef struct hc_cache hc_cache;

/* Reads OUT.huace-cache if there is one (a missing or unreadable cache is an
 * empty one). Free with hc_cache_free. */
hc_cache *hc_cache_open(const char *out);
void hc_cache_free(hc_cache *c);
/* The inputs hash of the site at root (see above). */
uint64_t hc_cache_inputs(hc_cache *c, const char *root, const char *options);
/* 1 if the cache records this inputs hash and the output matches its
 * manifest; *pages gets the number of pages that build wrote. */
int hc_cache_fresh(hc_cache *c, uint64_t inputs, size_t *pages);
/* Records the build; a failure only costs the next build its shortcut. */
void hc_cache_save(hc_cache *c, uint64_t inputs, size_t pages);
/* Removes OUT.huace-cache (before a build replaces OUT). */
void hc_cache_drop(hc_cache *c);

#endif
