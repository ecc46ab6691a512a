/// LangChain's MCP adapters (Python `langchain-mcp-adapters`, JavaScript
/// `@langchain/mcp-adapters`): `MultiServerMCPClient` connects from the developer's process and
/// turns the server's tools into LangChain tools.
///
/// Facts (checked 2026-12-02; agent-apis-2026-12.md §9):
/// - langchain-ai/langchain-mcp-adapters (v0.3.2, 2026-08-06) `langchain_mcp_adapters/sessions.py`:
///   `StreamableHttpConnection` `{"transport": "streamable_http", "url", "headers", …}` (aliases
///   "streamable-http", "http"); `SSEConnection` `{"transport": "sse", …}`.
/// - `langchain.mcp.MCPAdapter` (`langchain[mcp]>=1.4.0`) is a beta that will replace the
///   adapters package; the snippets use the released adapters.
/// - @langchain/mcp-adapters 1.x: `new MultiServerMCPClient({ mcpServers: { name: { transport:
///   "http", url, headers } } })`, then `getTools()`. 2.0 deprecates `MultiServerMCPClient` and
///   prefixes tool names with the server name (npm still listed 1.1.4).
/// - Approval is LangChain's human-in-the-loop middleware, not part of the connection.
public struct LangChain: Client {
    /// Creates the client.
    public init() {}
    /// `langchain`.
    public let id = "langchain"
    /// `LangChain`.
    public let title = "LangChain"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-02"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.code
    /// How its snippets read the key from the environment.
    public var envSyntax: String? { codeEnvironmentSyntax([.python, .typescript]) }

    private static func connection(_ request: SetupRequest, transport: String) -> Value {
        var entry: [Value.Member] = [Value.Member("transport", .literal(request.profile.transport == .sse ? "sse" : transport)), Value.Member("url", .string(request.codeEndpoint))]
        entry.append("headers", request.codeHeaders)
        return .object([Value.Member(request.profile.name, .object(entry))])
    }

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        if let reason = request.codeOAuthReason(title, hook: "the connection's auth") {
            return unavailableCode(["python", "typescript"], reason: reason)
        }
        let notes = request.codeNotes() + ["Your process connects to the server, so a local or private URL works."]
        let python = codeArtifact("python", title: "Python", .python, notes: ["pip install langchain langchain-mcp-adapters langchain-openai; any chat model works in place of the one named."] + notes) { code in
            code.source("import asyncio\n")
            code.pythonImportOS(request)
            code.source("\nfrom langchain.agents import create_agent\nfrom langchain_mcp_adapters.client import MultiServerMCPClient\n\n\nasync def main() -> None:\n    client = MultiServerMCPClient(")
            code.value(Self.connection(request, transport: "streamable_http"), depth: 1)
            code.add(")\n    agent = create_agent(", .string("openai:\(AgentAPIFacts.openAIModel)"), ", await client.get_tools())  # your model\n    result = await agent.ainvoke({", .string("messages"), ": ")
            code.value(AgentAPIFacts.prompt(request), depth: 1)
            code.add("})\n    print(result[", .string("messages"), "][-1].content)\n\n\nasyncio.run(main())\n")
        }
        let typescript = codeArtifact("typescript", title: "TypeScript", .typescript, notes: ["npm install @langchain/mcp-adapters; pass the tools to any LangChain agent."] + notes) { code in
            code.add("import { MultiServerMCPClient } from ", .string("@langchain/mcp-adapters"), ";\n\n")
            code.typescriptRequireKey(request)
            code.add("const client = new MultiServerMCPClient({\n  mcpServers: ")
            code.value(Self.connection(request, transport: "http"), depth: 1)
            code.source(",\n});\nconst tools = await client.getTools();\nconsole.log(tools.map((tool) => tool.name));\nawait client.close();\n")
        }
        return [python, typescript]
    }
}
