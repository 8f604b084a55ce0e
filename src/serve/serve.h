/* serve.h — huace serve: a preview of the site while it is written.
 *
 * Builds SRC into a private temporary folder (removed when the server stops),
 * serves that folder over HTTP on 127.0.0.1 (or --bind ADDR) port 8080 (or
 * -p PORT; 0 picks a free one, printed), and builds again whenever an input
 * file is added, removed, renamed or changed (told by inotify, watch.h; where
 * inotify cannot watch the site, by stat'ing the inputs every 300 ms as the
 * build walks them, base/tree.h). A build that fails prints its errors,
 * leaves the last good build served and has the server show the same text
 * over every open page until a build succeeds (http.h). With inotify, each
 * full build runs in a child process while serve goes on watching, and an
 * edited case study's page is written at once from the model serve keeps
 * (fast.h) before the full build brings the rest up to date. Ctrl-C (SIGINT)
 * or SIGTERM stops it, ending a build under way in the child (by polling:
 * once the build under way is done); a second one ends it at once, leaving
 * the temporary folder.
 * Connections are limited as http.h says. Exit status 0 after a stop, 1
 * when it cannot listen or SRC is no site, 2 usage.
 */
#ifndef HC_SERVE_H
#define HC_SERVE_H
#include "cli.h"

int hc_cmd_serve(const hc_opts *o);

#endif
