# Hostile articles (docs/robustness.md): broken encodings, binary files,
# byte-order marks, odd line ends, empty and huge files, many files,
# unreadable files, FIFOs, devices, symbolic link loops and strange names.
# Each is scanned or skipped with its reason, the run goes on, and every
# path is in the report's accounting.
. "$(dirname "$0")/../lib/e2e.sh"

IN="$TMP/in"
mkdir -p "$IN/d"
GOOD='Microsoft has invested 13 billion dollars in OpenAI so far.'
# invalid UTF-8 in the middle (line 3), an overlong "/", a UTF-16 surrogate
printf '%s\nLine two.\nIt says \377 here. %s\n' "$GOOD" "$GOOD" >"$IN/mid_invalid.txt"
printf '%s \300\257\n' "$GOOD" >"$IN/overlong.txt"
printf '%s \355\240\200\n' "$GOOD" >"$IN/surrogate.txt"
# a NUL byte after the first 8 KiB (text), and NUL bytes early (binary)
{ head -c 9000 /dev/zero | tr '\0' 'a'; printf ' %s\000 x\n' "$GOOD"; } >"$IN/nul_late.txt"
{ printf '\177ELF\002\001\001\000'; head -c 3000 /dev/zero; } >"$IN/binary.txt"
# byte-order marks: UTF-8 (read, columns after it), UTF-16 LE and BE (refused)
printf '\357\273\277%s\n' "$GOOD" >"$IN/bom.txt"
printf '\377\376M\000i\000\n\000' >"$IN/utf16le.txt"
printf '\376\377\000M\000i\000\n' >"$IN/utf16be.md"
# line ends: CRLF, lone CR, no final newline
printf 'one\r\ntwo\r\n%s\r\n' "$GOOD" >"$IN/crlf.txt"
printf 'one\rtwo\r%s\r' "$GOOD" >"$IN/cr.txt"
printf 'x\n\n%s' "$GOOD" >"$IN/nofinal.txt"
: >"$IN/empty.txt"
# names: a space, a newline, a byte that is not UTF-8, an escape sequence
printf '%s\n' "$GOOD" >"$IN/with space.txt"
printf '%s\n' "$GOOD" >"$IN/$(printf 'new\nline').txt"
printf '%s\n' "$GOOD" >"$IN/$(printf 'bad\377name').txt"
printf 'It says \377.\n' >"$IN/$(printf 'esc\033[31mred').txt"
# not regular files: a FIFO (must not block), a link loop, a directory loop
mkfifo "$IN/fifo.txt"
ln -s loop.txt "$IN/loop.txt"
ln -s .. "$IN/d/up"
printf '%s\n' "$GOOD" >"$IN/d/inner.md"
NPATHS=21 # the 20 entries above, and /dev/null given on the command line

"$CC" check --format json "$IN" /dev/null >"$TMP/out.json" 2>"$TMP/err"
expect_status 2 $? "hostile inputs"
python3 - "$TMP/out.json" "$IN" "$NPATHS" >"$TMP/py" 2>&1 <<'PY' || fail "accounting: $(cat "$TMP/py")"
import json, sys
rep = json.load(open(sys.argv[1]))
pre = sys.argv[2] + "/"
inputs = {i["file"].replace(pre, ""): i for i in rep["inputs"]}
want_skipped = {
    "mid_invalid.txt": "not valid UTF-8 at byte 78 (0xFF)",
    "overlong.txt": "not valid UTF-8 at byte 60 (0xC0)",
    "surrogate.txt": "not valid UTF-8 at byte 60 (0xED)",
    "nul_late.txt": "NUL byte in the text",
    "binary.txt": "binary file (NUL byte in the first 8 KiB)",
    "utf16le.txt": "UTF-16 text (byte-order mark); claimcheck reads UTF-8",
    "utf16be.md": "UTF-16 text (byte-order mark); claimcheck reads UTF-8",
    "fifo.txt": "not a regular file (device, FIFO or socket)",
    "loop.txt": "symbolic link loop",
    "d/up": "directory already searched (symbolic link loop)",
    "/dev/null": "not a regular file (device, FIFO or socket)",
    "esc\x1b[31mred.txt": "not valid UTF-8 at byte 8 (0xFF)",
}
want_scanned = {  # name: (observations, line, column of the figure)
    "bom.txt": (1, 1, 24), "crlf.txt": (1, 3, 24), "cr.txt": (1, 3, 24),
    "nofinal.txt": (1, 3, 24), "empty.txt": (0, 0, 0), "with space.txt": (1, 1, 24),
    "new\nline.txt": (1, 1, 24), "bad\ufffdname.txt": (1, 1, 24), "d/inner.md": (1, 1, 24),
}
errors = []
if len(inputs) != int(sys.argv[3]):
    errors.append("%d inputs in the accounting, expected %s: %s" % (len(inputs), sys.argv[3], sorted(inputs)))
