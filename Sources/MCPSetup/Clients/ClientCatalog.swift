import Synchronization

/// Every client mcp-setup knows, in the order they are shown.
public struct ClientCatalog: Sendable {
    /// The clients, in display order.
    public let clients: [any Client]
    /// Probed capabilities, computed the first time each client's are asked for: probing renders
    /// every client in every mode, which a command that needs one client's artifact (or only
    /// the version) should not pay for at start-up.
    private let probed = ProbedCapabilities()

    /// Creates a catalog of the given clients.
    public init(clients: [any Client]) {
        self.clients = clients
    }

    /// What each client can express, by client id.
    public var capabilities: [String: ClientCapabilities] {
        Dictionary(clients.map { ($0.id, capabilities(of: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// What one client can express (probed once per catalog).
    public func capabilities(of client: any Client) -> ClientCapabilities {
        probed.value(for: client.id) { ClientCapabilities(of: client) }
    }

    /// The built-in clients.
    public static let standard = ClientCatalog(clients: [
        ClaudeDesktop(), ClaudeCode(), Codex(), VSCode(), Cursor(), ChatGPT(), ClaudeAI(),
        Windsurf(), GeminiCLI(), Zed(), Goose(), LMStudio(), OpenCode(), Cline(), RooCode(), Kiro(),
        VisualStudio(), Continue(), Warp(), CopilotJetBrains(),
        // Added in December 2026, most used first (clients-2026-12.md §3.8).
        CopilotCLI(), Antigravity(), AntigravityCLI(), JetBrainsAI(), Junie(), FactoryDroid(), Amp(),
        Crush(), QwenCode(), Trae(),
        // Added on 2026-12-07: the clients of the real config files people published, and the
        // most-listed one the leading installers have that mcp-setup had not.
        OpenClaw(), KiloCode(), AmazonQ(),
        // Agents built in code and in agent builders, most used first (agent-apis-2026-12.md §12).
        OpenAIResponses(), AnthropicMessages(), VercelAISDK(), ClaudeAgentSDK(), OpenAIAgentsSDK(), LangChain(),
        GoogleADK(), OpenAIAgentBuilder(), CopilotStudio(),
    ])

    /// The client ids, in order.
    public var ids: [String] { clients.map(\.id) }

    /// The clients with the given ids, in catalog order; all of them when `ids` is empty.
    public func select(_ ids: [String]) throws(SetupError) -> [any Client] {
        guard !ids.isEmpty else { return clients }
        for id in ids where !self.ids.contains(id) {
            throw SetupError("client id '\(id)' is not a known client; use one of: \(self.ids.joined(separator: ", "))",
                             commandLine: "--client '\(id)' is not a known client; use one of: \(self.ids.joined(separator: ", "))")
        }
        return clients.filter { ids.contains($0.id) }
    }
}

/// A thread-safe cache of probed capabilities by client id.
final class ProbedCapabilities: Sendable {
    private let cache = Mutex<[String: ClientCapabilities]>([:])

    func value(for id: String, probe: () -> ClientCapabilities) -> ClientCapabilities {
        if let known = cache.withLock({ $0[id] }) { return known }
        let value = probe()
        cache.withLock { $0[id] = value }
        return value
    }
}
