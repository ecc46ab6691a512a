import Testing
@testable import MCPSetup

@Suite("Validation of user input")
struct ValidationTests {
    static func profile(name: String = "acme", endpoint: String = "https://mcp.acme.dev/mcp", auth: AuthScheme = .bearer, allowHTTP: Bool = false) throws(SetupError) -> ServerProfile {
        try ServerProfile(name: name, endpoint: endpoint, auth: auth, allowHTTP: allowHTTP)
    }

    @Test("bad names are refused with the suggested slug, naming the field (the library) or the flag (the CLI)", arguments: [
        ("Acme Server", "try --name acme-server"), ("-acme", "try --name acme"), ("acme_dev", "try --name acme-dev"), ("", "try --name my-server"), ("ACME", "try --name acme"),
    ])
    func badNames(name: String, fix: String) {
        #expect(throws: SetupError.self) { try Self.profile(name: name) }
        do { _ = try Self.profile(name: name) } catch {
            #expect(error.message.hasPrefix("name '") && error.message.hasSuffix(fix.replacingOccurrences(of: "--name ", with: "")))
        }
        do {
            _ = try ServerProfile(name: name, endpoint: "https://mcp.acme.dev/mcp", fields: .flags)
            Issue.record("the name '\(name)' was accepted")
        } catch {
            #expect(error.message.hasSuffix(fix))
        }
    }

