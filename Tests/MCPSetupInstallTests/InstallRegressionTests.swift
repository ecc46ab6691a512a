import Foundation
import MCPSetup
import Testing
@testable import MCPSetupInstall

/// Bugs found by the generated-file, fault-injection and end-to-end tests, each pinned by the
/// smallest file that showed it.
@Suite("mcp-setup install: regressions")
struct InstallRegressionTests {
    /// Every table after the entry, in files whose entry holds text that looks like the start of
    /// a multi-line string, a nested array whose lines start with `[`, or that is followed by an
    /// array of tables.
    static let tomlEntriesFollowedByTables: [(label: String, entry: String)] = [
        ("literal string holding \"\"\"", "[mcp_servers.acme]\nurl = \"https://old\"\nnote = 'say \"\"\"'\n"),
        ("comment holding '''", "[mcp_servers.acme]\nurl = \"https://old\" # the ''' quote\n"),
        ("nested multi-line array", "[mcp_servers.acme]\nurl = \"https://old\"\nargs = [\n  [\"a\", \"b\"],\n  [\"c\"]\n]\n"),
        ("inline table over lines of an array", "[mcp_servers.acme]\nurl = \"https://old\"\ntools = [\n  { name = \"[x]\" },\n]\n"),
        ("one-line multi-line string", "[mcp_servers.acme]\nurl = \"https://old\"\nnote = \"\"\"one line\"\"\"\n"),
        ("sub-table", "[mcp_servers.acme]\nurl = \"https://old\"\n\n[mcp_servers.acme.http_headers]\nX = \"1\"\n"),
    ]
    static let followingTables = "\n[[hooks]]\nevent = \"start\"\n\n[profiles.fast]\nmodel = \"mini\"\n\n[mcp_servers.other]\nurl = \"https://other\"\n"

    @Test("TOML: --force replaces only the entry's table; the tables after it stay", arguments: tomlEntriesFollowedByTables.map(\.label))
    func tomlReplaceKeepsFollowingTables(label: String) throws {
        let entry = try #require(Self.tomlEntriesFollowedByTables.first { $0.label == label }?.entry)
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target("codex", request: try Sandbox.request(.environment(variable: "ACME_API_KEY")))
        try sandbox.write(Array((entry + Self.followingTables).utf8), to: target.path)
        _ = try Installer().install(target, force: true, holdsKey: false)
        let text = String(decoding: try #require(sandbox.read(target.path)), as: UTF8.self)
        #expect(text.hasSuffix(Self.followingTables), "\(label): \(text.debugDescription)")
        #expect(text.hasPrefix("[mcp_servers.acme]\nurl = \"https://mcp.acme.dev/mcp\"\nbearer_token_env_var = \"ACME_API_KEY\"\n"), "\(label): \(text.debugDescription)")
    }

    @Test("TOML: uninstall removes only the entry's table and writes valid TOML", arguments: tomlEntriesFollowedByTables.map(\.label))
    func tomlRemoveKeepsFollowingTables(label: String) throws {
        let entry = try #require(Self.tomlEntriesFollowedByTables.first { $0.label == label }?.entry)
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.targets.removalTarget(clientID: "codex", scope: .user, name: "acme")
        try sandbox.write(Array(("model = \"o3\"\n\n" + entry + Self.followingTables).utf8), to: target.path)
        _ = try Installer().uninstall(target)
        let text = String(decoding: try #require(sandbox.read(target.path)), as: UTF8.self)
        #expect(text == "model = \"o3\"\n" + Self.followingTables, "\(label): \(text.debugDescription)")
        #expect(throws: Never.self) { try TOMLSyntax.parse(text) }
    }

    @Test("TOML: a servers table written inline is refused with what to do, not as a broken file")
    func tomlInlineContainer() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target("codex")
        let original = Array("model = \"o3\"\nmcp_servers = { other = { url = \"https://o\" } }\n".utf8)
        try sandbox.write(original, to: target.path)
        do {
            _ = try Installer().install(target, holdsKey: true)
            Issue.record("installed into an inline table")
        } catch let error as SetupError {
            #expect(error.message.contains("'mcp_servers' is an inline table"), "\(error.message)")
            #expect(!error.message.contains("not valid TOML"), "\(error.message)")
            #expect(!error.message.contains(":3:"), "the line of a text the user never saw: \(error.message)")
        }
        #expect(sandbox.read(target.path) == original)
        #expect(sandbox.backups(of: target.path).isEmpty)
    }

    @Test("uninstall without a backup keeps a file that still holds the user's comments", arguments: [
        ("zed", "// my Zed settings\n{\n}\n"),
        ("gemini-cli", "{\n  /* nothing else yet */\n}\n"),
        ("goose", "# goose config\n"),
    ])
    func uninstallKeepsCommentedFile(client: String, original: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target(client)
        try sandbox.write(Array(original.utf8), to: target.path)
        _ = try Installer().install(target, holdsKey: true)
        for backup in sandbox.backups(of: target.path) {
            try FileManager.default.removeItem(atPath: (target.path as NSString).deletingLastPathComponent + "/" + backup)
        }
        _ = try Installer().uninstall(try sandbox.targets.removalTarget(clientID: client, scope: nil, name: "acme"))
        let after = try #require(sandbox.read(target.path), "\(client): the file was deleted with its comments")
        let comment = original.split(separator: "\n").first { $0.contains("//") || $0.contains("/*") || $0.contains("#") }!
        #expect(String(decoding: after, as: UTF8.self).contains(comment), "\(client): \(String(decoding: after, as: UTF8.self).debugDescription)")
    }

    @Test("a file mcp-setup created is removed again by uninstall")
    func uninstallDeletesCreatedFile() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        for client in ["zed", "codex", "goose", "cursor"] {
            let target = try sandbox.target(client)
            _ = try Installer().install(target, holdsKey: true)
            #expect(try Installer().uninstall(try sandbox.targets.removalTarget(clientID: client, scope: nil, name: "acme")) == .deleted, "\(client)")
            #expect(sandbox.read(target.path) == nil, "\(client)")
        }
    }

