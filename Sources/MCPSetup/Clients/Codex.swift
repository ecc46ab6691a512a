/// OpenAI Codex (CLI, IDE extension, app): `codex mcp add` and `config.toml`.
///
/// Facts (checked 2026-11-22): openai/codex codex-rs/config/src/mcp_types.rs and
/// codex-rs/cli/src/mcp_cmd.rs: `url` means Streamable HTTP and there is no SSE transport;
/// `codex mcp add` has `--url` and `--bearer-token-env-var` and no header flag (discussion
/// #30870); an inline `bearer_token` is rejected; static headers go in `http_headers`, headers
/// read from variables in `env_http_headers` (PR #5241); a `headers` key is silently ignored.
public struct Codex: Client {
    /// Creates the client.
    public init() {}
    /// `codex`.
    public let id = "codex"
    /// `Codex`.
    public let title = "Codex"
    /// When these facts were last checked at their sources.
    public let checked = "2026-11-22"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.terminal
    /// The variable's name in `bearer_token_env_var` (or `env_http_headers`).
    public let envSyntax: String? = "bearer_token_env_var"
    /// `$CODEX_HOME` replaces `~/.codex` (openai/codex codex-rs/core/src/config.rs, find_codex_home).
    public let configHomes = [ConfigHome(prefix: "~/.codex/", variable: "CODEX_HOME")]

    static let paths = ConfigPath.underHome(".codex/config.toml") + [.project(".codex/config.toml")]

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        if profile.transport == .sse {
            let reason = "Codex speaks only Streamable HTTP, not SSE: point it at the server's Streamable HTTP endpoint (render with --transport http)."
            return [
                ArtifactSpec("command", kind: .command, title: "Add with the codex CLI", body: .unavailable(reason: reason)),
                ArtifactSpec("config", kind: .file, title: "config.toml", body: .unavailable(reason: reason), paths: Self.paths),
            ]
        }
        return [command(request), config(request)]
    }

    private func command(_ request: SetupRequest) -> ArtifactSpec {
        let profile = request.profile
        var argv: [Text] = ["codex", "mcp", "add", .literal(profile.name), "--url", request.endpointText]
        var notes: [String] = []
        switch profile.auth {
        case .bearer:
            argv += ["--bearer-token-env-var", .literal(profile.envVar)]
            notes.append("Codex reads the key from \(profile.envVar) each time it starts: set it in the environment that launches Codex (for example export \(profile.envVar)=… in your shell profile).")
        case .header(let name, _, _):
            let reason = "The codex CLI can only send a key as 'Authorization: Bearer'; this server wants it in \(name). Use the config.toml artifact, which sets the header."
            return ArtifactSpec("command", kind: .command, title: "Add with the codex CLI", body: .unavailable(reason: reason))
        case .oauth:
            notes.append("Codex starts the sign-in when the server asks for it; run codex mcp login \(profile.name) to sign in again later.")
        case .query, .none:
            break
        }
        if let note = request.queryKeyNote { notes.append(note) }
        return ArtifactSpec("command", kind: .command, title: "Add with the codex CLI", body: .document(.command(argv: argv)), notes: notes)
    }

    private func config(_ request: SetupRequest) -> ArtifactSpec {
        let profile = request.profile
        var entry: [Value.Member] = [Value.Member("url", .string(request.endpointText))]
        var notes: [String] = []
        if let headerName = profile.auth.headerName {
            if request.credential.isReference {
                if profile.auth == .bearer {
                    entry.append(Value.Member("bearer_token_env_var", .literal(profile.envVar)))
                } else if profile.auth.hasHeaderAffixes {
                    let reason = "Codex sends an env_http_headers variable's value as the whole header, so it cannot put fixed text around the key from \(profile.envVar); render with the key itself (--token-stdin), or have the server accept the bare key."
                    return ArtifactSpec("config", kind: .file, title: "config.toml", body: .unavailable(reason: reason), paths: Self.paths)
                } else {
                    entry.append(Value.Member("env_http_headers", .object([Value.Member(headerName, .literal(profile.envVar))])))
                }
                notes.append("Codex reads the key from \(profile.envVar): set it in the environment that launches Codex.")
            } else if let header = request.authHeader(key: .secret) {
                entry.append(Value.Member("http_headers", .object([Value.Member(header.name, .string(header.value))])))
                if request.holdsRealKey {
                    notes.append("This file holds your key; render with --token-env to keep it in an environment variable instead.")
                }
            }
        }
        if let note = request.queryKeyNote { notes.append(note) }
        let document = Value.object([Value.Member("mcp_servers", .object([Value.Member(profile.name, .object(entry))]))])
        return ArtifactSpec("config", kind: .file, title: "config.toml", body: .document(.toml(document)), notes: notes, paths: Self.paths, install: .servers("mcp_servers"))
    }
}
