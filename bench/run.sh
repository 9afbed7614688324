#!/bin/sh
# Throughput of claimcheck on a generated corpus, against floors measured
# in the same run:
#   cat            reading the same files (the I/O floor);
#   rxpass         every extractor pattern of the shipped rules, macros
#                  expanded (claimcheck patterns), run by bench/rxpass.c over
#                  every file in one pass: the raw regex floor (minutes per
#                  MB: timed with claimcheck on a sample of the corpus);
#   check -j1      claimcheck on one core.
# For check, scan and extract it prints wall time, MB/s, articles/s and peak
# RSS, and the ratios. Nothing is asserted about time.
#
#   bench/run.sh [--size 100M] [--corpus DIR] [--jobs N] [--no-floor]
#                [--floor-sample BYTES] [--no-scan]
#   bench/run.sh --lengths          time against article length (1K..1M)
#   bench/run.sh --compare N        time claimcheck compare on N observations
#
# The corpus is generated once per size by bench/gen_corpus.py (seed 1) into
# ${BENCH_DIR:-/tmp/claimcheck-bench}. Needs GNU time (/usr/bin/time),
# python3 with PyYAML, a C compiler and the PCRE2 headers.
set -eu
cd "$(dirname "$0")/.."
CC_BIN=${CC_BIN:-build/claimcheck}
BENCH_DIR=${BENCH_DIR:-/tmp/claimcheck-bench}
SIZE=100M
CORPUS=""
JOBS=$(nproc)
FLOOR=1
FLOOR_SAMPLE=8000000
SCAN=1
MODE=throughput
NOBS=1000000
while [ $# -gt 0 ]; do
    case $1 in
    --size) SIZE=$2; shift ;;
    --corpus) CORPUS=$2; shift ;;
    --jobs) JOBS=$2; shift ;;
    --no-floor) FLOOR=0 ;;
    --floor-sample) FLOOR_SAMPLE=$2; shift ;;
    --no-scan) SCAN=0 ;;
    --lengths) MODE=lengths ;;
    --compare) MODE=compare; NOBS=$2; shift ;;
    *) echo "usage: bench/run.sh [--size S] [--corpus DIR] [--jobs N] [--no-floor] [--floor-sample B] [--no-scan] | --lengths | --compare N" >&2; exit 2 ;;
    esac
    shift
done
[ -x "$CC_BIN" ] || { echo "bench: build first (make build)" >&2; exit 2; }
mkdir -p "$BENCH_DIR"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# measure NAME CMD...: runs CMD (output discarded), prints and records
# "NAME seconds peak-RSS-KB"
measure() {
    name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$TMP/time" "$@" >/dev/null 2>"$TMP/err" || true
    set -- $(tail -1 "$TMP/time")
    echo "$name $1 $2" >>"$TMP/results"
}

# table BYTES FILES: the results with MB/s, articles/s and ratios
table() {
    awk -v bytes="$1" -v files="$2" '
        { name[NR] = $1; sec[NR] = $2; rss[NR] = $3; t[$1] = $2 }
        END {
            printf "%-22s %9s %9s %11s %9s %8s %8s %8s\n", "command", "seconds", "MB/s",
                   "articles/s", "RSS MB", "/cat", "/rxpass", "/-j1"
            for (i = 1; i <= NR; i++) {
                s = sec[i] > 0 ? sec[i] : 0.001
                printf "%-22s %9.2f %9.2f %11.0f %9.1f %8s %8s %8s\n", name[i], sec[i],
                       bytes / 1e6 / s, files / s, rss[i] / 1024,
                       ("cat" in t) ? sprintf("%.1f", s / (t["cat"] > 0 ? t["cat"] : 0.001)) : "-",
                       ("rxpass" in t) ? sprintf("%.3f", s / t["rxpass"]) : "-",
                       ("check-j1" in t) ? sprintf("%.2f", s / t["check-j1"]) : "-"
            }
        }' "$TMP/results"
}

corpus() {
    dir=$1
    shift
    if [ ! -f "$dir/.done" ]; then
        rm -rf "$dir"
        python3 bench/gen_corpus.py "$dir" "$@" --seed 1 >&2
        touch "$dir/.done"
    fi
}

