/// Cline (VS Code extension and Cline CLI): `cline_mcp_settings.json`.
///
/// Facts (checked 2026-11-22): cline/cline src/services/mcp/schemas.ts and
/// docs.cline.bot/mcp/configuring-mcp-servers: root key `mcpServers`; `type` is `stdio`, `sse`
/// or `streamableHttp`, and is always written, because older schemas tried SSE first for a bare
/// `url`; `headers`, `disabled`, `autoApprove`. The extension keeps the file in VS Code's global
/// storage (`saoudrizwan.claude-dev/settings/`), the CLI in `~/.cline/data/settings/`.
/// Environment variables are not expanded (third-party source only), so the key is written in.
public struct Cline: Client {
    /// Creates the client.
    public init() {}
    /// `cline`.
    public let id = "cline"
    /// `Cline`.
    public let title = "Cline"
    /// When these facts were last checked at their sources.
    public let checked = "2026-11-22"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor

    static let paths = ConfigPath.vscodeGlobalStorage("saoudrizwan.claude-dev/settings/cline_mcp_settings.json")
        + ConfigPath.underHome(".cline/data/settings/cline_mcp_settings.json")

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let type = request.profile.transport == .http ? "streamableHttp" : "sse"
        var entry = [Value.Member("type", .literal(type))] + request.urlAndHeaders(reference: nil)
        entry += [Value.Member("disabled", false), Value.Member("autoApprove", .array([]))]
        return [
            ArtifactSpec("config", kind: .file, title: "cline_mcp_settings.json", body: .document(.json(request.serversFile(root: "mcpServers", entry: entry))),
                         notes: request.configNotes(client: title, reference: nil, oauth: "Press Authenticate next to the server in Cline's MCP Servers view to sign in with OAuth."), paths: Self.paths,
                         install: .servers("mcpServers")),
        ]
    }
}
