import Foundation
import Testing

@Suite("init")
struct InitCommandTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-setup-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let facts = ["--title", "Performance Hub", "--endpoint", "https://mcp.perfhub.example/mcp", "--key-prefix", "phk_",
                        "--masked-preview", "phk_dLK5...J6HMii", "--key-page", "https://app.perfhub.example/keys", "--shown-once",
                        "--scope", "read=Read dashboards & goals.", "--key-error", "401=The key is wrong or revoked.",
                        "--legacy-token", "Tokens from Settings → API v1 do not work here.", "--oauth-note", "ChatGPT signs in instead."]

    /// Every file under a folder with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            var isFolder: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue { files[path] = FileManager.default.contents(atPath: full) }
        }
        return files
    }

    @Test("init in an empty folder writes the config and five pages, and build and check then pass there")
    func initThenBuild() throws {
        let folder = try Self.folder()
        let result = try CLI.run(["init"] + Self.facts, in: folder, environment: ["CI": "true"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(Self.snapshot(folder).keys) == ["mcp-setup.yml", "content/index.md", "content/keys.md", "content/authentication.md", "content/connect.md", "content/troubleshooting.md"])
        let config = String(decoding: Self.snapshot(folder)["mcp-setup.yml"]!, as: UTF8.self)
        #expect(config.contains("name: performance-hub\n") && config.contains("  masked_preview: phk_dLK5...J6HMii\n"))
        let keys = String(decoding: Self.snapshot(folder)["content/keys.md"]!, as: UTF8.self)
        for section in ["{{> keys/create}}", "{{> keys/preview}}", "{{> keys/scopes}}", "{{> keys/lifecycle}}", "{{> keys/legacy}}"] {
            #expect(keys.contains(section), "keys.md lacks \(section)")
        }
        let build = try CLI.run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let check = try CLI.run(["check"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("output/keys/index.html"), encoding: .utf8)
        #expect(page.contains("<tr><td><code>read</code></td><td>Read dashboards &amp; goals.</td></tr>"))
        #expect(page.contains("<code>phk_dLK5...J6HMii</code>"))
    }

    @Test("init again refuses, names the file, and changes nothing")
    func refusesExisting() throws {
        let folder = try Self.folder()
        #expect(try CLI.run(["init"] + Self.facts, in: folder, environment: ["CI": "true"]).status == 0)
        try "edited by the docs team\n".write(to: folder.appendingPathComponent("content/keys.md"), atomically: true, encoding: .utf8)
        let before = Self.snapshot(folder)
        let again = try CLI.run(["init", "--endpoint", "https://other.example/mcp"], in: folder, environment: ["CI": "true"])
        #expect(again.status == 2)
        #expect(again.stderr.hasPrefix("mcp-setup: error: ./mcp-setup.yml already exists (and 5 more of the files init writes)"))
        #expect(again.stderr.split(separator: "\n").count == 1)
        #expect(Self.snapshot(folder) == before)
    }

    @Test("one file in the way stops init before it writes anything")
    func oneConflict() throws {
        let folder = try Self.folder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "mine\n".write(to: folder.appendingPathComponent("content/connect.md"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["init", "--endpoint", "https://mcp.acme.dev/mcp"], in: folder, environment: ["CI": "true"])
        #expect(result.status == 2 && result.stderr.contains("content/connect.md already exists"))
        #expect(Self.snapshot(folder) == ["content/connect.md": Data("mine\n".utf8)])
    }

    @Test("without a terminal init asks nothing: a missing endpoint is one line naming the flag, and nothing is written")
    func nonInteractive() throws {
        let folder = try Self.folder()
        let result = try CLI.run(["init", "--title", "Acme"], in: folder, environment: ["CI": "true"])
        #expect(result.status == 2)
        #expect(result.stderr == "mcp-setup: error: no endpoint; pass --endpoint https://… (init asks for it only on a terminal)\n")
        #expect(Self.snapshot(folder).isEmpty)
    }

    @Test("bad facts are refused before anything is written", arguments: [
        (["--endpoint", "https://mcp.acme.dev/mcp", "--masked-preview", "sk_live_abcdef"], "--masked-preview 'sk_live_abcdef' has no mask"),
        (["--endpoint", "https://mcp.acme.dev/mcp", "--scope", "read"], "--scope 'read' is not NAME=MEANING"),
        (["--endpoint", "https://mcp.acme.dev/mcp", "--key-error", "200=fine"], "--key-error '200=fine': the status must be an HTTP error status"),
        (["--endpoint", "ftp://mcp.acme.dev/mcp"], "--endpoint"),
    ])
    func badFacts(arguments: [String], message: String) throws {
        let folder = try Self.folder()
        let result = try CLI.run(["init"] + arguments, in: folder, environment: ["CI": "true"])
        #expect(result.status == 2 && result.stderr.contains(message), "\(result.stderr)")
        #expect(Self.snapshot(folder).isEmpty)
    }

    @Test("a title YAML would misread ends up in every page's front matter as written")
    func hostileTitle() throws {
        let folder = try Self.folder()
        let title = "Acme: \"Pro\" #1 {x} & 'y'"
        let result = try CLI.run(["init", "--name", "acme", "--title", title, "--endpoint", "https://mcp.acme.dev/mcp"], in: folder, environment: ["CI": "true"])
        #expect(result.status == 0, "\(result.stderr)")
        let build = try CLI.run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let keys = try String(contentsOf: folder.appendingPathComponent("output/keys/index.html"), encoding: .utf8)
        #expect(keys.contains("<meta name=\"description\" content=\"Create, scope, rotate and revoke the keys that connect AI clients to Acme: &quot;Pro&quot; #1 {x} &amp; &#39;y&#39;.\">"))
    }

    @Test("a server without keys gets no keys page, and its site builds")
    func noKeys() throws {
        let folder = try Self.folder()
        #expect(try CLI.run(["init", "--endpoint", "https://mcp.open.example/mcp", "--auth", "oauth"], in: folder, environment: ["CI": "true"]).status == 0)
        #expect(Self.snapshot(folder)["content/keys.md"] == nil)
        let build = try CLI.run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
    }
}
