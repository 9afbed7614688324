# The modes a CI job uses: --fail-on, baselines (accepted, changed and
# stale conflicts), reference values, date scopes, and archive mode
# (extract, check --archive, --update-archive without duplicates).
. "$(dirname "$0")/../lib/e2e.sh"

A="$TMP/articles"
mkdir -p "$A"
printf 'Microsoft has invested $13 billion in OpenAI so far.\n' >"$A/a13.txt"
printf 'Microsoft has invested $14 billion in OpenAI, the paper says.\n' >"$A/b14.txt"
printf 'Microsoft has invested $15 billion in OpenAI.\n' >"$A/c15.txt"
printf 'Microsoft has invested about $13 billion in OpenAI since 2019.\n' >"$A/d13.txt"
printf 'OpenAI lost $5 billion this year.\n' >"$A/loss.txt"

# --- failing policy -------------------------------------------------------
"$CC" check "$A/a13.txt" "$A/b14.txt" >/dev/null 2>&1
expect_status 1 $? "a conflict fails by default"
"$CC" check --fail-on never "$A/a13.txt" "$A/b14.txt" >/dev/null 2>&1
expect_status 0 $? "--fail-on never"
"$CC" check "$A/loss.txt" >/dev/null 2>&1
expect_status 0 $? "a single-source claim passes by default"
"$CC" check --fail-on single "$A/loss.txt" >/dev/null 2>&1
expect_status 1 $? "--fail-on single with a single-source claim"
"$CC" check --fail-on single "$A/a13.txt" "$A/d13.txt" >/dev/null 2>&1
expect_status 0 $? "--fail-on single when every claim has two sources"
"$CC" check --fail-on single "$A/a13.txt" "$A/b14.txt" >/dev/null 2>&1
expect_status 0 $? "--fail-on single counts single-source claims only"
"$CC" check --fail-on default,single "$A/a13.txt" "$A/b14.txt" >/dev/null 2>&1
expect_status 1 $? "--fail-on default,single counts conflicts too"
"$CC" check --fail-on conflict,single "$A/loss.txt" >/dev/null 2>&1
expect_status 1 $? "--fail-on conflict,single with a single-source claim"
printf 'Microsoft has invested more than $13 billion in OpenAI.\n' >"$A/m13.txt"
"$CC" check "$A/a13.txt" "$A/m13.txt" >"$TMP/out" 2>&1
expect_status 0 $? "a difference of qualifiers alone passes by default"
grep -q '^QUALIFIER  microsoft_investment_total' "$TMP/out" || fail "not a qualifier difference: $(cat "$TMP/out")"
"$CC" check --fail-on qualifier "$A/a13.txt" "$A/m13.txt" >/dev/null 2>&1
expect_status 1 $? "--fail-on qualifier"
printf 'Microsoft has invested $1.3 billion in OpenAI.\n' >"$A/s13.txt"
"$CC" check "$A/a13.txt" "$A/d13.txt" "$A/s13.txt" >"$TMP/out" 2>&1
expect_status 1 $? "a scale error fails by default"
grep -q '^SCALE_ERROR  microsoft_investment_total' "$TMP/out" || fail "not a scale error: $(cat "$TMP/out")"
grep -q 'the slip is probably $1.3 bn (1 article)' "$TMP/out" || fail "the slip not named: $(cat "$TMP/out")"
"$CC" check --fail-on conflict "$A/a13.txt" "$A/s13.txt" >/dev/null 2>&1
expect_status 0 $? "--fail-on conflict does not count a scale error"
"$CC" check --fail-on sometimes "$A/a13.txt" >/dev/null 2>"$TMP/err"
expect_status 2 $? "--fail-on with a bad value"
grep -q "takes verdicts separated by commas" "$TMP/err" || fail "bad --fail-on not explained: $(cat "$TMP/err")"
"$CC" check --fail-on conflict,, "$A/a13.txt" >/dev/null 2>"$TMP/err"
expect_status 2 $? "--fail-on with an empty name"

# --- baseline -------------------------------------------------------------
"$CC" check --write-baseline "$TMP/base.json" "$A/a13.txt" "$A/b14.txt" >/dev/null 2>&1
expect_status 1 $? "--write-baseline still reports"
cat >"$TMP/want-base.json" <<'EOF'
{
  "schema_version": 1,
  "conflicts": [
    {"id": "microsoft_investment_total", "scope": null, "unit": "USD",
     "camps": [["13000000000", "13000000000"], ["14000000000", "14000000000"]]}
  ]
}
EOF
expect_same "$TMP/want-base.json" "$TMP/base.json" "baseline file"
# stable: the same conflicts in another order give the same bytes
"$CC" check --write-baseline "$TMP/base2.json" "$A/b14.txt" "$A/a13.txt" >/dev/null 2>&1
expect_same "$TMP/base.json" "$TMP/base2.json" "baseline written twice"

