/* http.c — files from one folder over libmicrohttpd (see http.h). */
#include "serve/http.h"
#include "base/alloc.h"
#include "base/fs.h"
#include "base/utf8.h"
#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* Debian 12's libmicrohttpd12; the header above gives the types. */
#define MHD_SONAME "libmicrohttpd.so.12"

static struct {
    void *lib;
    __typeof__(MHD_start_daemon) *start_daemon;
    __typeof__(MHD_stop_daemon) *stop_daemon;
    __typeof__(MHD_create_response_from_fd64) *from_fd;
    __typeof__(MHD_create_response_from_buffer) *from_buffer;
    __typeof__(MHD_add_response_header) *add_header;
    __typeof__(MHD_queue_response) *queue;
    __typeof__(MHD_destroy_response) *destroy;
    __typeof__(MHD_get_connection_info) *conn_info;
} mhd;

/* Connections: a client that opens many and never finishes its headers must
 * not keep others out. Each connection is closed after TIMEOUT_S seconds
 * without progress; each client (an IPv4 address, an IPv6 /64) other than
 * this machine holds at most PER_CLIENT at once, and more are refused at
 * once; all together hold at most MAX_CONNECTIONS (fewer if the descriptor
 * limit is lower, see limit_connections). A client at 127.0.0.1 or ::1 is
 * this machine's user, who can stop the server anyway: only the total limits
 * it, so the browser beside the editor always gets in. (Other loopback
 * addresses, 127.0.0.2 and on, count as other clients.) */
#define TIMEOUT_S 5
#define PER_CLIENT 32
#define MAX_CONNECTIONS 4096

/* A client, as the per-client limit counts it. */
typedef struct {
    unsigned char key[17];    /* family, then the address (an IPv6 one cut to its /64) */
    unsigned n;               /* its connections now */
} client;

struct hc_http {
    struct MHD_Daemon *daemon;
    char *root;
    atomic_uint builds;       /* good builds so far: pages poll it to reload */
    pthread_mutex_t mu;       /* guards clients and errors */
    char *errors;             /* the last build's findings when it failed, else NULL */
    client *clients;          /* those with connections, other than loopback */
    size_t nclients, capclients;
};

/* The overlay over a page while the last build failed: the findings as the
 * terminal shows them. The server writes it into pages sent meanwhile (text
 * HTML-escaped); the script below keeps it up to date with the same text put
 * in as textContent. */
#define OVERLAY_ID "huace-errors"
#define OVERLAY_CSS                                                                                          \
    "position:fixed;left:0;right:0;top:0;z-index:2147483647;max-height:85vh;overflow:auto;margin:0;"         \
    "padding:12px 16px;background:#2b0a0a;color:#fff;border-bottom:4px solid #e5484d;text-align:left;"       \
    "box-shadow:0 4px 24px rgba(0,0,0,.5)"
#define OVERLAY_HEAD_CSS "margin:0 0 8px;font:bold 16px/1.4 sans-serif;color:#ffb4b4"
#define OVERLAY_PRE_CSS "margin:0;white-space:pre-wrap;word-break:break-word;font:13px/1.45 monospace;color:#fff"
#define OVERLAY_HEAD "构建失败：改好后本页自动更新。下面仍是上一次成功的构建。"

/* Copies the error text, under the lock, into out; returns whether there is any. */
static int copy_errors(hc_http *h, hc_buf *out)
{
    pthread_mutex_lock(&h->mu);
    if (h->errors) hc_buf_puts(out, h->errors);
    pthread_mutex_unlock(&h->mu);
    return out->len > 0;
}

static void overlay(hc_buf *b, hc_http *h)
{
    hc_buf text = HC_BUF_INIT;
    if (copy_errors(h, &text)) {
        hc_buf_puts(b, "<div id=\"" OVERLAY_ID "\" role=\"alert\" style=\"" OVERLAY_CSS "\"><p style=\"" OVERLAY_HEAD_CSS
                       "\">" OVERLAY_HEAD "</p><pre style=\"" OVERLAY_PRE_CSS "\">");
        hc_escape_html(b, text.data, text.len);
        hc_buf_puts(b, "</pre></div>\n");
    }
    hc_buf_free(&text);
}

/* Added to every HTML page served (never to the files), with the build
 * count when it was sent: asks for the count twice a second and reloads the
 * page when it has changed, so a build that lands first is not missed; while
 * it has not, asks for the errors and shows, updates or removes the overlay. */
