import Foundation
import Testing

@Suite("mcp-setup render, end to end")
struct RenderCommandTests {
    @Test("the bundled example renders as JSON with the forty-two clients, their artifact ids and capabilities")
    func exampleJSON() throws {
        let result = try CLI.run(["render", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(manifest["schema"] as? Int == 2)
        #expect(manifest["credential"] as? String == "placeholder")
        let clients = try #require(manifest["clients"] as? [[String: Any]])
        #expect(clients.map { $0["id"] as? String } == [
            "claude-desktop", "claude-code", "codex", "vscode", "cursor", "chatgpt", "claude-ai", "windsurf", "gemini-cli", "zed", "goose",
            "lm-studio", "opencode", "cline", "roo-code", "kiro", "visual-studio", "continue", "warp", "copilot-jetbrains",
            "copilot-cli", "antigravity", "antigravity-cli", "jetbrains-ai", "junie", "factory-droid", "amp", "crush", "qwen-code", "trae",
            "openclaw", "kilo-code", "amazon-q",
            "openai-responses", "anthropic-messages", "vercel-ai-sdk", "claude-agent-sdk", "openai-agents-sdk", "langchain", "google-adk",
            "openai-agent-builder", "copilot-studio",
        ])
        let ids = clients.flatMap { ($0["artifacts"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(ids.count == 99)
        for client in clients {
            let capabilities = try #require(client["capabilities"] as? [String: Any])
            #expect((capabilities["authSchemes"] as? [String])?.isEmpty == false)
        }
        let secrets = clients.flatMap { ($0["artifacts"] as? [[String: Any]] ?? []).compactMap { $0["secret"] as? Bool } }
        #expect(secrets.count == 99 && !secrets.contains(true))
    }

    @Test("text and Markdown render the example")
    func textAndMarkdown() throws {
        let text = try CLI.run(["render"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("== Claude Code ==\n"))
        #expect(text.stdout.contains("claude mcp add --transport http --scope user acme https://mcp.acme.dev/mcp --header 'Authorization: Bearer YOUR_ACME_API_KEY'\n"))
        let markdown = try CLI.run(["render", "--format", "markdown", "--client", "cursor"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Connect Acme to your AI client\n"))
        #expect(markdown.stdout.contains("[Add to Cursor](<cursor://anysphere.cursor-deeplink/mcp/install?name=acme&config="))
    }

    @Test("--artifact --raw prints exactly the content, the key read from stdin")
    func rawArtifact() throws {
        let key = #"sk_'"$(x)`\%&#"#
        let result = try CLI.run(["render", "--artifact", "claude-code/command", "--raw", "--token-stdin"], stdin: key + "\n")
        #expect(result.status == 0)
        #expect(result.stdout == #"claude mcp add --transport http --scope user acme https://mcp.acme.dev/mcp --header 'Authorization: Bearer sk_'\''"$(x)`\%&#'"# + "\n")
        let file = try CLI.run(["render", "--artifact", "codex/config", "--raw", "--token-env", "ACME_KEY"])
        #expect(file.stdout == "[mcp_servers.acme]\nurl = \"https://mcp.acme.dev/mcp\"\nbearer_token_env_var = \"ACME_KEY\"\n")
    }

    @Test("--mcp-remote-version pins the bridge Claude Desktop runs")
    func pinnedBridge() throws {
        let result = try CLI.run(["render", "--artifact", "claude-desktop/config-windows", "--raw", "--mcp-remote-version", "0.1.38"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"cmd\",\n      \"args\": [\n        \"/c\",\n        \"npx\",\n        \"-y\",\n        \"mcp-remote@0.1.38\","))
    }

    @Test("--token-file reads the key and drops one line break")
    func tokenFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-setup-key-\(UUID().uuidString)")
        try "sk_live_file\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["render", "--artifact", "cursor/mcp-json", "--raw", "--token-file", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"Authorization\": \"Bearer sk_live_file\""))
    }

    @Test("flags work without a config file")
    func flagsOnly() throws {
        let folder = FileManager.default.temporaryDirectory
        let result = try CLI.run(["render", "--name", "beta", "--endpoint", "http://127.0.0.1:8080/mcp?x=1", "--auth", "query:key", "--token", "abc", "--client", "chatgpt", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""content": "http://127.0.0.1:8080/mcp?x=1&key=abc""#))
    }

    @Test("an unavailable artifact with --raw fails with its reason")
    func unavailableRaw() throws {
        let result = try CLI.run(["render", "--artifact", "codex/command", "--raw", "--auth", "header:X-API-Key"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("mcp-setup: codex/command is not available: "))
    }

    static let badInputs: [([String], String)] = [
        (["render", "--name", "Acme Server"], "try --name acme-server"),
        (["render", "--endpoint", "http://mcp.acme.dev/mcp"], "is not https"),
        (["render", "--endpoint", "https://u:p@mcp.acme.dev/mcp"], "user info"),
        (["render", "--endpoint", "https://mcp.acme.dev/mcp#x"], "fragment"),
        (["render", "--endpoint", "mcp.acme.dev"], "include the scheme"),
        (["render", "--token", "Bearer abc"], "paste the key alone"),
        (["render", "--token", "ab c"], "whitespace"),
        (["render", "--token", "abé"], "non-ASCII"),
        (["render", "--token", "ab\u{1}c"], "control character"),
        (["render", "--client", "emacs"], "use one of: claude-desktop"),
        (["render", "--auth", "query"], "needs the parameter name"),
        (["render", "--auth", "query:"], "needs the parameter name"),
        (["render", "--format", "yaml"], "use text, markdown, json or server-json"),
        (["render", "--transport", "ws"], "use http"),
        (["render", "--token", "a", "--placeholder"], "cannot be combined"),
        (["render", "--raw"], "add --artifact"),
        (["render", "--artifact", "cursor/nope"], "use one of: cursor/deeplink"),
        (["render", "--config", "missing.yml"], "no such file"),
        (["render", "--token-file", "/nonexistent/key"], "no such file"),
        (["render", "--mcp-remote-version", "1.0 && calc"], "is not an npm version"),
        (["render", "--unknown-flag"], "see mcp-setup --help"),
    ]

    @Test("bad input: non-zero exit, one line on stderr, nothing on stdout", arguments: badInputs)
    func badInput(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasSuffix("\n") && result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("a bad key never appears in the error")
    func keyNotEchoed() throws {
        let result = try CLI.run(["render", "--token-stdin"], stdin: "sk_live_secret value\n")
        #expect(result.status == 2)
        #expect(!result.stderr.contains("secret"))
    }

    @Test("--help explains the command")
    func help() throws {
        let result = try CLI.run(["render", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--token-stdin"))
        #expect(result.stdout.contains("Examples:"))
    }
}
