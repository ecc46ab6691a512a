"""The rig's self-test, on hand-written reference artifacts (reference_artifacts.py).

1. Known-good artifacts of the exact shapes mcp-setup emits must pass every check, live.
2. Deliberately corrupted artifacts must make the same checks FAIL: each test below asserts that
   the check reports failure (and why).  These are ordinary assertions, not xfail: if the rig
   stops catching a corruption, the test goes red.
"""
from __future__ import annotations

import json

import pytest

import cases as C
import reference_artifacts as ref
import rig
from cases import Case

REF = "reference"


def _ids(cs):
    return [C.ident(c.label) for c in cs]


# ------------------------------------------------------------------------------------------------
# 1. known-good artifacts pass (live where the client can connect)
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("case", C.CLAUDE_COMMAND_CASES, ids=_ids(C.CLAUDE_COMMAND_CASES))
def test_reference_claude_command(case, sandbox, start_server, record):
    srv = start_server(case)
    chk = rig.check_claude_command(sandbox, srv, case, ref.claude_command(case, srv.port))
    record(chk, case, REF)
    assert chk.ok, chk.report()


@pytest.mark.parametrize("case", C.CLAUDE_MCP_JSON_CASES, ids=_ids(C.CLAUDE_MCP_JSON_CASES))
def test_reference_claude_mcp_json(case, sandbox, start_server, record):
    srv = start_server(case)
    chk = rig.check_claude_mcp_json(sandbox, srv, case, ref.claude_mcp_json(case, srv.port))
    record(chk, case, REF)
    assert chk.ok, chk.report()


@pytest.mark.parametrize("case", C.CODEX_COMMAND_CASES, ids=_ids(C.CODEX_COMMAND_CASES))
def test_reference_codex_command(case, sandbox, start_server, record):
    srv = start_server(case)
    chk = rig.check_codex_command(sandbox, srv, case, ref.codex_command(case, srv.port))
    record(chk, case, REF)
    assert chk.ok, chk.report()


@pytest.mark.parametrize("case", C.CODEX_CONFIG_CASES, ids=_ids(C.CODEX_CONFIG_CASES))
def test_reference_codex_config(case, sandbox, start_server, record):
    srv = start_server(case)
    chk = rig.check_codex_config(sandbox, srv, case, ref.codex_config(case, srv.port))
    record(chk, case, REF)
    assert chk.ok, chk.report()


@pytest.mark.parametrize("case", C.DESKTOP_CASES, ids=_ids(C.DESKTOP_CASES))
def test_reference_desktop_config(case, sandbox, record):
    port = 8765  # static check: no server needed (npx cannot fetch mcp-remote here)
    chk = rig.check_desktop_config(sandbox, port, case, ref.desktop_config(case, port))
    record(chk, case, REF)
    assert chk.ok, chk.report()


# ------------------------------------------------------------------------------------------------
# 2. corrupted artifacts are caught
# ------------------------------------------------------------------------------------------------
def _detected(chk: rig.Check, case: Case, record, *needles: str) -> None:
    record(chk, case, REF, outcome="detected" if not chk.ok else "failed")
    assert not chk.ok, "the rig passed a corrupted artifact:\n" + chk.report()
    text = chk.report()
    assert any(n in text for n in needles), f"failure reported, but not for the expected reason {needles}:\n{text}"


BEARER = Case(path=C.ENDPOINTS["query"], key=C.KEYS["subst"], label="bearer-subst")
HEADER = Case(path=C.ENDPOINTS["plain"], auth="header:X-Api-Key", key=C.KEYS["quotes"], label="header-quotes")
QUERY = Case(path=C.ENDPOINTS["query"], auth="query:api_key", key=C.KEYS["urlish"], label="query-urlish")


def test_detects_wrong_header_name(sandbox, start_server, record):
    srv = start_server(HEADER)
    bad = ref.corrupt_header_name(ref.claude_command(HEADER, srv.port), HEADER)
    chk = rig.check_claude_command(sandbox, srv, HEADER, bad)
    _detected(chk, HEADER, record, "Failed to connect", "401")


