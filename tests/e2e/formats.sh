# Every report format on the seed articles, byte for byte against a golden
# file; SARIF validated against the SARIF 2.1.0 schema and JUnit against
# Jenkins' JUnit XSD (tests/schemas, see its README); skipped inputs in
# SARIF and GitHub annotations; several reports from one run with
# --report, written atomically.
# Regenerate the golden files after a deliberate change with
# UPDATE_GOLDEN=1 (ctest -R e2e.formats, or sh tests/e2e/formats.sh
# build/claimcheck .), then read the diff.
. "$(dirname "$0")/../lib/e2e.sh"

for f in markdown:md sarif:sarif junit:junit.xml github:github jsonl:jsonl html:html; do
    fmt=${f%%:*}
    ext=${f#*:}
    "$CC" check --format "$fmt" fixtures/articles >"$TMP/seeds.$ext" 2>"$TMP/err"
    expect_status 1 $? "$fmt"
    [ -s "$TMP/err" ] && fail "$fmt: unexpected diagnostics: $(cat "$TMP/err")"
    expect_same "tests/golden/seeds.$ext" "$TMP/seeds.$ext" "$fmt report"
done

# GitHub annotations: the odd figure out (140亿美元, against three articles)
# is an error at its place, the majority's figures are notices.
grep -q '^::error file=fixtures/articles/003_c9c86e45faf40983.txt,line=38,col=80,title=claimcheck%3A conflict in microsoft_investment_total::' \
    "$TMP/seeds.github" || fail "github: no error annotation on 140亿美元"
[ "$(grep -c '^::error ' "$TMP/seeds.github")" -eq 1 ] || fail "github: expected 1 error annotation"
[ "$(grep -c '^::notice file=' "$TMP/seeds.github")" -eq 3 ] || fail "github: expected 3 notices"

# jsonl: every line is one JSON object; observations carry their verdict.
python3 - "$TMP/seeds.jsonl" <<'PY' || fail "jsonl is not one JSON object per line"
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
obs = [r for r in rows if r["type"] == "observation"]
assert len(obs) == 25, len(obs)
assert {r["status"] for r in obs} == {"conflict", "agree", "single"}
PY

SCHEMAS=tests/schemas
{
    python3 - "$SCHEMAS/sarif-2.1.0.json" "$TMP/seeds.sarif" <<'PY' || fail "SARIF does not validate against the 2.1.0 schema"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
doc = json.load(open(sys.argv[2], encoding="utf-8"))
jsonschema.validators.validator_for(schema)(schema).validate(doc)
results = doc["runs"][0]["results"]
assert len(results) == 1 and results[0]["ruleId"] == "microsoft_investment_total"
assert len(results[0]["relatedLocations"]) == 4
region = results[0]["locations"][0]["physicalLocation"]["region"]
assert (region["startLine"], region["startColumn"], region["endColumn"]) == (38, 80, 86), region
PY
    xmllint --noout --schema "$SCHEMAS/jenkins-junit.xsd" "$TMP/seeds.junit.xml" 2>"$TMP/xml.err" ||
        fail "JUnit does not validate against the XSD: $(cat "$TMP/xml.err")"
    # a conflict in the retold set too, and hostile text in the figure's
    # sentence: still valid
    "$CC" check --format sarif fixtures/cases >"$TMP/cases.sarif" 2>/dev/null
    python3 - "$SCHEMAS/sarif-2.1.0.json" "$TMP/cases.sarif" <<'PY' || fail "SARIF on fixtures/cases does not validate"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.validators.validator_for(schema)(schema).validate(json.load(open(sys.argv[2], encoding="utf-8")))
PY
    "$CC" check --format junit fixtures/cases >"$TMP/cases.xml" 2>/dev/null
    xmllint --noout --schema "$SCHEMAS/jenkins-junit.xsd" "$TMP/cases.xml" 2>"$TMP/xml.err" ||
        fail "JUnit on fixtures/cases does not validate: $(cat "$TMP/xml.err")"
}

# Skipped inputs are in the SARIF report (the invocation's notifications,
# still valid against the schema) and in the GitHub annotations.
mkdir "$TMP/skip"
cp fixtures/articles/000_531ddda5ff660788.txt fixtures/articles/001_856d452ba46fbbed.txt "$TMP/skip/"
printf 'x\0y\n' >"$TMP/skip/binary.txt"
printf 'bad \377 byte\n' >"$TMP/skip/invalid.txt"
"$CC" check --format github "$TMP/skip" >"$TMP/skip.github" 2>/dev/null
expect_status 2 $? "github with skipped inputs"
for f in binary invalid; do
    grep -q "^::warning file=$TMP/skip/$f.txt,title=claimcheck%3A skipped::skipped: " "$TMP/skip.github" ||
        fail "github: no warning for the skipped $f.txt: $(cat "$TMP/skip.github")"
done
"$CC" check --format sarif "$TMP/skip" >"$TMP/skip.sarif" 2>/dev/null
expect_status 2 $? "sarif with skipped inputs"
python3 - "$SCHEMAS/sarif-2.1.0.json" "$TMP/skip.sarif" "$TMP/skip" <<'PY' || fail "SARIF: skipped inputs missing or invalid"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
doc = json.load(open(sys.argv[2], encoding="utf-8"))
jsonschema.validators.validator_for(schema)(schema).validate(doc)
inv = doc["runs"][0]["invocations"]
assert len(inv) == 1 and inv[0]["executionSuccessful"] is False, inv
notes = inv[0]["toolExecutionNotifications"]
uris = sorted(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes)
assert uris == [sys.argv[3] + "/binary.txt", sys.argv[3] + "/invalid.txt"], uris
assert all(n["level"] == "error" and n["message"]["text"].startswith("skipped: ") for n in notes), notes
PY

# --report: several reports from one run, each the same as --format gives.
"$CC" check --format text --color never --report "sarif=$TMP/r.sarif" \
    --report "junit=$TMP/r.xml" --report "markdown=$TMP/r.md" fixtures/articles >"$TMP/r.txt" 2>"$TMP/err"
expect_status 1 $? "--report"
expect_same "tests/golden/seeds.txt" "$TMP/r.txt" "text on stdout with --report"
expect_same "tests/golden/seeds.sarif" "$TMP/r.sarif" "--report sarif"
expect_same "tests/golden/seeds.junit.xml" "$TMP/r.xml" "--report junit"
expect_same "tests/golden/seeds.md" "$TMP/r.md" "--report markdown"

# Atomic: a run that cannot start leaves the previous report untouched and
# no temporary files; an unwritable path is an error, not a silent loss.
echo "previous report" >"$TMP/keep.sarif"
"$CC" check --rules "$TMP/no-such-rules" --report "sarif=$TMP/keep.sarif" fixtures/articles >/dev/null 2>&1
expect_status 2 $? "--report with bad rules"
[ "$(cat "$TMP/keep.sarif")" = "previous report" ] || fail "a failed run overwrote the report"
ls "$TMP" | grep -q '^keep.sarif.' && fail "temporary report files left behind: $(ls "$TMP")"
"$CC" check --report "sarif=$TMP/no/such/dir/r.sarif" fixtures/articles >/dev/null 2>"$TMP/err"
expect_status 2 $? "--report into a missing directory"
grep -q "no/such/dir/r.sarif" "$TMP/err" || fail "no error naming the report path: $(cat "$TMP/err")"
"$CC" check --report "pdf=$TMP/r.pdf" fixtures/articles >/dev/null 2>"$TMP/err"
expect_status 2 $? "--report with an unknown format"
finish
