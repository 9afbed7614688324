# make install, staged with DESTDIR: the program finds the rules installed
# beside it, the man page formats without warnings, and programs built
# against the library through pkg-config and through the CMake package run
# the whole pipeline.
. "$(dirname "$0")/../lib/e2e.sh"

BUILD=$(cd "$(dirname "$CC")" && pwd)
DEST="$TMP/dest"
DESTDIR="$DEST" cmake --install "$BUILD" >"$TMP/install.log" 2>&1 ||
    { fail "cmake --install failed: $(tail -5 "$TMP/install.log")"; finish; }
PREFIX=$(grep -m1 '^CMAKE_INSTALL_PREFIX:' "$BUILD/CMakeCache.txt" | cut -d= -f2)
ROOT="$DEST$PREFIX"

for f in bin/claimcheck share/claimcheck/rules/lang/en.yaml share/claimcheck/rules/claims/microsoft_investment_total.yaml \
    share/man/man1/claimcheck.1 include/claimcheck/claimcheck.h include/claimcheck/report.h; do
    [ -e "$ROOT/$f" ] || fail "not installed: $f"
done
LIB=$(find "$ROOT" -name libclaimcheck.a | head -1)
PC=$(find "$ROOT" -name claimcheck.pc | head -1)
CFG=$(find "$ROOT" -name claimcheckConfig.cmake | head -1)
[ -n "$LIB" ] || fail "libclaimcheck.a not installed"
[ -n "$PC" ] || fail "claimcheck.pc not installed"
[ -n "$CFG" ] || fail "claimcheckConfig.cmake not installed"

# The installed program, run where there is no ./rules, uses its own rules.
mkdir -p "$TMP/elsewhere"
(cd "$TMP/elsewhere" && "$ROOT/bin/claimcheck" check --format json "$SRC/fixtures/articles") >"$TMP/inst.json" 2>"$TMP/err"
expect_status 1 $? "installed claimcheck on the seeds"
grep -q '"id": "microsoft_investment_total", "scope": null, "status": "conflict"' "$TMP/inst.json" ||
    fail "installed claimcheck did not find the conflict: $(cat "$TMP/err")"
"$ROOT/bin/claimcheck" --version | grep -q '^claimcheck [0-9]' || fail "--version"

# The man page.
out=$(groff -man -Tutf8 -ww -z "$ROOT/share/man/man1/claimcheck.1" 2>&1)
[ -z "$out" ] || fail "the man page has groff warnings: $out"
MANWIDTH=80 man -l "$ROOT/share/man/man1/claimcheck.1" 2>/dev/null | grep -q "fail-on" ||
    fail "the man page does not render or lacks --fail-on"

# A program built with pkg-config.
PKG_CONFIG_PATH=$(dirname "$PC") PKG_CONFIG_SYSROOT_DIR="$DEST" \
    pkg-config --cflags --libs claimcheck >"$TMP/pc.flags" 2>"$TMP/err" ||
    fail "pkg-config claimcheck: $(cat "$TMP/err")"
# shellcheck disable=SC2046
# (a sanitizer build's library needs the sanitizer runtime: CC_TEST_CFLAGS)
# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra ${CC_TEST_CFLAGS:-} -o "$TMP/consumer" tests/install/consumer.c $(cat "$TMP/pc.flags") \
    2>"$TMP/err" || fail "cannot build against the installed library with pkg-config: $(cat "$TMP/err")"
if [ -x "$TMP/consumer" ]; then
    "$TMP/consumer" "$ROOT/share/claimcheck/rules" fixtures/articles >"$TMP/consumer.json" 2>"$TMP/err"
    expect_status 1 $? "pkg-config consumer"
    expect_same tests/golden/seeds.json "$TMP/consumer.json" "pkg-config consumer's report"
fi

# A project built with the CMake package.
cmake -S tests/install -B "$TMP/cmake-consumer" -DCMAKE_PREFIX_PATH="$ROOT" \
    -DCMAKE_C_FLAGS="${CC_TEST_CFLAGS:-}" -DCMAKE_EXE_LINKER_FLAGS="${CC_TEST_CFLAGS:-}" >"$TMP/cm.log" 2>&1 &&
    cmake --build "$TMP/cmake-consumer" >>"$TMP/cm.log" 2>&1 ||
    fail "cannot build against the installed CMake package: $(tail -20 "$TMP/cm.log")"
if [ -x "$TMP/cmake-consumer/consumer" ]; then
    "$TMP/cmake-consumer/consumer" "$ROOT/share/claimcheck/rules" fixtures/articles >"$TMP/cm.json" 2>"$TMP/err"
    expect_status 1 $? "CMake consumer"
    expect_same tests/golden/seeds.json "$TMP/cm.json" "CMake consumer's report"
fi
finish