static void reload_script(hc_buf *b, hc_http *h)
{
    overlay(b, h);
    hc_buf_printf(b,
                  "<script>/* huace serve: reload when a new build is in place, show a failed one's errors */"
                  "(function(){var seen=\"%u\";"
                  "function show(t){var d=document.getElementById(\"" OVERLAY_ID "\");"
                  "if(!t){if(d)d.parentNode.removeChild(d);return;}"
                  "if(!d){d=document.createElement(\"div\");d.id=\"" OVERLAY_ID "\";d.setAttribute(\"role\",\"alert\");"
                  "d.style.cssText=\"" OVERLAY_CSS "\";var p=document.createElement(\"p\");"
                  "p.style.cssText=\"" OVERLAY_HEAD_CSS "\";p.textContent=\"" OVERLAY_HEAD "\";"
                  "var q=document.createElement(\"pre\");q.style.cssText=\"" OVERLAY_PRE_CSS "\";"
                  "d.appendChild(p);d.appendChild(q);document.body.appendChild(d);}"
                  "var pre=d.getElementsByTagName(\"pre\")[0];if(pre.textContent!==t)pre.textContent=t;}"
                  "function get(u){return fetch(u,{cache:\"no-store\"}).then(function(r){return r.text();});}"
                  "setInterval(function(){get(\"" HC_HTTP_BUILDS_URL "\").then(function(t){"
                  "if(t!==seen){location.reload();return;}return get(\"" HC_HTTP_ERRORS_URL "\").then(show);})"
                  ".catch(function(){});},500);})();</script>\n",
                  atomic_load(&h->builds));
}

static int load_mhd(char *err, size_t errlen)
{
    if (mhd.lib) return 0;
    void *lib = dlopen(MHD_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(err, errlen, "cannot load %s (apt-get install libmicrohttpd12): %s", MHD_SONAME, dlerror());
        return -1;
    }
    /* POSIX allows the object-to-function pointer conversion dlsym needs */
#define SYM(field, name)                                                                   \
    if (!(*(void **)&mhd.field = dlsym(lib, name))) {                                      \
        snprintf(err, errlen, "%s has no %s", MHD_SONAME, name); \
        dlclose(lib);                                                                      \
        return -1;                                                                         \
    }
    SYM(start_daemon, "MHD_start_daemon")
    SYM(stop_daemon, "MHD_stop_daemon")
    SYM(from_fd, "MHD_create_response_from_fd64")
    SYM(from_buffer, "MHD_create_response_from_buffer")
    SYM(add_header, "MHD_add_response_header")
    SYM(queue, "MHD_queue_response")
    SYM(destroy, "MHD_destroy_response")
    SYM(conn_info, "MHD_get_connection_info")
#undef SYM
    mhd.lib = lib;
    return 0;
}

void hc_http_collapse(const char *url, hc_buf *out)
{
    hc_buf_reset(out);
    for (const char *p = url; *p; p++)
        if (*p != '/' || p == url || p[-1] != '/') hc_buf_putc(out, *p);
}

