/// Microsoft Copilot Studio's "Model Context Protocol" tool wizard: the fields to enter. The
/// key is typed into the connection the wizard creates, so these are form fields, not a file.
///
/// Facts (checked 2026-12-02; agent-apis-2026-12.md §10.1):
/// - learn.microsoft.com/microsoft-copilot-studio/mcp-add-existing-server-to-agent: Agent →
///   Tools → Add a tool → New tool → Model Context Protocol; Server name, Server description,
///   Server URL; Authentication None | API key | OAuth 2.0; API key asks Type (Header | Query)
///   and the header or parameter name; the key itself is entered when the connection is created.
///   "Copilot Studio no longer supports SSE for MCP after August 2025."
/// - docs.merge.dev (Copilot Studio guide): for header Authorization the value is `Bearer <key>`.
/// - Microsoft Learn training module "configure MCP authentication": credentials are per user.
/// - Connections are made from Microsoft's cloud, so the server must be public.
public struct CopilotStudio: Client {
    /// Creates the client.
    public init() {}
    /// `copilot-studio`.
    public let id = "copilot-studio"
    /// `Copilot Studio`.
    public let title = "Copilot Studio"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-02"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.builder

    private static let wizard = "In your agent, open Tools > Add a tool > New tool > Model Context Protocol, and enter the server name, a description of what the server does (the agent reads it to decide when to call it) and this URL."

    /// The artifacts: the server URL, the header or parameter name, and the key value for the
    /// connection.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        let unreachable = request.hostedUnreachable(title, instead: "Copilot Studio needs a public HTTPS URL.")
        let sse = profile.transport == .sse ? "Copilot Studio connects only over Streamable HTTP (it dropped SSE in August 2025); serve the MCP endpoint over Streamable HTTP." : nil
        if let reason = unreachable ?? sse {
            return [
                ArtifactSpec("server-url", kind: .url, title: "Server URL", body: .unavailable(reason: reason)),
                ArtifactSpec("auth-name", kind: .field, title: "Header name", body: .unavailable(reason: reason)),
                ArtifactSpec("key-value", kind: .field, title: "Key for the connection", body: .unavailable(reason: reason)),
            ]
        }
        let url = Text.literal(profile.endpoint)
        let noKey = profile.auth == .oauth
            ? "Each user signs in with OAuth when Copilot Studio creates their connection, so there is no key to enter."
            : "This server takes no key, so there is nothing to enter here."
        switch profile.auth {
        case .none, .oauth:
            let choice = profile.auth == .oauth ? "Under Authentication choose OAuth 2.0 and Dynamic discovery; Copilot Studio signs each user in." : "Under Authentication choose None."
            return [
                ArtifactSpec("server-url", kind: .url, title: "Server URL", body: .document(.line(url)), notes: [Self.wizard, choice]),
                ArtifactSpec("auth-name", kind: .field, title: "Header name", body: .unavailable(reason: noKey)),
                ArtifactSpec("key-value", kind: .field, title: "Key for the connection", body: .unavailable(reason: noKey)),
            ]
        case .query(let parameter):
            return [
                ArtifactSpec("server-url", kind: .url, title: "Server URL", body: .document(.line(url)), notes: [Self.wizard, "Under Authentication choose API key, Type Query, and enter \(parameter) as the parameter name."]),
                ArtifactSpec("auth-name", kind: .field, title: "Query parameter name", body: .document(.line(.literal(parameter))), notes: ["Type: Query."]),
                ArtifactSpec("key-value", kind: .field, title: "Key for the connection", body: .document(.line(.secret)),
                             notes: ["Enter this when Copilot Studio creates the connection; each user of the agent enters their own key."] + request.builderKeyNotes(title) + (request.queryKeyNote.map { [$0] } ?? [])),
            ]
        case .bearer, .header:
            guard let header = request.authHeader(key: .secret) else { return [] }
            return [
                ArtifactSpec("server-url", kind: .url, title: "Server URL", body: .document(.line(url)), notes: [Self.wizard, "Under Authentication choose API key, Type Header, and enter \(header.name) as the header name."]),
                ArtifactSpec("auth-name", kind: .field, title: "Header name", body: .document(.line(.literal(header.name))), notes: ["Type: Header."]),
                ArtifactSpec("key-value", kind: .field, title: "Key for the connection", body: .document(.line(header.value)),
                             notes: ["Enter this, exactly, when Copilot Studio creates the connection; each user of the agent enters their own key."] + request.builderKeyNotes(title)),
            ]
        }
    }
}
