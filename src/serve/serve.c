/* serve.c — huace serve (see serve.h): build, serve, watch, build again. */
#include "serve/serve.h"
#include "build.h"
#include "cache.h"
#include "base/buf.h"
#include "base/fs.h"
#include "base/alloc.h"
#include "serve/fast.h"
#include "serve/http.h"
#include "serve/watch.h"
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_PORT 8080
#define POLL_MS 300       /* without inotify: how often the inputs are stat'ed, at least */
#define SETTLE_MS 150     /* without inotify: a change must hold this long: editors save in steps */
#define QUIET_MS 20       /* with inotify: no event for this long, and the save is done */

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);   /* a signal cuts it short, which is what stopping wants */
}

/* A listening TCP socket on addr:port (a numeric address); *bound gets the
 * port, which the kernel picks for 0. Returns -1 with errno set. */
static int listen_on(const char *addr, int port, int *bound)
{
    struct addrinfo hints = { .ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE, .ai_socktype = SOCK_STREAM };
    struct addrinfo *ai = NULL;
    char service[16];
    int fd = -1, one = 1;
    snprintf(service, sizeof service, "%d", port);
    if (getaddrinfo(addr, service, &hints, &ai) != 0) {
        errno = EINVAL;
        return -1;
    }
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 511) != 0 ||
        getsockname(fd, (struct sockaddr *)&ss, &len) != 0)
        goto fail;
    *bound = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                            : ((struct sockaddr_in *)&ss)->sin_port);
    freeaddrinfo(ai);
    return fd;
fail: {
    int e = errno;
    if (fd >= 0) close(fd);
    freeaddrinfo(ai);
    errno = e;
    return -1;
}
}

/* Runs the build with its stderr going to a memory file as well, which it
 * gets in err (so the page can show what the terminal does). Returns the
 * build's status. */
static int build_captured(const hc_opts *bo, int *rebuilt, hc_buf *err)
{
    fflush(stderr);
    int mem = memfd_create("huace-serve-errors", MFD_CLOEXEC), saved = mem >= 0 ? dup(2) : -1;
    if (saved < 0 || dup2(mem, 2) < 0) {   /* no capture: the terminal alone */
        if (saved >= 0) close(saved);
        if (mem >= 0) close(mem);
        return hc_build(bo, rebuilt);
    }
    int rc = hc_build(bo, rebuilt);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    if (lseek(mem, 0, SEEK_SET) == 0 && hc_fs_read_fd(mem, err, NULL) == 0) {
        fwrite(err->data ? err->data : "", 1, err->len, stderr);
    }
    close(mem);
    return rc;
}

/* Builds and says what came of it; the server keeps the last good build,
 * open pages reload when a new one is in place and show a failed one's
 * findings over the page. */
static void build_once(const hc_opts *bo, const char *out, hc_http *http)
{
    int rebuilt = 0;
    hc_buf err = HC_BUF_INIT;
    int failed = build_captured(bo, &rebuilt, &err) != 0;
    hc_http_errors(http, failed ? (err.len ? hc_buf_cstr(&err) : "huace: build failed\n") : NULL);
    if (rebuilt) hc_http_built(http);
    if (failed)
        printf("huace serve: %s\n", hc_fs_is_dir(out) ? "the last good build is still served"
                                                      : "nothing to serve until the site builds");
    fflush(stdout);
    fflush(stderr);
    hc_buf_free(&err);
}

/* The stamp once it has held still for SETTLE_MS (or a stop was asked). */
static uint64_t settled_stamp(const char *src)
{
    uint64_t s = hc_cache_stamp(src), t;
    while (!stop_requested) {
        sleep_ms(SETTLE_MS);
        if ((t = hc_cache_stamp(src)) == s) break;
        s = t;
    }
    return s;
}

/* A preview: where it listens and the folder the site is built into. */
typedef struct {
    const char *addr;         /* numeric, from --bind or 127.0.0.1 */
    int port;                 /* bound */
    int have_dir;
    hc_buf dir;               /* TMPDIR/huace-serve.XXXXXX, removed at the end */
    hc_buf out;               /* dir/site: OUT of every build */
    hc_buf fast;              /* dir/fast: the quick updates' scratch folder (fast.h) */
    hc_buf base;              /* the preview's URL, the builds' base URL */
    hc_http *http;
} preview;

/* Checks SRC, listens, makes the folder and starts serving it. Returns 0, or
 * -1 having said why. */
