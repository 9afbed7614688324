# Adding a claim and a whole language needs no rebuild: a temporary rules
# directory gets a new pack (Dutch, a language the shipped rules lack at
# this point or not: the code is "xnl" to be sure) and a new claim, and the
# same binary uses both for scan and check.
. "$(dirname "$0")/../lib/e2e.sh"

R="$TMP/rules"
mkdir -p "$R/lang" "$R/claims"
cp rules/lang/*.yaml "$R/lang/"
cat >"$R/lang/xnl.yaml" <<'PACK'
lang: xnl
name: Test Dutch
numbers:
  decimal: [","]
  group: ["."]
  words:
    - {value: 2, forms: [twee]}
scales:
  - {value: 1e6, forms: [miljoen, mln]}
  - {value: 1e9, forms: [miljard, miljarden, mld]}
  # false friend: Dutch biljoen is 10^12
  - {value: 1e12, forms: [biljoen]}
currencies:
  - {code: USD, symbols: ["$", "USD"], words: [dollar]}
  - {code: EUR, symbols: ["€", "EUR"], words: [euro]}
qualifiers:
  about: [ongeveer, circa, zo'n]
  at_least: [minstens, "ten minste"]
detect:
  words: [de, het, een, en, van, is, dat, niet, op, voor, heeft, zijn, met]
examples:
  - {text: "13 miljard dollar", value: 13e9, unit: USD}
  - {text: "twee miljard euro", value: 2e9, unit: EUR}
  - {text: "GPT-4", none: true}
PACK
cat >"$R/claims/nl_only.yaml" <<'CLAIM'
claims:
  - id: microsoft_investment_total_nl
    description: Microsoft's total investment, from the test pack
    unit: currency
    currency: USD
    extract:
      xnl:
        - pattern: 'Microsoft\b.{0,60}?\b(?:geïnvesteerd|gestoken|investeerde)\b.{0,20}?%{money}'
        - pattern: 'Microsoft\b.{0,40}?%{money}\s+(?:\S+\s+){0,6}?(?:geïnvesteerd|gestoken)'
    examples:
      - {lang: xnl, text: "Microsoft heeft ongeveer 13 miljard dollar in OpenAI gestoken.", value: 13e9, qualifier: about}
      - {lang: xnl, text: "Het bedrijf verloor 5 miljard dollar.", none: true}
CLAIM
printf 'Microsoft heeft tot nu toe 13 miljard dollar in OpenAI gestoken, en dat is een van de grootste investeringen in de sector.\n' >"$TMP/a.txt"
printf 'Volgens de krant heeft Microsoft in totaal 14 miljard dollar in de maker van ChatGPT geïnvesteerd.\n' >"$TMP/b.txt"

"$CC" test --rules "$R" --lang xnl >"$TMP/test.out" 2>&1
expect_status 0 $? "claimcheck test on the new pack: $(cat "$TMP/test.out")"

"$CC" scan --rules "$R" "$TMP/a.txt" >"$TMP/scan.jsonl" 2>"$TMP/err"
expect_status 0 $? "scan with the new pack"
grep -q '"text": "13 miljard dollar", "value": 13000000000,.*"unit": "USD", "kind": "money"' "$TMP/scan.jsonl" ||
    fail "scan did not use the new pack: $(cat "$TMP/scan.jsonl" "$TMP/err")"

"$CC" check --rules "$R" --format json "$TMP/a.txt" "$TMP/b.txt" >"$TMP/check.json" 2>"$TMP/err"
expect_status 1 $? "check with the new claim"
grep -q '"id": "microsoft_investment_total_nl", "scope": null, "status": "conflict"' "$TMP/check.json" ||
    fail "new claim not used: $(cat "$TMP/check.json" "$TMP/err")"
grep -q '"lang": "xnl", "lang_source": "detected"' "$TMP/check.json" ||
    fail "the new pack's detection data was not used"
finish