case $MODE in
throughput)
    [ -n "$CORPUS" ] || { CORPUS="$BENCH_DIR/corpus-$SIZE"; corpus "$CORPUS" --size "$SIZE"; }
    find "$CORPUS" -type f \( -name '*.md' -o -name '*.txt' \) | sort >"$TMP/files"
    files=$(wc -l <"$TMP/files")
    bytes=$(tr '\n' '\0' <"$TMP/files" | xargs -0 cat | wc -c)
    echo "corpus: $CORPUS, $files articles, $bytes bytes; $(nproc) CPUs; $("$CC_BIN" --version)"
    tr '\n' '\0' <"$TMP/files" | xargs -0 cat >/dev/null # warm the page cache
    if [ "$FLOOR" = 1 ]; then
        # the regex floor takes minutes per MB: it and claimcheck are timed
        # on the same sample, every n-th file up to about $FLOOR_SAMPLE
        every=$(awk -v b="$bytes" -v s="$FLOOR_SAMPLE" 'BEGIN { e = int(b / s); print e < 1 ? 1 : e }')
        awk -v e="$every" 'NR % e == 1 || e == 1' "$TMP/files" >"$TMP/sample"
        sbytes=$(tr '\n' '\0' <"$TMP/sample" | xargs -0 cat | wc -c)
        sfiles=$(wc -l <"$TMP/sample")
        mkdir -p "$TMP/s"
        i=0
        while read -r f; do i=$((i + 1)); ln -s "$f" "$TMP/s/$i.md"; done <"$TMP/sample"
        cc -std=c11 -O2 bench/rxpass.c $(pkg-config --cflags --libs libpcre2-8) -o "$TMP/rxpass"
        "$CC_BIN" patterns >"$TMP/patterns"
        : >"$TMP/results"
        measure cat sh -c "tr '\n' '\0' <'$TMP/sample' | xargs -0 cat"
        measure rxpass sh -c "tr '\n' '\0' <'$TMP/sample' | xargs -0 '$TMP/rxpass' '$TMP/patterns'"
        measure check-j1 "$CC_BIN" check -j 1 --format json "$TMP/s"
        measure "check-j$JOBS" "$CC_BIN" check -j "$JOBS" --format json "$TMP/s"
        echo
        echo "floors, on a sample of $sfiles articles ($sbytes bytes; $(wc -l <"$TMP/patterns") patterns in rxpass):"
        table "$sbytes" "$sfiles"
    fi
    : >"$TMP/results"
    measure cat sh -c "tr '\n' '\0' <'$TMP/files' | xargs -0 cat"
    measure check-j1 "$CC_BIN" check -j 1 --format json "$CORPUS"
    measure "check-j$JOBS" "$CC_BIN" check -j "$JOBS" --format json "$CORPUS"
    measure "extract-j$JOBS" "$CC_BIN" extract -j "$JOBS" "$CORPUS"
    [ "$SCAN" = 1 ] && measure scan sh -c "tr '\n' '\0' <'$TMP/files' | xargs -0 '$CC_BIN' scan"
    echo
    echo "the whole corpus:"
    table "$bytes" "$files"
    echo
    echo "stages of check -j$JOBS:"
    "$CC_BIN" check -j "$JOBS" --stats --format json "$CORPUS" 2>&1 >/dev/null | sed 1d
    ;;
lengths)
    echo "time against article length: 8 MB of articles of one length each, check -j1"
    printf '%-10s %8s %9s %9s %9s\n' length articles seconds "MB/s" "RSS MB"
    for len in 1K 10K 100K 1M; do
        dir="$BENCH_DIR/len-$len"
        case $len in 1K) n=8000 ;; 10K) n=800 ;; 100K) n=80 ;; 1M) n=8 ;; esac
        corpus "$dir" --article-size "$len" --count "$n"
        bytes=$(find "$dir" -type f -name '*.md' -print0 | xargs -0 cat | wc -c)
        : >"$TMP/results"
        measure "$len" "$CC_BIN" check -j 1 "$dir"
        set -- $(cat "$TMP/results")
        awk -v l="$len" -v n="$n" -v b="$bytes" -v s="$2" -v r="$3" \
            'BEGIN { printf "%-10s %8d %9.2f %9.2f %9.1f\n", l, n, s, b / 1e6 / (s > 0 ? s : 0.001), r / 1024 }'
    done
    ;;
compare)
    # NOBS observations of 2000 claims over 100000 articles, in the archive
    # format claimcheck extract writes; values agree or conflict at random
    python3 - "$NOBS" >"$TMP/obs.jsonl" <<'PY'
import random, sys
n = int(sys.argv[1])
r = random.Random(1)
for i in range(n):
    claim = "claim_%04d" % r.randrange(2000)
    v = r.choice((13, 13, 13, 14, 6.6, 157)) * 10 ** 9
    print('{"type": "observation", "claim": "%s", "scope": "", "file": "a/%06d.md", '
          '"line": %d, "column": 1, "start": %d, "end": %d, "lang": "en", "text": "$%g billion", '
          '"value": %d, "low": %d, "high": %d, "low_open": false, "high_open": false, '
          '"qualifier": "exact", "unit": "USD", "kind": "money", "context": "", '
          '"context_start": 0, "date": ""}'
          % (claim, r.randrange(100000), 1 + i % 50, i, i + 12, v / 1e9, v, v, v))
PY
    echo "compare: $NOBS observations ($(wc -c <"$TMP/obs.jsonl") bytes of JSON Lines)"
    : >"$TMP/results"
    measure compare "$CC_BIN" compare --format json "$TMP/obs.jsonl"
    set -- $(cat "$TMP/results")
    echo "claimcheck compare --format json took $2 s in all, peak RSS $(($3 / 1024)) MB; by stage:"
    "$CC_BIN" compare --stats --format json "$TMP/obs.jsonl" 2>&1 >/dev/null | sed 1d
    ;;
esac
