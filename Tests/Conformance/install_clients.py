#!/usr/bin/env python3
"""Install the real MCP clients used by the conformance rig.

Both clients ship as native binaries inside PyPI wheels:

* Claude Code: ``claude-agent-sdk`` wheel, member ``claude_agent_sdk/_bundled/claude``
* Codex:       ``openai-codex-cli-bin`` wheel, member ``codex_cli_bin/bin/codex``

The exact wheel for this platform is fetched with ``pip download --no-deps`` into a
temporary directory, only the binary is extracted into
``${XDG_CACHE_HOME:-$HOME/.cache}/mcp-setup/clients/<client>-<version>/`` and made
executable.  Idempotent: an already-extracted binary is left alone.  Nothing is
written into the repository.

Prints one line per client: ``<client> <path> <version output>``.
``--print-env`` prints shell ``export`` lines instead (CLAUDE_BIN=..., CODEX_BIN=...).
"""
from __future__ import annotations

import argparse
import os
import stat
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

CLIENTS = {
    # name: (pip requirement, member inside the wheel, env var exported, version argv)
    "claude": ("claude-agent-sdk==0.2.187", "claude_agent_sdk/_bundled/claude", "CLAUDE_BIN"),
    "codex": ("openai-codex-cli-bin==0.163.0", "codex_cli_bin/bin/codex", "CODEX_BIN"),
}


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mcp-setup" / "clients"


def binary_path(name: str) -> Path:
    req, member, _ = CLIENTS[name]
    version = req.split("==", 1)[1]
    return cache_root() / f"{name}-{version}" / Path(member).name


def install(name: str, quiet: bool = False) -> Path:
    req, member, _ = CLIENTS[name]
    dest = binary_path(name)
    if dest.is_file() and os.access(dest, os.X_OK):
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"mcp-setup-{name}-") as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               "--disable-pip-version-check", "-q", "-d", tmp, req]
        if not quiet:
            print("+", " ".join(cmd), file=sys.stderr)
        subprocess.run(cmd, check=True)
        wheels = list(Path(tmp).glob("*.whl"))
        if len(wheels) != 1:
            raise SystemExit(f"expected one wheel for {req}, got {wheels}")
        with zipfile.ZipFile(wheels[0]) as zf:
            try:
                info = zf.getinfo(member)
            except KeyError:
                raise SystemExit(f"{wheels[0].name} has no member {member}")
            partial = dest.with_name(dest.name + ".partial")
            with zf.open(info) as src, open(partial, "wb") as out:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
        partial.chmod(partial.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        partial.replace(dest)  # atomic: a half-written binary is never "present"
    return dest


def version_of(path: Path) -> str:
    try:
        out = subprocess.run([str(path), "--version"], capture_output=True, text=True, timeout=60,
                             env={**os.environ, "HOME": tempfile.gettempdir()})
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except Exception as exc:  # pragma: no cover - diagnostic only
        return f"(version unknown: {exc})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--print-env", action="store_true", help="print export lines for the shell")
    ap.add_argument("clients", nargs="*", metavar="CLIENT", help=f"subset of {sorted(CLIENTS)}")
    args = ap.parse_args()
    for name in args.clients or list(CLIENTS):
        if name not in CLIENTS:
            ap.error(f"unknown client {name!r}")
        path = install(name, quiet=args.print_env)
        if args.print_env:
            print(f"export {CLIENTS[name][2]}={path}")
        else:
            print(f"{name}\t{path}\t{version_of(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
