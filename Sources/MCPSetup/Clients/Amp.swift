/// Amp (Sourcegraph's coding agent): `amp mcp add` and the `amp.mcpServers` setting.
///
/// Facts (checked 2026-12-01; mostly from third parties, marked in the notes): settings live in
/// `~/.config/amp/settings.json` (rootbeer.tale.me; j0hanz README) and, per workspace, in
/// `.amp/settings.json` (augmenter.dev); the file is JSONC (dyoshikawa/rulesync
/// src/features/mcp/amp-mcp.ts reads `settings.json` and `settings.jsonc`); the flat key
/// `amp.mcpServers` holds `{name: {"url", "headers"}}` with no transport keyword (Amp picks the
/// transport from the server); `amp mcp add NAME --header "NAME=VALUE" URL` (docfork README,
/// tomevault skill).
///
/// Unconfirmed: variable expansion in headers (the key is written in) and the Windows path
/// (`%USERPROFILE%\.config\amp` in third-party guides, `%APPDATA%\amp` in an older Sourcegraph
/// guide), so no Windows path is given.
public struct Amp: Client {
    /// Creates the client.
    public init() {}
    /// `amp`.
    public let id = "amp"
    /// `Amp`.
    public let title = "Amp"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.terminal

    static let paths = [
        ConfigPath(os: "macos", scope: "user", path: "~/.config/amp/settings.json"),
        ConfigPath(os: "linux", scope: "user", path: "~/.config/amp/settings.json"),
        .project(".amp/settings.json"),
    ]

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        var argv: [Text] = ["amp", "mcp", "add", .literal(profile.name)]
        if let header = request.authHeader(key: .secret) {
            argv += ["--header", .literal(header.name + "=") + header.value]
        }
        argv.append(request.endpointText)
        let notes = request.configNotes(client: title, reference: nil, oauth: SetupRequest.undocumentedOAuth(title))
        let commandNotes = notes + ["The --header NAME=VALUE form is from third-party guides; if amp refuses it, use the settings file."]
        let file = Value.object([Value.Member("amp.mcpServers", .object([Value.Member(profile.name, .object(request.urlAndHeaders(reference: nil)))]))])
        return [
            ArtifactSpec("command", kind: .command, title: "Add with the amp CLI", body: .document(.command(argv: argv)), notes: commandNotes),
            ArtifactSpec("settings-json", kind: .file, title: "settings.json", body: .document(.jsonc(file)), notes: notes, paths: Self.paths, install: .servers("amp.mcpServers")),
        ]
    }
}
