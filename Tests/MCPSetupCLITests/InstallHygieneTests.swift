import Foundation
import Testing

/// Dry runs and no-ops create nothing; backups are 0600, bounded and named after an uninstall;
/// a key-holding file is 0600; a key in a project file is warned about; uninstall reads the
/// name as install does.
@Suite("install and uninstall: nothing created by a dry run, nothing leaked by a backup")
struct InstallHygieneTests {
    typealias Home = InstallCommandTests.Home
    static let key = InstallCommandTests.key
    static let server = InstallCommandTests.server

    /// Every path under a folder, relative and sorted.
    static func tree(_ url: URL) -> [String] {
        (FileManager.default.subpaths(atPath: url.path) ?? []).sorted()
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
    }

    @Test("dry runs and no-op uninstalls create no file or folder", arguments: [
        ["install", "--client", "cline", "--token-stdin", "--dry-run"],
        ["install", "--client", "vscode", "--scope", "project", "--prompt", "--dry-run"],
        ["install", "--client", "codex", "--token-env", "ACME_API_KEY", "--dry-run"],
        ["uninstall", "--client", "cursor"],
        ["uninstall", "--client", "cursor", "--dry-run"],
        ["uninstall", "--client", "vscode", "--scope", "project"],
    ])
    func createsNothing(arguments: [String]) throws {
        let home = try Home()
        defer { home.remove() }
        let before = Self.tree(home.root)
        let extra = arguments.first == "install" ? Self.server : ["--name", "acme"]
        let result = try home.run(arguments + extra, stdin: arguments.contains("--token-stdin") ? Self.key + "\n" : nil)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.tree(home.root) == before, "\(arguments)")
    }

    @Test("backups are 0600 even of a 0644 file; a file that now holds a key becomes 0600; only the newest 5 backups stay")
    func backupPermissionsAndBound() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("model = \"o3\"\n", to: ".codex/config.toml")
        let path = home.home.appendingPathComponent(".codex/config.toml").path
        #expect(chmod(path, 0o644) == 0)
        for round in 0..<7 {
            let install = try home.run(["install", "--client", "codex", "--token-env", "ACME_API_KEY"] + Self.server)
            #expect(install.status == 0, "\(install.stderr)")
            let uninstall = try home.run(["uninstall", "--client", "codex", "--name", "acme"])
            #expect(uninstall.status == 0, "\(round): \(uninstall.stderr)")
        }
        let backups = home.backups(of: ".codex/config.toml")
        #expect(backups.count == 5)
        for backup in backups { #expect(Self.mode(backup.path) == 0o600, "\(backup.path)") }
        #expect(Self.mode(path) == 0o644, "no key, no change of permissions")

        let inline = try home.run(["install", "--client", "codex", "--token-stdin"] + Self.server, stdin: Self.key + "\n")
        #expect(inline.status == 0)
        InstallCommandTests.expectClean(inline, lines: 2)
        #expect(inline.stderr.contains("permissions went from 644 to 600"))
        #expect(Self.mode(path) == 0o600)
    }

    @Test("--no-backup makes no backup; uninstall names the backups that still hold the key")
    func noBackupAndCopiesLeft() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("{\n  \"mcpServers\": {}\n}\n", to: ".cursor/mcp.json")
        let plain = try home.run(["install", "--client", "cursor", "--token-stdin", "--no-backup"] + Self.server, stdin: Self.key + "\n")
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(home.backups(of: ".cursor/mcp.json").isEmpty)
        let removed = try home.run(["uninstall", "--client", "cursor", "--name", "acme"])
        #expect(removed.status == 0)
        InstallCommandTests.expectClean(removed, lines: 2)
        let backups = home.backups(of: ".cursor/mcp.json")
        #expect(backups.count == 1)
        #expect(removed.stderr.contains("note: a backup still holds the 'acme' entry"))
        #expect(removed.stderr.contains(backups[0].path))
        #expect(!(home.read(".cursor/mcp.json") ?? "").contains(Self.key))
    }

    @Test("a key written into a project file is warned about, and git's view of the file is given")
    func projectScopeWarning() throws {
        let home = try Home()
        defer { home.remove() }
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", home.work.path, "init", "-q"]
        try git.run()
        git.waitUntilExit()
        let result = try home.run(["install", "--client", "cursor", "--scope", "project", "--token-stdin"] + Self.server, stdin: Self.key + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        InstallCommandTests.expectClean(result, lines: 3)
        #expect(result.stderr.contains("project files are often committed"))
        #expect(result.stderr.contains("--token-env"))
        #expect(result.stderr.contains("is in a git work tree and not ignored"))

        try ".cursor/\n".write(to: home.work.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: home.work.appendingPathComponent(".cursor"))
        let ignored = try home.run(["install", "--client", "cursor", "--scope", "project", "--token-stdin"] + Self.server, stdin: Self.key + "\n")
        InstallCommandTests.expectClean(ignored, lines: 2)
        #expect(!ignored.stderr.contains("not ignored"))

        let reference = try home.run(["install", "--client", "vscode", "--scope", "project", "--token-env", "ACME_API_KEY"] + Self.server)
        #expect(!reference.stderr.contains("warning"))
    }

    @Test("uninstall reads the server's name from mcp-setup.yml, as install does")
    func uninstallReadsConfig() throws {
        let home = try Home()
        defer { home.remove() }
        try "name: acme\nendpoint: https://mcp.acme.dev/mcp\n".write(to: home.work.appendingPathComponent("mcp-setup.yml"), atomically: true, encoding: .utf8)
        #expect(try home.run(["install", "--client", "codex", "--token-env", "ACME_API_KEY"]).status == 0)
        #expect(home.read(".codex/config.toml")?.contains("[mcp_servers.acme]") == true)
        let removed = try home.run(["uninstall", "--client", "codex"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stderr.hasPrefix("removed 'acme'"))
        try FileManager.default.removeItem(at: home.work.appendingPathComponent("mcp-setup.yml"))
        let nameless = try home.run(["uninstall", "--client", "codex"])
        #expect(nameless.status == 2)
        #expect(nameless.stderr.contains("--name"))
    }

    @Test("a HOME, CODEX_HOME or project folder that does not exist is refused, not created")
    func missingBaseFolders() throws {
        let home = try Home()
        defer { home.remove() }
        let missing = home.root.appendingPathComponent("no-such-home").path
        var environment = home.environment
        environment["HOME"] = missing
        let result = try CLI.run(["install", "--client", "cursor", "--token-env", "ACME_API_KEY"] + Self.server, in: home.work, environment: environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("HOME (\(missing)) is not an existing folder"))
        environment = home.environment
        environment["CODEX_HOME"] = missing
        let codex = try CLI.run(["install", "--client", "codex", "--token-env", "ACME_API_KEY"] + Self.server, in: home.work, environment: environment)
        #expect(codex.status == 2 && codex.stderr.contains("CODEX_HOME"))
        let project = try home.run(["install", "--client", "cursor", "--scope", "project", "--project", missing, "--token-env", "ACME_API_KEY"] + Self.server)
        #expect(project.status == 2 && project.stderr.contains("--project"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}

extension InstallHygieneTests {
    @Test("COPILOT_HOME moves GitHub Copilot CLI's file, as Copilot reads it")
    func copilotHome() throws {
        let home = try Home()
        defer { home.remove() }
        let folder = home.root.appendingPathComponent("copilot-home")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var environment = home.environment
        environment["COPILOT_HOME"] = folder.path
        let result = try CLI.run(["install", "--client", "copilot-cli", "--token-stdin"] + Self.server, stdin: Self.key + "\n", in: home.work, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("mcp-config.json").path))
    }

    @Test("a dry run's diff on stdout shows the key masked")
    func dryRunMasksKey() throws {
        let home = try Home()
        defer { home.remove() }
        let key = #"sk_live_DRYRUN"quoted"_1234"#
        let result = try home.run(["install", "--client", "cursor", "--token-stdin", "--dry-run"] + Self.server, stdin: key + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("…1234"))
        #expect(!result.stdout.contains("DRYRUN"), "\(result.stdout)")
    }
}
