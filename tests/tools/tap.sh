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
