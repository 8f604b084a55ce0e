#!/bin/sh
# The rule table (src/check/check.c hc_rules[], printed by `huace check
# --rules`) against the rest of the tree:
# - the text and JSON forms list the same rules, each once, with a severity,
#   where it runs (build, check, both), a function and a description;
# - every rule has a fixture: a tests/sites/check/*.expect (`huace check`) or
#   tests/sites/bad/*.expect (a build) holding one of its findings, with the
#   table's severity; a rule that runs only in builds has a build fixture, one
#   that runs only in check a check fixture; and no fixture shows a rule where
#   the table says it does not run (overdue in a build…) or a rule the table
#   does not know;
# - every rule has a row in README's "What `huace check` checks" table with the
#   same severity, marked "(check only)" or "(build only)" exactly when the
#   table says so, and every rule of that README table is in the table;
# - every rule id the sources pass to hc_error/hc_warn is in the table, or is
#   one of the findings of making the output (listed below, with why).
. tests/tools/tap.sh

"$HUACE" check --rules --format json >"$T/rules.json" 2>"$T/err"
st=$?
if [ $st = 0 ] && [ ! -s "$T/err" ]; then ok "check --rules --format json runs"; else notok "check --rules --format json runs (exit $st)"; fi
"$HUACE" check --rules >"$T/rules.txt" 2>>"$T/err"
st=$?
if [ $st = 0 ] && [ ! -s "$T/err" ]; then ok "check --rules runs"; else notok "check --rules runs (exit $st)"; sed 's/^/# /' "$T/err"; fi
"$HUACE" check --rules --format yaml >/dev/null 2>&1
if [ $? = 2 ]; then ok "check --rules --format yaml is a usage error"; else notok "check --rules --format yaml is a usage error"; fi

python3 - "$T/rules.json" "$T/rules.txt" >"$T/results" 2>&1 <<'PY'
import glob, json, os, re, sys

def res(good, what):
    print(("OK " if good else "NOTOK ") + what)

rules = json.load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], encoding="utf-8").read().splitlines()
by_id = {}
shape = True
for r in rules:
    if set(r) != {"rule", "severity", "at", "function", "what"} or r["severity"] not in ("error", "warning") \
       or r["at"] not in ("build", "check", "both") or not r["function"] or not r["what"] \
       or "\n" in r["what"] or not re.fullmatch(r"[a-z][a-z0-9-]*", r["rule"]):
        shape = False
        print("# bad entry:", r)
    if r["rule"] in by_id:
        shape = False
        print("# listed twice:", r["rule"])
    by_id[r["rule"]] = r
res(shape and len(rules) > 40, f"{len(rules)} rules, each once, with severity, where it runs, function and description")

# the text table: a header, then the same rules in the same order
rows = [l.split(None, 3) for l in text[1:]]
same = text[0].split()[:3] == ["rule", "severity", "runs"] and len(rows) == len(rules) and all(
    row[:3] == [r["rule"], r["severity"], r["at"]] and r["what"] in l
    for row, r, l in zip(rows, rules, text[1:]))
res(same, "the text table lists the same rules as the JSON")

# findings in the fixtures: "path[:line:col]: severity: message [rule]"; the
# message may run over several lines, the [rule] ends its last
def findings(path):
    out, sev = [], None
    for line in open(path, encoding="utf-8", errors="replace").read().splitlines():
        m = re.match(r"\S.*?: (error|warning): ", line)
        if m:
            sev = m.group(1)
        r = re.search(r" \[([a-z][a-z0-9-]*)\]$", line)
        if r and sev:
            out.append((sev, r.group(1)))
            sev = None
    return out

