"""The conformance rig: real server, real clients, and the checks that judge an artifact.

Every ``check_*`` function takes an artifact's exact text plus the Case it was rendered for, runs
it the way a user would (``sh -c`` for commands, the client's own file location for files), asks
the real client what it made of it, and compares what the real server saw on the wire with what
the Case intends.  It returns a ``Check``; it never raises for a bad artifact, so the rig's
self-test can assert that a corrupted artifact is *reported* as failing.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - python < 3.11
    tomllib = None

from cases import Case

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import install_clients  # noqa: E402

MCP_PROXY_SPEC = "mcp-proxy@0.13.0"
SERVER_INFO_NAME = "conformance"  # what server.py advertises in initialize


# ----------------------------------------------------------------------------------------------
# locating binaries
# ----------------------------------------------------------------------------------------------
def find_mcp_setup() -> Path | None:
    env = os.environ.get("MCP_SETUP_BIN")
    if env:
        p = Path(env)
        if not (p.is_file() and os.access(p, os.X_OK)):
            raise FileNotFoundError(f"MCP_SETUP_BIN={env} is not an executable file")
        return p
    for cfg in ("release", "debug"):
        p = REPO_ROOT / ".build" / cfg / "mcp-setup"
        if p.is_file() and os.access(p, os.X_OK):
            return p
    return None


def find_client(name: str) -> Path | None:
    env = os.environ.get({"claude": "CLAUDE_BIN", "codex": "CODEX_BIN"}[name])
    p = Path(env) if env else install_clients.binary_path(name)
    return p if p.is_file() and os.access(p, os.X_OK) else None


def find_uvx() -> Path | None:
    for cand in (Path(sys.executable).parent / "uvx", shutil.which("uvx")):
        if cand and Path(cand).is_file():
            return Path(cand)
    return None


def uv_cache_dir() -> Path:
    return install_clients.cache_root().parent / "uv-cache"


def short(s: str | None, n: int = 160) -> str:
    if s is None:
        return "None"
    r = repr(s)
    return r if len(r) <= n else r[: n - 20] + f"...<{len(s)} chars>"


# ----------------------------------------------------------------------------------------------
# the check result
# ----------------------------------------------------------------------------------------------
@dataclasses.dataclass
class Check:
    artifact: str
    ok: bool = True
    outcome: str = "parsed"  # connected | parsed | rejected | failed | unavailable
    details: list[str] = dataclasses.field(default_factory=list)
    live: int = 0  # live connections a real client reported
    client_status: str = ""  # e.g. '✔ Connected'
    client_detail: str = ""  # the client's own words after the status
    manifest_artifact: dict | None = dataclasses.field(default=None, repr=False)  # the CLI manifest's artifact object, when rendered by the CLI

    def fail(self, msg: str) -> "Check":
        self.ok = False
        self.outcome = "failed"
        self.details.append(msg)
        return self

    def note(self, msg: str) -> None:
        self.details.append(msg)

    def report(self) -> str:
        head = f"{self.artifact}: {'OK' if self.ok else 'FAILED'} ({self.outcome})"
        return "\n  ".join([head] + self.details)


INJECTION_MARK = "pwned"  # KEYS["subst"] runs `touch ./pwned` if any shell ever executes it


def judged(fn):
    """Decorator for check_* functions: after the check, any ./pwned file in the sandbox means a
    shell executed text from the key (command injection), whatever the client said."""
    import functools

    @functools.wraps(fn)
    def wrapper(sb, *a, **kw):
        chk = fn(sb, *a, **kw)
        hits = [str(p.relative_to(sb.root)) for p in sb.root.rglob(INJECTION_MARK)]
        if hits:
            chk.fail(f"command injection: a shell executed $(...) or `...` from the key (created {hits})")
        return chk

    return wrapper


# ----------------------------------------------------------------------------------------------
# the server
# ----------------------------------------------------------------------------------------------
class ServerProcess:
    """server.py in a subprocess on 127.0.0.1, a free port; requests logged as JSON lines."""

    def __init__(self, workdir: Path, auth: str, key: str, path: str):
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.auth, self.key, self.path = auth, key, path
        self.log_path = self.workdir / "requests.jsonl"
        self.key_path = self.workdir / "server.key"
        self.proc: subprocess.Popen | None = None
        self.port: int | None = None

    def start(self, timeout: float = 20) -> "ServerProcess":
        self.key_path.write_text(self.key, encoding="utf-8", newline="")
        self.log_path.write_text("")
        cmd = [sys.executable, str(HERE / "server.py"), "--auth", self.auth, "--key-file", str(self.key_path),
               "--endpoint", self.path, "--log", str(self.log_path)]
        self.stderr_path = self.workdir / "server.stderr"
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=open(self.stderr_path, "wb"), text=True)
        end = time.time() + timeout
        while time.time() < end:
            r, _, _ = select.select([self.proc.stdout], [], [], 0.2)
            if r:
                line = self.proc.stdout.readline()
                if line.startswith("READY "):
                    self.port = int(line.split()[1])
                    return self
                if not line:
                    break
            if self.proc.poll() is not None:
                break
        self.stop()
        raise RuntimeError(f"server did not start: {self.stderr_path.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def requests(self) -> list[dict]:
        if not self.log_path.exists():
            return []
        return [json.loads(line) for line in self.log_path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def mark(self) -> int:
        """Number of requests so far; pass to wire_problems(since=...) to look only at later ones."""
        return len(self.requests())


def wire_problems(server: ServerProcess, case: Case, since: int = 0, expect_agent: str | None = None) -> list[str]:
    """What the server saw vs what the Case intends.  Empty list = exactly right."""
    reqs = server.requests()[since:]
    if expect_agent:
        reqs = [r for r in reqs if any(k == "user-agent" and expect_agent in v for k, v in r["headers"])] or reqs
    # OAuth/OIDC discovery probes (RFC 9728 / RFC 8414 well-known paths) are not MCP requests:
    # Codex sends them when no bearer token is configured; they need not carry the key.
    reqs = [r for r in reqs if "/.well-known/" not in r["path"]]
    if not reqs:
        return ["server saw no request"]
    problems: list[str] = []
    want_path = urlsplit(case.path).path
    want_query = Counter(case.expected_query())
    hname = case.header_name.lower() if case.header_name else None
    for i, r in enumerate(reqs):
        where = f"request {i} ({r['method']} {r['path']})"
        if r["path"] != want_path:
            problems.append(f"{where}: path {r['path']!r}, want {want_path!r}")
        got_q = Counter(tuple(p) for p in r["query"])
        if got_q != want_query:
            problems.append(f"{where}: query {short(r['query_string'], 300)}, decoded {sorted(got_q)!r:.300}, "
                            f"want {sorted(want_query)!r:.300}")
        if hname:
            vals = [v for k, v in r["headers"] if k == hname]
            if vals != [case.header_value]:
                problems.append(f"{where}: header {case.header_name} = {[short(v) for v in vals]}, "
                                f"want {short(case.header_value)}")
        if r["status"] == 401:
            problems.append(f"{where}: server answered 401 ({r['reason']})")
    return problems


# ----------------------------------------------------------------------------------------------
# a per-test sandbox: temporary HOME / CODEX_HOME, a bin dir, minimal environment
# ----------------------------------------------------------------------------------------------
PASSTHROUGH = {"SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "NODE_EXTRA_CA_CERTS",
               "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy"}


class Sandbox:
    def __init__(self, root: Path, claude: Path | None, codex: Path | None):
        self.root = Path(root)
        self.home = self.root / "home"
        self.codex_home = self.home / ".codex"
        self.bindir = self.root / "bin"
        for d in (self.home, self.codex_home, self.bindir):
            d.mkdir(parents=True, exist_ok=True)
        self.claude, self.codex = claude, codex
        if claude:
            (self.bindir / "claude").symlink_to(claude)
        if codex:
            (self.bindir / "codex").symlink_to(codex)
        # npm's registry is not reachable here, so `npx -y mcp-remote` would hang for Claude Code's
        # 30 s health-check timeout; a stub npx that fails at once keeps `claude mcp get` fast.
        stub = self.bindir / "npx"
        stub.write_text("#!/bin/sh\necho 'npx stub (conformance rig): npm registry unreachable here' >&2\nexit 127\n")
        stub.chmod(0o755)

    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        venv_bin = str(Path(sys.executable).parent)
        env = {
            "PATH": os.pathsep.join([str(self.bindir), venv_bin, "/usr/local/bin", "/usr/bin", "/bin"]),
            "HOME": str(self.home),
            "CODEX_HOME": str(self.codex_home),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TMPDIR": os.environ.get("TMPDIR", "/tmp"),
            # Claude Code: no updater, no telemetry (there is no network but the registries anyway)
            "DISABLE_AUTOUPDATER": "1",
            "DISABLE_TELEMETRY": "1",
            "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1",
            # uvx (mcp-proxy bridge): shared warm cache, never download interpreters
            "UV_CACHE_DIR": str(uv_cache_dir()),
            "UV_PYTHON_DOWNLOADS": "never",
            "UV_NO_PROGRESS": "1",
        }
        # Network plumbing of this machine (CA bundle, proxies, package indexes) passes through,
        # so uvx reaches PyPI from the sandbox as it does outside.  Nothing else is inherited.
        for k, v in os.environ.items():
            if k in PASSTHROUGH or k.startswith(("PIP_", "UV_INDEX", "UV_DEFAULT_INDEX", "UV_NATIVE_TLS")):
                env.setdefault(k, v)
        env.update(extra or {})
        return env

    def run(self, argv: list[str], *, cwd: Path | None = None, env: dict | None = None, input: str | None = None,
            timeout: float = 90) -> subprocess.CompletedProcess:
        return subprocess.run(argv, cwd=str(cwd or self.home), env=self.env(env), input=input, capture_output=True,
                              text=True, timeout=timeout)

    def sh(self, script: str, **kw) -> subprocess.CompletedProcess:
        """Run text exactly as a user pastes it into a POSIX shell."""
        return self.run(["sh", "-c", script], **kw)


# ----------------------------------------------------------------------------------------------
# Claude Code
# ----------------------------------------------------------------------------------------------
# `claude mcp list` (Claude Code 2.1.330) prints a header line, a blank line, then one line per
# server:   NAME: TARGET - <glyph> <status>[ — <detail>]
#   TARGET  = URL + " (HTTP)" for http servers, "COMMAND ARGS..." for stdio servers
#   status  = "✔ Connected" | "✘ Failed to connect" | "⏸ Pending approval (run `claude` to approve)" | ...
# It exits 0 whatever the status.  Trailing "MCP config diagnostics" blocks may follow.
_LIST_LINE = re.compile(r"^(?P<name>[A-Za-z0-9_-]+): (?P<target>.*) - (?P<status>[✔✘⏸△⚠!][^—]*?)(?: — (?P<detail>.*))?$")


def parse_claude_list(stdout: str) -> dict[str, dict]:
    out = {}
    for line in stdout.splitlines():
        m = _LIST_LINE.match(line)
        if m:
            out[m["name"]] = {"target": m["target"], "status": m["status"].strip(), "detail": m["detail"] or ""}
    return out


def claude_list(sb: Sandbox, cwd: Path | None = None, env: dict | None = None) -> tuple[dict, subprocess.CompletedProcess]:
    cp = sb.run(["claude", "mcp", "list"], cwd=cwd, env=env, timeout=120)
    return parse_claude_list(cp.stdout), cp


def claude_config(sb: Sandbox) -> dict:
    p = sb.home / ".claude.json"
    return json.loads(p.read_text()) if p.exists() else {}


def _judge_claude_live(chk: Check, sb: Sandbox, server: ServerProcess, case: Case, *, cwd=None, env=None,
                       since: int = 0, agent: str | None = "claude-code") -> Check:
    listing, cp = claude_list(sb, cwd=cwd, env=env)
    entry = listing.get(case.name)
    if entry is None:
        return chk.fail(f"`claude mcp list` does not show {case.name!r}: {cp.stdout[-1500:]!r} {cp.stderr[-500:]!r}")
    chk.client_status, chk.client_detail = entry["status"], entry["detail"]
    if entry["status"] != "✔ Connected":
        chk.fail(f"claude mcp list: {entry['status']} — {entry['detail'][:600]}")
    else:
        chk.live += 1
    for p in wire_problems(server, case, since=since, expect_agent=agent):
        chk.fail("wire: " + p)
    if chk.ok:
        chk.outcome = "connected"
    return chk


@judged
def check_claude_command(sb: Sandbox, server: ServerProcess, case: Case, content: str) -> Check:
    """claude-code/command: pasted into sh in a temp HOME, then `claude mcp list` must connect."""
    chk = Check("claude-code/command")
    # A decoy value for the env var while the command is pasted: a command that lets the shell
    # expand ${VAR} at paste time stores the decoy, and the server then rejects it.
    paste_env = {case.env_var: "decoy-at-paste-time"} if case.credential == "env" else {}
    cp = sb.sh(content, env=paste_env)
    if cp.returncode != 0:
        return chk.fail(f"sh -c exited {cp.returncode}: {cp.stderr.strip()[-800:]}")
    servers = claude_config(sb).get("mcpServers", {})
    stored = servers.get(case.name)
    if stored is None:
        return chk.fail(f"~/.claude.json has no user-scope server {case.name!r} (has {sorted(servers)})")
    if stored.get("type") != "http":
        chk.fail(f"stored type {stored.get('type')!r}, want 'http'")
    _check_claude_stored_http(chk, stored, case, server.port)
    run_env = {case.env_var: case.key} if case.credential == "env" else {}
    return _judge_claude_live(chk, sb, server, case, env=run_env)


def _check_claude_stored_http(chk: Check, stored: dict, case: Case, port: int) -> None:
    if not same_url(stored.get("url", ""), case.url_with_key(port)):
        chk.fail(f"stored url {short(stored.get('url'), 300)}, want {short(case.url_with_key(port), 300)}")
    headers = stored.get("headers") or {}
    if case.header_name:
        want = case.header_value if case.credential == "inline" else _env_header_value(case, "${%s}" % case.env_var)
        got = {k.lower(): v for k, v in headers.items()}.get(case.header_name.lower())
        if got != want:
            chk.fail(f"stored header {case.header_name} = {short(got)}, want {short(want)}")
    if case.credential == "env" and any(case.key in str(v) for v in headers.values()):
        chk.fail("env mode, but the key itself was stored in the config")


def _env_header_value(case: Case, ref: str) -> str:
    return "Bearer " + ref if case.auth == "bearer" else ref


def claude_trust_project(sb: Sandbox, project: Path) -> None:
    """Approve a project's .mcp.json servers without the interactive prompt.

    Found by trying Claude Code 2.1.330 here:
    * `.claude/settings.local.json` (or `.claude/settings.json`) in the project with
      `{"enableAllProjectMcpServers": true}` or `{"enabledMcpjsonServers": ["NAME"]}` is honoured
      only once the folder is trusted: `~/.claude.json` -> `projects["<abs path>"]
      .hasTrustDialogAccepted = true` (what the first interactive `claude` run records).
      Without the trust flag `claude mcp list` shows `⏸ Pending approval (run `claude` to approve)`.
    * The same keys in the *user* settings `~/.claude/settings.json` work without the trust flag.
    * `projects["<abs path>"].enabledMcpjsonServers` in `~/.claude.json` works with the trust flag.
    The rig uses the first (project-local settings + trust), the one a user's first run creates.
    """
    cfg_path = sb.home / ".claude.json"
    cfg = json.loads(cfg_path.read_text()) if cfg_path.exists() else {}
    cfg.setdefault("projects", {}).setdefault(str(project.resolve()), {})["hasTrustDialogAccepted"] = True
    cfg_path.write_text(json.dumps(cfg, indent=2))
    (project / ".claude").mkdir(parents=True, exist_ok=True)
    (project / ".claude" / "settings.local.json").write_text(json.dumps({"enableAllProjectMcpServers": True}))


@judged
def check_claude_mcp_json(sb: Sandbox, server: ServerProcess, case: Case, content: str, approve: bool = True) -> Check:
    """claude-code/mcp-json: written as <project>/.mcp.json, approved, env var set: must connect."""
    chk = Check("claude-code/mcp-json")
    try:
        doc = json.loads(content)
    except ValueError as e:
        return chk.fail(f"not JSON: {e}")
    entry = (doc.get("mcpServers") or {}).get(case.name) if isinstance(doc, dict) else None
    if not isinstance(entry, dict):
        return chk.fail(f"no mcpServers.{case.name} object")
    if entry.get("type") != "http":
        chk.fail(f"type {entry.get('type')!r}, want 'http'")
    _check_claude_stored_http(chk, entry, case, server.port)
    project = sb.home / "project"
    project.mkdir(exist_ok=True)
    (project / ".mcp.json").write_text(content, encoding="utf-8")
    if approve:
        claude_trust_project(sb, project)
    run_env = {case.env_var: case.key} if case.credential == "env" else {}
    return _judge_claude_live(chk, sb, server, case, cwd=project, env=run_env)


# ----------------------------------------------------------------------------------------------
# Claude Desktop entries (stdio bridges), judged through Claude Code and mcp-remote's grammar
# ----------------------------------------------------------------------------------------------
MCP_REMOTE_HEADER = re.compile(r"^([A-Za-z0-9_-]+):\s*(.*)$")  # geelen/mcp-remote src/lib/utils.ts
MCP_REMOTE_ENVREF = re.compile(r"\$\{([^}]+)}")


def emulate_mcp_remote(args: list[str], env: dict[str, str]) -> tuple[str | None, dict[str, str], list[str]]:
    """mcp-remote's own argument handling (parseCommandLineArgs, v0.1.x), for static checks.

    Returns (server URL, headers after ${VAR} substitution, warnings).  Every `--header V` pair is
    removed first; V must match ^([A-Za-z0-9_-]+):\\s*(.*)$ or it is ignored with a warning; the
    first remaining arg is the URL; ${NAME} in header values is replaced, in one pass, from the
    process environment (the config's `env` block), an unset NAME becoming ''.
    """
    args = list(args)
    headers: dict[str, str] = {}
    warnings: list[str] = []
    i = 0
    while i < len(args):
        if args[i] == "--header" and i < len(args) - 1:
            v = args[i + 1]
            m = MCP_REMOTE_HEADER.match(v) if "\n" not in v else None
            if m:
                headers[m[1]] = m[2]
            else:
                warnings.append(f"ignoring invalid header argument: {short(v)}")
            del args[i:i + 2]
            continue
        i += 1
    url = args[0] if args else None

    def sub(m):
        if m[1] in env:
            return env[m[1]]
        warnings.append(f"environment variable {m[1]!r} not found")
        return ""

    headers = {k: MCP_REMOTE_ENVREF.sub(sub, v) for k, v in headers.items()}
    return url, headers, warnings


def _desktop_entry(chk: Check, content: str, name: str) -> dict | None:
    try:
        doc = json.loads(content)
    except ValueError as e:
        chk.fail(f"not JSON: {e}")
        return None
    if not isinstance(doc, dict) or set(doc) != {"mcpServers"}:
        chk.fail(f"top level must be exactly {{'mcpServers': ...}}, got keys {list(doc) if isinstance(doc, dict) else doc!r}")
        return None
    entry = doc["mcpServers"].get(name)
    if not isinstance(entry, dict):
        chk.fail(f"no mcpServers.{name} object")
        return None
    if not isinstance(entry.get("command"), str) or not isinstance(entry.get("args", []), list) \
            or not all(isinstance(a, str) for a in entry.get("args", [])) \
            or not isinstance(entry.get("env", {}), dict):
        chk.fail(f"entry is not a stdio entry (command: str, args: [str], env: {{str: str}}): {entry!r:.300}")
        return None
    return entry


def claude_accepts_stdio_entry(chk: Check, sb: Sandbox, name: str, entry: dict, get: bool = True) -> None:
    """`claude mcp add-json NAME '<entry>'` accepted and shown back by `claude mcp get NAME`."""
    cp = sb.run(["claude", "mcp", "add-json", "--scope", "user", name, json.dumps(entry)])
    if cp.returncode != 0:
        chk.fail(f"claude mcp add-json rejected the entry: {(cp.stderr or cp.stdout).strip()[:500]}")
        return
    stored = claude_config(sb).get("mcpServers", {}).get(name)
    norm = lambda e: {k: v for k, v in (e or {}).items() if not (k == "type" and v == "stdio")}  # noqa: E731
    if norm(stored) != norm(entry):
        chk.fail(f"~/.claude.json holds {stored!r:.400}, want {entry!r:.400}")
    if get:
        cp = sb.run(["claude", "mcp", "get", name], timeout=60)
        if "Type: stdio" not in cp.stdout or f"Command: {entry['command']}" not in cp.stdout:
            chk.fail(f"claude mcp get {name} does not show a stdio {entry['command']} server: {cp.stdout[:600]!r}")


@judged
def check_desktop_config(sb: Sandbox, port: int, case: Case, content: str) -> Check:
    """claude-desktop/config (npx mcp-remote): static grammar + Claude Code accepts the entry.

    Live is impossible here: npx fetches mcp-remote from npm, and only Debian and PyPI are reachable.
    """
    chk = Check("claude-desktop/config")
    entry = _desktop_entry(chk, content, case.name)
    if entry is None:
        return chk
    args, env = entry.get("args", []), entry.get("env", {})
    if entry["command"] != "npx":
        chk.fail(f"command {entry['command']!r}, want 'npx'")
    if len(args) < 3 or args[0] != "-y" or not re.fullmatch(r"mcp-remote(@[\w.\-]+)?", args[1]):
        chk.fail(f"args must start with ['-y', 'mcp-remote'], got {args[:2]!r}")
    spaced = [a for a in args if re.search(r"\s", a)]
    if spaced:
        chk.fail(f"args with whitespace break npx on Windows (mcp-remote README): {[short(a) for a in spaced]}")
    url, headers, warnings = emulate_mcp_remote(args[2:], env)
    for w in warnings:
        chk.fail("mcp-remote would warn: " + w)
    if not url or not same_url(url, case.url_with_key(port)):
        chk.fail(f"mcp-remote would connect to {short(url, 300)}, want {short(case.url_with_key(port), 300)}")
    want = {case.header_name.lower(): case.header_value} if case.header_name else {}
    got = {k.lower(): v for k, v in headers.items()}
    if got != want:
        chk.fail(f"mcp-remote would send headers {({k: short(v) for k, v in got.items()})}, "
                 f"want {({k: short(v) for k, v in want.items()})}")
    if chk.ok:
        claude_accepts_stdio_entry(chk, sb, case.name, entry)
    if chk.ok:
        chk.outcome = "parsed"
    return chk


@judged
def check_desktop_uvx(sb: Sandbox, server: ServerProcess, case: Case, content: str) -> Check:
    """claude-desktop/config-uvx (uvx mcp-proxy): Claude Code runs the entry as a stdio server."""
    chk = Check("claude-desktop/config-uvx")
    entry = _desktop_entry(chk, content, case.name)
    if entry is None:
        return chk
    if entry["command"] != "uvx":
        chk.fail(f"command {entry['command']!r}, want 'uvx'")
    claude_accepts_stdio_entry(chk, sb, case.name, entry, get=False)
    if not chk.ok:
        return chk
    return _judge_claude_live(chk, sb, server, case, agent="python-httpx")


# ----------------------------------------------------------------------------------------------
# Codex
# ----------------------------------------------------------------------------------------------
def codex_get(sb: Sandbox, name: str) -> tuple[dict | None, subprocess.CompletedProcess]:
    cp = sb.run(["codex", "mcp", "get", name, "--json"])
    try:
        return json.loads(cp.stdout), cp
    except ValueError:
        return None, cp


def codex_status(sb: Sandbox, name: str, env: dict | None = None, timeout: float = 60) -> dict | None:
    """Connect Codex to the configured MCP servers without any model or login.

    `codex app-server` speaks JSON-RPC (one JSON object per line) on stdio.  After `initialize`
    and `initialized`, `mcpServerStatus/list` makes Codex start every configured MCP server, run
    the MCP handshake and list tools; each entry carries `serverInfo`, `tools`, `authStatus` and,
    on failure, `toolsError` holding the client's error (e.g. 'HTTP 401: ...').
    """
    p = subprocess.Popen(["codex", "app-server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True, cwd=str(sb.home), env=sb.env(env))
    try:
        def send(o):
            p.stdin.write(json.dumps(o) + "\n")
            p.stdin.flush()

        def recv(want_id):
            end = time.time() + timeout
            while time.time() < end:
                r, _, _ = select.select([p.stdout], [], [], 0.5)
                if r:
                    line = p.stdout.readline()
                    if not line:
                        return None
                    try:
                        m = json.loads(line)
                    except ValueError:
                        continue
                    if m.get("id") == want_id:
                        return m
            return None

        send({"id": 1, "method": "initialize", "params": {"clientInfo": {"name": "mcp-setup-conformance", "version": "1"}}})
        if not recv(1):
            return None
        send({"method": "initialized"})
        send({"id": 2, "method": "mcpServerStatus/list", "params": {"serverName": name}})
        resp = recv(2)
        if not resp or "result" not in resp:
            return {"_error": resp}
        for item in resp["result"].get("data", []):
            if item.get("name") == name:
                return item
        return {"_error": f"{name} not in {[i.get('name') for i in resp['result'].get('data', [])]}"}
    finally:
        try:
            p.stdin.close()
        except Exception:
            pass
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def _judge_codex(chk: Check, sb: Sandbox, server: ServerProcess, case: Case, live: bool = True) -> Check:
    got, cp = codex_get(sb, case.name)
    if got is None:
        return chk.fail(f"codex mcp get {case.name} --json failed ({cp.returncode}): {cp.stderr.strip()[-600:]}")
    t = got.get("transport") or {}
    if t.get("type") != "streamable_http":
        chk.fail(f"transport.type {t.get('type')!r}, want 'streamable_http'")
    if not same_url(t.get("url") or "", case.url_with_key(server.port)):
        chk.fail(f"url {short(t.get('url'), 300)}, want {short(case.url_with_key(server.port), 300)}")
    hdrs = {k.lower(): v for k, v in (t.get("http_headers") or {}).items()}
    env_hdrs = {k.lower(): v for k, v in (t.get("env_http_headers") or {}).items()}
    bearer_var = t.get("bearer_token_env_var")
    h = case.header_name.lower() if case.header_name else None
    if case.credential == "env" and h:
        ok = (case.auth == "bearer" and bearer_var == case.env_var and not hdrs.get(h)) or \
             (env_hdrs.get(h) == case.env_var and not bearer_var and case.auth != "bearer")
        if not ok:
            chk.fail(f"env mode: bearer_token_env_var={bearer_var!r} env_http_headers={t.get('env_http_headers')!r} "
                     f"http_headers={t.get('http_headers')!r}; want the key read from ${case.env_var}")
        if any(case.key in str(v) for v in (t.get("http_headers") or {}).values()):
            chk.fail("env mode, but the key itself is in http_headers")
    elif h:
        if case.auth == "bearer" and bearer_var == case.env_var and not hdrs.get(h):
            # `codex mcp add` cannot carry an inline key: the command reads it from VAR instead,
            # and the user must export VAR (the artifact's notes must say so; see test_codex.py).
            chk.note(f"inline key delivered through ${case.env_var} (bearer_token_env_var)")
        elif hdrs.get(h) != case.header_value or bearer_var:
            chk.fail(f"inline: http_headers={ {k: short(v) for k, v in hdrs.items()} } bearer_token_env_var={bearer_var!r}; "
                     f"want {case.header_name}: {short(case.header_value)}")
    if not live or not chk.ok:
        return chk
    since = server.mark()
    # Codex reads env vars for bearer_token_env_var / env_http_headers when it connects.
    needs_env = case.credential == "env" or bearer_var == case.env_var
    status = codex_status(sb, case.name, env={case.env_var: case.key} if needs_env else {})
    if not status or "_error" in status:
        return chk.fail(f"codex app-server mcpServerStatus/list gave no status: {status!r:.600}")
    chk.client_status = "connected" if status.get("serverInfo") and not status.get("toolsError") else "failed"
    chk.client_detail = status.get("toolsError") or ""
    if chk.client_status != "connected" or "echo" not in (status.get("tools") or {}):
        chk.fail(f"codex did not connect: toolsError={short(status.get('toolsError'), 600)}")
    else:
        chk.live += 1
    for p in wire_problems(server, case, since=since, expect_agent=None):
        chk.fail("wire: " + p)
    if chk.ok:
        chk.outcome = "connected"
    return chk


@judged
def check_codex_command(sb: Sandbox, server: ServerProcess, case: Case, content: str, live: bool = True) -> Check:
    """codex/command: pasted into sh (CODEX_HOME in the temp home), then parsed and connected."""
    chk = Check("codex/command")
    cp = sb.sh(content, env={case.env_var: "decoy-at-paste-time"})
    if cp.returncode != 0:
        return chk.fail(f"sh -c exited {cp.returncode}: {cp.stderr.strip()[-800:]}")
    return _judge_codex(chk, sb, server, case, live=live)


@judged
def check_codex_config(sb: Sandbox, server: ServerProcess, case: Case, content: str, live: bool = True) -> Check:
    """codex/config: written to $CODEX_HOME/config.toml, then parsed and connected."""
    chk = Check("codex/config")
    if tomllib is not None:
        try:
            doc = tomllib.loads(content)
        except Exception as e:
            return chk.fail(f"not TOML: {e}")
        if case.name not in (doc.get("mcp_servers") or {}):
            return chk.fail(f"no [mcp_servers.{case.name}] table")
        unknown = set(doc["mcp_servers"][case.name]) - {
            "url", "bearer_token_env_var", "http_headers", "env_http_headers", "enabled", "required",
            "startup_timeout_sec", "tool_timeout_sec", "enabled_tools", "disabled_tools", "scopes", "oauth",
            "oauth_resource", "http_headers_helper"}
        if unknown:
            chk.fail(f"keys Codex ignores or rejects: {sorted(unknown)}")
    (sb.codex_home / "config.toml").write_text(content, encoding="utf-8")
    return _judge_codex(chk, sb, server, case, live=live)


# ----------------------------------------------------------------------------------------------
# URL comparison
# ----------------------------------------------------------------------------------------------
def same_url(a: str, b: str) -> bool:
    """Same scheme, host, port, path and decoded query multiset (order and %-case may differ)."""
    try:
        pa, pb = urlsplit(a), urlsplit(b)
    except ValueError:
        return False
    return (pa.scheme, pa.hostname, pa.port, pa.path, pa.fragment) == (pb.scheme, pb.hostname, pb.port, pb.path, pb.fragment) \
        and Counter(parse_qsl(pa.query, keep_blank_values=True)) == Counter(parse_qsl(pb.query, keep_blank_values=True))


# ----------------------------------------------------------------------------------------------
# the mcp-setup CLI
# ----------------------------------------------------------------------------------------------
class MCPSetupCLI:
    """Calls `mcp-setup render` the way the suite needs it.

    Credential modes map to flags as follows (override the env form with MCP_SETUP_ENV_ARGS, a
    template such as '--env-var {var} --token-env {var}'):
      inline -> --token-stdin (the key on stdin)
      env    -> --env-var VAR --token-env VAR  (run with VAR *unset*: the CLI must not need the key)
    """

    def __init__(self, path: Path):
        self.path = Path(path)

    def args(self, case: Case, endpoint: str) -> tuple[list[str], str | None]:
        a = [str(self.path), "render", "--name", case.name, "--title", case.title, "--endpoint", endpoint,
             "--auth", case.auth]
        if case.credential == "inline":
            return a + ["--token-stdin"], case.key
        if case.credential == "env":
            tmpl = os.environ.get("MCP_SETUP_ENV_ARGS", "--env-var {var} --token-env {var}")
            return a + [t.format(var=case.env_var) for t in tmpl.split()], None
        if case.credential == "placeholder":
            return a + ["--env-var", case.env_var, "--placeholder"], None
        raise ValueError(case.credential)

    def _run(self, argv, stdin, env_drop: str) -> subprocess.CompletedProcess:
        import tempfile
        env = {k: v for k, v in os.environ.items() if k != env_drop}
        # An empty cwd: `render` reads ./mcp-setup.yml when present, which would mix a project's
        # settings into the flags under test.
        with tempfile.TemporaryDirectory(prefix="mcp-setup-cli-") as cwd:
            return subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=60, env=env, cwd=cwd)

    def manifest(self, case: Case, endpoint: str) -> dict:
        argv, stdin = self.args(case, endpoint)
        cp = self._run(argv + ["--format", "json"], stdin, case.env_var)
        if cp.returncode != 0:
            raise CLIError(argv, cp)
        try:
            return json.loads(cp.stdout)
        except ValueError as e:
            raise CLIError(argv, cp, f"stdout is not JSON: {e}")

    def raw(self, case: Case, endpoint: str, artifact_id: str) -> str:
        argv, stdin = self.args(case, endpoint)
        cp = self._run(argv + ["--artifact", artifact_id, "--raw"], stdin, case.env_var)
        if cp.returncode != 0:
            raise CLIError(argv, cp)
        return cp.stdout


class CLIError(Exception):
    def __init__(self, argv, cp, msg=""):
        super().__init__(f"{msg or 'mcp-setup failed'} (exit {cp.returncode}): {' '.join(argv[1:])[:300]}\n"
                         f"stderr: {cp.stderr.strip()[:800]}\nstdout: {cp.stdout[:300]!r}")
        self.cp = cp


def find_artifact(manifest: dict, artifact_id: str) -> dict | None:
    for client in manifest.get("clients", []):
        for art in client.get("artifacts", []):
            if art.get("id") == artifact_id:
                return art
    return None


def render_checked(cli: MCPSetupCLI, case: Case, port: int, artifact_id: str) -> tuple[dict | None, str | None, list[str]]:
    """Render one artifact through the CLI and check the manifest around it.

    Returns (artifact, content or None when unavailable, problems).  Problems are contract
    violations of the manifest itself (credential field, --raw vs content, argv vs content, the key
    leaking in env mode, the secret flag).
    """
    import shlex

    problems: list[str] = []
    endpoint = case.endpoint(port)
    manifest = cli.manifest(case, endpoint)
    if manifest.get("schema") != 2:
        problems.append(f"manifest schema {manifest.get('schema')!r}, want 2")
    want_cred = {"inline": "inline", "env": "env", "placeholder": "placeholder"}[case.credential]
    if manifest.get("credential") != want_cred:
        problems.append(f"manifest credential {manifest.get('credential')!r}, want {want_cred!r}")
    if case.credential != "inline" and case.key in json.dumps(manifest):
        problems.append("the key appears in a manifest rendered without it")
    art = find_artifact(manifest, artifact_id)
    if art is None:
        ids = [a.get("id") for c in manifest.get("clients", []) for a in c.get("artifacts", [])]
        problems.append(f"no artifact {artifact_id!r} in manifest (has {ids})")
        return None, None, problems
    if not art.get("available", False):
        if art.get("content") is not None:
            problems.append("unavailable artifact has non-null content")
        if not art.get("reason"):
            problems.append("unavailable artifact has no reason")
        return art, None, problems
    content = art.get("content")
    if not isinstance(content, str):
        problems.append(f"content is {type(content).__name__}, want string")
        return art, None, problems
    raw = cli.raw(case, endpoint, artifact_id)
    if raw != content and raw != content + "\n":
        problems.append(f"--raw output differs from manifest content: {short(raw, 200)} vs {short(content, 200)}")
    if art.get("kind") == "command" and art.get("shell", "posix") == "posix" and "argv" in art:
        try:
            words = shlex.split(content, posix=True)
        except ValueError as e:
            words = [f"<unsplittable: {e}>"]
        if words != art["argv"]:
            problems.append(f"argv field differs from the command's shell words: {short(str(art['argv']), 300)} vs "
                            f"{short(str(words), 300)}")
    from urllib.parse import quote
    if case.credential == "inline" and (case.key in content or quote(case.key, safe="") in content) \
            and art.get("secret") is not True:
        problems.append("content holds the key but secret is not true")
    return art, content, problems
