/// Factory's Droid CLI: `droid mcp add` and `mcp.json`.
///
/// Facts (checked 2026-12-01): Factory-AI/factory docs/cli/configuration/mcp.mdx (2026-07-24):
/// `droid mcp add <name> <url> --type http|sse [--header "KEY: VALUE"]…` writes the user file
/// `~/.factory/mcp.json`; a project's `.factory/mcp.json` is read too (the user file wins for
/// the same name); root key `mcpServers`, a remote entry `{"type", "url", "headers"}`; `${VAR}`
/// and `${VAR:-default}` are expanded in `url` and `headers` (an unset variable stays literal,
/// with a warning). An older page said Droid ran only stdio servers; the current page
/// supersedes it. SSE is documented as legacy.
public struct FactoryDroid: Client {
    /// Creates the client.
    public init() {}
    /// `factory-droid`.
    public let id = "factory-droid"
    /// `Factory Droid`.
    public let title = "Factory Droid"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.terminal
    /// `${VAR}`.
    public let envSyntax: String? = EnvReference.dollarBraces.syntax

    static let paths = ConfigPath.underHome(".factory/mcp.json") + [.project(".factory/mcp.json")]
    /// Droid would expand `${…}` inside the key.
    static let noVariableSyntax = KeyRestriction(.contains("${"), reason: "Factory Droid expands ${…} inside header values, so a key containing ${ would not reach the server as it is; create a key without ${.")

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        let key = request.keyText(reference: .dollarBraces)
        let type = profile.transport == .sse ? "sse" : "http"
        var argv: [Text] = ["droid", "mcp", "add", .literal(profile.name), request.endpointText, "--type", .literal(type)]
        if let header = request.authHeader(key: key) {
            argv += ["--header", .literal(header.name + ": ") + header.value]
        }
        let notes = request.configNotes(client: title, reference: .dollarBraces,
                                        referenceNote: "Droid expands ${\(profile.envVar)} when it connects: set \(profile.envVar) in the environment that starts droid.",
                                        oauth: SetupRequest.undocumentedOAuth(title))
        var entry: [Value.Member] = [Value.Member("type", .literal(type))]
        entry += request.urlAndHeaders(reference: .dollarBraces)
        return [
            ArtifactSpec("command", kind: .command, title: "Add with the droid CLI", body: .document(.command(argv: argv)), notes: notes, keyRestrictions: [Self.noVariableSyntax]),
            ArtifactSpec("mcp-json", kind: .file, title: "mcp.json", body: .document(.json(request.serversFile(root: "mcpServers", entry: entry))), notes: notes, paths: Self.paths, keyRestrictions: [Self.noVariableSyntax], install: .servers("mcpServers")),
        ]
    }
}
