/* output.h — the output folder is huace's alone.
 *
 * A build writes OUT (-o, default SRC/public) and a few files beside it,
 * all huace's own and never published:
 *   OUT.huace-cache  the record of the last build, with the manifest: every
 *                    file that build wrote (see cache.h); its presence is the
 *                    mark that huace wrote OUT
 *   OUT.huace-lock   the lock a build holds from start to end (flock)
 *   OUT.tmp-huace    the staging folder the new site is written into
 *   OUT.huace-carry  while files are moved over (see below), their list
 *   OUT.huace-kept/  files of yours that the new site had to take the place of
 *   OUT.old-huace    the previous site for a moment, where the file system
 *                    cannot exchange two folders in one step
 * When OUT is a symbolic link, "beside OUT" means beside the folder it points
 * to: the build is swapped in there, and the link keeps pointing at the site.
 *
 * Nothing huace did not write is deleted. When the new site is swapped in,
 * every file of the old OUT that the manifest does not list (or any file, when
 * there is no manifest) is moved into the new site at the same place; one the
 * new site has a different file at goes to OUT.huace-kept/ instead, with a
 * warning (one with the same bytes is taken as huace's). Then the old site's
 * files that the manifest lists are deleted, and the folders left empty.
 *
 * Use: open (checks) → lock → build into hc_output_staging → carry → swap →
 * save the cache → clean → close.
 */
#ifndef HC_OUTPUT_H
#define HC_OUTPUT_H
#include "base/diag.h"

typedef struct hc_output hc_output;

/* Resolves OUT (out_arg, or SRC/public when NULL) and checks it for a build of
 * the site in src, touching nothing: it must not be SRC, hold SRC, or lie in
 * what huace reads there (site.yaml, seeds/, content/, assets/, layouts/,
 * themes/); if it exists it must be a folder; and a folder that is not empty
 * must have OUT.huace-cache beside it, unless force. Returns 0 and *res (free
 * with hc_output_close), or 2 after printing a usage error for cmd. */
int hc_output_open(const char *cmd, const char *src, const char *out_arg, int force, hc_output **res);
/* Takes the lock, waiting for another build holding it (saying so once
 * unless quiet), or failing at once if no_wait. Then checks again (another
 * build may have changed OUT meanwhile) and puts right what a stopped build
 * left. Returns 0, 1 when another build holds it and no_wait, 2 when the
 * checks fail now; prints why. */
int hc_output_lock(hc_output *o, int no_wait, int quiet);
/* The folder that is written (symlinks resolved), and OUT as the user named
 * it, for messages; the staging folder beside it. Owned by o. */
const char *hc_output_dir(const hc_output *o);
const char *hc_output_name(const hc_output *o);
const char *hc_output_staging(const hc_output *o);
/* Before the swap: moves the files of OUT the manifest (the "F" lines of the
 * last build's record, "" for none) does not list into the staging folder,
 * or to OUT.huace-kept/ (see above). Returns 0, or -1 with an error in d,
 * having moved everything back. */
int hc_output_carry(hc_output *o, const char *manifest, hc_diags *d);
/* Puts the staging folder in the place of OUT (see hc_fs_swap_in). 0 or -1
 * with errno; on failure OUT is as it was (with the carried files moved back). */
int hc_output_swap(hc_output *o);
/* After the swap and the new record: deletes from the previous site the
 * files the manifest lists and the folders left empty; anything else still
 * there goes to OUT.huace-kept/ with a warning. */
void hc_output_clean(hc_output *o, const char *manifest, hc_diags *d);
/* Unlocks and frees (NULL is fine). */
void hc_output_close(hc_output *o);

#endif
