"""Fixtures for the conformance suite and the end-of-run summary table.

Each test gets its own sandbox (temporary HOME and CODEX_HOME, a bin dir with the real clients,
a minimal environment), starts its own server(s) on 127.0.0.1, and records what the real client
said through ``record``.  The table printed at the end groups those records by
source (cli | reference) x client x artifact x credential mode.
"""
from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import rig  # noqa: E402
from cases import Case  # noqa: E402

_ROWS_KEY = "conformance_rows"


# ----------------------------------------------------------------------------------------------
# binaries
# ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def claude_bin() -> Path:
    p = rig.find_client("claude")
    if not p:
        pytest.skip("Claude Code not installed: run Tests/Conformance/install_clients.py")
    return p


@pytest.fixture(scope="session")
def codex_bin() -> Path:
    p = rig.find_client("codex")
    if not p:
        pytest.skip("Codex not installed: run Tests/Conformance/install_clients.py")
    return p


@pytest.fixture(scope="session")
def uvx_bin() -> Path:
    p = rig.find_uvx()
    if not p:
        pytest.skip("uvx not installed (pip install uv)")
    return p


@pytest.fixture(scope="session")
def mcp_setup() -> rig.MCPSetupCLI:
    try:
        p = rig.find_mcp_setup()
    except FileNotFoundError as e:
        pytest.fail(str(e))
    if not p:
        pytest.skip("mcp-setup binary not found: set MCP_SETUP_BIN or build .build/{release,debug}/mcp-setup")
    return rig.MCPSetupCLI(p)


# ----------------------------------------------------------------------------------------------
# sandbox and servers
# ----------------------------------------------------------------------------------------------
@pytest.fixture
def sandbox(tmp_path, claude_bin, codex_bin) -> rig.Sandbox:
    return rig.Sandbox(tmp_path / "sb", claude_bin, codex_bin)


@pytest.fixture
def start_server(tmp_path):
    """start_server(case) -> a running ServerProcess that accepts exactly case's key."""
    servers: list[rig.ServerProcess] = []

    def start(case: Case, key: str | None = None) -> rig.ServerProcess:
        s = rig.ServerProcess(tmp_path / f"server{len(servers)}", case.auth, case.key if key is None else key,
                              case.path)
        servers.append(s)
        return s.start()

    yield start
    for s in servers:
        s.stop()


# ----------------------------------------------------------------------------------------------
# recording results for the summary table
# ----------------------------------------------------------------------------------------------
@pytest.fixture
def record(request):
    """record(check, case, source='cli'|'reference', outcome=None): one row of the summary table."""

    def _record(chk: rig.Check, case: Case, source: str = "cli", outcome: str | None = None) -> None:
        rows = request.node.stash.setdefault(_ROWS, [])
        rows.append({
            "source": source,
            "client": chk.artifact.split("/")[0],
            "artifact": chk.artifact,
            "credential": case.credential,
            "auth": case.auth,
            "outcome": outcome or chk.outcome,
            "live": chk.live,
            "via": "codex" if chk.artifact.startswith("codex") else "claude-code",
            "test": request.node.nodeid,
        })

    return _record


_ROWS = pytest.StashKey[list]()
_ALL_ROWS: list[dict] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    if rep.when == "call" or (rep.when == "setup" and rep.skipped):
        rows = item.stash.get(_ROWS, [])
        for r in rows:
            if rep.failed:
                r["outcome"] = "failed"
                r["live"] = r["live"] if r["live"] else 0
            _ALL_ROWS.append(r)
        if not rows and rep.skipped and "conformance" in item.keywords:
            m = item.get_closest_marker("conformance")
            _ALL_ROWS.append({"source": m.kwargs.get("source", "cli"), "client": m.kwargs["artifact"].split("/")[0],
                              "artifact": m.kwargs["artifact"], "credential": m.kwargs.get("credential", "-"),
                              "auth": "-", "outcome": "skipped", "live": 0, "via": "-", "test": item.nodeid})
        elif not rows and rep.failed and "conformance" in item.keywords:
            m = item.get_closest_marker("conformance")
            _ALL_ROWS.append({"source": m.kwargs.get("source", "cli"), "client": m.kwargs["artifact"].split("/")[0],
                              "artifact": m.kwargs["artifact"], "credential": m.kwargs.get("credential", "-"),
                              "auth": "-", "outcome": "failed", "live": 0, "via": "-", "test": item.nodeid})


