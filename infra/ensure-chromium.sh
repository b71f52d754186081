#!/bin/sh
# Make sure a Chromium exists for the end-to-end tests (`make test` calls this).
# Debian/Ubuntu machines get the distribution's package (Playwright's own download is not
# reachable everywhere), plus a small Chinese font so screenshots of the zh-CN screens and
# of the demo directory's names show characters, not boxes. Elsewhere (a developer laptop),
# Playwright fetches its own Chromium.
set -eu

has_cjk_font() {
    command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]
}

packages=""
if ! command -v chromium >/dev/null 2>&1; then
    packages="chromium chromium-driver"
fi
if command -v apt-get >/dev/null 2>&1 && ! has_cjk_font; then
    packages="$packages fonts-wqy-microhei"
fi
if [ -z "$packages" ]; then
    exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    echo "ensure-chromium: apt-get install $packages" >&2
    $sudo apt-get update -qq
    # shellcheck disable=SC2086 # the package list is meant to split into words
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >/dev/null
    exit 0
fi

python="${PYTHON:-python}"
if [ -x .venv/bin/python ]; then
    python=.venv/bin/python
fi
echo "ensure-chromium: $python -m playwright install chromium" >&2
"$python" -m playwright install chromium
