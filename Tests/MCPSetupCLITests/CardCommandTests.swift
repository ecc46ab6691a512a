import Foundation
import Testing

/// `mcp-setup card`: the connect card's module, stylesheet and manifest.
@Suite("mcp-setup card")
struct CardCommandTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-setup-card-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("writes the module with the catalog's install-link prefixes, the stylesheet and a placeholder manifest with programs and instructions")
    func writesTheCard() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("public/mcp")
        let result = try CLI.run(["card", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["manifest.json", "mcp-setup-connect.css", "mcp-setup-connect.js"])
        let script = try String(contentsOf: out.appendingPathComponent("mcp-setup-connect.js"), encoding: .utf8)
        #expect(script.contains(#"const LINK_PREFIXES = ["#))
        #expect(script.contains(#""vscode:mcp/install?""#) && script.contains(#""cursor://anysphere.cursor-deeplink/mcp/install?""#))
        #expect(!script.contains("/*mcp-setup:link-prefixes*/"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any])
        #expect(manifest["schema"] as? Int == 2)
        #expect(manifest["credential"] as? String == "placeholder")
        let clients = try #require(manifest["clients"] as? [[String: Any]])
        #expect(clients.count == 42)
        #expect(clients.allSatisfy { $0["group"] is String && $0["instructions"] is String })
        #expect(clients.flatMap { $0["artifacts"] as? [[String: Any]] ?? [] }.filter { $0["program"] != nil }.count > 40)
        // The same input, the same bytes.
        let first = try names.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        let again = try CLI.run(["card", "--out", out.path])
        #expect(again.status == 0)
        #expect(try names.map { try Data(contentsOf: out.appendingPathComponent($0)) } == first)
    }

    @Test("refuses a key option and a file for --out: one line, exit 2, nothing written")
    func badInput() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let onFile = try CLI.run(["card", "--out", file.path])
        #expect(onFile.status == 2)
        #expect(onFile.stderr.hasSuffix("is a file; --out takes a folder\n"))
        #expect(onFile.stderr.split(separator: "\n").count == 1)
        let withKey = try CLI.run(["card", "--out", folder.appendingPathComponent("card").path, "--token", "sk_live_1"])
        #expect(withKey.status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("card").path))
    }
}
