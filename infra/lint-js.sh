#!/bin/sh
# Lints the phone's code: ESLint on pwa/ (JavaScript), Stylelint on pwa/styles/ (CSS); not
# pwa/vendor/ (third-party, kept as published). `sh infra/lint-js.sh`, from anywhere, after
# `npm ci --prefix infra`. Exits non-zero on any finding.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/infra/node_modules/.bin"
cd "$root"
status=0
"$bin/eslint" --config infra/eslint.config.mjs --max-warnings 0 pwa || status=1
"$bin/stylelint" --config infra/stylelint.config.mjs --max-warnings 0 "pwa/styles/**/*.css" || status=1
exit "$status"
