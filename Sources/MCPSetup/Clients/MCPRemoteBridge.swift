/// The `mcp-remote` stdio bridge: a local server entry (`npx -y mcp-remote URL --header …`) for
/// clients that start only local servers.
///
/// Facts (checked 2026-11-22): geelen/mcp-remote README and src/lib/utils.ts v0.1.38: `--header`
/// must match `^([A-Za-z0-9_-]+):\s*(.*)$`; `${NAME}` inside a header is filled from mcp-remote's
/// own environment (the entry's `env` block); clients on Windows do not escape spaces inside
/// args, hence `Authorization:${AUTH_HEADER}` with the whole value in `env`; `--transport
/// sse-only` for SSE servers; `--allow-http` for plain http on a host that is not loopback;
/// `-y` skips npx's install prompt. The README recommends `@latest`; a profile can pin a version
/// instead (`mcp_remote_version`), so `npx` runs the same bridge every time.
struct MCPRemoteBridge {
    let request: SetupRequest
    let headerVariable: String

    /// `mcp-remote`, or `mcp-remote@<version>` when the profile pins one.
    var package: String {
        request.profile.mcpRemoteVersion.map { "mcp-remote@" + $0 } ?? "mcp-remote"
    }

    /// The words after `npx`.
    var npxArguments: [Text] {
        let profile = request.profile
        var args: [Text] = ["-y", .literal(package), request.endpointText]
        if profile.transport == .sse { args += ["--transport", "sse-only"] }
        if Endpoint.isRemoteHTTP(profile.endpoint) { args.append("--allow-http") }
        if let header = request.authHeader(key: .secret) {
            args += ["--header", .literal(header.name + ":${" + headerVariable + "}")]
        }
        return args
    }

    /// The `env` block that holds the header value, when a header is sent.
    var env: Value? {
        guard let header = request.authHeader(key: .secret) else { return nil }
        return .object([Value.Member(headerVariable, .string(header.value))])
    }

    /// Notes every bridge entry carries, for the client that starts it.
    func notes(client: String) -> [String] {
        var notes: [String] = []
        if env != nil, request.credential.isReference {
            notes.append("\(client) starts servers with a minimal environment and does not read your shell's variables, so the key must be written into the env block: replace \(request.placeholder) with your key.")
        }
        if let note = request.queryKeyNote { notes.append(note) }
        return notes
    }

    /// The server entry: `npx …`, or on Windows `cmd /c npx …` with every word one cmd leaves alone.
    func entry(throughCmd: Bool = false) -> Value {
        var entry: [Value.Member]
        if throughCmd {
            let words: [Text] = ["/c", "npx"] + npxArguments.map { .cmdWord($0) }
            entry = [Value.Member("command", "cmd"), Value.Member("args", .array(words.map(Value.string)))]
        } else {
            entry = [Value.Member("command", "npx"), Value.Member("args", .array(npxArguments.map(Value.string)))]
        }
        entry.append("env", env)
        return .object(entry)
    }

    /// `{"mcpServers": {name: entry}}`.
    func file(name: String, throughCmd: Bool = false) -> Value {
        .object([Value.Member("mcpServers", .object([Value.Member(name, entry(throughCmd: throughCmd))]))])
    }
}
