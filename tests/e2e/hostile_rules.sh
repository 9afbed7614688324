# Hostile rules (docs/robustness.md). Malformed YAML, alias bombs, deep
# nesting, wrong types, unknown keys, duplicate ids and overflowing numbers
# have their fixtures in fixtures/bad (rule_errors.sh); this test makes the
# ones too big to keep in git, and checks that a catastrophic pattern is
# stopped by PCRE2's limits and the time budget with a diagnostic on that
# rule while the other rules carry on.
. "$(dirname "$0")/../lib/e2e.sh"

R="$TMP/rules"
mkdir -p "$R/claims"
ln -s "$SRC/rules/lang" "$R/lang"
ln -s "$SRC/rules/entities" "$R/entities"
ln -s "$SRC/rules/concepts.yaml" "$R/concepts.yaml"
cp rules/claims/microsoft_investment_total.yaml "$R/claims/"

# More nodes than the loader takes, and a file over its size limit.
python3 - "$R/claims/many.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("claims:\n  - id: many\n    unit: currency\n    extract: {en: [{pattern: 'put %{money}'}]}\n    examples:\n")
    for i in range(1, 70001):
        f.write('      - {lang: en, text: "It put $%d billion in.", value: %de9}\n' % (i, i))
PY
"$CC" check --rules "$R" fixtures/articles >"$TMP/out" 2>"$TMP/err"
expect_status 2 $? "too many YAML nodes"
grep -q "many.yaml:28575:9: error: too many YAML nodes (more than 200000)" "$TMP/err" ||
    fail "node limit not located: $(head -3 "$TMP/err")"
[ -s "$TMP/out" ] && fail "a report despite rule errors"
python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('# ' + 'x' * (17 << 20) + '\nclaims: []\n')" "$R/claims/many.yaml"
"$CC" check --rules "$R" fixtures/articles >/dev/null 2>"$TMP/err"
expect_status 2 $? "huge rule file"
grep -q "many.yaml: error: cannot read rule file: file too large" "$TMP/err" ||
    fail "huge rule file not reported: $(head -3 "$TMP/err")"
rm "$R/claims/many.yaml"

# An article where the patterns below backtrack hard: many sentences of
# words, each with a figure.
python3 - "$TMP/a.txt" <<'PY'
import sys
line = "Microsoft has invested 13 billion dollars in OpenAI. "
line += " ".join(["aaaa bbbb cccc dddd eeee ffff gggg 13 hhhh iiii"] * 30) + " $5 billion.\n"
open(sys.argv[1], "w").write(line * 50)
PY

# Nested quantifiers: PCRE2's match limit stops the first match; the
# diagnostic names the rule; the other claim is still found on every line.
cat >"$R/claims/bad.yaml" <<'EOF'
claims:
  - id: catastrophic
    description: a rule with nested quantifiers
    unit: currency
    extract:
      en:
        - pattern: '(?:(?:\w+\s?)+)+\d{30}%{money}'
EOF
"$CC" check --lang en --rules "$R" --format json "$TMP/a.txt" >"$TMP/out.json" 2>"$TMP/err"
expect_status 2 $? "catastrophic pattern"
grep -q "a.txt:1:1: error: a claim pattern stopped here: PCRE2 match limit reached" "$TMP/err" ||
    fail "match limit not reported: $(cat "$TMP/err")"
grep -q "hint: simplify the pattern at $R/claims/bad.yaml:7" "$TMP/err" ||
    fail "the diagnostic does not name the rule: $(cat "$TMP/err")"
[ "$(grep -c 'error:' "$TMP/err")" = 1 ] || fail "one diagnostic per rule and article expected"
grep -q '"id": "microsoft_investment_total", "scope": null, "status": "single"' "$TMP/out.json" ||
    fail "the other rule did not carry on"
"$CC" extract --lang en --rules "$R" "$TMP/a.txt" 2>/dev/null | grep -c '"claim": "microsoft_investment_total"' >"$TMP/n"
[ "$(cat "$TMP/n")" = 50 ] || fail "the other rule found $(cat "$TMP/n") of 50 figures"

# Slow but under the match limit: the time budget stops it, and only it.
cat >"$R/claims/bad.yaml" <<'EOF'
claims:
  - id: slow
    description: a rule that is slow on every sentence
    unit: currency
    extract:
      en:
        - pattern: '(?:\w+\s?){1,6}\d{30}%{money}'
EOF
"$CC" check --lang en --rules "$R" --time-budget 0.05 --format json "$TMP/a.txt" \
    >"$TMP/out.json" 2>"$TMP/err"
expect_status 2 $? "time budget"
grep -q "error: a claim pattern stopped here: time budget for this article used up" "$TMP/err" ||
    fail "time budget not reported: $(cat "$TMP/err")"
grep -q "hint: $R/claims/bad.yaml:7 is slow on this article: simplify it, or raise --time-budget" "$TMP/err" ||
    fail "the time budget diagnostic does not name the rule: $(cat "$TMP/err")"
grep -q '"id": "microsoft_investment_total", "scope": null, "status": "single"' "$TMP/out.json" ||
    fail "the other rule did not carry on after the time budget"
"$CC" check --time-budget soon fixtures/articles >/dev/null 2>"$TMP/err"
expect_status 2 $? "--time-budget soon"
grep -q -- "--time-budget wants seconds" "$TMP/err" || fail "--time-budget soon not explained"
rm "$R/claims/bad.yaml"

# Figures that overflow in articles: read, not crashed on, valid JSON.
printf 'Microsoft has invested 1234567890123456789012345678901234567890 dollars, %s and %s in OpenAI.\n' \
    '1e400 dollars' '99999999999999999999999999999999999999999999999999 billion dollars' >"$TMP/big.txt"
"$CC" scan --lang en --rules "$R" "$TMP/big.txt" >"$TMP/scan.jsonl" 2>"$TMP/err"
expect_status 0 $? "scan of overflowing figures"
python3 -c "
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert any(r['text'].startswith('1234567890123456789012345678901234567890') for r in rows), rows
assert all(r['value'] == r['value'] for r in rows), rows  # no NaN
" "$TMP/scan.jsonl" || fail "overflowing figures: $(cat "$TMP/scan.jsonl")"
"$CC" check --lang en --rules "$R" --format json "$TMP/big.txt" >"$TMP/big.json" 2>"$TMP/err"
python3 -c "import json, sys; json.load(open(sys.argv[1]))" "$TMP/big.json" ||
    fail "report with overflowing figures is not JSON"
finish