    @Test("VS Code with a prompt for the key: uninstall after installing into an empty or missing file leaves it as it was", arguments: [nil, "", "\n"])
    func vscodePromptIntoEmptyFile(original: String?) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target("vscode", scope: .project, request: try Sandbox.request(.prompt))
        if let original { try sandbox.write(Array(original.utf8), to: target.path) }
        _ = try Installer().install(target, holdsKey: false)
        #expect(String(decoding: sandbox.read(target.path) ?? [], as: UTF8.self).contains("\"id\": \"acme_api_key\""))
        _ = try Installer().uninstall(try sandbox.targets.removalTarget(clientID: "vscode", scope: .project, name: "acme"))
        #expect(sandbox.read(target.path) == original.map { Array($0.utf8) }, "\(String(decoding: sandbox.read(target.path) ?? [], as: UTF8.self).debugDescription)")
    }

    @Test("the edit-changes-only-the-entry check: an install or uninstall compares equal, anything more does not")
    func onlyTheEntryChanges() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target("codex")
        let before = try TOMLSyntax.parse("model = \"x\"\n[profiles.fast]\nmodel = \"mini\"\n")
        let installed = try TOMLSyntax.parse("model = \"x\"\n[profiles.fast]\nmodel = \"mini\"\n[mcp_servers.acme]\nurl = \"u\"\n")
        let dropped = try TOMLSyntax.parse("model = \"x\"\n[mcp_servers.acme]\nurl = \"u\"\n")
        #expect(Installer.withoutEntry(installed, target: target, original: before) == Installer.withoutEntry(before, target: target, original: before))
        #expect(Installer.withoutEntry(dropped, target: target, original: before) != Installer.withoutEntry(before, target: target, original: before))
        let goose = try sandbox.target("goose")
        let bare = try YAMLEditor(bytes: Array("extensions:\nGOOSE_MODE: auto\n".utf8), path: "-").document()
        let withEntry = try YAMLEditor(bytes: Array("extensions:\n  acme:\n    type: x\nGOOSE_MODE: auto\n".utf8), path: "-").document()
        #expect(Installer.withoutEntry(withEntry, target: goose, original: bare) == Installer.withoutEntry(bare, target: goose, original: bare))
    }

    @Test("a client with no config file on this system says so, without an empty list of scopes")
    func noConfigFileOnThisSystem() throws {
        let targets = InstallTargets(os: "linux", environment: ["HOME": "/h"], projectDirectory: "/p")
        for client in ["visual-studio", "copilot-jetbrains"] {
            do {
                _ = try targets.target(clientID: client, scope: .user, request: try Sandbox.request())
                Issue.record("\(client) has a user file on linux?")
            } catch let error as SetupError {
                #expect(!error.message.hasSuffix("--scope "), "\(error.message)")
                #expect(error.message.contains("no config file on linux"), "\(error.message)")
            }
        }
    }

    @Test("a large ~/.claude.json installs, dry-runs and uninstalls in linear time")
    func largeFile() throws {
        func run(projects count: Int) throws -> Duration {
            let sandbox = try Sandbox()
            defer { sandbox.remove() }
            let target = try sandbox.target("claude-code", scope: .user)
            let projects = (0..<count).map { "    \"/home/dev/work/project-\($0)\": {\"allowedTools\": [], \"history\": [\"fix the tests in \($0)\"], \"hasTrustDialogAccepted\": true}" }
            let original = Array(("{\n  \"projects\": {\n" + projects.joined(separator: ",\n") + "\n  },\n  \"mcpServers\": {}\n}\n").utf8)
            try sandbox.write(original, to: target.path)
            let elapsed = try ContinuousClock().measure {
                guard case .dryRun(let diff) = try Installer().install(target, dryRun: true, holdsKey: true) else { Issue.record("not a dry run"); return }
                #expect(diff.components(separatedBy: "\n").count < 30, "the diff shows the entry, not the file")
                _ = try Installer().install(target, holdsKey: true)
                _ = try Installer().uninstall(try sandbox.targets.removalTarget(clientID: "claude-code", scope: .user, name: "acme"))
            }
            #expect(sandbox.read(target.path) == original)
            return elapsed
        }
        // Duplicate-key checks and the diff were quadratic: 8,000 projects (0.9 MB) took 16 times
        // as long as 2,000, over 40 s in a debug build. The times are printed, not judged (no
        // test depends on wall time on a shared machine); the round trips are.
        let small = try run(projects: 2_000)
        let large = try run(projects: 8_000)
        print("large config file: 2,000 projects \(small), 8,000 projects \(large) (linear is about 4 times)")
    }

    /// A `.vscode/mcp.json` as people write it: comments and trailing commas, which VS Code reads.
    static let commentedVSCodeFile = """
    // Servers for this workspace
    {
      /* shared with the team */
      "servers": {
        "other": { "type": "http", "url": "https://other.example/mcp", }, // keep
      },
      "inputs": [],
    }

    """

    @Test("JSONC clients (VS Code, OpenCode) install into a file with comments and trailing commas, and uninstall gives it back", arguments: [("vscode", InstallTarget.Scope.project), ("vscode", .user), ("opencode", .project)])
    func jsoncFiles(client: String, scope: InstallTarget.Scope) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target(client, scope: scope, request: try Sandbox.request(.prompt))
        #expect(target.format == .jsonc)
        let original = client == "vscode" ? Self.commentedVSCodeFile : Self.commentedVSCodeFile.replacingOccurrences(of: "\"servers\"", with: "\"mcp\"")
        try sandbox.write(Array(original.utf8), to: target.path)
        guard case .written = try Installer().install(target, holdsKey: false) else { Issue.record("not written"); return }
        let installed = String(decoding: try #require(sandbox.read(target.path)), as: UTF8.self)
        #expect(installed.contains("// Servers for this workspace") && installed.contains("/* shared with the team */") && installed.contains("// keep"))
        #expect(try ConfigEditors.open(Array(installed.utf8), format: .jsonc, path: target.path).entry(container: target.container, name: "acme") != nil)
        _ = try Installer().uninstall(target)
        #expect(String(decoding: try #require(sandbox.read(target.path)), as: UTF8.self) == original)
    }

    @Test("strict JSON files: a comment, a trailing comma, a missing comma or brace, or nothing but comments is named in words", arguments: [
        ("// mine\n{}\n", "a comment, which strict JSON does not allow"),
        ("{\"mcpServers\": {\"a\": {\"url\": \"x\"},}}\n", "a comma before '}', which strict JSON does not allow"),
        ("{\"mcpServers\": {\"a\": {} \"b\": {}}}\n", "a comma is missing between two members"),
        ("{\"mcpServers\": {\"a\": {}}\n", "a '}' is missing"),
    ])
    func strictJSONErrors(text: String, words: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target("cursor")
        try sandbox.write(Array(text.utf8), to: target.path)
        do {
            _ = try Installer().install(target, holdsKey: true)
            Issue.record("installed into a broken file")
        } catch let error as SetupError {
            #expect(error.message.contains(words), "\(error.message)")
            #expect(error.message.hasSuffix("(nothing was changed)"))
        }
        #expect(String(decoding: try #require(sandbox.read(target.path)), as: UTF8.self) == text)
        let commentsOnly = try sandbox.target("vscode", scope: .project, request: try Sandbox.request(.prompt))
        try sandbox.write(Array("// nothing yet\n".utf8), to: commentsOnly.path)
        #expect(throws: SetupError.self) { try Installer().install(commentsOnly, holdsKey: false) }
    }

    @Test("VS Code inputs: a comment inside the list, empty or not, stays and the input lands after the last item", arguments: [
        "{\n  \"inputs\": [\n    // none yet\n  ],\n  \"servers\": {}\n}\n",
        "{\n  \"inputs\": [\n    {\"type\": \"promptString\", \"id\": \"other\", \"description\": \"x\"} // theirs\n  ],\n  \"servers\": {}\n}\n",
        "{\n  \"inputs\": [ /* a */ {\"type\": \"promptString\", \"id\": \"other\", \"description\": \"x\"}, /* b */ ],\n  \"servers\": {}\n}\n",
    ])
    func inputsWithComments(original: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target("vscode", scope: .project, request: try Sandbox.request(.prompt))
        try sandbox.write(Array(original.utf8), to: target.path)
        _ = try Installer().install(target, holdsKey: false)
        let installed = try #require(sandbox.read(target.path))
        #expect(isSubsequence(Array(original.utf8), of: installed), "\(String(decoding: installed, as: UTF8.self))")
        let document = try ConfigEditors.open(installed, format: .jsonc, path: target.path).document()
        guard case .array(let inputs)? = document["inputs"] else { Issue.record("no inputs"); return }
        #expect(inputs.contains { $0["id"]?.stringValue == "acme_api_key" })
        _ = try Installer().uninstall(target)
        #expect(String(decoding: try #require(sandbox.read(target.path)), as: UTF8.self) == original)
    }
}

