"""Inputs the CLI must refuse cleanly: bad input never produces partial output (design.md)."""
from __future__ import annotations

import re

import pytest

import cases as C
from cases import Case

NAME_OK = re.compile(r"^[a-z0-9][a-z0-9-]*$")
BAD_NAMES = ["Acme", "ac me", "ac'me", "$(id)", "-acme", "acme_x", "", "acme\n", "ac/me", "ac.me"]


@pytest.mark.conformance(artifact="cli/render", credential="inline")
@pytest.mark.parametrize("name", BAD_NAMES, ids=[C.ident(repr(n)) for n in BAD_NAMES])
def test_bad_name_refused_or_sanitised(name, mcp_setup):
    case = Case(name=name, key=C.KEYS["simple"])
    argv, stdin = mcp_setup.args(case, "http://127.0.0.1:8765/mcp")
    cp = mcp_setup._run(argv + ["--format", "json"], stdin, case.env_var)
    if cp.returncode != 0:
        assert cp.stdout == "", f"refused, but printed partial output: {cp.stdout[:300]!r}"
        assert cp.stderr.strip(), "refused without saying why"
        return
    import json
    man = json.loads(cp.stdout)
    got = man.get("server", {}).get("name")
    assert got and NAME_OK.match(got), f"accepted {name!r} and emitted server name {got!r}"


@pytest.mark.conformance(artifact="cli/render", credential="inline")
@pytest.mark.parametrize("endpoint", ["ftp://127.0.0.1/mcp", "http://example.com/mcp", "not a url", "http://127.0.0.1:8765/mcp#frag"])
def test_bad_endpoint_refused(endpoint, mcp_setup):
    """Plain http is for loopback only; a fragment is never sent to a server."""
    case = Case(key=C.KEYS["simple"])
    argv, stdin = mcp_setup.args(case, endpoint)
    cp = mcp_setup._run(argv + ["--format", "json"], stdin, case.env_var)
    assert cp.returncode != 0 and cp.stdout == "", f"accepted {endpoint!r}: {cp.stdout[:300]!r}"
