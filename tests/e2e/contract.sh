#!/bin/sh
# The template contract (src/render/html/contract.c) against what the renderer
# really sets. The example site, internal edition (supervision, grades), with
# an SVG logo and two items a listing page (so pagers have gaps), is built with
# HUACE_CONTRACT_DUMP: every page and body image writes the keys of the values
# it is rendered with. Then, both ways:
#   - every key set on a page of layout L is a key `huace help templates keys`
#     lists for L (the table names everything a theme can use);
#   - every row of the table is set at least once: a layout's row on a page of
#     that layout, an every-page row or a shape's field on any page (no row
#     names a value the renderer no longer sets).
# And `huace help templates` prints the table (a layout heading and a line).
# A layout whose pages are rendered elsewhere (print/album.html) must write
# its keys too (hc_contract_dump_values), or its rows show here as never set.
. tests/tools/tap.sh
S="$T/site"
mkdir -p "$S"
cp -R site.yaml seeds content assets themes "$S/"
cat >"$S/assets/contract-logo.svg" <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10"><circle cx="5" cy="5" r="4" fill="#c8102e"/></svg>
EOF
sed -i 's/^page_size: .*/page_size: 2/' "$S/site.yaml"
sed -i 's/^print:$/print:\n  signs: false/' "$S/site.yaml"   # signs use no template: not what is tested here
printf '\nlogo:\n  src: assets/contract-logo.svg\n  alt: "徽标"\n' >>"$S/site.yaml"
# an image inside a paragraph (partials/picture; the example has only figures)
printf '\n文中的图 ![示意图：商务楼底层的红牌](/assets/photos/c02-office-tower.jpg) 在句子里。\n' >>"$S/content/about.md"
grep -q '^page_size: 2' "$S/site.yaml" && ok "fixture: page_size 2" || notok "fixture: page_size 2"

HUACE_CONTRACT_DUMP="$T/dump" "$HUACE" build -s "$S" -o "$T/out" --edition internal --today 2026-10-15 --quiet \
    >"$T/build.log" 2>&1 && ok "internal build with HUACE_CONTRACT_DUMP" ||
    { notok "internal build"; sed 's/^/# /' "$T/build.log" | head; }
check "the dump has keys of every page" test -s "$T/dump"
sort -u "$T/dump" >"$T/set"
"$HUACE" help templates keys >"$T/keys" && ok "help templates keys" || notok "help templates keys"
grep -q "$(printf '^project\tp.status.color\tstatus:color$')" "$T/keys" &&
    ok "keys are layout, key and the row they come from" || notok "keys format"

# set on a page, not in the table
cut -f1,2 "$T/keys" | sort -u >"$T/table"
comm -23 "$T/set" "$T/table" >"$T/unlisted"
if [ -s "$T/unlisted" ]; then
    notok "every key the renderer sets is in the table ($(wc -l <"$T/unlisted") not)"
    sed 's/^/# set but not in contract.c: /' "$T/unlisted" | head -20
else ok "every key the renderer sets is in the table ($(wc -l <"$T/set") layout/key pairs)"; fi

# rows never set: a row is set when one of its keys is, under a layout it
# belongs to (every-page rows and shapes: any layout)
awk -F'\t' 'NR == FNR { set[$1 "\t" $2] = 1; next }
    $3 != "-" { row = $3; seen[row] = 1; if (($1 "\t" $2) in set) hit[row] = 1 }
    END { for (r in seen) if (!(r in hit)) print r }' "$T/set" "$T/keys" | sort >"$T/unset"
rows=$(cut -f3 "$T/keys" | sort -u | wc -l)
if [ -s "$T/unset" ]; then
    notok "every row of the table is set on some page ($(wc -l <"$T/unset") of $rows never)"
    sed 's/^/# in contract.c, never set: /' "$T/unset" | head -20
else ok "every row of the table is set on some page ($rows rows)"; fi

# every layout the site renders, and both body-image partials
missing=""
for l in home project case page list taxonomy standards map board schedule supervision search 404 album \
    partials/figure partials/picture; do
    grep -q "^$l	" "$T/set" || missing="$missing $l"
done
[ -z "$missing" ] && ok "every layout and body-image partial rendered" || notok "never rendered:$missing"

"$HUACE" help templates >"$T/help" && ok "help templates prints" || notok "help templates prints"
check "help: a layout's heading and a row with its meaning" sh -c \
    "grep -q '^layouts/project.mustache' '$T/help' && grep -q '^  standard_met  *items met' '$T/help'"
check "help: shapes listed" grep -q '^card-project:' "$T/help"
"$HUACE" help templates nonsense >/dev/null 2>&1
[ $? -eq 2 ] && ok "help templates with a wrong word exits 2" || notok "help templates nonsense"
finish
