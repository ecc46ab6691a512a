/// The OpenAI Agents SDK (Python `openai-agents`, TypeScript `@openai/agents`), in its two forms:
/// local (`MCPServerStreamableHttp`: the developer's process connects, any header) and hosted
/// (`HostedMCPTool` / `hostedMcpTool`: the Responses API's `mcp` tool, so OpenAI's cloud
/// connects, with the same auth rules as ``OpenAIResponses``).
///
/// Facts (checked 2026-12-02; agent-apis-2026-12.md §5):
/// - openai/openai-agents-python (v0.22.0, 2026-08-22) `src/agents/mcp/server.py`:
///   `MCPServerStreamableHttp(name=…, params={"url", "headers", "timeout", …})`, an async
///   context manager; `src/agents/tool.py`: `HostedMCPTool(tool_config={…the Responses tool…})`.
/// - openai/openai-agents-js (agents 0.17.0) `packages/agents-core/src/mcp.ts`:
///   `new MCPServerStreamableHttp({ url, name, requestInit: { headers } })`, then `connect()` and
///   `close()`; `tool.ts`: `hostedMcpTool({ serverLabel, serverUrl, authorization?, headers?,
///   requireApproval? })`, which defaults `requireApproval` to "never".
/// - SSE servers: `MCPServerSse` (Python, same params) and `MCPServerSSE` (TypeScript, same
///   options) in the same modules.
/// - PyPI openai-agents 0.24.0 and npm @openai/agents 0.20.0 (2026-10): no MCP-shape change is
///   known (unconfirmed).
public struct OpenAIAgentsSDK: Client {
    /// Creates the client.
    public init() {}
    /// `openai-agents-sdk`.
    public let id = "openai-agents-sdk"
    /// `OpenAI Agents SDK`.
    public let title = "OpenAI Agents SDK"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-02"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.code
    /// How its snippets read the key from the environment.
    public var envSyntax: String? { codeEnvironmentSyntax([.python, .typescript]) }

    /// The artifacts: local Python and TypeScript first (they work with any header and any
    /// reachable URL), then the hosted forms.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        if let reason = request.codeOAuthReason(title, hook: "the auth parameter in Python, authProvider in TypeScript") {
            return unavailableCode(["python", "typescript", "python-hosted", "typescript-hosted"], reason: reason)
        }
        return local(request) + hosted(request)
    }

    private func local(_ request: SetupRequest) -> [ArtifactSpec] {
        let setup = "the agent reads your OpenAI key from OPENAI_API_KEY."
        let notes = request.codeNotes() + ["Your process connects to the server, so a local or private URL works."]
        let sse = request.profile.transport == .sse
        let pythonClass = sse ? "MCPServerSse" : "MCPServerStreamableHttp"
        let typescriptClass = sse ? "MCPServerSSE" : "MCPServerStreamableHttp"
        var params: [Value.Member] = [Value.Member("url", .string(request.codeEndpoint))]
        params.append("headers", request.codeHeaders)
        let python = codeArtifact("python", title: "Python", .python, notes: ["pip install openai-agents; " + setup] + notes) { code in
            code.source("import asyncio\n")
            code.pythonImportOS(request)
            code.source("\nfrom agents import Agent, Runner\nfrom agents.mcp import \(pythonClass)\n\n\nasync def main() -> None:\n    async with \(pythonClass)(\n        name=")
            code.value(.literal(request.profile.name), depth: 2)
            code.source(",\n        params=")
            code.value(.object(params), depth: 2)
            code.add(",\n    ) as server:\n        agent = Agent(name=", .string("Assistant"), ", mcp_servers=[server])\n        result = await Runner.run(agent, ")
            code.value(AgentAPIFacts.prompt(request), depth: 2)
            code.source(")\n        print(result.final_output)\n\n\nasyncio.run(main())\n")
        }
        var options: [Value.Member] = [Value.Member("name", .literal(request.profile.name)), Value.Member("url", .string(request.codeEndpoint))]
        if let headers = request.codeHeaders { options.append(Value.Member("requestInit", .object([Value.Member("headers", headers)]))) }
        let typescript = codeArtifact("typescript", title: "TypeScript", .typescript, notes: ["npm install @openai/agents; " + setup] + notes) { code in
            code.add("import { Agent, \(typescriptClass), run } from ", .string("@openai/agents"), ";\n\n")
            code.typescriptRequireKey(request)
            code.add("const server = new \(typescriptClass)(")
            code.value(.object(options), depth: 0)
            code.add(");\nawait server.connect();\ntry {\n  const agent = new Agent({ name: ", .string("Assistant"), ", mcpServers: [server] });\n  const result = await run(agent, ")
            code.value(AgentAPIFacts.prompt(request), depth: 1)
            code.source(");\n  console.log(result.finalOutput);\n} finally {\n  await server.close();\n}\n")
        }
        return [python, typescript]
    }

    private func hosted(_ request: SetupRequest) -> [ArtifactSpec] {
        if let reason = OpenAIResponses.unavailableReason(request, service: "The hosted MCP tool") {
            return unavailableCode(["python-hosted", "typescript-hosted"], reason: reason)
        }
        let (tool, toolNotes) = OpenAIResponses.tool(request)
        let notes = request.codeNotes() + ["The hosted tool is the Responses API's mcp tool: OpenAI's cloud connects to the server, so its URL must be public."] + toolNotes
        let python = codeArtifact("python-hosted", title: "Python (hosted tool)", .python, notes: ["pip install openai-agents; the agent reads your OpenAI key from OPENAI_API_KEY."] + notes) { code in
            code.pythonImportOS(request)
            code.add("from agents import Agent, HostedMCPTool, Runner\n\nagent = Agent(\n    name=", .string("Assistant"), ",\n    tools=[\n        HostedMCPTool(\n            tool_config=")
            code.value(tool, depth: 3)
            code.source(",\n        ),\n    ],\n)\nresult = Runner.run_sync(agent, ")
            code.value(AgentAPIFacts.prompt(request), depth: 0)
            code.source(")\nprint(result.final_output)\n")
        }
        var options: [Value.Member] = [Value.Member("serverLabel", .literal(request.profile.name)), Value.Member("serverUrl", .string(request.codeEndpoint))]
        if let authorization = tool["authorization"] { options.append(Value.Member("authorization", authorization)) }
        if let headers = tool["headers"] { options.append(Value.Member("headers", headers)) }
        options.append(Value.Member("requireApproval", "never"))
        let typescript = codeArtifact("typescript-hosted", title: "TypeScript (hosted tool)", .typescript, notes: ["npm install @openai/agents; the agent reads your OpenAI key from OPENAI_API_KEY."] + notes) { code in
            code.add("import { Agent, hostedMcpTool, run } from ", .string("@openai/agents"), ";\n\n")
            code.typescriptRequireKey(request)
            code.add("const agent = new Agent({\n  name: ", .string("Assistant"), ",\n  tools: [\n    hostedMcpTool(")
            code.value(.object(options), depth: 2)
            code.source("),\n  ],\n});\nconst result = await run(agent, ")
            code.value(AgentAPIFacts.prompt(request), depth: 0)
            code.source(");\nconsole.log(result.finalOutput);\n")
        }
        return [python, typescript]
    }
}
