#!/bin/sh
# run.sh — fuzzes each named target (all six by default) for FUZZ_TIME seconds
# (default 600), one after another: `make fuzz-run` runs it after `make fuzz`.
#
# Each target works on build/fuzz/corpus-work/<name>, which starts as a copy
# of its seed corpus tests/fuzz/corpus/<name>/ and keeps what earlier runs
# found (the tree's corpus is never changed), with its dictionary
# tests/fuzz/<name>.dict and a -max_len that fits its inputs. libFuzzer runs
# in fork mode so that a finding does not end the run: crashes, leaks,
# timeouts (10 s per input) and out-of-memory (2 GB) go to
# build/fuzz/crashes/<name>-<kind>-<sha1>, the log to build/fuzz/log/<name>.log.
# For each target it prints executions, executions per second, corpus size
# and findings; it fails if any target found anything.
set -u
cd "$(dirname "$0")/../.."
FUZZ_TIME=${FUZZ_TIME:-600}
[ $# -gt 0 ] || set -- yamlv frontmatter mustache markdown image http
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p build/fuzz/crashes build/fuzz/log
failed=0
printf '%-12s %6s %12s %8s %8s  %s\n' target time executions exec/s corpus findings
for t; do
    case $t in
    yamlv | mustache | markdown) max_len=16384 ;;
    frontmatter | image | pdfcontent) max_len=8192 ;;
    http) max_len=512 ;;
    *) echo "run.sh: no fuzz target '$t' (yamlv frontmatter mustache markdown image http)" >&2; exit 2 ;;
    esac
    bin=build/fuzz/fuzz_$t
    if [ ! -x "$bin" ]; then echo "run.sh: $bin is missing: run make fuzz" >&2; exit 2; fi
    work=build/fuzz/corpus-work/$t
    mkdir -p "$work"
    cp tests/fuzz/corpus/"$t"/* "$work"/
    log=build/fuzz/log/$t.log
    ls build/fuzz/crashes >build/fuzz/log/.before
    # the targets' and libFuzzer's temp folders: a crashed process leaves its own behind
    tmp=$PWD/build/fuzz/tmp
    rm -rf "$tmp" && mkdir -p "$tmp"
    TMPDIR=$tmp "$bin" "$work" -dict=tests/fuzz/"$t".dict -max_len="$max_len" -max_total_time="$FUZZ_TIME" \
        -timeout=10 -rss_limit_mb=2048 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -artifact_prefix=build/fuzz/crashes/"$t"- -print_final_stats=1 >"$log" 2>&1
    rc=$?
    # fork mode's progress lines: "#N: cov: … corp: C exec/s … oom/timeout/crash: a/b/c time: Ts …"
    last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -n 1)
    execs=$(echo "$last" | sed -n 's/^#\([0-9]*\):.*/\1/p')
    secs=$(echo "$last" | sed -n 's/.* time: \([0-9]*\)s.*/\1/p')
    otc=$(echo "$last" | sed -n 's/.*oom\/timeout\/crash: \([0-9/]*\).*/\1/p')
    new=$(ls build/fuzz/crashes | grep -v -x -F -f build/fuzz/log/.before | grep "^$t-" || true)
    nnew=$(echo "$new" | grep -c . || true)
    corpus=$(ls "$work" | wc -l | tr -d ' ')
    rate=0
    [ -n "$secs" ] && [ "$secs" -gt 0 ] && rate=$((${execs:-0} / secs))
    if [ "$nnew" -gt 0 ] || [ "$rc" -ne 0 ] || [ -z "$last" ]; then
        failed=1
        verdict="FOUND $nnew files (oom/timeout/crash ${otc:-?}, exit $rc)"
    else
        verdict="none"
    fi
    printf '%-12s %5ss %12s %8s %8s  %s\n' "$t" "${secs:-?}" "${execs:-?}" "$rate" "$corpus" "$verdict"
    if [ "$verdict" != none ]; then
        # what was found, by kind: the invariant that failed or the sanitizer's
        # summary, from replaying up to 20 of the crashes (timeouts and
        # out-of-memory files are named so)
        for f in $(echo "$new" | head -n 20); do
            case $f in
            "$t"-crash-* | "$t"-leak-*)
                TMPDIR=$tmp "$bin" -timeout=10 -rss_limit_mb=2048 build/fuzz/crashes/"$f" 2>&1 |
                    grep -E -m1 'invariant failed:|^SUMMARY: ' | sed 's/^SUMMARY: //; s/ (.*//; s/^[^ ]*: invariant/invariant/'
                ;;
            *) echo "$f" | sed "s/^$t-\([a-z-]*\)-.*/\1/" ;;
            esac
        done | sort | uniq -c | sort -rn | sed 's/^/             /'
        echo "$new" | head -3 | sed 's|^|             build/fuzz/crashes/|'
        [ "$nnew" -gt 3 ] && echo "             … ($nnew files)"
    fi
    rm -rf "$tmp"
done
rm -f build/fuzz/log/.before
[ "$failed" -eq 0 ]
