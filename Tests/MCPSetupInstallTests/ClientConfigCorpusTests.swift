import Foundation
import MCPSetup
import Testing
@testable import MCPSetupInstall

/// The 80 real config files of `../shared/corpus/client-configs` (18 clients, 75 public
/// repositories: JSONC with comments and trailing commas, CRLF, tabs, no final newline, Codex
/// files of 16 KB, Continue YAML with anchors, Zed profiles, VS Code settings), each put where
/// its client reads it, then installed into, installed into again and uninstalled. Parsers that
/// are not mcp-setup's judge the results (Support/judge_corpus.py).
@Suite("install into config files written by others")
struct ClientConfigCorpusTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/client-configs")
    static let key = "sk_live_corpusKEY_5678"

    /// The corpus folder's client, as mcp-setup names it, and the scope of its files. Amazon Q's
    /// agent file (`.amazonq/agents/default.json`) has the same `mcpServers` as `mcp.json` and is
    /// installed into as one.
    static let clients: [String: (id: String, scope: InstallTarget.Scope)] = [
        "amazon-q": ("amazon-q", .project), "claude-code": ("claude-code", .project), "claude-desktop": ("claude-desktop", .user), "cline": ("cline", .user),
        "codex": ("codex", .user), "continue": ("continue", .user), "copilot-cli": ("copilot-cli", .user), "crush": ("crush", .user),
        "cursor": ("cursor", .user), "gemini": ("gemini-cli", .user), "goose": ("goose", .user), "kiro": ("kiro", .user),
        "opencode": ("opencode", .user), "qwen-code": ("qwen-code", .user), "roo": ("roo-code", .project), "vscode": ("vscode", .project),
        "windsurf": ("windsurf", .user), "zed": ("zed", .user),
    ]

    /// Files of a shape the client itself cannot read, or that are not the file install writes:
    /// the reason, which the install's refusal (if any) must not contradict.
    static let notInstalled: [String: String] = [
        "vscode/05-servers-array-wrong-shape.json": "\"servers\" is a list; VS Code reads an object there, so the file is refused",
        "vscode/14-settings-mcp-block-comments.json": "a settings.json; install writes VS Code's mcp.json, not settings.json",
        "vscode/15-insiders-settings-mcp.json": "a settings.json; install writes VS Code's mcp.json, not settings.json",
        "vscode/16-settings-dotted-mcp-servers-array.json": "a settings.json; install writes VS Code's mcp.json, not settings.json",
    ]

    static let files: [String] = {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return folders.sorted().flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(folder).path)) ?? []).sorted().map { folder + "/" + $0 }
        }.filter { !$0.hasSuffix(".tsv") }
    }()

    @Test("the corpus is beside the repository: 80 files of 18 clients")
    func corpusPresent() {
        #expect(Self.files.count == 80, "../shared/corpus/client-configs must be beside the repository")
        #expect(Set(Self.files.map { String($0.prefix { $0 != "/" }) }).count == 18)
    }

    struct Judged: Encodable {
        let label, format, original, installed, removed, name: String
        let container: [String]
        let entry: String
    }

    @Test("every file: the entry lands where the client reads it, the rest is unchanged, a second install changes nothing, uninstall gives the bytes back")
    func everyFile() throws {
        var judged: [[String: Any]] = []
        var installedCount = 0
        for file in Self.files {
            let folder = String(file.prefix { $0 != "/" })
            let (client, scope) = try #require(Self.clients[folder], "\(file): which client?")
            let original = try #require(FileManager.default.contents(atPath: Self.corpus.appendingPathComponent(file).path).map(Array.init))
            let sandbox = try Sandbox()
            defer { sandbox.remove() }
            let installer = Installer(ledger: sandbox.ledger), noBackups = Installer(keptBackups: 0, ledger: sandbox.ledger)
            // A key reference where the client resolves one, the key itself where it does not.
            let credential: Credential = Sandbox.referencesKey(client, .environment(variable: "ACME_API_KEY")) ? .environment(variable: "ACME_API_KEY") : .inline(try Secret(Self.key))
            let target = try sandbox.target(client, scope: scope, request: try Sandbox.request(credential))
            try sandbox.write(original, to: target.path)
            if let reason = Self.notInstalled[file] {
                if reason.contains("refused") {
                    #expect(throws: SetupError.self, "\(file): \(reason)") { try installer.install(target, holdsKey: true) }
                    #expect(sandbox.read(target.path) == original, "\(file): a refusal changed the file")
                    #expect(sandbox.backups(of: target.path).isEmpty)
                }
                continue
            }
            let label = "\(file) (\(client), \(scope))"
            let outcome: Installer.Outcome
            do {
                outcome = try installer.install(target, holdsKey: !credential.isReference)
            } catch {
                Issue.record("\(label): refused: \(error)")
                #expect(sandbox.read(target.path) == original, "\(label): a refusal changed the file")
                continue
            }
            guard case .written = outcome else { Issue.record("\(label): \(outcome)"); continue }
            let installed = try #require(sandbox.read(target.path))
            #expect(isSubsequence(original, of: installed), "\(label): a byte of the original is gone")
            #expect(try installer.install(target, holdsKey: !credential.isReference) == .unchanged, "\(label): second install")
            #expect(sandbox.read(target.path) == installed, "\(label): second install changed the file")
            let removal = try sandbox.targets.removalTarget(clientID: client, scope: scope, name: "acme")
            guard case .written = try installer.uninstall(removal) else { Issue.record("\(label): uninstall wrote nothing"); continue }
            #expect(sandbox.read(target.path) == original, "\(label): uninstall right after did not give back the original bytes")

            // Without backups: install, then uninstall, must leave a file that parses to the original.
            for backup in sandbox.backups(of: target.path) { try FileManager.default.removeItem(atPath: (target.path as NSString).deletingLastPathComponent + "/" + backup) }
            try sandbox.write(original, to: target.path)
            guard case .written(let written) = try noBackups.install(target, holdsKey: !credential.isReference), written.backup == nil else {
                Issue.record("\(label): install without backups did not write, or made a backup"); continue
            }
            #expect(sandbox.read(target.path) == installed, "\(label): the same install gave other bytes without backups")
            guard case .written = try noBackups.uninstall(removal) else { Issue.record("\(label): uninstall without a backup wrote nothing"); continue }
            #expect(sandbox.backups(of: target.path).isEmpty, "\(label): a backup was made with backups off")
            #expect(sandbox.ledger.record(file: target.path, container: target.container, name: "acme") == nil, "\(label): uninstall leaves its record")
            let removed = sandbox.read(target.path) ?? []
            installedCount += 1
            judged.append([
                "label": label, "format": target.format.rawValue, "original": Data(original).base64EncodedString(),
                "installed": Data(installed).base64EncodedString(), "removed": Data(removed).base64EncodedString(),
                "container": target.container, "name": "acme",
                "entry": try JSONSerialization.jsonObject(with: Data(JSONSyntax.compact(target.entry).utf8)),
            ])
        }
        #expect(installedCount == 80 - Self.notInstalled.count)
        let problems = try Self.judge(judged)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Runs the independent judge over the cases; its problems, one line each.
    static func judge(_ cases: [[String: Any]]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository.appendingPathComponent("Tests/MCPSetupInstallTests/Support/judge_corpus.py").path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let data = try JSONSerialization.data(withJSONObject: cases)
        let writer = Thread {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return ["the judge exited \(process.terminationStatus)"] }
        return try #require(try JSONSerialization.jsonObject(with: result) as? [String])
    }
}
