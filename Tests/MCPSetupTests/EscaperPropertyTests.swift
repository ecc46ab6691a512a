import Foundation
import PropertyBased
import Testing
@testable import MCPSetup

/// Each primitive escaper that artifact programs apply to the key is proven by its own
/// round-trip property: whatever the text, the escaper's inverse (the parser of its syntax)
/// reads back exactly that text. 10,000 generated texts per escaper per run.
@Suite("Program escapers round-trip")
struct EscaperPropertyTests {
    @Test("json-string: a JSON parser reads the quoted body back")
    func jsonString() async {
        await propertyCheck(count: propertyCaseCount, input: Generators.text) { text in
            let decoded = try JSONParser.parse("\"" + Escaper.jsonString.apply(text) + "\"")
            #expect(decoded == .string(text))
        }
    }

    @Test("json-percent: no '%' is left, and the JSON reads back the same")
    func jsonPercent() async {
        await propertyCheck(count: propertyCaseCount, input: Generators.text) { text in
            let escaped = Escaper.jsonPercent.apply(Escaper.jsonString.apply(text))
            #expect(!escaped.unicodeScalars.contains("%"))
            let decoded = try JSONParser.parse("\"" + escaped + "\"")
            #expect(decoded == .string(text))
        }
    }

    @Test("percent: percent-decoding gives the text back, and only unreserved bytes stay bare")
    func percent() async {
        await propertyCheck(count: propertyCaseCount, input: Generators.text) { text in
            let escaped = Escaper.percent.apply(text)
            let decoded = try PercentEncoding.decode(escaped)
            #expect(decoded == text)
            #expect(escaped.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_.!~*'()%".unicodeScalars.contains($0)) })
        }
    }

    @Test("base64: decoding gives the text back, and Foundation writes the same")
    func base64() async {
        await propertyCheck(count: propertyCaseCount, input: Generators.text) { text in
            let escaped = Escaper.base64.apply(text)
            let decoded = try Base64Text.decode(escaped)
            #expect(decoded == text)
            #expect(escaped == Data(text.utf8).base64EncodedString())
        }
    }

    @Test("posix-word: sh splits the word back into exactly the text")
    func posixWord() async {
        await propertyCheck(count: propertyCaseCount, input: Generators.text) { text in
            let decoded = try POSIXShell.split("prog " + Escaper.posixWord.apply(text))
            #expect(decoded == ["prog", text])
        }
    }

    @Test("powershell-word: PowerShell's tokenizer reads the word back")
    func powershellWord() async {
        await propertyCheck(count: propertyCaseCount, input: Generators.text) { text in
            let decoded = try PowerShell.split("prog " + Escaper.powershellWord.apply(text))
            #expect(decoded == ["prog", text])
        }
    }

    @Test("cmd-argument: the C runtime splits the argument back")
    func cmdArgument() async {
        await propertyCheck(count: propertyCaseCount, input: Generators.text) { text in
            let decoded = try WindowsCommandLine.split("prog " + Escaper.cmdArgument.apply(text))
            #expect(decoded == ["prog", text])
        }
    }

    @Test("yaml-scalar: libyaml reads the scalar back as the same string")
    func yamlScalar() async {
        await propertyCheck(count: propertyCaseCount, input: Generators.text) { text in
            // A byte-order mark at the start of a scalar is dropped by Yams (see YAMLSyntax).
            guard !text.unicodeScalars.contains("\u{FEFF}") else { return }
            let decoded = try YAMLSyntax.parse("k: " + Escaper.yamlScalar.apply(text) + "\n")
            #expect(decoded == .object([("k", .string(text))]))
        }
    }

    @Test("toml-string: TOMLKit reads the basic string back")
    func tomlString() async {
        // TOMLKit hands strings through C, which ends them at U+0000 (as in TOMLSyntaxTests).
        await propertyCheck(count: propertyCaseCount, input: Generators.text.filter { !$0.unicodeScalars.contains("\u{0}") }) { text in
            let decoded = try TOMLSyntax.parse("k = \"" + Escaper.tomlString.apply(text) + "\"\n")
            #expect(decoded == .object([("k", .string(text))]))
        }
    }

    @Test("the distributing escapers escape a concatenation part by part, so literals fold")
    func distributes() async {
        await propertyCheck(count: propertyCaseCount, input: Generators.text, Generators.text) { left, right in
            for escaper in Escaper.allCases where escaper.distributes {
                #expect(escaper.apply(left + right) == escaper.apply(left) + escaper.apply(right))
            }
        }
    }
}
