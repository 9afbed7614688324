# Long runs of text without a sentence end (issue 11): a Chinese paragraph
# of 1,400 characters with no 。 crashed the sentence splitter (unbounded
# recursion when the cut landed inside a character). Each run below passes
# the 4 KiB sentence limit; the figure after it is found at its place.
. "$(dirname "$0")/../lib/e2e.sh"

FIG='微软已向OpenAI累计投资130亿美元'
python3 - "$TMP" "$FIG" <<'PY'
import sys
tmp, fig = sys.argv[1], sys.argv[2]
runs = {
    "zh_plain": "中" * 1400,            # the report's case
    "zh_commas": "中文，" * 3000,       # commas only
    "ja_marks": "あ、" * 5000,
    "ru_word": "Ж" * 3000,
    "emoji": "\U0001F600" * 2000,
    "combining": "e\u0301" * 3000,
}
for name, run in runs.items():
    with open(f"{tmp}/{name}.txt", "w", encoding="utf-8") as f:
        f.write(run + "，" + fig + "。\n")
PY

for name in zh_plain zh_commas ja_marks ru_word emoji combining; do
    f="$TMP/$name.txt"
    "$CC" check --lang zh "$f" >"$TMP/$name.out" 2>&1
    expect_status 0 $? "check $name"
    "$CC" scan --lang zh "$f" >"$TMP/$name.scan" 2>&1
    expect_status 0 $? "scan $name"
    # the figure's column, in code points, on line 1
    want=$(python3 -c "import sys; t=open(sys.argv[1],encoding='utf-8').read(); print(t.index('130')+1)" "$f")
    grep -q "\"line\": 1, \"column\": $want, .*\"text\": \"130亿美元\"" "$TMP/$name.scan" ||
        fail "$name: 130亿美元 not found at 1:$want: $(cat "$TMP/$name.scan")"
done

finish
