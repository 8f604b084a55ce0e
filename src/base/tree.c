/* tree.c — a walk that follows links only inside a fence (see tree.h). */
#include "tree.h"
#include "alloc.h"
#include "fs.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    dev_t dev;
    ino_t ino;
} folder_id;

typedef struct {
    folder_id id;
    char *rel;       /* NULL: an empty slot */
} linked_slot;

typedef struct {
    hc_tree *t;
    char *fence;             /* resolved; NULL: anywhere */
    size_t fence_len;
    folder_id *stack;        /* the folders being walked, outermost first */
    char **stack_rel;
    size_t depth, cap;
    linked_slot *linked;     /* folders entered through a link: an open-addressing set */
    size_t nlinked, caplinked;
    int rc;
} walker;

typedef struct {
    char *name;
    unsigned char type;
} entry;

static char *join(const char *a, const char *b)
{
    char *s;
    if (asprintf(&s, "%s%s%s", a, a[0] ? "/" : "", b) < 0) abort();
    return s;
}

static void add_skip(walker *w, const char *rel, hc_tree_why why, const char *what)
{
    hc_tree *t = w->t;
    t->skips = hc_xgrow(t->skips, &t->caps, t->nskips + 1, sizeof *t->skips);
    t->skips[t->nskips++] = (hc_tree_skip){ hc_xstrdup(rel), why, hc_xstrdup(what ? what : "") };
    if (why == HC_TREE_UNREADABLE) w->rc = -1;
}

static void add_file(walker *w, const char *rel, const char *real)
{
    hc_tree *t = w->t;
    t->files = hc_xgrow(t->files, &t->capf, t->nfiles + 1, sizeof *t->files);
    t->files[t->nfiles++] = (hc_tree_file){ hc_xstrdup(rel), hc_xstrdup(real) };
}

static uint64_t id_hash(folder_id id)
{
    uint64_t h = (uint64_t)id.dev * UINT64_C(0x9e3779b97f4a7c15) ^ (uint64_t)id.ino;
    return h * UINT64_C(0xff51afd7ed558ccd) ^ (h >> 29);
}

/* The rel a folder was first entered through a link by, or NULL. */
static const char *linked_find(const walker *w, folder_id id)
{
    if (!w->caplinked) return NULL;
    for (size_t i = id_hash(id) & (w->caplinked - 1);; i = (i + 1) & (w->caplinked - 1)) {
        const linked_slot *s = &w->linked[i];
        if (!s->rel) return NULL;
        if (s->id.dev == id.dev && s->id.ino == id.ino) return s->rel;
    }
}

static void linked_put(walker *w, folder_id id, const char *rel)
{
    if ((w->nlinked + 1) * 2 > w->caplinked) {
        size_t cap = w->caplinked ? w->caplinked * 2 : 16;
        linked_slot *old = w->linked;
        size_t oldcap = w->caplinked;
        w->linked = hc_xcalloc(cap, sizeof *w->linked);
        w->caplinked = cap;
        w->nlinked = 0;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].rel) {
                size_t k = id_hash(old[i].id) & (cap - 1);
                while (w->linked[k].rel) k = (k + 1) & (cap - 1);
                w->linked[k] = old[i];
                w->nlinked++;
            }
        free(old);
    }
    size_t k = id_hash(id) & (w->caplinked - 1);
    while (w->linked[k].rel) k = (k + 1) & (w->caplinked - 1);
    w->linked[k] = (linked_slot){ id, hc_xstrdup(rel) };
    w->nlinked++;
}

/* The rel of the folder being walked that is id, or NULL. */
static const char *on_stack(const walker *w, folder_id id)
{
    for (size_t i = 0; i < w->depth; i++)
        if (w->stack[i].dev == id.dev && w->stack[i].ino == id.ino) return w->stack_rel[i];
    return NULL;
}

