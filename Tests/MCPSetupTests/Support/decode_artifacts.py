"""Independent decoder for mcp-setup artifacts: reads each artifact's content with Python's own
parsers (json, tomllib, shlex, urllib.parse, base64) and reports the URL and the key-bearing
header or parameter it finds. Input: a list of manifests (json), output: per manifest a map
artifact id -> [url, credential] as decoded."""
import base64, json, shlex, sys, tomllib, urllib.parse


def query(url):
    parts = urllib.parse.urlsplit(url)
    return dict((urllib.parse.unquote(k, errors="strict"), urllib.parse.unquote(v, errors="strict"))
                for k, v in (item.split("=", 1) for item in parts.query.split("&")))


def header_value(headers, auth):
    if auth == "bearer":
        return headers["Authorization"]
    return headers[auth.split(":", 1)[1]]


def decode(manifest):
    name = manifest["server"]["name"]
    auth = manifest["server"]["auth"]
    out = {}
    for client in manifest["clients"]:
        for a in client["artifacts"]:
            if not a["available"]:
                continue
            aid, c = a["id"], a["content"]
            if aid == "claude-desktop/config":
                e = json.loads(c)["mcpServers"][name]
                args = e["args"]
                cred = e.get("env", {}).get("AUTH_HEADER")
                out[aid] = [args[2], cred]
            elif aid == "claude-desktop/config-uvx":
                e = json.loads(c)["mcpServers"][name]
                args = e["args"]
                if auth == "bearer":
                    cred = "Bearer " + e["env"]["API_ACCESS_TOKEN"]
                elif auth.startswith("header:"):
                    i = args.index("-H")
                    assert args[i + 1] == auth.split(":", 1)[1]
                    cred = args[i + 2]
                else:
                    cred = None
                out[aid] = [args[-1], cred]
            elif aid == "claude-code/command":
                argv = shlex.split(c)
                cred = argv[argv.index("--header") + 1] if "--header" in argv else None
                out[aid] = [argv[8], cred]
            elif aid in ("claude-code/mcp-json", "cursor/mcp-json"):
                e = json.loads(c)["mcpServers"][name]
                out[aid] = [e["url"], header_value(e["headers"], auth) if "headers" in e else None]
            elif aid == "codex/command":
                argv = shlex.split(c)
                out[aid] = [argv[argv.index("--url") + 1], None]
            elif aid == "codex/config":
                e = tomllib.loads(c)["mcp_servers"][name]
                h = e.get("http_headers")
                out[aid] = [e["url"], header_value(h, auth) if h else None]
            elif aid == "vscode/command":
                e = json.loads(shlex.split(c)[2])
                out[aid] = [e["url"], header_value(e["headers"], auth) if "headers" in e else None]
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
