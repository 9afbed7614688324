# claimcheck discover on the seeds with no claim file: the golden report
# (text and JSON), the 13e9/14e9 conflict first and the six agreements
# after it, the same with -j 1 and -j 2; every draft rule loads, its
# examples pass `claimcheck test`, and with `check` it finds every figure of
# its candidate; the known claims are labelled when the rules have claims;
# exit statuses and usage errors. UPDATE_GOLDEN=1 rewrites the goldens.
. "$(dirname "$0")/../lib/e2e.sh"

# the packs, concepts, entities and exchange rates of rules/, no claims
mkdir "$TMP/packs" "$TMP/drafts" "$TMP/drafts/claims"
for f in lang concepts.yaml entities fx; do
    ln -s "$PWD/rules/$f" "$TMP/packs/$f"
done

"$CC" discover --color never --rules "$TMP/packs" fixtures/articles >"$TMP/seeds.txt" 2>"$TMP/err"
expect_status 1 $? "discover (a conflict among the candidates)"
[ -s "$TMP/err" ] && fail "discover: unexpected diagnostics: $(cat "$TMP/err")"
expect_same tests/golden/discover-seeds.txt "$TMP/seeds.txt" "discover text"

"$CC" discover --format json --rules "$TMP/packs" fixtures/articles >"$TMP/seeds.json" 2>/dev/null
expect_status 1 $? "discover json"
expect_same tests/golden/discover-seeds.json "$TMP/seeds.json" "discover json"
for j in 1 2; do
    "$CC" discover -j "$j" --format json --rules "$TMP/packs" fixtures/articles >"$TMP/j$j.json" \
        2>/dev/null
    expect_same tests/golden/discover-seeds.json "$TMP/j$j.json" "discover json with -j $j"
done

# what the seeds README says: the conflict first, then the six agreements,
# nothing else stated by two articles, and no figure of its "not a claim"
# list (model names, years, head counts, vague amounts, the URL slug)
python3 - "$TMP/seeds.json" <<'EOF' || fail "discover: the seeds' candidates"
import json, sys
c = json.load(open(sys.argv[1]))["candidates"]
def values(k):
    return sorted({float(o["value"]) for o in c[k]["observations"]})
assert c[0]["status"] == "conflict" and values(0) == [13e9, 14e9], (c[0]["id"], values(0))
agree = sorted(tuple(values(k)) for k in range(1, len(c)) if c[k]["status"] == "agree")
want = sorted([(10e9,), (650e6,), (5e9,), (6.6e9,), (5.4e9,), (37.5e9,)])
assert agree == want, agree
assert len(c) == 7, [x["id"] for x in c]
for x in c:
    for o in x["observations"]:
        assert o["kind"] == "money", o
        assert "14-billion" not in o["text"], o
EOF

# the drafts load, their examples pass, and check finds each candidate's
# figures under the draft's id
python3 - "$TMP/seeds.json" "$TMP/drafts/claims" <<'EOF' || fail "discover: writing the drafts"
import json, sys
for x in json.load(open(sys.argv[1]))["candidates"]:
    with open("%s/%s.yaml" % (sys.argv[2], x["id"]), "w", encoding="utf-8") as f:
        f.write(x["draft"])
EOF
"$CC" test --rules "$TMP/packs" --rules "$TMP/drafts" >"$TMP/test.out" 2>&1
expect_status 0 $? "claimcheck test with the draft rules ($(tail -3 "$TMP/test.out"))"
"$CC" check --format json --rules "$TMP/packs" --rules "$TMP/drafts" fixtures/articles \
    >"$TMP/check.json" 2>"$TMP/err"
expect_status 1 $? "check with the draft rules"
[ -s "$TMP/err" ] && fail "check with the drafts: unexpected diagnostics: $(cat "$TMP/err")"
python3 - "$TMP/seeds.json" "$TMP/check.json" <<'EOF' || fail "discover: a draft misses figures"
import json, sys
cands = json.load(open(sys.argv[1]))["candidates"]
claims = json.load(open(sys.argv[2]))["claims"]
found = {(c["id"], o["file"], o["line"], o["column"]) for c in claims for o in c["observations"]}
for x in cands:
    for o in x["observations"]:
        key = (x["id"], o["file"], o["line"], o["column"])
        assert key in found, key
EOF

# with the shipped claims, each candidate names the claim whose figures it holds
"$CC" discover --format json fixtures/articles >"$TMP/known.json" 2>/dev/null
expect_status 1 $? "discover with the shipped rules"
python3 - "$TMP/known.json" <<'EOF' || fail "discover: known claims"
import json, sys
c = json.load(open(sys.argv[1]))["candidates"]
known = [x["known_claim"] for x in c]
assert known[0] == "microsoft_investment_total", known
assert set(known) == {"microsoft_investment_total", "oracle_compute_deal", "inflection_payment",
                      "openai_loss_2024", "funding_round_2024", "compute_cost_2024",
                      "compute_cost_2029"}, known
# the shipped claims take every figure of their candidates: nothing missed
assert all(x["known_figures"] == x["figures"] for x in c), [(x["id"], x["known_figures"], x["figures"]) for x in c]
EOF

