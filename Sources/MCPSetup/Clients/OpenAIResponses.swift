/// The OpenAI Responses API's remote MCP tool, `tools: [{"type": "mcp", …}]`, called from
/// Python or TypeScript with the `openai` SDK. OpenAI's cloud connects to the server.
///
/// Facts (checked 2026-12-02; agent-apis-2026-12.md §1):
/// - openai/openai-python `src/openai/types/responses/tool_param.py` (main, 2026-08-21):
///   `server_label` and one of `server_url` / `connector_id` / `tunnel_id`; `authorization`
///   ("An OAuth access token … provide the token here", since 1.101.0, 2025-08-21) and
///   `headers` ("Optional HTTP headers … Use for authentication", since launch, 2025-05-21).
/// - developers.openai.com/api/docs/guides/tools-remote-mcp (read late 2026): the auth example
///   uses `authorization`; no example of `headers`. Zuplo's matrix (third-party, verified
///   2026-07-31) marks custom headers "No": schema-supported, undocumented.
/// - `require_approval` defaults to asking for approval (the guide); "never" runs tools directly.
/// - The key is not stored: it goes with every request. `authorization` is the raw token,
///   sent as `Authorization: Bearer <token>` (unconfirmed beyond third-party descriptions).
public struct OpenAIResponses: Client {
    /// Creates the client.
    public init() {}
    /// `openai-responses`.
    public let id = "openai-responses"
    /// `OpenAI Responses API`.
    public let title = "OpenAI Responses API"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-02"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.code
    /// How its snippets read the key from the environment.
    public var envSyntax: String? { codeEnvironmentSyntax([.python, .typescript]) }

    /// The `mcp` tool object and what to know about it.
    static func tool(_ request: SetupRequest, key: Text? = nil) -> (tool: Value, notes: [String]) {
        let key = key ?? request.codeKey
        var members: [Value.Member] = [
            Value.Member("type", "mcp"),
            Value.Member("server_label", .literal(request.profile.name)),
            Value.Member("server_url", .string(request.codeEndpoint(key: key))),
        ]
        var notes: [String] = []
        if request.takesBearer {
            members.append(Value.Member("authorization", .string(key)))
            notes.append("authorization holds the key alone, without the word Bearer; OpenAI's guide calls it an access token, and gateways read it as Authorization: Bearer <key> (how OpenAI sends it is not documented).")
        } else if let header = request.authHeader(key: key) {
            members.append(Value.Member("headers", .object([Value.Member(header.name, .string(header.value))])))
            notes.append("The server takes its key in \(header.name), so it goes in headers: the field is in the API schema and every SDK, but OpenAI's current guide shows only authorization, so test it once before relying on it.")
            if header.name.lowercased() == "authorization" {
                notes.append("An Authorization header in headers may meet OpenAI's own use of authorization: a September 2026 report saw 424 errors until the credential moved to authorization (unconfirmed). If the server can take Authorization: Bearer <key>, render with --auth bearer.")
            }
        }
        members.append(Value.Member("require_approval", "never"))
        notes.append(AgentAPIFacts.approvalNote("require_approval \"never\""))
        return (.object(members), notes)
    }

    /// Why no snippet can be made, or `nil`.
    static func unavailableReason(_ request: SetupRequest, service: String) -> String? {
        request.hostedUnreachable(service, instead: "connect from your own process with the OpenAI Agents SDK's MCPServerStreamableHttp, or expose the server through OpenAI's Secure MCP Tunnel.")
            ?? request.codeOAuthReason(service)
    }

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        if let reason = Self.unavailableReason(request, service: title) {
            return unavailableCode(["python", "typescript", "curl"], reason: reason)
        }
        let (tool, toolNotes) = Self.tool(request)
        let notes = request.codeNotes() + toolNotes
        let python = codeArtifact("python", title: "Python", .python, notes: ["pip install openai; the client reads your OpenAI key from OPENAI_API_KEY."] + notes) { code in
            code.pythonImportOS(request)
            code.add("from openai import OpenAI\n\nclient = OpenAI()\nresponse = client.responses.create(\n    model=", .string("\(AgentAPIFacts.openAIModel)"), ",  # your model\n    tools=")
            code.value(.array([tool]), depth: 1)
            code.source(",\n    input=")
            code.value(AgentAPIFacts.prompt(request), depth: 1)
            code.source(",\n)\nprint(response.output_text)\n")
        }
        let typescript = codeArtifact("typescript", title: "TypeScript", .typescript, notes: ["npm install openai; the client reads your OpenAI key from OPENAI_API_KEY."] + notes) { code in
            code.add("import OpenAI from ", .string("openai"), ";\n\n")
            code.typescriptRequireKey(request)
            code.add("const client = new OpenAI();\nconst response = await client.responses.create({\n  model: ", .string("\(AgentAPIFacts.openAIModel)"), ", // your model\n  tools: ")
            code.value(.array([tool]), depth: 1)
            code.source(",\n  input: ")
            code.value(AgentAPIFacts.prompt(request), depth: 1)
            code.source(",\n});\nconsole.log(response.output_text);\n")
        }
        let body = Value.object([
            Value.Member("model", .literal(AgentAPIFacts.openAIModel)),
            Value.Member("tools", .array([Self.tool(request, key: request.shellKey).tool])),
            Value.Member("input", AgentAPIFacts.prompt(request)),
        ])
        let curl = curlArtifact(url: "https://api.openai.com/v1/responses",
                                headers: ["Content-Type: application/json", .literal("Authorization: Bearer ") + .environment("OPENAI_API_KEY")],
                                body: body, request: request, vendorNote: "Set OPENAI_API_KEY to your OpenAI key, and change the model to yours.", notes: toolNotes)
        return [python, typescript, curl]
    }
}
