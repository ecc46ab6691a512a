/// Amazon Q Developer, the IDE plugins (VS Code, JetBrains, Visual Studio, Eclipse) and the
/// last releases of the Q Developer CLI: `mcp.json`.
///
/// Facts (checked 2026-12-07): aws/language-servers server/aws-lsp-codewhisperer/src/
/// language-server/agenticChat/tools/mcp/mcpUtils.ts (getGlobalMcpConfigPath,
/// getWorkspaceMcpConfigPath; snapshot 2026-08-20) and aws/amazon-q-developer-cli
/// crates/chat-cli/src/util/paths.rs: both read `~/.aws/amazonq/mcp.json` (user, every OS) and
/// `.amazonq/mcp.json` (workspace); root key `mcpServers`. The IDE's settings screen writes
/// `agents/default.json` beside it, which is read first, but `mcp.json` is the one file both
/// read (the AWS page mcp-ide.html says `~/.aws/amazonq/default.json`; the code says
/// `agents/default.json`). A remote entry is `{"type": "http", "url", "headers"}`: the CLI's
/// `type` defaults to stdio, so `"http"` is required there (custom_tool.rs; remote servers since
/// CLI 1.16.0, 2025-09); the IDE ignores `type`, tries Streamable HTTP and falls back to SSE.
///
/// Sources disagree on variables: the CLI expands `${env:VAR}` in headers (since 1.19.0, PR
/// #3075) and the IDE expands nothing (mcpManager.ts), so the key is written into the file. The
/// CLI is now Kiro CLI (November 2025; use `kiro`), and AWS ends the IDE plugins on 2027-04-30
/// (q-developer-ide-end-of-support).
public struct AmazonQ: Client {
    /// Creates the client.
    public init() {}
    /// `amazon-q`.
    public let id = "amazon-q"
    /// `Amazon Q Developer`.
    public let title = "Amazon Q Developer"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-07"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor
    /// The IDE falls back to SSE by itself (see above).
    public let fallsBackToSSE = true

    static let paths = ConfigPath.underHome(".aws/amazonq/mcp.json") + [.project(".amazonq/mcp.json")]

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        var entry = [Value.Member("type", "http")]
        entry += request.urlAndHeaders(reference: nil)
        let file = request.serversFile(root: "mcpServers", entry: entry)
        var notes = request.configNotes(client: title, reference: nil, oauth: "Amazon Q signs you in with OAuth when the server asks for it; it also does so when the server still answers 401 with the key, so check the key first.")
        notes.append("The IDE plugins are supported until 2027-04-30; the Q Developer CLI is now Kiro CLI, which reads Kiro's file (use the Kiro setup).")
        return [
            ArtifactSpec("mcp-json", kind: .file, title: "mcp.json", body: .document(.json(file)), notes: notes, paths: Self.paths, install: .servers("mcpServers")),
        ]
    }
}