seen = {}        # rule -> set of (kind, severity)
where_ok = True
for kind, pattern in (("check", "tests/sites/check/*.expect"), ("build", "tests/sites/bad/*.expect")):
    for f in sorted(glob.glob(pattern)):
        lenient = ".lenient" in os.path.basename(f)
        for sev, rule in findings(f):
            r = by_id.get(rule)
            if r is None:
                where_ok = False
                print(f"# {f}: [{rule}] is not in the rule table")
                continue
            if r["at"] not in (kind, "both"):
                where_ok = False
                print(f"# {f}: [{rule}] runs at {r['at']} but this is a {kind} fixture")
            if sev != r["severity"] and not (rule == "unknown-key" and lenient and sev == "warning"):
                where_ok = False
                print(f"# {f}: [{rule}] is a {sev} here, the table says {r['severity']}")
            seen.setdefault(rule, set()).add(kind)
res(where_ok, "every finding in the fixtures is a rule of the table, with its severity, where it runs")
for r in rules:
    kinds = seen.get(r["rule"], set())
    need = {"build": {"build"}, "check": {"check"}, "both": {"build", "check"}}[r["at"]]
    res(bool(kinds & need), f"{r['rule']}: has a fixture under tests/sites/ ({'/'.join(sorted(kinds)) or 'none'})")

# README: the table under "## What `huace check` checks"
readme = open("README.md", encoding="utf-8").read()
m = re.search(r"^## What `huace check` checks\n(.*?)(?=^## )", readme, re.S | re.M)
section = m.group(1) if m else ""
readme_rows = {}
for line in section.splitlines():
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if not line.startswith("|") or len(cells) < 3 or cells[0] in ("rule", "---"):
        continue
    for rid in re.findall(r"`([a-z][a-z0-9-]*)`", cells[0]):
        readme_rows[rid] = cells[1]
for r in rules:
    sev = readme_rows.get(r["rule"])
    good = sev is not None and sev.split()[0] == r["severity"] \
        and ("(check only)" in sev) == (r["at"] == "check") and ("(build only)" in sev) == (r["at"] == "build")
    res(good, f"{r['rule']}: README row says {sev!r}; table: {r['severity']}, runs at {r['at']}")
stale = sorted(set(readme_rows) - set(by_id))
res(not stale, "every rule in README's table is in the rule table" + (f" (not: {', '.join(stale)})" if stale else ""))

# every rule id the sources report is in the table, or a finding of making
# the output (not a check of the sources, so not a rule of the table)
not_rules = {
    "write": "writing the output failed", "output": "the output folder (-o) cannot be used",
    "pdf": "the album PDF cannot be made", "pdfx": "PDF/X conversion", "print": "print settings at render",
    "photo": "a photo cannot be placed in the album", "photo-resolution": "a photo too small for its placed size",
    "print-size": "the poster cannot be drawn at its size", "map": "a map cannot be drawn",
    "font": "no CJK font is installed", "search": "the search index cannot be written",
    "share": "a share image cannot be drawn",
    "changed": "a file changed while it was read: a race, no fixture can make it",
    "template-contract": "a theme variable the template contract does not name (tests/unit/test_contract.c)",
}
ids = set()
for f in glob.glob("src/**/*.c", recursive=True):
    src = open(f, encoding="utf-8").read()
    ids |= set(re.findall(r"\bhc_(?:error|warn)\s*\(\s*[^,;]+,\s*\"([a-z][a-z0-9-]*)\"", src))
missing = sorted(ids - set(by_id) - set(not_rules))
res(not missing and len(ids) > 50, f"every rule id in src/ ({len(ids)}) is in the table or a finding of the output stages"
    + (f" (not: {', '.join(missing)})" if missing else ""))
gone = sorted(set(not_rules) - ids)
res(not gone, "every output-stage id listed here is still reported in src/" + (f" (not: {', '.join(gone)})" if gone else ""))
PY
[ -s "$T/results" ] || notok "the rule checks ran"
while IFS= read -r line; do
    case $line in
    "OK "*) ok "${line#OK }" ;;
    "NOTOK "*) notok "${line#NOTOK }" ;;
    *) echo "$line" ;;
    esac
done <"$T/results"
finish