static int preview_start(const hc_opts *o, preview *p)
{
    const char *tmp = getenv("TMPDIR");
    char err[256];
    int want = o->port >= 0 ? o->port : DEFAULT_PORT;
    hc_buf cfg = HC_BUF_INIT;
    hc_buf_printf(&cfg, "%s/site.yaml", o->src);
    int has_cfg = hc_fs_exists(hc_buf_cstr(&cfg));
    hc_buf_free(&cfg);
    if (!has_cfg) {
        fprintf(stderr, "huace serve: error: no site.yaml in '%s': is this a huace site folder? (-s SRC)\n", o->src);
        return -1;
    }
    int fd = listen_on(p->addr, want, &p->port);
    if (fd < 0) {
        fprintf(stderr, "huace serve: error: cannot listen on %s port %d: %s%s\n", p->addr, want, strerror(errno),
                errno == EADDRINUSE ? " (choose another with -p PORT, or -p 0 for any free one)" : "");
        return -1;
    }
    hc_buf_printf(&p->dir, "%s/huace-serve.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(p->dir.data)) {
        fprintf(stderr, "huace serve: error: cannot create a folder in %s: %s\n", tmp && *tmp ? tmp : "/tmp",
                strerror(errno));
        close(fd);
        return -1;
    }
    p->have_dir = 1;
    hc_buf_printf(&p->out, "%s/site", hc_buf_cstr(&p->dir));
    hc_buf_printf(&p->fast, "%s/fast", hc_buf_cstr(&p->dir));
    if (hc_fs_mkdirs(hc_buf_cstr(&p->fast)) != 0) {
        fprintf(stderr, "huace serve: error: cannot create a folder in %s: %s\n", hc_buf_cstr(&p->dir), strerror(errno));
        close(fd);
        return -1;
    }
    p->http = hc_http_start(fd, hc_buf_cstr(&p->out), err, sizeof err);
    if (!p->http) {
        fprintf(stderr, "huace serve: error: %s\n", err);
        return -1;
    }
    return 0;
}

/* Ctrl-C and kill stop the watch loop; a closed browser connection is no signal to die of. */
static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;   /* no SA_RESTART: the poll's sleep ends at once */
    sa.sa_flags = SA_RESETHAND;  /* a second Ctrl-C during a long build ends it outright */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

/* Says where the preview is; its URL becomes p->base. */
static void announce(const hc_opts *o, preview *p)
{
    int v6 = strchr(p->addr, ':') != NULL;
    hc_buf_printf(&p->base, "http://%s%s%s:%d/", v6 ? "[" : "", p->addr, v6 ? "]" : "", p->port);
    printf("huace serve: %s serves %s, built again when a file changes (Ctrl-C stops)\n", hc_buf_cstr(&p->base),
           o->src);
    if (strcmp(p->addr, "127.0.0.1") && strcmp(p->addr, "::1"))
        printf("huace serve: note: bound to %s, so other machines may see the preview\n", p->addr);
    fflush(stdout);
}

/* Without inotify: stats the inputs every POLL_MS (or more on a large
 * site) and builds again when they changed, until stopped. */
static void poll_loop(const hc_opts *bo, const preview *p, uint64_t last)
{
    const char *src = bo->src, *out = hc_buf_cstr(&p->out);
    long pause = POLL_MS;
    while (!stop_requested) {
        sleep_ms(pause);
        if (stop_requested) break;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        uint64_t now = hc_cache_stamp(src);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        /* a large site takes a while to stat: watching it should cost a fifth of a core at most */
        long spent = (long)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000);
        pause = spent * 4 > POLL_MS ? spent * 4 : POLL_MS;
        if (now == last) continue;
        last = settled_stamp(src);
        if (stop_requested) break;
        printf("huace serve: a file changed, building again\n");
        fflush(stdout);
        build_once(bo, out, p->http);
    }
}

/* ------------------------------------------------------------------------
 * With inotify, each full build runs in a child process while this one goes
 * on watching: an edit to a case study gets its page at once from the model
 * kept here (fast.h), whatever the build under way; the build then follows.
 * A build started before a change it did not see is let finish (a build
 * that is stopped midway could leave the folder half swapped), and another
 * one follows it. The child execs `huace build` with serve's options at
 * once: this process has the HTTP server's thread, which may hold a lock
 * (malloc's, under the sanitizers; stdio's; a library's) at the moment of
 * the fork, and a child that went on in the copied memory could wait on it
 * for ever. HUACE_SERVE_CHILD (set by serve for its children) makes that
 * build exit 3 when nothing changed.
 */
typedef struct {
    pid_t pid;                /* the build under way, 0: none */
    int mem;                  /* its stderr, a memory file (-1: none) */
    int again;                /* inputs changed since it started: build again after it */
    int failed;               /* the last build that finished (and was not superseded) failed */
    char **redo;              /* case files updated at once since it started (their pages, again after it) */
    size_t nredo, capredo;
} builder;

