# Replays a fuzz target's seeds and every past finding through it
# (tests/fuzz/replay.c): none may crash or trip a sanitizer.
#   sh replay.sh BINARY TARGET SOURCE_DIR
set -eu
BIN=$1
T=$2
cd "$3"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cc-replay.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
sh scripts/fuzz.sh --seeds "$T" "$TMP"
n=$(ls "$TMP" | wc -l)
[ "$n" -gt 0 ] || { echo "FAIL: no seeds for $T"; exit 1; }
"$BIN" "$TMP"/*