def test_detects_double_quoted_header(sandbox, start_server, record):
    srv = start_server(BEARER)
    chk = rig.check_claude_command(sandbox, srv, BEARER, ref.corrupt_double_quotes(BEARER, srv.port))
    _detected(chk, BEARER, record, "command injection")


def test_detects_unbalanced_quote(sandbox, start_server, record):
    srv = start_server(BEARER)
    bad = ref.claude_command(BEARER, srv.port) + "'"
    chk = rig.check_claude_command(sandbox, srv, BEARER, bad)
    _detected(chk, BEARER, record, "sh -c exited")


def test_detects_unquoted_url(sandbox, start_server, record):
    srv = start_server(QUERY)
    chk = rig.check_claude_command(sandbox, srv, QUERY, ref.corrupt_unquoted_url(QUERY, srv.port))
    _detected(chk, QUERY, record, "stored url", "sh -c exited", "does not show", "no user-scope server")


def test_detects_unencoded_query_key(sandbox, start_server, record):
    srv = start_server(QUERY)
    url = QUERY.endpoint(srv.port) + "&api_key=" + QUERY.key  # '&', '#', '+', '%' left raw
    bad = f"claude mcp add --transport http --scope user {QUERY.name} {ref.q(url)}"
    chk = rig.check_claude_command(sandbox, srv, QUERY, bad)
    _detected(chk, QUERY, record, "stored url", "401", "query")


def test_detects_paste_time_expansion_in_env_mode(sandbox, start_server, record):
    case = Case(path=C.ENDPOINTS["plain"], credential="env", key=C.KEYS["simple"], label="env-expanded")
    srv = start_server(case)
    bad = ref.claude_command(case, srv.port).replace("'Authorization: Bearer ${ACME_API_KEY}'",
                                                     '"Authorization: Bearer ${ACME_API_KEY}"')
    assert bad != ref.claude_command(case, srv.port)
    chk = rig.check_claude_command(sandbox, srv, case, bad)
    _detected(chk, case, record, "stored header", "401")


def test_detects_mcp_json_without_type(sandbox, start_server, record):
    case = Case(path=C.ENDPOINTS["plain"], key=C.KEYS["simple"], label="no-type")
    srv = start_server(case)
    doc = json.loads(ref.claude_mcp_json(case, srv.port))
    del doc["mcpServers"][case.name]["type"]
    chk = rig.check_claude_mcp_json(sandbox, srv, case, json.dumps(doc))
    _detected(chk, case, record, "type None", "does not show")


def test_detects_unapproved_project_server(sandbox, start_server, record):
    case = Case(path=C.ENDPOINTS["plain"], key=C.KEYS["simple"], label="unapproved")
    srv = start_server(case)
    chk = rig.check_claude_mcp_json(sandbox, srv, case, ref.claude_mcp_json(case, srv.port), approve=False)
    _detected(chk, case, record, "Pending approval")


def test_detects_codex_headers_key(sandbox, start_server, record):
    """`headers` (not `http_headers`) is silently ignored by Codex: no auth header is sent."""
    case = Case(path=C.ENDPOINTS["query"], key=C.KEYS["all"], label="codex-headers")
    srv = start_server(case)
    bad = ref.codex_config(case, srv.port).replace("http_headers =", "headers =")
    chk = rig.check_codex_config(sandbox, srv, case, bad)
    _detected(chk, case, record, "keys Codex ignores", "http_headers")


def test_detects_codex_wrong_key_live(sandbox, start_server, record):
    """Only the live connection can catch this one: the config parses fine."""
    case = Case(path=C.ENDPOINTS["hostile_query"], auth="header:X-Api-Key", key=C.KEYS["long"], label="codex-wrongkey")
    srv = start_server(case, key=case.key + "x")
    chk = rig.check_codex_config(sandbox, srv, case, ref.codex_config(case, srv.port))
    _detected(chk, case, record, "HTTP 401")


