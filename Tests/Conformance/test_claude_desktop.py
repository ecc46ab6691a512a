"""Claude Desktop artifacts rendered by the mcp-setup CLI.

claude-desktop/config      (npx mcp-remote bridge): npm is unreachable here, so no live run.
    Checked statically against mcp-remote's own argument grammar (rig.emulate_mcp_remote:
    `--header` value must match ^[A-Za-z0-9_-]+:\\s*.*$, ${VAR} filled from `env`, no whitespace
    in args), and the entry must be accepted by Claude Code as a stdio server
    (`claude mcp add-json NAME '<entry>'`, shown by `claude mcp get NAME`).
claude-desktop/config-uvx  (uvx mcp-proxy bridge): run live by Claude Code as a stdio server.
    Optional until mcp-setup emits it.
"""
from __future__ import annotations

import pytest

import cases as C
import rig

T = C.HOSTILE_TITLE
DESK = [c.with_(title=T) for c in C.DESKTOP_CASES]
UVX = [c.with_(title=T) for c in C.UVX_CASES]


@pytest.mark.conformance(artifact="claude-desktop/config")
@pytest.mark.parametrize("case", DESK, ids=[C.ident(c.label) for c in DESK])
def test_config(case, run_cli):
    run_cli(case, "claude-desktop/config", lambda sb, srv, c, content: rig.check_desktop_config(sb, srv.port, c, content))


@pytest.fixture(scope="session")
def uvx_ready(uvx_bin, tmp_path_factory):
    sb = rig.Sandbox(tmp_path_factory.mktemp("uvwarm"), None, None)
    cp = sb.run(["uvx", rig.MCP_PROXY_SPEC, "--version"], timeout=300)
    if cp.returncode != 0:
        pytest.skip(f"uvx {rig.MCP_PROXY_SPEC} unavailable: {cp.stderr[-500:]}")


@pytest.mark.conformance(artifact="claude-desktop/config-uvx")
@pytest.mark.parametrize("case", UVX, ids=[C.ident(c.label) for c in UVX])
def test_config_uvx(case, uvx_ready, mcp_setup, run_cli):
    # skip cleanly while the CLI does not know the artifact yet
    man = mcp_setup.manifest(case, case.endpoint(1))
    if rig.find_artifact(man, "claude-desktop/config-uvx") is None:
        pytest.skip("mcp-setup does not emit claude-desktop/config-uvx yet")
    run_cli(case, "claude-desktop/config-uvx", rig.check_desktop_uvx)
