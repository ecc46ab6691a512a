"""Hand-written artifacts of exactly the shapes mcp-setup emits.  FOR THE RIG'S SELF-TEST ONLY.

They prove that the checks in rig.py pass on known-good artifacts (and, through `corrupt_*`, fail
on broken ones).  The product's artifacts come from the mcp-setup CLI; see test_claude_code.py,
test_codex.py, test_claude_desktop.py.
"""
from __future__ import annotations

import json
import shlex

from cases import Case


def q(s: str) -> str:
    """POSIX single-quote, always (shlex.quote leaves safe words bare; mcp-setup may too)."""
    return "'" + s.replace("'", "'\"'\"'") + "'"


def header_line(case: Case) -> str:
    value = case.header_value if case.credential == "inline" else (
        "Bearer ${%s}" % case.env_var if case.auth == "bearer" else "${%s}" % case.env_var)
    return f"{case.header_name}: {value}"


def claude_command(case: Case, port: int) -> str:
    url = case.url_with_key(port)
    cmd = f"claude mcp add --transport http --scope user {case.name} {q(url)}"
    if case.header_name:
        cmd += f" --header {q(header_line(case))}"
    return cmd


def claude_mcp_json(case: Case, port: int) -> str:
    entry = {"type": "http", "url": case.url_with_key(port)}
    if case.header_name:
        name, value = header_line(case).split(": ", 1)
        entry["headers"] = {name: value}
    return json.dumps({"mcpServers": {case.name: entry}}, indent=2) + "\n"


def codex_command(case: Case, port: int) -> str:
    """Only expressible for bearer-from-env (the one auth flag `codex mcp add` has) and query mode."""
    cmd = f"codex mcp add {case.name} --url {q(case.url_with_key(port))}"
    if case.auth == "bearer":
        assert case.credential == "env", "codex mcp add has no inline-header flag"
        cmd += f" --bearer-token-env-var {case.env_var}"
    elif case.header_name:
        raise ValueError("codex mcp add cannot set a custom header")
    return cmd


def toml_str(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u%04X" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def codex_config(case: Case, port: int) -> str:
    lines = [f"[mcp_servers.{case.name}]", f"url = {toml_str(case.url_with_key(port))}"]
    if case.header_name and case.credential == "env":
        if case.auth == "bearer":
            lines.append(f"bearer_token_env_var = {toml_str(case.env_var)}")
        else:
            lines.append(f"env_http_headers = {{ {toml_str(case.header_name)} = {toml_str(case.env_var)} }}")
    elif case.header_name:
        lines.append(f"http_headers = {{ {toml_str(case.header_name)} = {toml_str(case.header_value)} }}")
    return "\n".join(lines) + "\n"


def desktop_config(case: Case, port: int) -> str:
    args = ["-y", "mcp-remote", case.url_with_key(port)]
    entry: dict = {"command": "npx", "args": args}
    if case.header_name:
        args += ["--header", f"{case.header_name}:${{AUTH_HEADER}}"]
        entry["env"] = {"AUTH_HEADER": case.header_value}
    return json.dumps({"mcpServers": {case.name: entry}}, indent=2) + "\n"


MCP_PROXY = "mcp-proxy@0.13.0"


def desktop_uvx(case: Case, port: int, bearer_via: str = "env") -> str:
    """The mcp-proxy bridge shape proven live here (see test_reference_bridges.py).

    bearer: key in env API_ACCESS_TOKEN (mcp-proxy turns it into `Authorization: Bearer <key>`),
            or, with bearer_via="args", `-H Authorization 'Bearer <key>'`.
    header: `-H NAME KEY` (argparse: a KEY starting with '-' is taken for an option: breaks).
    query:  the key in the URL.
    The URL goes last (after options).
    """
    args = [MCP_PROXY, "--transport", "streamablehttp"]
    entry: dict = {"command": "uvx", "args": args}
    if case.auth == "bearer" and bearer_via == "env":
        entry["env"] = {"API_ACCESS_TOKEN": case.key}
    elif case.header_name:
        args += ["-H", case.header_name, case.header_value]
    args.append(case.url_with_key(port))
    return json.dumps({"mcpServers": {case.name: entry}}, indent=2) + "\n"


# -- deliberate corruptions (each must make its check fail) -----------------------------------------
def corrupt_header_name(command: str, case: Case) -> str:
    return command.replace(f"{case.header_name}:", f"{case.header_name}x:")


def corrupt_double_quotes(case: Case, port: int) -> str:
    """Broken quoting: the header in double quotes, so the shell expands $(...), `...`, $VAR."""
    return (f"claude mcp add --transport http --scope user {case.name} {q(case.url_with_key(port))} "
            f"--header \"{header_line(case)}\"")


def corrupt_unquoted_url(case: Case, port: int) -> str:
    """Broken quoting: the URL bare, so '&' backgrounds the command and cuts the query."""
    cmd = f"claude mcp add --transport http --scope user {case.name} {case.url_with_key(port)}"
    if case.header_name:
        cmd += f" --header {q(header_line(case))}"
    return cmd


__all__ = [n for n in dir() if not n.startswith("_")] + ["shlex"]
