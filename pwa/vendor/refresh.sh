#!/bin/sh
# Re-fetches the third-party code the PWA serves, from npm at pinned versions:
# `sh pwa/vendor/refresh.sh`. Bump a version deliberately, then run the e2e tests.
#   jsqr (Apache-2.0)             decodes QR codes from camera frames (the guard's scanner)
#   qrcode-generator (MIT)        draws the live pass QR on the employee's phone
set -eu
JSQR_VERSION=1.4.0
QRCODE_GENERATOR_VERSION=2.0.4

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() { # fetch <package> <version> <folder>: unpacks the npm tarball into $work/<folder>
  mkdir -p "$work/$3"
  (cd "$work/$3" && npm pack --silent "$1@$2" >/dev/null && tar xzf ./*.tgz)
}

fetch jsqr "$JSQR_VERSION" jsqr
mkdir -p "$here/jsqr"
cp "$work/jsqr/package/dist/jsQR.js" "$here/jsqr/jsQR.js"
cp "$work/jsqr/package/LICENSE" "$here/jsqr/LICENSE"

fetch qrcode-generator "$QRCODE_GENERATOR_VERSION" qrcode-generator
mkdir -p "$here/qrcode-generator"
cp "$work/qrcode-generator/package/dist/qrcode.mjs" "$here/qrcode-generator/qrcode.mjs"
# The package ships no LICENSE file: its licence is the MIT notice at the top of qrcode.mjs.
{
  sed -n '1,16p' "$work/qrcode-generator/package/dist/qrcode.mjs"
  echo
  cat <<'MIT'
The MIT License (the text the notice above refers to)

Copyright (c) 2009 Kazuhiko Arase

Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
MIT
} > "$here/qrcode-generator/LICENSE"

printf 'jsqr %s\nqrcode-generator %s\n' "$JSQR_VERSION" "$QRCODE_GENERATOR_VERSION" > "$here/VERSIONS"
echo "pwa/vendor: jsqr $JSQR_VERSION, qrcode-generator $QRCODE_GENERATOR_VERSION"
