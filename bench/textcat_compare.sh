#!/bin/sh
# Language-identification accuracy of libexttextcat (Debian's n-gram guesser)
# on the collections bench/detect_accuracy.sh measures claimcheck's detector
# with, so the two can be compared:
#   paragraphs  tests/detect/<code>.txt, one ~200-character paragraph a line;
#   cut         the same lines cut to their first 100 characters (code points);
#   trials      the trial paragraphs of tests/trials/<code>.yaml;
#   sentences   the claim examples of rules/claims/*.yaml.
# Two modes: all fingerprints of fpdb.conf (163 in 3.4.5), and only the 13
# of claimcheck's languages (zh-Hans.lm for zh), as claimcheck only ever
# chooses among its 13 packs. A text counts as right when the best label maps
# to its code (bench/textcat_compare.c). Also times collection 1 against
# claimcheck detect --lines. Needs libexttextcat-dev, libexttextcat-data,
# python3-yaml and a C compiler; run from the top of the tree.
#   bench/textcat_compare.sh [build/claimcheck]
set -eu
CC_BIN=${1:-build/claimcheck}
DATA=/usr/share/libexttextcat
LANGS="cs de en es fr hu it ja nl pl pt ru zh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2046 # pkg-config output is meant to split
${CC:-cc} -std=c11 -O2 -Wall -Wextra bench/textcat_compare.c \
    $(pkg-config --cflags --libs libexttextcat) -o "$TMP/textcat_compare"

# the reduced fingerprint list: the lines of fpdb.conf for the 13 languages
grep -E '^(cs|de|en|es|fr|hu|it|ja|nl|pl|pt|ru|zh-Hans)\.lm[[:space:]]' \
    "$DATA/fpdb.conf" >"$TMP/fpdb13.conf"
[ "$(wc -l <"$TMP/fpdb13.conf")" -eq 13 ] || { echo "fpdb13.conf: not 13 lines" >&2; exit 1; }
NALL=$(grep -cE '^[^#[:space:]]+\.lm[[:space:]]' "$DATA/fpdb.conf")

# one text per line in $TMP/<collection>/<code>.txt
# shellcheck disable=SC2086
python3 - "$TMP" $LANGS <<'PY'
import glob, os, sys, yaml
tmp, langs = sys.argv[1], sys.argv[2:]
def put(kind, code, text):
    os.makedirs(os.path.join(tmp, kind), exist_ok=True)
    with open(os.path.join(tmp, kind, code + ".txt"), "a", encoding="utf-8") as f:
        f.write(" ".join(text.split()) + "\n")
for code in langs:
    for line in open(f"tests/detect/{code}.txt", encoding="utf-8"):
        line = line.rstrip("\r\n")
        if line:  # claimcheck detect --lines skips empty lines too
            put("paragraphs", code, line)
            put("cut", code, line[:100])  # code points, as claimcheck --cut
for path in sorted(glob.glob("tests/trials/*.yaml")):
    doc = yaml.safe_load(open(path, encoding="utf-8"))
    for t in doc["trials"]:
        put("trials", doc["lang"], t["text"])
for path in sorted(glob.glob("rules/claims/*.yaml")):
    doc = yaml.safe_load(open(path, encoding="utf-8")) or {}
    for c in doc.get("claims") or []:
        for e in c.get("examples") or []:
            put("sentences", e["lang"], e["text"])
PY

classify() { # MODE FILE...: best label per line
    mode=$1
    shift
    if [ "$mode" = all ]; then
        "$TMP/textcat_compare" "$DATA/fpdb.conf" "$DATA/" "$@"
    else
        "$TMP/textcat_compare" "$TMP/fpdb13.conf" "$DATA/" "$@"
    fi
}

