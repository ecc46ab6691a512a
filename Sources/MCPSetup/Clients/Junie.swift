/// JetBrains Junie (the coding agent, in the IDEs and as a CLI): `mcp.json`.
///
/// Facts (checked 2026-12-01): gleanwork/mcp-config configs/junie.json and #103 (citing
/// junie.jetbrains.com/docs/junie-cli-mcp-configuration.html): the user file is
/// `~/.junie/mcp/mcp.json`, a project's is `.junie/mcp/mcp.json` (intellectronica/ruler#393,
/// WolframResearch/AgentTools#159); root key `mcpServers`, a remote entry `{"url", "headers"}`
/// with no `type`; remote servers are native now, no bridge (clients-2026-12.md §8.4).
/// Unconfirmed: variable expansion in headers, so the key is written in.
public struct Junie: Client {
    /// Creates the client.
    public init() {}
    /// `junie`.
    public let id = "junie"
    /// `JetBrains Junie`.
    public let title = "JetBrains Junie"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor

    static let paths = ConfigPath.underHome(".junie/mcp/mcp.json") + [.project(".junie/mcp/mcp.json")]

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let file = request.serversFile(root: "mcpServers", entry: request.urlAndHeaders(reference: nil))
        return [
            ArtifactSpec("mcp-json", kind: .file, title: "mcp.json", body: .document(.json(file)),
                         notes: request.configNotes(client: title, reference: nil, oauth: SetupRequest.undocumentedOAuth(title)), paths: Self.paths, install: .servers("mcpServers")),
        ]
    }
}
