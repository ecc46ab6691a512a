import Foundation
import PropertyBased
import Testing
@testable import MCPSetup

/// Every artifact, for any visible-ASCII key, decodes back to exactly that key: checked in
/// process for many generated keys, and by real sh, bash and Python for a large batch.
@Suite("Artifacts round-trip any key")
struct ArtifactRoundTripTests {
    static let endpoints = ["https://mcp.acme.dev/mcp", "https://mcp.acme.dev:8443/v1/mcp?tenant=a%20b&x=1"]

    static func request(key: String, auth: AuthScheme = .bearer, endpoint: String = endpoints[0], name: String = "acme") throws -> SetupRequest {
        let profile = try ServerProfile(name: name, title: "Acme \"Prod\" ✓", endpoint: endpoint, auth: auth, alsoOAuth: true)
        return try SetupRequest(profile: profile, credential: .inline(try Secret(key)))
    }

    /// What the URL and the credential must decode to, for an artifact of this request.
    static func expected(_ id: String, request: SetupRequest, key: String) -> (url: String, credential: String?) {
        let profile = request.profile
        var url = profile.endpoint
        if case .query(let parameter) = profile.auth {
            url += (url.contains("?") ? "&" : "?") + parameter + "=" + PercentEncoding.encode(key)
        }
        let header: String? = switch profile.auth {
        case .bearer: "Bearer " + key
        case .header: key
        default: nil
        }
        switch id.replacingOccurrences(of: "-powershell", with: "").replacingOccurrences(of: "-cmd", with: "") {
        case "claude-code/command": return (url, header.map { (profile.auth.headerName ?? "") + ": " + $0 })
        case "codex/command", "chatgpt/connector-url", "claude-ai/connector-url", "claude-ai/prefill-link":
            return (profile.auth.usesKey && !isQuery(profile.auth) ? profile.endpoint : url, nil)
        default: return (url, header)
        }
    }

    static func isQuery(_ auth: AuthScheme) -> Bool {
        if case .query = auth { return true }
        return false
    }

    @Test("every artifact verifies for generated keys, schemes and endpoints", .timeLimit(.minutes(3)))
    func generatedKeys() async throws {
        let schemes: [AuthScheme] = [.bearer, .header(name: "X-API-Key"), .query(parameter: "api_key")]
        await propertyCheck(count: 3_000, input: Generators.key, Gen.int(in: 0...2), Gen.int(in: 0...1)) { key, scheme, endpoint in
            let request = try Self.request(key: key, auth: schemes[scheme], endpoint: Self.endpoints[endpoint])
            let clients = try SetupGenerator().render(request)
            let available = clients.flatMap(\.artifacts).filter(\.isAvailable)
            #expect(available.count >= 12)
            for artifact in available where artifact.secret {
                #expect(artifact.document?.containsSecret == true)
            }
        }
    }

    @Test("Python and real shells decode every artifact to the intended URL and key")
    func independentDecoders() throws {
        var generator = SystemRandomNumberGenerator()
        var keys = ["sk_live_123", String(repeating: "x", count: 4096), #"'"$(rm${IFS}-rf${IFS}/)`id`\%25&#+=/?"#, "%41%zz%", "a'b\"c\\d$e`f"]
        for _ in 0..<300 {
            let length = Int.random(in: 1...80, using: &generator)
            keys.append(String((0..<length).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &generator))) }))
        }
        let schemes: [AuthScheme] = [.bearer, .header(name: "X-API-Key"), .query(parameter: "api_key")]
        var requests: [(SetupRequest, String)] = []
        for (index, key) in keys.enumerated() {
            requests.append((try Self.request(key: key, auth: schemes[index % 3], endpoint: Self.endpoints[index % 2]), key))
        }
        var manifests: [Any] = []
        var commandLines: [String] = []
        var commandArgv: [[String]] = []
        for (request, _) in requests {
            let clients = try SetupGenerator().render(request)
            manifests.append(try JSONSerialization.jsonObject(with: Data(Manifest.json(for: request, clients: clients).utf8)))
            for artifact in clients.flatMap(\.artifacts) where artifact.shell == "posix" && artifact.isAvailable {
                commandLines.append(artifact.content!)
                commandArgv.append(artifact.argv!)
            }
        }
        let support = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support")
        let script = try String(contentsOf: support.appendingPathComponent("windows_shells.py"), encoding: .utf8)
            + "\n" + String(contentsOf: support.appendingPathComponent("decode_artifacts.py"), encoding: .utf8)
        let decoded = try #require(try Oracles.python(script, input: manifests) as? [[String: [Any]]])
        #expect(decoded.count == requests.count)
        var checked = 0
        for ((request, key), artifacts) in zip(requests, decoded) {
            for (id, values) in artifacts {
                let expected = Self.expected(id, request: request, key: key)
                #expect(values[0] as? String == expected.url, "\(id) url")
                #expect(values[1] as? String == expected.credential, "\(id) credential for \(request.profile.auth)")
                checked += 1
            }
        }
        #expect(checked > 10 * requests.count)
        for shell in ["sh", "bash"] {
            let words = try Oracles.shellWords(commandLines, shell: shell)
            #expect(words == commandArgv, "\(shell) disagrees with the argv of some command")
        }
    }
}
