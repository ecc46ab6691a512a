import Foundation
import Testing
@testable import MCPSetup

/// server.json: what mcp-setup writes validates against the registry's 2025-12-11 schema, reads
/// back to the same server, and renders the same artifacts; what it reads maps remotes, headers
/// and variables, and what the model cannot express is a one-line error naming the field.
@Suite("MCP Registry server.json")
struct ServerJSONTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/server-json")

    static func profiles() throws -> [ServerProfile] {
        let schemes: [AuthScheme] = [.bearer, .header(name: "X-API-Key"), .header(name: "Authorization", prefix: "Token "), .header(name: "X-Auth", prefix: "key=", suffix: ";v=2"), .query(parameter: "api_key"), .oauth, .none]
        let titles = ["Acme", #"Acme "Prod" <script>alert(1)</script> ✓ & co"#, String(repeating: "Long title ", count: 12)]
        let endpoints = ["https://mcp.acme.dev/mcp", "https://mcp.acme.dev:8443/v1/mcp?tenant=a%20b&x=1", "http://127.0.0.1:8931/mcp"]
        var profiles: [ServerProfile] = []
        for (index, scheme) in schemes.enumerated() {
            for (endpointIndex, endpoint) in endpoints.enumerated() {
                profiles.append(try ServerProfile(
                    name: ["acme", "acme-prod-2", "x9"][endpointIndex], title: titles[(index + endpointIndex) % titles.count], endpoint: endpoint,
                    transport: (index + endpointIndex) % 2 == 0 ? .http : .sse, auth: scheme,
                    envVar: endpointIndex == 1 ? "ACME_PROD_TOKEN" : nil,
                    keyPrefix: endpointIndex == 0 ? "sk_live_" : nil, keyPage: endpointIndex != 2 ? "https://app.acme.dev/keys" : nil))
            }
        }
        return profiles
    }

    @Test("every written server.json validates against the registry's 2025-12-11 schema")
    func validates() throws {
        let documents = try Self.profiles().map { JSONSyntax.compact(ServerJSON.document(for: $0)) }
        let script = """
        import jsonschema
        schema = json.load(open(cases["schema"]))
        validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
        print(json.dumps([[e.message for e in validator.iter_errors(json.loads(d))] for d in cases["documents"]]))
        """
        let errors = try #require(try Oracles.python(script, input: ["schema": Self.fixtures.appendingPathComponent("server.schema.json").path, "documents": documents]) as? [[String]])
        #expect(errors.count == documents.count)
        for (document, problems) in zip(documents, errors) {
            #expect(problems.isEmpty, "\(problems) in \(document)")
        }
    }

    @Test("server.json → profile → the same server, and every artifact rendered from either is the same")
    func roundTrip() throws {
        for profile in try Self.profiles() {
            let text = JSONSyntax.pretty(ServerJSON.document(for: profile))
            var input = try ServerJSON.profileInput(text, path: "server.json")
            input.name = Sourced(profile.name, origin: "test")
            input.title = Sourced(profile.title, origin: "test")
            input.allowHTTP = Sourced(true, origin: "test")
            let read = try input.profile()
            #expect(read.endpoint == profile.endpoint, "\(text)")
            #expect(read.transport == profile.transport)
            #expect(read.auth == profile.auth, "\(profile.auth) came back as \(read.auth)")
            #expect(read.envVar == profile.envVar)
            #expect(read.keyPrefix == profile.keyPrefix)
            #expect(read.keyPage == profile.keyPage)
            let credential: Credential = profile.auth.usesKey ? .inline(try Secret("sk_live_roundTRIP_42")) : .none
            let original = try SetupGenerator().render(try SetupRequest(profile: profile, credential: credential)).flatMap(\.artifacts).map(\.content)
            let again = try SetupGenerator().render(try SetupRequest(profile: read, credential: credential)).flatMap(\.artifacts).map(\.content)
            #expect(original == again, "\(profile.auth) \(profile.endpoint)")
        }
    }

    @Test("the registry's with-remote example: the URL variable's default, and Authorization as a bearer key")
    func registryExample() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("with-remote.json"), encoding: .utf8)
        let profile = try ServerJSON.profileInput(text, path: "with-remote.json").profile()
        #expect(profile.name == "remote-weather" && profile.title == "Remote Weather")
        #expect(profile.endpoint == "https://api.example.com/mcp")
        #expect(profile.auth == .bearer)
        let chosen = try ServerJSON.profileInput(text, path: "with-remote.json", variables: ["host": "eu.example.com"]).profile()
        #expect(chosen.endpoint == "https://eu.example.com/mcp")
    }

    @Test("GitHub's remote shape and a multi-tenant URL read as expected")
    func otherShapes() throws {
        let github = #"{"name": "io.github.github/github-mcp-server", "description": "GitHub", "version": "1.0.0", "remotes": [{"type": "streamable-http", "url": "https://api.githubcopilot.com/mcp/", "headers": [{"name": "Authorization", "description": "Authentication token (PAT or App token)", "isRequired": true, "isSecret": true}]}]}"#
        let profile = try ServerJSON.profileInput(github, path: "server.json").profile()
        #expect(profile.name == "github-mcp-server" && profile.auth == .bearer && profile.endpoint == "https://api.githubcopilot.com/mcp/")
        let tenant = #"{"name": "dev.acme/acme", "description": "d", "version": "1", "remotes": [{"type": "sse", "url": "https://mcp.acme.dev/sse"}, {"type": "streamable-http", "url": "https://{tenant}.mcp.acme.dev/mcp", "variables": {"tenant": {"description": "Your workspace", "isRequired": true}}, "headers": [{"name": "X-API-Key", "description": "key", "isSecret": true, "isRequired": true, "placeholder": "ak_..."}]}]}"#
        let read = try ServerJSON.profileInput(tenant, path: "server.json", variables: ["tenant": "team1"]).profile()
        #expect(read.endpoint == "https://team1.mcp.acme.dev/mcp" && read.transport == .http && read.auth == .header(name: "X-API-Key"))
    }

    @Test("what the model cannot express is one line naming the field", arguments: [
        (#"{"name": "a/b", "remotes": [{"type": "streamable-http", "url": "https://x.dev/mcp", "headers": [{"name": "A", "isSecret": true}, {"name": "B", "isSecret": true}]}]}"#, "remotes[0].headers[1] is a second secret header"),
        (#"{"name": "a/b", "remotes": [{"type": "streamable-http"}]}"#, "remotes[0].url is missing"),
        (#"{"name": "a/b", "remotes": [{"type": "websocket", "url": "wss://x"}]}"#, "remotes[0].type 'websocket' is not a remote transport"),
        (#"{"name": "a/b", "remotes": [{"type": "streamable-http", "url": "https://{tenant}.x.dev/mcp"}]}"#, "needs {tenant}: pass --var tenant=VALUE"),
        (#"{"name": "a/b", "remotes": [{"type": "streamable-http", "url": "https://x.dev/mcp", "headers": [{"name": "X-Region", "isRequired": true, "description": "region"}]}]}"#, "required header that is not the key"),
        (#"{"name": "a/b", "remotes": [{"type": "streamable-http", "url": "https://x.dev/mcp", "headers": [{"name": "X-Plan", "isSecret": true, "choices": ["a", "b"]}]}]}"#, "headers[0].choices: the key cannot be a choice"),
        (#"{"name": "a/b", "remotes": [{"type": "streamable-http", "url": "https://x.dev/mcp", "headers": [{"name": "X Key", "isSecret": true}]}]}"#, "headers[0].name 'X Key' is not a header name"),
        (#"{"name": "a/b", "packages": []}"#, "remotes is missing or empty"),
        (#"{"remotes": []}"#, "name is missing"),
    ])
    func refusals(text: String, message: String) {
        do {
            _ = try ServerJSON.profileInput(text, path: "server.json")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.message.hasPrefix("server.json: "))
            #expect(!error.message.contains("\n"))
        }
    }

    @Test("generic registry names give way to the vendor; specific ones stay", arguments: [
        ("com.stripe/mcp", "stripe"), ("com.cloudflare.mcp/mcp", "cloudflare"), ("io.github.mapbox/mcp-server", "mapbox"),
        ("io.cycloid.mcp/server", "cycloid"), ("io.github.github/github-mcp-server", "github-mcp-server"), ("dev.acme/acme-mcp", "acme-mcp"),
        ("io.prisma/mcp", "prisma"), ("plain", "plain"), ("io.github.Some_User/MCP", "some-user"),
    ])
    func names(registryName: String, name: String) {
        #expect(ServerJSON.slug(registryName) == name)
    }

    @Test("snake_case flags, an optional header, an `http` remote and a key header named like a variable are read, each said in a note")
    func lenientReading() throws {
        let text = #"{"name": "dev.acme/mcp", "remotes": [{"type": "http", "url": "https://x.dev/mcp", "headers": [{"name": "ACME_API_KEY", "is_secret": true, "is_required": true}, {"name": "X-Read-Only", "description": "read-only mode", "is_required": false}]}]}"#
        let input = try ServerJSON.profileInput(text, path: "server.json")
        let profile = try input.profile()
        #expect(profile.name == "acme" && profile.transport == .http && profile.auth == .header(name: "ACME_API_KEY"))
        #expect(input.notes == [
            "server.json: read is_secret and is_required as isSecret and isRequired, the schema's spelling",
            "server.json: remotes[0].type: read 'http' as 'streamable-http', the schema's name for it",
            "server.json: remotes[0].headers[1]: left out the optional header X-Read-Only (read-only mode); add it to the client's entry yourself if you need it",
        ])
    }

    @Test("VS Code's reading of a written server.json gives the inputs and header mcp-setup renders for VS Code with --prompt")
    func vsCodeInterpretation() throws {
        var compared = 0
        for profile in try Self.profiles() where profile.auth.headerName != nil && profile.transport == .http {
            let document = ServerJSON.document(for: profile)
            guard case .array(let remotes)? = document["remotes"], let header = (remotes.first?["headers"]).flatMap({ if case .array(let h) = $0 { h.first } else { nil } }) else {
                Issue.record("\(profile.auth): the written server.json has no header")
                continue
            }
            compared += 1
            // VS Code (getMcpServerConfigurationFromManifest, clients-2026-12.md §1.4): a variable
            // in `value` becomes a promptString input, `{var}` becomes `${input:var}`; without a
            // value, the header name is the input's id.
            var derivedInputs: [(id: String, password: Bool)] = []
            var derivedValue: String
            if let value = header["value"]?.stringValue, case .object(let variables)? = header["variables"], let (name, input) = variables.first {
                derivedInputs.append((name, input["isSecret"] == .bool(true)))
                derivedValue = value.replacingOccurrences(of: "{" + name + "}", with: "${input:" + name + "}")
            } else {
                let name = header["name"]?.stringValue ?? ""
                derivedInputs.append((name, header["isSecret"] == .bool(true)))
                derivedValue = "${input:" + name + "}"
            }
            let artifact = try SetupGenerator().artifact("vscode/mcp-json", for: try SetupRequest(profile: profile, credential: .prompt))
            let rendered = try JSONParser.parse(try #require(artifact.content))
            let headerName = try #require(profile.auth.headerName)
            let renderedValue = rendered["servers"]?[profile.name]?["headers"]?[headerName]?.stringValue
            guard case .array(let inputs)? = rendered["inputs"], let input = inputs.first else { Issue.record("no inputs"); continue }
            if profile.auth.hasHeaderAffixes {
                #expect(renderedValue == derivedValue, "\(profile.auth)")
                #expect(input["id"]?.stringValue == derivedInputs[0].id)
            } else {
                // A bare-key header: VS Code names the input after the header, mcp-setup after the
                // variable; both send exactly the prompted value.
                #expect(renderedValue == "${input:" + (input["id"]?.stringValue ?? "") + "}")
            }
            #expect(input["password"] == .bool(derivedInputs[0].password))
        }
        // Four header schemes, each over the http endpoints of the profiles.
        #expect(compared >= 4)
    }
}
