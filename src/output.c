/* output.c — the output folder: checks, the lock, and a swap that keeps
 * what huace did not write (see output.h). */
#include "output.h"
#include "base/alloc.h"
#include "base/buf.h"
#include "base/fs.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct hc_output {
    char *cmd;
    char *name;       /* OUT as named */
    char *dir;        /* OUT resolved */
    char *src;        /* SRC resolved */
    char *staging, *cache, *lock, *carry, *kept;
    char *kept_shown; /* OUT.huace-kept as named, for messages */
    char *old;        /* the previous site after the swap */
    int force, lockfd;
    char **carried;   /* paths below OUT moved into staging, for moving back */
    size_t ncarried, capcarried;
};

/* "huace CMD: " and the message, as hc_cli_usage prints; returns 2. */
static int usage(const hc_output *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int usage(const hc_output *o, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "huace %s: ", o->cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n(see 'huace help %s')\n", o->cmd);
    return 2;
}

static char *cat(const char *a, const char *b)
{
    char *s;
    if (asprintf(&s, "%s%s", a, b) < 0) abort();
    return s;
}

static char *join(const char *a, const char *b)
{
    char *s;
    if (asprintf(&s, "%s/%s", a, b) < 0) abort();
    return s;
}

/* 1 if folder path has any entry */
static int non_empty(const char *path)
{
    DIR *dir = opendir(path);
    struct dirent *e;
    int any = 0;
    if (!dir) return errno != ENOENT;   /* unreadable: not known to be empty */
    while (!any && (e = readdir(dir)))
        any = strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(dir);
    return any;
}

/* rel below base ("" for base itself), or NULL */
static const char *below(const char *path, const char *base)
{
    size_t n = strlen(base);
    if (n == 1) return path + 1;   /* "/" */
    if (strncmp(path, base, n)) return NULL;
    if (path[n] == '\0') return path + n;
    return path[n] == '/' ? path + n + 1 : NULL;
}

/* 1 if another build holds OUT's lock now (without creating the file) */
static int locked_by_other(const hc_output *o)
{
    int fd = open(o->lock, O_RDONLY | O_CLOEXEC), held = 0;
    if (fd < 0) return 0;
    held = flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    close(fd);
    return held;
}

/* The checks; 0 or 2 after printing. Before the lock (locked 0), a folder
 * another build is writing is left to the check under the lock. */
static int check(hc_output *o, int locked)
{
    static const char *const reads[] = { "site.yaml", "seeds", "content", "assets", "layouts", "themes" };
    struct stat st;
    const char *rel;
    if ((rel = below(o->src, o->dir))) {
        if (!*rel) return usage(o, "the output folder '%s' is the site folder itself: name another with -o", o->name);
        return usage(o, "the output folder '%s' holds the site folder '%s': name one outside it with -o", o->name,
                     o->src);
    }
    if ((rel = below(o->dir, o->src))) {
        for (size_t i = 0; i < sizeof reads / sizeof reads[0]; i++) {
            size_t n = strlen(reads[i]);
            if (!strncmp(rel, reads[i], n) && (rel[n] == '\0' || rel[n] == '/'))
                return usage(o, "the output folder '%s' lies in %s%s of the site, which huace reads: name another with -o",
                             o->name, reads[i], strcmp(reads[i], "site.yaml") ? "/" : "");
        }
    }
    if (lstat(o->dir, &st) == 0) {
        if (!S_ISDIR(st.st_mode)) return usage(o, "the output '%s' exists and is not a folder: name a folder with -o", o->name);
        if (!o->force && access(o->cache, F_OK) != 0 && non_empty(o->dir) && (locked || !locked_by_other(o)))
            return usage(o,
                         "the output folder '%s' is not empty and huace did not write it (there is no %s beside it): "
                         "name an empty or new folder with -o, or add --force to build into it (its files are kept)",
                         o->name, strrchr(o->cache, '/') + 1);
    }
    return 0;
}

int hc_output_open(const char *cmd, const char *src, const char *out_arg, int force, hc_output **res)
{
    hc_output *o = hc_xcalloc(1, sizeof *o);
    hc_buf b = HC_BUF_INIT;
    int rc = 2;
    o->cmd = hc_xstrdup(cmd);
    o->force = force;
    o->lockfd = -1;
    if (out_arg) {
        hc_buf_puts(&b, out_arg);
    } else {
        hc_buf_puts(&b, src);
        hc_buf_puts(&b, "/public");
    }
    while (b.len > 1 && b.data[b.len - 1] == '/') hc_buf_truncate(&b, b.len - 1);
    o->name = hc_xstrdup(hc_buf_cstr(&b));
    if (!o->name[0]) {
        usage(o, "-o needs a folder name, not ''");
        goto out;
    }
    if (hc_fs_resolve(o->name, &b) != 0) {
        usage(o, "cannot follow the output folder '%s': %s", o->name, strerror(errno));
        goto out;
    }
    o->dir = hc_xstrdup(hc_buf_cstr(&b));
    if (hc_fs_resolve(src, &b) != 0) {
        usage(o, "cannot follow the site folder '%s': %s", src, strerror(errno));
        goto out;
    }
    o->src = hc_xstrdup(hc_buf_cstr(&b));
    o->staging = cat(o->dir, ".tmp-huace");
    o->cache = cat(o->dir, ".huace-cache");
    o->lock = cat(o->dir, ".huace-lock");
    o->carry = cat(o->dir, ".huace-carry");
    o->kept = cat(o->dir, ".huace-kept");
    struct stat st;   /* beside a link's target, the place is named in full */
    o->kept_shown = lstat(o->name, &st) == 0 && S_ISLNK(st.st_mode) ? hc_xstrdup(o->kept) : cat(o->name, ".huace-kept");
    rc = check(o, 0);
out:
    hc_buf_free(&b);
    if (rc) {
        hc_output_close(o);
        o = NULL;
    }
    *res = o;
    return rc;
}

const char *hc_output_dir(const hc_output *o) { return o->dir; }
const char *hc_output_name(const hc_output *o) { return o->name; }
const char *hc_output_staging(const hc_output *o) { return o->staging; }

/* Creates the folders that hold path (0755); -1 with errno. */
static int parents(const char *path)
{
    char *dir = hc_xstrdup(path);
    char *slash = strrchr(dir, '/');
    int rc = 0;
    if (slash && slash != dir) {
        *slash = '\0';
        rc = hc_fs_mkdirs(dir);
    }
    free(dir);
    return rc;
}

static void free_carried(hc_output *o)
{
    hc_fs_names_free(o->carried, o->ncarried);
    o->carried = NULL;
    o->ncarried = o->capcarried = 0;
}

/* A stopped build may have left files of yours in the staging folder (listed
 * in OUT.huace-carry): they go back into OUT before the staging folder is
 * removed. */
static void recover(hc_output *o)
{
    hc_buf list = HC_BUF_INIT;
    if (hc_fs_read(o->carry, &list) == 0) {
        for (char *line = list.data; line && *line;) {
            char *nl = strchr(line, '\n');
            if (!nl) break;
            *nl = '\0';
            char *from = join(o->staging, line), *to = join(o->dir, line);
            struct stat st;
            if (lstat(from, &st) == 0 && lstat(to, &st) != 0 && errno == ENOENT && parents(to) == 0) rename(from, to);
            free(from);
            free(to);
            line = nl + 1;
        }
        unlink(o->carry);
    }
    hc_buf_free(&list);
    /* a previous site a stopped build had set aside (hc_fs_swap_in without
     * renameat2): only huace's files, those of yours were carried first */
    char *aside = cat(o->dir, ".old-huace");
    hc_fs_rmtree(aside);
    free(aside);
}

int hc_output_lock(hc_output *o, int no_wait, int quiet)
{
    if (parents(o->lock) != 0 ||
        (o->lockfd = open(o->lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) < 0) {
        fprintf(stderr, "huace %s: error: cannot create the lock file %s: %s\n", o->cmd, o->lock, strerror(errno));
        return 1;
    }
    if (flock(o->lockfd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK) {
            fprintf(stderr, "huace %s: error: cannot lock %s: %s\n", o->cmd, o->lock, strerror(errno));
            return 1;
        }
        if (no_wait) {
            fprintf(stderr, "huace %s: another build is writing %s (--no-wait given)\n", o->cmd, o->name);
            return 1;
        }
        if (!quiet) {
            fprintf(stderr, "huace %s: waiting for another build writing %s…\n", o->cmd, o->name);
            fflush(stderr);
        }
        while (flock(o->lockfd, LOCK_EX) != 0) {
            if (errno != EINTR) {
                fprintf(stderr, "huace %s: error: cannot lock %s: %s\n", o->cmd, o->lock, strerror(errno));
                return 1;
            }
        }
    }
    int rc = check(o, 1);
    if (rc) return rc;
    recover(o);
    return 0;
}

/* ---- the manifest: the files the last build wrote, as a sorted set ---- */

typedef struct {
    char **v;
    size_t n, cap;
} names;

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void manifest_parse(const char *manifest, names *m)
{
    for (const char *line = manifest; line && *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        const char *sp = line[0] == 'F' && line[1] == ' ' ? memchr(line + 2, ' ', len - 2) : NULL;
        if (sp) {
            m->v = hc_xgrow(m->v, &m->cap, m->n + 1, sizeof *m->v);
            m->v[m->n++] = hc_xstrndup(sp + 1, len - (size_t)(sp + 1 - line));
        }
        line = nl ? nl + 1 : NULL;
    }
    if (m->n) qsort(m->v, m->n, sizeof *m->v, cmp_name);
}

static int listed(const names *m, const char *rel)
{
    return m->n && bsearch(&rel, m->v, m->n, sizeof *m->v, cmp_name) != NULL;
}

/* Every entry below root that is not a folder, and every empty folder, as
 * paths relative to root (dotfiles too; links are not followed), with folders
 * marked by a trailing '/'. Unreadable folders make it -1. */
static int list_all(const char *root, const char *rel, names *out)
{
    char *dir = rel[0] ? join(root, rel) : hc_xstrdup(root);
    DIR *d = opendir(dir);
    int rc = 0, any = 0;
    struct dirent *e;
    if (!d) {
        rc = -1;
        goto out;
    }
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        any = 1;
        char *sub = rel[0] ? join(rel, e->d_name) : hc_xstrdup(e->d_name);
        char *full = join(root, sub);
        struct stat st;
        if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (list_all(root, sub, out) != 0) rc = -1;
            free(sub);
        } else {
            out->v = hc_xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
            out->v[out->n++] = sub;
        }
        free(full);
    }
    closedir(d);
    if (!any && rel[0]) {
        out->v = hc_xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
        out->v[out->n++] = cat(rel, "/");
    }
out:
    free(dir);
    return rc;
}

