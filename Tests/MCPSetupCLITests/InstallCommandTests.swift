import Foundation
import Testing

@Suite("mcp-setup install and uninstall, end to end")
struct InstallCommandTests {
    static let key = "sk_live_SECRETcliTEST_9876"
    static let otherKey = "sk_live_OTHERcliTEST_1234"
    static let fixtures = CLI.repository.appendingPathComponent("Tests/MCPSetupInstallTests/Fixtures")

    /// A temporary HOME and an empty working folder (no mcp-setup.yml), and the CLI run with
    /// nothing but that HOME in its environment.
    struct Home {
        let root: URL
        var home: URL { root.appendingPathComponent("home") }
        var work: URL { root.appendingPathComponent("work") }
        var environment: [String: String]

        init(_ extra: [String: String] = [:]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-setup-cli-install-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("home"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("work"), withIntermediateDirectories: true)
            environment = ["HOME": root.appendingPathComponent("home").path, "LANG": "C.UTF-8"].merging(extra) { $1 }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        func run(_ arguments: [String], stdin: String? = nil) throws -> CLIResult {
            try CLI.run(arguments, stdin: stdin, in: work, environment: environment)
        }

        func write(_ text: String, to relative: String) throws {
            let url = home.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func read(_ relative: String) -> String? {
            FileManager.default.contents(atPath: home.appendingPathComponent(relative).path).map { String(decoding: $0, as: UTF8.self) }
        }

        func backups(of relative: String) -> [URL] {
            let url = home.appendingPathComponent(relative)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
            return names.filter { $0.hasPrefix(url.lastPathComponent + ".mcp-setup-backup-") }.sorted().map { url.deletingLastPathComponent().appendingPathComponent($0) }
        }
    }

    static let server = ["--name", "acme", "--endpoint", "https://mcp.acme.dev/mcp"]

    /// Every run's stderr is one line (or a diff then one line) and never holds a key.
    static func expectClean(_ result: CLIResult, lines: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!result.stderr.contains(key) && !result.stderr.contains(otherKey) && !result.stderr.contains("SECRET") && !result.stderr.contains("OTHERcli"), "a key on stderr: \(result.stderr)", sourceLocation: sourceLocation)
        if lines > 0 {
            #expect(result.stderr.hasSuffix("\n") && result.stderr.filter { $0 == "\n" }.count == lines, "\(result.stderr)", sourceLocation: sourceLocation)
        }
    }

    @Test("install into an existing ~/.claude.json: one line naming the file and its backup; uninstall gives back the bytes")
    func installAndUninstall() throws {
        let home = try Home()
        defer { home.remove() }
        let original = try String(contentsOf: Self.fixtures.appendingPathComponent("claude.json"), encoding: .utf8)
        try home.write(original, to: ".claude.json")
        let path = home.home.appendingPathComponent(".claude.json").path

        let install = try home.run(["install", "--client", "claude-code", "--scope", "user", "--token-stdin"] + Self.server, stdin: Self.key + "\n")
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.isEmpty)
        Self.expectClean(install, lines: 2)
        let backups = home.backups(of: ".claude.json")
        #expect(backups.count == 1)
        #expect(install.stderr == "installed 'acme' into \(path) (backup: \(backups.first?.path ?? "?"))\nnote: \(path) now holds your key, so its permissions went from 644 to 600\n")
        #expect(backups.first.flatMap { FileManager.default.contents(atPath: $0.path) }.map { String(decoding: $0, as: UTF8.self) } == original)
        let installed = try #require(home.read(".claude.json"))
        #expect(installed.contains("\"Authorization\": \"Bearer \(Self.key)\""))
        #expect(try JSONSerialization.jsonObject(with: Data(installed.utf8)) is [String: Any])

        let again = try home.run(["install", "--client", "claude-code", "--scope", "user", "--token-stdin"] + Self.server, stdin: Self.key + "\n")
        #expect(again.status == 0)
        #expect(again.stderr == "\(path) already holds this 'acme' entry; nothing to do\n")

        let uninstall = try home.run(["uninstall", "--client", "claude-code", "--scope", "user", "--name", "acme"])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(uninstall.stderr.hasPrefix("removed 'acme' from \(path) (backup: \(path).mcp-setup-backup-"))
        #expect(uninstall.stderr.contains("note: a backup still holds the 'acme' entry"))
        Self.expectClean(uninstall, lines: 2)
        #expect(home.read(".claude.json") == original)

        let none = try home.run(["uninstall", "--client", "claude-code", "--scope", "user", "--name", "acme"])
        #expect(none.status == 0)
        #expect(none.stderr == "\(path) has no 'acme' entry; nothing to do\n")
    }

