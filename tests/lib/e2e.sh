# lib.sh: helpers for the end-to-end tests (POSIX sh).
# Each test script is run as: sh script.sh /path/to/claimcheck /path/to/source
CC=${1:?claimcheck binary}
SRC=${2:?source directory}
cd "$SRC" || exit 2
FAILS=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cc-e2e.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

fail() {
    echo "FAIL: $*"
    FAILS=$((FAILS + 1))
}

# expect_status WANT GOT WHAT
expect_status() {
    [ "$1" = "$2" ] || fail "$3: exit status $2, expected $1"
}

# expect_same EXPECTED_FILE ACTUAL_FILE WHAT: byte-identical, with a diff.
# With UPDATE_GOLDEN=1, an expected file under tests/golden/ or tests/cases/
# is rewritten from the actual one instead (read the diff before committing).
expect_same() {
    if [ -n "${UPDATE_GOLDEN:-}" ] && ! cmp -s "$1" "$2"; then
        case $1 in
        tests/golden/* | tests/cases/*)
            cp "$2" "$1"
            echo "updated $1"
            return ;;
        esac
    fi
    if ! cmp -s "$1" "$2"; then
        fail "$3 differs from $1:"
        diff -u "$1" "$2" | head -60
    fi
}

finish() {
    if [ "$FAILS" -ne 0 ]; then
        echo "$FAILS failure(s)"
        exit 1
    fi
    echo "ok"
    exit 0
}
