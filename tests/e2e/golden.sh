# Golden reports: the full report on every set of articles (the seeds in
# fixtures/articles, and each directory of fixtures/cases/, found, not
# listed), byte for byte; the exit status (tests/golden/NAME.status); and
# the same output whatever the number of threads, with or without JIT.
# UPDATE_GOLDEN=1 rewrites the goldens and statuses from what runs now.
. "$(dirname "$0")/../lib/e2e.sh"

for dir in fixtures/articles fixtures/cases/*; do
    [ -d "$dir" ] || continue
    name=$(basename "$dir")
    [ "$dir" = fixtures/articles ] && name=seeds
    "$CC" check --format json "$dir" >"$TMP/$name.json" 2>"$TMP/err"
    st=$?
    [ -n "${UPDATE_GOLDEN:-}" ] && echo "$st" >"tests/golden/$name.status"
    want=$(cat "tests/golden/$name.status" 2>/dev/null) || fail "$name: no tests/golden/$name.status"
    expect_status "$want" "$st" "$name json"
    [ -s "$TMP/err" ] && fail "$name: unexpected diagnostics: $(cat "$TMP/err")"
    expect_same "tests/golden/$name.json" "$TMP/$name.json" "$name json"

    "$CC" check --color never "$dir" >"$TMP/$name.txt" 2>/dev/null
    expect_status "$want" $? "$name text"
    expect_same "tests/golden/$name.txt" "$TMP/$name.txt" "$name text"

    for j in 1 2 5; do
        "$CC" check -j "$j" --format json "$dir" >"$TMP/$name.j$j.json" 2>/dev/null
        expect_same "tests/golden/$name.json" "$TMP/$name.j$j.json" "$name json with -j $j"
    done
    # small runs use the PCRE2 interpreter; JIT-compiled patterns (used
    # from 1 MiB of input on) must read the same
    CC_JIT=always "$CC" check -j 2 --format json "$dir" >"$TMP/$name.jit.json" 2>/dev/null
    expect_same "tests/golden/$name.json" "$TMP/$name.jit.json" "$name json with JIT"
done

# Colour: never when piped or with NO_COLOR, always when asked.
"$CC" check fixtures/articles >"$TMP/plain" 2>/dev/null
grep -q "$(printf '\033')" "$TMP/plain" && fail "colour escape codes in piped output"
NO_COLOR=1 "$CC" check --color auto fixtures/articles >"$TMP/nc" 2>/dev/null
grep -q "$(printf '\033')" "$TMP/nc" && fail "colour despite NO_COLOR"
"$CC" check --color always fixtures/articles >"$TMP/col" 2>/dev/null
grep -q "$(printf '\033')\[1;31mCONFLICT" "$TMP/col" || fail "--color always: no red CONFLICT"

# --stats: a line per stage on stderr, the report unchanged on stdout.
"$CC" check --stats --format json fixtures/articles >"$TMP/stats.json" 2>"$TMP/stats.err"
expect_same tests/golden/seeds.json "$TMP/stats.json" "json with --stats"
for stage in rules articles compare report "peak RSS"; do
    grep -q "^  $stage " "$TMP/stats.err" || fail "--stats has no '$stage' line: $(cat "$TMP/stats.err")"
done

# Conflicts exit 1; a set without conflicts exits 0.
"$CC" check fixtures/articles/002_fdcdadbe5f2b148f.txt >/dev/null 2>&1
expect_status 0 $? "single article without conflicts"
finish