@pytest.mark.parametrize("mutation", ["space", "bad_name", "unset_var", "wrong_url"])
def test_detects_bad_mcp_remote_args(mutation, sandbox, record):
    case = Case(path=C.ENDPOINTS["query"], key=C.KEYS["quotes"], label=f"desktop-{mutation}")
    doc = json.loads(ref.desktop_config(case, 8765))
    entry = doc["mcpServers"][case.name]
    if mutation == "space":
        entry["args"][-1] = "Authorization: ${AUTH_HEADER}"
        needle = "whitespace"
    elif mutation == "bad_name":
        entry["args"][-1] = "Auth header:${AUTH_HEADER}"
        needle = "invalid header"
    elif mutation == "unset_var":
        entry["args"][-1] = "Authorization:${AUTH_HEADR}"
        needle = "not found"
    else:
        entry["args"][2] = entry["args"][2].replace("tenant=a%20b", "tenant=a+c")
        needle = "would connect to"
    chk = rig.check_desktop_config(sandbox, 8765, case, json.dumps(doc))
    _detected(chk, case, record, needle)


def test_wire_check_catches_what_client_does_not(sandbox, start_server, record):
    """A server that accepts anything still lets the wire check catch a wrong header value."""
    case = Case(path=C.ENDPOINTS["plain"], auth="header:X-Api-Key", key=C.KEYS["backslash"], label="open-server")
    srv = start_server(case.with_(auth="none"))
    bad = ref.claude_command(case.with_(key=case.key.replace("\\\\", "\\")), srv.port)
    chk = rig.check_claude_command(sandbox, srv, case, bad)
    _detected(chk, case, record, "wire: ")


# ------------------------------------------------------------------------------------------------
# 3. the parsers the checks rely on
# ------------------------------------------------------------------------------------------------
LIST_SAMPLE = """Checking MCP server health…

acme: http://127.0.0.1:1/v1/mcp?tenant=a%20b&x=1 (HTTP) - ✔ Connected
bad: http://127.0.0.1:1/mcp (HTTP) - ✘ Failed to connect — Server rejected the configured Authorization header (HTTP 401). Error detail: {"a - b": 1}
proj: http://127.0.0.1:1/mcp (HTTP) - ⏸ Pending approval (run `claude` to approve)
std-io_1: uvx mcp-proxy@0.13.0 --transport streamablehttp -H X - ✘ Y http://h/ - ✔ Connected

MCP config diagnostics ⚠
 └ [Warning] [acme] mcpServers.acme: Missing environment variables: ACME_API_KEY
"""


def test_parse_claude_list_format():
    got = rig.parse_claude_list(LIST_SAMPLE)
    assert got["acme"] == {"target": "http://127.0.0.1:1/v1/mcp?tenant=a%20b&x=1 (HTTP)", "status": "✔ Connected",
                           "detail": ""}
    assert got["bad"]["status"] == "✘ Failed to connect" and "(HTTP 401)" in got["bad"]["detail"]
    assert got["proj"]["status"].startswith("⏸ Pending approval")
    assert got["std-io_1"]["status"] == "✔ Connected"
    assert set(got) == {"acme", "bad", "proj", "std-io_1"}


def test_emulate_mcp_remote():
    url, headers, warnings = rig.emulate_mcp_remote(
        ["https://h/mcp", "--header", "Authorization:${AUTH}", "--header", "X-A:  ${B}${C}", "--header", "bad name:x"],
        {"AUTH": "Bearer ${B}", "B": "$b"})
    assert url == "https://h/mcp"
    assert headers == {"Authorization": "Bearer ${B}", "X-A": "$b"}  # one pass: no re-expansion
    assert any("invalid header" in w for w in warnings) and any("'C' not found" in w for w in warnings)


def test_same_url():
    assert rig.same_url("http://h:1/p?a=%20&b=1", "http://h:1/p?b=1&a=+")
    assert not rig.same_url("http://h:1/p?a=%2B", "http://h:1/p?a=+")
    assert not rig.same_url("http://h:1/p?a=1", "http://h:1/p?a=1&a=1")
    assert not rig.same_url("http://h:1/p", "http://h:2/p")
