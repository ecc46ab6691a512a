import Foundation
import Testing

@Suite("mcp-setup clients, end to end")
struct ClientsCommandTests {
    @Test("the table lists every client with its credential modes, auth schemes and artifacts")
    func table() throws {
        let result = try CLI.run(["clients"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("CLIENT ") == true)
        #expect(lines.count == 1 + 2 * 42)
        #expect(lines.first?.contains(" CHECKED ") == true && lines.first?.contains(" INSTALL ") == true)
        let codex = try #require(lines.first { $0.hasPrefix("codex ") })
        #expect(codex.contains("inline env placeholder none"))
        #expect(codex.contains(" http ") && !codex.contains("sse"))
        #expect(codex.hasSuffix("bearer_token_env_var"))
        #expect(result.stdout.contains("    Claude Code: command (posix), command-powershell (powershell), command-cmd (cmd), mcp-json (json)\n"))
        #expect(result.stdout.contains("    Goose: config (yaml), deeplink (link)\n"))
    }

    @Test("the JSON carries the same matrix for a docs page")
    func json() throws {
        let result = try CLI.run(["clients", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let catalog = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(catalog["schema"] as? Int == 1)
        let clients = try #require(catalog["clients"] as? [[String: Any]])
        #expect(clients.count == 42)
        // Every client's facts were checked at their sources in the last month (issue: none
        // older than 2026-11-01), and install support is stated.
        for client in clients {
            let checked = try #require(client["checked"] as? String)
            #expect(checked >= "2026-11-01", "\(client["id"] ?? "?") checked \(checked)")
            #expect(client["install"] is Bool)
        }
        let byID = Dictionary(uniqueKeysWithValues: clients.map { ($0["id"] as? String ?? "", $0) })
        #expect(byID["jetbrains-ai"]?["install"] as? Bool == false && byID["copilot-cli"]?["install"] as? Bool == true)
        #expect(byID["chatgpt"]?["authSchemes"] as? [String] == ["query", "oauth", "none"])
        #expect(byID["vscode"]?["credentialModes"] as? [String] == ["inline", "env", "placeholder", "prompt", "none"])
        #expect(byID["zed"]?["credentialModes"] as? [String] == ["inline", "placeholder", "none"])
        #expect(byID["goose"]?["transports"] as? [String] == ["http"])
        #expect(byID["continue"]?["envSyntax"] as? String == "${{ secrets.VAR }}")
        let geminiArtifacts = try #require(byID["gemini-cli"]?["artifacts"] as? [[String: Any]])
        #expect(geminiArtifacts.map { $0["id"] as? String } == ["gemini-cli/command", "gemini-cli/command-powershell", "gemini-cli/command-cmd", "gemini-cli/settings-json"])
        #expect(geminiArtifacts.map { ($0["shell"] ?? $0["format"]) as? String } == ["posix", "powershell", "cmd", "jsonc"])
    }

    @Test("a bad format is refused in one line")
    func badFormat() throws {
        let result = try CLI.run(["clients", "--format", "yaml"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "mcp-setup: error: --format 'yaml' is not a format; use text or json\n")
    }
}