/* The arguments of `huace build` with bo's options (argv[0] the program). */
static void build_argv(const hc_opts *bo, const char *argv[16], char jobs[16])
{
    int n = 0;
    argv[n++] = "huace";
    argv[n++] = "build";
    argv[n++] = "-s";
    argv[n++] = bo->src;
    argv[n++] = "-o";
    argv[n++] = bo->out;
    argv[n++] = "--base-url";
    argv[n++] = bo->base_url;
    if (bo->today) {
        argv[n++] = "--today";
        argv[n++] = bo->today;
    }
    if (bo->drafts) argv[n++] = "--drafts";
    if (bo->quiet) argv[n++] = "--quiet";
    if (bo->internal) argv[n++] = "--edition=internal";
    if (bo->jobs > 0) {
        snprintf(jobs, 16, "-j%d", bo->jobs);
        argv[n++] = jobs;
    }
    argv[n] = NULL;
}

/* Forks the full build; without a child (fork fails), builds here. */
static void start_build(const hc_opts *bo, const preview *p, builder *bl)
{
    const char *argv[16];
    char jobs[16];
    build_argv(bo, argv, jobs);   /* before the fork: the child only execs */
    fflush(stdout);
    fflush(stderr);
    int mem = memfd_create("huace-serve-errors", MFD_CLOEXEC);
    pid_t pid = fork();
    if (pid < 0) {
        if (mem >= 0) close(mem);
        build_once(bo, hc_buf_cstr(&p->out), p->http);
        return;
    }
    if (pid == 0) {   /* the child: the build, its stderr kept for the page as well */
        signal(SIGINT, SIG_DFL);    /* Ctrl-C at the terminal ends it with serve */
        signal(SIGTERM, SIG_DFL);
        if (nice(5) == -1) { /* the quick updates come first where it can; else as it is */ }
        if (mem >= 0) dup2(mem, 2);
        execv("/proc/self/exe", (char *const *)argv);
        static const char msg[] = "huace serve: cannot start the build (exec /proc/self/exe)\n";
        if (write(2, msg, sizeof msg - 1) < 0) { /* nothing more to say it with */ }
        _exit(1);
    }
    bl->pid = pid;
    bl->mem = mem;
    bl->again = 0;
}

static void redo_forget(builder *bl)
{
    for (size_t i = 0; i < bl->nredo; i++) free(bl->redo[i]);
    bl->nredo = 0;
}

static void redo_note(builder *bl, const char *const *files, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < bl->nredo && strcmp(bl->redo[k], files[i])) k++;
        if (k < bl->nredo) continue;
        bl->redo = hc_xgrow(bl->redo, &bl->capredo, bl->nredo + 1, sizeof *bl->redo);
        bl->redo[bl->nredo++] = hc_xstrdup(files[i]);
    }
}

/* The build has ended with status: says what came of it (as build_once),
 * or, when the inputs changed meanwhile, writes again the pages updated at
 * once since it started (it may have swapped in older ones) and builds again. */
static void finish_build(const hc_opts *bo, const preview *p, builder *bl, int status, hc_fast **fast)
{
    hc_buf err = HC_BUF_INIT;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 1, failed = code != 0 && code != 3;
    if (bl->mem >= 0) {
        if (lseek(bl->mem, 0, SEEK_SET) == 0) hc_fs_read_fd(bl->mem, &err, NULL);
        close(bl->mem);
        bl->mem = -1;
    }
    bl->pid = 0;
    if (bl->again) {   /* what it said may be out of date already ("the file changed …"): the next one says */
        if (!failed && err.len) fwrite(err.data, 1, err.len, stderr);
        if (code == 0 && bl->nredo && *fast && !hc_fast_apply(*fast, (const char *const *)bl->redo, bl->nredo)) {
            hc_fast_close(*fast);
            *fast = NULL;
        }
        if (code == 0) {
            hc_http_errors(p->http, NULL);   /* a good site is in place (a failure would say nothing: the files changed) */
            hc_http_built(p->http);
            bl->failed = 0;
        }
        redo_forget(bl);
        printf("huace serve: files changed during that build, building again\n");
        start_build(bo, p, bl);
    } else {
        if (err.len) fwrite(err.data, 1, err.len, stderr);
        redo_forget(bl);
        bl->failed = failed;
        hc_http_errors(p->http, failed ? (err.len ? hc_buf_cstr(&err) : "huace: build failed\n") : NULL);
        if (code == 0) hc_http_built(p->http);
        if (failed)
            printf("huace serve: %s\n", hc_fs_is_dir(hc_buf_cstr(&p->out)) ? "the last good build is still served"
                                                                           : "nothing to serve until the site builds");
    }
    fflush(stdout);
    fflush(stderr);
    hc_buf_free(&err);
}