"$CC" check --baseline "$TMP/base.json" "$A/a13.txt" "$A/b14.txt" >"$TMP/out" 2>&1
expect_status 0 $? "an accepted conflict does not fail"
grep -q "1 accepted conflict not shown" "$TMP/out" || fail "accepted conflict not mentioned: $(cat "$TMP/out")"
grep -q "CONFLICT" "$TMP/out" && fail "an accepted conflict is reported as new"

# changed: a third value joins the accepted conflict
"$CC" check --baseline "$TMP/base.json" --format json "$A/a13.txt" "$A/b14.txt" "$A/c15.txt" >"$TMP/out.json" 2>&1
expect_status 1 $? "a changed conflict fails"
grep -q '"status": "conflict"' "$TMP/out.json" || fail "changed conflict not reported"
grep -q '"baseline": "changed"' "$TMP/out.json" || fail "changed conflict not marked as changed"

# stale: the accepted conflict no longer occurs
"$CC" check --baseline "$TMP/base.json" "$A/a13.txt" "$A/d13.txt" >"$TMP/out" 2>&1
expect_status 0 $? "stale baseline entries do not fail"
grep -q "stale" "$TMP/out" || fail "no stale entry listed: $(cat "$TMP/out")"
grep -q "microsoft_investment_total" "$TMP/out" || fail "the stale entry is not named"
"$CC" check --baseline "$TMP/base.json" --format json "$A/a13.txt" "$A/d13.txt" >"$TMP/out.json" 2>/dev/null
grep -q '"stale": \[{"id": "microsoft_investment_total"' "$TMP/out.json" ||
    fail "json report lacks the stale entry: $(grep -o '"stale".\{0,80\}' "$TMP/out.json")"

printf '{"schema_version": 1, "conflicts": [' >"$TMP/bad-base.json"
"$CC" check --baseline "$TMP/bad-base.json" "$A/a13.txt" >/dev/null 2>"$TMP/err"
expect_status 2 $? "a broken baseline"
grep -q "bad-base.json:1:" "$TMP/err" || fail "broken baseline error has no position: $(cat "$TMP/err")"

# --- reference values and date scopes --------------------------------------
R="$TMP/rules"
mkdir -p "$R/claims"
cat >"$R/claims/test.yaml" <<'EOF'
claims:
  - id: test_valuation
    description: OpenAI's valuation, with a published reference
    unit: currency
    currency: USD
    reference: {value: 157e9, source: "OpenAI, 2 October 2024", date: 2024-10-02}
    extract:
      en:
        - pattern: '\bvalued\s+at\s+%{money}'
EOF
printf 'OpenAI is now valued at $157 billion.\n' >"$A/v157.txt"
printf 'OpenAI is now valued at $150 billion.\n' >"$A/v150.txt"
"$CC" check --rules rules --rules "$R" "$A/v157.txt" >/dev/null 2>&1
expect_status 0 $? "a single source matching the reference"
"$CC" check --rules rules --rules "$R" --format json "$A/v150.txt" >"$TMP/out.json" 2>&1
expect_status 1 $? "a single source outside the reference"
grep -q '"id": "test_valuation", "scope": null, "status": "deviates"' "$TMP/out.json" ||
    fail "deviation not reported: $(cat "$TMP/out.json")"
grep -q '"reference": {"low": 157000000000, "high": 157000000000, "source": "OpenAI, 2 October 2024", "date": "2024-10-02"}' "$TMP/out.json" ||
    fail "reference not in the report: $(grep -o '"reference".\{0,120\}' "$TMP/out.json")"
"$CC" check --rules rules --rules "$R" --fail-on never "$A/v150.txt" >/dev/null 2>&1
expect_status 0 $? "--fail-on never with a deviation"

printf -- '---\ndate: 2024-02-16\n---\nOpenAI is worth $86 billion after a tender offer.\n' >"$A/q1.md"
printf -- '---\ndate: 2024-10-02\n---\nOpenAI is worth $157 billion after its latest round.\n' >"$A/q4.md"
printf -- '---\ndate: 2024-11-20\n---\nOpenAI is worth $157 billion, investors say.\n' >"$A/q4b.md"
# the shipped openai_valuation claim is scoped by the quarter of the date
"$CC" check --format json "$A/q1.md" "$A/q4.md" "$A/q4b.md" >"$TMP/out.json" 2>&1
expect_status 0 $? "valuations of different quarters do not conflict"
grep -q '"id": "openai_valuation", "scope": "2024-Q1", "status": "single"' "$TMP/out.json" ||
    fail "no 2024-Q1 scope: $(grep -o '"id": "openai_valuation".\{0,60\}' "$TMP/out.json")"