int hc_http_resolve(const char *url, hc_buf *rel)
{
    hc_buf clean = HC_BUF_INIT;
    int rc = -1;
    hc_buf_reset(rel);
    hc_http_collapse(url, &clean);
    const char *c = hc_buf_cstr(&clean);
    if (c[0] != '/') goto out;
    for (const char *seg = c + 1; *seg;) {
        const char *end = strchr(seg, '/');
        size_t n = end ? (size_t)(end - seg) : strlen(seg);
        if ((n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.')) goto out;
        seg += n;
        if (*seg == '/') seg++;
    }
    hc_buf_puts(rel, c + 1);
    rc = 0;
out:
    hc_buf_free(&clean);
    return rc;
}

void hc_http_folder_location(const char *url, hc_buf *loc)
{
    hc_buf clean = HC_BUF_INIT;
    hc_buf_reset(loc);
    hc_http_collapse(url, &clean);
    hc_buf_putc(loc, '/');
    /* '/' runs are one now, and the escape leaves no backslash or control
     * character that a browser could read as a second '/' */
    const char *p = hc_buf_cstr(&clean);
    while (*p == '/') p++;
    hc_escape_url_path(loc, p, strlen(p));
    if (loc->data[loc->len - 1] != '/') hc_buf_putc(loc, '/');
    hc_buf_free(&clean);
}

const char *hc_http_content_type(const char *name)
{
    static const char *const types[][2] = {
        { ".html", "text/html; charset=utf-8" },  { ".css", "text/css; charset=utf-8" },
        { ".js", "text/javascript; charset=utf-8" }, { ".json", "application/json" },
        { ".xml", "application/xml; charset=utf-8" }, { ".txt", "text/plain; charset=utf-8" },
        { ".ics", "text/calendar; charset=utf-8" }, { ".png", "image/png" },
        { ".webp", "image/webp" }, { ".jpg", "image/jpeg" }, { ".jpeg", "image/jpeg" },
        { ".svg", "image/svg+xml" }, { ".ico", "image/x-icon" }, { ".pdf", "application/pdf" },
        { ".woff2", "font/woff2" },
    };
    const char *dot = strrchr(name, '.'), *slash = strrchr(name, '/');
    if (dot && (!slash || dot > slash))
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
            if (!strcasecmp(dot, types[i][0])) return types[i][1];
    return "application/octet-stream";
}

/* A short HTML page (copied by the library) with this status. */
static enum MHD_Result send_text(struct MHD_Connection *c, unsigned status, const char *html)
{
    struct MHD_Response *r = mhd.from_buffer(strlen(html), (void *)html, MHD_RESPMEM_MUST_COPY);
    if (!r) return MHD_NO;
    mhd.add_header(r, "Content-Type", "text/html; charset=utf-8");
    mhd.add_header(r, "Cache-Control", "no-store");
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED) mhd.add_header(r, "Allow", "GET, HEAD");
    enum MHD_Result ok = mhd.queue(c, status, r);
    mhd.destroy(r);
    return ok;
}

/* A plain text answer (200, not to be cached): the build count, the errors. */
static enum MHD_Result send_plain(struct MHD_Connection *c, const char *text, size_t len)
{
    struct MHD_Response *r = mhd.from_buffer(len, len ? (void *)text : (void *)"", MHD_RESPMEM_MUST_COPY);
    if (!r) return MHD_NO;
    mhd.add_header(r, "Content-Type", "text/plain; charset=utf-8");
    mhd.add_header(r, "Cache-Control", "no-store");
    enum MHD_Result ok = mhd.queue(c, MHD_HTTP_OK, r);
    mhd.destroy(r);
    return ok;
}

/* An HTML page with the reload script before its last </body> (at its end
 * if it has none), for the library to free. */
static struct MHD_Response *html_with_reload(int fd, hc_http *h)
{
    hc_buf page = HC_BUF_INIT, out = HC_BUF_INIT;
    int rc = hc_fs_read_fd(fd, &page, NULL);
    close(fd);
    if (rc != 0) {
        hc_buf_free(&page);
        return NULL;
    }
    size_t at = page.len;
    for (size_t i = page.len >= 7 ? page.len - 7 + 1 : 0; i-- > 0;)
        if (!memcmp(page.data + i, "</body>", 7)) {
            at = i;
            break;
        }
    hc_buf_put(&out, page.data, at);
    reload_script(&out, h);
    hc_buf_put(&out, page.data + at, page.len - at);
    hc_buf_free(&page);
    size_t len;
    char *data = hc_buf_detach(&out, &len);
    struct MHD_Response *r = mhd.from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
    if (!r) free(data);
    return r;
}

/* Sends the open file fd (closed here or by the library) with this status. */
static enum MHD_Result send_file(struct MHD_Connection *c, hc_http *h, unsigned status, int fd,
                                 const struct stat *st, const char *name)
{
    const char *type = hc_http_content_type(name);
    struct MHD_Response *r =
        !strncmp(type, "text/html", 9) ? html_with_reload(fd, h) : mhd.from_fd((uint64_t)st->st_size, fd);
    if (!r) {
        if (strncmp(type, "text/html", 9)) close(fd);
        return MHD_NO;
    }
    mhd.add_header(r, "Content-Type", type);
    mhd.add_header(r, "Cache-Control", "no-store");   /* a preview: always the latest build */
    enum MHD_Result ok = mhd.queue(c, status, r);
    mhd.destroy(r);
    return ok;
}

static const char page_404[] = "<!DOCTYPE html><meta charset=\"utf-8\"><title>404</title><p>404：没有这个页面。</p>\n";
static const char page_503[] =
    "<!DOCTYPE html><meta charset=\"utf-8\"><title>尚未构建</title>"
    "<p>站点还没有构建成功：错误信息见下（运行 huace serve 的终端里也有）。改好后本页会换成站点。</p>\n";

static enum MHD_Result not_found(struct MHD_Connection *c, hc_http *h)
{
    hc_buf path = HC_BUF_INIT;
    hc_buf_printf(&path, "%s/404.html", h->root);
    struct stat st;
    int fd = open(hc_buf_cstr(&path), O_RDONLY | O_CLOEXEC);
    hc_buf_free(&path);
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
        return send_file(c, h, MHD_HTTP_NOT_FOUND, fd, &st, "404.html");
    if (fd >= 0) close(fd);
    return send_text(c, MHD_HTTP_NOT_FOUND, page_404);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_data_size,
                              void **req_cls)
{
    (void)version;
    (void)upload_data;
    (void)upload_data_size;
    (void)req_cls;
    hc_http *h = cls;
    enum MHD_Result ok;
    hc_buf rel = HC_BUF_INIT, path = HC_BUF_INIT;
    struct stat st;
    int fd = -1;
    if (!strcmp(url, HC_HTTP_BUILDS_URL) && !strcmp(method, "GET")) {
        char n[32];
        snprintf(n, sizeof n, "%u", atomic_load(&((hc_http *)cls)->builds));
        ok = send_plain(c, n, strlen(n));
        goto out;
    }
    if (!strcmp(url, HC_HTTP_ERRORS_URL) && !strcmp(method, "GET")) {
        hc_buf text = HC_BUF_INIT;
        copy_errors(h, &text);
        ok = send_plain(c, text.data, text.len);
        hc_buf_free(&text);
        goto out;
    }
    if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
        ok = send_text(c, MHD_HTTP_METHOD_NOT_ALLOWED, "<!DOCTYPE html><p>405：只能 GET 或 HEAD。</p>\n");
        goto out;
    }
    if (!hc_fs_is_dir(h->root)) {
        hc_buf page = HC_BUF_INIT;
        hc_buf_puts(&page, page_503);
        overlay(&page, h);
        reload_script(&page, h);
        ok = send_text(c, MHD_HTTP_SERVICE_UNAVAILABLE, hc_buf_cstr(&page));
        hc_buf_free(&page);
        goto out;
    }
    if (hc_http_resolve(url, &rel) != 0) {
        ok = not_found(c, h);
        goto out;
    }
    hc_buf_printf(&path, "%s/%s", h->root, hc_buf_cstr(&rel));
    if (rel.len == 0 || rel.data[rel.len - 1] == '/') hc_buf_puts(&path, "index.html");
    fd = open(hc_buf_cstr(&path), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &st) != 0) {
        ok = not_found(c, h);
        goto out;
    }
    if (S_ISDIR(st.st_mode)) {   /* a folder named without its '/': relative links need it */
        hc_buf loc = HC_BUF_INIT;
        hc_http_folder_location(url, &loc);
        struct MHD_Response *r = mhd.from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        ok = MHD_NO;
        if (r) {
            mhd.add_header(r, "Location", hc_buf_cstr(&loc));
            ok = mhd.queue(c, MHD_HTTP_MOVED_PERMANENTLY, r);
            mhd.destroy(r);
        }
        hc_buf_free(&loc);
        goto out;
    }
    if (!S_ISREG(st.st_mode)) {
        ok = not_found(c, h);
        goto out;
    }
    ok = send_file(c, h, MHD_HTTP_OK, fd, &st, hc_buf_cstr(&path));
    fd = -1;   /* the response owns it */
