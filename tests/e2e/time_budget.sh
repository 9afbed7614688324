# --time-budget bounds any pattern (issue 11): '(?:a|a){1,16}Zq...' on a
# 4 KB line backtracks 65,536 ways at each of 4,000 start positions. PCRE2's
# match limit restarts at each start position, so only the deadline checked
# inside the search (the tick callout of rx.c) stops it: before, this ran
# 36-54 s under --time-budget 0.1 and exited 0 with no diagnostic. Here the
# budget is 2 s, so that the quantity scanner never uses it up on a loaded
# machine or in a sanitizer build, while the pattern does. The timeout
# below only catches a hang; nothing here asserts a duration.
. "$(dirname "$0")/../lib/e2e.sh"

R="$TMP/rules"
mkdir -p "$R/claims" "$R/lang"
cp rules/lang/en.yaml "$R/lang/"
cat >"$R/claims/slow.yaml" <<'YAML'
claims:
  - id: slow
    description: A pattern that backtracks exponentially
    unit: currency
    currency: USD
    extract:
      en:
        - pattern: '(?:a|a){1,16}Zq\s+invested\s+%{money}'
YAML
python3 -c "print('a' * 4000 + ' Microsoft invested \$13 billion.')" >"$TMP/long.txt"
python3 -c "print('a' * 100 + 'Zq invested \$13 billion.')" >"$TMP/match.txt"

timeout 60 "$CC" check --rules "$R" --lang en --time-budget 2 "$TMP/long.txt" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" -ne 124 ] || fail "the time budget did not stop the search (killed by timeout)"
expect_status 2 "$rc" "slow pattern under --time-budget 2"
grep -q "long.txt:1:1: error: a claim pattern stopped here: time budget for this article used up" "$TMP/err" ||
    fail "no time-budget diagnostic: $(cat "$TMP/err")"
grep -q "claims/slow.yaml:8 is slow on this article" "$TMP/err" ||
    fail "the diagnostic does not name the rule: $(cat "$TMP/err")"

# the same rule still finds its figure where the search is short
"$CC" check --rules "$R" --lang en --format json "$TMP/match.txt" >"$TMP/m.json" 2>"$TMP/merr"
expect_status 0 $? "slow pattern on a short sentence"
grep -q '"text": "\$13 billion"' "$TMP/m.json" || fail "figure not found: $(cat "$TMP/m.json" "$TMP/merr")"

finish
