# Hidden files and directories (names starting with '.') are not searched
# in a directory, and not listed as skipped; named on the command line they
# are read. The documentation says so (README, man page, robustness.md).
. "$(dirname "$0")/../lib/e2e.sh"

mkdir -p "$TMP/in/.git" "$TMP/in/sub"
cp fixtures/articles/000_531ddda5ff660788.txt "$TMP/in/sub/a.txt"
cp fixtures/articles/003_c9c86e45faf40983.txt "$TMP/in/.hidden.txt"
cp fixtures/articles/003_c9c86e45faf40983.txt "$TMP/in/.git/b.txt"
"$CC" check --format json "$TMP/in" >"$TMP/dir.json" 2>"$TMP/err"
expect_status 0 $? "a directory with hidden entries"
[ -s "$TMP/err" ] && fail "hidden entries gave diagnostics: $(cat "$TMP/err")"
grep -q '"articles_scanned": 1, "articles_skipped": 0' "$TMP/dir.json" ||
    fail "hidden entries were read or accounted: $(grep articles_ "$TMP/dir.json")"
grep -q 'hidden\|\.git' "$TMP/dir.json" && fail "a hidden entry is in the report"

"$CC" check --format json "$TMP/in/.hidden.txt" "$TMP/in/.git" >"$TMP/named.json" 2>"$TMP/err"
grep -q '"articles_scanned": 2, "articles_skipped": 0' "$TMP/named.json" ||
    fail "hidden entries named on the command line were not read: $(grep articles_ "$TMP/named.json")"

grep -q 'hidden files and directories' README.md || fail "README.md does not say hidden files are skipped"
grep -q 'hidden files and directories' docs/claimcheck.1 || fail "the man page does not say hidden files are skipped"
grep -q 'hidden file or directory' docs/robustness.md || fail "docs/robustness.md does not say hidden files are skipped"
finish
