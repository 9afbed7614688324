# Adding a claim and a whole language needs no rebuild: a temporary rules
# directory gets a new pack (Swedish, which the shipped rules lack; the code
# is "xsv" so that the test holds when they gain it) and a new claim, and
# the same binary uses both for scan and check.
. "$(dirname "$0")/../lib/e2e.sh"

R="$TMP/rules"
mkdir -p "$R/lang" "$R/claims"
cp rules/lang/*.yaml "$R/lang/"
cat >"$R/lang/xsv.yaml" <<'PACK'
lang: xsv
name: Test Swedish
numbers:
  decimal: [","]
  group: [" ", "\u00a0"]
  words:
    - {value: 2, forms: [två]}
scales:
  - {value: 1e6, forms: [miljon, miljoner, mn]}
  - {value: 1e9, forms: [miljard, miljarder, mdr]}
  # false friend: Swedish biljon is 10^12
  - {value: 1e12, forms: [biljon, biljoner]}
currencies:
  - {code: USD, symbols: ["$", "USD"], words: [dollar]}
  - {code: SEK, symbols: [SEK, kr], words: [kronor]}
qualifiers:
  about: [ungefär, omkring, cirka]
  at_least: [minst]
detect:
  words: [och, att, det, som, en, på, är, för, med, har, av, till, den, inte, i]
examples:
  - {text: "13 miljarder dollar", value: 13e9, unit: USD}
  - {text: "två miljarder kronor", value: 2e9, unit: SEK}
  - {text: "GPT-4", none: true}
PACK
cat >"$R/claims/sv_only.yaml" <<'CLAIM'
claims:
  - id: microsoft_investment_total_sv
    description: Microsoft's total investment, from the test pack
    unit: currency
    currency: USD
    extract:
      xsv:
        - pattern: 'Microsoft\b.{0,60}?\b(?:investerat|investerade|satsat|pumpat)\b.{0,20}?%{money}'
    examples:
      - {lang: xsv, text: "Microsoft har investerat ungefär 13 miljarder dollar i OpenAI.", value: 13e9, qualifier: about}
      - {lang: xsv, text: "Bolaget förlorade 5 miljarder dollar.", none: true}
CLAIM
printf 'Microsoft har hittills investerat 13 miljarder dollar i OpenAI, och det är en av de största satsningarna i branschen.\n' >"$TMP/a.txt"
printf 'Enligt tidningen har Microsoft totalt investerat 14 miljarder dollar i företaget som ligger bakom ChatGPT.\n' >"$TMP/b.txt"

"$CC" test --rules "$R" --lang xsv >"$TMP/test.out" 2>&1
expect_status 0 $? "claimcheck test on the new pack: $(cat "$TMP/test.out")"

"$CC" scan --rules "$R" "$TMP/a.txt" >"$TMP/scan.jsonl" 2>"$TMP/err"
expect_status 0 $? "scan with the new pack"
grep -q '"text": "13 miljarder dollar", "value": 13000000000,.*"unit": "USD", "kind": "money"' "$TMP/scan.jsonl" ||
    fail "scan did not use the new pack: $(cat "$TMP/scan.jsonl" "$TMP/err")"

"$CC" check --rules "$R" --format json "$TMP/a.txt" "$TMP/b.txt" >"$TMP/check.json" 2>"$TMP/err"
expect_status 1 $? "check with the new claim"
grep -q '"id": "microsoft_investment_total_sv", "scope": null, "status": "conflict"' "$TMP/check.json" ||
    fail "new claim not used: $(cat "$TMP/check.json" "$TMP/err")"
grep -q '"lang": "xsv", "lang_source": "detected"' "$TMP/check.json" ||
    fail "the new pack's detection data was not used"
finish
