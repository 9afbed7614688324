#!/bin/sh
# Runs the libFuzzer targets (tests/fuzz) for a while each, and prints what
# they did: executions, rate, coverage, corpus size, crashes.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 60 s, every target
#   scripts/fuzz.sh --seeds TARGET DIR        write TARGET's seed corpus
# Builds with clang into build-fuzz (ASan + UBSan + libFuzzer). Corpora
# grow in build-fuzz/corpus/<target>; a crash leaves its input in
# build-fuzz/findings/<target>/ and the script exits 1: add that input to
# tests/fuzz/regressions/<target>/ with the fix, and ctest replays it for
# ever. FUZZ_PARALLEL=2 fuzzes two targets at a time; FUZZ_PROCS=2 runs
# two processes of each target on its one corpus (libFuzzer reloads the
# corpus, so each sees what the other found; the row adds up their
# executions and rates); extra libFuzzer flags go in FUZZ_FLAGS. kill -INT
# on a fuzzer stops it early; its row counts what ran. FUZZ_ASAN_OPTIONS
# adds to ASan's options (quarantine_size_mb=16 about doubles fuzz_extract,
# whose inputs allocate much fresh memory).
set -eu
cd "$(dirname "$0")/.."
TARGETS="fuzz_lang fuzz_rules fuzz_num fuzz_extract fuzz_json"

