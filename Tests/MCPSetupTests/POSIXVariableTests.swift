import Foundation
import PropertyBased
import Testing
@testable import MCPSetup

/// Words that read environment variables (`curl -H "Authorization: Bearer ${OPENAI_API_KEY}"`):
/// written by ``POSIXShell/quoteWithVariables(_:)``, read back by the splitter, and checked
/// against a real `sh` that expands them.
@Suite("POSIX words that read the environment")
struct POSIXVariableTests {
    static func word(_ first: String, _ second: String) -> String {
        first + EnvironmentMarker.mark("ACME_API_KEY") + second + EnvironmentMarker.mark("X_1")
    }

    @Test("quote then split gives the marked word back")
    func roundTrip() async {
        let text = Generators.text.filter { !$0.unicodeScalars.contains("\u{0}") && !EnvironmentMarker.holdsMarker($0) }
        await propertyCheck(count: propertyCaseCount / 4, input: text, text) { first, second in
            let word = Self.word(first, second)
            let line = try POSIXShell.quoteWithVariables(word)
            #expect(try POSIXShell.split(line, variables: true) == [word])
            #expect(throws: SyntaxError.self) { try POSIXShell.split(line) }
        }
    }

    @Test("simple literals share one pair of double quotes; others are single-quoted around each read")
    func layout() throws {
        #expect(try POSIXShell.quoteWithVariables("Authorization: Bearer " + EnvironmentMarker.mark("OPENAI_API_KEY")) == #""Authorization: Bearer ${OPENAI_API_KEY}""#)
        #expect(try POSIXShell.quoteWithVariables(#"{"k":""# + EnvironmentMarker.mark("K") + #""}"#) == #"'{"k":"'"${K}"'"}'"#)
        #expect(throws: Unencodable.self) { try POSIXShell.quoteWithVariables(EnvironmentMarker.mark("1BAD")) }
    }

    @Test("a command that reads no variable writes the marker characters as text, in every shell", arguments: Shell.allCases)
    func markerCharactersAreText(shell: Shell) throws {
        let document = Document.command(argv: ["prog", .literal("a\u{E000}X\u{E001}b")], shell: shell)
        let renderer = TextRenderer(secret: "k")
        let content = try renderer.render(document)
        #expect(try Verifier(renderer: renderer).verify(content, encodes: document) == ["prog", "a\u{E000}X\u{E001}b"])
    }

    @Test("a command that reads a variable is written for POSIX only; its other shells refuse it")
    func readsOnlyInPOSIX() throws {
        let argv: [Text] = ["curl", .literal("Authorization: Bearer ") + .environment("OPENAI_API_KEY")]
        let renderer = TextRenderer(secret: "k")
        let posix = Document.command(argv: argv, shell: .posix)
        let content = try renderer.render(posix)
        #expect(content == #"curl "Authorization: Bearer ${OPENAI_API_KEY}""#)
        #expect(try Verifier(renderer: renderer).verify(content, encodes: posix) == ["curl", "Authorization: Bearer ${OPENAI_API_KEY}"])
        for shell in [Shell.powershell, .cmd] {
            #expect(throws: Unencodable.self) { try renderer.render(Document.command(argv: argv, shell: shell)) }
        }
    }

    @Test("a real sh expands each read to the variable's value, whatever the literals and the value")
    func realShell() throws {
        var lines: [String] = []
        var expected: [String] = []
        let values = ["sk_live_123", #"it's"q"$(id)`x`\n"#, "a b  c*", ""]
        for (index, value) in values.enumerated() {
            let first = index % 2 == 0 ? "Bearer " : #"{"x":"'$HOME'\"#
            let word = first + EnvironmentMarker.mark("ACME_API_KEY") + "!*?" + EnvironmentMarker.mark("X_1")
            lines.append("ACME_API_KEY=" + POSIXShell.quote(value) + " X_1=" + POSIXShell.quote(value) + "; printf '%s\\0' " + (try POSIXShell.quoteWithVariables(word)))
            expected.append(first + value + "!*?" + value)
        }
        for shell in ["sh", "bash"] {
            let output = try Oracles.run(shell, ["-c", lines.joined(separator: "; printf '\\036'; ") + "; printf '\\036'"])
            let records = output.split(separator: 0x1E, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0.dropLast(), as: UTF8.self) }
            #expect(records == expected, "\(shell)")
        }
    }
}
