#!/usr/bin/env bash
# `make test`, stage by stage: each stage is timed, and the times are printed at the end even
# when a stage fails, so a slow stage is visible. Browser tests run in a stage of their own:
# the ffmpeg-heavy contract and api tests never compete with Chromium for the two cores.
#   tests/stages.sh               every stage
#   tests/stages.sh e2e e2e e2e   the named stages, in that order (tests/stress.sh does this)
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PYTEST=("$VENV/bin/pytest" -p no:cacheprovider)

stage_lint() {
    "$VENV/bin/ruff" check . || return 1
    sh infra/lint-js.sh
}
# The flag lets Node older than 20.19 load pwa/ files (ES modules without a package.json).
stage_node()     { node --experimental-detect-module --test tests/node/; }
stage_api()      { "${PYTEST[@]}" -n auto --dist loadfile tests/api tests/vectors; }
# Generated requests to every operation, signed in: each answer must be one the document lists.
stage_schema()   { "${PYTEST[@]}" tests/schema; }
stage_contract() { "${PYTEST[@]}" -n auto --dist loadfile tests/contract; }
stage_lambda()   { "${PYTEST[@]}" -n auto --dist loadfile tests/lambda; }
# Two browsers at most on two cores; a test file stays on one worker (they share a server).
stage_e2e()      { "${PYTEST[@]}" -n 2 --dist loadfile tests/e2e; }

stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(lint node api schema contract lambda e2e)
report=()
failed=0
for name in "${stages[@]}"; do
    echo "== $name"
    start=$(date +%s)
    if "stage_$name"; then result=passed; else result=FAILED; failed=1; fi
    report+=("$(printf '%-9s %-7s %4d s' "$name" "$result" $(($(date +%s) - start)))")
    [ $failed -eq 0 ] || [ -n "${KEEP_GOING:-}" ] || break
done
echo "== stage times"
printf '%s\n' "${report[@]}"
exit $failed
