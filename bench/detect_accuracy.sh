#!/bin/sh
# Language-detection accuracy on paragraph collections: tests/detect/<code>.txt
# holds one paragraph per line, written in language <code>. Each paragraph is
# detected on its own (claimcheck detect --lines), whole and cut to its first
# 100 characters; prints the accuracy per language and what the misses were
# taken for.
#   bench/detect_accuracy.sh [build/claimcheck] [rules-dir]
set -eu
CC=${1:-build/claimcheck}
RULES=${2:-rules}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

printf '%-6s %6s %10s %12s  %s\n' lang paras "accuracy" "acc@100ch" "misses (detected as)"
total=0
ok=0
ok100=0
for f in tests/detect/*.txt; do
    code=$(basename "$f" .txt)
    "$CC" detect --rules "$RULES" --lines "$f" >"$TMP/full.jsonl"
    "$CC" detect --rules "$RULES" --lines --cut 100 "$f" >"$TMP/short.jsonl"
    n=$(wc -l <"$TMP/full.jsonl")
    hit=$(grep -c "\"lang\": \"$code\"" "$TMP/full.jsonl" || true)
    hit100=$(grep -c "\"lang\": \"$code\"" "$TMP/short.jsonl" || true)
    misses=$(grep -v "\"lang\": \"$code\"" "$TMP/full.jsonl" | sed 's/.*"lang": \("[a-z]*"\|null\).*/\1/' | sort | uniq -c | tr '\n' ' ' || true)
    printf '%-6s %6d %9.1f%% %11.1f%%  %s\n' "$code" "$n" \
        "$(awk -v a="$hit" -v b="$n" 'BEGIN { print b ? 100 * a / b : 0 }')" \
        "$(awk -v a="$hit100" -v b="$n" 'BEGIN { print b ? 100 * a / b : 0 }')" "$misses"
    total=$((total + n))
    ok=$((ok + hit))
    ok100=$((ok100 + hit100))
done
printf '%-6s %6d %9.1f%% %11.1f%%\n' all "$total" \
    "$(awk -v a="$ok" -v b="$total" 'BEGIN { print b ? 100 * a / b : 0 }')" \
    "$(awk -v a="$ok100" -v b="$total" 'BEGIN { print b ? 100 * a / b : 0 }')"
