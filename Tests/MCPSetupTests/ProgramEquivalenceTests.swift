import Foundation
import Synchronization
import Testing
@testable import MCPSetup

/// Compiled programs give exactly what the reference renderer (every artifact rendered from its
/// document, as mcp-setup did before programs) gives: the same texts, the same refusals with the
/// same reasons, the same argv, and the same manifest bytes, for hostile keys in every scheme.
@Suite("Artifact programs")
struct ProgramEquivalenceTests {
    static let keys: [String] = {
        var keys = ["sk_live_123", "%", "a%b", "%APPDATA%", "!", "a&b", "\"", "a\"b", "'", "`id`", "$", "${X}", "$env:X", "\\", "a\\", "a\\\"b",
                    "-x", "--header=x", "y", "NULL", "#x", "a=b&c=d", "%0A", "</script>", "\u{27}\u{22}$(x)`\\%41%zz&#+=/?",
                    String(repeating: "k", count: 4096), String(repeating: "%!&|<>^()\"'`${}-", count: 256)]
        var state: UInt64 = 20_261_201
        while keys.count < 120 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 58) + 1
            var key = ""
            for index in 0..<length {
                let offset = Int((state >> UInt64(index % 50)) % 94)
                key.unicodeScalars.append(Unicode.Scalar(UInt8(0x21 + offset)))
            }
            keys.append(key)
        }
        return keys
    }()

    static let profiles: [ServerProfile] = {
        let schemes: [AuthScheme] = [.bearer, .header(name: "X-API-Key"), .query(parameter: "api_key"), .header(name: "Authorization", prefix: "Token ")]
        return schemes.flatMap { scheme in
            ["https://mcp.acme.dev/mcp", "https://mcp.acme.dev:8443/v1?t=a%20b"].map { endpoint in
                try! ServerProfile(name: "acme", title: "Acme", endpoint: endpoint, auth: scheme)
            }
        }
    }()

    @Test("programs fill every artifact, refusal and manifest as the reference renderer writes them", arguments: 0..<8)
    func sameAsReference(profileIndex: Int) throws {
        let profile = Self.profiles[profileIndex]
        let setup = try PreparedSetup(profile: profile)
        var compared = 0, refused = 0
        for (index, key) in Self.keys.enumerated() where index % 2 == profileIndex % 2 {
            let request = try SetupRequest(profile: profile, credential: .inline(try Secret(key)))
            let reference = try SetupGenerator().referenceRender(request)
            let filled = try setup.artifacts(key: key)
            for (expected, actual) in zip(reference.flatMap(\.artifacts), filled.flatMap(\.artifacts)) {
                #expect(actual.id == expected.id)
                #expect(actual.content == expected.content, "\(actual.id) for \(key.prefix(40))")
                #expect(actual.unavailableReason == expected.unavailableReason, "\(actual.id) for \(key.prefix(40))")
                #expect(actual.argv == expected.argv, "\(actual.id) for \(key.prefix(40))")
                compared += 1
                if actual.content == nil { refused += 1 }
            }
            #expect(try setup.manifestJSON(key: key) == Manifest.json(for: request, clients: reference), "manifest for \(key.prefix(40))")
        }
        #expect(compared > 3_000 && refused > 100)
    }

    @Test("a placeholder manifest carries a program for each artifact that holds the placeholder; a manifest for one key carries none")
    func placeholderManifestPrograms() throws {
        let request = try SetupRequest(profile: Self.profiles[0], credential: .placeholder)
        let rendered = try SetupGenerator().render(request)
        let holdsKey = Dictionary(uniqueKeysWithValues: rendered.flatMap(\.artifacts).map { ($0.id, $0.document?.containsSecret == true) })
        let manifest = try JSONParser.parse(Manifest.json(for: request, clients: rendered))
        guard case .array(let clients)? = manifest["clients"] else { Issue.record("no clients"); return }
        var programs = 0
        for client in clients {
            guard case .array(let artifacts)? = client["artifacts"] else { continue }
            for artifact in artifacts {
                let id = artifact["id"]?.stringValue ?? ""
                // An artifact refused for every key keeps its program (its checks say why).
                if artifact["available"] == .bool(true) { #expect((artifact["program"] != nil) == holdsKey[id], "\(id)") }
                if artifact["program"] != nil { programs += 1 }
            }
        }
        #expect(programs > 40)
        #expect(manifest["schema"] == .number("2"))
        // A manifest filled for one key leaves the programs out.
        let inline = try SetupRequest(profile: Self.profiles[0], credential: .inline(try Secret("sk_live_123")))
        #expect(!Manifest.json(for: inline, clients: try SetupGenerator().render(inline)).contains("\"program\""))
    }

    @Test("a program's literals hold everything but the key: the endpoint and layout are folded in")
    func literalsFolded() throws {
        let setup = try PreparedSetup(profile: Self.profiles[0])
        let artifact = try #require(try setup.artifacts(key: "sk_live_123").flatMap(\.artifacts).first { $0.id == "cursor/mcp-json" })
        let program = try #require(artifact.program)
        // JSON file: literal, key escaped as a JSON string body, literal.
        #expect(program.text.parts.count == 3)
        #expect(program.checks.isEmpty)
        guard case .escaped(.jsonString, let inner) = program.text.parts[1] else { Issue.record("\(program.text.parts[1])"); return }
        #expect(inner == KeyProgram.key)
    }

    @Test("one prepared setup serves many threads at once, each key getting its own artifacts")
    func concurrentFills() throws {
        let setup = try PreparedSetup(profile: Self.profiles[0])
        let keys = Array(Self.keys.prefix(40))
        let expected = try keys.map { try setup.manifestJSON(key: $0) }
        let results = Mutex<[Int: String]>([:])
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            let manifest = try? setup.manifestJSON(key: keys[index % keys.count])
            results.withLock { $0[index] = manifest }
        }
        let filled = results.withLock { $0 }
        #expect(filled.count == 400)
        #expect(filled.allSatisfy { $0.value == expected[$0.key % keys.count] })
    }

    @Test("a key that is not a key is refused with the field named, not a flag")
    func badKey() throws {
        let setup = try PreparedSetup(profile: Self.profiles[0])
        for key in ["two words", ""] {
            do {
                _ = try setup.manifestJSON(key: key)
                Issue.record("'\(key)' was accepted as a key")
            } catch {
                #expect(error.message.hasPrefix("the key "), "\(error.message)")
                #expect(!error.message.contains("--"), "\(error.message)")
            }
        }
        #expect(throws: SetupError.self) { try setup.artifacts(key: "") }
    }
}
