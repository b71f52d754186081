#!/usr/bin/env bash
# Builds both deploy artifacts without AWS: the Zappa zip of the Flask app (dist/) and the
# CloudFormation template of the stateful stack (.serverless/). Usage: infra/package.sh [stage]
set -euo pipefail
stage="${1:-dev}"
cd "$(dirname "$0")/.."
root=$PWD

# Zappa packs the whole virtualenv, compiled files included: build it from the runtime's
# Python (3.12) with the runtime requirements only. Rebuilt when requirements.txt changes.
# The settings say use_precompiled_packages: false (no downloads at package time), so the
# wheels pip picks here (cryptography's among them) must be the ones Lambda can load.
if [ "$(uname -sm)" != "Linux x86_64" ]; then
  echo "Package on Linux x86_64 (Lambda's platform), e.g. in CI; this is $(uname -sm)." >&2
  exit 1
fi
venv=.venv-lambda
python=$(bash infra/find-python.sh --exact 3.12)
# Every module goes in with bytecode checked by a hash of its source, not by its mtime: the zip
# dates every file 1980-01-01, so the mtime-stamped .pyc files pip writes would all be stale on
# Lambda (read-only /var/task) and each cold start would compile every module it imports.
# Zappa keeps __pycache__/ directories (its "__pycache__/*" exclude matches no file name).
pyc_mode=checked-hash
stamp="$venv/.built-from"
want="$("$python" --version) $(sha256sum requirements.txt | cut -d' ' -f1) $pyc_mode"
if [ ! -x "$venv/bin/zappa" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "Building $venv from requirements.txt ($want)"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r requirements.txt
  "$venv/bin/python" -m compileall -q -f -j 0 --invalidation-mode "$pyc_mode" \
    "$venv/lib/python3.12/site-packages" >/dev/null
  echo "$want" >"$stamp"
fi

# Dummy credentials: packaging never calls AWS, but both tools insist on having some.
export AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x AWS_DEFAULT_REGION=us-east-1
unset AWS_PROFILE AWS_SESSION_TOKEN

# Our bytecode, checked by a hash of the source (see pyc_mode above); -f because compileall
# otherwise keeps a .pyc whose timestamp matches.
"$venv/bin/python" -m compileall -q -f -j 0 --invalidation-mode "$pyc_mode" functions >/dev/null

mkdir -p dist
zip="dist/together-$stage.zip"
rm -f "$zip"
VIRTUAL_ENV="$root/$venv" PATH="$root/$venv/bin:$PATH" \
  "$venv/bin/zappa" package "$stage" -s infra/zappa_settings.json -o "$zip"

[ -x infra/node_modules/.bin/serverless ] || npm ci --prefix infra --no-audit --no-fund
SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off \
  infra/node_modules/.bin/serverless package --stage "$stage"

echo "Lambda zip: $zip, $(numfmt --to=iec-i --suffix=B "$(stat -c %s "$zip")")"
echo "Stack template: .serverless/cloudformation-template-update-stack.json"
