# Where reports, baselines and archives go: a regular file is replaced
# through a temporary file and a rename, keeping its mode (and owner); a
# new file gets the umask's mode; a symbolic link is followed and stays a
# link; a device, a FIFO or standard output is written directly; an input
# article is never overwritten; SIGINT and SIGTERM leave no temporary file;
# a failed write to standard output fails every command.
# (/dev/null and /dev/stdout themselves are not used: a regression run as
# root would replace them for the whole machine. The test makes its own
# device node and its own link into /proc/self/fd, which is what
# /dev/stdout is.)
. "$(dirname "$0")/../lib/e2e.sh"

ART=fixtures/articles
GOLD=tests/golden/seeds.json
mode() { stat -c %a "$1"; }
no_temp() { # no_temp DIR WHAT
    ls -a "$1" | grep -q '\.tmp\.' && fail "$2: temporary files left: $(ls -a "$1" | grep '\.tmp\.')"
}

# --- devices, FIFOs, standard output: written directly ----------------
if [ "$(id -u)" = 0 ] && mknod "$TMP/null" c 1 3 2>/dev/null; then
    "$CC" check --report "sarif=$TMP/null" "$ART" >/dev/null 2>"$TMP/err"
    expect_status 1 $? "--report to a character device"
    [ -c "$TMP/null" ] || fail "--report replaced a character device: $(ls -l "$TMP/null")"
    rm -f "$TMP/null"
fi
ln -s /dev/null "$TMP/null-link"
"$CC" check --report "json=$TMP/null-link" "$ART" >/dev/null 2>"$TMP/err"
expect_status 1 $? "--report to a link to /dev/null"
[ -L "$TMP/null-link" ] && [ -c "$TMP/null-link" ] ||
    fail "--report replaced a link to /dev/null: $(ls -l "$TMP/null-link")"

if [ -w /dev/full ]; then
    ln -s /dev/full "$TMP/full-link"
    "$CC" check --report "json=$TMP/full-link" "$ART" >/dev/null 2>"$TMP/err"
    expect_status 2 $? "--report to /dev/full"
    grep -q "^claimcheck: cannot write $TMP/full-link: No space left on device" "$TMP/err" ||
        fail "--report to /dev/full: $(cat "$TMP/err")"
    [ -L "$TMP/full-link" ] || fail "--report replaced a link to /dev/full"
fi

mkfifo "$TMP/fifo"
timeout 60 cat "$TMP/fifo" >"$TMP/fifo.out" &
reader=$!
"$CC" check --report "json=$TMP/fifo" "$ART" >/dev/null 2>"$TMP/err"
expect_status 1 $? "--report to a FIFO"
[ -p "$TMP/fifo" ] || { fail "--report replaced a FIFO: $(ls -l "$TMP/fifo")"; kill "$reader"; }
wait "$reader"
expect_same "$GOLD" "$TMP/fifo.out" "the report read from the FIFO"

# a link into /proc/self/fd names an open file: standard output here,
# whether a pipe or a file (appended to, after what is already on it)
ln -s /proc/self/fd/1 "$TMP/stdout"
"$CC" check --format json --report "json=$TMP/stdout" "$ART" 2>"$TMP/err" | cat >"$TMP/both.pipe"
[ -L "$TMP/stdout" ] || fail "--report replaced a link to /proc/self/fd/1"
cat "$GOLD" "$GOLD" >"$TMP/both.want"
expect_same "$TMP/both.want" "$TMP/both.pipe" "--report to standard output (a pipe)"
"$CC" check --format json --report "json=/dev/fd/1" "$ART" >"$TMP/both.file" 2>"$TMP/err"
expect_status 1 $? "--report json=/dev/fd/1"
expect_same "$TMP/both.want" "$TMP/both.file" "--report to standard output (a file)"
no_temp "$TMP" "devices"

# --- symbolic links: the target is replaced, the link stays -------------
echo old >"$TMP/target.json"
chmod 640 "$TMP/target.json"
ln -s target.json "$TMP/link.json"
mkdir "$TMP/sub"
ln -s ../link.json "$TMP/sub/chain.json"
"$CC" check --report "json=$TMP/sub/chain.json" "$ART" >/dev/null 2>"$TMP/err"
expect_status 1 $? "--report through two links"
[ -L "$TMP/sub/chain.json" ] && [ -L "$TMP/link.json" ] || fail "--report replaced a link: $(ls -l "$TMP" "$TMP/sub")"
[ -f "$TMP/target.json" ] && [ ! -L "$TMP/target.json" ] || fail "the link's target is not a file"
expect_same "$GOLD" "$TMP/target.json" "the report written through links"
[ "$(mode "$TMP/target.json")" = 640 ] || fail "the link's target lost its mode: $(mode "$TMP/target.json")"
ln -s new-target.json "$TMP/dangling.json"
"$CC" check --report "json=$TMP/dangling.json" "$ART" >/dev/null 2>"$TMP/err"
[ -L "$TMP/dangling.json" ] && [ -f "$TMP/new-target.json" ] ||
    fail "a dangling link's target was not created: $(ls -l "$TMP")"
no_temp "$TMP" "links"
no_temp "$TMP/sub" "links"

# --- modes: the umask's for a new file, the old one for an existing file
for u in 022 077 002; do
    want=$(printf '%o' $((0666 & ~0$u)))
    mkdir "$TMP/u$u"
    (umask $u && exec "$CC" check --report "json=$TMP/u$u/r.json" --write-baseline "$TMP/u$u/b.json" \
        --archive "$TMP/u$u/a.jsonl" --update-archive "$ART" >/dev/null 2>"$TMP/err")
    for f in r.json b.json a.jsonl; do
        [ "$(mode "$TMP/u$u/$f")" = "$want" ] ||
            fail "umask $u: a new $f has mode $(mode "$TMP/u$u/$f"), expected $want"
    done
