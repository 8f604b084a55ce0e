/* cache.h — the no-op rebuild: skip everything when nothing changed.
 *
 * The inputs hash covers every file a build reads (site.yaml, seeds/,
 * content/, assets/, layouts/, themes/), the options that change the output,
 * and the huace executable itself. A file whose size and modification time
 * (nanoseconds) are those recorded last time keeps its recorded content hash,
 * as git's index does; any other file is read and hashed — except that a
 * first build into OUT (nothing recorded) leaves the Markdown documents to the
 * loader, which hashes each file as it reads it anyway, and hands the result
 * over with hc_cache_note.
 *
 * After a successful build, hc_cache_save records the inputs and a manifest
 * of the output in OUT.huace-cache, a file beside the output folder (never
 * published): every file the build wrote with its size (from the write
 * journal, see hc_fs_journal_on), and the output folder's modification time.
 * hc_cache_fresh says whether OUT is still what that build wrote for these
 * inputs, by stat alone: a file removed or rewritten to another size, or an
 * entry added to or removed from the output folder itself, means it is not.
 *
 * Use: open, scan, fresh? — else build, note what the loader read, save.
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
/* Lists and stats the inputs of the site at root (see above); options is
 * the text of the output-changing options. */
void hc_cache_scan(hc_cache *c, const char *root, const char *options);
/* 1 if the scanned inputs are those recorded and the output matches its
 * manifest; *pages gets the number of pages that build wrote. */
int hc_cache_fresh(hc_cache *c, size_t *pages);
/* The build read rel (relative to root) with this size, time and content
 * hash: it replaces what the scan saw, so the record describes the bytes the
 * output was made from. Paths the scan did not list are ignored. Not
 * thread-safe. */
void hc_cache_note(hc_cache *c, const char *rel, long long size, long long mtime_ns, uint64_t hash);
/* The inputs hash; files whose hash is still unknown are read now. */
uint64_t hc_cache_inputs(hc_cache *c);
/* Records the build: inputs, pages, and the manifest (written, a journal's
 * lines as hc_fs_journal_off returns them; NULL records nothing). The file
 * is replaced in one rename, so it is always a whole record. A failure only
 * costs the next build its shortcut. */
void hc_cache_save(hc_cache *c, uint64_t inputs, size_t pages, const char *written);
/* The recorded manifest: the "D" and "F" lines of the last build (see the
 * file format in cache.c), "" if none; the caller frees. The "F" lines are
 * the files huace wrote, the only ones a build may delete from OUT. */
char *hc_cache_manifest(const hc_cache *c);

/* A stamp of the inputs of the site at root by stat alone (paths, sizes and
 * modification times; nothing is read): it changes when a file is added,
 * removed or written, so a watcher can poll it cheaply. */
uint64_t hc_cache_stamp(const char *root);

#endif