/// Taking out what install added, without a backup: comments stay, whatever their place.
@Suite("uninstall's record: items and containers go, comments stay")
struct InstallRecordTests {
    static let input = #"{"id": "acme_api_key", "type": "promptString", "password": true}"#

    @Test("an input item goes with its comma; comments before, between and after stay", arguments: [
        ("[\n    // mine\n    X,\n    {\"id\": \"gh\"}\n  ]", "[\n    // mine\n    {\"id\": \"gh\"}\n  ]"),
        ("[\n    {\"id\": \"gh\"},\n    // about ours\n    X\n  ]", "[\n    {\"id\": \"gh\"}\n    // about ours\n  ]"),
        ("[\n    {\"id\": \"gh\"},\n    X, // trailing\n    {\"id\": \"b\"}\n  ]", "[\n    {\"id\": \"gh\"},\n    // trailing\n    {\"id\": \"b\"}\n  ]"),
        ("[{\"id\": \"gh\"}, X]", "[{\"id\": \"gh\"}]"),
        ("[X, {\"id\": \"x,]\\\"y\"}]", "[{\"id\": \"x,]\\\"y\"}]"),
        ("[ /* a, ] */ X ]", "[ /* a, ] */]"),
        ("[\r\n    X,\r\n    {\"id\": \"gh\"}\r\n  ]", "[\r\n    {\"id\": \"gh\"}\r\n  ]"),
    ])
    func removeItem(array: String, expected: String) throws {
        let text = "{\n  \"inputs\": " + array.replacingOccurrences(of: "X", with: Self.input) + "\n}\n"
        var editor = try JSONEditor(bytes: Array(text.utf8), allowComments: true, path: "mcp.json")
        #expect(try editor.removeItem(id: "acme_api_key", fromRootArray: "inputs", idKey: "id"))
        #expect(String(decoding: editor.bytes, as: UTF8.self) == "{\n  \"inputs\": " + expected + "\n}\n")
        #expect(try !editor.removeItem(id: "acme_api_key", fromRootArray: "inputs", idKey: "id"))
    }

