#!/bin/sh
# Installs every build and test dependency of claimcheck from Debian packages.
# Idempotent and non-interactive: packages already present are not touched, and
# apt-get runs only when something is missing.
#   scripts/install-deps.sh            build and test dependencies
#   scripts/install-deps.sh --build    only what building needs (for CI jobs
#                                      that use claimcheck on articles)
set -eu

# Build: compiler, build system, libraries (found through pkg-config).
PKGS="gcc make cmake pkg-config libc6-dev
      libpcre2-dev libyaml-dev libutf8proc-dev"
if [ "${1:-}" != "--build" ]; then
# Unit tests.
PKGS="$PKGS libcmocka-dev"
# Tests and benchmarks: pcre2grep (raw regex floor), valgrind; the report
# formats' validators (python3-jsonschema for SARIF, xmllint for JUnit);
# headless Chromium for the HTML report, with a CJK font and fc-list;
# groff and man to check the man page; GNU parallel for the map/reduce
# test; GNU time for the benchmarks' peak memory. valgrind runs the golden
# test under memcheck.
PKGS="$PKGS pcre2-utils valgrind ca-certificates
      python3 python3-jsonschema python3-yaml libxml2-utils
      chromium fonts-wqy-zenhei fonts-dejavu-core fontconfig
      groff-base man-db parallel time"
# Fuzzing (scripts/fuzz.sh): clang with the libFuzzer and sanitizer
# runtimes; util-linux for setpriv (the unreadable-file test, as root).
PKGS="$PKGS clang libclang-rt-14-dev util-linux"
fi

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "install-deps: all dependencies present"
    exit 0
fi

echo "install-deps: installing:$missing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "install-deps: need root (or sudo) to install:$missing" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