def pytest_configure(config):
    config.addinivalue_line("markers", "conformance(artifact, credential, source): summary-table row for a test")


OUTCOMES = ("connected", "parsed", "rejected", "detected", "unavailable", "skipped", "failed")


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not _ALL_ROWS:
        return
    tr = terminalreporter
    table: dict[tuple, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in _ALL_ROWS:
        table[(r["source"], r["artifact"], r["credential"])][r["outcome"]] += 1
    tr.write_sep("=", "conformance summary: source x artifact x credential -> outcomes")
    head = f"{'source':<10} {'artifact':<28} {'cred':<7} " + " ".join(f"{o:>11}" for o in OUTCOMES)
    tr.write_line(head)
    tr.write_line("-" * len(head))
    for key in sorted(table):
        counts = table[key]
        tr.write_line(f"{key[0]:<10} {key[1]:<28} {key[2]:<7} " + " ".join(f"{counts.get(o, 0) or '.':>11}" for o in OUTCOMES))
    live_claude = sum(r["live"] for r in _ALL_ROWS if r["via"] == "claude-code")
    live_codex = sum(r["live"] for r in _ALL_ROWS if r["via"] == "codex")
    tr.write_line("-" * len(head))
    tr.write_line(f"live connections reported by the real clients: Claude Code {live_claude}, Codex {live_codex}")
    tr.write_line("outcomes: connected = the client connected and the server saw exactly the intended request; "
                  "parsed = the client accepted and read back the artifact (no live path); rejected = a wrong key was "
                  "reported as a failure by the client; detected = a corrupted artifact was caught by the rig")
    out = os.environ.get("CONFORMANCE_RESULTS")
    if out:
        Path(out).write_text(json.dumps(_ALL_ROWS, indent=1))


# ----------------------------------------------------------------------------------------------
# running one CLI-rendered artifact through its check
# ----------------------------------------------------------------------------------------------
@pytest.fixture
def run_cli(mcp_setup, sandbox, start_server, record):
    """run_cli(case, artifact_id, checker, required=True) -> Check.

    Starts a server for the case, renders the artifact with the mcp-setup CLI against it, runs
    checker(sandbox, server, case, content), records the row and asserts.  An unavailable artifact
    passes only when required=False (and the manifest says why).
    """

    def _run(case: Case, artifact_id: str, checker, required: bool = True, server_key: str | None = None,
             expect: str = "ok") -> rig.Check:
        srv = start_server(case, key=server_key)
        try:
            art, content, problems = rig.render_checked(mcp_setup, case, srv.port, artifact_id)
        except rig.CLIError as e:
            chk = rig.Check(artifact_id).fail(str(e))
            record(chk, case)
            pytest.fail(chk.report())
        if content is None:
            chk = rig.Check(artifact_id, outcome="unavailable",
                            details=[f"reason: {art.get('reason') if art else 'artifact missing'}"])
            for p in problems:
                chk.fail("manifest: " + p)
            if required:
                chk.fail(f"{artifact_id} must be available for {case.describe()}")
            record(chk, case)
            assert chk.ok, chk.report()
            return chk
        chk = checker(sandbox, srv, case, content)
        chk.manifest_artifact = art
        for p in problems:
            chk.fail("manifest: " + p)
        if expect == "rejected":
            # a wrong key: the client must report the failure (and nothing else may be wrong)
            chk.outcome = "rejected" if chk.client_status.startswith(("✘", "failed")) else "failed"
            record(chk, case)
            assert chk.outcome == "rejected", chk.report()
            return chk
        record(chk, case)
        assert chk.ok, f"input: {case!r:.600}\ncontent: {content[:1500]!r}\n" + chk.report()
        return chk

    return _run
