# Archives and baselines kept whole (issue 11): concurrent --update-archive
# runs each keep their articles (an advisory lock on ARCHIVE.lock), an
# article re-checked leaves no stale diagnostics, an archive cut short at a
# line boundary is refused by its own counts, duplicate keys and intervals
# with low > high are refused, --archive - is refused.
. "$(dirname "$0")/../lib/e2e.sh"

A="$TMP/articles"
mkdir -p "$A"
inv() { printf 'Microsoft has invested $%s billion in OpenAI so far.\n' "$1"; }
inv 13 >"$A/a13.txt"
inv 14 >"$A/b14.txt"

# count_obs ARCHIVE: observation records
count_obs() { grep -c '"type": "observation"' "$1"; }

# --- concurrent writers ------------------------------------------------------
# Four runs at once on one archive, each adding different articles, three
# times over: every observation must be there exactly once.
# The archive is large (20,000 articles made from one record, about 0.1 s
# to read and to write) so that the runs' read-modify-writes overlap.
"$CC" extract "$A/a13.txt" >"$TMP/one.jsonl" 2>/dev/null
expect_status 0 $? "extract the first article"
python3 - "$TMP/one.jsonl" "$TMP/conc.jsonl" <<'PY'
import sys
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()
name = rows[0].split('"file": "')[1].split('"')[0]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for r in rows:
        out.write(r + "\n")
    for r in rows:
        for k in range(20000):
            out.write(r.replace(name, "%s/old/%05d.txt" % (sys.argv[2], k)) + "\n")
PY
for round in 1 2 3; do
    for w in 1 2 3 4; do
        d="$TMP/w$round$w"
        mkdir -p "$d"
        inv "2$round$w" >"$d/x.txt"
        inv "3$round$w" >"$d/y.txt"
        ("$CC" check -j 1 --archive "$TMP/conc.jsonl" --update-archive "$d/x.txt" "$d/y.txt" \
            >/dev/null 2>"$d/err"
        echo $? >"$d/rc") &
    done
    wait
    for w in 1 2 3 4; do
        d="$TMP/w$round$w"
        rc=$(cat "$d/rc")
        { [ "$rc" = 0 ] || [ "$rc" = 1 ]; } || fail "concurrent writer $round.$w: exit $rc: $(cat "$d/err")"
    done
done
python3 - "$TMP/conc.jsonl" "$TMP" <<'PY' || fail "concurrent --update-archive lost or doubled records"
import collections, json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
obs = collections.Counter(r["file"] for r in rows if r["type"] == "observation")
ins = collections.Counter(r["file"] for r in rows if r["type"] == "input")
want = {sys.argv[2] + "/articles/a13.txt"}
want |= {"%s/conc.jsonl/old/%05d.txt" % (sys.argv[2], k) for k in range(20000)}
want |= {"%s/w%d%d/%s.txt" % (sys.argv[2], r, w, f) for r in (1, 2, 3) for w in (1, 2, 3, 4) for f in "xy"}
bad = [f for f in want if obs[f] != 1 or ins[f] != 1] + [f for f in obs if f not in want]
if bad:
    print("%d of %d articles kept; wrong: %s" % (len(want) - len(bad), len(want), sorted(bad)[-6:]))
    sys.exit(1)
PY
[ -e "$TMP/conc.jsonl.lock" ] || fail "no lock file next to the archive"
ls "$TMP"/conc.jsonl.tmp.* >/dev/null 2>&1 && fail "a temporary archive was left behind"

# The lock is ARCHIVE.lock: a run waits while another holds it.
"$CC" extract "$A/a13.txt" >"$TMP/held.jsonl" 2>/dev/null
flock "$TMP/held.jsonl.lock" sh -c ': >"$0/held"; sleep 3; : >"$0/released"' "$TMP" &
while [ ! -e "$TMP/held" ]; do sleep 0.1; done
"$CC" check --archive "$TMP/held.jsonl" --update-archive "$A/b14.txt" >/dev/null 2>&1
expect_status 1 $? "--update-archive after waiting for the lock"
[ -e "$TMP/released" ] || fail "--update-archive did not wait for the lock on ARCHIVE.lock"
wait
[ "$(count_obs "$TMP/held.jsonl")" -eq 2 ] || fail "the archive written after the wait lacks an article"

# The same for a baseline read and rewritten in one run.
"$CC" check --write-baseline "$TMP/base.json" "$A/a13.txt" "$A/b14.txt" >/dev/null 2>&1
[ -e "$TMP/base.json.lock" ] && fail "--write-baseline alone (no read-modify-write) left a lock file"
rm -f "$TMP/held" "$TMP/released"
flock "$TMP/base.json.lock" sh -c ': >"$0/held"; sleep 3; : >"$0/released"' "$TMP" &
while [ ! -e "$TMP/held" ]; do sleep 0.1; done
"$CC" check --baseline "$TMP/base.json" --write-baseline "$TMP/base.json" "$A/a13.txt" "$A/b14.txt" \
    >/dev/null 2>&1
