import Foundation
import MCPSetup
import Testing

/// The key box's JavaScript encoders (templates/assets/mcp-setup.js), run in Node, must write
/// every artifact byte for byte as the Swift encoders do, for any visible-ASCII key.
@Suite("Key box script")
struct KeyBoxScriptTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates/assets/mcp-setup.js")

    static func node(_ program: String, input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "-e", program]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread { stdin.fileHandleForWriting.write(input); try? stdin.fileHandleForWriting.close() }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: String(decoding: errors, as: UTF8.self)]) }
        return output
    }

    @Test("JavaScript renders every artifact exactly as Swift does", .enabled(if: (try? node("", input: Data())) != nil))
    func sameBytes() throws {
        var generator = SystemRandomNumberGenerator()
        var keys = ["sk_live_123", String(repeating: "k", count: 4096), #"'"$(x)`\%41%zz&#+=/?"#, "%", "a'b\"c\\d"]
        for _ in 0..<400 {
            keys.append(String((0..<Int.random(in: 1...60, using: &generator)).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &generator))) }))
        }
        let schemes: [AuthScheme] = [.bearer, .header(name: "X-API-Key"), .query(parameter: "api_key")]
        var cases: [PlainValue] = []
        var expected: [String] = []
        for (index, key) in keys.enumerated() {
            let profile = try ServerProfile(name: "acme", title: "Acme ✓ \"100%\"", endpoint: index % 2 == 0 ? "https://mcp.acme.dev/mcp" : "https://mcp.acme.dev:8443/v1?t=a%20b", auth: schemes[index % 3], alsoOAuth: true)
            let request = try SetupRequest(profile: profile, credential: .inline(try Secret(key)))
            for artifact in try SetupGenerator().render(request).flatMap(\.artifacts) {
                guard let document = artifact.document, let content = artifact.content else { continue }
                cases.append(.array([DocumentRecipe.value(document), .string(key)]))
                expected.append(content)
            }
        }
        let input = Data(JSONSyntax.compact(.array(cases)).utf8)
        let program = "const m = require(\(JSONSyntax.quote(Self.script.path))); let s = ''; process.stdin.on('data', d => s += d); process.stdin.on('end', () => { const cases = JSON.parse(s); process.stdout.write(JSON.stringify(cases.map(([r, k]) => m.renderDocument(r, k)))); });"
        let output = try Self.node(program, input: input)
        let rendered = try #require(try JSONSerialization.jsonObject(with: output) as? [String])
        #expect(rendered.count == expected.count)
        var mismatches = 0
        for (actual, wanted) in zip(rendered, expected) where actual != wanted {
            mismatches += 1
            if mismatches <= 3 { Issue.record("JavaScript wrote \(actual.prefix(200)) where Swift wrote \(wanted.prefix(200))") }
        }
        #expect(mismatches == 0)
        #expect(expected.count > 5_000)
    }

    @Test("JavaScript refuses the keys Swift refuses", .enabled(if: (try? node("", input: Data())) != nil))
    func sameKeyRules() throws {
        let keys = ["sk_ok", "Bearer x", "bearer\tx", "a b", "a\nb", "a\u{7}b", "a\u{7F}b", "é", "\u{201C}x", String(repeating: "k", count: 16_385)]
        let program = "const m = require(\(JSONSyntax.quote(Self.script.path))); let s = ''; process.stdin.on('data', d => s += d); process.stdin.on('end', () => { process.stdout.write(JSON.stringify(JSON.parse(s).map(k => m.keyProblem(k) !== null))); });"
        let output = try Self.node(program, input: Data(JSONSyntax.compact(.array(keys.map(PlainValue.string))).utf8))
        let refused = try #require(try JSONSerialization.jsonObject(with: output) as? [Bool])
        #expect(refused == keys.map { (try? Secret($0)) == nil })
    }
}
