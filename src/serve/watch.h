/* watch.h — serve's watcher: tells when a site's inputs change, by inotify.
 *
 * Watches SRC itself (for site.yaml, and for seeds/, content/, assets/,
 * layouts/, themes/ appearing or going) and every folder below those five,
 * including folders made later (mkdir, mkdir -p, a folder moved in) and
 * folders reached through symbolic links (each real folder is watched once,
 * so links cannot loop). A change is any file or folder written, created,
 * deleted, renamed in or out, or its attributes changed, below those; so an
 * editor that saves by writing a temporary file and renaming it over the
 * old one, or by renaming the old one to a backup first (vim), is seen as it
 * is; and such a save is one change: the wait holds (HOLD_MS, 0.5 s, at
 * most) while a file is open for writing (created or written, not yet
 * closed) or one that was there is moved away or deleted and not yet back.
 * Names starting with '.' (editors' swap files; the build leaves them out
 * too) are no change, and neither are editors' backups, swap files and
 * probes ("a.md~", "a.md.swp", vim's "4913") in content/, content/cases/
 * and content/projects/ (whose files the build picks by ending), nor
 * anything else at SRC's top level (the default output folder public/,
 * .git/ …).
 *
 * When inotify cannot be had (no instance left, or the watch limit of
 * fs.inotify.max_user_watches reached) hc_watch_open returns NULL and says
 * why; the caller polls instead.
 */
#ifndef HC_WATCH_H
#define HC_WATCH_H
#include <stddef.h>

typedef struct hc_watch hc_watch;

/* Starts watching src (copied). NULL, with a message on stderr, when inotify
 * cannot watch it all. */
hc_watch *hc_watch_open(const char *src);
/* Waits up to timeout_ms (-1: for ever) for a change; once one is seen,
 * waits on until no event has come for settle_ms (an editor saves in steps)
 * and returns 1. Returns 0 on timeout, -1 when a signal cut the wait short
 * (the caller looks at why). A lost event (the kernel's queue overflowed)
 * counts as a change, and every folder is watched afresh. */
int hc_watch_wait(hc_watch *w, int timeout_ms, int settle_ms);
/* What the change hc_watch_wait last returned 1 for was made of: *files
 * (owned by w, valid until the next wait) gets the files written, created,
 * deleted or renamed in or out, relative to SRC (e.g.
 * "content/cases/a.md"), each once; a file that the change made and took
 * away again (the temporary file of sed -i or an editor) is left out. Returns 1 when the change was those
 * files and nothing else; 0 when it was more (a folder made, removed or
 * renamed, a name at SRC's top level, a lost event, more than 64 files),
 * and the caller should take everything as changed. */
int hc_watch_changes(hc_watch *w, const char *const **files, size_t *n);
/* Stops watching and frees w. NULL is fine. */
void hc_watch_close(hc_watch *w);

#endif
