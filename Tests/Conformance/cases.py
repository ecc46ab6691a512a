"""Inputs for the conformance suite: keys, endpoints, auth modes, and the Case that ties them.

A Case is what a user gives mcp-setup (name, title, endpoint, auth mode, credential mode, key,
env-var name) plus what the real server must therefore see on the wire.
"""
from __future__ import annotations

import dataclasses
import string
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

VISIBLE_ASCII = "".join(chr(c) for c in range(0x21, 0x7F))  # '!' .. '~', no space


def _long_key(n: int = 4096) -> str:
    # All visible ASCII in order, repeated: contains every quote, $, `, \, %, &, #, +, = ...
    # but never the two-character sequence "${" ('{' is far from '$'), see KEYS["dollar_brace"].
    out = (VISIBLE_ASCII * (n // len(VISIBLE_ASCII) + 1))[:n]
    assert "${" not in out
    return out


# Keys are visible ASCII (0x21-0x7E).  Each one targets a way a generator can go wrong.
KEYS: dict[str, str] = {
    "simple": "sk_live_123",
    "quotes": "it's\"double\"'single'",
    "subst": "$(touch$IFS./pwned)`touch$IFS./pwned`$HOME;rm",  # creates ./pwned if ever run
    "backslash": "back\\slash\\\\n\\'\\\"",
    "urlish": "100%&x=#frag+plus=%2F?a=b",
    "dash": "-leading-dash--header=x",
    "all": VISIBLE_ASCII,  # every visible ASCII character once ('$' is followed by '%', not '{')
    "long": _long_key(),
}
assert all(set(k) <= set(VISIBLE_ASCII) and "${" not in k for k in KEYS.values())

# A key holding "${...}": Claude Code expands ${VAR} inside header values (inline *and* after
# substituting an env var, i.e. recursively) with no escape, so such a key cannot reach the server
# through a Claude Code headers entry.  Kept apart: see test_claude_code.py.
DOLLAR_BRACE_KEY = "sk_${HOME}_${NOPE:-x}_end"

# Endpoint paths (the server's own path + query), appended to http://127.0.0.1:PORT
ENDPOINTS: dict[str, str] = {
    "plain": "/mcp",
    "query": "/v1/mcp?tenant=a%20b&x=1",
    # encoded '+', '=', '&' inside a value, and an empty value: a client or generator that
    # decodes and re-encodes carelessly changes what the server sees.
    "hostile_query": "/p/mcp?sig=a%2Bb%3D%26c&e=",
}

AUTH_MODES = ("bearer", "header:X-Api-Key", "query:api_key")

HOSTILE_TITLE = "Acme \"Prod\" $(id) `x` & <b>'s</b> \\ %20 #1"


@dataclasses.dataclass(frozen=True)
class Case:
    name: str = "acme"
    title: str = "Acme"
    path: str = "/mcp"  # endpoint path + own query, no scheme/host
    auth: str = "bearer"  # bearer | header:NAME | query:PARAM
    credential: str = "inline"  # inline | env
    key: str = "sk_live_123"
    env_var: str = "ACME_API_KEY"
    label: str = ""  # short id for test names / the summary table

    # -- derived -----------------------------------------------------------------------------
    def endpoint(self, port: int) -> str:
        """The endpoint the user gives mcp-setup (no key in it)."""
        return f"http://127.0.0.1:{port}{self.path}"

    @property
    def header_name(self) -> str | None:
        if self.auth == "bearer":
            return "Authorization"
        if self.auth.startswith("header:"):
            return self.auth.split(":", 1)[1]
        return None

    @property
    def header_value(self) -> str | None:
        if self.auth == "bearer":
            return "Bearer " + self.key
        if self.auth.startswith("header:"):
            return self.key
        return None

    @property
    def query_param(self) -> str | None:
        return self.auth.split(":", 1)[1] if self.auth.startswith("query:") else None

    def url_with_key(self, port: int) -> str:
        """The URL a client must request in query mode (own query kept, key appended)."""
        url = self.endpoint(port)
        if not self.query_param:
            return url
        parts = urlsplit(url)
        extra = f"{quote(self.query_param, safe='')}={quote(self.key, safe='')}"
        query = f"{parts.query}&{extra}" if parts.query else extra
        return urlunsplit(parts._replace(query=query))

    def expected_query(self) -> list[tuple[str, str]]:
        q = parse_qsl(urlsplit(self.path).query, keep_blank_values=True)
        if self.query_param:
            q.append((self.query_param, self.key))
        return q

    def with_(self, **kw) -> "Case":
        return dataclasses.replace(self, **kw)

    def describe(self) -> str:
        return self.label or f"{self.auth}/{self.credential}"


def ident(s: str) -> str:
    """A pytest-id-safe version of a label."""
    ok = string.ascii_letters + string.digits + "-_:."
    return "".join(c if c in ok else "_" for c in s)


# ----------------------------------------------------------------------------------------------
# the matrices (shared by the CLI tests and the rig's self-test)
# ----------------------------------------------------------------------------------------------
_ENDPOINT_CYCLE = list(ENDPOINTS.values())


def _mk(i: int, auth: str, cred: str, key_label: str, **kw) -> Case:
    path = kw.pop("path", _ENDPOINT_CYCLE[i % len(_ENDPOINT_CYCLE)])
    ep = [k for k, v in ENDPOINTS.items() if v == path][0]
    return Case(path=path, auth=auth, credential=cred, key=KEYS[key_label],
                label=f"{auth}-{cred}-{key_label}-{ep}", **kw)


def matrix(auths, creds, key_labels, **kw) -> list[Case]:
    out, i = [], 0
    for cred in creds:
        for auth in auths:
            for kl in key_labels:
                out.append(_mk(i, auth, cred, kl, **kw))
                i += 1
    return out


HEADER_AUTHS = ("bearer", "header:X-Api-Key")

CLAUDE_COMMAND_CASES = (matrix(AUTH_MODES, ["inline"], list(KEYS))
                        + matrix(HEADER_AUTHS, ["env"], ["simple", "quotes", "subst", "all", "long"]))
CLAUDE_MCP_JSON_CASES = (matrix(AUTH_MODES, ["inline"], ["simple", "all", "long"])
                         + matrix(HEADER_AUTHS, ["env"], ["simple", "subst", "all"]))
CODEX_COMMAND_CASES = (matrix(["bearer"], ["env"], ["simple", "quotes", "all", "long"])
                       + matrix(["query:api_key"], ["inline"], ["simple", "urlish"]))
CODEX_CONFIG_CASES = (matrix(AUTH_MODES, ["inline"], ["simple", "all", "long"])
                      + matrix(HEADER_AUTHS, ["env"], ["simple", "all"]))
DESKTOP_CASES = matrix(AUTH_MODES, ["inline"], ["simple", "quotes", "all", "long"])
UVX_CASES = matrix(AUTH_MODES, ["inline"], ["simple", "subst", "all", "long"])
