# YAML mappings with 99,000 keys (docs/robustness.md), in an article's
# front matter and in a rule file: read in linear time (a hash set of keys
# per mapping), and a duplicate key among them is reported at its
# line:column, naming the first. Before, every key was compared with every
# other: 1.5 MB of front matter took 25 s, 100 MB six minutes. No timing
# is asserted; the ctest timeout is the guard.
. "$(dirname "$0")/../lib/e2e.sh"

N=99000
GOOD='Microsoft has invested 13 billion dollars in OpenAI so far.'

# make_yaml FILE HEAD INDENT DUP TAIL: HEAD, then N keys k000000.. at
# INDENT, then (when DUP is set) key DUP again, then TAIL
make_yaml() {
    python3 - "$@" <<'PY'
import sys
path, head, indent, dup, tail = sys.argv[1:6]
with open(path, "w") as f:
    f.write(head)
    f.write("".join("%sk%06d: v%d\n" % (indent, i, i) for i in range(99000)))
    if dup:
        f.write("%s%s: again\n" % (indent, dup))
    f.write(tail)
PY
}

# Front matter: 99,000 keys besides lang and date; the article is checked.
make_yaml "$TMP/big.md" '---
lang: en
date: 2024-10-20
' "" "" "---
$GOOD
"
"$CC" check --format json "$TMP/big.md" >"$TMP/big.json" 2>"$TMP/big.err"
expect_status 0 $? "front matter of 99,000 keys"
[ -s "$TMP/big.err" ] && fail "front matter of 99,000 keys: $(head -3 "$TMP/big.err")"
grep -q '"articles_scanned": 1, "articles_skipped": 0' "$TMP/big.json" ||
    fail "the article with a large front matter was not checked"

# ... and one of them again at the end: line 99,004, column 1.
make_yaml "$TMP/dup.md" '---
lang: en
date: 2024-10-20
' "" k000007 "---
$GOOD
"
"$CC" check --format json "$TMP/dup.md" >"$TMP/dup.json" 2>"$TMP/dup.err"
expect_status 2 $? "a duplicate key in a large front matter"
grep -q "dup.md:99004:1: error: duplicate key 'k000007' (first at line 11)" "$TMP/dup.err" ||
    fail "duplicate front-matter key not located: $(head -5 "$TMP/dup.err")"
grep -q '"reason": "front matter is not valid"' "$TMP/dup.json" ||
    fail "the article with the duplicate key is not in the accounting"

# A rule file: a mapping of 99,000 keys under a key the claim does not
# know. All of it is read; the one error is the unknown key.
R="$TMP/rules"
mkdir -p "$R/claims"
ln -s "$SRC/rules/lang" "$R/lang"
HEAD='claims:
  - id: big
    unit: currency
    extract:
      en: [{pattern: '"'"'put %{money}'"'"'}]
    x:
'
make_yaml "$R/claims/big.yaml" "$HEAD" "      " "" ""
"$CC" check --rules "$R" "$TMP/big.md" >/dev/null 2>"$TMP/rules.err"
expect_status 2 $? "a rule file with a mapping of 99,000 keys"
grep -q "big.yaml:6:5: error: unknown key 'x' in a claim" "$TMP/rules.err" ||
    fail "rule file of 99,000 keys: $(head -5 "$TMP/rules.err")"
[ "$(grep -c ': error: ' "$TMP/rules.err")" = 1 ] || fail "rule file of 99,000 keys: more than one error"

# ... with a key repeated at the end (line 99,007, column 7).
make_yaml "$R/claims/big.yaml" "$HEAD" "      " k098000 ""
"$CC" check --rules "$R" "$TMP/big.md" >/dev/null 2>"$TMP/rules.err"
expect_status 2 $? "a duplicate key in a rule file of 99,000 keys"
grep -q "big.yaml:99007:7: error: duplicate key 'k098000' (first at line 98007)" "$TMP/rules.err" ||
    fail "duplicate rule-file key not located: $(head -5 "$TMP/rules.err")"
finish
