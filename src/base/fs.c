#include "fs.h"
#include "alloc.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int hc_fs_read(const char *path, hc_buf *out)
{
    return hc_fs_read_stat(path, out, NULL);
}

int hc_fs_read_stat(const char *path, hc_buf *out, struct stat *stp)
{
    /* O_NONBLOCK: a FIFO must not block the open; only regular files are read
     * (a FIFO never ends, /dev/zero never ends either) */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return -1;
    int rc = hc_fs_read_fd(fd, out, stp);
    int e = errno;
    close(fd);
    errno = e;
    return rc;
}

int hc_fs_read_fd(int fd, hc_buf *out, struct stat *stp)
{
    struct stat st;
    if (fstat(fd, &st) != 0) return -1;
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {   /* a FIFO, device or socket may never end */
        errno = EINVAL;
        return -1;
    }
    if (stp) *stp = st;
    hc_buf_reset(out);
    /* room for the whole file and the read that sees its end, in one allocation */
    hc_buf_grow(out, (st.st_size > 0 ? (size_t)st.st_size : 0) + 4096);
    for (;;) {
        if (out->cap - out->len < 2) hc_buf_grow(out, 4096);
        ssize_t n = read(fd, out->data + out->len, out->cap - out->len - 1);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (n == 0) break;
        out->len += (size_t)n;
    }
    out->data[out->len] = '\0';
    return 0;
}

int hc_fs_mkdirs(const char *path)
{
    char *p = hc_xstrdup(path);
    int rc = 0;
    for (char *s = p + 1; *s; s++) {
        if (*s != '/') continue;
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST) { rc = -1; goto out; }
        *s = '/';
    }
    if (mkdir(p, 0755) != 0 && errno != EEXIST) rc = -1;
out:
    free(p);
    return rc;
}

/* Creates the folder that will hold path. Tries the folder itself first
 * (one mkdir: its parent usually exists), and only walks up when that fails. */
static int mkparents(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path) return 0;
    char *dir = hc_xstrndup(path, (size_t)(slash - path));
    int rc = 0;
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) rc = hc_fs_mkdirs(dir);
    free(dir);
    return rc;
}

/* ---- the write journal ----
 * Lines go to an unnamed temporary file while pages are written, so the
 * journal of 100,000 pages takes no memory at the busiest time; they are read
 * back, sorted and deduplicated when it is turned off. */

static pthread_mutex_t journal_mu = PTHREAD_MUTEX_INITIALIZER;
static atomic_int journal_is_on;
static char *journal_dir;
static size_t journal_dir_len;
static FILE *journal_file;       /* "F <size> <path>\n" lines in write order */
static hc_buf journal = HC_BUF_INIT;   /* the same, read back by hc_fs_journal_off */

void hc_fs_journal_on(const char *dir)
{
    free(journal_dir);
    journal_dir = hc_xstrdup(dir);
    journal_dir_len = strlen(dir);
    while (journal_dir_len > 1 && journal_dir[journal_dir_len - 1] == '/') journal_dir_len--;
    if (journal_file) fclose(journal_file);
    journal_file = tmpfile();    /* NULL: nothing is recorded, the next build has no shortcut */
    atomic_store(&journal_is_on, journal_file != NULL);
}

static void journal_add(const char *path, size_t len)
{
    if (!atomic_load(&journal_is_on) || strncmp(path, journal_dir, journal_dir_len) != 0 ||
        path[journal_dir_len] != '/')
        return;
    pthread_mutex_lock(&journal_mu);
    fprintf(journal_file, "F %zu %s\n", len, path + journal_dir_len + 1);
    pthread_mutex_unlock(&journal_mu);
}

static const char *line_path(size_t off)
{
    return strchr(journal.data + off + 2, ' ') + 1;
}

/* two paths that each end at a newline */
static int cmp_path(const char *p, const char *q)
{
    while (*p == *q && *p != '\n') p++, q++;
    return (*p == '\n' ? -1 : (unsigned char)*p) - (*q == '\n' ? -1 : (unsigned char)*q);
}

/* by path, then in the order of writing */
static int cmp_line(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int c = cmp_path(line_path(x), line_path(y));
    return c ? c : (x > y) - (x < y);
}

