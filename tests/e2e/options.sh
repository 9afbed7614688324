# The options of every command, as its --help lists them (option lines,
# the usage line's [--opt ARG], compare's "options:" sentence): each is
# accepted by that command, with its argument separate or after '=';
# an option that only other commands list is refused with the exact
# message; a missing argument and bad values are refused with theirs.
# All of it comes from one table (src/cli/options.c).
. "$(dirname "$0")/../lib/e2e.sh"

CMDS="check extract compare scan test patterns detect"
NONE="$TMP/no-rules"
# the options a command accepts without listing them in its --help
UNLISTED="extract:--color test:--color"

# listed COMMAND: "--name [ARG]" per line, then "-x [ARG]" for short forms
listed() {
    "$CC" "$1" --help | awk '
        /^usage:/ {
            s = $0
            while (match(s, /\[--[a-z-]+( [A-Z]+)?\]/)) {
                print substr(s, RSTART + 1, RLENGTH - 2); s = substr(s, RSTART + RLENGTH)
            }
            next
        }
        /^options: --/ { prose = 1 }
        prose {
            s = $0
            while (match(s, /--[a-z-]+( [A-Z][A-Z=]*)?/)) {
                print substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
            }
            if ($0 ~ /\)\.$/) prose = 0
            next
        }
        /^  -/ {
            s = $0; sub(/^  /, "", s); sub(/  .*/, "", s)
            if (s ~ /^-[a-z]/) { short = s; sub(/, .*/, "", short); print short; sub(/^[^,]*, /, "", s) }
            print s
        }' | grep -v -e '^--help$' -e '^-h$'
}

# a value of the kind the help names
value() {
    case $1 in
    DIR) echo "$NONE" ;;
    CODE) echo en ;;
    FORMAT) echo text ;;
    jsonl) echo jsonl ;;
    FORMAT=PATH) echo "json=$TMP/r.json" ;;
    LIST | WHEN) echo never ;;
    FILE) echo "$TMP/f" ;;
    OBS.jsonl) echo "$TMP/o.jsonl" ;;
    N) echo 2 ;;
    SECONDS | S) echo 1.5 ;;
    *) echo "unknown argument name $1" >&2; echo x ;;
    esac
}

# accepted COMMAND ARGS...: parsed whole; the run stops at --rules $NONE
accepted() {
    c=$1
    shift
    "$CC" "$c" --rules "$NONE" "$@" </dev/null >/dev/null 2>"$TMP/err"
    s=$?
    printf 'claimcheck: --rules %s: not a directory\n' "$NONE" >"$TMP/want"
    # (--stats adds its lines after)
    if [ $s -ne 2 ] || ! sed -n 1p "$TMP/err" | cmp -s "$TMP/want" -; then
        fail "claimcheck $c $*: not accepted (status $s): $(cat "$TMP/err")"
    fi
}

# refused WANT COMMAND ARGS...: status 2 and exactly WANT on stderr
refused() {
    want=$1
    c=$2
    shift 2
    "$CC" "$c" "$@" </dev/null >/dev/null 2>"$TMP/err"
    s=$?
    printf '%s\n' "$want" >"$TMP/want"
    expect_status 2 $s "claimcheck $c $*"
    cmp -s "$TMP/want" "$TMP/err" ||
        fail "claimcheck $c $*: said '$(cat "$TMP/err")', expected '$want'"
}

: >"$TMP/all"
for c in $CMDS; do
    listed "$c" >"$TMP/$c.opts"
    [ -s "$TMP/$c.opts" ] || fail "claimcheck $c --help lists no options"
    while read -r opt arg; do
        if [ -z "$arg" ]; then
            accepted "$c" "$opt"
            continue
        fi
        v=$(value "$arg")
        accepted "$c" "$opt" "$v"
        refused "claimcheck $c: option '$opt' needs a value" "$c" "$opt"
        case $opt in --*) accepted "$c" "$opt=$v" ;; esac
    done <"$TMP/$c.opts"
    sed 's/ .*//' "$TMP/$c.opts" >>"$TMP/all"
done
for c in check extract compare; do
    grep -q -e '^--stats$' "$TMP/$c.opts" || fail "claimcheck $c --help does not list --stats"
done
grep -q '^-j N$' "$TMP/check.opts" || fail "claimcheck check --help does not list -j N"

# an option listed by other commands only
sort -u "$TMP/all" >"$TMP/names"
for c in $CMDS; do
    while read -r opt; do
        sed 's/ .*//' "$TMP/$c.opts" | grep -q -x -e "$opt" && continue
        case " $UNLISTED " in *" $c:$opt "*) continue ;; esac
        refused "claimcheck $c: unknown option '$opt' (see claimcheck $c --help)" "$c" "$opt" x
    done <"$TMP/names"
done
for u in $UNLISTED; do
    accepted "${u%%:*}" "${u#*:}" never
done
for c in $CMDS; do
    accepted "$c" -v
    accepted "$c" --verbose
    refused "claimcheck $c: unknown option '--bogus' (see claimcheck $c --help)" "$c" --bogus
    refused "claimcheck $c: unknown option '-x' (see claimcheck $c --help)" "$c" -x
    "$CC" "$c" -h >"$TMP/h" 2>&1 || fail "claimcheck $c -h failed"
    "$CC" "$c" --help | cmp -s - "$TMP/h" || fail "claimcheck $c -h is not its --help"
done

# bad values
refused "claimcheck check: --fail-on takes verdicts separated by commas (conflict, scale_error, currency_mismatch, deviates, qualifier, forecast, update, agree, single), default, or never; not 'x'" check --fail-on x
refused "claimcheck compare: --color is auto, always or never" compare --color=x
refused "claimcheck check: -j wants a number from 1 to 256, not '0'" check -j0
refused "claimcheck extract: -j wants a number from 1 to 256, not '257'" extract --jobs 257
refused "claimcheck detect: --cut wants a positive number" detect --cut 0
refused "claimcheck scan: --time-budget wants seconds per rule and MiB of article, e.g. 10 or 0.5 (at most a day), not '0'" scan --time-budget 0
refused "claimcheck check: --report wants FORMAT=PATH, e.g. sarif=report.sarif" check --report json
refused "claimcheck check: option '-j' needs a value" check -j
set --
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17; do set -- "$@" --rules "$NONE"; done
refused "claimcheck test: at most 16 --rules" test "$@"
finish