static const char *special_name(mode_t m, int linked)
{
    if (S_ISFIFO(m)) return linked ? "a symbolic link to a FIFO (named pipe)" : "a FIFO (named pipe)";
    if (S_ISSOCK(m)) return linked ? "a symbolic link to a socket" : "a socket";
    if (S_ISCHR(m) || S_ISBLK(m)) return linked ? "a symbolic link to a device file" : "a device file";
    return linked ? "a symbolic link to something that is neither a file nor a folder"
                  : "neither a file nor a folder";
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

static void walk_dir(walker *w, const char *real, const char *rel, folder_id id);

static int inside_fence(const walker *w, const char *target)
{
    if (!w->fence) return 1;
    if (w->fence_len == 1) return 1;   /* the fence is "/" */
    return !strncmp(target, w->fence, w->fence_len) && (target[w->fence_len] == '/' || !target[w->fence_len]);
}

/* A symbolic link at real (a path otherwise free of links), rel below dir. */
static void follow_link(walker *w, const char *real, const char *rel)
{
    struct stat st;
    char *target = realpath(real, NULL);
    if (!target) {
        add_skip(w, rel, HC_TREE_DANGLING, strerror(errno));
    } else if (!inside_fence(w, target)) {
        add_skip(w, rel, HC_TREE_OUTSIDE, target);
    } else if (lstat(target, &st) != 0) {
        add_skip(w, rel, HC_TREE_DANGLING, strerror(errno));
    } else if (S_ISREG(st.st_mode)) {
        add_file(w, rel, target);
    } else if (S_ISDIR(st.st_mode)) {
        folder_id fid = { st.st_dev, st.st_ino };
        const char *seen;
        if ((seen = on_stack(w, fid))) add_skip(w, rel, HC_TREE_LOOP, seen);
        else if ((seen = linked_find(w, fid))) add_skip(w, rel, HC_TREE_AGAIN, seen);
        else {
            linked_put(w, fid, rel);
            walk_dir(w, target, rel, fid);
        }
    } else {
        add_skip(w, rel, HC_TREE_SPECIAL, special_name(st.st_mode, 1));
    }
    free(target);
}

static void walk_dir(walker *w, const char *real, const char *rel, folder_id id)
{
    entry *v = NULL;
    size_t n = 0, cap = 0;
    DIR *d = opendir(real);
    if (!d) {
        add_skip(w, rel, HC_TREE_UNREADABLE, strerror(errno));
        goto out;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        v = hc_xgrow(v, &cap, n + 1, sizeof *v);
        v[n++] = (entry){ hc_xstrdup(e->d_name), e->d_type };
    }
    closedir(d);   /* before going deeper: a deep tree holds no descriptors */
    if (n) qsort(v, n, sizeof *v, cmp_entry);   /* the first of two links to one folder wins, always the same */
    if (rel[0]) {
        hc_tree *t = w->t;
        t->dirs = hc_xgrow(t->dirs, &t->capd, t->ndirs + 1, sizeof *t->dirs);
        t->dirs[t->ndirs++] = hc_xstrdup(rel);
    }
    w->stack = hc_xgrow(w->stack, &w->cap, w->depth + 1, sizeof *w->stack);
    w->stack_rel = hc_xrealloc(w->stack_rel, w->cap * sizeof *w->stack_rel);
    w->stack[w->depth] = id;
    w->stack_rel[w->depth] = (char *)rel;
    w->depth++;
    for (size_t i = 0; i < n; i++) {
        char *sub = join(rel, v[i].name), *full = join(real, v[i].name);
        struct stat st;
        mode_t m = 0;
        switch (v[i].type) {
        case DT_REG: m = S_IFREG; break;
        case DT_DIR: m = S_IFDIR; break;
        case DT_LNK: m = S_IFLNK; break;
        default:
            if (lstat(full, &st) == 0) m = st.st_mode & S_IFMT;
            else if (errno != ENOENT) add_skip(w, sub, HC_TREE_DANGLING, strerror(errno));
        }
        if (S_ISREG(m)) {
            add_file(w, sub, full);
        } else if (S_ISDIR(m)) {
            if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
                folder_id fid = { st.st_dev, st.st_ino };
                const char *seen = on_stack(w, fid);   /* only a bind mount does this */
                if (seen) add_skip(w, sub, HC_TREE_LOOP, seen);
                else walk_dir(w, full, sub, fid);
            }
        } else if (S_ISLNK(m)) {
            follow_link(w, full, sub);
        } else if (m) {
            add_skip(w, sub, HC_TREE_SPECIAL, special_name(m, 0));
        }
        free(sub);
        free(full);
        free(v[i].name);
    }
    w->depth--;
out:
    free(v);
}

