# The map/reduce split: claimcheck extract over shards of the articles, run
# in parallel by GNU parallel (as across hosts with --sshlogin, here on this
# one), then claimcheck compare over the shards' observations, gives the
# report a single check over the same articles gives, byte for byte, in
# whatever order the records arrive.
. "$(dirname "$0")/../lib/e2e.sh"

command -v parallel >/dev/null || { fail "GNU parallel is not installed (run scripts/install-deps.sh)"; finish; }

# the articles: every fixture set, listed once, in four shards
find fixtures/articles fixtures/cases -type f \( -name '*.txt' -o -name '*.md' \) | sort >"$TMP/all"
split -n r/4 -d "$TMP/all" "$TMP/shard."
[ "$(cat "$TMP"/shard.* | wc -l)" -eq "$(wc -l <"$TMP/all")" ] || fail "the shards lose articles"

# map: one extract per shard, two at a time; each writes its own file
ls "$TMP"/shard.* | parallel --will-cite -j 2 --halt now,fail=1 \
    "xargs -d '\n' '$CC' extract -j 1 <{} >{}.jsonl" 2>"$TMP/map.err"
expect_status 0 $? "the map under GNU parallel: $(cat "$TMP/map.err")"
for s in "$TMP"/shard.??; do
    [ -s "$s.jsonl" ] || fail "no observations from $(basename "$s")"
done

# reduce: one compare over every shard's observations
"$CC" compare --format json "$TMP"/shard.*.jsonl >"$TMP/mr.json" 2>"$TMP/err"
expect_status 1 $? "compare over the shards"
# (the fixture paths have no spaces)
# shellcheck disable=SC2046
"$CC" check --format json $(cat "$TMP/all") >"$TMP/check.json" 2>/dev/null
expect_status 1 $? "check over the same articles"
expect_same "$TMP/check.json" "$TMP/mr.json" "map/reduce report against a single check"

# the order of the records does not matter (Hadoop's reduce sorts them)
cat "$TMP"/shard.*.jsonl | sort | "$CC" compare --format json - >"$TMP/sorted.json" 2>/dev/null
expect_same "$TMP/check.json" "$TMP/sorted.json" "reduce over sorted records"

# the reduce reads standard input too, and the text report matches as well
cat "$TMP"/shard.*.jsonl | "$CC" compare --color never - >"$TMP/mr.txt" 2>/dev/null
# shellcheck disable=SC2046
"$CC" check --color never $(cat "$TMP/all") >"$TMP/check.txt" 2>/dev/null
expect_same "$TMP/check.txt" "$TMP/mr.txt" "map/reduce text report"
finish
