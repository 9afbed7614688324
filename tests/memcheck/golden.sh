# The golden end-to-end run under valgrind memcheck: the seed articles and
# the articles retold in thirteen languages, checked on two threads, must
# give the golden reports with no memory error and no leak of any kind.
. "$(dirname "$0")/../lib/e2e.sh"

command -v valgrind >/dev/null || { fail "valgrind is not installed (run scripts/install-deps.sh)"; finish; }
VG="valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=all
    --errors-for-leak-kinds=all --track-origins=yes"
for set in seeds:fixtures/articles:1 world:fixtures/cases/world:0; do
    name=${set%%:*}
    rest=${set#*:}
    dir=${rest%:*}
    want=${rest#*:}
    # shellcheck disable=SC2086
    $VG "$CC" check -j 2 --format json "$dir" >"$TMP/$name.json" 2>"$TMP/vg"
    expect_status "$want" $? "$name under valgrind"
    [ -s "$TMP/vg" ] && fail "$name: valgrind reports: $(head -40 "$TMP/vg")"
    expect_same "tests/golden/$name.json" "$TMP/$name.json" "$name json under valgrind"
done
# an HTML report (sentences, escaping) and a rule error
# shellcheck disable=SC2086
$VG "$CC" check --format html fixtures/articles >/dev/null 2>"$TMP/vg"
expect_status 1 $? "html under valgrind"
[ -s "$TMP/vg" ] && fail "html: valgrind reports: $(head -40 "$TMP/vg")"
# shellcheck disable=SC2086
$VG "$CC" check --rules fixtures/bad/duplicate_id/rules fixtures/articles >/dev/null 2>"$TMP/vg"
expect_status 2 $? "rule error under valgrind"
grep -v "duplicate claim id\|^ \|^hint\|nothing was checked" "$TMP/vg" >"$TMP/vg2"
[ -s "$TMP/vg2" ] && fail "rule error: valgrind reports: $(head -40 "$TMP/vg2")"
finish