grep -q '"id": "openai_valuation", "scope": "2024-Q4", "status": "agree"' "$TMP/out.json" ||
    fail "no agreeing 2024-Q4 scope"

# --- archive mode ----------------------------------------------------------
"$CC" extract --format jsonl "$A/a13.txt" "$A/d13.txt" >"$TMP/obs.jsonl" 2>"$TMP/err"
expect_status 0 $? "extract"
[ -s "$TMP/err" ] && fail "extract: unexpected diagnostics: $(cat "$TMP/err")"
python3 - "$TMP/obs.jsonl" <<'PY' || fail "extract output is not one JSON object per line"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert sum(r["type"] == "observation" for r in rows) == 2, rows
assert sum(r["type"] == "input" for r in rows) == 2, rows
PY
# a new article against the archive: only the claims it touches
"$CC" check --archive "$TMP/obs.jsonl" --format json "$A/b14.txt" "$A/loss.txt" >"$TMP/out.json" 2>&1
expect_status 1 $? "a new article conflicting with the archive"
grep -q '"id": "microsoft_investment_total", "scope": null, "status": "conflict"' "$TMP/out.json" ||
    fail "archive conflict not found"
grep -q '"file": "'"$A"'/a13.txt"' "$TMP/out.json" || fail "archive observation not in the report"
grep -q '"id": "openai_loss_2024"' "$TMP/out.json" || fail "a claim only the new article has is missing"
"$CC" check --archive "$TMP/obs.jsonl" "$A/loss.txt" >"$TMP/out" 2>&1
expect_status 0 $? "an article that touches no archived claim"
grep -q "microsoft_investment_total" "$TMP/out" && fail "an untouched archived claim is reported"
# the same as checking everything at once
"$CC" extract --format jsonl "$A/b14.txt" >"$TMP/new.jsonl" 2>/dev/null
cat "$TMP/obs.jsonl" "$TMP/new.jsonl" | "$CC" compare --format json - >"$TMP/cmp.json" 2>/dev/null
"$CC" check --format json "$A/a13.txt" "$A/d13.txt" "$A/b14.txt" >"$TMP/all.json" 2>/dev/null
grep -v '"articles_scanned"' "$TMP/all.json" >"$TMP/all.cut"
grep -v '"articles_scanned"' "$TMP/cmp.json" >"$TMP/cmp.cut"
expect_same "$TMP/all.cut" "$TMP/cmp.cut" "extract | compare against check"

# --update-archive appends, twice without duplicates
cp "$TMP/obs.jsonl" "$TMP/arch.jsonl"
"$CC" check --archive "$TMP/arch.jsonl" --update-archive "$A/b14.txt" >/dev/null 2>&1
expect_status 1 $? "--update-archive still reports"
n1=$(grep -c '"type": "observation"' "$TMP/arch.jsonl")
[ "$n1" -eq 3 ] || fail "--update-archive: $n1 observations, expected 3"
"$CC" check --archive "$TMP/arch.jsonl" --update-archive "$A/b14.txt" >/dev/null 2>&1
n2=$(grep -c '"type": "observation"' "$TMP/arch.jsonl")
[ "$n2" -eq 3 ] || fail "--update-archive twice: $n2 observations, expected 3 (duplicates)"
# an edited article replaces its old observations
printf 'Microsoft has invested $14.5 billion in OpenAI, the paper says.\n' >"$A/b14.txt"
"$CC" check --archive "$TMP/arch.jsonl" --update-archive "$A/b14.txt" >/dev/null 2>&1
grep -q '"text": "\$14 billion"' "$TMP/arch.jsonl" && fail "the edited article's old figure is still archived"
grep -q '"text": "\$14.5 billion"' "$TMP/arch.jsonl" || fail "the edited article's new figure is not archived"
printf '{"type": "observation", "claim": 12}\n' >"$TMP/broken.jsonl"
"$CC" check --archive "$TMP/broken.jsonl" "$A/a13.txt" >/dev/null 2>"$TMP/err"
expect_status 2 $? "a broken archive"
grep -q "broken.jsonl:1:" "$TMP/err" || fail "broken archive error has no position: $(cat "$TMP/err")"
finish