    @Test("library errors name fields; the command line's wording names flags")
    func fieldsNotFlags() throws {
        let profile = try Self.profile(auth: .oauth)
        do {
            _ = try SetupRequest(profile: profile, credential: .placeholder)
            Issue.record("a key for an OAuth server was accepted")
        } catch {
            #expect(error.message == "auth oauth takes no key; use credential .none")
            #expect(error.commandLineMessage.hasPrefix("--auth oauth takes no key; drop the key option (--token"))
            #expect(!error.message.contains("--"))
        }
        #expect(throws: SetupError("client id 'nope' is not a known client; use one of: \(ClientCatalog.standard.ids.joined(separator: ", "))",
                                   commandLine: "--client 'nope' is not a known client; use one of: \(ClientCatalog.standard.ids.joined(separator: ", "))")) {
            try ClientCatalog.standard.select(["nope"])
        }
        do {
            _ = try Self.profile(endpoint: "http://mcp.acme.dev/mcp")
            Issue.record("plain http to a public host was accepted")
        } catch {
            #expect(!error.message.contains("--") && error.message.contains("allowHTTP"))
            #expect(error.commandLineMessage.contains("--allow-http"))
        }
    }

    @Test("bad endpoints are refused", arguments: [
        ("http://mcp.acme.dev/mcp", "not https"),
        ("mcp.acme.dev/mcp", "include the scheme"),
        ("https://user:pw@mcp.acme.dev/mcp", "user info"),
        ("https://mcp.acme.dev/mcp#top", "fragment"),
        ("ftp://mcp.acme.dev/mcp", "uses 'ftp'"),
        ("https:///mcp", "no host"),
        ("https://mcp.acme.dev/m cp", "contains a space"),
        ("https://mcp.acme.dev/mcp?x=%zz", "bad percent escape"),
        ("not a url", "contains a space"),
        ("", "is empty"),
    ])
    func badEndpoints(endpoint: String, problem: String) {
        do {
            _ = try Self.profile(endpoint: endpoint)
            Issue.record("\(endpoint) was accepted")
        } catch {
            #expect(error.message.contains(problem), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test("an endpoint error never repeats user info, a query value or a fragment", arguments: [
        "https://user:hunter2SECRET@mcp.acme.dev/mcp",
        "http://mcp.acme.dev/mcp?api_key=hunter2SECRET&team=hunter2SECRET",
        "user:hunter2SECRET@mcp.acme.dev/mcp?k=hunter2SECRET",
        "https://mcp.acme.dev/mcp?api_key=hunter2SECRET x",
        "https://mcp.acme.dev/mcp?a=1#token=hunter2SECRET",
        "https://mcp.acme.dev/mcp?x=%zz&api_key=hunter2SECRET",
        "ftp://hunter2SECRET@mcp.acme.dev/mcp",
    ])
    func endpointErrorsRedact(endpoint: String) {
        do {
            _ = try Self.profile(endpoint: endpoint)
            Issue.record("\(endpoint) was accepted")
        } catch {
            #expect(!error.message.contains("hunter2"), "\(error.message)")
            #expect(error.message.contains("mcp.acme.dev"), "the host still says which URL: \(error.message)")
        }
        #expect(Endpoint.redacted("https://u:p@h.dev:8443/a?b=c&d#e") == "https://…@h.dev:8443/a?b=…&d#…")
    }

    @Test("hosts a cloud client cannot reach", arguments: [
        ("https://localhost/mcp", true), ("http://127.0.0.1:8080/mcp", true), ("https://10.1.2.3/mcp", true), ("https://192.168.0.4/mcp", true),
        ("https://172.20.0.1/mcp", true), ("https://172.32.0.1/mcp", false), ("https://[fd00::1]/mcp", true), ("https://[fe80::1]/mcp", true),
        ("https://fdic.gov/mcp", false), ("https://fcm.acme.dev/mcp", false), ("https://mcp.acme.dev/mcp", false), ("https://build.local/mcp", true), ("https://intranet/mcp", true),
    ])
    func cloudUnreachable(endpoint: String, unreachable: Bool) {
        #expect(Endpoint.isUnreachableFromCloud(endpoint) == unreachable, "\(endpoint)")
    }

    @Test("http is allowed for loopback hosts and with allowHTTP", arguments: ["http://127.0.0.1:8080/mcp", "http://localhost/mcp", "http://[::1]:9/mcp"])
    func loopback(endpoint: String) throws {
        #expect(try Self.profile(endpoint: endpoint).endpoint == endpoint)
        #expect(try Self.profile(endpoint: "http://intranet.example/mcp", allowHTTP: true).endpoint == "http://intranet.example/mcp")
        // The same hosts over http without being loopback, and without allowHTTP, are refused.
        #expect(throws: SetupError.self) { try Self.profile(endpoint: "http://intranet.example/mcp") }
    }

    @Test("endpoint query and port are kept exactly")
    func endpointKept() throws {
        let profile = try Self.profile(endpoint: "https://mcp.acme.dev:8443/v1/mcp?tenant=a%20b&x=1")
        #expect(profile.endpoint == "https://mcp.acme.dev:8443/v1/mcp?tenant=a%20b&x=1")
    }

    @Test("bad keys are refused without echoing them", arguments: [
        ("Bearer sk_live_123", "paste the key alone"),
        ("sk live", "whitespace"),
        ("sk\tlive", "whitespace"),
        ("sk_live\n", "whitespace"),
        ("sk\u{7}x", "control character"),
        ("sk_lïve", "non-ASCII"),
        ("sk_\u{201C}x", "non-ASCII"),
        ("", "empty"),
    ])
    func badKeys(key: String, problem: String) {
        do {
            _ = try Secret(key)
            Issue.record("key accepted")
        } catch {
            #expect(error.message.contains(problem), "\(error.message)")
            if key.count > 3 { #expect(!error.message.contains(key)) }
        }
    }

    @Test("auth schemes parse, and bad ones explain the syntax", arguments: [
        ("query", "needs the parameter name"), ("query:", "needs the parameter name"), ("header", "needs the header name"),
        ("header:X API", "header name"), ("header:Authorization", "header:Authorization=Token {key}"),
        ("header:Authorization=Token", "{key} exactly once"), ("header:X-Key={key}-{key}", "{key} exactly once"), ("header:X-Key= {key}", "cannot start or end with a space"),
        ("header:X-Key=Tok\u{e9}n {key}", "visible ASCII"), ("header:X-Key={key}}", "without braces"),
        ("header:X-Key=$(id){key}", "cannot hold $"), ("header:X-Key={key}`x`", "cannot hold $"), ("header:X-Key=a\\{key}", "cannot hold $"), ("basic", "not an auth scheme"), ("query:a&b", "query parameter"),
    ])
    func badAuth(text: String, problem: String) {
        do {
            _ = try AuthScheme.parse(text, field: "--auth")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.message.contains(problem), "\(error.message)")
        }
    }

    @Test("good auth schemes")
    func goodAuth() throws {
        #expect(try AuthScheme.parse("header:X-API-Key", field: "--auth") == .header(name: "X-API-Key"))
        #expect(try AuthScheme.parse("query:api_key", field: "--auth") == .query(parameter: "api_key"))
        #expect(try AuthScheme.parse("oauth", field: "--auth") == .oauth)
        #expect(try AuthScheme.parse("header:Authorization=Token {key}", field: "--auth") == .header(name: "Authorization", prefix: "Token "))
        #expect(try AuthScheme.parse("header:X-Key=key={key};v=1", field: "--auth") == .header(name: "X-Key", prefix: "key=", suffix: ";v=1"))
        #expect(try AuthScheme.parse("header:Authorization=Bearer {key}", field: "--auth") == .bearer)
        #expect(AuthScheme.header(name: "Authorization", prefix: "Token ").description == "header:Authorization=Token {key}")
    }

    @Test("credential must fit the scheme")
    func credentialFit() throws {
        let oauth = try Self.profile(auth: .oauth)
        #expect(throws: SetupError.self) { try SetupRequest(profile: oauth, credential: .placeholder) }
        let bearer = try Self.profile()
        #expect(throws: SetupError.self) { try SetupRequest(profile: bearer, credential: .none) }
        let query = try Self.profile(auth: .query(parameter: "api_key"))
        #expect(throws: SetupError.self) { try SetupRequest(profile: query, credential: .environment(variable: "ACME_API_KEY")) }
    }

    @Test("masked keys keep only a few characters")
    func masking() throws {
        let secret = try Secret("sk_live_1234567890abcdefJ6Hm")
        #expect(secret.description == "sk_live_…J6Hm")
        #expect("\(secret)".contains("1234567890") == false)
    }

    @Test("default env var names", arguments: [("acme", "ACME_API_KEY"), ("acme-dev", "ACME_DEV_API_KEY"), ("1pass", "MCP_1PASS_API_KEY")])
    func envVars(name: String, expected: String) {
        #expect(ServerProfile.defaultEnvVar(for: name) == expected)
    }
}
