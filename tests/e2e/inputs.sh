# Articles that cannot be used are reported with where and why, the others
# are still checked, and every input is in the accounting.
. "$(dirname "$0")/../lib/e2e.sh"

mkdir -p "$TMP/in/sub"
cp fixtures/articles/000_531ddda5ff660788.txt "$TMP/in/good.txt"
cp fixtures/articles/003_c9c86e45faf40983.txt "$TMP/in/sub/nested.md"
printf 'A Microsoft eddig 13 milli\341rd doll\341rt pump\341lt.\n' >"$TMP/in/latin2.txt"
: >"$TMP/in/empty.txt"
echo "not an article" >"$TMP/in/notes.csv"

"$CC" check --format json "$TMP/in" >"$TMP/out.json" 2>"$TMP/err"
expect_status 2 $? "a directory with an invalid file"
grep -q "latin2.txt:1:27: error: skipped: not valid UTF-8 at byte 26 (0xE1)" "$TMP/err" ||
    fail "invalid UTF-8 not reported with line:col and byte offset: $(cat "$TMP/err")"
grep -q '"status": "skipped", "lang": null, "lang_source": null, "reason": "not valid UTF-8 at byte 26 (0xE1)"' "$TMP/out.json" ||
    fail "skipped file missing from the accounting"
grep -q '"file": ".*/in/sub/nested.md", "status": "scanned", "lang": "zh"' "$TMP/out.json" ||
    fail "nested .md not scanned"
grep -q '"file": ".*/in/empty.txt", "status": "scanned"' "$TMP/out.json" ||
    fail "empty file not accounted as scanned"
grep -q 'notes.csv' "$TMP/out.json" && fail "a .csv in a directory was read"
grep -q '"id": "microsoft_investment_total", "scope": null, "status": "conflict"' "$TMP/out.json" ||
    fail "the good articles were not checked"

# A missing path is an input error, reported, the rest still checked.
"$CC" check "$TMP/in/good.txt" "$TMP/nope.txt" >"$TMP/out" 2>"$TMP/err"
expect_status 2 $? "missing path"
grep -q "nope.txt: error: skipped: No such file or directory" "$TMP/err" || fail "missing path not reported"
grep -q "SINGLE  microsoft_investment_total" "$TMP/out" || fail "good article not checked alongside a missing one"

# Front matter chooses the language; --lang forces it.
printf -- '---\nlang: pl\n---\nMicrosoft zainwestował w OpenAI 13 mld dolarów.\n' >"$TMP/fm.md"
"$CC" check --format json "$TMP/fm.md" >"$TMP/fm.json" 2>/dev/null
grep -q '"lang": "pl", "lang_source": "front-matter"' "$TMP/fm.json" || fail "front matter lang not used"
grep -q '"line": 4, "column": 33' "$TMP/fm.json" || fail "line numbers must count the front matter"
"$CC" check --lang hu --format json fixtures/articles/000_531ddda5ff660788.txt >"$TMP/forced.json" 2>/dev/null
grep -q '"lang_source": "forced"' "$TMP/forced.json" || fail "--lang not honoured"
"$CC" check --lang xx fixtures/articles >/dev/null 2>"$TMP/err"
expect_status 2 $? "--lang with no pack"
grep -q -- "--lang xx: no such language pack" "$TMP/err" || fail "--lang xx not explained"

# Front matter naming a language without a pack: skipped with the reason.
printf -- '---\nlang: sv\n---\nMicrosoft har investerat 13 miljarder dollar.\n' >"$TMP/sv.md"
"$CC" check "$TMP/sv.md" >/dev/null 2>"$TMP/err"
expect_status 2 $? "unknown front-matter language"
grep -q "no language pack for 'sv' (front matter lang:)" "$TMP/err" || fail "unknown lang not explained"

# Usage errors.
"$CC" check >/dev/null 2>&1
expect_status 2 $? "no paths"
"$CC" check --format yaml fixtures/articles >/dev/null 2>&1
expect_status 2 $? "unknown format"
"$CC" frobnicate >/dev/null 2>&1
expect_status 2 $? "unknown command"
"$CC" --version | grep -q '^claimcheck [0-9]' || fail "--version"
"$CC" check --help | grep -q 'exit status' || fail "check --help lacks exit status"
finish