# seeds TARGET DIR: the fixtures a target starts from
seeds() {
    mkdir -p "$2"
    case $1 in
    fuzz_lang)
        for f in rules/lang/*.yaml fixtures/bad/*/rules/lang/*.yaml; do
            cp "$f" "$2/$(echo "$f" | tr / _)"
        done ;;
    fuzz_rules)
        for f in rules/claims/*.yaml fixtures/bad/*/rules/claims/*.yaml; do
            # the seed corpus stays small: the first 8 KiB of each file
            head -c 8192 "$f" >"$2/$(echo "$f" | tr / _)"
        done ;;
    fuzz_num)
        # "text:" lines of the trial paragraphs, each with its pack's index
        # (packs are sorted by code) as the first byte
        i=0
        for f in tests/trials/*.yaml; do
            byte=$(printf '\\%03o' "$i")
            sed -n 's/^  - text: "\(.*\)"$/\1/p' "$f" | awk -v d="$2" -v b="$byte" -v c="$(basename "$f" .yaml)" '
                { printf "%s", b > (d "/" c "_" NR); printf "%s\n", $0 > (d "/" c "_" NR); close(d "/" c "_" NR) }'
            i=$((i + 1))
        done
        # awk printed the escape literally: turn it into the byte
        for f in "$2"/*; do
            printf "$(head -c 4 "$f")" >"$f.tmp"
            tail -c +5 "$f" >>"$f.tmp"
            mv "$f.tmp" "$f"
        done ;;
    fuzz_extract)
        cp fixtures/articles/* "$2/"
        for f in tests/trials/*.yaml; do
            sed -n 's/^  - text: "\(.*\)"$/\1/p' "$f" >"$2/trials_$(basename "$f" .yaml).txt"
        done
        for f in tests/detect/*.txt; do head -c 4096 "$f" >"$2/detect_$(basename "$f")"; done
        # runs past the 4 KiB sentence limit and the 8 KiB binary check:
        # CJK and Cyrillic without a sentence end, with commas only, and
        # a figure after them (issue 11's crash)
        for u in '中' '中文，' 'あ、' 'Ж' 'ж ' '😀'; do
            awk -v u="$u" 'BEGIN { for (i = 0; i < 6000; i++) printf "%s", u;
                                  printf "，微软已向OpenAI投资130亿美元。\n" }' \
                >"$2/run_$(printf '%s' "$u" | od -An -tx1 | tr -d ' \n').txt"
        done
        # whole documents near the 1 MiB limit: a seed article repeated, and
        # a CJK run with commas only
        f=fixtures/articles/003_c9c86e45faf40983.txt
        : >"$2/big_article.txt"
        while [ "$(wc -c <"$2/big_article.txt")" -lt 1000000 ]; do
            cat "$f" >>"$2/big_article.txt"
        done
        awk 'BEGIN { for (i = 0; i < 110000; i++) printf "中文，"; printf "。\n" }' >"$2/big_cjk.txt" ;;
    fuzz_json)
        # the golden JSON reports and archive records (whole, and a line
        # each), a baseline, and archive records of the other types
        for f in tests/golden/*.json tests/golden/*.jsonl; do
            head -c 16384 "$f" >"$2/$(echo "$f" | tr / _)"
        done
        awk -v d="$2" '{ f = d "/seeds_jsonl_" NR; print > f; close(f) }' tests/golden/seeds.jsonl
        cat >"$2/baseline.json" <<'EOF'
{
  "schema_version": 1,
  "conflicts": [
    {"id": "microsoft_investment_total", "scope": null, "unit": "USD",
     "camps": [["13000000000", "13000000000"], ["1.4e10", null]]}
  ]
}
EOF
        cat >"$2/archive.jsonl" <<'EOF'
{"type": "input", "file": "a\u00e9\ud83d\ude00.txt", "status": "scanned", "lang": "en", "lang_source": "detected", "reason": null, "observations": 0, "bytes": 53}
{"type": "input", "file": "b.txt", "status": "skipped", "lang": null, "lang_source": null, "reason": "not valid UTF-8 at byte 35 (0xFF)", "observations": 0, "bytes": 0}
{"type": "diagnostic", "file": "b.txt", "line": 1, "column": 36, "severity": "error", "code": "encoding", "message": "skipped: \"\t\"", "hint": "iconv -f LATIN2 -t UTF-8"}
EOF
        ;;
    *) echo "fuzz.sh: no target $1 (targets: $TARGETS)" >&2; exit 2 ;;
    esac
    if [ -d "tests/fuzz/regressions/$1" ]; then
        cp tests/fuzz/regressions/"$1"/* "$2/" 2>/dev/null || true
    fi
}

if [ "${1:-}" = "--seeds" ]; then
    seeds "$2" "$3"
    exit 0
fi

SECONDS_EACH=${1:-60}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && TARGETS="$*"
command -v clang >/dev/null || { echo "fuzz.sh: clang is missing (scripts/install-deps.sh)" >&2; exit 2; }
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_FUZZ=ON \
    -DCC_BUILD_TESTS=OFF -DCC_DEBUG_ARENA=ON >/dev/null
cmake --build build-fuzz -j "$(nproc)" >/dev/null
# run TARGET: fuzz it, print its row; a failure leaves build-fuzz/$t.failed
run() {
    t=$1
    corpus=build-fuzz/corpus/$t
    findings=build-fuzz/findings/$t
    mkdir -p "$corpus" "$findings"
    [ -n "$(ls -A "$corpus")" ] || seeds "$t" "$corpus"
    case $t in
    fuzz_lang | fuzz_rules | fuzz_json) maxlen=16384 ;;
    fuzz_num) maxlen=1024 ;;
    # whole documents up to 1 MiB, past every internal limit (sentences of
    # 4 KiB, the 8 KiB binary check, paragraph reach, context windows)
    fuzz_extract) maxlen=1048576 ;;
    *) maxlen=4096 ;;
    esac
    dict=""
    [ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"
    procs=${FUZZ_PROCS:-1}
    rm -f build-fuzz/"$t".[0-9]*.log
    start=$(date +%s)
    rc=0
    k=1
    while [ "$k" -le "$procs" ]; do
        log=build-fuzz/$t.log
        [ "$procs" -gt 1 ] && log=build-fuzz/$t.$k.log
        # shellcheck disable=SC2086
        (ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1${FUZZ_ASAN_OPTIONS:+:$FUZZ_ASAN_OPTIONS} \
            UBSAN_OPTIONS=print_stacktrace=1 \
            "build-fuzz/tests/fuzz/$t" -max_total_time="$SECONDS_EACH" -max_len="$maxlen" \
            -timeout=25 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$findings/" \
            $dict ${FUZZ_FLAGS:-} "$corpus" >"$log" 2>&1 || echo "$?" >"$log.rc") &
        k=$((k + 1))
    done
    wait
    secs=$(($(date +%s) - start))
    logs=build-fuzz/$t.log
    [ "$procs" -gt 1 ] && logs=$(ls build-fuzz/"$t".[0-9]*.log)
    for log in $logs; do
        [ -f "$log.rc" ] && rc=$(cat "$log.rc") && rm -f "$log.rc"
    done
    # shellcheck disable=SC2086
    execs=$(cat $logs | sed -n 's/^stat::number_of_executed_units: *//p' | awk '{ s += $1 } END { print s }')
    # shellcheck disable=SC2086
    rate=$(cat $logs | sed -n 's/^stat::average_exec_per_sec: *//p' | awk '{ s += $1 } END { print s }')
    # shellcheck disable=SC2086
    cov=$(cat $logs | grep -o 'cov: [0-9]*' | cut -d' ' -f2 | sort -n | tail -1)
    # shellcheck disable=SC2086
    ft=$(cat $logs | grep -o 'ft: [0-9]*' | cut -d' ' -f2 | sort -n | tail -1)
    n=$(ls "$corpus" | wc -l)
    crashes=$(ls "$findings" | wc -l)
    printf '%-14s %8s %12s %10s %8s %8s %8s %s\n' "$t" "$secs" "${execs:-?}" "${rate:-?}" \
        "${cov:-?}" "${ft:-?}" "$n" "$crashes"
    # 72: libFuzzer stopped by SIGINT (kill -INT), after its final stats
    if [ "$rc" -eq 72 ] && [ "$crashes" -eq 0 ]; then
        echo "fuzz.sh: $t interrupted; the row counts what ran" >&2
    elif [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        echo "fuzz.sh: $t failed (exit $rc); see $logs and $findings/" >&2
        # shellcheck disable=SC2086
        tail -n 30 $logs >&2
        : >"build-fuzz/$t.failed"
    fi
}

printf '%-14s %8s %12s %10s %8s %8s %8s %s\n' target seconds executions "exec/s" cov ft corpus crashes
rm -f build-fuzz/*.failed
running=0
for t in $TARGETS; do
    run "$t" &
    running=$((running + 1))
    if [ "$running" -ge "${FUZZ_PARALLEL:-1}" ]; then
        wait
        running=0
    fi
done
wait
status=0
ls build-fuzz/*.failed >/dev/null 2>&1 && status=1
exit $status
