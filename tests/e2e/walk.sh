# Walking the paths (docs/robustness.md): every file is one article however
# it is named, and every directory that cannot be read or searched, and
# every path too long for PATH_MAX, is in the accounting, not lost.
. "$(dirname "$0")/../lib/e2e.sh"

GOOD='Microsoft has invested 13 billion dollars in OpenAI so far.'

# One article named five ways (as given, ./, absolute, a symbolic link, a
# hard link) is one source: a single-source claim, not an agreement. The
# other names are skipped as duplicates naming the first; nothing is lost,
# so the exit status stays 0.
mkdir "$TMP/dup"
printf '%s\n' "$GOOD" >"$TMP/dup/a.txt"
ln -s a.txt "$TMP/dup/sym.txt"
ln "$TMP/dup/a.txt" "$TMP/dup/hard.txt"
(cd "$TMP" && "$CC" check --rules "$SRC/rules" --format json dup/a.txt ./dup/a.txt \
    "$TMP/dup/a.txt" dup/a.txt dup) >"$TMP/dup.json" 2>"$TMP/dup.err"
expect_status 0 $? "one article named five ways"
python3 - "$TMP/dup.json" "$TMP" >"$TMP/py" 2>&1 <<'PY' || fail "duplicates: $(cat "$TMP/py")"
import json, sys
rep = json.load(open(sys.argv[1]))
got = {i["file"]: (i["status"], i["reason"]) for i in rep["inputs"]}
first = "same file as dup/a.txt (read once, under that name)"
want = {
    "dup/a.txt": ("scanned", None),
    "./dup/a.txt": ("skipped", first),
    sys.argv[2] + "/dup/a.txt": ("skipped", first),
    "dup/hard.txt": ("skipped", first),
    "dup/sym.txt": ("skipped", first),
}
errors = []
if got != want:
    errors.append("inputs %r, expected %r" % (got, want))
s = rep["summary"]
if (s["articles_scanned"], s["articles_skipped"]) != (1, 4):
    errors.append("summary %r" % s)
st = [c["status"] for c in rep["claims"]]
if st != ["single"]:
    errors.append("claims %r, expected one single-source claim" % st)
print("\n".join(errors))
sys.exit(1 if errors else 0)
PY
grep -q '^dup/sym.txt: warning: skipped: same file as dup/a.txt (read once, under that name)$' "$TMP/dup.err" ||
    fail "duplicate not reported: $(cat "$TMP/dup.err")"
# scan reads it once too, and exits 0 like check.
(cd "$TMP" && "$CC" scan --rules "$SRC/rules" dup/a.txt ./dup/a.txt dup) >"$TMP/scan.jsonl" 2>"$TMP/scan.err"
expect_status 0 $? "scan: one article named three ways"
[ "$(wc -l <"$TMP/scan.jsonl")" -eq 1 ] || fail "scan: the article was read more than once"

# A subdirectory that cannot be read (no r) and one that cannot be searched
# (no x; it holds an article and a directory): each is skipped as a whole,
# with its reason, and counted. As root the check runs as nobody, as the
# unreadable-file test in hostile_inputs.sh does.
mkdir -p "$TMP/nr/t/noread" "$TMP/nr/t/nosearch/sub"
cp "$CC" "$TMP/nr/claimcheck"
cp -r rules "$TMP/nr/rules"
printf '%s\n' "$GOOD" >"$TMP/nr/t/ok.txt"
printf '%s\n' "$GOOD" >"$TMP/nr/t/noread/f.txt"
printf '%s\n' "$GOOD" >"$TMP/nr/t/nosearch/f.txt"
printf '%s\n' "$GOOD" >"$TMP/nr/t/nosearch/sub/g.txt"
chmod -R a+rX "$TMP/nr"
chmod 755 "$TMP"
chmod 333 "$TMP/nr/t/noread"
chmod 666 "$TMP/nr/t/nosearch"
AS=""
[ "$(id -u)" = 0 ] && AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
(cd "$TMP/nr" && $AS ./claimcheck check --rules rules --format json t) >"$TMP/nr.json" 2>"$TMP/nr.err"
expect_status 2 $? "unreadable and unsearchable directories"
chmod 755 "$TMP/nr/t/noread" "$TMP/nr/t/nosearch"
python3 - "$TMP/nr.json" >"$TMP/py" 2>&1 <<'PY' || fail "directories: $(cat "$TMP/py")"
import json, sys
rep = json.load(open(sys.argv[1]))
got = {i["file"]: (i["status"], i["reason"]) for i in rep["inputs"]}
want = {
    "t/ok.txt": ("scanned", None),
    "t/noread": ("skipped", "cannot read directory: Permission denied"),
    "t/nosearch": ("skipped", "cannot search directory: Permission denied"),
}
errors = []
if got != want:
    errors.append("inputs %r, expected %r" % (got, want))
s = rep["summary"]
if (s["articles_scanned"], s["articles_skipped"]) != (1, 2):
    errors.append("summary %r" % s)
print("\n".join(errors))
sys.exit(1 if errors else 0)
PY
grep -q '^t/nosearch: error: skipped: cannot search directory: Permission denied$' "$TMP/nr.err" ||
    fail "unsearchable directory not reported: $(cat "$TMP/nr.err")"

# A path longer than PATH_MAX (20 directories of 244 bytes, 5,000 bytes in
# all): searched and read, one directory at a time.
python3 - "$TMP/long" <<'PY'
import os, sys
os.mkdir(sys.argv[1])
os.chdir(sys.argv[1])
for i in range(20):
    name = "d%02d" % i + "x" * 241
    os.mkdir(name)
    os.chdir(name)
open("deep.txt", "w").write("Microsoft has invested 14 billion dollars in OpenAI so far.\n")
PY
printf '%s\n' "$GOOD" >"$TMP/short.txt"
(cd "$TMP" && "$CC" check --rules "$SRC/rules" --format json long short.txt) >"$TMP/long.json" 2>"$TMP/long.err"
expect_status 1 $? "a path past PATH_MAX"
python3 - "$TMP/long.json" >"$TMP/py" 2>&1 <<'PY' || fail "long path: $(cat "$TMP/py")"
import json, sys
rep = json.load(open(sys.argv[1]))
deep = [i for i in rep["inputs"] if i["file"].endswith("/deep.txt")]
assert len(deep) == 1 and len(deep[0]["file"]) > 4096, rep["inputs"]
assert deep[0]["status"] == "scanned" and deep[0]["observations"] == 1, deep
assert [c["status"] for c in rep["claims"]] == ["conflict"], rep["claims"]
PY
[ -s "$TMP/long.err" ] && fail "long path: unexpected diagnostics: $(head -c 300 "$TMP/long.err")"
rm -rf "$TMP/long"
finish
