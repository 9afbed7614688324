# Frame claims (docs/rules.md, "Frames"), cases as data: the articles of
# tests/cases/frames/articles read with the claims of
# tests/cases/frames/rules and the shipped packs, concepts and entities.
# Each observation (claim, place, text, scope, implied unit, forecast mark)
# and the --explain of every figure must be as recorded in expected.txt and
# explain.txt.
. "$(dirname "$0")/../lib/e2e.sh"

R="$TMP/rules"
mkdir -p "$R"
ln -s "$SRC/rules/lang" "$R/lang"
ln -s "$SRC/rules/entities" "$R/entities"
ln -s "$SRC/rules/concepts.yaml" "$R/concepts.yaml"
ln -s "$SRC/tests/cases/frames/rules/claims" "$R/claims"
C=tests/cases/frames

"$CC" extract -j1 --explain --rules "$R" "$C"/articles/*.txt >"$TMP/obs" 2>"$TMP/explain.raw"
expect_status 0 $? "extract"
sed "s|$R/|RULES/|g" "$TMP/explain.raw" >"$TMP/explain"
python3 - "$TMP/obs" >"$TMP/got" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    if o.get("type") == "observation":
        print("%s %s:%d:%d %s %s %s%s%s" % (o["claim"], o["file"].split("/")[-1], o["line"], o["column"],
                                            json.dumps(o["text"], ensure_ascii=False), o["unit"],
                                            o["scope"] or "-",
                                            " (unit implied)" if o.get("unit_inherited") else "",
                                            " (forecast)" if o.get("forecast") else ""))
PY
expect_same "$C/expected.txt" "$TMP/got" "observations"
expect_same "$C/explain.txt" "$TMP/explain" "--explain"

# claimcheck test names the filter that refused each figure of a failing
# example: near, not_near, time, unit, kind, arbitration, or the frame's
# reason.
F="$TMP/failing"
mkdir -p "$F/claims"
ln -s "$SRC/rules/lang" "$F/lang"
ln -s "$SRC/rules/entities" "$F/entities"
ln -s "$SRC/rules/concepts.yaml" "$F/concepts.yaml"
cp "$C/failing/claims.yaml" "$F/claims/c.yaml"
"$CC" test --color never --lang en --rules "$F" >/dev/null 2>"$TMP/test.err"
expect_status 1 $? "test with failing examples"
"$CC" test --color never --lang de --rules "$F" >/dev/null 2>>"$TMP/test.err"
sed "s|$F/|RULES/|g" "$TMP/test.err" >"$TMP/test.got"
expect_same "$C/failing/expected.txt" "$TMP/test.got" "test failures"

# The same figures through check: frames are claims like any other.
"$CC" check -j1 --rules "$R" --format json "$C"/articles/*.txt >"$TMP/report"
[ $? -le 1 ] || fail "check exited with $?"
grep -q '"t_round"' "$TMP/report" || fail "check does not report t_round"
finish
