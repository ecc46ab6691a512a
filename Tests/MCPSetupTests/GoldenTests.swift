import Foundation
import Testing
@testable import MCPSetup

/// Golden files for every artifact in every credential mode: the exact bytes users copy. Run
/// with MCP_SETUP_UPDATE_GOLDEN=1 to rewrite them, then review the diff.
@Suite("Golden artifacts")
struct GoldenTests {
    struct Scenario: Sendable, CustomTestStringConvertible {
        let name: String
        let auth: AuthScheme
        let transport: Transport
        let credential: Credential
        let alsoOAuth: Bool
        var mcpRemoteVersion: String? = nil
        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = {
        let key = try! Secret("sk_live_123")
        return [
            Scenario(name: "inline", auth: .bearer, transport: .http, credential: .inline(key), alsoOAuth: false),
            Scenario(name: "env", auth: .bearer, transport: .http, credential: .environment(variable: "ACME_API_KEY"), alsoOAuth: false),
            Scenario(name: "placeholder", auth: .bearer, transport: .http, credential: .placeholder, alsoOAuth: true),
            Scenario(name: "prompt", auth: .bearer, transport: .http, credential: .prompt, alsoOAuth: false),
            Scenario(name: "oauth", auth: .oauth, transport: .http, credential: .none, alsoOAuth: false),
            Scenario(name: "no-auth", auth: .none, transport: .http, credential: .none, alsoOAuth: false),
            Scenario(name: "query-inline", auth: .query(parameter: "api_key"), transport: .http, credential: .inline(key), alsoOAuth: false),
            Scenario(name: "header-inline", auth: .header(name: "X-API-Key"), transport: .http, credential: .inline(key), alsoOAuth: false),
            Scenario(name: "header-env", auth: .header(name: "X-API-Key"), transport: .http, credential: .environment(variable: "ACME_API_KEY"), alsoOAuth: false),
            Scenario(name: "template-inline", auth: .header(name: "Authorization", prefix: "Token "), transport: .http, credential: .inline(key), alsoOAuth: false),
            Scenario(name: "template-env", auth: .header(name: "Authorization", prefix: "Token "), transport: .http, credential: .environment(variable: "ACME_API_KEY"), alsoOAuth: false),
            Scenario(name: "sse-placeholder", auth: .bearer, transport: .sse, credential: .placeholder, alsoOAuth: false),
            Scenario(name: "pinned-placeholder", auth: .bearer, transport: .http, credential: .placeholder, alsoOAuth: false, mcpRemoteVersion: "0.1.38"),
            Scenario(name: "hostile-inline", auth: .bearer, transport: .http, credential: .inline(try! Secret(#"sk_'"&%41%!^"#)), alsoOAuth: false),
        ]
    }()

    static let goldenRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let updating = ProcessInfo.processInfo.environment["MCP_SETUP_UPDATE_GOLDEN"] == "1"

    static func files(for scenario: Scenario) throws -> [String: String] {
        let profile = try ServerProfile(name: "acme", title: "Acme", endpoint: "https://mcp.acme.dev/mcp", transport: scenario.transport, auth: scenario.auth, envVar: "ACME_API_KEY", alsoOAuth: scenario.alsoOAuth, mcpRemoteVersion: scenario.mcpRemoteVersion)
        let request = try SetupRequest(profile: profile, credential: scenario.credential)
        let clients = try SetupGenerator().render(request)
        let presenter = DocumentPresenter(templates: try TemplateSet.defaults())
        var files: [String: String] = [
            "manifest.json": Manifest.json(for: request, clients: clients),
            "render.txt": try presenter.text(for: request, clients: clients),
            "render.md": try presenter.markdown(for: request, clients: clients),
        ]
        for artifact in clients.flatMap(\.artifacts) {
            let name = artifact.id.replacingOccurrences(of: "/", with: "__")
            files[name + ".txt"] = artifact.content ?? "(unavailable) " + (artifact.unavailableReason ?? "") + "\n"
        }
        return files
    }

    @Test("every artifact matches its golden file", arguments: scenarios)
    func golden(scenario: Scenario) throws {
        let folder = Self.goldenRoot.appendingPathComponent(scenario.name)
        let files = try Self.files(for: scenario)
        if Self.updating {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(onDisk == files.keys.sorted(), "golden files of \(scenario.name) differ in name; rerun with MCP_SETUP_UPDATE_GOLDEN=1 and review")
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let golden = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(golden == text, "\(scenario.name)/\(name) differs from its golden file")
        }
    }

    @Test("the forty-two clients have exactly the public artifact ids")
    func artifactIDs() throws {
        let request = try SetupRequest(profile: try ServerProfile(name: "acme", endpoint: "https://mcp.acme.dev/mcp"), credential: .placeholder)
        let ids = try SetupGenerator().render(request).flatMap { $0.artifacts.map(\.id) }
        #expect(ids == [
            "claude-desktop/connector-url", "claude-desktop/connector-header", "claude-desktop/config", "claude-desktop/config-windows", "claude-desktop/config-uvx", "claude-desktop/bundle-manifest",
            "claude-code/command", "claude-code/command-powershell", "claude-code/command-cmd", "claude-code/mcp-json",
            "codex/command", "codex/command-powershell", "codex/command-cmd", "codex/config",
            "vscode/command", "vscode/command-powershell", "vscode/command-cmd", "vscode/mcp-json", "vscode/install-link", "vscode/web-link",
            "cursor/deeplink", "cursor/web-link", "cursor/mcp-json",
            "chatgpt/connector-url",
            "claude-ai/connector-url", "claude-ai/request-header", "claude-ai/prefill-link",
            "windsurf/config",
            "gemini-cli/command", "gemini-cli/command-powershell", "gemini-cli/command-cmd", "gemini-cli/settings-json",
            "zed/settings-json",
            "goose/config", "goose/deeplink",
            "lm-studio/mcp-json", "lm-studio/deeplink", "lm-studio/web-link",
            "opencode/config",
            "cline/config",
            "roo-code/mcp-json",
            "kiro/mcp-json", "kiro/install-link",
            "visual-studio/mcp-json", "visual-studio/install-link",
            "continue/config",
            "warp/mcp-json",
            "copilot-jetbrains/mcp-json",
            "copilot-cli/command", "copilot-cli/command-powershell", "copilot-cli/command-cmd", "copilot-cli/mcp-json",
            "antigravity/mcp-config",
            "antigravity-cli/command", "antigravity-cli/command-powershell", "antigravity-cli/command-cmd", "antigravity-cli/mcp-config",
            "jetbrains-ai/mcp-json",
            "junie/mcp-json",
            "factory-droid/command", "factory-droid/command-powershell", "factory-droid/command-cmd", "factory-droid/mcp-json",
            "amp/command", "amp/command-powershell", "amp/command-cmd", "amp/settings-json",
            "crush/config",
            "qwen-code/command", "qwen-code/command-powershell", "qwen-code/command-cmd", "qwen-code/settings-json",
            "trae/install-link", "trae/install-link-cn", "trae/mcp-json",
            "openclaw/config", "kilo-code/config", "amazon-q/mcp-json",
            "openai-responses/python", "openai-responses/typescript", "openai-responses/curl",
            "anthropic-messages/python", "anthropic-messages/typescript", "anthropic-messages/curl",
            "vercel-ai-sdk/typescript",
            "claude-agent-sdk/python", "claude-agent-sdk/typescript",
            "openai-agents-sdk/python", "openai-agents-sdk/typescript", "openai-agents-sdk/python-hosted", "openai-agents-sdk/typescript-hosted",
            "langchain/python", "langchain/typescript",
            "google-adk/python",
            "openai-agent-builder/server-url", "openai-agent-builder/auth-value",
            "copilot-studio/server-url", "copilot-studio/auth-name", "copilot-studio/key-value",
        ])
    }

    @Test("the reference examples of clients.md come out byte for byte")
    func referenceExamples() throws {
        let request = try SetupRequest(profile: try ServerProfile(name: "acme", endpoint: "https://mcp.acme.dev/mcp"), credential: .inline(try Secret("sk_live_123")))
        let generator = SetupGenerator()
        #expect(try generator.artifact("cursor/deeplink", for: request).content == "cursor://anysphere.cursor-deeplink/mcp/install?name=acme&config=eyJ1cmwiOiJodHRwczovL21jcC5hY21lLmRldi9tY3AiLCJoZWFkZXJzIjp7IkF1dGhvcml6YXRpb24iOiJCZWFyZXIgc2tfbGl2ZV8xMjMifX0%3D")
        #expect(try generator.artifact("vscode/install-link", for: request).content == "vscode:mcp/install?%7B%22name%22%3A%22acme%22%2C%22type%22%3A%22http%22%2C%22url%22%3A%22https%3A%2F%2Fmcp.acme.dev%2Fmcp%22%2C%22headers%22%3A%7B%22Authorization%22%3A%22Bearer%20sk_live_123%22%7D%7D")
        #expect(try generator.artifact("claude-code/command", for: request).content == "claude mcp add --transport http --scope user acme https://mcp.acme.dev/mcp --header 'Authorization: Bearer sk_live_123'")
        #expect(try generator.artifact("codex/command", for: request).content == "codex mcp add acme --url https://mcp.acme.dev/mcp --bearer-token-env-var ACME_API_KEY")
        let env = try SetupRequest(profile: request.profile, credential: .environment(variable: "ACME_API_KEY"))
        #expect(try generator.artifact("cursor/deeplink", for: env).content == "cursor://anysphere.cursor-deeplink/mcp/install?name=acme&config=eyJ1cmwiOiJodHRwczovL21jcC5hY21lLmRldi9tY3AiLCJoZWFkZXJzIjp7IkF1dGhvcml6YXRpb24iOiJCZWFyZXIgJHtlbnY6QUNNRV9BUElfS0VZfSJ9fQ%3D%3D")
        let query = try SetupRequest(profile: try ServerProfile(name: "acme", endpoint: "https://mcp.acme.dev/mcp", auth: .query(parameter: "api_key")), credential: .inline(try Secret("sk_live_123")))
        #expect(try generator.artifact("chatgpt/connector-url", for: query).content == "https://mcp.acme.dev/mcp?api_key=sk_live_123")
        // clients.md §4 rule 5 gave claude.ai the query-string key; Claude refuses keys in URLs
        // (clients-2026-12.md §8): the key goes in a request header, never in the link.
        #expect(try generator.artifact("claude-ai/prefill-link", for: query).content == nil)
        #expect(try generator.artifact("claude-ai/prefill-link", for: request).content == "https://claude.ai/customize/connectors?modal=add-custom-connector&connectorName=acme&connectorUrl=https%3A%2F%2Fmcp.acme.dev%2Fmcp")
        #expect(try generator.artifact("claude-ai/request-header", for: request).content == "Bearer sk_live_123")
    }

    @Test("the same input gives the same bytes")
    func deterministic() throws {
        for scenario in Self.scenarios {
            #expect(try Self.files(for: scenario) == Self.files(for: scenario))
        }
    }
}
