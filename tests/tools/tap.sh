# tap.sh — sourced by the e2e tests (POSIX sh). Sets HUACE (the binary under
# test, from the environment or ./huace) and T (a scratch folder removed on
# exit), and prints TAP: ok/notok/skip report one result; check runs a command
# and reports whether it succeeded, showing its output when it did not;
# finish prints the plan line.
set -u
HUACE=${HUACE:-./huace}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check() {
    d=$1
    shift
    if "$@" >"$T/check.out" 2>&1; then ok "$d"; else notok "$d"; sed 's/^/# /' "$T/check.out" | head -20; fi
}
finish() { echo "1..$n"; }
# san_report LOG: a sanitizer report in LOG (a build's output that the test
# kept) goes to stderr, where tests/run.sh shows its last 20 lines: the
# first frames of the crash, not only its first line.
san_report() {
    grep -q -E '==[0-9]+==ERROR|runtime error:' "$1" 2>/dev/null || return 0
    grep -E '==[0-9]+==ERROR|runtime error:|^ *#[0-9]+ ' "$1" | grep -v -E 'libasan|libubsan|sanitizer_common' | head -18 >&2
}
# example_build OUT LOG [options…]: the example site (the repository root)
# built by $HUACE with --today 2026-11-30 and the options into OUT, its
# stdout and stderr in LOG; returns the build's exit status. Under
# tests/run.sh (HUACE_EXAMPLE_CACHE set) each set of options is built once per
# pass (under a lock) and copied, with the caches beside it (OUT.huace-*), so that a later
# build into OUT works as it would after a build of its own: the example
# takes about 20 s to build and 80 s under ASan, and several suites read the
# same output.
example_build() {
    eb_out=$1 eb_log=$2
    shift 2
    if [ -z "${HUACE_EXAMPLE_CACHE:-}" ]; then
        "$HUACE" build -s . -o "$eb_out" --today 2026-11-30 "$@" >"$eb_log" 2>&1
        return
    fi
    eb_c=$HUACE_EXAMPLE_CACHE/$(printf '%s\n' "$HUACE" "$@" | cksum | tr ' ' -)
    if ! [ -f "$eb_c/status" ]; then
        # tests/run.sh runs two suites at a time: one builds, the other waits
        mkdir -p "$HUACE_EXAMPLE_CACHE"
        until mkdir "$eb_c.lock" 2>/dev/null; do sleep 0.5; done
        if ! [ -f "$eb_c/status" ]; then
            mkdir -p "$eb_c"
            "$HUACE" build -s . -o "$eb_c/out" --today 2026-11-30 "$@" >"$eb_c/log" 2>&1
            echo $? >"$eb_c/status"
        fi
        rmdir "$eb_c.lock"
    fi
    cp "$eb_c/log" "$eb_log"
    rm -rf "$eb_out"
    for eb_f in "$eb_c"/out "$eb_c"/out.huace-*; do
        [ -e "$eb_f" ] || continue
        case $eb_f in *.huace-lock) continue ;; esac
        cp -a "$eb_f" "$eb_out${eb_f#"$eb_c"/out}"
    done
    return "$(cat "$eb_c/status")"
}
