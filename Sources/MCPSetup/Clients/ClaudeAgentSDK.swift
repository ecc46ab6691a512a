/// The Claude Agent SDK (Python `claude-agent-sdk`, TypeScript `@anthropic-ai/claude-agent-sdk`):
/// it drives the bundled Claude Code, so a remote server takes the `.mcp.json` shape
/// `{type: "http", url, headers}`, and the connection is made from the developer's process.
///
/// Facts (checked 2026-12-02; agent-apis-2026-12.md §6):
/// - anthropics/claude-agent-sdk-python (v0.2.143, 2026-08-22) `src/claude_agent_sdk/types.py`:
///   `McpHttpServerConfig` `{"type": "http", "url", "headers"?}`; `ClaudeAgentOptions(mcp_servers=…, allowed_tools=…)`.
/// - code.claude.com/docs/en/agent-sdk/mcp: `type: "http"` and `allowedTools: ["mcp__<server>__*"]`.
/// - Tools are named `mcp__<server>__<tool>`; unlisted tools fall to `permission_mode` / `can_use_tool`.
/// - The SDK runs no OAuth flow: a server that answers 401 shows `needs-auth` (docs as quoted
///   by Zuplo, unconfirmed).
public struct ClaudeAgentSDK: Client {
    /// Creates the client.
    public init() {}
    /// `claude-agent-sdk`.
    public let id = "claude-agent-sdk"
    /// `Claude Agent SDK`.
    public let title = "Claude Agent SDK"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-02"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.code
    /// How its snippets read the key from the environment.
    public var envSyntax: String? { codeEnvironmentSyntax([.python, .typescript]) }

    /// `{name: {type, url, headers}}`.
    static func servers(_ request: SetupRequest) -> Value {
        var entry: [Value.Member] = [Value.Member("type", request.profile.transport == .sse ? "sse" : "http"), Value.Member("url", .string(request.codeEndpoint))]
        entry.append("headers", request.codeHeaders)
        return .object([Value.Member(request.profile.name, .object(entry))])
    }

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        if let reason = request.codeOAuthReason(title, hook: nil) {
            return unavailableCode(["python", "typescript"], reason: reason)
        }
        let servers = Self.servers(request)
        let allowed = Value.array([.literal("mcp__\(request.profile.name)__*")])
        let notes = request.codeNotes() + [
            "allowed_tools lets the agent call every tool of the server without asking; list single tools (mcp__\(request.profile.name)__<tool>) to allow fewer, and the rest follow the permission mode.",
        ]
        let python = codeArtifact("python", title: "Python", .python, notes: ["pip install claude-agent-sdk; it runs Claude Code, which reads your Anthropic key from ANTHROPIC_API_KEY."] + notes) { code in
            code.pythonImportOS(request)
            code.source("import anyio\nfrom claude_agent_sdk import ClaudeAgentOptions, query\n\noptions = ClaudeAgentOptions(\n    mcp_servers=")
            code.value(servers, depth: 1)
            code.source(",\n    allowed_tools=")
            code.value(allowed, depth: 1)
            code.source(",\n)\n\n\nasync def main() -> None:\n    async for message in query(prompt=")
            code.value(AgentAPIFacts.prompt(request), depth: 1)
            code.source(", options=options):\n        print(message)\n\n\nanyio.run(main)\n")
        }
        let typescript = codeArtifact("typescript", title: "TypeScript", .typescript, notes: ["npm install @anthropic-ai/claude-agent-sdk; it runs Claude Code, which reads your Anthropic key from ANTHROPIC_API_KEY."] + notes) { code in
            code.add("import { query } from ", .string("@anthropic-ai/claude-agent-sdk"), ";\n\n")
            code.typescriptRequireKey(request)
            code.add("for await (const message of query({\n  prompt: ")
            code.value(AgentAPIFacts.prompt(request), depth: 1)
            code.source(",\n  options: {\n    mcpServers: ")
            code.value(servers, depth: 2)
            code.source(",\n    allowedTools: ")
            code.value(allowed, depth: 2)
            code.source(",\n  },\n})) {\n  console.log(message);\n}\n")
        }
        return [python, typescript]
    }
}
