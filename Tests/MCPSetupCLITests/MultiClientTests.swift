import Foundation
import Testing

/// `install --client a,b`, `--all-detected`, and `list`.
@Suite("install into several clients, and list what is installed")
struct MultiClientTests {
    typealias Home = InstallCommandTests.Home
    static let server = InstallCommandTests.server

    @Test("install --client a,b,c: one line per client, one write per shared file, a summary; uninstall the same way")
    func severalClients() throws {
        let home = try Home()
        defer { home.remove() }
        // Antigravity reads no environment variable from its file, so the key itself goes in.
        let result = try home.run(["install", "--client", "cursor,codex,antigravity,antigravity-cli", "--token-stdin"] + Self.server, stdin: InstallCommandTests.key + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("cursor: installed 'acme' into "))
        #expect(lines[1].hasPrefix("codex: installed 'acme' into "))
        #expect(lines[3].hasPrefix("antigravity-cli: same file as antigravity"))
        #expect(lines[4] == "4 clients: changed 3, 0 failed")
        #expect(home.read(".gemini/config/mcp_config.json")?.contains("\"serverUrl\"") == true)
        #expect(home.backups(of: ".gemini/config/mcp_config.json").isEmpty, "a new file needs no backup")

        let again = try home.run(["install", "--client", "cursor,codex", "--token-stdin"] + Self.server, stdin: InstallCommandTests.key + "\n")
        #expect(again.stderr.hasSuffix("2 clients: changed 0, 0 failed\n"))

        let removed = try home.run(["uninstall", "--client", "cursor,codex,antigravity", "--name", "acme"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stderr.hasSuffix("3 clients: 0 failed\n"))
        #expect(home.read(".cursor/mcp.json") == nil && home.read(".codex/config.toml") == nil)
    }

    @Test("a failing client does not stop the others; the exit is 1 and the summary counts it")
    func oneFails() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("{not json", to: ".cursor/mcp.json")
        let result = try home.run(["install", "--client", "cursor,codex", "--token-env", "ACME_API_KEY"] + Self.server)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cursor: "))
        #expect(result.stderr.contains("codex: installed 'acme'"))
        #expect(result.stderr.hasSuffix("2 clients: changed 1, 1 failed\n"))
        #expect(home.read(".cursor/mcp.json") == "{not json")
    }

    @Test("--all-detected installs into the clients whose folders exist, and nowhere else")
    func allDetected() throws {
        let home = try Home()
        defer { home.remove() }
        try FileManager.default.createDirectory(at: home.home.appendingPathComponent(".cursor"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home.home.appendingPathComponent(".codex"), withIntermediateDirectories: true)
        let result = try home.run(["install", "--all-detected", "--token-env", "ACME_API_KEY"] + Self.server)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("cursor: installed") && result.stderr.contains("codex: installed"))
        #expect(result.stderr.hasSuffix("2 clients: changed 2, 0 failed\n"))
        let entries = try FileManager.default.contentsOfDirectory(atPath: home.home.path).sorted()
        #expect(entries == [".codex", ".cursor"])
        let none = try Home()
        defer { none.remove() }
        let nothing = try none.run(["install", "--all-detected", "--token-env", "ACME_API_KEY"] + Self.server)
        #expect(nothing.status == 2 && nothing.stderr.contains("no client's config folder exists"))
    }

    @Test("list: current, current with a key, differing, and absent entries")
    func list() throws {
        let home = try Home()
        defer { home.remove() }
        #expect(try home.run(["install", "--client", "codex", "--token-env", "ACME_API_KEY"] + Self.server).status == 0)
        #expect(try home.run(["install", "--client", "cursor", "--token-stdin"] + Self.server, stdin: InstallCommandTests.key + "\n").status == 0)
        try home.write("{\"mcpServers\": {\"acme\": {\"url\": \"https://old.example/mcp\"}}}\n", to: ".codeium/windsurf/mcp_config.json")
        let result = try home.run(["list", "--client", "codex,cursor,windsurf,zed"] + Self.server)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 5)
        #expect(rows[1].contains("codex") && rows[1].contains("installed, current "))
        #expect(rows[2].contains("cursor") && rows[2].contains("installed, current (holds a key)"))
        #expect(rows[3].contains("windsurf") && rows[3].contains("installed, differs"))
        #expect(rows[4].contains("zed") && rows[4].contains("no file"))
        #expect(!result.stdout.contains(InstallCommandTests.key))
        let strict = try home.run(["list", "--client", "cursor", "--token-env", "ACME_API_KEY"] + Self.server)
        #expect(strict.stdout.contains("installed, differs"))
    }
}
