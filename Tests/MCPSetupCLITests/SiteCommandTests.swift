import Foundation
import Testing

@Suite("mcp-setup build and check, end to end")
struct SiteCommandTests {
    /// A copy of the example project (config, content, templates) in a temporary folder.
    static func exampleCopy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-setup-cli-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for item in ["mcp-setup.yml", "content", "templates"] {
            try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        return folder
    }

    @Test("build, then check passes; an edit makes check fail and list the file; a rebuild fixes it")
    func buildAndCheck() throws {
        let folder = try Self.exampleCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let build = try CLI.run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.hasPrefix("built "))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/connect/index.html").path))
        let check = try CLI.run(["check"], in: folder)
        #expect(check.status == 0)
        #expect(check.stdout.isEmpty)

        let keys = folder.appendingPathComponent("content/keys.md")
        try (try String(contentsOf: keys, encoding: .utf8) + "\nOne more line.\n").write(to: keys, atomically: true, encoding: .utf8)
        let stale = try CLI.run(["check"], in: folder)
        #expect(stale.status == 1)
        #expect(stale.stdout == "changed: keys/index.html\n")
        #expect(stale.stderr.contains("out of date: 1 changed, 0 missing, 0 extra; run mcp-setup build"))

        let rebuild = try CLI.run(["build"], in: folder)
        #expect(rebuild.stderr.contains("1 written"))
        #expect(try CLI.run(["check"], in: folder).status == 0)
        let again = try CLI.run(["build"], in: folder)
        #expect(again.stderr.contains(": 0 written"))
    }

    @Test("a docs build refuses a real key")
    func refusesKeys() throws {
        let result = try CLI.run(["build", "--token", "sk_live_123"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("a docs site never holds a real key"))
        #expect(!result.stderr.contains("sk_live_123"))
    }

    @Test("the repository's output/ is current")
    func repositoryOutputIsCurrent() throws {
        let check = try CLI.run(["check"])
        #expect(check.status == 0, "output/ is stale: \(check.stdout)")
    }
}
