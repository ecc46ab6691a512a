import Foundation
import PropertyBased
import Testing
@testable import MCPSetup

/// The code encoder (``CodeSyntax``) and its inverse (``CodeParser``): round trips for any text,
/// Python's and Node's own parsers as oracles for the string literals, refusals of what reads
/// differently across languages, and the verifier catching a changed snippet.
@Suite("Code literals")
struct CodeSyntaxTests {
    static func literal(_ string: String) -> CodeString { .literal(KeyProgram(literal: string)) }

    /// A value that uses every construct: strings, concatenation with environment reads,
    /// booleans, numbers, lists of scalars and of objects, keys that are and are not identifiers.
    static func sample(_ first: String, _ second: String) -> CodeValue {
        .object([
            CodeValue.Member("type", .string([literal("mcp")])),
            CodeValue.Member("text", .string(CodeString.normal([literal(first)]))),
            CodeValue.Member("X-API-Key", .string(CodeString.normal([literal(second), .environment("ACME_API_KEY"), literal(first)]))),
            CodeValue.Member("flags", .array([.bool(true), .bool(false), .number("1000"), .string(CodeString.normal([literal(second)]))])),
            CodeValue.Member("servers", .array([.object([CodeValue.Member("url", .string([.environment("X_URL")]))]), .object([])])),
            CodeValue.Member("empty", .array([])),
        ])
    }

    @Test("a written literal parses back to the same value, in both languages", arguments: CodeLanguage.allCases)
    func roundTrip(language: CodeLanguage) async {
        await propertyCheck(count: propertyCaseCount / 4, input: Generators.text, Generators.text) { first, second in
            let value = Self.sample(first, second)
            let text = CodeSyntax.program(value, language: language, depth: 1).constantString ?? ""
            #expect((try? CodeParser.parse(text, language: language)) == value, "\(text)")
        }
    }

    static func randomTexts() -> [String] {
        var generator = SystemRandomNumberGenerator()
        let pool: [Unicode.Scalar] = (0...0x7F).compactMap(Unicode.Scalar.init) + ["\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}", "é", "字", "😀", "\u{10FFFF}"]
        var texts = ["", "\"", "\\", "\\\"", "'''", "${x}", "`x`", "\u{0}", "\r\n", "\u{7F}"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 1...40, using: &generator) { text.unicodeScalars.append(pool.randomElement(using: &generator)!) }
            texts.append(text)
        }
        return texts
    }

    @Test("Python's own parser reads every string literal as the text it was written from")
    func pythonOracle() throws {
        let texts = Self.randomTexts()
        let literals = texts.map { CodeSyntax.program(.string([Self.literal($0)]), language: .python, depth: 0).constantString ?? "" }
        let read = try #require(try Oracles.python("import ast\nprint(json.dumps([ast.literal_eval(c) for c in cases]))", input: literals) as? [String])
        #expect(read == texts)
    }

    @Test("Node's own parser reads every string literal as the text it was written from")
    func nodeOracle() throws {
        let texts = Self.randomTexts()
        let literals = texts.map { CodeSyntax.program(.string([Self.literal($0)]), language: .typescript, depth: 0).constantString ?? "" }
        // Non-ASCII is written as \\u escapes: Foundation's JSON reader drops a raw U+FEFF.
        let script = "const vm = require('vm'); let input = ''; process.stdin.on('data', (d) => input += d); process.stdin.on('end', () => { const cases = JSON.parse(input); process.stdout.write(JSON.stringify(cases.map((c) => vm.runInNewContext('(' + c + ')'))).replace(/[\\u007f-\\uffff]/g, (c) => '\\\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))); });"
        let output = try Oracles.run("node", ["-e", script], input: try JSONSerialization.data(withJSONObject: literals))
        let read = try #require(try JSONSerialization.jsonObject(with: output) as? [String])
        #expect(read.count == texts.count)
        for (got, want) in zip(read, texts) where Array(got.unicodeScalars) != Array(want.unicodeScalars) {
            Issue.record("node read \(got.unicodeScalars.map { String($0.value, radix: 16) }) for \(want.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("an escape that reads differently in Python, TypeScript or JSON is refused", arguments: [
        #""a\/b""#, #""\ud83d\ude00""#, #"'single'"#, #""\x41""#, #""\'""#, "\"line\nbreak\"", #""open"#, #"os.environ['X']"#,
    ])
    func refusals(text: String) {
        #expect(throws: SyntaxError.self) { try CodeParser.parse(text, language: .python) }
    }

    @Test("environment reads: os.environ in Python, process.env with a non-null assertion in TypeScript")
    func environmentReads() throws {
        let value = CodeValue.string([Self.literal("Bearer "), .environment("ACME_API_KEY")])
        #expect(CodeSyntax.program(value, language: .python, depth: 0).constantString == #""Bearer " + os.environ["ACME_API_KEY"]"#)
        #expect(CodeSyntax.program(value, language: .typescript, depth: 0).constantString == #""Bearer " + process.env.ACME_API_KEY!"#)
        #expect(try CodeParser.parse(#"process.env["A-B"]!"#, language: .typescript) == .string([.environment("A-B")]))
        #expect(throws: SyntaxError.self) { try CodeParser.parse("process.env.ACME_API_KEY", language: .typescript) }
    }

    @Test("the verifier refuses a snippet whose source or literal changed")
    func verifierCatchesChanges() throws {
        let request = try SetupRequest(profile: try ServerProfile(name: "acme", endpoint: "https://mcp.acme.dev/mcp"), credential: .placeholder)
        for id in ["openai-responses/python", "langchain/typescript", "google-adk/python"] {
            let artifact = try SetupGenerator().artifact(id, for: request)
            let content = try #require(artifact.content)
            let document = try #require(artifact.document)
            let verifier = Verifier(renderer: TextRenderer(secret: request.secretText))
            try verifier.verify(content, encodes: document)
            for (from, to) in [("ACME_API_KEY", "ACME_API_KEX"), ("acme", "acmf"), ("import", "imp0rt"), ("\n", "\n\n")] {
                let range = try #require(content.range(of: from, options: .backwards), "\(id) holds \(from)")
                let changed = content.replacingCharacters(in: range, with: to)
                #expect(throws: Verifier.Mismatch.self, "\(id): \(from) → \(to)") { try verifier.verify(changed, encodes: document) }
            }
        }
    }
}
