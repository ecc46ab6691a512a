import Foundation
import MCPSetup
import Testing
@testable import MCPSetupInstall

@Suite("mcp-setup install: every client, every file shape")
struct InstallerTests {
    static let clients = InstallTargets.installableClients()

    @Test("the clients with a config file")
    func installable() {
        #expect(Self.clients.count >= 17)
        for id in ["claude-desktop", "claude-code", "codex", "vscode", "cursor", "windsurf", "gemini-cli", "zed", "lm-studio", "opencode", "kiro", "visual-studio", "cline", "roo-code", "continue", "goose",
                   "copilot-cli", "antigravity", "antigravity-cli", "junie", "factory-droid", "amp", "crush", "qwen-code", "trae", "amazon-q", "kilo-code", "openclaw"] {
            #expect(Self.clients.contains(id), "\(id)")
        }
        // JSON pasted into a settings dialog has no file to install into.
        for id in ["jetbrains-ai", "copilot-jetbrains", "chatgpt", "claude-ai"] {
            #expect(!Self.clients.contains(id), "\(id)")
        }
    }

    @Test("a bridge's header value in its arguments is masked like a header")
    func masksBridgeArguments() {
        let words = ["mcp-proxy@0.13.0", "-H", "X-Key", "sk_live_uvxsecret_9876", "https://x.dev/mcp"].map(PlainValue.string)
        let masked = SecretMask.mask(.object([("args", .array(words))]))
        #expect(masked["args"] == .array(["mcp-proxy@0.13.0", "-H", "X-Key", "…9876", "https://x.dev/mcp"].map(PlainValue.string)))
    }

    @Test("every file artifact with a place on disk declares how it is installed, and the declaration finds its entry")
    func declarations() throws {
        let request = try Sandbox.request(.environment(variable: "ACME_API_KEY"))
        for artifact in try SetupGenerator().render(request).flatMap(\.artifacts) where artifact.kind == .file && !artifact.paths.isEmpty {
            let install = try #require(artifact.install, "\(artifact.id) has paths but no install declaration")
            guard let document = artifact.document else { continue }
            let value: PlainValue
            switch document {
            case .json(let v), .jsonc(let v), .yaml(let v), .toml(let v): value = try TextRenderer(secret: request.secretText).plain(v)
            default: continue
            }
            #expect(InstallTargets.entry("acme", in: value, install: install) != nil, "\(artifact.id)")
        }
    }

    @Test("install keeps every byte, reads back, is idempotent; uninstall gives back the original bytes", arguments: clients)
    func everyVariant(client: String) throws {
        var scopes = 0
        defer { #expect(scopes > 0, "\(client): no scope was tested") }
        // Visual Studio keeps its file on Windows only: its paths are resolved as Windows ones.
        let probe = try Sandbox()
        let system = (try? probe.targets.target(clientID: client, scope: nil, request: try Sandbox.request())) == nil ? "windows" : "linux"
        probe.remove()
        for scope in InstallTarget.Scope.allCases {
            var sandbox = try Sandbox()
            sandbox.os = system
            defer { sandbox.remove() }
            // A client has no file at some scopes on Linux (Visual Studio's is on Windows, Claude
            // Desktop's has no project scope): those are skipped, and at least one must be tested.
            guard let target = try? sandbox.target(client, scope: scope) else { continue }
            scopes += 1
            for variant in Variants.all(format: target.format, container: target.container) {
                let label = "\(client) \(scope) \(variant.name)"
                try? FileManager.default.removeItem(atPath: target.path)
                for backup in sandbox.backups(of: target.path) { try FileManager.default.removeItem(atPath: (target.path as NSString).deletingLastPathComponent + "/" + backup) }
                if let bytes = variant.bytes { try sandbox.write(bytes, to: target.path) }

                let outcome = try Installer().install(target, holdsKey: true)
                guard case .written = outcome else { Issue.record("\(label): \(outcome)"); continue }
                let installed = try #require(sandbox.read(target.path), "\(label)")
                let editor = try ConfigEditors.open(installed, format: target.format, path: target.path)
                #expect(try editor.entry(container: target.container, name: "acme")?.canonical == target.entry.canonical, "\(label)")
                if let original = variant.bytes, !original.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }) {
                    #expect(isSubsequence(original, of: installed), "\(label): a byte of the original is gone")
                    if original.starts(with: [0xEF, 0xBB, 0xBF]) { #expect(installed.starts(with: [0xEF, 0xBB, 0xBF]), "\(label): BOM") }
                    if original.contains(0x0D) {
                        let loneLineFeeds = installed.indices.filter { installed[$0] == 0x0A && ($0 == 0 || installed[$0 - 1] != 0x0D) }
                        #expect(loneLineFeeds.isEmpty, "\(label): CRLF file got a bare LF")
                    }
                } else {
                    #expect(String(decoding: installed, as: UTF8.self) == target.newFile, "\(label): a new file is the artifact")
                    let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
                    #expect(mode == 0o600, "\(label): a file holding a key is 0600, new or not")
                }
                let backupsAfterInstall = sandbox.backups(of: target.path).count
                #expect(try Installer().install(target, holdsKey: true) == .unchanged, "\(label): second install")
                #expect(sandbox.backups(of: target.path).count == backupsAfterInstall, "\(label): no-op install wrote a backup")

                let removal = try sandbox.targets.removalTarget(clientID: client, scope: scope, name: "acme")
                _ = try Installer().uninstall(removal)
                let after = sandbox.read(target.path)
                if let original = variant.bytes {
                    #expect(after == original, "\(label): uninstall did not give back the original bytes")
                } else {
                    #expect(after == nil, "\(label): uninstall left \(String(decoding: after ?? [], as: UTF8.self))")
                }
            }
        }
    }