for name, why in want_skipped.items():
    i = inputs.get(name)
    if not i or i["status"] != "skipped" or i["reason"] != why:
        errors.append("%r: expected skipped (%s), got %r" % (name, why, i))
obs = {}
for c in rep["claims"]:
    for o in c["observations"]:
        obs[o["file"].replace(pre, "")] = (o["line"], o["column"])
for name, (n, line, col) in want_scanned.items():
    i = inputs.get(name)
    if not i or i["status"] != "scanned" or i["observations"] != n:
        errors.append("%r: expected scanned with %d observation(s), got %r" % (name, n, i))
    elif n and obs.get(name) != (line, col):
        errors.append("%r: figure at %r, expected %d:%d" % (name, obs.get(name), line, col))
s = rep["summary"]
if s["articles_scanned"] + s["articles_skipped"] != len(inputs):
    errors.append("summary does not add up: %r" % s)
print("\n".join(errors))
sys.exit(1 if errors else 0)
PY

# Diagnostics say where and what to do; the terminal never gets raw escapes.
grep -q "mid_invalid.txt:3:9: error: skipped: not valid UTF-8 at byte 78 (0xFF)" "$TMP/err" ||
    fail "invalid UTF-8 mid-file not located: $(cat "$TMP/err")"
grep -q "utf16le.txt: error: skipped: UTF-16 text" "$TMP/err" || fail "UTF-16 not explained"
grep -q "hint: convert it first, e.g. iconv -f UTF-16 -t UTF-8" "$TMP/err" || fail "UTF-16 without a hint"
grep -q "$(printf '\033')" "$TMP/err" && fail "raw escape sequence from a file name on stderr"
grep -q 'esc<U+001B>\[31mred.txt:1:9: error' "$TMP/err" || fail "escape in a file name not neutralized"
"$CC" check "$IN" >"$TMP/out.txt" 2>/dev/null
grep -q "$(printf '\033')" "$TMP/out.txt" && fail "raw escape sequence in the text report"
grep -q 'new\\nline.txt:1:24' "$TMP/out.txt" || fail "newline in a file name not shown as \\n"
grep -q 'bad<0xFF>name.txt:1:24' "$TMP/out.txt" || fail "non-UTF-8 file name byte not shown"

# An unreadable file: skipped with the reason. root reads everything, so
# as root the check runs as nobody (setpriv, util-linux), from copies of
# the program and the rules that nobody can read wherever the checkout is.
mkdir "$TMP/nr"
cp "$CC" "$TMP/nr/claimcheck"
cp -r rules "$TMP/nr/rules"
printf '%s\n' "$GOOD" >"$TMP/nr/readable.txt"
printf '%s\n' "$GOOD" >"$TMP/nr/noread.txt"
chmod -R a+rX "$TMP/nr"
chmod 755 "$TMP"
chmod 000 "$TMP/nr/noread.txt"
AS=""
[ "$(id -u)" = 0 ] && AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
(cd "$TMP/nr" && $AS ./claimcheck check --rules rules --format json noread.txt readable.txt) \
    >"$TMP/nr.json" 2>"$TMP/nr.err"
