# Comparator cases as data (tests/cases/compare/<case>/): obs.jsonl, the
# observations and inputs as claimcheck extract writes them, goes through
# claimcheck compare with the shipped rules (and the case's own rules/ when
# it has one); the text and JSON reports and the exit status must be
# expected.txt, expected.json and status. Each case's README says what it
# shows. Every case directory is found, none is listed here.
# UPDATE_GOLDEN=1 writes the expected files from what the program does
# now: read the diff before committing it.
. "$(dirname "$0")/../lib/e2e.sh"

n=0
for d in tests/cases/compare/*/; do
    d=${d%/}
    rules=rules
    [ -d "$d/rules" ] && rules="rules --rules $d/rules"
    [ -f "$d/obs.jsonl" ] || { fail "$d: no obs.jsonl"; continue; }
    [ -f "$d/README" ] || fail "$d: no README saying what the case shows"
    "$CC" compare --rules $rules --color never "$d/obs.jsonl" >"$TMP/out.txt" 2>"$TMP/err.txt"
    st=$?
    "$CC" compare --rules $rules --format json "$d/obs.jsonl" >"$TMP/out.json" 2>/dev/null
    if [ -n "${UPDATE_GOLDEN:-}" ]; then
        cp "$TMP/out.txt" "$d/expected.txt"
        cp "$TMP/out.json" "$d/expected.json"
        echo "$st" >"$d/status"
        echo "updated $d (exit $st)"
    else
        expect_status "$(cat "$d/status" 2>/dev/null)" "$st" "$d"
        [ -s "$TMP/err.txt" ] && fail "$d: diagnostics: $(cat "$TMP/err.txt")"
        expect_same "$d/expected.txt" "$TMP/out.txt" "$d text"
        expect_same "$d/expected.json" "$TMP/out.json" "$d json"
    fi
    n=$((n + 1))
done
[ "$n" -ge 1 ] || fail "no comparator cases found"
finish
