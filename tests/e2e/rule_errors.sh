# Every rule error the loader handles: the exact message at file:line:col,
# with the source line, caret and hint, and exit status 2 before anything
# is checked. Cases live in fixtures/bad/<case>/{rules,expected.txt}.
. "$(dirname "$0")/../lib/e2e.sh"

for dir in fixtures/bad/*/; do
    case_name=$(basename "$dir")
    [ -f "$dir/expected.txt" ] || { fail "$case_name: no expected.txt"; continue; }
    "$CC" check --color never --rules "fixtures/bad/$case_name/rules" fixtures/articles \
        >"$TMP/out" 2>"$TMP/err"
    expect_status 2 $? "$case_name"
    [ -s "$TMP/out" ] && fail "$case_name: wrote a report despite rule errors"
    expect_same "$dir/expected.txt" "$TMP/err" "$case_name"
done
finish
