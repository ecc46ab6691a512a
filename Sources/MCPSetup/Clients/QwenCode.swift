/// Qwen Code (a Gemini CLI fork): `qwen mcp add` and `settings.json`.
///
/// Facts (checked 2026-12-01): QwenLM/qwen-code docs/users/features/mcp.md,
/// docs/users/configuration/settings.md and packages/cli/src/commands/mcp/add.ts:
/// `qwen mcp add [--scope user|project] [--transport http|sse] [-H "NAME: VALUE"]… <name> <url>`
/// (`-H` repeatable, split at the first `:`); files `~/.qwen/settings.json` and
/// `.qwen/settings.json`; root key `mcpServers`; Streamable HTTP is `{"httpUrl", "headers"}`,
/// SSE `{"url", "headers"}`; every string in settings.json expands `$VAR` and `${VAR}`, so a key
/// holding `$` is refused. Comments are read as in Gemini CLI (JSONC).
public struct QwenCode: Client {
    /// Creates the client.
    public init() {}
    /// `qwen-code`.
    public let id = "qwen-code"
    /// `Qwen Code`.
    public let title = "Qwen Code"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.terminal
    /// `${VAR}`.
    public let envSyntax: String? = EnvReference.dollarBraces.syntax

    static let paths = ConfigPath.underHome(".qwen/settings.json") + [.project(".qwen/settings.json")]
    static let noDollar = KeyRestriction(.contains("$"), reason: "Qwen Code expands $VAR and ${VAR} in every setting, so a key containing $ would not reach the server as it is; create a key without $.")

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        let key = request.keyText(reference: .dollarBraces)
        var argv: [Text] = ["qwen", "mcp", "add", "--scope", "user", "--transport", .literal(profile.transport.rawValue)]
        if let header = request.authHeader(key: key) {
            argv += ["-H", .literal(header.name + ": ") + header.value]
        }
        argv += [.literal(profile.name), request.endpointText]
        var entry = [Value.Member(profile.transport == .sse ? "url" : "httpUrl", .string(request.endpointText))]
        entry.append("headers", request.headersValue(key: key))
        let notes = request.configNotes(client: title, reference: .dollarBraces,
                                        referenceNote: "Qwen Code keeps ${\(profile.envVar)} in settings.json and expands it when it loads the file: set \(profile.envVar) in the environment that starts qwen.",
                                        oauth: "Qwen Code starts the OAuth sign-in when the server asks for it; run /mcp auth \(profile.name) inside Qwen Code to sign in again.")
        return [
            ArtifactSpec("command", kind: .command, title: "Add with the qwen CLI", body: .document(.command(argv: argv)), notes: notes, keyRestrictions: [Self.noDollar]),
            ArtifactSpec("settings-json", kind: .file, title: "settings.json", body: .document(.jsonc(request.serversFile(root: "mcpServers", entry: entry))), notes: notes, paths: Self.paths, keyRestrictions: [Self.noDollar], install: .servers("mcpServers")),
        ]
    }
}
