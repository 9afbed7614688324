# Allocation failures: the Nth allocation fails (CC_FAIL_ALLOC=N, the hook
# in src/util/alloc.c), for every N from the first allocation to the last of a
# small run: loading a pack and a claim file, reading and checking two
# articles, a JSON report on stdout and an HTML one in a file. Each run
# must end with exit status 2 and "out of memory", said once by the program
# (never a crash, a hang, a sanitizer report or a report that passes for
# complete), and leave no half-written report file. Past the last allocation the run is the normal
# one.
. "$(dirname "$0")/../lib/e2e.sh"

R="$TMP/rules"
mkdir -p "$R/lang" "$R/claims"
cat >"$R/lang/en.yaml" <<'YAML'
lang: en
name: Mini English
numbers: {decimal: ["."], group: [","]}
scales:
  - {value: 1e6, forms: [million, m]}
  - {value: 1e9, forms: [billion, bn]}
currencies:
  - {code: USD, symbols: ["$"], words: [dollars]}
percent: ["%"]
qualifiers:
  about: [about]
detect:
  words: [the, and, of, has, in]
terms:
  invest: {forms: [invested]}
YAML
cat >"$R/concepts.yaml" <<'YAML'
concepts:
  invest: {role: head, kind: [money]}
YAML
mkdir -p "$R/entities"
cat >"$R/entities/e.yaml" <<'YAML'
entities:
  microsoft: {kind: organisation, forms: [Microsoft]}
  openai: {kind: organisation, forms: [OpenAI]}
YAML
cat >"$R/claims/c.yaml" <<'YAML'
claims:
  - id: total
    description: Microsoft's total investment
    unit: currency
    extract:
      en:
        - pattern: 'invested %{money}'
        - quantity: money
          near: ['Microsoft']
YAML
printf 'Microsoft has invested 13 billion dollars in OpenAI.\n' >"$TMP/a.txt"
printf 'Microsoft has invested about $14bn in OpenAI.\n' >"$TMP/b.txt"

run() {
    "$CC" check -j 1 --rules "$R" --format json --report html="$TMP/r.html" \
        "$TMP/a.txt" "$TMP/b.txt" >"$TMP/out" 2>"$TMP/err"
}
run
expect_status 1 $? "the run without failures"
cp "$TMP/out" "$TMP/want"
rm -f "$TMP/r.html"

n=1
while [ "$n" -le 20000 ]; do
    CC_FAIL_ALLOC=$n run
    rc=$?
    if [ "$rc" = 1 ] && cmp -s "$TMP/out" "$TMP/want"; then
        break # past the last allocation
    fi
    if [ "$rc" != 2 ] || ! grep -q "out of memory" "$TMP/err"; then
        fail "allocation $n: exit status $rc, $(head -c 600 "$TMP/err")"
        break
    fi
    if [ "$(grep -c '^claimcheck: out of memory' "$TMP/err")" != 1 ]; then
        fail "allocation $n: the program's own out-of-memory line must come once: $(head -c 600 "$TMP/err")"
    fi
    if [ -e "$TMP/r.html" ] && ! grep -q '</html>' "$TMP/r.html"; then
        fail "allocation $n: a half-written HTML report"
    fi
    ls "$TMP"/r.html.tmp.* >/dev/null 2>&1 && fail "allocation $n: a temporary report file left behind"
    rm -f "$TMP/r.html"
    n=$((n + 1))
done
[ "$n" -gt 100 ] || fail "only $n allocations: is the hook working?"
echo "$((n - 1)) allocations, each made to fail once"

# claimcheck discover over the same articles: its groups, comparison,
# drafts and JSON
run_discover() {
    "$CC" discover -j 1 --rules "$R" --format json "$TMP/a.txt" "$TMP/b.txt" >"$TMP/out" 2>"$TMP/err"
}
run_discover
expect_status 1 $? "discover without failures"
grep -q '"invest_microsoft_openai"' "$TMP/out" || fail "discover without failures: no candidate"
cp "$TMP/out" "$TMP/want"
# loading the rules is the same code as check's, swept above: the sweep
# starts at the first allocation after it (the first n with which discover
# given no article gets as far as saying so)
lo=1
hi=20000
while [ "$lo" -lt "$hi" ]; do
    mid=$(((lo + hi) / 2))
    if CC_FAIL_ALLOC=$mid "$CC" discover -j 1 --rules "$R" 2>&1 | grep -q "out of memory"; then
        lo=$((mid + 1))
    else
        hi=$mid
    fi
done
[ "$lo" -gt 20 ] || fail "discover: loading the rules takes only $lo allocations: is the hook working?"
n=$lo
while [ "$n" -le 20000 ]; do
    CC_FAIL_ALLOC=$n run_discover
    rc=$?
    if [ "$rc" = 1 ] && cmp -s "$TMP/out" "$TMP/want"; then
        break
    fi
    if [ "$rc" != 2 ] || ! grep -q "out of memory" "$TMP/err"; then
        fail "discover, allocation $n: exit status $rc, $(head -c 600 "$TMP/err")"
        break
    fi
    n=$((n + 1))
done
echo "discover: allocations $lo to $((n - 1)), each made to fail once"
finish
