#!/usr/bin/env bash
# Browser and HTML tests of the docs site: builds the bundled example into a temporary folder,
# serves it on 127.0.0.1, and drives headless Chromium (Debian's chromium and chromium-driver)
# with Selenium. Screenshots go to $MCP_SETUP_SCREENSHOTS (default .build/screenshots).
#   Tests/Browser/run.sh [pytest args...]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/mcp-setup"
VENV="${BROWSER_VENV:-$CACHE/venv-browser}"
for tool in chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "browser tests: $tool is missing; apt-get install chromium chromium-driver" >&2; exit 1; }
done
mkdir -p "$CACHE"
[ -x "$VENV/bin/python" ] || "${PYTHON:-python3}" -m venv "$VENV"
stamp="$VENV/.requirements.sha256"
mkdocs_requirements="$HERE/../../examples/mkdocs/requirements.txt"
want="$(cat "$HERE/requirements.txt" "$mkdocs_requirements" | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$HERE/requirements.txt" -r "$mkdocs_requirements"
  echo "$want" > "$stamp"
fi
cd "$HERE"
exec "$VENV/bin/python" -m pytest -p no:cacheprovider -q -s -rfEs "$@" .
