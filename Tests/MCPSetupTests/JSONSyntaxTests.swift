import Foundation
import PropertyBased
import Testing
@testable import MCPSetup

@Suite("JSON encoder and parser")
struct JSONSyntaxTests {
    @Test("writes what JSON.stringify writes")
    func stringifyCompatible() {
        let value = PlainValue.object([("a", .string("x\"y\\z/\u{1}\t\n")), ("b", .array([.bool(true), .null, .number("1")])), ("c", .object([])), ("d", .array([]))])
        #expect(JSONSyntax.compact(value) == #"{"a":"x\"y\\z/\u0001\t\n","b":[true,null,1],"c":{},"d":[]}"#)
        #expect(JSONSyntax.pretty(.object([("a", .array([.number("1")]))])) == "{\n  \"a\": [\n    1\n  ]\n}")
    }

    @Test("parse reports line and column")
    func errors() {
        #expect(throws: SyntaxError(syntax: "JSON", message: "expected ',' or '}'", line: 2, column: 3)) {
            try JSONParser.parse("{\"a\": 1\n  \"b\" 2}")
        }
        #expect(throws: SyntaxError.self) { try JSONParser.parse("{\"a\": 1,}") }
        #expect(throws: SyntaxError.self) { try JSONParser.parse("// x\n{}") }
    }

    @Test("JSONC: comments and trailing commas")
    func jsonc() throws {
        let value = try JSONParser.parse("// head\n{ /* a */ \"a\": [1, 2,], }\n", allowComments: true)
        #expect(value == .object([("a", .array([.number("1"), .number("2")]))]))
    }

    @Test("quote then parse gives the string back")
    func roundTrip() async {
        await propertyCheck(count: propertyCaseCount, input: Generators.text) { text in
            let parsed = try JSONParser.parse(JSONSyntax.quote(text))
            #expect(parsed == .string(text))
            let value = PlainValue.object([(text, .array([.string(text)]))])
            let reparsed = try JSONParser.parse(JSONSyntax.pretty(value))
            #expect(reparsed == value)
        }
    }

    @Test("plain values are written as their programs write them")
    func plainWriterMatchesPrograms() async {
        await propertyCheck(count: propertyCaseCount, input: Gen.int(in: 0...1_000_000), Generators.text.array(of: 1...6)) { seed, texts in
            var state = UInt64(seed)
            let value = Self.plainValue(depth: 3, texts: texts, state: &state)
            #expect(JSONSyntax.compact(value) == JSONSyntax.program(ProgramValue(value), indent: nil).constantString)
            #expect(JSONSyntax.pretty(value) == JSONSyntax.program(ProgramValue(value), indent: "  ").constantString)
            if case .array(let items) = value {
                #expect(JSONSyntax.compactArray(ofEncoded: items.map(JSONSyntax.compact)) == JSONSyntax.compact(value))
            }
        }
    }

    /// A plain value up to `depth` levels deep, its shape drawn from `state` (a linear
    /// congruential sequence) and its strings and keys from `texts`.
    static func plainValue(depth: Int, texts: [String], state: inout UInt64) -> PlainValue {
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        switch next(depth > 0 ? 6 : 4) {
        case 0: return .string(texts[next(texts.count)])
        case 1: return .bool(next(2) == 0)
        case 2: return next(2) == 0 ? .null : .number(String(next(2_000) - 1_000))
        case 3: return .string("")
        case 4: return .array((0..<next(4)).map { _ in plainValue(depth: depth - 1, texts: texts, state: &state) })
        default: return .object((0..<next(4)).map { _ in (key: texts[next(texts.count)], value: plainValue(depth: depth - 1, texts: texts, state: &state)) })
        }
    }

    @Test("Python's json module reads the same strings")
    func pythonAgrees() throws {
        var texts: [String] = []
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            texts.append(String((0..<Int.random(in: 0...40, using: &generator)).map { _ in Character(Unicode.Scalar(UInt32.random(in: 0...0x2FF, using: &generator))!) }))
        }
        let encoded = texts.map { JSONSyntax.compact(.array([.string($0)])) }
        let decoded = try Oracles.python("print(json.dumps([json.loads(c)[0] for c in cases]))", input: encoded) as? [String]
        #expect(decoded == texts)
    }
}
