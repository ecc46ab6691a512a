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

    /// The transport keyword each artifact carries for Streamable HTTP (`nil`: the client has none).
    static let httpKeywords: [String: String] = [
        "claude-desktop/config-uvx": "streamablehttp", "claude-code/command": "http", "claude-code/mcp-json": "http", "gemini-cli/command": "http", "gemini-cli/settings-json": "httpUrl",
        "copilot-cli/command": "http", "copilot-cli/mcp-json": "http", "jetbrains-ai/mcp-json": "http", "factory-droid/command": "http", "factory-droid/mcp-json": "http",
        "crush/config": "http", "qwen-code/command": "http", "qwen-code/settings-json": "httpUrl",
        "vscode/command": "http", "vscode/mcp-json": "http", "vscode/install-link": "http", "vscode/web-link": "http",
        "visual-studio/mcp-json": "http", "visual-studio/install-link": "http", "goose/config": "streamable_http", "goose/deeplink": "streamable_http",
        "opencode/config": "remote", "cline/config": "streamableHttp", "roo-code/mcp-json": "streamable-http", "continue/config": "streamable-http",
        "vercel-ai-sdk/typescript": "http", "claude-agent-sdk/python": "http", "claude-agent-sdk/typescript": "http",
        "langchain/python": "streamable_http", "langchain/typescript": "http",
        "amazon-q/mcp-json": "http", "kilo-code/config": "remote", "openclaw/config": "streamable-http",
    ]

    /// What the URL, the credential and the transport keyword must decode to, for an artifact.
    static func expected(_ id: String, request: SetupRequest, key: String, encodeQuery: Bool = true) -> (url: String?, credential: String?, keyword: String?) {
        let profile = request.profile
        var url = profile.endpoint
        if case .query(let parameter) = profile.auth {
            url += (url.contains("?") ? "&" : "?") + parameter + "=" + (encodeQuery ? PercentEncoding.encode(key) : key)
        }
        let header: String? = switch profile.auth {
        case .bearer: "Bearer " + key
        case .header(_, let prefix, let suffix): prefix + key + suffix
        default: nil
        }
        let base = id.replacingOccurrences(of: "-powershell", with: "").replacingOccurrences(of: "-cmd", with: "")
        if base == "claude-desktop/bundle-manifest" {
            // The bundle never holds the key: Claude Desktop fills in the user_config entry.
            return (profile.endpoint, profile.auth.headerAffixes.map { $0.prefix + "${user_config.api_key}" + $0.suffix }, nil)
        }
        if base.hasSuffix("/curl") {
            // curl reads the key from the shell, given or not: `${VAR}` stands where it goes.
            return expected(base.replacingOccurrences(of: "/curl", with: "/python"), request: request, key: "${" + profile.envVar + "}", encodeQuery: false)
        }
        let keyword = httpKeywords[base]
        switch base {
        case "claude-code/command", "gemini-cli/command", "copilot-cli/command", "antigravity-cli/command", "factory-droid/command", "qwen-code/command":
            return (url, header.map { (profile.auth.headerName ?? "") + ": " + $0 }, keyword)
        case "amp/command": return (url, header.map { (profile.auth.headerName ?? "") + "=" + $0 }, keyword)
        case "codex/command", "chatgpt/connector-url", "goose/deeplink":
            return (url, nil, keyword)
        case "claude-ai/connector-url", "claude-desktop/connector-url", "claude-ai/prefill-link":
            // Claude never takes the key in the URL: the plain endpoint, the key in a header.
            return (profile.endpoint, nil, nil)
        case "claude-ai/request-header", "claude-desktop/connector-header":
            return (nil, header, nil)
        case "copilot-studio/server-url":
            // The key is entered in the connection, never in the URL.
            return (profile.endpoint, nil, nil)
        case "copilot-studio/auth-name":
            return (nil, nil, nil)
        case "copilot-studio/key-value":
            return (nil, header ?? key, nil)
        case "openai-agent-builder/server-url":
            return (url, nil, nil)
        case "openai-agent-builder/auth-value":
            return (nil, header, nil)
        default: return (url, header, keyword)
        }
    }

    static func isQuery(_ auth: AuthScheme) -> Bool {
        if case .query = auth { return true }
        return false
    }

    @Test("every artifact verifies for generated keys, schemes and endpoints")
    func generatedKeys() async throws {
        let schemes: [AuthScheme] = [.bearer, .header(name: "X-API-Key"), .query(parameter: "api_key"), .header(name: "Authorization", prefix: "Token ", suffix: ";v=1")]
        await propertyCheck(count: 3_000, input: Generators.key, Gen.int(in: 0...3), Gen.int(in: 0...1)) { key, scheme, endpoint in
            let request = try Self.request(key: key, auth: schemes[scheme], endpoint: Self.endpoints[endpoint])
            let clients = try SetupGenerator().render(request)
            let available = clients.flatMap(\.artifacts).filter(\.isAvailable)
            #expect(available.count >= 12)
            for artifact in available where artifact.secret {
                #expect(artifact.document?.containsSecret == true)
            }
        }
    }

    /// The independent decoder: windows_shells.py and decode_artifacts.py, run by python3.
    static func pythonDecode(_ requests: [(SetupRequest, String)], clientIDs: (Int) -> [String] = { _ in [] }) throws -> (decoded: [[String: [Any]]], clients: [[ClientArtifacts]]) {
        var manifests: [Any] = []
        var rendered: [[ClientArtifacts]] = []
        for (index, (request, _)) in requests.enumerated() {
            let clients = try SetupGenerator().render(request, clientIDs: clientIDs(index))
            rendered.append(clients)
            manifests.append(try JSONSerialization.jsonObject(with: Data(Manifest.json(for: request, clients: clients).utf8)))
        }
        let support = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support")
        let script = try String(contentsOf: support.appendingPathComponent("windows_shells.py"), encoding: .utf8)
            + "\n" + String(contentsOf: support.appendingPathComponent("decode_artifacts.py"), encoding: .utf8)
        let decoded = try #require(try Oracles.python(script, input: manifests) as? [[String: [Any]]])
        return (decoded, rendered)
    }

    /// Checks what Python decoded against the intended URL, key and transport keyword; returns
    /// how many artifacts were checked.
    static func check(_ decoded: [[String: [Any]]], _ requests: [(SetupRequest, String)]) -> Int {
        #expect(decoded.count == requests.count)
        var checked = 0
        for ((request, key), artifacts) in zip(requests, decoded) {
            for (id, values) in artifacts {
                let expected = Self.expected(id, request: request, key: key)
                #expect(values[0] as? String == expected.url, "\(id) url")
                #expect(values[1] as? String == expected.credential, "\(id) credential for \(request.profile.auth)")
                #expect(values[2] as? String == expected.keyword, "\(id) transport keyword")
                checked += 1
            }
        }
        return checked
    }

    /// A visible-ASCII key, half of its characters from the hostile ones.
    static func hostileKey(using generator: inout some RandomNumberGenerator) -> String {
        let length = Int.random(in: 1...80, using: &generator)
        return String((0..<length).map { _ in
            Bool.random(using: &generator) ? Generators.hostileCharacters.randomElement(using: &generator)! : Character(Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &generator)))
        })
    }

    static let schemes: [AuthScheme] = [.bearer, .header(name: "X-API-Key"), .query(parameter: "api_key"), .header(name: "Authorization", prefix: "Token ", suffix: ";v=1")]

    @Test("Python and real shells decode every artifact to the intended URL and key")
    func independentDecoders() throws {
        var generator = SystemRandomNumberGenerator()
        var keys = ["sk_live_123", String(repeating: "x", count: 4096), #"'"$(rm${IFS}-rf${IFS}/)`id`\%25&#+=/?"#, "%41%zz%", "a'b\"c\\d$e`f"]
        for _ in 0..<300 {
            let length = Int.random(in: 1...80, using: &generator)
            keys.append(String((0..<length).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &generator))) }))
        }
        var requests: [(SetupRequest, String)] = []
        for (index, key) in keys.enumerated() {
            requests.append((try Self.request(key: key, auth: Self.schemes[index % Self.schemes.count], endpoint: Self.endpoints[index % 2]), key))
        }
        let (decoded, rendered) = try Self.pythonDecode(requests)
        #expect(Self.check(decoded, requests) > 30 * requests.count)
        var commandLines: [String] = []
        var commandArgv: [[String]] = []
        // Commands only: a curl request to an agent API reads variables the shell expands (tested with a real sh in Tests/Conformance/test_agent_code.py).
        for artifact in rendered.joined().flatMap(\.artifacts) where artifact.kind == .command && artifact.shell == "posix" && artifact.isAvailable {
            commandLines.append(artifact.content!)
            commandArgv.append(artifact.argv!)
        }
        for shell in ["sh", "bash"] {
            let words = try Oracles.shellWords(commandLines, shell: shell)
            #expect(words == commandArgv, "\(shell) disagrees with the argv of some command")
        }
    }

    @Test("every client's artifacts hold the intended URL, header and transport keyword for 10,000 hostile keys")
    func tenThousandHostileKeys() throws {
        var generator = SystemRandomNumberGenerator()
        let ids = ClientCatalog.standard.ids
        var requests: [(SetupRequest, String)] = []
        for index in 0..<propertyCaseCount {
            let key = Self.hostileKey(using: &generator)
            requests.append((try Self.request(key: key, auth: Self.schemes[index % Self.schemes.count], endpoint: Self.endpoints[(index / 3) % 2]), key))
        }
        let (decoded, _) = try Self.pythonDecode(requests) { [ids[$0 % ids.count]] }
        #expect(Self.check(decoded, requests) > propertyCaseCount)
    }
}