    @Test("a new file holding a key is created 0600; uninstall removes it again")
    func newFile() throws {
        let home = try Home()
        defer { home.remove() }
        let result = try home.run(["install", "--client", "cursor", "--token", Self.key] + Self.server)
        #expect(result.status == 0, "\(result.stderr)")
        let path = home.home.appendingPathComponent(".cursor/mcp.json").path
        #expect(result.stderr == "installed 'acme' into \(path)\n")
        Self.expectClean(result)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        let uninstall = try home.run(["uninstall", "--client", "cursor", "--name", "acme"])
        #expect(uninstall.stderr.hasPrefix("removed 'acme' and the file \(path), which held nothing else\nnote: a backup still holds the 'acme' entry"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("--dry-run prints the diff on stdout and writes nothing")
    func dryRun() throws {
        let home = try Home()
        defer { home.remove() }
        let original = try String(contentsOf: Self.fixtures.appendingPathComponent("codex-config.toml"), encoding: .utf8)
        try home.write(original, to: ".codex/config.toml")
        let path = home.home.appendingPathComponent(".codex/config.toml").path
        let result = try home.run(["install", "--client", "codex", "--token-env", "ACME_API_KEY", "--dry-run"] + Self.server)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("--- \(path)\n+++ \(path)\n@@ "), "\(result.stdout)")
        #expect(result.stdout.contains("\n+[mcp_servers.acme]\n+url = \"https://mcp.acme.dev/mcp\"\n+bearer_token_env_var = \"ACME_API_KEY\"\n"))
        #expect(result.stderr == "dry run: nothing was written\n")
        #expect(home.read(".codex/config.toml") == original)
        #expect(home.backups(of: ".codex/config.toml").isEmpty)

        let uninstall = try home.run(["uninstall", "--client", "codex", "--name", "linear", "--dry-run"])
        #expect(uninstall.status == 0)
        #expect(uninstall.stdout.contains("\n-[mcp_servers.linear]\n"))
        #expect(home.read(".codex/config.toml") == original)
    }

    @Test("a different entry: exit 1, the diff on stderr with both keys masked, rerun with --force; --force replaces it")
    func conflictAndForce() throws {
        let home = try Home()
        defer { home.remove() }
        let first = try home.run(["install", "--client", "claude-code", "--token", Self.otherKey] + Self.server)
        #expect(first.status == 0)
        let before = home.read(".claude.json")
        let path = home.home.appendingPathComponent(".claude.json").path

        let conflict = try home.run(["install", "--client", "claude-code", "--token-stdin"] + Self.server, stdin: Self.key)
        #expect(conflict.status == 1)
        #expect(conflict.stdout.isEmpty)
        Self.expectClean(conflict, lines: 0)
        #expect(conflict.stderr.hasPrefix("--- acme (in \(path))\n+++ acme (new)\n"), "\(conflict.stderr)")
        #expect(conflict.stderr.contains("-    \"Authorization\": \"Bearer …1234\""), "\(conflict.stderr)")
        #expect(conflict.stderr.contains("+    \"Authorization\": \"Bearer …9876\""), "\(conflict.stderr)")
        #expect(conflict.stderr.hasSuffix("mcp-setup: \(path) already has a different 'acme' entry; rerun with --force to replace it (the old file is backed up)\n"))
        #expect(home.read(".claude.json") == before)

        let forced = try home.run(["install", "--client", "claude-code", "--token-stdin", "--force"] + Self.server, stdin: Self.key)
        #expect(forced.status == 0, "\(forced.stderr)")
        Self.expectClean(forced)
        #expect(forced.stderr.hasPrefix("installed 'acme' into \(path) (backup: "))
        #expect(home.read(".claude.json")?.contains(Self.key) == true)
        #expect(home.read(".claude.json")?.contains(Self.otherKey) == false)
        let backup = try #require(home.backups(of: ".claude.json").last)
        #expect(FileManager.default.contents(atPath: backup.path).map { String(decoding: $0, as: UTF8.self) } == before)
    }

