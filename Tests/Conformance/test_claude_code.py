"""Claude Code artifacts rendered by the mcp-setup CLI, run in the real Claude Code.

claude-code/command  pasted into `sh -c` in a temporary HOME; `claude mcp list` must print
                     `NAME: URL (HTTP) - ✔ Connected` and the server must have seen exactly the
                     intended header / query.
claude-code/mcp-json written as <project>/.mcp.json; the project is approved without the prompt
                     (see rig.claude_trust_project: `.claude/settings.local.json`
                     `{"enableAllProjectMcpServers": true}` plus `~/.claude.json`
                     `projects[<abs path>].hasTrustDialogAccepted = true`); env var set; connected.
"""
from __future__ import annotations

import pytest

import cases as C
import rig
from cases import Case

T = C.HOSTILE_TITLE


def _cli_cases(cs):
    # Hostile title everywhere; every third case also uses a longer, hyphenated name.
    return [c.with_(title=T, name="acme-prod-2" if i % 3 == 2 else c.name) for i, c in enumerate(cs)]


CMD = _cli_cases(C.CLAUDE_COMMAND_CASES)
JSN = _cli_cases(C.CLAUDE_MCP_JSON_CASES)


@pytest.mark.conformance(artifact="claude-code/command")
@pytest.mark.parametrize("case", CMD, ids=[C.ident(c.label) for c in CMD])
def test_command(case, run_cli):
    run_cli(case, "claude-code/command", rig.check_claude_command)


@pytest.mark.conformance(artifact="claude-code/mcp-json")
@pytest.mark.parametrize("case", JSN, ids=[C.ident(c.label) for c in JSN])
def test_mcp_json(case, run_cli):
    run_cli(case, "claude-code/mcp-json", rig.check_claude_mcp_json)


@pytest.mark.conformance(artifact="claude-code/command")
@pytest.mark.parametrize("auth", C.AUTH_MODES)
def test_command_wrong_key_is_reported(auth, run_cli):
    """The server holds another key: Claude Code must report `✘ Failed to connect` (HTTP 401)."""
    case = Case(title=T, path=C.ENDPOINTS["query"], auth=auth, key=C.KEYS["quotes"], label=f"wrong-key-{auth}")
    chk = run_cli(case, "claude-code/command", rig.check_claude_command, server_key="sk_other_key",
                  expect="rejected")
    assert chk.client_status == "✘ Failed to connect", chk.report()
    assert "401" in chk.client_detail, chk.client_detail


@pytest.mark.conformance(artifact="claude-code/command")
@pytest.mark.parametrize("artifact", ["claude-code/command", "claude-code/mcp-json"])
def test_dollar_brace_key_inline(artifact, run_cli):
    """Claude Code expands ${VAR} inside header values - inline values, and again inside the
    value of a substituted variable - with no escape (tried `$${`, `\\${`, `${UNSET:-$}{`); see
    test_client_behaviour.py.  So a key holding `${` cannot travel in a Claude Code `headers`
    entry.  Given such a key inline, mcp-setup must mark the artifact unavailable (with a reason)
    or produce one that really connects (a `headersHelper` entry is not expanded: proven in
    test_client_behaviour.py::test_claude_headers_helper_is_not_expanded)."""
    case = Case(title=T, path=C.ENDPOINTS["plain"], credential="inline", key=C.DOLLAR_BRACE_KEY,
                label="dollar-brace-inline")
    checker = rig.check_claude_command if artifact.endswith("command") else rig.check_claude_mcp_json
    run_cli(case, artifact, checker, required=False)
