/// Google's Agent Development Kit for Python (`google-adk`): `McpToolset` with
/// `StreamableHTTPConnectionParams` connects from the developer's process (or from Agent Engine
/// when deployed).
///
/// Facts (checked 2026-12-02; agent-apis-2026-12.md §7.1):
/// - google/adk-python `src/google/adk/tools/mcp_tool/mcp_toolset.py` and
///   `mcp_session_manager.py`: `StreamableHTTPConnectionParams(url, headers, timeout=5.0, …)`,
///   `SseConnectionParams` for SSE; `McpToolset(connection_params=…, tool_filter=…,
///   require_confirmation=…)`. PyPI google-adk 2.13.0 (2026-10); the field list is unchanged
///   in 2.x (third-party note, unconfirmed).
/// - `require_confirmation` is the approval control.
public struct GoogleADK: Client {
    /// Creates the client.
    public init() {}
    /// `google-adk`.
    public let id = "google-adk"
    /// `Google ADK`.
    public let title = "Google ADK"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-02"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.code
    /// How its snippets read the key from the environment.
    public var envSyntax: String? { codeEnvironmentSyntax([.python]) }

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        if let reason = request.codeOAuthReason(title, hook: "McpToolset's auth_scheme and auth_credential") {
            return unavailableCode(["python"], reason: reason)
        }
        let params = request.profile.transport == .sse ? "SseConnectionParams" : "StreamableHTTPConnectionParams"
        let notes = ["pip install google-adk; run the agent with adk run or adk web, which read your Gemini key from GOOGLE_API_KEY."] + request.codeNotes() + [
            "require_confirmation=False lets the agent call every tool of the server without asking; set it to True to confirm each call.",
        ]
        return [codeArtifact("python", title: "Python", .python, notes: notes) { code in
            code.pythonImportOS(request)
            code.add("from google.adk.agents import LlmAgent\nfrom google.adk.tools.mcp_tool import McpToolset, \(params)\n\nroot_agent = LlmAgent(\n    model=", .string("\(AgentAPIFacts.geminiModel)"), ",  # your model\n    name=", .string("assistant"), ",\n    instruction=")
            code.value(.literal("Use the \(request.profile.title) tools to answer."), depth: 1)
            code.source(",\n    tools=[\n        McpToolset(\n            connection_params=\(params)(\n                url=")
            code.value(.string(request.codeEndpoint), depth: 4)
            if let headers = request.codeHeaders {
                code.source(",\n                headers=")
                code.value(headers, depth: 4)
            }
            code.source(",\n            ),\n            require_confirmation=False,\n        ),\n    ],\n)\n")
        }]
    }
}
