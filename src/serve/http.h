/* http.h — the preview server's HTTP side: files from one folder, over
 * libmicrohttpd.
 *
 * libmicrohttpd is loaded with dlopen when the server starts, not linked:
 * linked, it would load GnuTLS and a dozen more libraries at every start of
 * every command (a third of a small site's no-op build), for the one command
 * that serves.
 *
 * The server answers GET and HEAD with the file the URL names below root:
 * a folder's index.html for a URL ending in '/', a redirect to add the '/'
 * for a folder named without it (runs of '/' in a URL count as one, and the
 * redirect's Location starts with exactly one '/', so it stays on this
 * server), root/404.html with status 404 for anything
 * missing, and 404 for any URL with a "." or ".." segment, so no request
 * reaches outside root. While root does not exist (no build has succeeded
 * yet) every request gets a 503 page saying so. root may be replaced by a
 * rename at any time: each request opens its file afresh.
 *
 * A connection that makes no progress for 5 s is closed; a client (an
 * IPv4 address or an IPv6 /64) other than 127.0.0.1 and ::1 holds at most
 * 32 connections, further ones are refused at once; 4,096 in all (fewer if
 * the descriptor limit, raised toward that at start, is lower), on one
 * epoll thread.
 *
 * Every HTML page it sends (the files are never changed) gets a small script
 * that polls HC_HTTP_BUILDS_URL, the number of good builds so far, and
 * reloads the page when it changes: the browser follows the writing. While
 * the last build failed, the page shows its findings over it (see
 * hc_http_errors).
 */
#ifndef HC_HTTP_H
#define HC_HTTP_H
#include "base/buf.h"
#include <stddef.h>

typedef struct hc_http hc_http;

/* Serves root on listen_fd (a listening socket, which the server owns from
 * then on). Returns NULL with a message in err when libmicrohttpd cannot be
 * loaded or started. root is copied. */
hc_http *hc_http_start(int listen_fd, const char *root, char *err, size_t errlen);
#define HC_HTTP_BUILDS_URL "/__huace/builds"
/* A new build is in place: open pages reload. */
void hc_http_built(hc_http *h);
#define HC_HTTP_ERRORS_URL "/__huace/errors"
/* The last build failed with these findings (the text the terminal got,
 * copied), or (NULL or "") did not: open pages show the text in an overlay
 * over the page, or remove it, within a second; pages sent meanwhile carry
 * it. HC_HTTP_ERRORS_URL answers the text (empty when none). */
void hc_http_errors(hc_http *h, const char *text);
/* Stops the server, closes its socket, frees it. NULL is fine. */
void hc_http_stop(hc_http *h);

/* url (a decoded URL path) with each run of '/' made one: "//a///b" is
 * "/a/b". */
void hc_http_collapse(const char *url, hc_buf *out);
/* The file a decoded URL path names, relative to the root ("" for the root
 * itself; a trailing '/' kept; runs of '/' are one). Returns -1 for a path
 * that does not start with '/' or has a "." or ".." segment. */
int hc_http_resolve(const char *url, hc_buf *rel);
/* The Location of the redirect that adds the '/' to a folder's URL: the
 * collapsed path, percent-encoded, starting with exactly one '/' and ending
 * with one, so a path on this server, never "//host/" (another host). */
void hc_http_folder_location(const char *url, hc_buf *loc);
/* The Content-Type for a file name, by its extension. */
const char *hc_http_content_type(const char *name);

#endif
