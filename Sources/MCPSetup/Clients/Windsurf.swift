/// Windsurf (Cascade): `mcp_config.json`.
///
/// Facts (checked 2026-11-22): docs.windsurf.com/windsurf/cascade/mcp (mirror
/// codeium.mintlify.app): root key `mcpServers`, a remote entry has `serverUrl` or `url` and
/// `headers`, no transport keyword; `${env:VAR}` and `${file:path}` are expanded in `serverUrl`,
/// `url` and `headers`; one global file, `~/.codeium/windsurf/mcp_config.json`
/// (github/github-mcp-server docs/installation-guides/install-windsurf.md). The
/// `windsurf://windsurf-mcp-registry?serverName=` link only opens registry entries, so there is
/// no install link.
///
/// Conflicts: the official docs accept `url`, but vendors report that older builds read only
/// `serverUrl`, which every version reads, so the entry uses `serverUrl`. GitHub's older guide
/// says Windsurf has no variable interpolation; the current official docs document `${env:}`,
/// which is what is used here.
public struct Windsurf: Client {
    /// Creates the client.
    public init() {}
    /// `windsurf`.
    public let id = "windsurf"
    /// `Windsurf`.
    public let title = "Windsurf"
    /// When these facts were last checked at their sources.
    public let checked = "2026-11-22"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor
    /// `${env:VAR}`.
    public let envSyntax: String? = EnvReference.envColon.syntax

    static let paths = ConfigPath.underHome(".codeium/windsurf/mcp_config.json")

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let file = request.serversFile(root: "mcpServers", entry: request.urlAndHeaders(urlKey: "serverUrl", reference: .envColon))
        return [
            ArtifactSpec("config", kind: .file, title: "mcp_config.json", body: .document(.json(file)),
                         notes: request.configNotes(client: title, reference: .envColon), paths: Self.paths, install: .servers("mcpServers")),
        ]
    }
}
