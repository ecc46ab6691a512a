"""Codex artifacts rendered by the mcp-setup CLI, run in the real Codex.

codex/command  pasted into `sh -c` (CODEX_HOME in the temporary home); `codex mcp get NAME --json`
               must show the intended url / bearer_token_env_var / headers.
codex/config   written to $CODEX_HOME/config.toml; same check.
Both are then connected live without any model or login: `codex app-server` (JSON-RPC on stdio)
`mcpServerStatus/list` makes Codex run the MCP handshake and list tools (rig.codex_status).
"""
from __future__ import annotations

import pytest

import cases as C
import rig
from cases import Case

T = C.HOSTILE_TITLE
CMD = [c.with_(title=T) for c in C.CODEX_COMMAND_CASES]
CFG = [c.with_(title=T) for c in C.CODEX_CONFIG_CASES]


@pytest.mark.conformance(artifact="codex/command")
@pytest.mark.parametrize("case", CMD, ids=[C.ident(c.label) for c in CMD])
def test_command(case, run_cli):
    run_cli(case, "codex/command", rig.check_codex_command)


@pytest.mark.conformance(artifact="codex/command")
@pytest.mark.parametrize("case", [
    Case(title=T, auth="bearer", credential="inline", key=C.KEYS["quotes"], label="bearer-inline"),
    Case(title=T, auth="header:X-Api-Key", credential="inline", key=C.KEYS["simple"], label="header-inline"),
    Case(title=T, auth="header:X-Api-Key", credential="env", key=C.KEYS["simple"], label="header-env"),
], ids=lambda c: c.label)
def test_command_inexpressible(case, run_cli):
    """`codex mcp add` has only --bearer-token-env-var: no inline value, no custom header.
    Either unavailable with a reason, or (if mcp-setup finds a way) it must really work."""
    chk = run_cli(case, "codex/command", rig.check_codex_command, required=False)
    art = chk.manifest_artifact
    if art and art.get("available") and "bearer_token_env_var" in " ".join(chk.details):
        notes = " ".join(art.get("notes") or [])
        assert case.env_var in notes, f"the command needs ${case.env_var} exported, but its notes do not say so: {notes!r}"


@pytest.mark.conformance(artifact="codex/config")
@pytest.mark.parametrize("case", CFG, ids=[C.ident(c.label) for c in CFG])
def test_config(case, run_cli):
    run_cli(case, "codex/config", rig.check_codex_config)


@pytest.mark.conformance(artifact="codex/config")
def test_config_wrong_key_is_reported(run_cli):
    case = Case(title=T, path=C.ENDPOINTS["hostile_query"], auth="header:X-Api-Key", key=C.KEYS["all"],
                label="wrong-key")
    chk = run_cli(case, "codex/config", rig.check_codex_config, server_key="sk_other_key", expect="rejected")
    assert "401" in chk.client_detail, chk.report()
