/// Kilo Code (the VS Code extension 7.x and the Kilo CLI, rebuilt on OpenCode's core in 2026):
/// the `mcp` section of `kilo.json`.
///
/// Facts (checked 2026-12-07): Kilo-Org/kilocode packages/kilo-docs/pages/automate/mcp/
/// using-in-kilo-code.md and packages/opencode/src/global/index.ts: the user file is
/// `~/.config/kilo/kilo.json` (`kilo.jsonc` too) on every OS, Windows included (xdg-basedir,
/// not `%APPDATA%`; add-mcp src/agents.ts says the same), the project file `kilo.json` at the
/// root (or `.kilo/kilo.json`); JSONC; a remote server is `{"type": "remote", "url",
/// "headers", "enabled"}`, Streamable HTTP first, then SSE; OAuth starts by itself unless
/// `"oauth": false`. `{env:VAR}` is expanded in the user file only: in a project file an MCP
/// header holding `{env:…}` gets its server dropped (packages/opencode/src/kilocode/config/
/// mcp-headers.ts, PR #12554, 2026-07), and one variable syntax for both scopes is what a client
/// states here, so the key is written into the file. The files of the extension before 7.x
/// (`mcp_settings.json`, `.kilocode/mcp.json`) are still read, with no variables at all.
public struct KiloCode: Client {
    /// Creates the client.
    public init() {}
    /// `kilo-code`.
    public let id = "kilo-code"
    /// `Kilo Code`.
    public let title = "Kilo Code"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-07"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor
    /// Falls back to SSE by itself (see above).
    public let fallsBackToSSE = true
    /// `$XDG_CONFIG_HOME` replaces `~/.config` on every OS (xdg-basedir, see above).
    public let configHomes = [ConfigHome(prefix: "~/.config/", variable: "XDG_CONFIG_HOME")]

    static let paths = [.project("kilo.json")] + ConfigPath.underHome(".config/kilo/kilo.json")

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        var entry: [Value.Member] = [
            Value.Member("type", "remote"),
            Value.Member("url", .string(request.endpointText)),
            Value.Member("enabled", true),
        ]
        if request.profile.auth.usesKey { entry.append(Value.Member("oauth", false)) }
        entry.append("headers", request.headersValue(key: .secret))
        let file = request.serversFile(root: "mcp", entry: entry)
        let notes = request.configNotes(
            client: title, reference: nil,
            referenceNote: "Kilo Code expands {env:\(request.profile.envVar)} only in the user file (~/.config/kilo/kilo.json) and drops a server whose header holds one in a project file, so the key is written into the file: replace \(request.placeholder) with your key.",
            oauth: "Kilo Code signs you in with OAuth when it first connects.")
        return [
            ArtifactSpec("config", kind: .file, title: "kilo.json", body: .document(.jsonc(file)), notes: notes, paths: Self.paths, install: .servers("mcp")),
        ]
    }
}
