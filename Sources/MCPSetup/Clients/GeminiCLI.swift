/// Gemini CLI: `gemini mcp add` and `settings.json`.
///
/// Facts (checked 2026-11-22): google-gemini/gemini-cli docs/tools/mcp-server.md,
/// docs/reference/configuration.md, packages/cli/src/commands/mcp/add.ts (snapshot 5411f11):
/// `--transport` is `stdio|sse|http`; `-H/--header` is a repeatable single-value option;
/// `--scope` defaults to `project`, so the command says `user`; every string in settings.json is
/// expanded at load time (`$VAR`, `${VAR}`, `${VAR:-default}`, envVarResolver.ts), so the command
/// stores `${VAR}` literally; settings.json allows comments (JSONC); server names must not
/// contain `_` (profile names never do).
///
/// Conflict: `gemini mcp add` writes `"url"` with `"type": "http"`, but versions before `type`
/// existed read a bare `url` as SSE; `"httpUrl"` is read as Streamable HTTP by every version
/// (deprecated, and it wins over `url`), so the settings file uses `httpUrl` for HTTP, and
/// `url` with `"type": "sse"` (read as SSE by all) for SSE.
///
/// Checked 2026-12-01: Gemini CLI stopped serving personal accounts (Free, Google AI Pro and
/// Ultra) on 2026-06-18, announced at Google I/O 2026-05-19; Enterprise keeps it
/// (google-gemini/gemini-cli docs/resources/migrating-to-antigravity-cli.md, and third-party
/// reports quoted in clients-2026-12.md §3.2). Its successor for them is Antigravity CLI.
public struct GeminiCLI: Client {
    /// Creates the client.
    public init() {}
    /// `gemini-cli`.
    public let id = "gemini-cli"
    /// `Gemini CLI`.
    public let title = "Gemini CLI"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.terminal
    /// `${VAR}`.
    public let envSyntax: String? = EnvReference.dollarBraces.syntax

    static let paths = ConfigPath.underHome(".gemini/settings.json") + [.project(".gemini/settings.json")]
    /// Gemini CLI expands `$VAR` and `${VAR}` in every string of settings.json (envVarResolver.ts),
    /// the key's own text included.
    static let noDollar = KeyRestriction(.contains("$"), reason: "Gemini CLI expands $VAR and ${VAR} in every setting, so a key containing $ would not reach the server as it is; create a key without $.")

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        let key = request.keyText(reference: .dollarBraces)
        var argv: [Text] = ["gemini", "mcp", "add", "--transport", .literal(profile.transport.rawValue), "--scope", "user"]
        if let header = request.authHeader(key: key) {
            argv += ["--header", .literal(header.name + ": ") + header.value]
        }
        argv += [.literal(profile.name), request.endpointText]

        var entry: [Value.Member]
        switch profile.transport {
        case .http: entry = [Value.Member("httpUrl", .string(request.endpointText))]
        case .sse: entry = [Value.Member("url", .string(request.endpointText)), Value.Member("type", "sse")]
        }
        entry.append("headers", request.headersValue(key: key))
        let oauth = "Gemini CLI starts the OAuth sign-in when the server asks for it; run /mcp auth \(profile.name) inside Gemini CLI to sign in again."
        let notes = request.configNotes(client: title, reference: .dollarBraces,
                                        referenceNote: "Gemini CLI keeps ${\(profile.envVar)} in settings.json and expands it when it loads the file: set \(profile.envVar) in the environment that starts gemini.",
                                        oauth: oauth)
        return [
            ArtifactSpec("command", kind: .command, title: "Add with the gemini CLI", body: .document(.command(argv: argv)), notes: notes, keyRestrictions: [Self.noDollar]),
            ArtifactSpec("settings-json", kind: .file, title: "settings.json", body: .document(.jsonc(request.serversFile(root: "mcpServers", entry: entry))),
                         notes: notes, paths: Self.paths, keyRestrictions: [Self.noDollar], install: .servers("mcpServers")),
        ]
    }
}