# --top, --all
"$CC" discover --top 1 --color never --rules "$TMP/packs" fixtures/articles >"$TMP/top.txt" 2>&1
expect_status 1 $? "discover --top 1"
grep -q '^1 candidate shown of 7;' "$TMP/top.txt" || fail "discover --top 1: $(tail -1 "$TMP/top.txt")"
"$CC" discover --all --format json --rules "$TMP/packs" fixtures/articles >"$TMP/all.json" 2>&1
python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['candidates']; assert len(c) > 7 and any(x['status'] == 'single' for x in c)" \
    "$TMP/all.json" || fail "discover --all: no single-source candidate"
# one article: nothing stated twice, exit 0
"$CC" discover --rules "$TMP/packs" fixtures/articles/004_f95c5a4f988cf8a0.txt >"$TMP/one.txt" 2>&1
expect_status 0 $? "discover on one article"
grep -q '^0 candidates; 1 article scanned, 0 skipped$' "$TMP/one.txt" || fail "discover on one article: $(cat "$TMP/one.txt")"

# many organisations and anaphors (the article's topic and each anaphor's
# antecedent are found through sorted lists, not a scan per mention): two
# articles of 20,000 sentences each, the company's round in the last one
python3 - "$TMP" <<'EOF'
import sys
for i, fig in enumerate(("6.6 billion dollars", "6.5 billion dollars")):
    with open("%s/many%d.txt" % (sys.argv[1], i), "w") as f:
        f.write("---\nlang: en\ndate: 2024-10-20\n---\n")
        f.write("Microsoft and Google met OpenAI. The company said so. " * 10000)
        f.write("\nThe company raised %s in new funding.\n" % fig)
EOF
"$CC" discover --format json --rules "$TMP/packs" "$TMP/many0.txt" "$TMP/many1.txt" >"$TMP/many.json" 2>"$TMP/err"
expect_status 1 $? "discover on two long articles full of names"
python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['candidates']; assert c and c[0]['id'].startswith('raise_openai') and c[0]['status'] == 'conflict', [(x['id'], x['status']) for x in c]" \
    "$TMP/many.json" || fail "discover on long articles: the round is not the first candidate"

# a sentence naming more organisations than a figure keeps (8, CC_FIG_MAX
# in src/extract/extract_priv.h): the figure keeps 8 of them, its draft asks
# for those, and check finds both articles' figures with it
for i in 1 2; do
    printf -- '---\nlang: en\ndate: 2025-03-01\n---\nMicrosoft, OpenAI, Google, Nvidia, Apple, Amazon, Oracle, SoftBank, Intel and Tesla invested $%s billion in the venture.\n' \
        "$([ $i = 1 ] && echo 40 || echo 41)" >"$TMP/ten$i.txt"
done
"$CC" discover --format json --rules "$TMP/packs" "$TMP/ten1.txt" "$TMP/ten2.txt" >"$TMP/ten.json" 2>"$TMP/err"
expect_status 1 $? "discover with ten organisations in a sentence (40 against 41)"
mkdir -p "$TMP/tendraft/claims"
python3 - "$TMP/ten.json" "$TMP/tendraft/claims" <<'EOF' || fail "discover with ten organisations: not one candidate of 8 organisations"
import json, sys
c = json.load(open(sys.argv[1]))["candidates"]
assert len(c) == 1 and len(c[0]["entities"]) == 8 and len(c[0]["observations"]) == 2, c
open(sys.argv[2] + "/ten.yaml", "w").write(c[0]["draft"])
EOF
"$CC" check --format json --rules "$TMP/packs" --rules "$TMP/tendraft" "$TMP/ten1.txt" "$TMP/ten2.txt" >"$TMP/tencheck.json" 2>/dev/null
python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['claims']; assert len(c) == 1 and len(c[0]['observations']) == 2, c" \
    "$TMP/tencheck.json" || fail "discover with ten organisations: the draft does not find both figures"

# usage errors and a skipped input
"$CC" discover --rules "$TMP/packs" >/dev/null 2>"$TMP/err"
expect_status 2 $? "discover with no article"
grep -q 'no articles given' "$TMP/err" || fail "discover with no article: $(cat "$TMP/err")"
"$CC" discover --format sarif fixtures/articles >/dev/null 2>"$TMP/err"
expect_status 2 $? "discover --format sarif"
grep -q "unknown format 'sarif' (text, json or html)" "$TMP/err" || fail "discover --format sarif: $(cat "$TMP/err")"
"$CC" discover --top 0 fixtures/articles >/dev/null 2>"$TMP/err"
expect_status 2 $? "discover --top 0"
"$CC" discover --rules "$TMP/packs" fixtures/articles "$TMP/missing.txt" >"$TMP/out.txt" 2>"$TMP/err"
expect_status 2 $? "discover with a missing input"
grep -q 'missing.txt' "$TMP/err" || fail "discover with a missing input: no diagnostic"
grep -q '^skipped: ' "$TMP/out.txt" || fail "discover with a missing input: not listed as skipped"
finish