out:
    if (fd >= 0) close(fd);
    hc_buf_free(&rel);
    hc_buf_free(&path);
    return ok;
}

/* The key a client is counted by; 0 for 127.0.0.1 or ::1 (not counted) or
 * an unknown family, else 1. */
static int client_key(const struct sockaddr *sa, unsigned char key[17])
{
    memset(key, 0, 17);
    if (!sa) return 0;
    if (sa->sa_family == AF_INET) {
        const unsigned char *a = (const unsigned char *)&((const struct sockaddr_in *)sa)->sin_addr;
        if (a[0] == 127 && a[1] == 0 && a[2] == 0 && a[3] == 1) return 0;
        key[0] = 4;
        memcpy(key + 1, a, 4);
        return 1;
    }
    if (sa->sa_family == AF_INET6) {
        const struct in6_addr *a = &((const struct sockaddr_in6 *)sa)->sin6_addr;
        if (IN6_IS_ADDR_LOOPBACK(a)) return 0;
        if (IN6_IS_ADDR_V4MAPPED(a)) {
            if (!memcmp(a->s6_addr + 12, "\177\0\0\1", 4)) return 0;
            key[0] = 4;
            memcpy(key + 1, a->s6_addr + 12, 4);
            return 1;
        }
        key[0] = 6;
        memcpy(key + 1, a->s6_addr, 8);   /* one machine may use its whole /64 */
        return 1;
    }
    return 0;
}

static client *find_client(hc_http *h, const unsigned char key[17])
{
    for (size_t i = 0; i < h->nclients; i++)
        if (!memcmp(h->clients[i].key, key, 17)) return &h->clients[i];
    return NULL;
}