/* If the build has ended, finishes it. */
static void reap(const hc_opts *bo, const preview *p, builder *bl, hc_fast **fast)
{
    int status;
    pid_t r = bl->pid ? waitpid(bl->pid, &status, WNOHANG) : 0;
    if (r == bl->pid && r > 0) finish_build(bo, p, bl, status, fast);
    else if (r < 0 && errno == ECHILD) finish_build(bo, p, bl, 1 << 8, fast);
}

static double ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* A change: the edited case studies' pages at once when that is all it is,
 * then (or else) a full build, now or after the one under way. */
static void on_change(const hc_opts *bo, const preview *p, hc_watch *w, builder *bl, hc_fast **fast)
{
    const char *const *files;
    size_t n;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int only = hc_watch_changes(w, &files, &n);
    /* no quick update over a failed build's overlay: the last good site stays as it was until a build succeeds */
    if (only && *fast && !bl->failed && hc_fast_apply(*fast, files, n)) {
        hc_http_built(p->http);
        const char *pages = hc_fast_written(*fast), *rest = hc_fast_listed(*fast) ? strchr(pages, ' ') : NULL;
        printf("huace serve: a file changed, building again (%.*s served at once, in %.0f ms%s%s)\n",
               rest ? (int)(rest - pages) : (int)strlen(pages), pages, ms_since(&t0),
               rest ? "; then the pages and files that show it:" : "", rest ? rest : "");
        fflush(stdout);
        if (bl->pid) {
            bl->again = 1;
            redo_note(bl, files, n);
        } else {
            start_build(bo, p, bl);
        }
        return;
    }
    printf("huace serve: a file changed, building again\n");
    fflush(stdout);
    hc_fast_close(*fast);   /* what it holds may no longer be the site */
    *fast = NULL;
    if (bl->pid) bl->again = 1;
    else start_build(bo, p, bl);
    *fast = hc_fast_open(bo, hc_buf_cstr(&p->fast));   /* meanwhile: the model as the files are now */
}

/* Builds, then builds again whenever the inputs change, until stopped:
 * told by inotify, or by polling where inotify cannot watch the site. */
static void watch(const hc_opts *bo, const preview *p)
{
    const char *src = bo->src, *out = hc_buf_cstr(&p->out);
    hc_watch *w = hc_watch_open(src);   /* before the first build: a change during it counts */
    if (!w) {
        uint64_t last = settled_stamp(src);
        build_once(bo, out, p->http);
        poll_loop(bo, p, last);
        return;
    }
    builder bl = { .mem = -1 };
    start_build(bo, p, &bl);
    hc_fast *fast = hc_fast_open(bo, hc_buf_cstr(&p->fast));
    while (!stop_requested) {
        /* the timeout bounds a stop that lands just before the wait, and how late a build is seen to end */
        int r = hc_watch_wait(w, bl.pid ? 50 : 500, QUIET_MS);
        reap(bo, p, &bl, &fast);
        if (r != 1 || stop_requested) continue;
        on_change(bo, p, w, &bl, &fast);
    }
    if (bl.pid) {   /* its staging folder goes with serve's folder */
        kill(bl.pid, SIGKILL);
        while (waitpid(bl.pid, NULL, 0) < 0 && errno == EINTR) {}
        if (bl.mem >= 0) close(bl.mem);
    }
    redo_forget(&bl);
    free(bl.redo);
    hc_fast_close(fast);
    hc_watch_close(w);
}

int hc_cmd_serve(const hc_opts *o)
{
    int rc = 1;
    preview p = { .addr = o->bind ? o->bind : "127.0.0.1", .dir = HC_BUF_INIT, .out = HC_BUF_INIT,
                  .fast = HC_BUF_INIT, .base = HC_BUF_INIT };
    setenv("HUACE_SERVE_CHILD", "1", 1);   /* for start_build's children; before any thread starts */
    if (preview_start(o, &p) != 0) goto out;
    catch_signals();
    announce(o, &p);
    hc_opts bo = *o;
    bo.out = hc_buf_cstr(&p.out);
    /* absolute URLs (canonical links, the 404 page's links, feeds) point at the preview */
    bo.base_url = hc_buf_cstr(&p.base);
    watch(&bo, &p);
    printf("huace serve: stopped\n");
    rc = 0;
out:
    hc_http_stop(p.http);
    if (p.have_dir) hc_fs_rmtree(hc_buf_cstr(&p.dir));   /* the build, its staging folder and cache */
    hc_buf_free(&p.dir);
    hc_buf_free(&p.out);
    hc_buf_free(&p.fast);
    hc_buf_free(&p.base);
    return rc;
}