    @Test("a container goes only when nothing, not even a comment, is left in it")
    func bareContainer() throws {
        for (inner, removed) in [("{}", true), ("{\n  }", true), ("{ // \"b\": {}\n  }", false), ("{\"b\": 1}", false)] {
            let text = "{\n  \"theme\": \"x\",\n  \"context_servers\": \(inner)\n}\n"
            var editor = try JSONEditor(bytes: Array(text.utf8), allowComments: true, path: "settings.json")
            #expect(try editor.removeIfBare(container: [], name: "context_servers") == removed, "\(inner)")
            #expect(String(decoding: editor.bytes, as: UTF8.self) == (removed ? "{\n  \"theme\": \"x\"\n}\n" : text), "\(inner)")
        }
    }

    @Test("Zed: a commented-out server the user left in a container install created stays, and so does the container")
    func commentedServerStays() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target("zed")
        let original = "{\n  \"theme\": \"One Dark\"\n}\n"
        try sandbox.write(Array(original.utf8), to: target.path)
        let installer = Installer(keptBackups: 0, ledger: sandbox.ledger)
        _ = try installer.install(target, holdsKey: true)
        #expect(sandbox.ledger.record(file: target.path, container: ["context_servers"], name: "acme")?.createdContainer == ["context_servers"])
        // The user adds a server and comments it out.
        var text = String(decoding: sandbox.read(target.path)!, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"context_servers\": {", with: "\"context_servers\": {\n    // \"b\": {\"url\": \"https://b.dev/mcp\"},")
        try sandbox.write(Array(text.utf8), to: target.path)
        _ = try installer.uninstall(try sandbox.targets.removalTarget(clientID: "zed", scope: nil, name: "acme"))
        let after = String(decoding: sandbox.read(target.path)!, as: UTF8.self)
        #expect(after.contains("// \"b\": {\"url\": \"https://b.dev/mcp\"},") && after.contains("\"context_servers\""), "\(after)")
        #expect(sandbox.ledger.record(file: target.path, container: ["context_servers"], name: "acme") == nil)
    }

    @Test("a stale record is replaced when the entry is installed again, not merged into")
    func staleRecord() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let target = try sandbox.target("zed")
        let installer = Installer(keptBackups: 0, ledger: sandbox.ledger)
        try sandbox.write(Array("{\n  \"theme\": \"x\"\n}\n".utf8), to: target.path)
        _ = try installer.install(target, holdsKey: true)
        // The user removes the entry by hand and keeps the (now their own) container.
        let own = "{\n  \"theme\": \"x\",\n  \"context_servers\": {}\n}\n"
        try sandbox.write(Array(own.utf8), to: target.path)
        _ = try installer.install(target, holdsKey: true)
        #expect(sandbox.ledger.record(file: target.path, container: ["context_servers"], name: "acme") == nil, "the container was there this time")
        _ = try installer.uninstall(try sandbox.targets.removalTarget(clientID: "zed", scope: nil, name: "acme"))
        let after = String(decoding: sandbox.read(target.path)!, as: UTF8.self)
        #expect(after.contains("\"context_servers\""), "\(after)")
    }
}