/* Before a connection is set up: refuse a client at its limit. */
static enum MHD_Result accept_client(void *cls, const struct sockaddr *addr, socklen_t addrlen)
{
    (void)addrlen;
    hc_http *h = cls;
    unsigned char key[17];
    if (!client_key(addr, key)) return MHD_YES;
    pthread_mutex_lock(&h->mu);
    const client *c = find_client(h, key);
    enum MHD_Result ok = !c || c->n < PER_CLIENT ? MHD_YES : MHD_NO;
    pthread_mutex_unlock(&h->mu);
    return ok;
}

/* Counts a client's connections as they start and close; *ctx is set (to
 * h) for those counted. */
static void count_client(void *cls, struct MHD_Connection *conn, void **ctx, enum MHD_ConnectionNotificationCode toe)
{
    hc_http *h = cls;
    unsigned char key[17];
    if (toe != MHD_CONNECTION_NOTIFY_STARTED && !*ctx) return;   /* not counted */
    const union MHD_ConnectionInfo *info = mhd.conn_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !client_key(info->client_addr, key)) return;
    pthread_mutex_lock(&h->mu);
    client *c = find_client(h, key);
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        if (!c) {
            h->clients = hc_xgrow(h->clients, &h->capclients, h->nclients + 1, sizeof *h->clients);
            c = &h->clients[h->nclients++];
            memcpy(c->key, key, 17);
            c->n = 0;
        }
        c->n++;
        *ctx = h;
    } else if (c) {
        if (--c->n == 0) *c = h->clients[--h->nclients];
        *ctx = NULL;
    }
    pthread_mutex_unlock(&h->mu);
}

/* How many connections the descriptor limit leaves room for, keeping 256
 * for the builds that run meanwhile; the soft limit is raised first, as far
 * as the hard one lets it, to hold MAX_CONNECTIONS. */
static unsigned limit_connections(void)
{
    struct rlimit rl;
    const rlim_t want = MAX_CONNECTIONS + 256;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return 1024 - 256;
    if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want) {
        rlim_t old = rl.rlim_cur;
        rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want ? want : rl.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &rl) != 0) rl.rlim_cur = old;
    }
    if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= want) return MAX_CONNECTIONS;
    return rl.rlim_cur > 256 + 64 ? (unsigned)(rl.rlim_cur - 256) : 64;
}

hc_http *hc_http_start(int listen_fd, const char *root, char *err, size_t errlen)
{
    if (load_mhd(err, errlen) != 0) {
        close(listen_fd);
        return NULL;
    }
    hc_http *h = hc_xcalloc(1, sizeof *h);
    h->root = hc_xstrdup(root);
    atomic_init(&h->builds, 0);
    pthread_mutex_init(&h->mu, NULL);
    /* one thread on epoll: no FD_SETSIZE ceiling, and a connection that
     * sends nothing costs a descriptor and a timer, not a thread */
    unsigned limit = limit_connections();
    static const unsigned flags[] = { MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL,
                                      MHD_USE_AUTO_INTERNAL_THREAD };   /* a build without epoll */
    for (size_t i = 0; i < 2 && !h->daemon; i++)
        h->daemon = mhd.start_daemon(flags[i], 0, accept_client, h, handle, h, MHD_OPTION_LISTEN_SOCKET, listen_fd,
                                     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)TIMEOUT_S,
                                     MHD_OPTION_CONNECTION_LIMIT, limit, MHD_OPTION_NOTIFY_CONNECTION,
                                     count_client, h, MHD_OPTION_END);
    if (!h->daemon) {
        snprintf(err, errlen, "libmicrohttpd could not start the server");
        close(listen_fd);
        pthread_mutex_destroy(&h->mu);
        free(h->root);
        free(h);
        return NULL;
    }
    return h;
}

void hc_http_built(hc_http *h)
{
    atomic_fetch_add(&h->builds, 1);
}

void hc_http_errors(hc_http *h, const char *text)
{
    char *copy = text && *text ? hc_xstrdup(text) : NULL, *old;
    pthread_mutex_lock(&h->mu);
    old = h->errors;
    h->errors = copy;
    pthread_mutex_unlock(&h->mu);
    free(old);
}

void hc_http_stop(hc_http *h)
{
    if (!h) return;
    mhd.stop_daemon(h->daemon);   /* closes the listening socket too */
    pthread_mutex_destroy(&h->mu);
    free(h->clients);
    free(h->errors);
    free(h->root);
    free(h);
}