# table TITLE COLLECTION
table() {
    echo "$1"
    printf '  %-5s %5s %14s %14s   %s\n' lang texts "accuracy(all)" "accuracy(13)" \
        "misses all-fp | misses 13-fp (taken for)"
    for code in $LANGS; do
        f="$TMP/$2/$code.txt"
        [ -f "$f" ] || continue
        classify all "$f" >"$TMP/out.all"
        classify 13 "$f" >"$TMP/out.13"
        for m in all 13; do sed "s/^/$code $m /" "$TMP/out.$m"; done
    done >"$TMP/$2.res"
    awk -v nall="$NALL" '
        { n[$1 " " $2]++; tot[$2]++
          if ($3 == $1) { ok[$1 " " $2]++; okt[$2]++ }
          else { miss[$1 " " $2 " " $3]++; if ($3 == "UNKNOWN" || $3 == "SHORT") bad[$2 " " $3]++ }
          if (!($1 in seen)) { seen[$1] = 1; order[++nl] = $1 } }
        function pct(a, b) { return b ? sprintf("%.1f%%", 100 * a / b) : "-" }
        function misses(code, m,   k, s, parts) {
            s = ""
            for (k in miss) { split(k, parts, " ")
                if (parts[1] == code && parts[2] == m) s = s (s ? ", " : "") parts[3] " " miss[k] }
            return s }
        END {
            for (i = 1; i <= nl; i++) { c = order[i]
                printf "  %-5s %5d %14s %14s   %s | %s\n", c, n[c " all"],
                    pct(ok[c " all"], n[c " all"]), pct(ok[c " 13"], n[c " 13"]),
                    misses(c, "all"), misses(c, "13") }
            printf "  %-5s %5d %14s %14s\n", "all", tot["all"],
                pct(okt["all"], tot["all"]), pct(okt["13"], tot["13"])
            printf "  UNKNOWN: %d (all-fp), %d (13-fp); SHORT: %d (all-fp), %d (13-fp)\n\n",
                bad["all UNKNOWN"], bad["13 UNKNOWN"], bad["all SHORT"], bad["13 SHORT"]
        }' "$TMP/$2.res"
}

echo "libexttextcat $(pkg-config --modversion libexttextcat): all-fp = $NALL fingerprints, 13-fp = 13"
echo
table "1. paragraphs (tests/detect)" paragraphs
table "2. paragraphs cut to 100 characters" cut
table "3. trial paragraphs (tests/trials)" trials
table "4. claim example sentences (rules/claims)" sentences

# wall time in ms, best of 3 runs, of classifying the 13 files of collection
# 1: by one process, by one process per file (as detect_accuracy.sh runs
# claimcheck), and of one process on an empty file (start-up alone).
# claimcheck is timed with the full rules/ and with rules/lang only (what
# detection uses; detect also loads and compiles the claims otherwise).
best_ms() {
    best=
    for _ in 1 2 3; do
        t0=$(date +%s%N)
        "$@" >/dev/null
        t1=$(date +%s%N)
        t=$(((t1 - t0) / 1000))
        if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    done
    printf '%d.%03d' $((best / 1000)) $((best % 1000))
}
FILES=
for code in $LANGS; do FILES="$FILES tests/detect/$code.txt"; done
each_file() { # CMD...: CMD FILE for each file of collection 1
    for f in $FILES; do "$@" "$f"; done
}
: >"$TMP/empty.txt"
mkdir "$TMP/langonly"
cp -R rules/lang "$TMP/langonly/lang"
row() { # NAME CMD...
    name=$1
    shift
    # shellcheck disable=SC2086
    printf '  %-34s %14s %14s %14s\n' "$name" "$(best_ms "$@" $FILES)" \
        "$(best_ms each_file "$@")" "$(best_ms "$@" "$TMP/empty.txt")"
}
echo "timing, collection 1 (390 lines in 13 files), wall ms, best of 3 runs:"
printf '  %-34s %14s %14s %14s\n' "" "one process" "13 processes" "empty file"
row "libexttextcat, all-fp ($NALL)" classify all
row "libexttextcat, 13-fp" classify 13
row "claimcheck detect --lines" "$CC_BIN" detect --lines
row "claimcheck detect, rules/lang only" "$CC_BIN" detect --rules "$TMP/langonly" --lines
