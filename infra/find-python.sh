#!/usr/bin/env bash
# Prints the path of a Python that really runs: 3.12 (Lambda's runtime) first, else any 3.11+.
# pyenv shims answer `command -v` even for versions that are not enabled, so each is executed.
# Usage: infra/find-python.sh [--exact 3.12]
set -u
want_exact=""
[ "${1:-}" = "--exact" ] && want_exact="$2"
candidates=(python3.12 "$HOME"/.pyenv/versions/3.12*/bin/python3.12 /usr/local/bin/python3.12
            /usr/bin/python3.12)
[ -z "$want_exact" ] && candidates+=(python3.13 python3.11 python3)
for p in "${candidates[@]}"; do
  path=$(command -v "$p" 2>/dev/null) || continue
  version=$("$path" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) || continue
  if [ -n "$want_exact" ]; then
    [ "$version" = "$want_exact" ] && { echo "$path"; exit 0; }
  elif "$path" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "$path"; exit 0
  fi
done
echo "No suitable Python found (need ${want_exact:-3.11+}; 3.12 matches Lambda's runtime)." >&2
exit 1
