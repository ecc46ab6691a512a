#!/usr/bin/env bash
# Conformance suite: mcp-setup's artifacts in the real Claude Code and Codex against a real MCP server.
#
#   Tests/Conformance/run.sh [pytest args...]
#
# Installs the pinned Python requirements into a venv and the real clients (from PyPI wheels) into
# ${XDG_CACHE_HOME:-$HOME/.cache}/mcp-setup/ (never into the repo), then runs pytest over the
# suite and prints the summary table.  The mcp-setup binary: $MCP_SETUP_BIN, else
# .build/release/mcp-setup, else .build/debug/mcp-setup (tests that need it skip without it).
# Environment: CONFORMANCE_VENV (venv dir), CONFORMANCE_RESULTS (also write the rows as JSON).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/mcp-setup"
VENV="${CONFORMANCE_VENV:-$CACHE/venv}"
PY="${PYTHON:-python3}"
start=$(date +%s)

mkdir -p "$CACHE"
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
# Reinstall only when requirements.txt changed.
stamp="$VENV/.requirements.sha256"
want="$(sha256sum "$HERE/requirements.txt" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$HERE/requirements.txt"
  echo "$want" > "$stamp"
fi

"$VENV/bin/python" "$HERE/install_clients.py"

# The legacy-era MCP server for the doctor tests (mcp 1.x) needs a venv of its own.
LEGACY_VENV="${DOCTOR_LEGACY_VENV:-$CACHE/venv-mcp-legacy}"
[ -x "$LEGACY_VENV/bin/python" ] || "$PY" -m venv "$LEGACY_VENV"
legacy_stamp="$LEGACY_VENV/.requirements.sha256"
legacy_want="$(sha256sum "$HERE/doctor/requirements-legacy.txt" | cut -d' ' -f1)"
if [ "$(cat "$legacy_stamp" 2>/dev/null)" != "$legacy_want" ]; then
  "$LEGACY_VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$HERE/doctor/requirements-legacy.txt"
  echo "$legacy_want" > "$legacy_stamp"
fi
export DOCTOR_LEGACY_PYTHON="$LEGACY_VENV/bin/python"

# Warm uvx's cache for the mcp-proxy bridge (shared with the tests through UV_CACHE_DIR).
export UV_CACHE_DIR="$CACHE/uv-cache"
"$VENV/bin/uvx" mcp-proxy@0.13.0 --version >/dev/null 2>&1 || echo "note: uvx mcp-proxy unavailable; bridge tests will skip" >&2

bin="${MCP_SETUP_BIN:-}"
if [ -z "$bin" ]; then
  for c in release debug; do
    f="$HERE/../../.build/$c/mcp-setup"
    if [ -x "$f" ]; then bin="$f"; break; fi
  done
fi
if [ -n "$bin" ] && [ -x "$bin" ]; then
  echo "mcp-setup: $bin ($("$bin" --version 2>/dev/null || echo 'version ?'), built $(date -r "$bin" '+%F %T'))"
else
  echo "mcp-setup: not built; CLI tests will skip (the rig self-test still runs)"
fi

cd "$HERE"
export PYTHONDONTWRITEBYTECODE=1
set +e
"$VENV/bin/python" -m pytest -p no:cacheprovider -q -rfEs "$@" .
rc=$?
set -e
echo "conformance: pytest exit $rc in $(( $(date +%s) - start ))s"
exit $rc
