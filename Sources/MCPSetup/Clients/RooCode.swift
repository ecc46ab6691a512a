/// Roo Code: `mcp_settings.json` (global) and `.roo/mcp.json` (project).
///
/// Facts (checked 2026-11-22): RooCodeInc/Roo-Code-Docs docs/features/mcp/using-mcp-in-roo.mdx
/// and RooCodeInc/Roo-Code src/services/mcp/McpHub.ts: root key `mcpServers`; `type` is
/// `streamable-http` or `sse`; `headers`, `alwaysAllow`, `disabled`; the project file wins over
/// the global one (VS Code global storage, `rooveterinaryinc.roo-cline/settings/`).
/// `${env:VAR}` is documented for `args`, and McpHub applies `injectVariables` to the whole
/// entry, headers included, so env mode uses it.
public struct RooCode: Client {
    /// Creates the client.
    public init() {}
    /// `roo-code`.
    public let id = "roo-code"
    /// `Roo Code`.
    public let title = "Roo Code"
    /// When these facts were last checked at their sources.
    public let checked = "2026-11-22"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor
    /// `${env:VAR}`.
    public let envSyntax: String? = EnvReference.envColon.syntax

    static let paths = [.project(".roo/mcp.json")] + ConfigPath.vscodeGlobalStorage("rooveterinaryinc.roo-cline/settings/mcp_settings.json")

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let type = request.profile.transport == .http ? "streamable-http" : "sse"
        var entry = [Value.Member("type", .literal(type))] + request.urlAndHeaders(reference: .envColon)
        entry += [Value.Member("alwaysAllow", .array([])), Value.Member("disabled", false)]
        return [
            ArtifactSpec("mcp-json", kind: .file, title: "mcp.json", body: .document(.json(request.serversFile(root: "mcpServers", entry: entry))),
                         notes: request.configNotes(client: title, reference: .envColon, oauth: SetupRequest.undocumentedOAuth(title)), paths: Self.paths, install: .servers("mcpServers")),
        ]
    }
}