char *hc_fs_journal_off(void)
{
    hc_buf out = HC_BUF_INIT;
    size_t *lines = NULL, n = 0, cap = 0;
    int ok = atomic_load(&journal_is_on) && fflush(journal_file) == 0 && !ferror(journal_file);
    atomic_store(&journal_is_on, 0);
    hc_buf_reset(&journal);
    if (ok) {
        rewind(journal_file);
        char chunk[65536];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, journal_file)) > 0) hc_buf_put(&journal, chunk, got);
        ok = !ferror(journal_file);
    }
    for (size_t off = 0; ok && off < journal.len;) {
        const char *nl = memchr(journal.data + off, '\n', journal.len - off);
        if (!nl) break;
        lines = hc_xgrow(lines, &cap, n + 1, sizeof *lines);
        lines[n++] = off;
        off = (size_t)(nl - journal.data) + 1;
    }
    if (n) qsort(lines, n, sizeof *lines, cmp_line);
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n && cmp_path(line_path(lines[i]), line_path(lines[i + 1])) == 0)
            continue;   /* written again later */
        const char *s = journal.data + lines[i];
        hc_buf_put(&out, s, (size_t)(strchr(s, '\n') - s + 1));
    }
    free(lines);
    hc_buf_free(&journal);
    if (journal_file) fclose(journal_file);
    journal_file = NULL;
    free(journal_dir);
    journal_dir = NULL;
    if (!ok) {
        hc_buf_free(&out);
        return NULL;
    }
    hc_buf_putc(&out, '\0');
    out.len--;
    return hc_buf_detach(&out, NULL);
}

/* ---- the first failed write ----
 * When the disk is full (or read-only, or failing), every later write fails
 * for the same reason: the first such failure is kept, and writes from then
 * on fail at once with ECANCELED, writing nothing. */

static pthread_mutex_t fail_mu = PTHREAD_MUTEX_INITIALIZER;
static atomic_int fail_errno;
static char *fail_path;

static int disk_error(int e)
{
    return e == ENOSPC || e == EDQUOT || e == EIO || e == EROFS || e == EFBIG;
}

static void note_failure(const char *path, int e)
{
    if (!disk_error(e)) return;
    pthread_mutex_lock(&fail_mu);
    if (!atomic_load(&fail_errno)) {
        fail_path = hc_xstrdup(path);
        atomic_store(&fail_errno, e);
    }
    pthread_mutex_unlock(&fail_mu);
}

int hc_fs_note_write_failure(const char *path, int e)
{
    note_failure(path, e);
    return disk_error(e);
}

int hc_fs_write_failure(const char **path)
{
    int e = atomic_load(&fail_errno);
    if (path) *path = e ? fail_path : NULL;
    return e;
}

void hc_fs_write_failure_clear(void)
{
    pthread_mutex_lock(&fail_mu);
    atomic_store(&fail_errno, 0);
    free(fail_path);
    fail_path = NULL;
    pthread_mutex_unlock(&fail_mu);
}

/* Writes all len bytes to fd; -1 with errno on failure. */
static int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Opens path for writing with O_CREAT and flags (O_TRUNC or O_EXCL),
 * creating its parent folders when they are missing. */
static int open_creating(const char *path, int flags)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0644);
    if (fd < 0 && errno == ENOENT && mkparents(path) == 0)
        fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0644);
    return fd;
}

int hc_fs_out_open(hc_fs_out *f, const char *path)
{
    f->path = hc_xstrdup(path);
    f->len = 0;
    f->err = 0;
    if (atomic_load(&fail_errno)) {   /* the disk already failed: write nothing more */
        f->fd = -1;
        f->err = errno = ECANCELED;
        return -1;
    }
    f->fd = open_creating(path, O_TRUNC);
    if (f->fd < 0) {
        f->err = errno;
        note_failure(path, f->err);
    }
    return f->fd < 0 ? -1 : 0;
}

void hc_fs_out_put(hc_fs_out *f, const void *data, size_t len)
{
    if (f->err) return;
    if (write_all(f->fd, data, len) != 0) {
        f->err = errno;
        note_failure(f->path, f->err);
    } else {
        f->len += len;
    }
}

