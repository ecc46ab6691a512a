/// Warp: the MCP server JSON that Warp takes in its settings, or in `.warp/.mcp.json`.
///
/// Facts (checked 2026-11-22): docs.warp.dev/agents/capabilities/mcp: Settings → Agents → MCP
/// servers → Add takes the JSON of other clients (`mcpServers`, `url`, `headers`), Streamable
/// HTTP and SSE, custom headers; how variables are written is not documented, so the key is
/// written into the entry. The files `~/.warp/.mcp.json` and `<repo>/.warp/.mcp.json` come from
/// Warp's own agent skill (skills.sh/warpdotdev/warp/agent-add-mcp), a weaker source.
public struct Warp: Client {
    /// Creates the client.
    public init() {}
    /// `warp`.
    public let id = "warp"
    /// `Warp`.
    public let title = "Warp"
    /// When these facts were last checked at their sources.
    public let checked = "2026-11-22"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.terminal

    static let paths = [
        ConfigPath(os: "macos", scope: "user", path: "~/.warp/.mcp.json"),
        ConfigPath(os: "linux", scope: "user", path: "~/.warp/.mcp.json"),
        .project(".warp/.mcp.json"),
    ]

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let file = request.serversFile(root: "mcpServers", entry: request.urlAndHeaders(reference: nil))
        return [
            ArtifactSpec("mcp-json", kind: .file, title: "MCP server JSON", body: .document(.json(file)),
                         notes: request.configNotes(client: title, reference: nil, oauth: SetupRequest.undocumentedOAuth(title)), paths: Self.paths, install: .servers("mcpServers")),
        ]
    }
}