    @Test("real-world files: entry added, everything else intact, uninstall exact", arguments: [
        ("claude.json", "claude-code", InstallTarget.Scope.user),
        ("zed-settings.json", "zed", .user),
        ("codex-config.toml", "codex", .user),
        ("goose-config.yaml", "goose", .user),
        ("continue-config.yaml", "continue", .user),
        ("vscode-mcp.json", "vscode", .user),
    ])
    func realFiles(fixture: String, client: String, scope: InstallTarget.Scope) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let original = try #require(FileManager.default.contents(atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(fixture)").path)).map { $0 }
        for credential in [Credential.inline(try Secret("sk_live_123")), .prompt, .environment(variable: "ACME_API_KEY")] {
            let label = "\(fixture) \(credential.modeName)"
            guard Sandbox.referencesKey(client, credential) else {
                // A client that cannot resolve the reference gets no entry at all (a placeholder would fail with 401).
                #expect(throws: SetupError.self, "\(label)") { try sandbox.target(client, scope: scope, request: try Sandbox.request(credential)) }
                continue
            }
            let target = try sandbox.target(client, scope: scope, request: try Sandbox.request(credential))
            try sandbox.write(original, to: target.path)
            let outcome = try Installer().install(target, holdsKey: credential != .prompt)
            guard case .written = outcome else { Issue.record("\(label): \(outcome)"); continue }
            let installed = try #require(sandbox.read(target.path))
            #expect(isSubsequence(original, of: installed), "\(label)")
            let entry = try ConfigEditors.open(installed, format: target.format, path: target.path).entry(container: target.container, name: "acme")
            #expect(entry?.canonical == target.entry.canonical, "\(label): the entry is where the client reads it")
            #expect(!String(decoding: installed, as: UTF8.self).contains("YOUR_ACME_API_KEY"), "\(label): a placeholder was written")
            if client == "vscode" && credential.isReference {
                #expect(String(decoding: installed, as: UTF8.self).contains("\"id\": \"acme_api_key\""), "the prompt input was merged")
            }
            _ = try Installer().uninstall(try sandbox.targets.removalTarget(clientID: client, scope: scope, name: "acme"))
            #expect(sandbox.read(target.path) == original, "\(label): uninstall")
        }
    }

    @Test("an unparsable file is refused with line and column, and nothing changes", arguments: [
        ("cursor", "{\n  \"mcpServers\": {\n    \"a\": 1,,\n  }\n}\n", ":3:12:"),
        ("codex", "model = \"x\"\n[mcp_servers\n", ":2:"),
        ("goose", "extensions:\n  a: [1, 2\n", ":"),
        ("zed", "{ \"a\": /* open", ":1:8:"),
    ])
    func unparsable(client: String, text: String, position: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target(client)
        try sandbox.write(Array(text.utf8), to: target.path)
        do {
            _ = try Installer().install(target, holdsKey: true)
            Issue.record("installed into a broken file")
        } catch let error as SetupError {
            #expect(error.message.hasPrefix(target.path + position), "\(error.message)")
            #expect(error.message.contains("nothing was changed"))
        }
        #expect(sandbox.read(target.path) == Array(text.utf8))
        #expect(sandbox.backups(of: target.path).isEmpty)
    }

    @Test("a read-only file is refused and left alone")
    func readOnly() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target("cursor")
        let text = Array("{\"mcpServers\": {}}\n".utf8)
        try sandbox.write(text, to: target.path, mode: 0o444)
        #expect(throws: SetupError.self) { try Installer().install(target, holdsKey: true) }
        #expect(sandbox.read(target.path) == text)
    }

    @Test("a different entry is shown with keys masked and refused; --force replaces it with a backup")
    func conflict() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let first = try sandbox.target("cursor", request: try Sandbox.request(.inline(try Secret("sk_live_firstkey_1234"))))
        _ = try Installer().install(first, holdsKey: true)
        let second = try sandbox.target("cursor", request: try Sandbox.request(.inline(try Secret("sk_live_secondkey_5678"))))
        do {
            _ = try Installer().install(second, holdsKey: true)
            Issue.record("replaced without --force")
        } catch let conflict as Installer.Conflict {
            #expect(conflict.description.contains("--force"))
            #expect(!conflict.diff.contains("firstkey") && !conflict.diff.contains("secondkey"), "\(conflict.diff)")
            #expect(conflict.diff.contains("-    \"Authorization\": \"Bearer …1234\""))
            #expect(conflict.diff.contains("+    \"Authorization\": \"Bearer …5678\""))
        }
        let backups = sandbox.backups(of: first.path).count
        guard case .written(let written) = try Installer().install(second, force: true, holdsKey: true), let backup = written.backup else { Issue.record("no backup"); return }
        #expect(FileManager.default.fileExists(atPath: backup))
        #expect(sandbox.backups(of: first.path).count == backups + 1)
        #expect(String(decoding: sandbox.read(first.path)!, as: UTF8.self).contains("sk_live_secondkey_5678"))
    }

    @Test("--dry-run prints a diff and writes nothing")
    func dryRun() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target("codex")
        try sandbox.write(Array("model = \"x\"\n".utf8), to: target.path)
        guard case .dryRun(let diff) = try Installer().install(target, dryRun: true, holdsKey: true) else { Issue.record("not a dry run"); return }
        #expect(diff.contains("+[mcp_servers.acme]"))
        #expect(sandbox.read(target.path) == Array("model = \"x\"\n".utf8))
        #expect(sandbox.backups(of: target.path).isEmpty)
    }

    @Test("permissions are kept, narrowed to the owner when the file now holds a key; a symbolic link stays a link")
    func permissionsAndLinks() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target("cursor")
        let real = sandbox.root.appendingPathComponent("dotfiles/mcp.json").path
        try sandbox.write(Array("{}\n".utf8), to: real, mode: 0o640)
        try FileManager.default.createDirectory(atPath: (target.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: target.path, withDestinationPath: real)
        _ = try Installer().install(target, holdsKey: false)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: target.path) == real)
        #expect(try FileManager.default.attributesOfItem(atPath: real)[.posixPermissions] as? Int == 0o640)
        let keyed = try sandbox.target("cursor", request: try Sandbox.request(.inline(try Secret("sk_live_linkedkey_1234"))))
        guard case .written(let written) = try Installer().install(keyed, force: true, holdsKey: true) else { Issue.record("not written"); return }
        #expect(written.narrowedFrom == 0o640)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: target.path) == real)
        #expect(try FileManager.default.attributesOfItem(atPath: real)[.posixPermissions] as? Int == 0o600)
        #expect(String(decoding: sandbox.read(real)!, as: UTF8.self).contains("\"acme\""))
    }

    @Test("paths honour HOME, XDG_CONFIG_HOME, CODEX_HOME, APPDATA and USERPROFILE")
    func paths() throws {
        let request = try Sandbox.request()
        let linux = InstallTargets(os: "linux", environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/x", "CODEX_HOME": "/c"], projectDirectory: "/p")
        #expect(try linux.target(clientID: "zed", scope: .user, request: request).path == "/x/zed/settings.json")
        #expect(try linux.target(clientID: "codex", scope: .user, request: request).path == "/c/config.toml")
        #expect(try linux.target(clientID: "cursor", scope: .user, request: request).path == "/h/.cursor/mcp.json")
        #expect(try linux.target(clientID: "cursor", scope: .project, request: request).path == "/p/.cursor/mcp.json")
        #expect(try linux.target(clientID: "claude-code", scope: .user, request: request).path == "/h/.claude.json")
        let windows = InstallTargets(os: "windows", environment: ["APPDATA": "/mnt/c/Users/a/AppData/Roaming", "USERPROFILE": "/mnt/c/Users/a"], projectDirectory: "/p")
        #expect(try windows.target(clientID: "claude-desktop", scope: .user, request: request).path == "/mnt/c/Users/a/AppData/Roaming/Claude/claude_desktop_config.json")
        #expect(try windows.target(clientID: "cursor", scope: .user, request: request).path == "/mnt/c/Users/a/.cursor/mcp.json")
        #expect(throws: SetupError.self) { try InstallTargets(os: "windows", environment: [:]).target(clientID: "cursor", scope: .user, request: request) }
        let claudeHome = InstallTargets(os: "linux", environment: ["HOME": "/h", "CLAUDE_CONFIG_DIR": "/cc"], projectDirectory: "/p")
        #expect(try claudeHome.target(clientID: "claude-code", scope: .user, request: request).path == "/cc/.claude.json")
        #expect(try claudeHome.target(clientID: "claude-code", scope: .project, request: request).path == "/p/.mcp.json")
        #expect(try claudeHome.target(clientID: "codex", scope: .user, request: request).path == "/h/.codex/config.toml", "CLAUDE_CONFIG_DIR moves Claude Code's file only")
    }

    @Test("Claude Desktop on Windows: the file that exists, the MSIX package's first; else the folder that exists")
    func claudeDesktopMSIX() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let request = try Sandbox.request()
        let roaming = sandbox.root.appendingPathComponent("AppData/Roaming").path
        let local = sandbox.root.appendingPathComponent("AppData/Local").path
        let targets = InstallTargets(os: "windows", environment: ["APPDATA": roaming, "LOCALAPPDATA": local, "USERPROFILE": sandbox.home], projectDirectory: sandbox.project)
        let packaged = local + "/Packages/Claude_pzs8sxrjxfjjc/LocalCache/Roaming/Claude"
        // The classic installer's folder only: its file.
        try FileManager.default.createDirectory(atPath: roaming + "/Claude", withIntermediateDirectories: true)
        #expect(try targets.target(clientID: "claude-desktop", scope: .user, request: request).path == roaming + "/Claude/claude_desktop_config.json")
        // The package's folder too (an MSIX install): the packaged app reads its own copy first.
        try FileManager.default.createDirectory(atPath: packaged, withIntermediateDirectories: true)
        #expect(try targets.target(clientID: "claude-desktop", scope: .user, request: request).path == packaged + "/claude_desktop_config.json")
        // Both files exist (a user who moved to the MSIX app): still the package's.
        try sandbox.write(Array("{}".utf8), to: roaming + "/Claude/claude_desktop_config.json")
        try sandbox.write(Array("{}".utf8), to: packaged + "/claude_desktop_config.json")
        #expect(try targets.target(clientID: "claude-desktop", scope: .user, request: request).path == packaged + "/claude_desktop_config.json")
        // Only the classic file exists: that one.
        try FileManager.default.removeItem(atPath: packaged + "/claude_desktop_config.json")
        #expect(try targets.target(clientID: "claude-desktop", scope: .user, request: request).path == roaming + "/Claude/claude_desktop_config.json")
        // Without LOCALAPPDATA (a WSL shell that sets only APPDATA) the classic folder still works.
        let wsl = InstallTargets(os: "windows", environment: ["APPDATA": roaming, "USERPROFILE": sandbox.home], projectDirectory: sandbox.project)
        #expect(try wsl.target(clientID: "claude-desktop", scope: .user, request: request).path == roaming + "/Claude/claude_desktop_config.json")
    }
}
