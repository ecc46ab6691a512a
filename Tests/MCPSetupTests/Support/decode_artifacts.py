"""Independent decoder for mcp-setup artifacts: reads each artifact's content with Python's own
parsers (json, tomllib, yaml, shlex, urllib.parse, base64, and the Windows splitters of
windows_shells.py, which the caller prepends) and reports the URL, the key-bearing header or
parameter, and the transport keyword it finds. Input: a list of manifests (json), output: per
manifest a map artifact id -> [url, credential, transport keyword] as decoded."""
import base64, json, shlex, sys, tomllib, urllib.parse

import yaml

SPLITTERS = {"posix": shlex.split, "powershell": ps_split, "cmd": cmd_split}


def header_name():
    """The header's name from the manifest's auth: header:NAME or header:NAME=TEMPLATE."""
    return AUTH.split(":", 1)[1].split("=", 1)[0]


def query(url):
    parts = urllib.parse.urlsplit(url)
    return dict((urllib.parse.unquote(k, errors="strict"), urllib.parse.unquote(v, errors="strict"))
                for k, v in (item.split("=", 1) for item in parts.query.split("&")))


def header_value(headers):
    if headers is None:
        return None
    if AUTH == "bearer":
        return headers["Authorization"]
    return headers[header_name()]


def entry(e, url_key="url", headers=("headers",), type_key="type"):
    """[url, credential, transport keyword] of a server entry."""
    h = e
    for key in headers:
        h = h.get(key) if h is not None else None
    return [e[url_key], header_value(h), e.get(type_key)]


def flag(argv, name):
    return argv[argv.index(name) + 1] if name in argv else None


def decode_command(aid, argv):
    if aid in ("claude-code/command", "gemini-cli/command"):
        url = argv[8] if aid == "claude-code/command" else argv[-1]
        return [url, flag(argv, "--header"), flag(argv, "--transport")]
    if aid == "codex/command":
        return [flag(argv, "--url"), None, None]
    if aid == "vscode/command":
        return entry(json.loads(argv[2]))
    if aid == "copilot-cli/command":
        if argv[-2:] != ["--tools", "*"]:
            raise SystemExit(aid + " does not allow the tools")
        return [argv[6], flag(argv, "--header"), flag(argv, "--transport")]
    if aid == "antigravity-cli/command":
        return [argv[-1], flag(argv, "--header"), None]
    if aid == "factory-droid/command":
        return [argv[4], flag(argv, "--header"), flag(argv, "--type")]
    if aid == "amp/command":
        return [argv[-1], flag(argv, "--header"), None]
    if aid == "qwen-code/command":
        return [argv[-1], flag(argv, "-H"), flag(argv, "--transport")]
    raise SystemExit("unknown command " + aid)


def bridge(c, aid):
    e = json.loads(c)["mcpServers"][NAME]
    args = e["args"]
    if aid.endswith("-windows") and (e["command"], args[:2]) != ("cmd", ["/c", "npx"]):
        raise SystemExit(aid + " does not run npx through cmd /c")
    i = next(i for i, a in enumerate(args) if a.split("@")[0] == "mcp-remote")
    return [args[i + 1], e.get("env", {}).get("AUTH_HEADER"), None]


def vscode_link(c, aid):
    link = query(c)["url"] if aid == "vscode/web-link" else c
    # VS Code decodes the query twice before JSON.parse; the payload must survive that.
    payload = urllib.parse.unquote(urllib.parse.unquote(link.split("?", 1)[1], errors="strict"), errors="strict")
    return entry(json.loads(payload))


def base64_link(c):
    return entry(json.loads(base64.b64decode(query(c)["config"], validate=True).decode("utf-8")))


def gemini_settings(c):
    e = json.loads(c)["mcpServers"][NAME]
    if "httpUrl" in e:
        return [e["httpUrl"], header_value(e.get("headers")), "httpUrl"]
    return entry(e)


