import Foundation
import Testing
@testable import MCPSetup

/// Design rule 1, checked in the source: no client file writes a quote, an escape or a percent
/// sign by hand into an artifact, and the key box script holds no client fact (it interprets
/// programs; every client fact comes from Swift).
@Suite("No hand-written syntax")
struct HandWrittenSyntaxTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Escapes that only an encoder may write: an escaped quote in a Swift literal, a `'\''`,
    /// a `%XX` escape, a `\u0025`.
    static let forbidden = [#"\""#, #"'\''"#, #"\u0025"#, #"\u{0025}"#]
    static func holdsPercentEscape(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        return bytes.indices.contains { index in
            bytes[index] == UInt8(ascii: "%") && index + 2 < bytes.count
                && bytes[(index + 1)...(index + 2)].allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x46) || ($0 >= 0x61 && $0 <= 0x66) }
        }
    }

    /// Lines that describe an artifact rather than write it: notes and reasons are prose, a
    /// badge is an image URL, a config path is shown, a key restriction names a character.
    static let metadata = ["notes.append(", "Badge(", "KeyRestriction(", "ConfigPath(", "reason:", "let reason ="]

    @Test("client files leave quotes, escapes and percent signs to the encoders")
    func clientFiles() throws {
        let folder = Self.root.appendingPathComponent("Sources/MCPSetup/Clients")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 30)
        var offending: [String] = []
        for file in files {
            let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") || Self.metadata.contains(where: { code.contains($0) }) { continue }
                if Self.forbidden.contains(where: { code.contains($0) }) || Self.holdsPercentEscape(code) {
                    offending.append("\(file):\(number + 1): \(code)")
                }
            }
        }
        #expect(offending.isEmpty, "\(offending.joined(separator: "\n"))")
    }

    @Test("the key box and connect card scripts name no client, config key or link scheme", arguments: ["mcp-setup.js", "mcp-setup-connect.js"])
    func scriptHoldsNoClientFact(name: String) throws {
        let script = try String(contentsOf: Self.root.appendingPathComponent("templates/assets/" + name), encoding: .utf8)
        let facts = ClientCatalog.standard.ids.map { "\"\($0)\"" } + ClientCatalog.standard.clients.map(\.title)
            + ["mcpServers", "mcp_servers", "\"servers\"", "vscode:", "cursor:", "cursor.com", "goose:", "mcp-remote", "npx", "Authorization"]
            + ClientGroup.allCases.map(\.title)
        let found = facts.filter { script.contains($0) }
        #expect(found.isEmpty, "\(name) holds client facts: \(found)")
    }
}