int hc_fs_out_close(hc_fs_out *f)
{
    if (f->fd >= 0 && close(f->fd) != 0 && !f->err) {
        f->err = errno;
        note_failure(f->path, f->err);
    }
    f->fd = -1;
    if (!f->err) journal_add(f->path, f->len);
    free(f->path);
    f->path = NULL;
    if (f->err) errno = f->err;
    return f->err ? -1 : 0;
}

int hc_fs_write(const char *path, const void *data, size_t len)
{
    hc_fs_out f;
    hc_fs_out_open(&f, path);
    hc_fs_out_put(&f, data, len);
    return hc_fs_out_close(&f);
}

int hc_fs_write_atomic(const char *path, const void *data, size_t len)
{
    static atomic_ulong seq;
    hc_buf tmp = HC_BUF_INIT;
    hc_fs_out f;
    hc_buf_printf(&tmp, "%s.tmp-%ld-%lu", path, (long)getpid(), atomic_fetch_add(&seq, 1));
    hc_fs_out_open(&f, hc_buf_cstr(&tmp));
    hc_fs_out_put(&f, data, len);
    int rc = hc_fs_out_close(&f);
    if (rc == 0 && rename(hc_buf_cstr(&tmp), path) != 0) rc = -1;
    if (rc != 0) {
        int e = errno;
        unlink(hc_buf_cstr(&tmp));
        errno = e;
    }
    hc_buf_free(&tmp);
    return rc;
}

int hc_fs_create(const char *path, const void *data, size_t len)
{
    int fd = open_creating(path, O_EXCL);
    if (fd < 0) return -1;
    int rc = write_all(fd, data, len);
    int e = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        e = errno;
    }
    if (rc != 0) {
        unlink(path);   /* ours: O_EXCL made it */
        errno = e;
    }
    return rc;
}

int hc_fs_copy(const char *from, const char *to)
{
    hc_buf b = HC_BUF_INIT;
    int rc = hc_fs_read(from, &b);
    if (rc == 0) rc = hc_fs_write(to, b.data ? b.data : "", b.len);
    hc_buf_free(&b);
    return rc;
}

int hc_fs_link(const char *from, const char *to)
{
    struct stat st;
    if (link(from, to) != 0) {
        if (errno == ENOENT) {   /* the parent folder, or the source */
            hc_buf dir = HC_BUF_INIT;
            const char *slash = strrchr(to, '/');
            if (slash) hc_buf_put(&dir, to, (size_t)(slash - to));
            int ok = slash && hc_fs_mkdirs(hc_buf_cstr(&dir)) == 0 && link(from, to) == 0;
            hc_buf_free(&dir);
            if (ok) goto linked;
        }
        if (errno == EEXIST && unlink(to) == 0 && link(from, to) == 0) goto linked;
        if (errno == EXDEV || errno == EPERM || errno == EMLINK || errno == ENOTSUP) return hc_fs_copy(from, to);
        return -1;
    }
linked:
    if (stat(to, &st) != 0) return -1;
    journal_add(to, (size_t)st.st_size);
    return 0;
}

int hc_fs_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int hc_fs_exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

int hc_fs_rmtree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(st.st_mode)) return unlink(path);
    DIR *d = opendir(path);
    if (!d) return -1;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char *sub;
        if (asprintf(&sub, "%s/%s", path, e->d_name) < 0) abort();
        if (hc_fs_rmtree(sub) != 0) rc = -1;
        free(sub);
    }
    closedir(d);
    if (rmdir(path) != 0) rc = -1;
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

long long hc_fs_file_size(const char *dir, const char *rel)
{
    struct stat st;
    size_t len = strlen(dir) + strlen(rel) + 2;
    char *p = hc_xmalloc(len);
    snprintf(p, len, "%s/%s", dir, rel);
    long long n = stat(p, &st) == 0 && S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
    free(p);
    return n;
}

