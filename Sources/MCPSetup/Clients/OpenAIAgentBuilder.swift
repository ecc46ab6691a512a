/// OpenAI Agent Builder (AgentKit), whose MCP node writes a Responses API `mcp` tool: the
/// fields to enter in its MCP dialog.
///
/// Facts (checked 2026-12-02; agent-apis-2026-12.md §5.3):
/// - The dialog takes a URL, a label, an optional description, allowed tools, approval (always
///   or never), and authentication: an access token or API key (exported as `authorization`)
///   or custom headers (exported as `headers`). This is inferred from Agent Builder's "Get
///   code" exports in public repositories; the dialog's exact labels are unconfirmed.
/// - OpenAI's cloud connects (the Responses tool), so the URL must be public, or reached
///   through the Secure MCP Tunnel.
/// - Auth entered in Agent Builder is reported not to carry over to a ChatKit deployment
///   (openai/openai-chatkit-starter-app#67, unconfirmed).
public struct OpenAIAgentBuilder: Client {
    /// Creates the client.
    public init() {}
    /// `openai-agent-builder`.
    public let id = "openai-agent-builder"
    /// `OpenAI Agent Builder`.
    public let title = "OpenAI Agent Builder"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-02"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.builder

    private static let labels = "Agent Builder's dialog labels are not published; the names here follow its exported code."

    /// The artifacts: the URL, and the access token or the custom header.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        if let reason = request.hostedUnreachable(title, instead: "expose it through OpenAI's Secure MCP Tunnel, or use the OpenAI Agents SDK's local MCPServerStreamableHttp.") {
            return [
                ArtifactSpec("server-url", kind: .url, title: "Server URL", body: .unavailable(reason: reason)),
                ArtifactSpec("auth-value", kind: .field, title: "Access token or API key", body: .unavailable(reason: reason)),
            ]
        }
        let intro = "Add an MCP server to the agent node's tools: enter this URL and \(profile.name) as the label, and choose whether tool calls need approval. \(Self.labels)"
        if request.takesBearer {
            return [
                ArtifactSpec("server-url", kind: .url, title: "Server URL", body: .document(.line(.literal(profile.endpoint))), notes: [intro, "For authentication choose the access token or API key, and enter the key below."]),
                ArtifactSpec("auth-value", kind: .field, title: "Access token or API key", body: .document(.line(.secret)), notes: ["The key alone, without the word Bearer."] + request.builderKeyNotes(title)),
            ]
        }
        switch profile.auth {
        case .header:
            guard let header = request.authHeader(key: .secret) else { return [] }
            return [
                ArtifactSpec("server-url", kind: .url, title: "Server URL", body: .document(.line(.literal(profile.endpoint))), notes: [intro, "For authentication choose custom headers, and add the header \(header.name) with the value below."]),
                ArtifactSpec("auth-value", kind: .field, title: "Custom header: \(header.name)", body: .document(.line(header.value)), notes: ["Enter \(header.name) as the header name and this as its value."] + request.builderKeyNotes(title)),
            ]
        case .query:
            return [
                ArtifactSpec("server-url", kind: .url, title: "Server URL", body: .document(.line(request.endpointText)), notes: [intro, "The key is part of this URL, so choose no authentication."] + (request.queryKeyNote.map { [$0] } ?? [])),
                ArtifactSpec("auth-value", kind: .field, title: "Access token or API key", body: .unavailable(reason: "The key travels in the server URL, so nothing goes in the authentication fields.")),
            ]
        case .oauth, .none, .bearer:
            let oauth = profile.auth == .oauth
            let reason = oauth
                ? "The server signs in with OAuth; Agent Builder's exports show only an access token, which your application gets from the server's OAuth flow."
                : "This server takes no key, so there is nothing to enter here."
            let notes = oauth ? [intro, "Whether Agent Builder runs an OAuth sign-in itself is not documented (unconfirmed): choose OAuth if the dialog offers it, otherwise enter an access token."] : [intro]
            return [
                ArtifactSpec("server-url", kind: .url, title: "Server URL", body: .document(.line(.literal(profile.endpoint))), notes: notes),
                ArtifactSpec("auth-value", kind: .field, title: "Access token or API key", body: .unavailable(reason: reason)),
            ]
        }
    }
}
