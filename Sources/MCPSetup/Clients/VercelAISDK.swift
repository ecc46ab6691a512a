/// The Vercel AI SDK's MCP client (`createMCPClient` from `@ai-sdk/mcp`): the developer's
/// process connects, and the server's tools are passed to `generateText` or `streamText`.
///
/// Facts (checked 2026-12-02; agent-apis-2026-12.md §8):
/// - vercel/ai `packages/mcp/src/tool/mcp-transport.ts`: `transport: {type: "http" | "sse",
///   url, headers?, authProvider?, fetch?, redirect?}`.
/// - vercel/ai `packages/mcp/CHANGELOG.md`: `@ai-sdk/mcp` 1.0.0 made the client stable as
///   `createMCPClient` (the AI SDK 6 line); `experimental_createMCPClient` from `ai` is a
///   deprecated alias. 2.0.0 (AI SDK 7) errors on redirects by default.
/// - ai-sdk.dev/docs/ai-sdk-core/mcp-tools. TypeScript only; approval for MCP tools is unconfirmed.
public struct VercelAISDK: Client {
    /// Creates the client.
    public init() {}
    /// `vercel-ai-sdk`.
    public let id = "vercel-ai-sdk"
    /// `Vercel AI SDK`.
    public let title = "Vercel AI SDK"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-02"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.code
    /// How its snippets read the key from the environment.
    public var envSyntax: String? { codeEnvironmentSyntax([.typescript]) }

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        if let reason = request.codeOAuthReason(title, hook: "an authProvider in the transport") {
            return unavailableCode(["typescript"], reason: reason)
        }
        var transport: [Value.Member] = [Value.Member("type", request.profile.transport == .sse ? "sse" : "http"), Value.Member("url", .string(request.codeEndpoint))]
        transport.append("headers", request.codeHeaders)
        let options = Value.object([Value.Member("transport", .object(transport))])
        let notes = ["npm install ai @ai-sdk/mcp @ai-sdk/openai; any AI SDK model works in place of openai(…)."] + request.codeNotes()
        return [codeArtifact("typescript", title: "TypeScript", .typescript, notes: notes) { code in
            code.add("import { createMCPClient } from ", .string("@ai-sdk/mcp"), ";\nimport { openai } from ", .string("@ai-sdk/openai"), ";\nimport { generateText, stepCountIs } from ", .string("ai"), ";\n\n")
            code.typescriptRequireKey(request)
            code.add("const mcp = await createMCPClient(")
            code.value(options, depth: 0)
            code.add(");\ntry {\n  const { text } = await generateText({\n    model: openai(", .string("\(AgentAPIFacts.openAIModel)"), "), // your model\n    tools: await mcp.tools(),\n    stopWhen: stepCountIs(5),\n    prompt: ")
            code.value(AgentAPIFacts.prompt(request), depth: 2)
            code.source(",\n  });\n  console.log(text);\n} finally {\n  await mcp.close();\n}\n")
        }]
    }
}
