/* watch.c — serve's watcher over inotify (see watch.h). */
#include "serve/watch.h"
#include "base/alloc.h"
#include "base/buf.h"
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MASK (IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | \
              IN_DELETE_SELF | IN_MOVE_SELF)

static const char *const parts[] = { "site.yaml", "seeds", "content", "assets", "layouts", "themes" };

struct hc_watch {
    char *src;
    int fd;              /* the inotify instance */
    int root_wd;         /* SRC's own watch */
    unsigned char *seen; /* by watch descriptor: 1 when that folder is watched (so entered once) */
    size_t capseen;
    char **rel;          /* by watch descriptor: the folder relative to SRC (owned), capseen of them */
    int rewatch;         /* a folder came, went or moved: watch afresh before the next wait */
    /* what the last change was made of (hc_watch_changes) */
    char **files;        /* files written, created, deleted or renamed, relative to SRC (owned) */
    unsigned char *fate; /* per file: FILE_MADE (its first event made it), FILE_GONE (its last took it away) */
    size_t nfiles, capfiles, capfate;
    int other;           /* anything else: a folder, SRC itself, a lost event, too many files */
};

#define MAX_FILES 64     /* more files than this in one change: taken as a change of everything */
#define HOLD_MS 500      /* how long a save under way (a file open for writing, or moved away) may hold a change */
/* FILE_MADE: its first event made it; FILE_GONE: its last took it away; FILE_OPEN: written and not yet closed */
enum { FILE_MADE = 1, FILE_GONE = 2, FILE_OPEN = 4 };

/* Watches the folder src/rel and every folder below it (names starting with
 * '.' left out). Returns -1 only when the kernel refuses for want of room
 * (the watch limit), having said so; a folder that went meanwhile is fine. */
static int watch_tree(hc_watch *w, const char *rel)
{
    int rc = 0;
    hc_buf full = HC_BUF_INIT, sub = HC_BUF_INIT;
    DIR *dir = NULL;
    hc_buf_printf(&full, "%s/%s", w->src, rel);
    int wd = inotify_add_watch(w->fd, hc_buf_cstr(&full), MASK | IN_ONLYDIR);
    if (wd < 0) {
        if (errno == ENOSPC || errno == ENOMEM) {
            fprintf(stderr, "huace serve: note: cannot watch %s (%s; see fs.inotify.max_user_watches): "
                            "looking for changes every 300 ms instead\n", hc_buf_cstr(&full), strerror(errno));
            rc = -1;
        }
        goto out;
    }
    if ((size_t)wd >= w->capseen) {
        size_t old = w->capseen;
        w->seen = hc_xgrow(w->seen, &w->capseen, (size_t)wd + 1, 1);
        memset(w->seen + old, 0, w->capseen - old);
        w->rel = hc_xrealloc(w->rel, w->capseen * sizeof *w->rel);
        memset(w->rel + old, 0, (w->capseen - old) * sizeof *w->rel);
    }
    if (w->seen[wd]) goto out;   /* the same folder through a link: entered once */
    w->seen[wd] = 1;
    free(w->rel[wd]);
    w->rel[wd] = hc_xstrdup(rel);
    if (!(dir = opendir(hc_buf_cstr(&full)))) goto out;
    struct dirent *e;
    while (rc == 0 && (e = readdir(dir))) {
        if (e->d_name[0] == '.') continue;
        hc_buf_reset(&sub);
        hc_buf_printf(&sub, "%s/%s", rel, e->d_name);
        int is_dir = e->d_type == DT_DIR;
        if (e->d_type == DT_LNK || e->d_type == DT_UNKNOWN) {
            struct stat st;
            hc_buf_reset(&full);
            hc_buf_printf(&full, "%s/%s", w->src, hc_buf_cstr(&sub));
            is_dir = stat(hc_buf_cstr(&full), &st) == 0 && S_ISDIR(st.st_mode);
        }
        if (is_dir) rc = watch_tree(w, hc_buf_cstr(&sub));
    }
out:
    if (dir) closedir(dir);
    hc_buf_free(&full);
    hc_buf_free(&sub);
    return rc;
}

