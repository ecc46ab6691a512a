"""Live proof of the stdio-bridge shape for a future `claude-desktop/config-uvx` artifact.

Hand-written entries (reference_artifacts.desktop_uvx), run by the real Claude Code as a stdio
server: Claude Code starts `uvx mcp-proxy@0.13.0 --transport streamablehttp ... URL`, mcp-proxy
(PyPI) connects to our server over Streamable HTTP, and the server checks the key.

Shape that works (mcp-proxy 0.13.0, uv 0.13.x, Claude Code 2.1.330):
  bearer  {"command": "uvx", "args": ["mcp-proxy@0.13.0", "--transport", "streamablehttp", URL],
           "env": {"API_ACCESS_TOKEN": KEY}}          (mcp-proxy sends Authorization: Bearer KEY)
     or   args [..., "-H", "Authorization", "Bearer KEY", URL]
  header  args [..., "-H", NAME, KEY, URL]            (KEY must not start with '-': argparse)
  query   args [..., URL-with-encoded-key]
"""
from __future__ import annotations

import json
import subprocess

import pytest

import cases as C
import reference_artifacts as ref
import rig
from cases import Case

REF = "reference"


@pytest.fixture(scope="session")
def warm_uvx(uvx_bin, tmp_path_factory):
    """Fill the shared uv cache once, so Claude Code's first health check is not a cold install."""
    sb = rig.Sandbox(tmp_path_factory.mktemp("uvwarm"), None, None)
    cp = sb.run(["uvx", rig.MCP_PROXY_SPEC, "--version"], timeout=300)
    if cp.returncode != 0:
        pytest.skip(f"uvx {rig.MCP_PROXY_SPEC} unavailable: {cp.stderr[-500:]}")
    return cp.stdout.strip()


@pytest.mark.parametrize("case", C.UVX_CASES, ids=[C.ident(c.label) for c in C.UVX_CASES])
def test_reference_uvx_live(case, warm_uvx, sandbox, start_server, record):
    srv = start_server(case)
    chk = rig.check_desktop_uvx(sandbox, srv, case, ref.desktop_uvx(case, srv.port))
    record(chk, case, REF)
    assert chk.ok, chk.report()


@pytest.mark.parametrize("key_label", ["quotes", "long"])
def test_reference_uvx_bearer_in_args_live(key_label, warm_uvx, sandbox, start_server, record):
    case = Case(path=C.ENDPOINTS["hostile_query"], key=C.KEYS[key_label], label=f"bearer-args-{key_label}")
    srv = start_server(case)
    chk = rig.check_desktop_uvx(sandbox, srv, case, ref.desktop_uvx(case, srv.port, bearer_via="args"))
    record(chk, case, REF)
    assert chk.ok, chk.report()


def test_uvx_header_key_starting_with_dash_breaks(warm_uvx, sandbox, start_server, record):
    """Finding: `-H NAME VALUE` is argparse nargs=2, so a VALUE starting with '-' is read as an
    option and mcp-proxy exits with a usage error.  A generator must not emit that (bearer keys are
    safe: their value starts with 'Bearer ', or use env API_ACCESS_TOKEN)."""
    case = Case(path=C.ENDPOINTS["plain"], auth="header:X-Api-Key", key=C.KEYS["dash"], label="header-dash")
    srv = start_server(case)
    chk = rig.check_desktop_uvx(sandbox, srv, case, ref.desktop_uvx(case, srv.port))
    record(chk, case, REF, outcome="detected" if not chk.ok else "failed")
    assert not chk.ok and "Failed to connect" in chk.report(), chk.report()


def test_mcp_proxy_cli_shape(warm_uvx, sandbox):
    """The flags the shape relies on exist in the pinned mcp-proxy."""
    cp = sandbox.run(["uvx", rig.MCP_PROXY_SPEC, "--help"], timeout=120)
    assert cp.returncode == 0, cp.stderr
    for flag in ("--transport {sse,streamablehttp}", "-H KEY VALUE, --headers KEY VALUE"):
        assert flag in cp.stdout, flag