/* 1 if the two regular files have the same bytes */
static int same_bytes(const char *a, const char *b)
{
    struct stat sa, sb;
    if (lstat(a, &sa) != 0 || lstat(b, &sb) != 0 || !S_ISREG(sa.st_mode) || !S_ISREG(sb.st_mode) ||
        sa.st_size != sb.st_size)
        return 0;
    hc_buf x = HC_BUF_INIT, y = HC_BUF_INIT;
    int same = hc_fs_read(a, &x) == 0 && hc_fs_read(b, &y) == 0 && x.len == y.len &&
               (x.len == 0 || memcmp(x.data, y.data, x.len) == 0);
    hc_buf_free(&x);
    hc_buf_free(&y);
    return same;
}

/* Moves from (rel below OUT) to OUT.huace-kept/rel, or rel.1, rel.2, … when
 * that is taken; warns. -1 with errno. */
static int keep(hc_output *o, const char *from, const char *rel, const char *why, hc_diags *d)
{
    hc_buf to = HC_BUF_INIT;
    int rc = -1;
    struct stat st;
    hc_buf_printf(&to, "%s/%s", o->kept, rel);
    size_t base = to.len;
    for (int i = 1; lstat(hc_buf_cstr(&to), &st) == 0; i++) {
        hc_buf_truncate(&to, base);
        hc_buf_printf(&to, ".%d", i);
    }
    if (parents(hc_buf_cstr(&to)) != 0 || rename(from, hc_buf_cstr(&to)) != 0) goto out;
    hc_warn(d, "output", o->name, 0, 0, "%s (not written by huace) %s: moved to %s%s", rel, why, o->kept_shown,
            hc_buf_cstr(&to) + strlen(o->kept));
    rc = 0;
out:
    hc_buf_free(&to);
    return rc;
}