expect_status 2 $? "unreadable file"
grep -q 'noread.txt: error: skipped: Permission denied' "$TMP/nr.err" ||
    fail "unreadable file not reported: $(cat "$TMP/nr.err")"
grep -q '"reason": "Permission denied"' "$TMP/nr.json" || fail "unreadable file not in the accounting"
grep -q 'readable.txt", "status": "scanned"' "$TMP/nr.json" || fail "the readable file was not checked"

# Larger than the 256 MiB an article may have: refused before reading (a
# sparse file: no disk is used).
truncate -s 300M "$TMP/huge.txt"
"$CC" check --format json "$TMP/huge.txt" "$IN/d/inner.md" >"$TMP/huge.json" 2>"$TMP/huge.err"
expect_status 2 $? "a 300 MB file"
grep -q 'huge.txt: error: skipped: larger than 256 MiB' "$TMP/huge.err" ||
    fail "oversized file not reported: $(cat "$TMP/huge.err")"
grep -q '"reason": "larger than 256 MiB"' "$TMP/huge.json" || fail "oversized file not in the accounting"
rm -f "$TMP/huge.txt"

# 100,000 tiny files: all read, all accounted for.
mkdir "$TMP/many"
python3 - "$TMP/many" <<'PY'
import os, sys
for i in range(100000):
    d = os.path.join(sys.argv[1], "%02d" % (i % 100))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "%06d.txt" % i), "w") as f:
        f.write("Microsoft has invested %d billion dollars in OpenAI.\n" % (14 if i == 77777 else 13))
PY
"$CC" check --format json "$TMP/many" >"$TMP/many.json" 2>"$TMP/many.err"
expect_status 1 $? "100,000 files"
grep -q '"observations": 100000, "articles_scanned": 100000, "articles_skipped": 0' "$TMP/many.json" ||
    fail "100,000 files not all scanned: $(grep -o '"summary": {[^}]*}' "$TMP/many.json")"
rm -rf "$TMP/many" "$TMP/many.json"

# A 100 MB file that is one line, with a figure every few sentences and
# a stretch without any sentence end: linear time (minutes would mean a
# search per figure over the whole line), every figure found, right columns.
python3 - "$TMP/oneline.txt" <<'PY'
import random, sys
r = random.Random(7)
words = ("the company said on Tuesday that its board had approved a plan to expand data "
         "centres across three regions").split()
out, n, figures = [], 0, 0
while n < 100 * 2**20:
    s = " ".join(r.choice(words) for _ in range(r.randrange(8, 30)))
    if r.random() < 0.05:
        s += " and Microsoft has invested 13 billion dollars in OpenAI"
        figures += 1
    s = s[0].upper() + s[1:] + (". " if r.random() < 0.9 else " ")
    out.append(s)
    n += len(s)
out.append("Microsoft has invested 14 billion dollars in OpenAI.")
open(sys.argv[1], "w").write("".join(out))
PY
"$CC" check -j 1 --format json "$TMP/oneline.txt" >"$TMP/one.json" 2>"$TMP/one.err"
expect_status 1 $? "100 MB on one line"
[ -s "$TMP/one.err" ] && fail "100 MB line: unexpected diagnostics: $(head -3 "$TMP/one.err")"
python3 - "$TMP/one.json" "$TMP/oneline.txt" <<'PY' || fail "100 MB line: figures or columns wrong"
import json, sys
rep = json.load(open(sys.argv[1]))
obs = [o for c in rep["claims"] for o in c["observations"]]
text = open(sys.argv[2], encoding="utf-8").read()
last = [o for o in obs if o["value"] == 14e9]
assert len(last) == 1 and last[0]["line"] == 1, last
assert text[last[0]["column"] - 1:].startswith("14 billion dollars"), last
assert rep["summary"]["articles_scanned"] == 1
PY
finish
