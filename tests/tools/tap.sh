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