int hc_fs_list(const char *dir, const char *suffix, char ***names, size_t *count)
{
    *names = NULL;
    *count = 0;
    DIR *d = opendir(dir);
    if (!d) return errno == ENOENT ? 0 : -1;
    size_t cap = 0, sl = suffix ? strlen(suffix) : 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        size_t n = strlen(e->d_name);
        if (suffix && (n < sl || strcmp(e->d_name + n - sl, suffix) != 0)) continue;
        *names = hc_xgrow(*names, &cap, *count + 1, sizeof **names);
        (*names)[(*count)++] = hc_xstrdup(e->d_name);
    }
    closedir(d);
    if (*count) qsort(*names, *count, sizeof **names, cmp_str);
    return 0;
}

void hc_fs_names_free(char **names, size_t count)
{
    for (size_t i = 0; i < count; i++) free(names[i]);
    free(names);
}

int hc_fs_swap_in(const char *staging, const char *out, char **old)
{
    char *aside;
    int rc = -1;
    *old = NULL;
    if (asprintf(&aside, "%s.old-huace", out) < 0) abort();
    int had = hc_fs_exists(out);
    /* one atomic step where the file system can: a server reading out never
     * finds it missing; staging then holds the old site */
    if (had && renameat2(AT_FDCWD, staging, AT_FDCWD, out, RENAME_EXCHANGE) == 0) {
        *old = hc_xstrdup(staging);
        rc = 0;
        goto done;
    }
    if (had && hc_fs_exists(aside)) {   /* left by a build that was stopped: its caller cleans it first */
        errno = EEXIST;
        goto done;
    }
    if (had && rename(out, aside) != 0) goto done;
    if (rename(staging, out) != 0) {
        int e = errno;
        if (had) rename(aside, out);
        errno = e;
        goto done;
    }
    if (had) {
        *old = aside;
        aside = NULL;
    }
    rc = 0;
done:
    free(aside);
    return rc;
}

int hc_fs_resolve(const char *path, hc_buf *out)
{
    hc_buf todo = HC_BUF_INIT, part = HC_BUF_INIT;
    int rc = -1, links = 0;
    hc_buf_reset(out);
    if (!path[0]) {
        errno = ENOENT;
        goto done;
    }
    if (path[0] != '/') {
        char *cwd = getcwd(NULL, 0);
        if (!cwd) goto done;
        hc_buf_puts(&todo, cwd);
        hc_buf_putc(&todo, '/');
        free(cwd);
    }
    hc_buf_puts(&todo, path);
    /* out holds the resolved part ("" for the root), todo what is left */
    size_t at = 0;
    while (at < todo.len) {
        const char *s = todo.data + at;
        if (*s == '/') {
            at++;
            continue;
        }
        size_t n = strcspn(s, "/");
        hc_buf_reset(&part);
        hc_buf_put(&part, s, n);
        at += n;
        if (!strcmp(hc_buf_cstr(&part), ".")) continue;
        if (!strcmp(hc_buf_cstr(&part), "..")) {   /* out is free of links: its parent is lexical */
            char *slash = out->len ? strrchr(out->data, '/') : NULL;
            hc_buf_truncate(out, slash ? (size_t)(slash - out->data) : 0);
            continue;
        }
        size_t before = out->len;
        hc_buf_putc(out, '/');
        hc_buf_puts(out, hc_buf_cstr(&part));
        struct stat st;
        if (lstat(hc_buf_cstr(out), &st) != 0 || !S_ISLNK(st.st_mode)) continue;   /* missing parts stay as named */
        if (++links > 40) {
            errno = ELOOP;
            goto done;
        }
        char target[4096];
        ssize_t len = readlink(hc_buf_cstr(out), target, sizeof target - 1);
        if (len < 0) goto done;
        target[len] = '\0';
        hc_buf_truncate(out, target[0] == '/' ? 0 : before);
        /* the link's text replaces its name in what is left to resolve */
        hc_buf rest = HC_BUF_INIT;
        hc_buf_puts(&rest, target);
        hc_buf_putc(&rest, '/');
        hc_buf_puts(&rest, todo.data + at);
        hc_buf_free(&todo);
        todo = rest;
        at = 0;
    }
    if (!out->len) hc_buf_putc(out, '/');
    rc = 0;
done:
    hc_buf_free(&todo);
    hc_buf_free(&part);
    return rc;
}