/* A fresh inotify instance watching SRC and the input folders below it. */
static int watch_all(hc_watch *w)
{
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) {
        fprintf(stderr, "huace serve: note: no inotify (%s): looking for changes every 300 ms instead\n",
                strerror(errno));
        return -1;
    }
    if (w->fd >= 0) close(w->fd);
    w->fd = fd;
    if (w->seen) memset(w->seen, 0, w->capseen);
    for (size_t i = 0; i < w->capseen; i++) {
        free(w->rel[i]);
        w->rel[i] = NULL;
    }
    w->rewatch = 0;
    w->root_wd = inotify_add_watch(fd, w->src, (MASK & ~(IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB)) | IN_ONLYDIR);
    if (w->root_wd < 0) {
        fprintf(stderr, "huace serve: note: cannot watch %s (%s): looking for changes every 300 ms instead\n",
                w->src, strerror(errno));
        return -1;
    }
    for (size_t i = 1; i < sizeof parts / sizeof parts[0]; i++)
        if (watch_tree(w, parts[i]) != 0) return -1;
    return 0;
}

hc_watch *hc_watch_open(const char *src)
{
    hc_watch *w = hc_xcalloc(1, sizeof *w);
    w->src = hc_xstrdup(src);
    w->fd = -1;
    if (watch_all(w) != 0) {
        hc_watch_close(w);
        return NULL;
    }
    return w;
}

/* Notes the file an event names as part of the change, or that the change
 * is more than files (see hc_watch_changes). */
static void note_change(hc_watch *w, const struct inotify_event *ev)
{
    if (ev->wd == w->root_wd || !ev->len || (ev->mask & IN_ISDIR) || (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) ||
        ev->wd < 0 || (size_t)ev->wd >= w->capseen || !w->rel[ev->wd] || w->nfiles >= MAX_FILES) {
        w->other = 1;
        return;
    }
    hc_buf path = HC_BUF_INIT;
    hc_buf_printf(&path, "%s/%s", w->rel[ev->wd], ev->name);
    size_t i = 0;
    while (i < w->nfiles && strcmp(w->files[i], hc_buf_cstr(&path))) i++;
    if (i == w->nfiles) {
        w->files = hc_xgrow(w->files, &w->capfiles, w->nfiles + 1, sizeof *w->files);
        w->fate = hc_xgrow(w->fate, &w->capfate, w->nfiles + 1, 1);
        w->files[w->nfiles++] = hc_xstrdup(hc_buf_cstr(&path));
        w->fate[i] = ev->mask & (IN_CREATE | IN_MOVED_TO) ? FILE_MADE : 0;
    }
    if (ev->mask & (IN_DELETE | IN_MOVED_FROM)) w->fate[i] |= FILE_GONE;
    else w->fate[i] &= (unsigned char)~FILE_GONE;
    if (ev->mask & (IN_CREATE | IN_MODIFY)) w->fate[i] |= FILE_OPEN;
    if (ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM)) w->fate[i] &= (unsigned char)~FILE_OPEN;
    hc_buf_free(&path);
}

static void forget_changes(hc_watch *w)
{
    for (size_t i = 0; i < w->nfiles; i++) free(w->files[i]);
    w->nfiles = 0;
    w->other = 0;
}

/* 1 for an editor's by-product in a folder whose files the build picks by
 * their ending (content/, content/cases/: .md; content/projects/: .yaml):
 * a backup ("a.md~"), a swap file ("a.md.swp" …) or vim's probe of whether
 * it may write there ("4913", "5036" …). Elsewhere (assets/ is copied as it
 * is) every name counts. */
static int editor_litter(const char *dir, const char *name)
{
    static const char *const ends[] = { "~", ".swp", ".swo", ".swx", ".swpx" };
    if (strcmp(dir, "content") && strcmp(dir, "content/cases") && strcmp(dir, "content/projects")) return 0;
    size_t n = strlen(name), digits = strspn(name, "0123456789");
    if (n && digits == n) return 1;
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t k = strlen(ends[i]);
        if (n > k && !strcmp(name + n - k, ends[i])) return 1;
    }
    return 0;
}

/* 1 if the event's name is a symbolic link now (one made or renamed in may
 * lead to a folder, which must be watched). */
static int names_link(const hc_watch *w, const struct inotify_event *ev)
{
    struct stat st;
    hc_buf full = HC_BUF_INIT;
    hc_buf_printf(&full, "%s/%s/%s", w->src, w->rel[ev->wd], ev->name);
    int link = lstat(hc_buf_cstr(&full), &st) == 0 && S_ISLNK(st.st_mode);
    hc_buf_free(&full);
    return link;
}

/* Whether an event is a change of the inputs; notes when the folders to
 * watch may have changed. */
