# Untrusted text in every output format: an article and a file name with
# </script>, -->, ]]>, quotes, ampersands, control characters, ANSI escape
# sequences and Unicode bidi controls ("Trojan Source"). Each format stays
# valid for its parser and carries none of them raw; the terminal gets
# visible <U+XXXX> marks instead of escapes.
. "$(dirname "$0")/../lib/e2e.sh"

mkdir "$TMP/in"
python3 - "$TMP/in" <<'PY'
import os, sys
evil = ('Microsoft has invested 13 billion dollars in OpenAI </script><script>alert(1)</script>'
        ' <!-- --> ]]> "quoted" \'single\' & <b>bold</b> \x1b[31mRED\x1b[0m \x1b]8;;http://x\x07link'
        ' \x07bell \x0bvt \x7f \u0085nel x\u202eevil\u202c \u2066iso\u2069 \u200fRLM | pipe `tick`'
        ' %0A ::error::x \u2028sep.\n')
name = 'evil<b>\x1b[31m"q&%0A::\u202e.txt'
open(os.path.join(sys.argv[1], name), 'w').write(evil)
open(os.path.join(sys.argv[1], 'other.txt'), 'w').write(
    'Microsoft has invested 14 billion dollars in OpenAI, the filing said.\n')
PY
for f in text json jsonl markdown sarif junit github html; do
    "$CC" check --format "$f" "$TMP/in" >"$TMP/out.$f" 2>"$TMP/err.$f"
    expect_status 1 $? "$f"
    [ -s "$TMP/err.$f" ] && fail "$f: diagnostics: $(cat "$TMP/err.$f")"
done
"$CC" check --color always "$TMP/in" >"$TMP/out.color" 2>/dev/null

python3 - "$TMP" <<'PY' || fail "unsafe output (above)"
import json, re, sys, xml.dom.minidom
d = sys.argv[1]
def raw(name):
    return open("%s/out.%s" % (d, name), "rb").read()
errors = []
DANGER = [b"\x1b", b"\x07", b"\x0b", b"\x7f", "\u0085".encode(), "\u202e".encode(),
          "\u202c".encode(), "\u2066".encode(), "\u2069".encode(), "\u200f".encode(),
          "\u2028".encode()]
for f in ["text", "json", "jsonl", "markdown", "sarif", "junit", "github", "html"]:
    b = raw(f)
    for x in DANGER:
        if x in b:
            errors.append("%s: raw %r" % (f, x))
    if b"13 billion dollars" not in b and f not in ("junit",):
        errors.append("%s: the figure is missing" % f)
# the colour escapes are the tool's own: nothing else may be an escape
col = re.sub(rb"\x1b\[[0-9;]*m", b"", raw("color"))
if b"\x1b" in col:
    errors.append("text with colour: an escape that is not a colour")
# parsers accept the structured formats
for f in ["json", "sarif"]:
    try:
        json.loads(raw(f))
    except Exception as e:
        errors.append("%s: not JSON: %s" % (f, e))
for line in raw("jsonl").splitlines():
    try:
        json.loads(line)
    except Exception as e:
        errors.append("jsonl: not JSON: %s" % e)
try:
    xml.dom.minidom.parseString(raw("junit"))
except Exception as e:
    errors.append("junit: not XML: %s" % e)
# the JSON keeps the text, escaped: the sentence round-trips
rows = [json.loads(l) for l in raw("jsonl").splitlines()]
ctx = [r.get("context", "") for r in rows if "evil" in r.get("file", "")]
if not ctx or "</script>" not in ctx[0] or "\u202e" not in ctx[0]:
    errors.append("jsonl: the sentence does not round-trip: %r" % ctx[:1])
# HTML: one script element, and the article's markup only as text
h = raw("html").decode("utf-8")
if h.count("<script") != 1 or h.count("</script>") != 1:
    errors.append("html: %d <script and %d </script>" % (h.count("<script"), h.count("</script>")))
if "<b>bold" in h or "<!-- -->" in h:
    errors.append("html: article markup not escaped")
if "&lt;/script&gt;" not in h:
    errors.append("html: the sentence is missing")
# GitHub workflow commands: one command per line, properties escaped
for line in raw("github").decode().splitlines():
    if not line.startswith("::"):
        errors.append("github: a line that is not a command: %r" % line)
    m = re.match(r"::(\w+) ([^:]*)::", line)
    if m and "evil" in m.group(2) and ("%0A" in m.group(2).replace("%250A", "")):
        errors.append("github: an unescaped %%0A in a property: %r" % line)
# visible marks where the formats cannot carry the code points harmlessly
for f, mark in (("text", b"<U+001B>"), ("markdown", b"\\[U+001B\\]"), ("html", b"U+202E"),
                ("junit", b"[U+001B]"), ("github", b"<U+001B>")):
    if mark not in raw(f):
        errors.append("%s: no visible mark %r" % (f, mark))
# Markdown: the table keeps its columns
for line in raw("markdown").decode().splitlines():
    if line.startswith("| 1 |") and line.count("|") != 7:
        errors.append("markdown: a table row with %d pipes: %r" % (line.count("|"), line))
print("\n".join(errors))
sys.exit(1 if errors else 0)
PY
# SARIF and JUnit stay valid against their schemas with this text
if python3 -c "import jsonschema" 2>/dev/null; then
    python3 - "$TMP/out.sarif" tests/schemas/sarif-2.1.0.json <<'PY' || fail "SARIF invalid"
import json, sys, jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))
PY
fi
ls tests/schemas/*.xsd >/dev/null 2>&1 &&
    { xmllint --noout --schema tests/schemas/*.xsd "$TMP/out.junit" 2>"$TMP/x" || fail "JUnit invalid: $(cat "$TMP/x")"; }
finish