def bundle_manifest(c):
    m = json.loads(c)
    config = m["server"]["mcp_config"]
    args = config["args"]
    i = next(i for i, x in enumerate(args) if x.split("@")[0] == "mcp-remote")
    if "user_config" in m and not m["user_config"]["api_key"]["sensitive"]:
        raise SystemExit("the bundle's key is not marked sensitive")
    return [args[i + 1], config.get("env", {}).get("AUTH_HEADER"), None]


def copilot_cli(e):
    if e.get("tools") != ["*"]:
        raise SystemExit("copilot-cli/mcp-json lacks the required tools list")
    return entry(e)


def continue_block(c):
    d = yaml.safe_load(c)
    if d["schema"] != "v1" or not isinstance(d["version"], str):
        raise SystemExit("continue block header")
    e = next(s for s in d["mcpServers"] if s["name"] == NAME)
    return entry(e, headers=("requestOptions", "headers"))


def uvx_bridge(c, aid):
    e = json.loads(c)["mcpServers"][NAME]
    args = e["args"]
    if e["command"] != "uvx" or not args[0].startswith("mcp-proxy@"):
        raise SystemExit(aid + " does not run mcp-proxy through uvx")
    transport = args[args.index("--transport") + 1]
    if AUTH == "bearer":
        credential = "Bearer " + e["env"]["API_ACCESS_TOKEN"]
    elif AUTH.startswith("header:"):
        i = args.index("-H")
        if args[i + 1] != header_name():
            raise SystemExit(aid + " sends the wrong header")
        credential = args[i + 2]
    else:
        credential = None
    return [args[-1], credential, transport]


def goose_link(c):
    q = query(c)
    return [q["url"], None, q["type"]]


def python_literals(source):
    """Every dict literal of a Python snippet (parsed by Python's own ast), nested ones too, and
    each call's keyword arguments as a dict."""
    import ast
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            try:
                found.append(ast.literal_eval(node))
            except ValueError:
                pass
        elif isinstance(node, ast.Call) and node.keywords:
            kwargs = {}
            for keyword in node.keywords:
                try:
                    kwargs[keyword.arg] = ast.literal_eval(keyword.value)
                except ValueError:
                    pass
            found.append(kwargs)
    return found


def typescript_literals(source):
    """Every object literal of a TypeScript snippet: bare keys quoted and true/false renamed
    outside strings (double-quoted, JSON escapes), then each balanced {...} (braces outside
    strings) read by ast."""
    import ast
    out, i, prev, length, opened, spans = [], 0, "", 0, [], []

    def emit(token):
        nonlocal length
        out.append(token)
        length += len(token)

    while i < len(source):
        c = source[i]
        if c == '"':
            j = i + 1
            while source[j] != '"':
                j += 2 if source[j] == "\\" else 1
            emit(source[i:j + 1])
            prev = '"'
            i = j + 1
            continue
        if c.isalpha() or c in "_$":
            j = i
            while j < len(source) and (source[j].isalnum() or source[j] in "_$"):
                j += 1
            word = source[i:j]
            if source[j:].lstrip(" ").startswith(":") and prev in ("{", ","):
                emit('"' + word + '"')
            else:
                emit({"true": "True", "false": "False"}.get(word, word))
            prev = "w"
            i = j
            continue
        if c == "{":
            opened.append(length)
        elif c == "}" and opened:
            spans.append((opened.pop(), length + 1))
        emit(c)
        if not c.isspace():
            prev = c
        i += 1
    text = "".join(out)
    found = []
    for start, end in sorted(spans):
        try:
            found.append(ast.literal_eval(text[start:end]))
        except (ValueError, SyntaxError):
            pass
    return found


def code_entry(dicts, url_key="url", keyword_key=None):
    """[url, credential, transport keyword] of the first literal with url_key."""
    for d in dicts:
        if isinstance(d, dict) and url_key in d and isinstance(d[url_key], str):
            if "authorization" in d:
                credential = "Bearer " + d["authorization"]
            elif "authorization_token" in d:
                credential = "Bearer " + d["authorization_token"]
            else:
                headers = d.get("headers") or (d.get("requestInit") or {}).get("headers")
                credential = header_value(headers)
            return [d[url_key], credential, d.get(keyword_key) if keyword_key else None]
    raise SystemExit("no literal with " + url_key)