static int is_change(hc_watch *w, const struct inotify_event *ev)
{
    if (ev->mask & IN_Q_OVERFLOW) {
        w->rewatch = 1;
        w->other = 1;
        return 1;
    }
    if (ev->mask & IN_IGNORED) return 0;
    if (ev->wd == w->root_wd) {
        if (!ev->len) {   /* SRC itself moved or went */
            w->rewatch = 1;
            return 1;
        }
        for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
            if (!strcmp(ev->name, parts[i])) {
                if (i > 0 || (ev->mask & IN_ISDIR)) w->rewatch = 1;
                return 1;
            }
        return 0;
    }
    if (ev->len && ev->name[0] == '.') return 0;
    int known = ev->wd >= 0 && (size_t)ev->wd < w->capseen && w->rel[ev->wd];
    if (ev->len && known && !(ev->mask & IN_ISDIR) && editor_litter(w->rel[ev->wd], ev->name)) return 0;
    if ((ev->mask & IN_ISDIR) || (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF))) w->rewatch = 1;
    /* a link made or renamed may lead to a folder (a plain file needs no new watch) */
    if ((ev->mask & (IN_CREATE | IN_MOVED_TO)) && !(ev->mask & IN_ISDIR) && (!ev->len || !known || names_link(w, ev)))
        w->rewatch = 1;
    return 1;
}

/* Reads what is queued; returns whether any of it was a change, -1 on an
 * error other than "nothing queued". */
static int drain(hc_watch *w)
{
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    int changed = 0;
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK ? changed : -1;
        if (n == 0) return changed;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            if (is_change(w, ev)) {
                changed = 1;
                note_change(w, ev);
            }
            p += sizeof *ev + ev->len;
        }
    }
}

/* 1 while a save seems under way: a file is open for writing, or one that
 * was there has been moved away or deleted (vim renames it to a backup, then
 * writes it anew). */
static int saving(const hc_watch *w)
{
    for (size_t i = 0; i < w->nfiles; i++)
        if ((w->fate[i] & FILE_OPEN) || w->fate[i] == FILE_GONE) return 1;
    return 0;
}

static long ms_between(const struct timespec *a, const struct timespec *b)
{
    return (long)(b->tv_sec - a->tv_sec) * 1000 + (b->tv_nsec - a->tv_nsec) / 1000000;
}

int hc_watch_wait(hc_watch *w, int timeout_ms, int settle_ms)
{
    struct pollfd pf = { .fd = w->fd, .events = POLLIN };
    int changed = 0, rc;
    struct timespec t0, t;
    forget_changes(w);
    while (!changed) {
        rc = poll(&pf, 1, timeout_ms);
        if (rc < 0) return errno == EINTR ? -1 : 0;
        if (rc == 0) return 0;
        if ((changed = drain(w)) < 0) return 0;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {   /* until settle_ms pass with no change and no save under way (for HOLD_MS at most) */
        pf.fd = w->fd;
        int wait = settle_ms;
        if (saving(w)) {
            clock_gettime(CLOCK_MONOTONIC, &t);
            long left = HOLD_MS - ms_between(&t0, &t);
            if (left > wait) wait = (int)left;
        }
        rc = poll(&pf, 1, wait);
        if (rc < 0) {
            if (errno == EINTR) return -1;
            break;
        }
        if (rc == 0) break;
        if (drain(w) < 0) break;
    }
    if (w->rewatch) watch_all(w);   /* a failure leaves the old instance: no worse than before */
    return 1;
}

int hc_watch_changes(hc_watch *w, const char *const **files, size_t *n)
{
    size_t k = 0;
    for (size_t i = 0; i < w->nfiles; i++) {   /* a file made and gone again (sed -i's) was no change */
        if (w->fate[i] == (FILE_MADE | FILE_GONE)) {
            free(w->files[i]);
            continue;
        }
        w->fate[k] = w->fate[i];
        w->files[k++] = w->files[i];
    }
    w->nfiles = k;
    *files = (const char *const *)w->files;
    *n = w->nfiles;
    return !w->other && w->nfiles > 0;
}

void hc_watch_close(hc_watch *w)
{
    if (!w) return;
    if (w->fd >= 0) close(w->fd);
    forget_changes(w);
    free(w->files);
    free(w->fate);
    for (size_t i = 0; i < w->capseen; i++) free(w->rel[i]);
    free(w->rel);
    free(w->seen);
    free(w->src);
    free(w);
}
