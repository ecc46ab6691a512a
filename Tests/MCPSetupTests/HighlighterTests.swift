import Foundation
import Testing
@testable import MCPSetup

/// The highlighter classifies what the encoders write: lossless, in order, every JSON name and
/// string token reads back as a name or string of the value tree, every command starts with its
/// program, and the key's parts are marked when filled.
@Suite("Highlighting")
struct HighlighterTests {
    static let profiles: [ServerProfile] = {
        let schemes: [AuthScheme] = [.bearer, .header(name: "X-API-Key"), .query(parameter: "api_key")]
        return schemes.flatMap { scheme in
            ["https://mcp.acme.dev/mcp", "https://mcp.acme.dev:8443/v1?t=a%20b"].map { endpoint in
                try! ServerProfile(name: "acme", title: "Acme", endpoint: endpoint, auth: scheme)
            }
        }
    }()

    static let modes: [Credential] = [.placeholder, .environment(variable: "ACME_API_KEY"), .inline(try! Secret("sk_\"'$%{x}`\\"))]

    /// Every available artifact of every client, with its document.
    static func artifacts() throws -> [Artifact] {
        var artifacts: [Artifact] = []
        for profile in profiles {
            for mode in modes {
                guard let request = try? SetupRequest(profile: profile, credential: mode) else { continue }
                for client in try SetupGenerator().render(request) {
                    artifacts += client.artifacts.filter { $0.isAvailable && $0.document != nil }
                }
            }
        }
        return artifacts
    }

    @Test("tokens are in order, inside the text, and cover it losslessly in HTML")
    func lossless() throws {
        let artifacts = try Self.artifacts()
        #expect(artifacts.count > 500)
        for artifact in artifacts {
            let language = HighlightLanguage(artifact.document!)
            let text = artifact.content!
            let tokens = Highlighter.tokens(text, language: language)
            var end = 0
            for token in tokens {
                #expect(token.start >= end && token.end > token.start && token.end <= text.utf8.count, "\(artifact.id)")
                end = token.end
            }
            #expect(Self.unescapeHTML(Self.stripTags(Highlighter.html(text, language: language))) == text, "\(artifact.id)")
            let runs = Self.parseRuns(Highlighter.runs(text, language: language))
            #expect(runs.reduce(0) { $0 + $1.length } == text.utf16.count, "\(artifact.id)")
        }
    }

