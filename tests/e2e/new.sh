#!/bin/sh
# huace new: a case study (a draft) or a project file to fill in, made from what
# the site declares; never overwrites; names that cannot be URLs are refused.
. tests/tools/tap.sh
cp -R tests/sites/base "$T/site"
S="$T/site"
printf 'maps: {enabled: false}\nprint: {enabled: false}\n' >>"$S/site.yaml"   # the HTML is what matters here
build() { "$HUACE" build -s "$S" -o "$T/out" --today 2026-11-30 --quiet "$@"; }

check "new case writes content/cases/SLUG.md" sh -c "'$HUACE' new -s '$S' case fresh-case --today 2026-11-30 | grep -q 'wrote content/cases/fresh-case.md' && test -s '$S/content/cases/fresh-case.md'"
check "dated --today" grep -q '^date: 2026-11-30$' "$S/content/cases/fresh-case.md"
check "its comments list the site's townships" grep -q '^# township: .*甲镇、乙乡' "$S/content/cases/fresh-case.md"
check "and name a real project id" grep -q "^# projects: \[$(sed -n 's/^id: *//p' "$S"/content/projects/*.yaml | sort | head -n 1)\]" "$S/content/cases/fresh-case.md"
build
check "it starts as a draft, which a build leaves out" sh -c "grep -q '^draft: true' '$S/content/cases/fresh-case.md' && test -d '$T/out/cases' && test ! -e '$T/out/cases/fresh-case'"
build --drafts 2>"$T/err"
check "and --drafts builds it without a message" sh -c "test -s '$T/out/cases/fresh-case/index.html' && test ! -s '$T/err'"
SOURCE_DATE_EPOCH=1767225600 "$HUACE" new -s "$S" case epoch-case >/dev/null
check "without --today the date comes from SOURCE_DATE_EPOCH" grep -q '^date: 2026-01-01$' "$S/content/cases/epoch-case.md"

check "new project writes content/projects/<id in lower case>.yaml" sh -c "'$HUACE' new -s '$S' project T-Z-09 --domain zone | grep -q 'wrote content/projects/t-z-09.yaml'"
check "with id, name and domain, and every 十个一 item as false" sh -c "grep -q '^id: T-Z-09$' '$S/content/projects/t-z-09.yaml' && grep -q '^domain: zone' '$S/content/projects/t-z-09.yaml' && test \$(grep -c '^  [a-z]*: false' '$S/content/projects/t-z-09.yaml') -eq 10"
"$HUACE" check -s "$S" --today 2026-11-30 >"$T/check.txt"
check "which check finds nothing to say about" sh -c "! grep -q 't-z-09' '$T/check.txt'"
build
check "and the build gives a page" test -s "$T/out/projects/T-Z-09/index.html"

cp "$S/content/cases/fresh-case.md" "$T/keep.md"
echo '改过' >>"$S/content/cases/fresh-case.md"
cp "$S/content/cases/fresh-case.md" "$T/keep.md"
"$HUACE" new -s "$S" case fresh-case >"$T/o" 2>&1
rc=$?
check "an existing file is refused (1)" sh -c "test $rc -eq 1 && grep -q 'content/cases/fresh-case.md: already exists' '$T/o'"
check "and left as it was" cmp "$S/content/cases/fresh-case.md" "$T/keep.md"
"$HUACE" new -s "$S" project T-Z-09 --domain belt >"$T/o" 2>&1
check "an existing project id is refused (1)" sh -c "test $? -eq 1 && grep -q 'already has project T-Z-09' '$T/o'"
"$HUACE" new -s "$S" case ../../escape >"$T/o" 2>&1
check "a name that is not a URL is a usage error (2), nothing written" sh -c "test $? -eq 2 && grep -q \"becomes its URL, but it contains '/' (use only ASCII letters, digits\" '$T/o' && test ! -e '$T/escape.md' && test ! -e '$S/escape.md'"
"$HUACE" new -s "$S" project T-Z-10 --domain nope >"$T/o" 2>&1
check "an unknown domain is refused (1), listing the seeds' domains" sh -c "test $? -eq 1 && grep -q \"unknown domain 'nope' (seeds/standards.yaml has: .*zone\" '$T/o' && test ! -e '$S/content/projects/t-z-10.yaml'"
"$HUACE" new -s "$S" project T-Z-10 >"$T/o" 2>&1
check "a project without --domain is a usage error (2)" sh -c "test $? -eq 2 && grep -q 'needs --domain' '$T/o'"
"$HUACE" new -s "$S" widget x >"$T/o" 2>&1
check "an unknown kind is a usage error (2)" test $? -eq 2
"$HUACE" new -s "$T/nowhere" case x >"$T/o" 2>&1
check "a folder with no site.yaml is refused (1)" sh -c "test $? -eq 1 && grep -q 'no site.yaml' '$T/o'"
finish
