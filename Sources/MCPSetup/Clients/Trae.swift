/// Trae (ByteDance's IDE): the project `.trae/mcp.json` and the "Add to Trae" links.
///
/// Facts (checked 2026-12-01): volcengine.com/docs/86677/2137600 (install links, official, for
/// Trae CN): `trae-cn://trae.ai-ide/mcp-import?type=stdio|http&name=…&config=…` where `config`
/// is `encodeURIComponent(base64(JSON.stringify(server)))`; volcengine.com/docs/86677/2137601:
/// a project's `.trae/mcp.json` holds `{"mcpServers": {name: {"url", "headers"}}}` and is read
/// when "Enable Project MCP" is on. The international app's `trae://trae.ai-ide/mcp-import` with
/// the same parameters is quoted from docs.trae.ai/ide/mcp-server-install-links by third parties.
///
/// Unconfirmed: the server object inside `config` for `type=http` (the `{"url", "headers"}` of
/// the file is used) and variable expansion (the key is written in). The user-level file lives in
/// Trae's application data (macOS `~/Library/Application Support/Trae/User/mcp.json`, from a
/// third party), so only the project file is given.
public struct Trae: Client {
    /// Creates the client.
    public init() {}
    /// `trae`.
    public let id = "trae"
    /// `Trae`.
    public let title = "Trae"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor

    static let paths = [ConfigPath.project(".trae/mcp.json")]

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        let server = Value.object(request.urlAndHeaders(reference: nil))
        var notes = request.configNotes(client: title, reference: nil, oauth: SetupRequest.undocumentedOAuth(title))
        var linkNotes = notes + ["Trae documents this link for stdio servers; the shape for a remote (http) server is unconfirmed, and the international app's trae:// scheme is known only from third parties (Trae CN's trae-cn:// is documented). If Trae does not add it, use the mcp.json artifact."]
        if profile.transport == .sse {
            linkNotes.append("Trae's link documents only type=stdio and type=http; whether it reads an SSE server this way is unconfirmed.")
        }
        notes.append("Turn on Enable Project MCP in Trae's MCP settings so it reads this file.")
        let items = [Link.Item("type", "http"), Link.Item("name", .literal(profile.name)), Link.Item("config", .base64(.json(server)))]
        return [
            ArtifactSpec("install-link", kind: .link, title: "Add to Trae", body: .document(.line(.link(.items("trae://trae.ai-ide/mcp-import", items)))), notes: linkNotes),
            ArtifactSpec("install-link-cn", kind: .link, title: "Add to Trae CN", body: .document(.line(.link(.items("trae-cn://trae.ai-ide/mcp-import", items)))), notes: linkNotes),
            ArtifactSpec("mcp-json", kind: .file, title: ".trae/mcp.json", body: .document(.json(request.serversFile(root: "mcpServers", entry: request.urlAndHeaders(reference: nil)))), notes: notes, paths: Self.paths, install: .servers("mcpServers")),
        ]
    }
}