    @Test("JSON names and strings read back as the value tree's names and strings")
    func jsonFollowsTheValueTree() throws {
        var checked = 0
        for artifact in try Self.artifacts() {
            guard case .json = artifact.document! else { continue }
            let text = artifact.content!
            let bytes = Array(text.utf8)
            let plain = try JSONParser.parse(text)
            var names: Set<String> = []
            var strings: Set<String> = []
            Self.collect(plain, names: &names, strings: &strings)
            // A string token and the variable tokens inside it form one JSON string.
            var merged: [(kind: HighlightKind, text: String)] = []
            for token in Highlighter.tokens(text, language: .json) {
                let piece = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
                if token.kind == .variable || (token.kind == .string && merged.last?.kind == .string && !merged.last!.text.hasSuffix("\"")) ||
                    (token.kind == .string && merged.last?.kind == .string && merged.last!.text == "\"") {
                    merged[merged.count - 1].text += piece
                } else {
                    merged.append((token.kind, piece))
                }
            }
            for token in merged where token.kind == .name || token.kind == .string {
                let decoded = try JSONParser.parse(token.text)
                guard case .string(let string) = decoded else { Issue.record("\(artifact.id): \(token.text) is not a string"); continue }
                #expect((token.kind == .name ? names : strings).contains(string), "\(artifact.id): \(token.text)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test("a command's first token is its program, and options are flags")
    func commandsStartWithTheProgram() throws {
        var checked = 0
        for artifact in try Self.artifacts() {
            guard case .command(_, let shell) = artifact.document!, let argv = artifact.argv else { continue }
            let text = artifact.content!
            let bytes = Array(text.utf8)
            let tokens = Highlighter.tokens(text, language: HighlightLanguage(shell))
            let first = try #require(tokens.first, "\(artifact.id)")
            #expect(first.kind == .command && String(decoding: bytes[first.start..<first.end], as: UTF8.self) == argv[0], "\(artifact.id)")
            let flags = tokens.filter { $0.kind == .flag }.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
            for flag in flags { #expect(flag.hasPrefix("-") || flag.hasPrefix("/"), "\(artifact.id): \(flag)") }
            if argv.contains("--header") { #expect(flags.contains("--header"), "\(artifact.id)") }
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test("the key's parts are marked when a program is filled, and part runs cover each literal")
    func keyIsMarked() throws {
        let key = "sk_live_\"$x"
        var marked = 0
        for profile in Self.profiles {
            let setup = try PreparedSetup(profile: profile)
            for artifact in setup.clients.flatMap(\.artifacts) {
                guard let program = artifact.program, let document = artifact.document, document.containsSecret else { continue }
                let language = HighlightLanguage(document)
                guard case .text(let text) = program.fill(key: key) else { continue }
                let html = Highlighter.html(program.text, key: key, language: language)
                #expect(Self.unescapeHTML(Self.stripTags(html)) == text)
                #expect(html.contains("<mark class=\"hl-x\">"), "\(artifact.id)")
                let runs = Highlighter.partRuns(program.text, language: language)
                #expect(runs.count == program.text.parts.count)
                for (part, run) in zip(program.text.parts, runs) {
                    if case .literal(let bytes) = part {
                        let length = try #require(run.map { Self.parseRuns($0).reduce(0) { $0 + $1.length } })
                        #expect(length == String(decoding: bytes, as: UTF8.self).utf16.count)
                    } else {
                        #expect(run == nil)
                    }
                }
                marked += 1
            }
        }
        #expect(marked > 100)
    }

    @Test("each language's pieces", arguments: [
        (HighlightLanguage.json, "{\"a\": \"${env:X}\", \"n\": [1, true]}", "p{ k\"a\" p: s\" v${env:X} s\" p, k\"n\" p: p[ n1 p, ntrue p] p}"),
        (.jsonc, "// c\n{\"a\": 1 /* x */}", "m// c p{ k\"a\" p: n1 m/* x */ p}"),
        (.yaml, "servers:\n  - name: acme\n    url: \"https://x\"\n    on: true # c", "kservers p: p- kname p: sacme kurl p: s\"https://x\" kon p: ntrue m# c"),
        (.toml, "[mcp_servers.acme]\nurl = \"https://x\"\nhttp_headers = { \"X-Key\" = \"k\" }\n", "p[ kmcp_servers.acme p] kurl p= s\"https://x\" khttp_headers p= p{ k\"X-Key\" p= s\"k\" p}"),
        (.posix, "claude mcp add --header 'X-Key: k' acme \\\n  \"$HOME/${X}\" # c", "cclaude f--header s'X-Key: k' p\\ s\" v$HOME s/ v${X} s\" m# c"),
        (.powershell, "codex --env \"K=$env:ACME\" 'it''s' `\n  x", "ccodex f--env s\"K= v$env:ACME s\" s'it''s' p`"),
        (.cmd, "cmd /c npx -y \"a b\" %ACME_KEY% ^\n x & echo", "ccmd f/c cnpx f-y s\"a b\" v%ACME_KEY% p^ p& cecho"),
    ])
    func pieces(language: HighlightLanguage, text: String, expected: String) {
        let bytes = Array(text.utf8)
        let tokens = Highlighter.tokens(text, language: language).map { $0.kind.rawValue + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(tokens.joined(separator: " ") == expected)
    }

    @Test("HTML escapes what it shows")
    func escapes() {
        #expect(Highlighter.html("{\"<a>\": \"&\"}", language: .json) ==
            "<span class=\"hl-p\">{</span><span class=\"hl-k\">&quot;&lt;a&gt;&quot;</span><span class=\"hl-p\">:</span> <span class=\"hl-s\">&quot;&amp;&quot;</span><span class=\"hl-p\">}</span>")
        #expect(Highlighter.html("echo 'a'", language: .posix) == "<span class=\"hl-c\">echo</span> <span class=\"hl-s\">&#39;a&#39;</span>")
        #expect(Highlighter.runs("é𝄞 x", language: .plain) == "t5")
    }

    static func collect(_ value: PlainValue, names: inout Set<String>, strings: inout Set<String>) {
        switch value {
        case .string(let string): strings.insert(string)
        case .array(let items): for item in items { collect(item, names: &names, strings: &strings) }
        case .object(let members):
            for member in members {
                names.insert(member.key)
                collect(member.value, names: &names, strings: &strings)
            }
        default: break
        }
    }

    static func stripTags(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
    }

    static func unescapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func parseRuns(_ runs: String) -> [(kind: Character, length: Int)] {
        var result: [(kind: Character, length: Int)] = []
        var index = runs.startIndex
        while index < runs.endIndex {
            let kind = runs[index]
            index = runs.index(after: index)
            var digits = ""
            while index < runs.endIndex, runs[index].isNumber { digits.append(runs[index]); index = runs.index(after: index) }
            result.append((kind, Int(digits) ?? -1))
        }
        return result
    }
}
