"""Independent decoder for mcp-setup artifacts: reads each artifact's content with Python's own
parsers (json, tomllib, yaml, shlex, urllib.parse, base64, and the Windows splitters of
windows_shells.py, which the caller prepends) and reports the URL and the key-bearing header or
parameter it finds. Input: a list of manifests (json), output: per manifest a map artifact id ->
[url, credential] as decoded."""
import base64, json, shlex, sys, tomllib, urllib.parse

SPLITTERS = {"posix": shlex.split, "powershell": ps_split, "cmd": cmd_split}


def query(url):
    parts = urllib.parse.urlsplit(url)
    return dict((urllib.parse.unquote(k, errors="strict"), urllib.parse.unquote(v, errors="strict"))
                for k, v in (item.split("=", 1) for item in parts.query.split("&")))


def header_value(headers, auth):
    if auth == "bearer":
        return headers["Authorization"]
    return headers[auth.split(":", 1)[1]]


def decode_command(aid, argv):
    """[url, credential] of a command, from the words the program receives."""
    if aid == "claude-code/command":
        return [argv[8], argv[argv.index("--header") + 1] if "--header" in argv else None]
    if aid == "codex/command":
        return [argv[argv.index("--url") + 1], None]
    if aid == "vscode/command":
        e = json.loads(argv[2])
        return [e["url"], header_value(e["headers"], AUTH) if "headers" in e else None]
    raise SystemExit("unknown command " + aid)


def decode(manifest):
    global AUTH
    name = manifest["server"]["name"]
    auth = AUTH = manifest["server"]["auth"]
    out = {}
    for client in manifest["clients"]:
        for a in client["artifacts"]:
            if not a["available"]:
                continue
            aid, c = a["id"], a["content"]
            argv = SPLITTERS[a["shell"]](c) if a["kind"] == "command" else None
            if argv is not None:
                if argv != a["argv"]:
                    raise SystemExit(aid + ": the manifest's argv is not what the line splits into")
                base = aid.removesuffix("-powershell").removesuffix("-cmd")
                out[aid] = decode_command(base, argv)
                continue
            if aid in ("claude-desktop/config", "claude-desktop/config-windows"):
                e = json.loads(c)["mcpServers"][name]
                args = e["args"]
                if aid.endswith("-windows") and (e["command"], args[:2]) != ("cmd", ["/c", "npx"]):
                    raise SystemExit(aid + " does not run npx through cmd /c")
                bridge = next(i for i, a in enumerate(args) if a.split("@")[0] == "mcp-remote")
                cred = e.get("env", {}).get("AUTH_HEADER")
                out[aid] = [args[bridge + 1], cred]
            elif aid in ("claude-code/mcp-json", "cursor/mcp-json"):
                e = json.loads(c)["mcpServers"][name]
                out[aid] = [e["url"], header_value(e["headers"], auth) if "headers" in e else None]
            elif aid == "codex/config":
                e = tomllib.loads(c)["mcp_servers"][name]
                h = e.get("http_headers")
                out[aid] = [e["url"], header_value(h, auth) if h else None]
            elif aid == "vscode/mcp-json":
                e = json.loads(c)["servers"][name]
                out[aid] = [e["url"], header_value(e["headers"], auth) if "headers" in e else None]
            elif aid in ("vscode/install-link", "vscode/web-link"):
                link = c if aid == "vscode/install-link" else query(c)["url"]
                payload = link.split("?", 1)[1]
                # VS Code decodes the query twice before JSON.parse.
                e = json.loads(urllib.parse.unquote(urllib.parse.unquote(payload, errors="strict"), errors="strict"))
                out[aid] = [e["url"], header_value(e["headers"], auth) if "headers" in e else None]
            elif aid in ("cursor/deeplink", "cursor/web-link"):
                q = query(c)
                e = json.loads(base64.b64decode(q["config"], validate=True).decode("utf-8"))
                out[aid] = [e["url"], header_value(e["headers"], auth) if "headers" in e else None]
            elif aid in ("chatgpt/connector-url", "claude-ai/connector-url"):
                out[aid] = [c, None]
            elif aid == "claude-ai/prefill-link":
                out[aid] = [query(c)["connectorUrl"], None]
            else:
                raise SystemExit("unknown artifact " + aid)
    return out


print(json.dumps([decode(m) for m in cases]))
