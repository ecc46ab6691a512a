/// Crush (Charm): the `mcp` section of `crush.json`.
///
/// Facts (checked 2026-12-01): charmbracelet/crush (37f36e9, 2026-08-21) internal/config/load.go
/// and config.go, internal/home/home.go, README.md, docs/config/README.md: the project files are
/// `.crushrc`, `crushrc`, `.crush.json` and `crush.json` (searched up to the git root), the user
/// files `$XDG_CONFIG_HOME/crush/…`, else `~/.config/crush/…` (also on Windows); a remote server
/// is `"mcp": {name: {"type": "http" | "sse", "url", "headers"}}`, `type` required; `url` and
/// `headers` go through a shell expander (`$VAR`, `${VAR}`, `${VAR:-d}`, `$(cmd)`; an unset
/// variable becomes empty and an empty header is dropped; `\$` is a literal `$`).
///
/// The JSON files are deprecated in favour of `crushrc` (Bash) but still read; the artifact is
/// the JSON file, which mcp-setup can parse back and install into. A key holding `$`, a
/// backquote or a backslash is refused, since the expander would change it.
public struct Crush: Client {
    /// Creates the client.
    public init() {}
    /// `crush`.
    public let id = "crush"
    /// `Crush`.
    public let title = "Crush"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.terminal
    /// `$VAR`.
    public let envSyntax: String? = EnvReference.dollar.syntax

    static let paths = ConfigPath.underHome(".config/crush/crush.json") + [.project("crush.json")]
    static let expanderSafe = [
        KeyRestriction(.contains("$"), reason: "Crush expands $VAR and $(…) inside header values, so a key containing $ would not reach the server as it is; create a key without $."),
        KeyRestriction(.contains("`"), reason: "Crush's shell expander reads a backquote in a header value, so a key containing ` would not reach the server as it is; create a key without it."),
        KeyRestriction(.contains("\\"), reason: "Crush's shell expander reads a backslash in a header value as an escape, so a key containing \\ would not reach the server as it is; create a key without it."),
    ]

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        var entry: [Value.Member] = [Value.Member("type", .literal(profile.transport == .sse ? "sse" : "http"))]
        entry += request.urlAndHeaders(reference: .dollar)
        var notes = request.configNotes(client: title, reference: .dollar,
                                        referenceNote: "Crush expands $\(profile.envVar) when it loads the file: set \(profile.envVar) in the environment that starts crush.",
                                        oauth: SetupRequest.undocumentedOAuth(title))
        notes.append("Crush still reads crush.json, but new settings go to its crushrc format; the entry is the same there.")
        let file = request.serversFile(root: "mcp", entry: entry, leading: [Value.Member("$schema", "https://charm.land/crush.json")])
        return [
            ArtifactSpec("config", kind: .file, title: "crush.json", body: .document(.json(file)), notes: notes, paths: Self.paths, keyRestrictions: Self.expanderSafe, install: .servers("mcp")),
        ]
    }
}