/* Puts the carried files back into OUT (after a failure). */
static void carry_back(hc_output *o)
{
    for (size_t i = o->ncarried; i-- > 0;) {
        char *from = join(o->staging, o->carried[i]), *to = join(o->dir, o->carried[i]);
        if (parents(to) == 0) rename(from, to);
        free(from);
        free(to);
    }
    free_carried(o);
    unlink(o->carry);
}

int hc_output_carry(hc_output *o, const char *manifest, hc_diags *d)
{
    names m = { NULL, 0, 0 }, all = { NULL, 0, 0 }, todo = { NULL, 0, 0 };
    hc_buf list = HC_BUF_INIT;
    int rc = -1;
    struct stat st;
    free_carried(o);
    if (lstat(o->dir, &st) != 0) return 0;   /* nothing there yet */
    manifest_parse(manifest, &m);
    if (list_all(o->dir, "", &all) != 0) {
        hc_error(d, "write", o->name, 0, 0, "cannot read the output folder to keep what huace did not write: %s",
                 strerror(errno));
        goto out;
    }
    for (size_t i = 0; i < all.n; i++) {
        const char *rel = all.v[i];
        char *full = join(o->dir, rel);
        int huaces = rel[strlen(rel) - 1] != '/' && listed(&m, rel) && lstat(full, &st) == 0 && S_ISREG(st.st_mode);
        free(full);
        if (huaces) continue;
        todo.v = hc_xgrow(todo.v, &todo.cap, todo.n + 1, sizeof *todo.v);
        todo.v[todo.n++] = all.v[i];
        all.v[i] = NULL;
        hc_buf_printf(&list, "%s\n", rel);
    }
    /* the list first, so that a build stopped halfway puts them back (recover) */
    if (todo.n && hc_fs_write(o->carry, list.data, list.len) != 0) {
        hc_error(d, "write", o->carry, 0, 0, "cannot write: %s", strerror(errno));
        goto out;
    }
    for (size_t i = 0; i < todo.n; i++) {
        char *rel = todo.v[i];
        size_t len = strlen(rel);
        int is_dir = rel[len - 1] == '/';
        if (is_dir) rel[len - 1] = '\0';
        char *from = join(o->dir, rel), *to = join(o->staging, rel);
        int ok;
        if (lstat(to, &st) != 0 && (errno == ENOENT || errno == ENOTDIR)) {
            errno = 0;
            if (parents(to) == 0) {
                if (is_dir) {
                    ok = mkdir(to, 0755) == 0;   /* an empty folder of yours: made again, nothing to move */
                } else {
                    ok = rename(from, to) == 0;
                    if (ok) {
                        o->carried = hc_xgrow(o->carried, &o->capcarried, o->ncarried + 1, sizeof *o->carried);
                        o->carried[o->ncarried++] = hc_xstrdup(rel);
                    }
                }
            } else {
                ok = errno == ENOTDIR && keep(o, from, rel, "is where the new site has a file", d) == 0;
            }
        } else if (is_dir && S_ISDIR(st.st_mode)) {
            ok = 1;
        } else if (same_bytes(from, to)) {
            ok = 1;   /* the new site has this very file: the old copy goes with the old site */
            unlink(from);
        } else {
            ok = keep(o, from, rel, "is where the new site has a file", d) == 0;
        }
        if (!ok) {
            hc_error(d, "write", o->name, 0, 0, "cannot move %s (not written by huace) into the new site: %s", rel,
                     strerror(errno));
            free(from);
            free(to);
            carry_back(o);
            goto out;
        }
        free(from);
        free(to);
    }
    rc = 0;
out:
    hc_fs_names_free(m.v, m.n);
    hc_fs_names_free(all.v, all.n);
    hc_fs_names_free(todo.v, todo.n);
    hc_buf_free(&list);
    return rc;
}

