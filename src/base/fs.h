/* fs.h — files and folders.
 *
 * All functions return 0 on success and -1 on failure with errno set (the
 * caller turns that into a located diagnostic). Paths are plain C strings.
 */
#ifndef HC_FS_H
#define HC_FS_H
#include <stddef.h>
#include "buf.h"

struct stat;

/* Reads the whole file into out (replacing its contents). Only a regular
 * file is read: a FIFO, device or socket is -1 with errno EINVAL, at once. */
int hc_fs_read(const char *path, hc_buf *out);
/* The same, and *st (if not NULL) gets the file's status from the open file
 * that was read, so size and time describe the bytes in out. */
int hc_fs_read_stat(const char *path, hc_buf *out, struct stat *st);
/* The same from an open file (left open), from where it stands; also only
 * a regular file. */
int hc_fs_read_fd(int fd, hc_buf *out, struct stat *st);
/* Writes len bytes to path, creating parent folders as needed. Not atomic:
 * used inside the staging folder, which is swapped in as a whole. */
int hc_fs_write(const char *path, const void *data, size_t len);
/* A file written in pieces, for output too large to build whole in memory:
 * open (creating parent folders), put as often as needed, close. The first
 * failure sticks: later puts do nothing and close returns -1 with its errno.
 * close always releases f, and journals the file as hc_fs_write does. */
typedef struct {
    int fd, err;
    size_t len;
    char *path;
} hc_fs_out;
int hc_fs_out_open(hc_fs_out *f, const char *path);
void hc_fs_out_put(hc_fs_out *f, const void *data, size_t len);
int hc_fs_out_close(hc_fs_out *f);
/* Writes len bytes to path through a temporary file beside it
 * ("<path>.tmp-<pid>-<n>", which a folder's pruning sees: not a dotfile) and
 * a rename, so that path is either its old self or whole, even when the build
 * is killed half-way; for caches kept between builds. Written as
 * hc_fs_out_* write (parents created, a failed disk noted); the temporary
 * file is removed on failure. */
int hc_fs_write_atomic(const char *path, const void *data, size_t len);
/* The write journal, for the cache's manifest of the output: while it is on,
 * every file hc_fs_write (or hc_fs_copy) writes below dir is recorded with
 * its size. Several threads may write meanwhile; turn it on and off when only
 * one runs. One journal at a time. */
void hc_fs_journal_on(const char *dir);
/* Turns the journal off and returns one line "F <size> <path below dir>\n"
 * per file, sorted by path, the last write of a path winning (caller frees;
 * "" if nothing was written; NULL if the journal could not be kept, in a
 * temporary file, so it is incomplete). */
char *hc_fs_journal_off(void);
/* Creates a new file at path with these bytes (and its parent folders); an
 * existing file is never touched: -1 with errno EEXIST. */
int hc_fs_create(const char *path, const void *data, size_t len);
int hc_fs_mkdirs(const char *path);              /* mkdir -p */
int hc_fs_rmtree(const char *path);              /* rm -rf; missing is fine */
int hc_fs_copy(const char *from, const char *to);/* creates parents of to */
/* Makes to (creating its parents) another name of the file from: a hard
 * link, or a copy where links cannot be made (another file system, a file
 * system without links). An existing to is replaced. Journaled as a write. */
int hc_fs_link(const char *from, const char *to);
int hc_fs_is_dir(const char *path);
int hc_fs_exists(const char *path);
/* The size in bytes of the regular file dir/rel, -1 if there is none. */
long long hc_fs_file_size(const char *dir, const char *rel);

/* The names in folder dir that end in suffix (or every regular file and
 * folder if suffix is NULL), sorted bytewise, "." and ".." and dotfiles left out.
 * *names is a malloc'd array of malloc'd strings; free with hc_fs_names_free.
 * A missing folder gives 0 names and success. */
int hc_fs_list(const char *dir, const char *suffix, char ***names, size_t *count);
void hc_fs_names_free(char **names, size_t count);

/* To list every file below a folder, see tree.h (hc_tree_walk): it follows
 * links only inside a fence and never opens a FIFO or device. */

/* Puts folder staging in the place of out: in one atomic exchange where the
 * file system has it (renameat2), else out is renamed to OUT.old-huace (which
 * must not exist) and staging renamed to out. *old gets where the previous out
 * now is (malloc'd; NULL if there was none); nothing is deleted: the caller
 * decides what of it goes. On failure out is as it was. */
int hc_fs_swap_in(const char *staging, const char *out, char **old);

/* path made absolute, with "." and ".." segments and every symbolic link in
 * its existing part resolved (a link to a missing target is followed to that
 * target's name); the parts that do not exist are kept as named. */
int hc_fs_resolve(const char *path, hc_buf *out);

/* The first write that failed for a reason every later write would share
 * (no space left, quota, read-only or failing disk), seen by hc_fs_write,
 * hc_fs_out_* and hc_fs_copy: its errno (0: none) and *path (owned here, valid
 * until cleared). Once there is one, those calls write nothing and fail with
 * ECANCELED, so a build stops at the first such failure. */
int hc_fs_write_failure(const char **path);
void hc_fs_write_failure_clear(void);
/* Records a failed write made outside these calls (a library writing a file
 * itself: cairo, qpdf) as the first failed write when errno e is one every
 * later write would share; returns 1 if it is such an error, else 0. */
int hc_fs_note_write_failure(const char *path, int e);

#endif