expect_status 0 $? "--baseline F --write-baseline F after waiting for the lock"
[ -e "$TMP/released" ] || fail "--write-baseline did not wait for the lock on BASELINE.lock"
wait

# --- stale diagnostics ---------------------------------------------------------
# b14 is unreadable, then fixed: the archive forgets its error, and compare
# over the archive says what check over the articles says.
printf 'Microsoft has invested $14 billion \377 in OpenAI.\n' >"$A/b14.txt"
"$CC" extract "$A/a13.txt" "$A/b14.txt" >"$TMP/diag.jsonl" 2>/dev/null
expect_status 2 $? "extract with an unreadable article"
inv 14 >"$A/b14.txt"
"$CC" check --archive "$TMP/diag.jsonl" --update-archive "$A/b14.txt" >/dev/null 2>&1
expect_status 1 $? "--update-archive with the fixed article"
grep -q '"type": "diagnostic"' "$TMP/diag.jsonl" && fail "the fixed article's diagnostic stayed in the archive"
"$CC" compare --format json "$TMP/diag.jsonl" >"$TMP/cmp.json" 2>"$TMP/cmp.err"
cs=$?
"$CC" check --format json "$A/a13.txt" "$A/b14.txt" >"$TMP/chk.json" 2>"$TMP/chk.err"
expect_status 1 "$cs" "compare over the archive after the fix"
expect_same "$TMP/chk.json" "$TMP/cmp.json" "compare ARCHIVE against check after the fix"
expect_same "$TMP/chk.err" "$TMP/cmp.err" "compare ARCHIVE's diagnostics against check's after the fix"
# and the other way: an article that turns unreadable brings its error in
printf 'Microsoft has invested $14 billion \377 in OpenAI.\n' >"$A/b14.txt"
"$CC" check --archive "$TMP/diag.jsonl" --update-archive "$A/b14.txt" >/dev/null 2>&1
expect_status 2 $? "--update-archive with an unreadable article"
"$CC" compare --format json "$TMP/diag.jsonl" >"$TMP/cmp.json" 2>"$TMP/cmp.err"
cs=$?
"$CC" check --format json "$A/a13.txt" "$A/b14.txt" >"$TMP/chk.json" 2>"$TMP/chk.err"
expect_status 2 "$cs" "compare over the archive with the unreadable article"
expect_same "$TMP/chk.json" "$TMP/cmp.json" "compare ARCHIVE against check with an unreadable article"
expect_same "$TMP/chk.err" "$TMP/cmp.err" "compare ARCHIVE's diagnostics against check's"
[ "$(grep -c '"type": "diagnostic"' "$TMP/diag.jsonl")" -eq 1 ] || fail "the diagnostic is not archived once"
inv 14 >"$A/b14.txt"

# --- an archive cut short at a line boundary -----------------------------------
"$CC" extract "$A/a13.txt" "$A/b14.txt" >"$TMP/full.jsonl" 2>/dev/null
head -n 3 "$TMP/full.jsonl" >"$TMP/cut.jsonl" # two inputs, one of two observations
grep -n "b14.txt" "$TMP/cut.jsonl" | head -1 | cut -d: -f1 >"$TMP/line"
"$CC" compare "$TMP/cut.jsonl" >/dev/null 2>"$TMP/err"
expect_status 2 $? "compare over an archive cut short"
grep -q "cut.jsonl:$(cat "$TMP/line"): error: bad archive: the input record of $A/b14.txt counts 1 observation, but the archive holds 0" "$TMP/err" ||
    fail "archive cut short: no file:line error: $(cat "$TMP/err")"
grep -q "hint: the archive was cut short or edited" "$TMP/err" || fail "archive cut short: no hint"
"$CC" check --archive "$TMP/cut.jsonl" "$A/a13.txt" >/dev/null 2>"$TMP/err"
expect_status 2 $? "check --archive with an archive cut short"
grep -q "cut.jsonl:$(cat "$TMP/line"): error: bad archive" "$TMP/err" || fail "check --archive: $(cat "$TMP/err")"
# the whole archive, in any order of its records, is fine
sort "$TMP/full.jsonl" | "$CC" compare - >/dev/null 2>"$TMP/err"
expect_status 1 $? "compare over the sorted whole archive: $(cat "$TMP/err")"

