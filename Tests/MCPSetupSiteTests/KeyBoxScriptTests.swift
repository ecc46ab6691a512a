import Foundation
import MCPSetup
import Testing
@testable import MCPSetupSite

/// The JavaScript interpreter of artifact programs (templates/assets/mcp-setup-connect.js, which
/// the docs site's key box and the connect card share), run in Node, must write
/// every artifact byte for byte as the Swift encoders do, for any visible-ASCII key, and refuse
/// exactly the artifacts the CLI marks unavailable for that key, with the CLI's reason.
@Suite("Key box script")
struct KeyBoxScriptTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates/assets/mcp-setup-connect.js")

    static func node(_ program: String, input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "--input-type=module", "-e", program]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread { stdin.fileHandleForWriting.write(input); try? stdin.fileHandleForWriting.close() }
        writer.start()
        // Read stderr alongside stdout, so neither pipe fills up while the other is read.
        final class Box: @unchecked Sendable { var data = Data() }
        let errors = Box()
        let errorsRead = DispatchSemaphore(value: 0)
        Thread { errors.data = stderr.fileHandleForReading.readDataToEndOfFile(); errorsRead.signal() }.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        errorsRead.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: String(decoding: errors.data, as: UTF8.self)]) }
        return output
    }

    /// JavaScript that writes `value` as JSON with every non-ASCII UTF-16 unit escaped: Foundation's
    /// JSONSerialization drops a raw U+FEFF at the start of a string or after an escape, but reads
    /// `\ufeff` back.
    static let writeASCIIJSON = #"const writeASCIIJSON = v => process.stdout.write(JSON.stringify(v).replace(/[\u007f-\uffff]/g, c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')));"#


    /// 1,000 keys: the characters cmd, PowerShell, sh, JSON, YAML, TOML and URLs treat
    /// specially, alone and together, long keys, and random visible ASCII.
    static func keys() -> [String] {
        var keys = [
            "sk_live_123", "%", "%%", "a%b", "%a%", "%APPDATA%", "x%41%zz", "!", "a!b!", "&", "a&b", "|", "<", ">", "a<b>c", "^", "(", ")", "(x)",
            "\"", "a\"b", "'", "a'b", "''", "`", "$", "${", "${X}", "$env:X", "$(x)", "{", "}", "{}", "{\"a\":1}", "\\", "a\\", "a\\\"b", "\\\\\"",
            "-", "-x", "--x", "---x", "-1", "--header=x", "-leading-dash", "0123", "1e3", "y", "no", "NULL", "True", "~", "a:", "a:b", "#x", "a#b",
            "*", "?", "[x]", "a=b&c=d", "+", "/", "%20", "%0A", "a,b", ";", "@", "\u{27}\u{22}$(x)`\\%41%zz&#+=/?", "a'b\"c\\d",
            "sk_!*'();:@&=+$,/?#[]", "sk_~tilde^caret|pipe", "-leading-dash--header=x", "</script><b>",
            String(repeating: "k", count: 4096), String(repeating: "%!&|<>^()\"'`${}-", count: 256), String(repeating: "k", count: 8200),
        ]
        var generator = SplitMix(state: 20_261_122)
        while keys.count < 1_000 {
            let length = Int.random(in: 1...60, using: &generator)
            keys.append(String((0..<length).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &generator))) }))
        }
        return keys
    }

    /// What the CLI gives for an artifact: its content, or the reason it is unavailable.
    enum Outcome: Equatable {
        case content(String)
        case refused(String)

        init(_ artifact: Artifact) {
            if let content = artifact.content { self = .content(content) } else { self = .refused(artifact.unavailableReason ?? "") }
        }
    }

    @Test("JavaScript fills and refuses every artifact exactly as Swift does, for 1,000 hostile keys", .enabled(if: (try? node("", input: Data())) != nil))
    func sameArtifacts() throws {
        let keys = Self.keys()
        let schemes: [AuthScheme] = [.bearer, .header(name: "X-API-Key"), .query(parameter: "api_key"), .header(name: "Authorization", prefix: "Token ")]
        let endpoints = ["https://mcp.acme.dev/mcp", "https://mcp.acme.dev:8443/v1?t=a%20b"]
        var profiles: [PlainValue] = []
        var ids: [[String]] = []
        var clientCount = 0, profileIndex = 0
        for scheme in schemes {
            for endpoint in endpoints {
                let profile = try ServerProfile(name: "acme", title: "Acme ✓ \"100%\"", endpoint: endpoint, auth: scheme, alsoOAuth: true)
                // The manifest a page or a vendor ships: placeholder mode, with its programs.
                let placeholder = try SetupGenerator().render(try SetupRequest(profile: profile, credential: .placeholder))
                clientCount = placeholder.count
                let programs = placeholder.flatMap(\.artifacts).compactMap { artifact in artifact.program.map { (artifact.id, $0) } }
                // Each key goes to two of the eight profiles, so every key meets two schemes.
                let profileKeys = keys.enumerated().filter { $0.offset % 8 == profileIndex || ($0.offset + 3) % 8 == profileIndex }.map(\.element)
                profileIndex += 1
                let setup = try PreparedSetup(profile: profile)
                var expected: [PlainValue] = []
                for key in profileKeys {
                    let byID = Dictionary(uniqueKeysWithValues: try setup.artifacts(key: key).flatMap(\.artifacts).map { ($0.id, $0) })
                    expected.append(.array(try programs.map { id, _ in
                        let artifact = try #require(byID[id])
                        return .array(artifact.content.map { [.string("c"), .string($0)] } ?? [.string("r"), .string(artifact.unavailableReason ?? "")])
                    }))
                }
                profiles.append(.object([
                    ("programs", .array(programs.map { ProgramJSON.value($0.1) })),
                    ("keys", .array(profileKeys.map(PlainValue.string))),
                    ("expected", .array(expected)),
                ]))
                ids.append(programs.map(\.0))
            }
        }
        #expect(clientCount == 42)

        // Node compares, and reports the mismatches and what it compared.
        let input = Data(JSONSyntax.compact(.object([("problems", ProgramJSON.problems), ("profiles", .array(profiles))])).utf8)
        let program = """
            const m = await import(\(JSONSyntax.quote(Self.script.path))); \(Self.writeASCIIJSON)
            let s = ''; process.stdin.setEncoding('utf8'); process.stdin.on('data', d => s += d);
            process.stdin.on('end', () => {
              const input = JSON.parse(s); const out = {compared: 0, contents: 0, refusals: {}, mismatches: []};
              input.profiles.forEach((p, pi) => p.keys.forEach((k, ki) => p.programs.forEach((r, ri) => {
                const a = m.fillProgram(r, k, input.problems); const [kind, text] = p.expected[ki][ri];
                out.compared++;
                const got = a.refused !== undefined ? ['r', a.refused] : ['c', a.content];
                if (got[0] === kind && got[1] === text) {
                  if (kind === 'c') out.contents++; else { const syntax = text.split(' ')[0]; out.refusals[syntax] = (out.refusals[syntax] || 0) + 1; }
                } else if (out.mismatches.length < 5) out.mismatches.push([pi, ri, k.slice(0, 60), got[1].slice(0, 300), text.slice(0, 300)]);
                else out.mismatches.push(null);
              })));
              writeASCIIJSON(out);
            });
            """
        let output = try Self.node(program, input: input)
        let result = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        let compared = try #require(result["compared"] as? Int), contents = try #require(result["contents"] as? Int)
        let refusals = try #require(result["refusals"] as? [String: Int])
        let mismatches = try #require(result["mismatches"] as? [Any])
        for case let mismatch as [Any] in mismatches {
            let profile = mismatch[0] as? Int ?? 0, artifact = mismatch[1] as? Int ?? 0
            Issue.record("\(ids[profile][artifact]) for key \(mismatch[2]): JavaScript gave \(mismatch[3]) where Swift gave \(mismatch[4])")
        }
        print("key box: \(keys.count) keys, \(compared) artifacts compared, \(contents) contents and \(compared - contents - mismatches.count) refusals matched, \(mismatches.count) mismatches; refusals by kind: \(refusals.sorted { $0.key < $1.key })")
        #expect(mismatches.isEmpty)
        #expect(compared > 100_000)
        // The keys reach every kind of refusal: key restrictions, cmd, PowerShell.
        #expect(refusals["cmd"] ?? 0 > 100)
        #expect(refusals["PowerShell"] ?? 0 > 100)
        #expect(refusals["Claude"] ?? 0 > 10)
    }

    /// Random documents over scalars the encoders treat specially beyond ASCII keys: Unicode
    /// whitespace (U+0085, U+00A0, U+3000), PowerShell's typographic quotes, C1 controls, line
    /// separators, byte-order marks, combining marks and characters outside the BMP (two UTF-16
    /// units in JavaScript, one scalar in Swift).
    struct DocumentMaker {
        var generator = SplitMix(state: 7_340_033)
        static let alphabet: [String] = [
            "a", "Z", "q", "0", "7", "-", "--", "_", ".", "/", ":", "=", "+", " ", "  ", "\t", "\n", "\r", "\"", "'", "\\", "%", "!", "&", "|", "<", ">",
            "^", "(", ")", "$", "`", "{", "}", "#", "~", "*", "?", "@", ",", ";", "[", "]", "\u{1}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "é",
            "e\u{301}", "\u{301}", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{201C}", "\u{201E}", "\u{2028}", "\u{2029}", "\u{3000}",
            "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "😀", "\u{1F3FB}", "y", "no", "null", "True", ": ", " #", "${X}", "%PATH%",
        ]

        /// Parts that cmd and PowerShell may accept, so commands are written as well as refused.
        static let mildAlphabet: [String] = [
            "a", "Z", "q", "0", "-", "--", "_", ".", "/", ":", "=", "+", " ", "\t", "'", "\\", "\u{85}", "\u{A0}", "\u{3000}", "\u{2028}",
            "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{201C}", "é", "e\u{301}", "😀", "\u{FEFF}", "%", "$", "{", "}", "#", "~", "&", "(", ")",
        ]
        /// Whether the document being made draws from the mild parts.
        var mild = false

        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }

        mutating func string(maxParts: Int = 6) -> String {
            let parts = mild ? Self.mildAlphabet : Self.alphabet
            return (0..<int(0...maxParts)).map { _ in parts[int(0...parts.count - 1)] }.joined()
        }

        mutating func program() -> String {
            ["npx", "code", "a-b.c_d", "", "-x", "1abc", "a b", "é", "uvx", string(maxParts: 2)][int(0...9)]
        }

        mutating func text(depth: Int = 0) -> Text {
            Text((0..<int(1...3)).map { _ in piece(depth: depth) })
        }

        mutating func piece(depth: Int) -> Piece {
            switch depth > 1 ? int(0...1) : int(0...8) {
            case 0: return .literal(string())
            case 1: return mild ? .literal(string()) : .secret
            case 2: return .cmdWord(text(depth: depth + 1))
            case 3: return .base64(text(depth: depth + 1))
            case 4: return .json(value(depth: depth + 1))
            case 5: return .vscodeLinkJSON(value(depth: depth + 1))
            case 6: return .link(.items(["https://x.test/p", "https://x.test/p?a=1"][int(0...1)], (0..<int(0...2)).map { _ in Link.Item(string(maxParts: 2), text(depth: depth + 1)) }))
            case 7: return .link(Link(base: "vscode:mcp/install", query: .whole(text(depth: depth + 1))))
            default: return .cmdWord(.secret)
            }
        }

        mutating func value(depth: Int = 0) -> Value {
            switch depth > 2 ? int(0...2) : int(0...5) {
            case 0, 1: return .string(text(depth: 1))
            case 2: return int(0...1) == 0 ? .bool(int(0...1) == 0) : .int(int(-1000...100_000))
            case 3: return .array((0..<int(0...3)).map { _ in value(depth: depth + 1) })
            default: return .object((0..<int(0...3)).map { _ in Value.Member(string(maxParts: 3), value(depth: depth + 1)) })
            }
        }

        /// Commands at the edges of the rules, for every shell: each Unicode whitespace (and
        /// near misses) next to a cmd operator or a final backslash, the quote characters around
        /// PowerShell's U+2018–U+201B, dash runs, and lines at cmd's 8191 UTF-16 unit limit, also
        /// with characters outside the BMP.
        static func edgeDocuments() -> [Document] {
            let spaces = ["\u{9}", "\u{A}", "\u{B}", "\u{C}", "\u{D}", " ", "\u{85}", "\u{A0}", "\u{1680}", "\u{180E}", "\u{2000}", "\u{200A}", "\u{200B}",
                          "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}"]
            var words: [String] = []
            for space in spaces { words += ["a" + space + "&", "a" + space + "\\", space, "a" + space + "b"] }
            for scalar in 0x2016...0x201F { words += ["x" + String(Unicode.Scalar(UInt32(scalar))!) + "y"] }
            words += ["-", "--", "---", "-a", "--a", "---a", "-a-b", "--a_b", "-1", "-é", "a-", "a_b", "1a", "é", "a'b", "a%b", "a%b%", "a!b", "\\\"", "a\\ b\\", ""]
            var documents: [Document] = []
            for shell in Shell.allCases {
                for word in words { documents.append(.command(argv: ["npx", .literal(word)], shell: shell)) }
                for length in [8186, 8187, 8188] {
                    documents.append(.command(argv: ["npx", .literal(String(repeating: "k", count: length))], shell: shell))
                    documents.append(.command(argv: ["npx", .literal(String(repeating: "😀", count: length / 2) + (length % 2 == 1 ? "k" : ""))], shell: shell))
                    documents.append(.command(argv: ["npx", .literal(String(repeating: "k", count: length - 4) + " \u{3000}")], shell: shell))
                }
            }
            for word in words { documents.append(.line(.cmdWord(.literal(word)))) }
            return documents
        }

        mutating func document() -> Document {
            mild = int(0...2) > 0
            switch int(0...6) {
            case 0, 1, 2:
                let argv = [Text.literal(program())] + (0..<int(0...4)).map { _ in text() }
                return .command(argv: argv, shell: Shell.allCases[int(0...2)])
            case 3:
                let value = value(depth: int(0...1) == 0 ? 3 : 0)
                return int(0...1) == 0 ? .json(value) : .jsonc(value)
            case 4: return .yaml(value(depth: int(0...1) == 0 ? 3 : 0))
            case 5: return .toml(value(depth: int(0...1) == 0 ? 3 : 0))
            default: return .line(text())
            }
        }
    }

    @Test("programs of random documents: Swift and JavaScript fill them as the reference renderer writes them", .enabled(if: (try? node("", input: Data())) != nil))
    func sameProgramsOfRandomDocuments() throws {
        var maker = DocumentMaker()
        let keys = ["sk_live_123", "a%b!c", "\"x\"", "-k", "k\\"]
        var cases: [PlainValue] = []
        var expected: [String] = []
        var swiftMismatches = 0
        let edges = DocumentMaker.edgeDocuments()
        for index in 0..<(edges.count + 10_000) {
            let document = index < edges.count ? edges[index] : maker.document()
            let key = keys[index % keys.count]
            let program = ArtifactProgram(compiling: document)
            cases.append(.array([ProgramJSON.value(program), .string(key)]))
            let reference: String
            do {
                reference = "=" + (try TextRenderer(secret: key).render(document))
            } catch {
                reference = "!" + error.syntax + " cannot carry this safely: " + error.reason + "."
            }
            expected.append(reference)
            let filled: String
            switch program.fill(key: key) {
            case .text(let text): filled = "=" + text
            case .refused(let reason): filled = "!" + reason
            }
            if filled != reference {
                swiftMismatches += 1
                if swiftMismatches <= 5 { Issue.record("case \(index): the Swift program wrote \(filled.debugDescription.prefix(300)) where the reference wrote \(reference.debugDescription.prefix(300))") }
            }
        }
        let program = """
            const m = await import(\(JSONSyntax.quote(Self.script.path))); \(Self.writeASCIIJSON)
            let s = ''; process.stdin.setEncoding('utf8'); process.stdin.on('data', d => s += d);
            process.stdin.on('end', () => {
              const input = JSON.parse(s);
              writeASCIIJSON(input.cases.map(([r, k]) => {
                const a = m.fillProgram(r, k, input.problems);
                return a.refused !== undefined ? '!' + a.refused : '=' + a.content;
              }));
            });
            """
        let input = JSONSyntax.compact(.object([("problems", ProgramJSON.problems), ("cases", .array(cases))]))
        let output = try Self.node(program, input: Data(input.utf8))
        let rendered = try #require(try JSONSerialization.jsonObject(with: output) as? [String])
        #expect(rendered.count == expected.count)
        var mismatches = 0
        for (index, (actual, wanted)) in zip(rendered, expected).enumerated() where !actual.unicodeScalars.elementsEqual(wanted.unicodeScalars) {
            mismatches += 1
            if mismatches <= 5 {
                Issue.record("case \(index): JavaScript wrote \(actual.debugDescription.prefix(300)) where the reference wrote \(wanted.debugDescription.prefix(300)) for \(JSONSyntax.compact(cases[index]).prefix(600))")
            }
        }
        let refused = expected.filter { $0.hasPrefix("!") }.count
        print("programs of random documents: \(edges.count) edge and \(expected.count - edges.count) random documents, \(refused) refused, \(swiftMismatches) Swift and \(mismatches) JavaScript mismatches")
        #expect(mismatches == 0 && swiftMismatches == 0)
        #expect(refused > 1_000 && expected.count - refused > 5_000)
    }

    @Test("each escaper and check agrees between Swift and JavaScript over 10,000 strings", .enabled(if: (try? node("", input: Data())) != nil))
    func samePrimitives() throws {
        var maker = DocumentMaker()
        var strings: [String] = []
        while strings.count < 10_000 {
            maker.mild = strings.count % 3 == 0
            strings.append(maker.string(maxParts: 8))
        }
        var expected: [String: [String]] = [:]
        for escaper in Escaper.allCases { expected[escaper.rawValue] = strings.map(escaper.apply) }
        expected["cmd-line"] = strings.map { CmdShell.lineProblem($0)?.rawValue ?? "" }
        expected["cmd-word"] = strings.map { CmdShell.isInertWord($0) ? "inert" : "" }
        expected["powershell-argument"] = strings.map { PowerShell.argumentProblem($0)?.rawValue ?? "" }
        let program = """
            const m = await import(\(JSONSyntax.quote(Self.script.path))); \(Self.writeASCIIJSON)
            let s = ''; process.stdin.setEncoding('utf8'); process.stdin.on('data', d => s += d);
            process.stdin.on('end', () => {
              const strings = JSON.parse(s); const out = {};
              for (const name of Object.keys(m.escapers)) out[name] = strings.map(m.escapers[name]);
              out['cmd-line'] = strings.map(t => m.checks.cmdLineProblem(t) || '');
              out['cmd-word'] = strings.map(t => m.checks.cmdIsInertWord(t) ? 'inert' : '');
              out['powershell-argument'] = strings.map(t => m.checks.powerShellArgumentProblem(t) || '');
              writeASCIIJSON(out);
            });
            """
        let output = try Self.node(program, input: Data(JSONSyntax.compact(.array(strings.map(PlainValue.string))).utf8))
        let actual = try #require(try JSONSerialization.jsonObject(with: output) as? [String: [String]])
        #expect(Set(actual.keys) == Set(expected.keys))
        for (name, wanted) in expected.sorted(by: { $0.key < $1.key }) {
            let got = try #require(actual[name])
            let mismatches = zip(got, wanted).enumerated().filter { !$0.element.0.unicodeScalars.elementsEqual($0.element.1.unicodeScalars) }
            for (index, pair) in mismatches.prefix(3) {
                Issue.record("\(name) of \(strings[index].debugDescription.prefix(120)): JavaScript \(pair.0.debugDescription.prefix(200)), Swift \(pair.1.debugDescription.prefix(200))")
            }
            #expect(got.count == 10_000 && mismatches.isEmpty, "\(name)")
        }
    }

    @Test("JavaScript refuses the keys Swift refuses", .enabled(if: (try? node("", input: Data())) != nil))
    func sameKeyRules() throws {
        let keys = ["sk_ok", "Bearer x", "bearer\tx", "a b", "a\nb", "a\u{7}b", "a\u{7F}b", "é", "\u{201C}x", String(repeating: "k", count: 16_385)]
        let program = "const m = await import(\(JSONSyntax.quote(Self.script.path))); let s = ''; process.stdin.on('data', d => s += d); process.stdin.on('end', () => { process.stdout.write(JSON.stringify(JSON.parse(s).map(k => m.keyProblem(k) !== null))); });"
        let output = try Self.node(program, input: Data(JSONSyntax.compact(.array(keys.map(PlainValue.string))).utf8))
        let refused = try #require(try JSONSerialization.jsonObject(with: output) as? [Bool])
        #expect(refused == keys.map { (try? Secret($0)) == nil })
    }
}
