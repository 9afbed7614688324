# Golden reports: the full report on the seed articles and on the retold
# articles, in every format, byte for byte; the exit status; and the same
# output whatever the number of threads.
. "$(dirname "$0")/../lib/e2e.sh"

for set in seeds:fixtures/articles retold:fixtures/cases/retold; do
    name=${set%%:*}
    dir=${set#*:}
    "$CC" check --format json "$dir" >"$TMP/$name.json" 2>"$TMP/err"
    expect_status 1 $? "$name json"
    [ -s "$TMP/err" ] && fail "$name: unexpected diagnostics: $(cat "$TMP/err")"
    expect_same "tests/golden/$name.json" "$TMP/$name.json" "$name json"

    "$CC" check --color never "$dir" >"$TMP/$name.txt" 2>/dev/null
    expect_status 1 $? "$name text"
    expect_same "tests/golden/$name.txt" "$TMP/$name.txt" "$name text"

    for j in 1 2 5; do
        "$CC" check -j "$j" --format json "$dir" >"$TMP/$name.j$j.json" 2>/dev/null
        expect_same "tests/golden/$name.json" "$TMP/$name.j$j.json" "$name json with -j $j"
    done
done

# Colour: never when piped or with NO_COLOR, always when asked.
"$CC" check fixtures/articles >"$TMP/plain" 2>/dev/null
grep -q "$(printf '\033')" "$TMP/plain" && fail "colour escape codes in piped output"
NO_COLOR=1 "$CC" check --color auto fixtures/articles >"$TMP/nc" 2>/dev/null
grep -q "$(printf '\033')" "$TMP/nc" && fail "colour despite NO_COLOR"
"$CC" check --color always fixtures/articles >"$TMP/col" 2>/dev/null
grep -q "$(printf '\033')\[1;31mCONFLICT" "$TMP/col" || fail "--color always: no red CONFLICT"

# Conflicts exit 1; a set without conflicts exits 0.
"$CC" check fixtures/articles/002_fdcdadbe5f2b148f.txt >/dev/null 2>&1
expect_status 0 $? "single article without conflicts"
finish
