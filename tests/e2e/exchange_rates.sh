# Exchange rates (rules/fx/): figures in another currency than their
# claim's compared at the rate of their article's date, a currency mismatch
# named and failing, and an article's own conversion checked against the
# rate: 30% off is flagged at its file:line:col, a faithful one is not.
. "$(dirname "$0")/../lib/e2e.sh"

A="$TMP/a"
mkdir -p "$A"
printf -- '---\ndate: 2024-03-04\n---\nMicrosoft has invested $13 billion in OpenAI so far.\n' >"$A/usd.txt"
printf -- '---\ndate: 2024-03-04\nlang: de\n---\nMicrosoft hat bisher 12 Milliarden Euro in OpenAI investiert.\n' >"$A/eur.txt"
printf -- '---\ndate: 2024-03-04\nlang: de\n---\nMicrosoft hat bisher 13 Milliarden Euro in OpenAI investiert.\n' >"$A/eur13.txt"

# 12e9 EUR at 1.0846 is 13.02e9 USD: they agree
"$CC" check "$A/usd.txt" "$A/eur.txt" >"$TMP/out" 2>&1
expect_status 0 $? "13e9 USD and 12e9 EUR on 4 March 2024"
grep -q '^AGREE  microsoft_investment_total (USD), 2 articles' "$TMP/out" || fail "not compared: $(cat "$TMP/out")"
grep -q '"12 Milliarden Euro"  = €12 bn = $13.02 bn at 1.0846 (2024-03-04)' "$TMP/out" ||
    fail "the conversion is not shown: $(cat "$TMP/out")"

# 13e9 EUR is 14.1e9 USD: the same number in another currency
"$CC" check "$A/usd.txt" "$A/eur13.txt" >"$TMP/out" 2>&1
expect_status 1 $? "13e9 USD and 13e9 EUR"
grep -q '^CURRENCY_MISMATCH  microsoft_investment_total' "$TMP/out" || fail "no currency mismatch: $(cat "$TMP/out")"
"$CC" check --format json "$A/usd.txt" "$A/eur13.txt" >"$TMP/out.json" 2>/dev/null
grep -q '"written": {"value": 13000000000, "unit": "EUR", "rate": 1.0846, "rate_date": "2024-03-04"}' "$TMP/out.json" ||
    fail "JSON lacks the figure as written: $(grep -o '"written": [^,]*' "$TMP/out.json")"
grep -q '"class": "currency_mismatch"' "$TMP/out.json" || fail "JSON lacks the class"
# JSON Lines keeps the figure as written (as an archive holds it)
"$CC" check --format jsonl "$A/usd.txt" "$A/eur13.txt" >"$TMP/out.jsonl" 2>/dev/null
grep '"text": "13 Milliarden Euro"' "$TMP/out.jsonl" | grep '"value": 13000000000' | grep '"unit": "EUR"' |
    grep -q '"converted": {"value": 14100000000, "unit": "USD", "rate": 1.0846, "rate_date": "2024-03-04"}' ||
    fail "JSON Lines: $(grep Milliarden "$TMP/out.jsonl")"

# without a date there is no rate: not compared, and said
printf 'Microsoft hat bisher 12 Milliarden Euro in OpenAI investiert.\n' >"$A/undated.txt"
"$CC" check --lang de "$A/usd.txt" "$A/undated.txt" >"$TMP/out" 2>&1
grep -q "not compared with the claim's USD figures: the rules have no exchange rate" "$TMP/out" ||
    fail "an unconverted figure is not explained: $(cat "$TMP/out")"

# an article's own conversions against the day's rate (18 September 2025:
# 1 USD = 147.44 JPY at the ECB's rates)
printf -- '---\ndate: 2025-09-18\n---\nNvidia will invest $5 billion (about 1 trillion yen) in Intel.\nIt paid $5 billion (about 738 billion yen).\n' >"$A/yen.txt"
"$CC" check "$A/yen.txt" >/dev/null 2>"$TMP/err"
grep -q 'yen.txt:4:32: warning: "about 1 trillion yen" converts 5e9 USD into 1e12 JPY; at the rate of 2025-09-18 ([0-9.]*) that is 7[0-9.]*e9 JPY: 3[0-9]% more' "$TMP/err" ||
    fail "a conversion 36% off is not flagged: $(cat "$TMP/err")"
grep -q 'yen.txt:5:' "$TMP/err" && fail "a faithful conversion is flagged: $(cat "$TMP/err")"
finish
