/// JetBrains AI Assistant (IntelliJ IDEA, PyCharm and the other JetBrains IDEs): the JSON pasted
/// into its MCP settings.
///
/// Facts (checked 2026-12-01): gleanwork/mcp-config configs/jetbrains.json ("Direct file
/// writing is not supported due to version-specific XML storage"); developer.mescius.com
/// jetbrains-ides guide: Settings → Tools → AI Assistant → Model Context Protocol (MCP) → Add →
/// As JSON, with `{"mcpServers": {name: {"type": "http", "url", "headers"}}}` for a remote
/// server (clients-2026-12.md §3.1, §8.4). The IDE stores servers in its own XML, so the JSON is
/// pasted, not installed. Unconfirmed: variable expansion in headers (so the key is written in),
/// and `"type": "sse"` for SSE servers.
public struct JetBrainsAI: Client {
    /// Creates the client.
    public init() {}
    /// `jetbrains-ai`.
    public let id = "jetbrains-ai"
    /// `JetBrains AI Assistant`.
    public let title = "JetBrains AI Assistant"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        var entry: [Value.Member] = [Value.Member("type", .literal(profile.transport == .sse ? "sse" : "http"))]
        entry += request.urlAndHeaders(reference: nil)
        var notes = request.configNotes(client: title, reference: nil, oauth: SetupRequest.undocumentedOAuth(title))
        if profile.transport == .sse {
            notes.append("JetBrains documents \"type\": \"http\" for remote servers; \"sse\" for an SSE server is unconfirmed.")
        }
        return [
            ArtifactSpec("mcp-json", kind: .file, title: "JSON for Settings → AI Assistant → MCP", body: .document(.json(request.serversFile(root: "mcpServers", entry: entry))), notes: notes),
        ]
    }
}
