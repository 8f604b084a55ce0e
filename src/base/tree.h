/* tree.h — a walk of a folder that is safe on whatever the folder holds:
 * for the files a build publishes (assets/, a theme's static/) and for the
 * inputs the cache and serve's watcher stat.
 *
 * hc_tree_walk lists the regular files below dir, names starting with '.'
 * left out. It opens nothing but folders, to list them.
 *  - A symbolic link is followed only when its target, resolved (realpath),
 *    lies inside fence (itself resolved; NULL: anywhere) and is a regular
 *    file or a folder.
 *  - FIFOs, sockets and device files, and links to them, are skipped.
 *  - A link to a folder that contains it (a link to '.' or to an ancestor)
 *    is a loop: skipped. A folder entered through one link is entered
 *    through no other, so links cannot multiply the size of a tree.
 * Every entry left out (but dotfiles) is listed in skips, once, with why.
 * The cost is bounded by the number of real entries below dir and below the
 * folders its links lead to.
 */
#ifndef HC_TREE_H
#define HC_TREE_H
#include <stddef.h>
#include "buf.h"

typedef struct {
    char *rel;     /* below dir, '/'-separated, never "." or ".." segments */
    char *real;    /* where to open it: a path with no symbolic link in it */
} hc_tree_file;

typedef enum {
    HC_TREE_OUTSIDE,      /* a link whose target is outside fence; what: the target */
    HC_TREE_DANGLING,     /* a link that leads nowhere; what: strerror */
    HC_TREE_SPECIAL,      /* a FIFO, socket or device (or a link to one); what: which */
    HC_TREE_LOOP,         /* a link to a folder that contains it; what: that folder's rel ("" for dir) */
    HC_TREE_AGAIN,        /* a link to a folder already entered through a link; what: that rel */
    HC_TREE_UNREADABLE,   /* a folder that could not be listed; what: strerror (an error, not a rule) */
} hc_tree_why;

typedef struct {
    char *rel;     /* below dir; "" for dir itself (a link leading outside) */
    hc_tree_why why;
    char *what;
} hc_tree_skip;

typedef struct {
    hc_tree_file *files;   /* sorted by rel, bytewise */
    size_t nfiles, capf;
    char **dirs;           /* the folders entered below dir, rel, sorted */
    size_t ndirs, capd;
    hc_tree_skip *skips;   /* sorted by rel */
    size_t nskips, caps;
} hc_tree;

#define HC_TREE_INIT { NULL, 0, 0, NULL, 0, 0, NULL, 0, 0 }

/* Walks dir into t (which must be HC_TREE_INIT or freed). A missing dir, or
 * one that is not a folder, has no files. Returns 0, or -1 when a folder
 * could not be listed (an HC_TREE_UNREADABLE skip says which); everything
 * else found is listed either way. */
int hc_tree_walk(const char *dir, const char *fence, hc_tree *t);
void hc_tree_free(hc_tree *t);

/* Opens a listed file for reading and returns the descriptor (the caller
 * closes it): follows no link, never blocks (a FIFO put there since the walk
 * is opened without waiting for a writer), and gives only a regular file:
 * else -1 with errno (ELOOP for a link, EINVAL for anything else). st (if not
 * NULL) gets the open file's status. */
struct stat;
int hc_tree_open(const hc_tree_file *f, struct stat *st);

/* The same for a file named by path (the album's photos, check's asset
 * references): opened only when its resolved path lies inside fence (NULL:
 * anywhere) and it is a regular file, never blocking. Returns the
 * descriptor, or -1 with errno: EACCES for a path leading outside fence,
 * EINVAL for anything but a regular file, else as open(2). */
int hc_tree_open_path(const char *path, const char *fence, struct stat *st);
/* Reads such a file whole into out (replacing its contents); 0 or -1 with
 * errno as above: a drop-in for hc_fs_read where a link, FIFO or device
 * must not be followed out of the site. */
int hc_tree_read_path(const char *path, const char *fence, hc_buf *out);

#endif