int hc_output_swap(hc_output *o)
{
    free(o->old);
    o->old = NULL;
    if (hc_fs_swap_in(o->staging, o->dir, &o->old) != 0) {
        int e = errno;
        carry_back(o);
        errno = e;
        return -1;
    }
    free_carried(o);
    unlink(o->carry);   /* the carried files are in OUT now */
    return 0;
}

/* Removes the folders below root (and root) that are empty, deepest first. */
static void prune(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    if (!d) return;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char *sub = join(path, e->d_name);
        struct stat st;
        if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode)) prune(sub);
        free(sub);
    }
    closedir(d);
    rmdir(path);   /* fails, as it should, when something is left */
}

void hc_output_clean(hc_output *o, const char *manifest, hc_diags *d)
{
    names m = { NULL, 0, 0 }, all = { NULL, 0, 0 };
    if (!o->old) return;
    manifest_parse(manifest, &m);
    list_all(o->old, "", &all);
    for (size_t i = 0; i < all.n; i++) {
        const char *rel = all.v[i];
        char *full = join(o->old, rel);
        struct stat st;
        size_t len = strlen(rel);
        if (rel[len - 1] == '/') {
            /* an empty folder: huace's, as the carry made again any of yours */
        } else if (listed(&m, rel) && lstat(full, &st) == 0 && S_ISREG(st.st_mode)) {
            unlink(full);
        } else if (keep(o, full, rel, "appeared in the output during the build", d) != 0) {
            hc_warn(d, "output", o->name, 0, 0, "%s (not written by huace) was left in %s: %s", rel, o->old,
                    strerror(errno));
        }
        free(full);
    }
    prune(o->old);
    hc_fs_names_free(m.v, m.n);
    hc_fs_names_free(all.v, all.n);
    free(o->old);
    o->old = NULL;
}

void hc_output_close(hc_output *o)
{
    if (!o) return;
    if (o->lockfd >= 0) close(o->lockfd);   /* the lock goes with it; the file stays (removing it would race) */
    free_carried(o);
    free(o->cmd);
    free(o->name);
    free(o->dir);
    free(o->src);
    free(o->staging);
    free(o->cache);
    free(o->lock);
    free(o->carry);
    free(o->kept);
    free(o->kept_shown);
    free(o->old);
    free(o);
}
