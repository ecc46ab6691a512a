/// GitHub Copilot for JetBrains IDEs, Eclipse and Xcode: the `mcp.json` its settings open.
///
/// Facts (checked 2026-11-22): github/github-mcp-server
/// docs/installation-guides/install-other-copilot-ides.md: root key `servers`, a remote entry
/// is `url` with headers under `requestInit.headers` (the fetch option name), no transport
/// keyword; the file is edited from the plugin's MCP settings, and its path on disk is not
/// documented. Variables in headers are not documented, so the key is written into the entry.
/// (JetBrains AI Assistant and Junie are other products with other formats.)
public struct CopilotJetBrains: Client {
    /// Creates the client.
    public init() {}
    /// `copilot-jetbrains`.
    public let id = "copilot-jetbrains"
    /// `GitHub Copilot (JetBrains, Eclipse, Xcode)`.
    public let title = "GitHub Copilot (JetBrains, Eclipse, Xcode)"
    /// When these facts were last checked at their sources.
    public let checked = "2026-11-22"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        var entry = [Value.Member("url", .string(request.endpointText))]
        if let headers = request.headersValue(key: .secret) {
            entry.append(Value.Member("requestInit", .object([Value.Member("headers", headers)])))
        }
        return [
            ArtifactSpec("mcp-json", kind: .file, title: "mcp.json", body: .document(.json(request.serversFile(root: "servers", entry: entry))),
                         notes: request.configNotes(client: "GitHub Copilot", reference: nil, oauth: SetupRequest.undocumentedOAuth("The GitHub Copilot plugin"))),
        ]
    }
}
