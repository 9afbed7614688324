# Front-matter dates (docs/rules.md): date: must be a calendar date written
# YYYY-MM-DD. Any other writing, or a date that does not exist, is an error
# at file:line:column saying what to write, and the article is still
# checked, as undated: a claim scoped by date compares it within every
# period, so the conflict it takes part in is found, not hidden in a
# period of its own. Dates in rule files: fixtures/bad/bad_date.
. "$(dirname "$0")/../lib/e2e.sh"

printf -- '---\ndate: 2024-10-02\n---\nOpenAI is now valued at $157 billion.\n' >"$TMP/a.md"

# check_date DATE REASON HINT
check_date() {
    printf -- '---\ndate: %s\n---\nOpenAI is now valued at $150 billion.\n' "$1" >"$TMP/b.md"
    (cd "$TMP" && "$CC" check --rules "$SRC/rules" --color never --format json a.md b.md) >"$TMP/out.json" 2>"$TMP/err"
    expect_status 2 $? "date: $1"
    printf "b.md:2:7: error: front matter date '%s' %s; the article is checked as undated\n    date: %s\n          ^\nhint: %s\n" \
        "$1" "$2" "$1" "$3" >"$TMP/want"
    expect_same "$TMP/want" "$TMP/err" "date: $1"
    python3 - "$TMP/out.json" >"$TMP/py" 2>&1 <<'PY' || fail "date: $1: $(cat "$TMP/py")"
import json, sys
rep = json.load(open(sys.argv[1]))
got = [(c["id"], c["scope"], c["status"], sorted(o["file"] for o in c["observations"]))
       for c in rep["claims"]]
assert got == [("openai_valuation", "2024-Q4", "conflict", ["a.md", "b.md"])], got
assert [i["status"] for i in rep["inputs"]] == ["scanned", "scanned"], rep["inputs"]
PY
}

check_date 2024/10/20 'is not written YYYY-MM-DD' 'write date: 2024-10-20'
check_date 2024-1-20 'is not written YYYY-MM-DD' 'write date: 2024-01-20'
check_date 2024.10.20 'is not written YYYY-MM-DD' 'write date: 2024-10-20'
check_date 2024-10-20T25:30:00Z 'is not written YYYY-MM-DD' 'write date: 2024-10-20'
check_date 2024-13-45 'is not a calendar date: there is no month 13' \
    'write a date YYYY-MM-DD, e.g. date: 2024-10-18'
check_date 2023-02-29 'is not a calendar date: February 2023 has 28 days' \
    'write a date YYYY-MM-DD, e.g. date: 2024-10-18'
check_date 2024-04-31 'is not a calendar date: April 2024 has 30 days' \
    'write a date YYYY-MM-DD, e.g. date: 2024-10-18'
check_date 99999-99-99 'is not written YYYY-MM-DD' 'write a date YYYY-MM-DD, e.g. date: 2024-10-18'
check_date 24-10-20 'is not written YYYY-MM-DD' 'write a date YYYY-MM-DD, e.g. date: 2024-10-18'

# Real dates, leap days included, are taken as they are: no diagnostic, and
# the $150bn of the first quarter does not conflict with October's $157bn.
for d in 2024-02-29 2000-02-29 '2024-12-31T09:30:00+01:00' 2024-12-31; do
    printf -- '---\ndate: %s\n---\nOpenAI is now valued at $150 billion.\n' "$d" >"$TMP/b.md"
    (cd "$TMP" && "$CC" check --rules "$SRC/rules" --format json a.md b.md) >"$TMP/out.json" 2>"$TMP/err"
    [ -s "$TMP/err" ] && fail "date: $d: $(cat "$TMP/err")"
done
    case $d in
    2024-12-31*)
        grep -q '"scope": "2024-Q4", "status": "conflict"' "$TMP/out.json" ||
            fail "$d not in 2024-Q4" ;;
    esac
printf -- '---\ndate: 2024-02-29\n---\nOpenAI is now valued at $150 billion.\n' >"$TMP/b.md"
(cd "$TMP" && "$CC" check --rules "$SRC/rules" --format json a.md b.md) >"$TMP/out.json" 2>/dev/null
expect_status 0 $? "a leap day in another quarter"
finish
