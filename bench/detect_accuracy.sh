#!/bin/sh
# Language-detection accuracy, per language, on three collections:
#   paragraphs  tests/detect/<code>.txt: one paragraph (~200 characters) per
#               line, written to test detection;
#   trials      the trial paragraphs of tests/trials/<code>.yaml, written to
#               test extraction (so detection was not tuned on them);
#   sentences   the claim examples of rules/claims/*.yaml: single sentences,
#               often under 100 characters, the hardest case.
# Each text is detected on its own (claimcheck detect --lines); paragraphs
# are also cut to their first 100 characters. Prints the accuracy and what
# the misses were taken for. Needs python3 with PyYAML (python3-yaml).
#   bench/detect_accuracy.sh [build/claimcheck] [rules-dir]
set -eu
CC=${1:-build/claimcheck}
RULES=${2:-rules}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# one line per text, newlines inside a text turned into spaces
mkdir -p "$TMP/trials" "$TMP/sentences"
python3 - "$RULES" "$TMP" <<'PY'
import glob, os, sys, yaml
rules, tmp = sys.argv[1], sys.argv[2]
def put(kind, code, text):
    with open(os.path.join(tmp, kind, code + ".txt"), "a", encoding="utf-8") as f:
        f.write(" ".join(text.split()) + "\n")
for path in sorted(glob.glob("tests/trials/*.yaml")):
    doc = yaml.safe_load(open(path, encoding="utf-8"))
    for t in doc["trials"]:
        put("trials", doc["lang"], t["text"])
for path in sorted(glob.glob(os.path.join(rules, "claims", "*.yaml"))):
    doc = yaml.safe_load(open(path, encoding="utf-8"))
    for c in doc.get("claims", []):
        for e in c.get("examples", []):
            put("sentences", e["lang"], e["text"])
PY

# measure LABEL DIR [CUT]: one table row per DIR/<code>.txt
measure() {
    label=$1 dir=$2 cut=${3:-}
    total=0 ok=0
    echo "$label"
    printf '  %-6s %6s %10s  %s\n' lang texts accuracy "misses (detected as)"
    for f in "$dir"/*.txt; do
        code=$(basename "$f" .txt)
        if [ -n "$cut" ]; then
            "$CC" detect --rules "$RULES" --lines --cut "$cut" "$f" >"$TMP/out.jsonl"
        else
            "$CC" detect --rules "$RULES" --lines "$f" >"$TMP/out.jsonl"
        fi
        n=$(wc -l <"$TMP/out.jsonl")
        hit=$(grep -c "\"lang\": \"$code\"" "$TMP/out.jsonl" || true)
        misses=$(grep -v "\"lang\": \"$code\"" "$TMP/out.jsonl" |
            sed 's/.*"lang": \("[a-z]*"\|null\).*/\1/' | sort | uniq -c | tr -s ' \n' ' ' || true)
        printf '  %-6s %6d %9.1f%%  %s\n' "$code" "$n" \
            "$(awk -v a="$hit" -v b="$n" 'BEGIN { print b ? 100 * a / b : 0 }')" "$misses"
        total=$((total + n))
        ok=$((ok + hit))
    done
    printf '  %-6s %6d %9.1f%%\n\n' all "$total" \
        "$(awk -v a="$ok" -v b="$total" 'BEGIN { print b ? 100 * a / b : 0 }')"
}

measure "paragraphs (tests/detect)" tests/detect
measure "paragraphs cut to 100 characters" tests/detect 100
measure "trial paragraphs (tests/trials)" "$TMP/trials"
measure "claim example sentences (rules/claims)" "$TMP/sentences"
