"""Pins of real-client behaviour the generator depends on (hand-written entries, live).

If a client release changes one of these, the test says so, and mcp-setup's rules (and
shared/reference/clients.md) need a look.
"""
from __future__ import annotations

import json

import cases as C
import reference_artifacts as ref
import rig
from cases import Case

REF = "reference"
KEY = C.DOLLAR_BRACE_KEY  # 'sk_${HOME}_${NOPE:-x}_end'


def test_claude_expands_dollar_brace_in_inline_header(sandbox, start_server, record):
    """Inline header values in ~/.claude.json are ${VAR}-expanded: the server sees $HOME's value."""
    case = Case(path=C.ENDPOINTS["plain"], key=KEY, label="inline-dollar-brace")
    srv = start_server(case)
    chk = rig.check_claude_command(sandbox, srv, case, ref.claude_command(case, srv.port))
    record(chk, case, REF, outcome="detected" if not chk.ok else "failed")
    assert not chk.ok and str(sandbox.home) in chk.report(), chk.report()


def test_claude_reexpands_env_value(sandbox, start_server, record):
    """`Bearer ${ACME_API_KEY}` with ACME_API_KEY='sk_${HOME}...': the value is expanded again."""
    case = Case(path=C.ENDPOINTS["plain"], key=KEY, credential="env", label="env-dollar-brace")
    srv = start_server(case)
    chk = rig.check_claude_command(sandbox, srv, case, ref.claude_command(case, srv.port))
    record(chk, case, REF, outcome="detected" if not chk.ok else "failed")
    assert not chk.ok and str(sandbox.home) in chk.report(), chk.report()


def test_claude_headers_helper_is_not_expanded(sandbox, start_server, record):
    """A `headersHelper` command's output is used as is: a working route for keys holding `${`.
    Entry: {"type":"http","url":URL,"headersHelper":"printf '%s' '<JSON of the headers>'"}."""
    case = Case(path=C.ENDPOINTS["query"], key=KEY + "'\"`$(x)\\", label="headers-helper")
    srv = start_server(case)
    helper = "printf '%s' " + ref.q(json.dumps({"Authorization": case.header_value}))
    entry = {"type": "http", "url": case.url_with_key(srv.port), "headersHelper": helper}
    chk = rig.Check("claude-code/add-json")
    cp = sandbox.run(["claude", "mcp", "add-json", "--scope", "user", case.name, json.dumps(entry)])
    assert cp.returncode == 0, cp.stderr
    chk = rig._judge_claude_live(chk, sandbox, srv, case)
    record(chk, case, REF)
    assert chk.ok, chk.report()


def test_claude_user_scope_expands_env(sandbox, start_server, record):
    """clients.md open question 4: ${VAR} in headers also expands for user scope (~/.claude.json),
    not only in .mcp.json.  (Covered live by every env-mode claude-code/command case; pinned here.)"""
    case = Case(path=C.ENDPOINTS["hostile_query"], key=C.KEYS["all"], credential="env", label="user-scope-env")
    srv = start_server(case)
    chk = rig.check_claude_command(sandbox, srv, case, ref.claude_command(case, srv.port))
    record(chk, case, REF)
    assert chk.ok, chk.report()
    stored = rig.claude_config(sandbox)["mcpServers"][case.name]["headers"]["Authorization"]
    assert stored == "Bearer ${ACME_API_KEY}"


def test_claude_wrong_key_reports_401(sandbox, start_server, record):
    """Format pin: `NAME: URL (HTTP) - ✘ Failed to connect — Server rejected the configured
    Authorization header (HTTP 401). ... Error detail: <server body>`."""
    case = Case(path=C.ENDPOINTS["plain"], key=C.KEYS["simple"], label="wrong-key")
    srv = start_server(case, key="sk_other")
    chk = rig.check_claude_command(sandbox, srv, case, ref.claude_command(case, srv.port))
    record(chk, case, REF, outcome="rejected" if chk.client_status.startswith("✘") else "failed")
    assert chk.client_status == "✘ Failed to connect"
    assert "(HTTP 401)" in chk.client_detail and "Authorization header value mismatch" in chk.client_detail
