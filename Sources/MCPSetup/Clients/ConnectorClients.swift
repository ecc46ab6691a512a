/// The URL ChatGPT is given, or why it cannot be given one.
///
/// ChatGPT takes a server URL in a form and nothing else: no custom headers. A key can only
/// travel in the URL (query auth); header auth needs OAuth instead. (Claude, which now takes
/// request headers and refuses keys in URLs, has its own rules: ``ClaudeConnector``.)
enum ConnectorURL {
    static func body(for request: SetupRequest, client: String) -> (body: ArtifactSpec.Body, notes: [String]) {
        switch request.profile.auth {
        case .bearer where request.profile.alsoOAuth, .header where request.profile.alsoOAuth:
            return (.document(.line(.literal(request.profile.endpoint))), ["\(client) cannot send the key, so choose OAuth as the authentication and sign in when you connect."])
        case .bearer, .header:
            let header = request.profile.auth.headerName ?? "a header"
            return (.unavailable(reason: "\(client) cannot send \(header); it connects to servers that use OAuth or no authentication. Offer OAuth on the server, or a key in the URL (render with --auth query:PARAM)."), [])
        case .query:
            return (.document(.line(request.endpointText)), request.queryKeyNote.map { [$0] } ?? [])
        case .oauth:
            return (.document(.line(request.endpointText)), ["Choose OAuth as the authentication; \(client) signs in when you connect."])
        case .none:
            return (.document(.line(request.endpointText)), ["Choose no authentication."])
        }
    }
}

/// ChatGPT's custom MCP server (connector) form.
///
/// Facts (checked 2026-11-22): developers.openai.com/api/docs/guides/custom-mcp-server: a server
/// URL and OAuth / no authentication / mixed; no custom headers; SSE and Streamable HTTP.
public struct ChatGPT: Client {
    /// Creates the client.
    public init() {}
    /// `chatgpt`.
    public let id = "chatgpt"
    /// `ChatGPT`.
    public let title = "ChatGPT"
    /// When these facts were last checked at their sources.
    public let checked = "2026-11-22"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.chat

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let (body, notes) = ConnectorURL.body(for: request, client: title)
        return [ArtifactSpec("connector-url", kind: .url, title: "Server URL", body: body, notes: notes)]
    }
}

/// claude.ai (and the Claude apps) custom connectors: the URL, a request header where the
/// server takes its key in one (the static-headers beta), and the prefill link. The facts and
/// their sources are in ``ClaudeConnector``.
public struct ClaudeAI: Client {
    /// Creates the client.
    public init() {}
    /// `claude-ai`.
    public let id = "claude-ai"
    /// `Claude.ai`.
    public let title = "Claude.ai"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.chat

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        ClaudeConnector(request: request).artifacts(urlID: "connector-url", headerID: "request-header", prefill: true)
    }
}