    static let s = ["--name", "acme", "--endpoint", "https://mcp.acme.dev/mcp", "--token", key]
    static let badInputs: [(arguments: [String], status: Int32, message: String)] = [
        (["install", "--client", "emacs"] + s, 2, "--client 'emacs' is not a known client; use one of: claude-desktop"),
        (["install", "--client", "cursor", "--scope", "galaxy"] + s, 2, "--scope 'galaxy' is not a scope; use user or project"),
        (["install", "--client", "chatgpt"] + s, 2, "chatgpt has no config file mcp-setup can merge into; use mcp-setup render --client chatgpt"),
        (["install", "--client", "cursor", "--os", "beos"] + s, 2, "--os 'beos' is not a system; use linux, macos or windows"),
        (["install", "--client", "claude-desktop", "--scope", "project"] + s, 2, "claude-desktop has no project-scope config file on linux; use --scope user"),
        (["install", "--client", "visual-studio"] + s, 2, "visual-studio has no config file on linux; it has one on windows (--os windows)"),
        (["install", "--client", "claude-desktop", "--os", "windows"] + s, 2, "APPDATA is not set"),
        (["install", "--client", "cursor", "--name", "acme", "--endpoint", "https://mcp.acme.dev/mcp", "--token", "Bearer abc"], 2, "paste the key alone"),
        (["install", "--client", "cursor", "--artifact", "cursor/deeplink"] + s, 2, "--artifact cursor/deeplink is not a config file of cursor"),
        (["install", "--client", "cursor", "--token", key], 2, "name"),
        (["install", "--client", "cursor", "--name", "acme", "--endpoint", "https://mcp.acme.dev/mcp"], 2, "install writes a working entry, not a placeholder"),
        (["install", "--client", "cursor", "--name", "acme", "--endpoint", "https://mcp.acme.dev/mcp", "--placeholder"], 2, "install writes a working entry, not a placeholder"),
        (["install"], 2, "no client; pass --client ID"),
        (["uninstall", "--client", "cursor"], 2, "no server name; pass --name"),
        (["uninstall", "--client", "chatgpt", "--name", "acme"], 2, "chatgpt has no config file mcp-setup can merge into"),
    ]

    @Test("bad input: exit 2, one line on stderr, nothing on stdout, nothing written", arguments: badInputs)
    func badInput(arguments: [String], status: Int32, message: String) throws {
        let home = try Home()
        defer { home.remove() }
        let result = try home.run(arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        Self.expectClean(result)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: home.home.path)) == [], "something was written")
    }

    @Test("an unparsable file: exit 2, one line with its line and column, the file untouched", arguments: [
        ("cursor", ".cursor/mcp.json", "{\n  \"mcpServers\": {\n    \"a\": 1,,\n  }\n}\n", ":3:12: "),
        ("codex", ".codex/config.toml", "model = \"x\"\n[mcp_servers\n", ":2:"),
        ("goose", ".config/goose/config.yaml", "extensions:\n  a: [1, 2\n", ":3:1: not valid YAML"),
    ])
    func unparsable(client: String, file: String, text: String, position: String) throws {
        let home = try Home()
        defer { home.remove() }
        try home.write(text, to: file)
        for arguments in [["install", "--client", client, "--token", Self.key] + Self.server, ["uninstall", "--client", client, "--name", "acme"]] {
            let result = try home.run(arguments)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            Self.expectClean(result)
            #expect(result.stderr.hasPrefix("mcp-setup: error: \(home.home.appendingPathComponent(file).path)\(position)"), "\(result.stderr)")
            #expect(result.stderr.contains("nothing was changed"))
            #expect(home.read(file) == text)
            #expect(home.backups(of: file).isEmpty)
        }
    }

    @Test("paths follow XDG_CONFIG_HOME, CODEX_HOME, and APPDATA/USERPROFILE with --os windows (WSL)")
    func pathVariables() throws {
        var home = try Home()
        defer { home.remove() }
        let xdg = home.root.appendingPathComponent("xdg").path
        let codex = home.root.appendingPathComponent("codex-home").path
        let windows = home.root.appendingPathComponent("mnt/c/Users/me").path
        home.environment.merge(["XDG_CONFIG_HOME": xdg, "CODEX_HOME": codex, "APPDATA": windows + "/AppData/Roaming", "USERPROFILE": windows]) { $1 }
        let cases: [([String], String)] = [
            (["--client", "zed"], xdg + "/zed/settings.json"),
            (["--client", "codex"], codex + "/config.toml"),
            (["--client", "claude-desktop", "--os", "windows"], windows + "/AppData/Roaming/Claude/claude_desktop_config.json"),
            (["--client", "claude-code", "--os", "windows"], windows + "/.claude.json"),
            (["--client", "claude-code", "--scope", "project", "--project", home.root.appendingPathComponent("proj").path], home.root.appendingPathComponent("proj/.mcp.json").path),
        ]
        // The base folders exist (an install creates folders below them, never them).
        for folder in [codex, windows + "/AppData/Roaming", home.root.appendingPathComponent("proj").path] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        for (arguments, path) in cases {
            // Zed and Claude Desktop read no environment variable from their files: the key goes in.
            let inline = arguments.contains("zed") || arguments.contains("claude-desktop")
            let result = try home.run(["install"] + arguments + (inline ? ["--token-stdin"] : ["--token-env", "ACME_API_KEY"]) + Self.server, stdin: inline ? Self.key + "\n" : nil)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stderr == "installed 'acme' into \(path)\n", "\(arguments)")
            #expect(FileManager.default.fileExists(atPath: path), "\(path)")
        }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: home.home.path)) == [], "nothing under HOME itself")
    }

    @Test("install --help names the guarantees and the examples")
    func help() throws {
        let result = try CLI.run(["install", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--dry-run") && result.stdout.contains("--force") && result.stdout.contains("Examples:"))
    }
}
