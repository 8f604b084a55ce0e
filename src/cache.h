/* cache.h — the no-op rebuild: skip everything when nothing changed.
 *
 * The inputs hash covers every file a build reads (site.yaml, seeds/,
 * content/, assets/, layouts/, the theme folder), the options that change
 * the output, and the huace executable itself. After a successful build,
 * hc_cache_save records it with a manifest of the output (path and size of
 * every file) in OUT.huace-cache, a file beside the output folder (so it is
 * never published). hc_cache_fresh says whether OUT is still exactly what
 * that build wrote for these inputs.
 */
#ifndef HC_CACHE_H
#define HC_CACHE_H
#include <stddef.h>
#include <stdint.h>

/* theme_dir may be NULL (not found: the build will report it). */
uint64_t hc_cache_inputs(const char *root, const char *theme_dir, const char *options);
/* 1 if OUT.huace-cache records this inputs hash and every file it lists is
 * in out with the same size (and nothing else is); *pages gets the number of
 * pages that build wrote. 0 otherwise. */
int hc_cache_fresh(const char *out, uint64_t inputs, size_t *pages);
/* Records the build; failures only cost the next build its shortcut. */
void hc_cache_save(const char *out, uint64_t inputs, size_t pages);
/* Removes OUT.huace-cache (before a build replaces out). */
void hc_cache_drop(const char *out);

#endif