# --- duplicate keys, low > high ---------------------------------------------------
head -n 2 "$TMP/full.jsonl" >"$TMP/dup.jsonl"
grep '"type": "observation"' "$TMP/full.jsonl" | grep a13 >"$TMP/obs-a"
grep '"type": "observation"' "$TMP/full.jsonl" | grep b14 >"$TMP/obs-b"
cat "$TMP/obs-a" >>"$TMP/dup.jsonl"
sed 's/"claim": "microsoft_investment_total"/&, "claim": "openai_loss_2024"/' "$TMP/obs-b" >>"$TMP/dup.jsonl"
"$CC" compare "$TMP/dup.jsonl" >/dev/null 2>"$TMP/err"
expect_status 2 $? "an archive record with a key written twice"
grep -q 'dup.jsonl:4: error: bad archive record: duplicate key in an object (at byte 63 of the line)' "$TMP/err" ||
    fail "duplicate key in an archive: $(cat "$TMP/err")"

head -n 3 "$TMP/full.jsonl" >"$TMP/inv.jsonl"
sed 's/"low": 14000000000, "high": 14000000000/"low": 14000000000, "high": 13000000000/' "$TMP/obs-b" >>"$TMP/inv.jsonl"
grep -q '"high": 13000000000' "$TMP/inv.jsonl" || fail "test setup: no interval was inverted"
"$CC" compare "$TMP/inv.jsonl" >/dev/null 2>"$TMP/err"
expect_status 2 $? "an archive observation with low > high"
grep -q 'inv.jsonl:4: error: bad archive record: low is greater than high' "$TMP/err" ||
    fail "low > high in an archive: $(cat "$TMP/err")"

cat >"$TMP/dupbase.json" <<'EOF'
{
  "schema_version": 1,
  "conflicts": [
    {"id": "microsoft_investment_total", "scope": null, "unit": "USD",
     "camps": [["13000000000", "13000000000"], ["14000000000", "14000000000"]]}
  ],
  "conflicts": []
}
EOF
"$CC" check --baseline "$TMP/dupbase.json" "$A/a13.txt" "$A/b14.txt" >/dev/null 2>"$TMP/err"
expect_status 2 $? "a baseline with a key written twice"
grep -q 'dupbase.json:7:3: error: bad baseline: duplicate key in an object' "$TMP/err" ||
    fail "duplicate key in a baseline: $(cat "$TMP/err")"

cat >"$TMP/invbase.json" <<'EOF'
{
  "schema_version": 1,
  "conflicts": [
    {"id": "microsoft_investment_total", "scope": null, "unit": "USD",
     "camps": [["13000000000", "13000000000"], ["14000000000", "13500000000"]]}
  ]
}
EOF
"$CC" check --baseline "$TMP/invbase.json" "$A/a13.txt" "$A/b14.txt" >/dev/null 2>"$TMP/err"
expect_status 2 $? "a baseline camp with low > high"
grep -q 'invbase.json:5:48: error: bad baseline entry 1: camp 2 has low greater than high' "$TMP/err" ||
    fail "low > high in a baseline: $(cat "$TMP/err")"

# --- --archive - -----------------------------------------------------------------
mkdir -p "$TMP/cwd"
(cd "$TMP/cwd" && "$CC" check --rules "$SRC/rules" --archive - --update-archive "$A/a13.txt" \
    </dev/null >/dev/null 2>"$TMP/err")
expect_status 2 $? "--archive -"
grep -q "archive wants the archive's file path, not '-'" "$TMP/err" || fail "--archive - not explained: $(cat "$TMP/err")"
[ -e "$TMP/cwd/-" ] && fail "--archive - wrote a file named -"

# --- an archive through a link, or a device ----------------------------------------
# every name of one archive takes one lock (beside the link's target); a
# device takes none and gets no lock file beside it
mkdir -p "$TMP/real" "$TMP/names"
"$CC" extract "$A/b14.txt" >"$TMP/real/arch.jsonl" 2>/dev/null
ln -s "$TMP/real/arch.jsonl" "$TMP/names/link.jsonl"
"$CC" check --archive "$TMP/names/link.jsonl" --update-archive "$A/a13.txt" >/dev/null 2>"$TMP/err"
expect_status 1 $? "an archive through a symbolic link (13e9 against 14e9)"
[ -L "$TMP/names/link.jsonl" ] || fail "the archive's link was replaced"
[ -e "$TMP/real/arch.jsonl.lock" ] || fail "no lock beside the link's target"
[ -e "$TMP/names/link.jsonl.lock" ] && fail "a second lock file beside the link"
if mknod "$TMP/null" c 1 3 2>/dev/null; then
    "$CC" check --archive "$TMP/null" --update-archive "$A/a13.txt" >/dev/null 2>"$TMP/err"
    expect_status 0 $? "--archive on a device"
    [ -c "$TMP/null" ] || fail "the device was replaced"
    [ -e "$TMP/null.lock" ] && fail "a lock file beside a device"
fi
finish