def curl_body(c):
    argv = shlex.split(c)
    if argv[0] != "curl":
        raise SystemExit("not a curl command")
    return json.loads(flag(argv, "-d"))


def builder_key(c):
    return "Bearer " + c if AUTH == "bearer" else c


DECODERS = {
    "claude-desktop/config": bridge,
    "claude-desktop/config-windows": bridge,
    "claude-desktop/config-uvx": uvx_bridge,
    "claude-desktop/bundle-manifest": lambda c, a: bundle_manifest(c),
    "claude-code/mcp-json": lambda c, a: entry(json.loads(c)["mcpServers"][NAME]),
    "codex/config": lambda c, a: entry(tomllib.loads(c)["mcp_servers"][NAME], headers=("http_headers",)),
    "vscode/mcp-json": lambda c, a: entry(json.loads(c)["servers"][NAME]),
    "vscode/install-link": vscode_link,
    "vscode/web-link": vscode_link,
    "cursor/deeplink": lambda c, a: base64_link(c),
    "cursor/web-link": lambda c, a: base64_link(c),
    "cursor/mcp-json": lambda c, a: entry(json.loads(c)["mcpServers"][NAME]),
    "chatgpt/connector-url": lambda c, a: [c, None, None],
    "claude-ai/connector-url": lambda c, a: [c, None, None],
    "claude-ai/request-header": lambda c, a: [None, c, None],
    "claude-desktop/connector-url": lambda c, a: [c, None, None],
    "claude-desktop/connector-header": lambda c, a: [None, c, None],
    "claude-ai/prefill-link": lambda c, a: [query(c)["connectorUrl"], None, None],
    "windsurf/config": lambda c, a: entry(json.loads(c)["mcpServers"][NAME], url_key="serverUrl"),
    "gemini-cli/settings-json": lambda c, a: gemini_settings(c),
    "zed/settings-json": lambda c, a: entry(json.loads(c)["context_servers"][NAME]),
    "goose/config": lambda c, a: entry(yaml.safe_load(c)["extensions"][NAME], url_key="uri"),
    "goose/deeplink": lambda c, a: goose_link(c),
    "lm-studio/mcp-json": lambda c, a: entry(json.loads(c)["mcpServers"][NAME]),
    "lm-studio/deeplink": lambda c, a: base64_link(c),
    "lm-studio/web-link": lambda c, a: base64_link(c),
    "opencode/config": lambda c, a: entry(json.loads(c)["mcp"][NAME]),
    "cline/config": lambda c, a: entry(json.loads(c)["mcpServers"][NAME]),
    "roo-code/mcp-json": lambda c, a: entry(json.loads(c)["mcpServers"][NAME]),
    "kiro/mcp-json": lambda c, a: entry(json.loads(c)["mcpServers"][NAME]),
    "kiro/install-link": lambda c, a: entry(json.loads(query(c)["config"])),
    "visual-studio/mcp-json": lambda c, a: entry(json.loads(c)["servers"][NAME]),
    "visual-studio/install-link": lambda c, a: entry(json.loads(urllib.parse.unquote(c.split("?", 1)[1], errors="strict"))),
    "continue/config": lambda c, a: continue_block(c),
    "warp/mcp-json": lambda c, a: entry(json.loads(c)["mcpServers"][NAME]),
    "copilot-jetbrains/mcp-json": lambda c, a: entry(json.loads(c)["servers"][NAME], headers=("requestInit", "headers")),
    "copilot-cli/mcp-json": lambda c, a: copilot_cli(json.loads(c)["mcpServers"][NAME]),
    "antigravity/mcp-config": lambda c, a: entry(json.loads(c)["mcpServers"][NAME], url_key="serverUrl"),
    "antigravity-cli/mcp-config": lambda c, a: entry(json.loads(c)["mcpServers"][NAME], url_key="serverUrl"),
    "jetbrains-ai/mcp-json": lambda c, a: entry(json.loads(c)["mcpServers"][NAME]),
    "junie/mcp-json": lambda c, a: entry(json.loads(c)["mcpServers"][NAME]),
    "factory-droid/mcp-json": lambda c, a: entry(json.loads(c)["mcpServers"][NAME]),
    "amp/settings-json": lambda c, a: entry(json.loads(c)["amp.mcpServers"][NAME]),
    "crush/config": lambda c, a: entry(json.loads(c)["mcp"][NAME]),
    "qwen-code/settings-json": lambda c, a: gemini_settings(c),
    "trae/install-link": lambda c, a: base64_link(c),
    "trae/install-link-cn": lambda c, a: base64_link(c),
    "trae/mcp-json": lambda c, a: entry(json.loads(c)["mcpServers"][NAME]),
    "amazon-q/mcp-json": lambda c, a: entry(json.loads(c)["mcpServers"][NAME]),
    "kilo-code/config": lambda c, a: entry(json.loads(c)["mcp"][NAME]),
    "openclaw/config": lambda c, a: entry(json.loads(c)["mcp"]["servers"][NAME], type_key="transport"),
    "openai-responses/python": lambda c, a: code_entry(python_literals(c), "server_url"),
    "openai-responses/typescript": lambda c, a: code_entry(typescript_literals(c), "server_url"),
    "openai-responses/curl": lambda c, a: code_entry(curl_body(c)["tools"], "server_url"),
    "anthropic-messages/curl": lambda c, a: code_entry(curl_body(c)["mcp_servers"]),
    "anthropic-messages/python": lambda c, a: code_entry(python_literals(c)),
    "anthropic-messages/typescript": lambda c, a: code_entry(typescript_literals(c)),
    "vercel-ai-sdk/typescript": lambda c, a: code_entry(typescript_literals(c), keyword_key="type"),
    "claude-agent-sdk/python": lambda c, a: code_entry(python_literals(c), keyword_key="type"),
    "claude-agent-sdk/typescript": lambda c, a: code_entry(typescript_literals(c), keyword_key="type"),
    "openai-agents-sdk/python": lambda c, a: code_entry(python_literals(c)),
    "openai-agents-sdk/typescript": lambda c, a: code_entry(typescript_literals(c)),
    "openai-agents-sdk/python-hosted": lambda c, a: code_entry(python_literals(c), "server_url"),
    "openai-agents-sdk/typescript-hosted": lambda c, a: code_entry(typescript_literals(c), "serverUrl"),
    "langchain/python": lambda c, a: code_entry(python_literals(c), keyword_key="transport"),
    "langchain/typescript": lambda c, a: code_entry(typescript_literals(c), keyword_key="transport"),
    "google-adk/python": lambda c, a: code_entry(python_literals(c)),
    "openai-agent-builder/server-url": lambda c, a: [c, None, None],
    "openai-agent-builder/auth-value": lambda c, a: [None, builder_key(c), None],
    "copilot-studio/server-url": lambda c, a: [c, None, None],
    "copilot-studio/auth-name": lambda c, a: [None, None, None],
    "copilot-studio/key-value": lambda c, a: [None, c, None],
}


def decode(manifest):
    global AUTH, NAME
    NAME = manifest["server"]["name"]
    AUTH = manifest["server"]["auth"]
    out = {}
    for client in manifest["clients"]:
        for a in client["artifacts"]:
            if not a["available"]:
                continue
            aid, c = a["id"], a["content"]
            if a["kind"] == "command":
                argv = SPLITTERS[a["shell"]](c)
                if argv != a["argv"]:
                    raise SystemExit(aid + ": the manifest's argv is not what the line splits into")
                out[aid] = decode_command(aid.removesuffix("-powershell").removesuffix("-cmd"), argv)
            elif aid in DECODERS:
                out[aid] = DECODERS[aid](c, aid)
            else:
                raise SystemExit("unknown artifact " + aid)
    return out


print(json.dumps([decode(m) for m in cases]))
