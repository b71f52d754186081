#!/bin/sh
# Re-fetches the vendored test tools from npm at their pinned versions: `sh tests/e2e/vendor/refresh.sh`.
# axe-core (MPL-2.0) checks each screen for accessibility problems in the e2e tests; it is never
# served to phones. Bump AXE_VERSION deliberately, then run the e2e tests.
set -eu
AXE_VERSION=4.14.1

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "axe-core@$AXE_VERSION" >/dev/null && tar xzf "axe-core-$AXE_VERSION.tgz")
cp "$work/package/axe.min.js" "$here/axe.min.js"
cp "$work/package/LICENSE" "$here/axe-core.LICENSE"
cp "$work/package/LICENSE-3RD-PARTY.txt" "$here/axe-core.LICENSE-3RD-PARTY.txt"
echo "axe-core $AXE_VERSION" > "$here/VERSIONS"
echo "tests/e2e/vendor: axe-core $AXE_VERSION"
