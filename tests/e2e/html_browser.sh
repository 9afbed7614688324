# The HTML report in a real browser: headless Chromium renders the report
# of every fixture set (thirteen languages, one conflict); the screenshot
# must show the conflict's red, both camps' colours and the header, and the
# DOM after the page's script ran must honour the filters preset in the URL
# fragment. Chinese and Japanese text needs a CJK font (fonts-wqy-zenhei).
. "$(dirname "$0")/../lib/e2e.sh"

BROWSER=$(command -v chromium || command -v chromium-browser || true)
[ -n "$BROWSER" ] || { fail "chromium is not installed (run scripts/install-deps.sh)"; finish; }
fc-list :lang=zh family | grep -q . || fail "no CJK font (fonts-wqy-zenhei): Chinese would render as boxes"

"$CC" check --format html fixtures/articles fixtures/cases >"$TMP/report.html" 2>"$TMP/err"
expect_status 1 $? "html report"

# chrome URL [ARGS...]: headless, offline, no profile state, bounded in time
chrome() {
    url=$1
    shift
    timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-extensions --user-data-dir="$TMP/profile" --hide-scrollbars "$@" "$url" \
        2>>"$TMP/chrome.log"
}

chrome "file://$TMP/report.html" --window-size=1200,3200 --screenshot="$TMP/shot.png" >/dev/null
[ -s "$TMP/shot.png" ] || fail "no screenshot: $(tail -5 "$TMP/chrome.log")"
if [ -s "$TMP/shot.png" ]; then
    # width height, then pixels of: conflict red, camp 1 blue, camp 2 orange,
    # agree green, header
    set -- $(python3 tests/lib/pngcolors.py "$TMP/shot.png" '#d32f2f' '#1f77b4' '#ff7f0e' '#388e3c' '#263238')
    [ "$1 $2" = "1200 3200" ] || fail "screenshot is $1x$2, expected 1200x3200"
    [ "$3" -gt 2000 ] || fail "the conflict is not highlighted in red ($3 pixels)"
    [ "$4" -gt 500 ] || fail "the first camp's colour is missing from the number line ($4 pixels)"
    [ "$5" -gt 50 ] || fail "the second camp's colour is missing from the number line ($5 pixels)"
    [ "$6" -gt 200 ] || fail "no agreement shown in green ($6 pixels)"
    [ "$7" -gt 50000 ] || fail "the header is not drawn ($7 pixels)"
fi

# Filters preset by the fragment: conflicts only, Hungarian and Chinese only.
chrome "file://$TMP/report.html#status=conflict&lang=hu,zh" --dump-dom >"$TMP/dom.html"
grep -q '<b id="shown">1</b> of [0-9]* claims shown' "$TMP/dom.html" ||
    fail "filtered page does not say 1 claim shown: $(grep -o '<b id="shown">.\{0,30\}' "$TMP/dom.html")"
sec=$(grep -o '<section class="claim conflict" data-status="conflict"[^>]*>' "$TMP/dom.html")
[ -n "$sec" ] || fail "the conflict section is missing"
case $sec in *hidden*) fail "the conflict section is hidden" ;; esac
n=$(grep -o '<section class="claim agree" data-status="agree"[^>]*>' "$TMP/dom.html" | grep -vc 'hidden=""')
[ "$n" -eq 0 ] || fail "$n agreeing claims still shown with status=conflict"
n=$(grep -o '<tr class="obs" data-lang="\(hu\|zh\)"[^>]*>' "$TMP/dom.html" | grep -c 'hidden=""')
[ "$n" -eq 0 ] || fail "$n Hungarian or Chinese rows hidden"
n=$(grep -o '<tr class="obs" data-lang="pl"[^>]*>' "$TMP/dom.html" | grep -vc 'hidden=""')
[ "$n" -eq 0 ] || fail "$n Polish rows shown with lang=hu,zh"
# The figure is marked in its sentence, and the number line is inline SVG.
grep -q '<mark>140亿美元</mark>' "$TMP/dom.html" || fail "the Chinese figure is not marked in its sentence"
grep -q '<svg' "$TMP/dom.html" || fail "no inline SVG number line"
grep -Eq '(src|href)="https?:' "$TMP/report.html" && fail "the report loads something from the network"

# claimcheck discover's triage page: the conflict first in red, the
# sentences with their figures marked, a draft rule with its copy button
mkdir "$TMP/packs"
for f in lang concepts.yaml entities fx; do ln -s "$PWD/rules/$f" "$TMP/packs/$f"; done
"$CC" discover --format html --rules "$TMP/packs" fixtures/articles >"$TMP/discover.html" 2>"$TMP/err"
expect_status 1 $? "discover html"
chrome "file://$TMP/discover.html" --window-size=1200,1600 --screenshot="$TMP/dshot.png" >/dev/null
if [ -s "$TMP/dshot.png" ]; then
    set -- $(python3 tests/lib/pngcolors.py "$TMP/dshot.png" '#d32f2f' '#388e3c' '#263238')
    [ "$3" -gt 200 ] || fail "discover: the conflict is not shown in red ($3 pixels)"
    [ "$4" -gt 200 ] || fail "discover: no agreement shown in green ($4 pixels)"
    [ "$5" -gt 20000 ] || fail "discover: the header is not drawn ($5 pixels)"
else
    fail "discover: no screenshot: $(tail -5 "$TMP/chrome.log")"
fi
chrome "file://$TMP/discover.html" --dump-dom >"$TMP/ddom.html"
[ "$(grep -c '<section class="claim"' "$TMP/ddom.html")" = 7 ] || fail "discover: not 7 candidates on the page"
grep -q '<mark>140亿美元</mark>' "$TMP/ddom.html" || fail "discover: the Chinese figure is not marked"
grep -q '<button type="button" data-copy="draft1">copy</button><pre id="draft1"># claimcheck discover' \
    "$TMP/ddom.html" || fail "discover: no draft rule with its copy button"
grep -Eq '(src|href)="https?:' "$TMP/discover.html" && fail "discover: the page loads something from the network"
finish