done
echo old >"$TMP/keep.json"
chmod 604 "$TMP/keep.json"
(umask 077 && exec "$CC" check --report "json=$TMP/keep.json" "$ART" >/dev/null 2>&1)
[ "$(mode "$TMP/keep.json")" = 604 ] || fail "a replaced report lost its mode 604: $(mode "$TMP/keep.json")"
cp "$TMP/u022/a.jsonl" "$TMP/keep.jsonl"
chmod 640 "$TMP/keep.jsonl"
"$CC" check --archive "$TMP/keep.jsonl" --update-archive "$ART" >/dev/null 2>&1
[ "$(mode "$TMP/keep.jsonl")" = 640 ] || fail "an updated archive lost its mode 640: $(mode "$TMP/keep.jsonl")"
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
    chown nobody "$TMP/keep.json"
    "$CC" check --report "json=$TMP/keep.json" "$ART" >/dev/null 2>&1
    [ "$(stat -c %U "$TMP/keep.json")" = nobody ] ||
        fail "a replaced report lost its owner: $(stat -c %U "$TMP/keep.json")"
fi

# --- an input article is never an output -------------------------------
mkdir "$TMP/in"
cp "$ART"/*.txt "$TMP/in/"
cp "$TMP/in/000_531ddda5ff660788.txt" "$TMP/before.txt"
ln "$TMP/in/000_531ddda5ff660788.txt" "$TMP/hardlink.md"
ln -s in/000_531ddda5ff660788.txt "$TMP/symlink.md"
for out in "$TMP/in/000_531ddda5ff660788.txt" "$TMP/hardlink.md" "$TMP/symlink.md"; do
    "$CC" check --report "markdown=$out" "$TMP/in" >/dev/null 2>"$TMP/err"
    expect_status 2 $? "--report markdown=$out over an input"
    grep -q "would overwrite the input $TMP/in/000_531ddda5ff660788.txt" "$TMP/err" ||
        fail "no error naming the input for $out: $(cat "$TMP/err")"
    expect_same "$TMP/before.txt" "$TMP/in/000_531ddda5ff660788.txt" "the input after --report markdown=$out"
done
"$CC" check --write-baseline "$TMP/in/001_856d452ba46fbbed.txt" "$TMP/in" >/dev/null 2>"$TMP/err"
expect_status 2 $? "--write-baseline over an input"
grep -q "^claimcheck: --write-baseline .*001_856d452ba46fbbed.txt would overwrite the input" "$TMP/err" ||
    fail "no error for --write-baseline over an input: $(cat "$TMP/err")"
"$CC" extract "$ART" >"$TMP/obs.jsonl" 2>/dev/null
"$CC" compare --report "json=$TMP/obs.jsonl" "$TMP/obs.jsonl" >/dev/null 2>"$TMP/err"
expect_status 2 $? "compare --report over its observation file"
grep -q "would overwrite the input $TMP/obs.jsonl" "$TMP/err" ||
    fail "no error for compare --report over its input: $(cat "$TMP/err")"
no_temp "$TMP/in" "inputs"

# --- a failed write to standard output is a failure of every command --
if [ -w /dev/full ]; then
    printf 'Microsoft invested 13 billion dollars in OpenAI.\n' >"$TMP/small.txt"
    for cmd in "check $ART" "extract $ART" "compare $TMP/obs.jsonl" "scan --lang en $TMP/small.txt" \
        "detect $TMP/small.txt" "test --lang en" "patterns --lang en" "check --help"; do
        # shellcheck disable=SC2086
        "$CC" $cmd >/dev/full 2>"$TMP/err"
        expect_status 2 $? "$cmd >/dev/full"
        grep -q "^claimcheck: cannot write to standard output" "$TMP/err" ||
            fail "$cmd >/dev/full: no message: $(cat "$TMP/err")"
    done
fi

# --- SIGTERM and SIGINT while a report is written -----------------------
# Enough articles that writing the HTML report takes a while (about 0.1 s);
# the signal is sent once its temporary file exists.
mkdir "$TMP/big"
i=0
while [ $i -lt 200 ]; do
    for f in "$ART"/*.txt; do cp "$f" "$TMP/big/$i-${f##*/}"; done
    i=$((i + 1))
done
echo "previous report" >"$TMP/sig.html"
python3 - "$CC" "$TMP/big" "$TMP/sig.html" <<'PY' || fail "a signal left a temporary file or a damaged report (above)"
import glob, os, signal, subprocess, sys, time
cc, big, rep = sys.argv[1:4]
errors = []
for sig in (signal.SIGTERM, signal.SIGINT):
    for attempt in range(5):
        p = subprocess.Popen([cc, "check", "-j", "2", "--report", "html=" + rep, big],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        sent = False
        while p.poll() is None:
            if glob.glob(rep + ".tmp.*"):
                p.send_signal(sig)
                sent = True
                break
            time.sleep(0.001)
        rc = p.wait()
        if sent and rc == -sig:
            break
        # the write ended before the signal came: try again
        if open(rep).read() != "previous report\n":
            with open(rep, "w") as f:
                f.write("previous report\n")
    else:
        errors.append("%s: never caught the program writing its report" % sig.name)
        continue
    left = glob.glob(rep + ".tmp.*")
    if left:
        errors.append("%s: temporary files left: %s" % (sig.name, left))
        for t in left:
            os.unlink(t)
    if open(rep).read() != "previous report\n":
        errors.append("%s: the previous report was not kept" % sig.name)
print("\n".join(errors))
sys.exit(1 if errors else 0)
PY
finish
