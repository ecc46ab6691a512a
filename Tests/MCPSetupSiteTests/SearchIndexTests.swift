import MCPSetup
import Testing
@testable import MCPSetupSite

@Suite("Search index and script-safe JSON")
struct SearchIndexTests {
    /// Characters that matter to the escaper: the ones it escapes, others that share their first
    /// UTF-8 byte (`…` and `€` start with E2 as U+2028 does), quotes, controls and plain text.
    static let alphabet: [String] = ["<", ">", "&", "\u{2028}", "\u{2029}", "…", "€", "\u{2027}", "\u{202A}", "\"", "\\", "\n", "\u{1}", "a", "é", "😀", "/", " "]

    static func text(_ random: inout SplitMix) -> String {
        (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
    }

    /// The escaper as the scalar-by-scalar definition says.
    static func reference(_ json: String) -> String {
        var output = ""
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    @Test("the byte escaper writes what the scalar definition writes")
    func escaperMatchesDefinition() {
        var random = SplitMix(state: 2026)
        for _ in 0..<5_000 {
            let text = Self.text(&random)
            #expect(ScriptJSON.escape(text) == Self.reference(text), "\(Array(text.unicodeScalars))")
            let json = JSONSyntax.compact(.array([.string(text)]))
            #expect(ScriptJSON.escape(json) == Self.reference(json))
        }
    }

    @Test("the module holds every entry, in route order, as JSON reads it back")
    func moduleReadsBack() throws {
        var random = SplitMix(state: 17)
        var entries: [SearchIndex.Entry] = []
        for index in 0..<200 {
            let headings = (0..<Int.random(in: 0...4, using: &random)).map { level in
                Heading(level: level + 1, text: Self.text(&random), id: "h\(level)")
            }
            entries.append(.init(route: "r\(Int.random(in: 0...10_000, using: &random))-\(index)/", title: Self.text(&random),
                                 description: index % 3 == 0 ? nil : Self.text(&random), headings: headings))
        }
        let module = SearchIndex(entries: entries).module()
        let prefix = "// The docs site's search index, written by mcp-setup build.\nexport default "
        #expect(module.hasPrefix(prefix) && module.hasSuffix(";\n"))
        #expect(!module.contains("<") && !module.contains("\u{2028}"))
        let json = String(module.dropFirst(prefix.count).dropLast(2))
        guard case .array(let pages) = try JSONParser.parse(json) else { Issue.record("not an array"); return }
        let expected = entries.sorted { $0.route < $1.route }.map { entry -> PlainValue in
            var members: [(key: String, value: PlainValue)] = [("t", .string(entry.title)), ("u", .string(entry.route))]
            if let description = entry.description { members.append(("d", .string(description))) }
            members.append(("h", .array(entry.headings.filter { $0.level == 2 || $0.level == 3 }.map { .array([.string($0.text), .string($0.id)]) })))
            return .object(members)
        }
        #expect(pages == expected)
    }
}
