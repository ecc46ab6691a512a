/// The Anthropic Messages API's MCP connector (`mcp_servers` plus an `mcp_toolset` tool),
/// called from Python or TypeScript with the `anthropic` SDK. Anthropic's cloud connects to the
/// server, and sends only a bearer token.
///
/// Facts (checked 2026-12-02; agent-apis-2026-12.md §3):
/// - platform.claude.com/docs/en/agents-and-tools/mcp-connector: "Current version …
///   `mcp-client-2025-11-20`. The previous version (`mcp-client-2025-04-04`) is deprecated."
///   Each server in `mcp_servers` must be referenced by exactly one `mcp_toolset` in `tools`.
/// - anthropics/anthropic-sdk-python (v0.121.0, 2026-08-07) `beta_request_mcp_server_url_definition_param.py`:
///   `type: "url"`, `url`, `name`, `authorization_token` (sent as a bearer token); no header map.
/// - The URL must start with `https://`; the server must be public (no Bedrock or Vertex).
/// - `mcp-client-2026-09-15` (tool-list pinning) is listed in the API reference's beta enum;
///   its prose is unconfirmed, so snippets use `mcp-client-2025-11-20`.
/// - No custom headers: anthropics/anthropic-sdk-typescript#804; Zuplo's matrix (2026-07-31).
public struct AnthropicMessages: Client {
    /// Creates the client.
    public init() {}
    /// `anthropic-messages`.
    public let id = "anthropic-messages"
    /// `Anthropic Messages API`.
    public let title = "Anthropic Messages API"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-02"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.code
    /// How its snippets read the key from the environment.
    public var envSyntax: String? { codeEnvironmentSyntax([.python, .typescript]) }

    /// The beta the connector needs.
    static let beta = "mcp-client-2025-11-20"

    /// Why the connector cannot carry this server, or `nil`.
    static func unavailableReason(_ request: SetupRequest) -> String? {
        let service = "The Anthropic MCP connector"
        if let reason = request.hostedUnreachable(service, instead: "connect from your own process with the Claude Agent SDK instead.") { return reason }
        guard request.profile.endpoint.lowercased().hasPrefix("https://") else {
            return "\(service) accepts only https:// server URLs; serve the endpoint over HTTPS, or connect from your own process with the Claude Agent SDK."
        }
        if let reason = request.codeOAuthReason("the Anthropic MCP connector") { return reason }
        if case .header(let name, _, _) = request.profile.auth, !request.takesBearer {
            return "\(service) sends only a bearer token (authorization_token), so it cannot send \(name); accept Authorization: Bearer <key> on the server, or connect from your own process with the Claude Agent SDK, which sends any header."
        }
        return nil
    }

    /// The `mcp_servers` entry.
    static func server(_ request: SetupRequest, key: Text? = nil) -> Value {
        let key = key ?? request.codeKey
        var members: [Value.Member] = [
            Value.Member("type", "url"),
            Value.Member("url", .string(request.codeEndpoint(key: key))),
            Value.Member("name", .literal(request.profile.name)),
        ]
        if request.takesBearer { members.append(Value.Member("authorization_token", .string(key))) }
        return .object(members)
    }

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        if let reason = Self.unavailableReason(request) {
            return unavailableCode(["python", "typescript", "curl"], reason: reason)
        }
        let servers = Value.array([Self.server(request)])
        let tools = Value.array([.object([Value.Member("type", "mcp_toolset"), Value.Member("mcp_server_name", .literal(request.profile.name))])])
        let messages = Value.array([.object([Value.Member("role", "user"), Value.Member("content", AgentAPIFacts.prompt(request))])])
        let connectorNote = "The connector is a beta (\(Self.beta)); it calls tools only (no resources or prompts) and has no approval step: to keep a tool from being called, turn it off under configs in the mcp_toolset (enabled false)."
        let notes = request.codeNotes() + [connectorNote]
        let python = codeArtifact("python", title: "Python", .python, notes: ["pip install anthropic; the client reads your Anthropic key from ANTHROPIC_API_KEY."] + notes) { code in
            code.pythonImportOS(request)
            code.add("import anthropic\n\nclient = anthropic.Anthropic()\nmessage = client.beta.messages.create(\n    model=", .string("\(AgentAPIFacts.anthropicModel)"), ",  # your model\n    max_tokens=1000,\n    messages=")
            code.value(messages, depth: 1)
            code.source(",\n    mcp_servers=")
            code.value(servers, depth: 1)
            code.source(",\n    tools=")
            code.value(tools, depth: 1)
            code.add(",\n    betas=[", .string("\(Self.beta)"), "],\n)\nprint(message.content)\n")
        }
        let typescript = codeArtifact("typescript", title: "TypeScript", .typescript, notes: ["npm install @anthropic-ai/sdk; the client reads your Anthropic key from ANTHROPIC_API_KEY."] + notes) { code in
            code.add("import Anthropic from ", .string("@anthropic-ai/sdk"), ";\n\n")
            code.typescriptRequireKey(request)
            code.add("const client = new Anthropic();\nconst message = await client.beta.messages.create({\n  model: ", .string("\(AgentAPIFacts.anthropicModel)"), ", // your model\n  max_tokens: 1000,\n  messages: ")
            code.value(messages, depth: 1)
            code.source(",\n  mcp_servers: ")
            code.value(servers, depth: 1)
            code.source(",\n  tools: ")
            code.value(tools, depth: 1)
            code.add(",\n  betas: [", .string("\(Self.beta)"), "],\n});\nconsole.log(message.content);\n")
        }
        let body = Value.object([
            Value.Member("model", .literal(AgentAPIFacts.anthropicModel)),
            Value.Member("max_tokens", .int(1000)),
            Value.Member("messages", messages),
            Value.Member("mcp_servers", .array([Self.server(request, key: request.shellKey)])),
            Value.Member("tools", tools),
        ])
        let curl = curlArtifact(url: "https://api.anthropic.com/v1/messages",
                                headers: ["content-type: application/json", .literal("x-api-key: ") + .environment("ANTHROPIC_API_KEY"),
                                          "anthropic-version: 2023-06-01", .literal("anthropic-beta: " + Self.beta)],
                                body: body, request: request, vendorNote: "Set ANTHROPIC_API_KEY to your Anthropic key, and change the model to yours.", notes: [connectorNote])
        return [python, typescript, curl]
    }
}