static int cmp_file(const void *a, const void *b)
{
    return strcmp(((const hc_tree_file *)a)->rel, ((const hc_tree_file *)b)->rel);
}

static int cmp_skip(const void *a, const void *b)
{
    return strcmp(((const hc_tree_skip *)a)->rel, ((const hc_tree_skip *)b)->rel);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int hc_tree_walk(const char *dir, const char *fence, hc_tree *t)
{
    walker w = { .t = t };
    struct stat st;
    char *real = NULL;
    if (fence) {
        w.fence = realpath(fence, NULL);
        if (!w.fence) w.fence = hc_xstrdup(fence);   /* nothing resolves inside a missing fence */
        w.fence_len = strlen(w.fence);
    }
    if (lstat(dir, &st) != 0) goto out;   /* missing: nothing to list */
    if (S_ISLNK(st.st_mode)) {
        real = realpath(dir, NULL);
        if (!real) {
            add_skip(&w, "", HC_TREE_DANGLING, strerror(errno));
            goto out;
        }
        if (!inside_fence(&w, real)) {
            add_skip(&w, "", HC_TREE_OUTSIDE, real);
            goto out;
        }
        if (stat(real, &st) != 0) goto out;
    } else {
        real = realpath(dir, NULL);
        if (!real) real = hc_xstrdup(dir);
    }
    if (!S_ISDIR(st.st_mode)) goto out;
    walk_dir(&w, real, "", (folder_id){ st.st_dev, st.st_ino });
out:
    if (t->nfiles) qsort(t->files, t->nfiles, sizeof *t->files, cmp_file);
    if (t->ndirs) qsort(t->dirs, t->ndirs, sizeof *t->dirs, cmp_str);
    if (t->nskips) qsort(t->skips, t->nskips, sizeof *t->skips, cmp_skip);
    for (size_t i = 0; i < w.caplinked; i++) free(w.linked[i].rel);
    free(w.linked);
    free(w.stack);
    free(w.stack_rel);
    free(w.fence);
    free(real);
    return w.rc;
}

void hc_tree_free(hc_tree *t)
{
    for (size_t i = 0; i < t->nfiles; i++) {
        free(t->files[i].rel);
        free(t->files[i].real);
    }
    for (size_t i = 0; i < t->ndirs; i++) free(t->dirs[i]);
    for (size_t i = 0; i < t->nskips; i++) {
        free(t->skips[i].rel);
        free(t->skips[i].what);
    }
    free(t->files);
    free(t->dirs);
    free(t->skips);
    *t = (hc_tree)HC_TREE_INIT;
}

int hc_tree_open(const hc_tree_file *f, struct stat *stp)
{
    struct stat st;
    int fd = open(f->real, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return -1;
    int bad = fstat(fd, &st) != 0 ? errno : !S_ISREG(st.st_mode) ? EINVAL : 0;
    if (bad) {
        close(fd);
        errno = bad;
        return -1;
    }
    if (stp) *stp = st;
    return fd;
}


int hc_tree_open_path(const char *path, const char *fence, struct stat *st)
{
    walker w = { 0 };
    hc_tree_file f = { NULL, realpath(path, NULL) };
    int fd = -1, e = errno;
    if (!f.real) goto out;
    if (fence) {
        w.fence = realpath(fence, NULL);
        if (!w.fence) w.fence = hc_xstrdup(fence);
        w.fence_len = strlen(w.fence);
    }
    if (!inside_fence(&w, f.real)) e = EACCES;
    else if ((fd = hc_tree_open(&f, st)) < 0) e = errno;
out:
    free(f.real);
    free(w.fence);
    errno = e;
    return fd;
}

int hc_tree_read_path(const char *path, const char *fence, hc_buf *out)
{
    int fd = hc_tree_open_path(path, fence, NULL);
    int rc = fd < 0 ? -1 : hc_fs_read_fd(fd, out, NULL);
    int e = errno;
    if (fd >= 0) close(fd);
    errno = e;
    return rc;
}
