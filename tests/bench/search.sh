#!/bin/sh
# search.sh — the size of the search index (issue 13), at N case studies
# (default 10000, the corpus of make bench: gen.py, N case studies and N/10
# units). Run by `make bench` after the Hugo comparison, or alone:
# tests/bench/run.sh --search [N] (or sh tests/bench/search.sh [N]).
#
# Counted as "the index": every byte of search/index.js (per document its
# title, link, kind, date, places and tags, which is what a result shows
# above its passage) and of every shard search/i/*.js, as written on disk
# (file:// has no compression), divided by the documents searched (units,
# case studies and pages). Not counted, and printed apart: search/t/*.js,
# the documents' texts, eight to a file, which the browser loads only for
# the results it shows (to check the phrase and cut the passage around it).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
HUACE=${HUACE:-$ROOT/huace}
N=${1:-10000}
case "$N" in ''|*[!0-9]*) echo "search.sh: N must be a number, got '$N'" >&2; exit 2 ;; esac
[ -x "$HUACE" ] || { echo "search.sh: no huace binary at $HUACE (run make huace)" >&2; exit 1; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/huace-search.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

python3 "$HERE/gen.py" huace "$TMP/site" "$N" >/dev/null 2>&1
"$HUACE" build -s "$TMP/site" -o "$TMP/out" --quiet
echo "== search index (issue 13): N=$N case studies"
python3 - "$TMP/out/search" "$N" <<'PY'
import glob, gzip, json, os, re, sys
d, n_cases = sys.argv[1], int(sys.argv[2])
size = lambda p: os.path.getsize(p)
table = size(os.path.join(d, "index.js"))
shards = sorted(glob.glob(os.path.join(d, "i", "*.js")))
shard_bytes = sum(size(p) for p in shards)
texts = glob.glob(os.path.join(d, "t", "*.js"))
text_bytes = sum(size(p) for p in texts)
head = open(os.path.join(d, "index.js"), encoding="utf-8").read()
docs = int(re.search(r'"n":(\d+)', head).group(1))
gz = lambda p: len(gzip.compress(open(p, "rb").read(), 9))
gz_bytes = gz(os.path.join(d, "index.js")) + sum(gz(p) for p in shards)
per = (table + shard_bytes) / docs
print("search index: %d bytes/page at %s pages (target \u2264 400)" % (round(per), format(docs, ",")))
print("  pages searched: %s case studies and %s units; counted: index.js %s bytes (titles, links, dates,"
      % (format(n_cases, ","), format(docs - n_cases, ","), format(table, ",")))
print("  places, tags) + %d shards %s bytes (the full-text index), raw as on disk; %d bytes per case study"
      % (len(shards), format(shard_bytes, ","), round((table + shard_bytes) / n_cases)))
print("  gzip -9 (what a compressing server would send): %d bytes/page" % round(gz_bytes / docs))
print("  a query loads index.js and one shard per term: %s bytes on average each, largest %s bytes"
      % (format(round(shard_bytes / max(1, len(shards))), ","), format(max([size(p) for p in shards] or [0]), ",")))
print("  not counted: each result shown loads the file with its text (search/t/, %d texts a file): %s bytes on average"
      % (json.loads(re.search(r'"group":(\d+)', head).group(1)), format(round(text_bytes / max(1, len(texts))), ",")))
PY
