import Testing
@testable import MCPSetup

@Suite("Client capabilities")
struct CapabilitiesTests {
    @Test("a client declares an env syntax exactly when its env-mode artifacts keep the key out", arguments: ClientCatalog.standard.ids)
    func envSyntaxMatchesBehaviour(id: String) throws {
        let catalog = ClientCatalog.standard
        let client = try #require(catalog.clients.first { $0.id == id })
        let capabilities = try #require(catalog.capabilities[id])
        #expect((client.envSyntax != nil) == capabilities.credentialModes.contains("env"), "\(id)")
        #expect(client.promptsForKey == capabilities.credentialModes.contains("prompt"), "\(id)")
    }

    @Test("the artifact list is the one render produces")
    func artifactsMatchRender() throws {
        let request = try SetupRequest(profile: try ServerProfile(name: "acme", endpoint: "https://mcp.acme.dev/mcp"), credential: .placeholder)
        for client in try SetupGenerator().render(request) {
            #expect(client.capabilities?.artifacts.map(\.id) == client.artifacts.map(\.id), "\(client.id)")
        }
    }

    @Test("what the reference says each client cannot do")
    func knownLimits() throws {
        let capabilities = ClientCatalog.standard.capabilities
        #expect(capabilities["chatgpt"]?.authSchemes == ["query", "oauth", "none"])
        #expect(capabilities["codex"]?.transports == ["http"])
        #expect(capabilities["goose"]?.transports == ["http"])
        for id in ["claude-desktop", "zed", "goose", "lm-studio", "cline", "warp", "copilot-jetbrains"] {
            #expect(capabilities[id]?.credentialModes.contains("env") == false, "\(id) cannot reference a variable")
        }
    }
}
