import Foundation
import MCPSetup
@testable import MCPSetupDoctor
import MCPSetupInstall
import Testing

/// The parts of `doctor` that need no network: challenges, event streams, references, the
/// request a profile makes, the report and its redaction. The live checks are in
/// Tests/Conformance/test_doctor.py, against real servers.
@Suite("doctor's parts")
struct DoctorPartsTests {
    @Test("WWW-Authenticate challenges: scheme, quoted and token parameters, escapes")
    func challenges() throws {
        let challenge = try #require(AuthChallenge(#"Bearer realm="acme, inc", error=invalid_token, error_description="say \"no\"", resource_metadata="https://a.dev/.well-known/oauth-protected-resource""#))
        #expect(challenge.scheme == "Bearer")
        #expect(challenge.parameters == ["realm": "acme, inc", "error": "invalid_token", "error_description": #"say "no""#,
                                         "resource_metadata": "https://a.dev/.well-known/oauth-protected-resource"])
        #expect(AuthChallenge("Basic")?.parameters == [:])
        #expect(AuthChallenge("") == nil && AuthChallenge(nil) == nil)
    }

    @Test("event streams: CRLF, CR and LF lines, several data lines, comments, any chunking")
    func eventStreams() {
        let body = Array(": ping\r\nevent: endpoint\r\ndata: /messages/?session_id=1\r\n\r\nevent: message\ndata: {\"a\":\ndata: 1}\n\rdata: last".utf8)
        let whole = ServerSentEventParser.events(in: body)
        #expect(whole == [ServerSentEvent(event: "endpoint", data: "/messages/?session_id=1"), ServerSentEvent(event: "message", data: "{\"a\":\n1}"),
                          ServerSentEvent(event: "message", data: "last")])
        var parser = ServerSentEventParser()
        var byByte: [ServerSentEvent] = []
        for byte in body + Array("\n\n".utf8) { byByte += parser.feed([byte]) }
        #expect(byByte == whole)
    }

    @Test("references expand as each client expands them", arguments: [
        ("${VAR}", "Bearer ${KEY}", "Bearer k1", [], []),
        ("${VAR}", "Bearer ${env:KEY}", "Bearer ${env:KEY}", [], ["${env:KEY}"]),
        ("${env:VAR}", "Bearer ${env:KEY}", "Bearer k1", [], []),
        ("${env:VAR}", "Bearer ${KEY}", "Bearer ${KEY}", [], ["${KEY}"]),
        ("{env:VAR}", "Bearer {env:KEY}", "Bearer k1", [], []),
        ("$VAR", "Bearer $KEY", "Bearer k1", [], []),
        ("${VAR}", "Bearer ${MISSING}", "Bearer ", ["${MISSING}"], []),
        ("${VAR}", "Bearer ${MISSING:-fallback}", "Bearer fallback", [], []),
        ("${input:ID}", "Bearer ${env:KEY}", "Bearer k1", [], []),
        ("${VAR}", "a$b {x} ${ not", "a$b {x} ${ not", [], []),
    ])
    func references(syntax: String, text: String, expanded: String, unset: [String], unexpanded: [String]) {
        var resolver = Resolver(syntax: ReferenceSyntax(envSyntax: syntax, clientID: "x"), environment: ["KEY": "k1"], key: nil)
        #expect(resolver.expand(text) == expanded)
        #expect(resolver.unset == unset)
        #expect(resolver.unexpanded == unexpanded)
    }

    @Test("a prompted input takes the key given, or asks for it")
    func inputs() throws {
        var without = Resolver(syntax: ReferenceSyntax(envSyntax: "${input:ID}", clientID: "vscode"), environment: [:], key: nil)
        _ = without.expand("Bearer ${input:acme}")
        #expect(without.needsKey)
        var with = Resolver(syntax: ReferenceSyntax(envSyntax: "${input:ID}", clientID: "vscode"), environment: [:], key: try Secret("sk_1"))
        #expect(with.expand("Bearer ${input:acme}") == "Bearer sk_1" && !with.needsKey && with.secretValues == ["sk_1"])
    }

    @Test("the request a profile makes, for each way a key travels")
    func targets() throws {
        let key = try Secret("sk_a&b=c%")
        let bearer = ProbeTarget(profile: try ServerProfile(name: "acme", endpoint: "https://mcp.acme.dev/mcp", auth: .bearer), key: key)
        #expect(bearer.headers == [.init(name: "Authorization", value: "Bearer sk_a&b=c%")] && bearer.key == .bearer)
        let header = ProbeTarget(profile: try ServerProfile(name: "acme", endpoint: "https://mcp.acme.dev/mcp", auth: .header(name: "X-API-Key")), key: key)
        #expect(header.headers == [.init(name: "X-API-Key", value: "sk_a&b=c%")] && header.key == .header("X-API-Key"))
        let query = ProbeTarget(profile: try ServerProfile(name: "acme", endpoint: "https://mcp.acme.dev/mcp?t=1", auth: .query(parameter: "api_key")), key: key)
        #expect(query.url == "https://mcp.acme.dev/mcp?t=1&api_key=sk_a%26b%3Dc%25" && query.headers.isEmpty)
        #expect(query.displayURL == "https://mcp.acme.dev/mcp?t=1&api_key=***")
        let none = ProbeTarget(profile: try ServerProfile(name: "acme", endpoint: "https://mcp.acme.dev/mcp", auth: .bearer), key: nil)
        #expect(none.headers.isEmpty && none.key == nil)
    }

    @Test("the report: text ends with the conclusion, JSON has every field, the key is redacted")
    func report() throws {
        var report = DoctorReport(url: "https://mcp.acme.dev/mcp", client: "Cursor", steps: [.init(name: "dns", status: .ok, detail: "fine")])
        report.code = .invalidKey
        report.fix = "copy it again"
        #expect(report.text.hasSuffix("invalid_key: copy it again\n"))
        #expect(report.text.contains("  FAIL") == false && report.text.contains("  ok   dns: fine"))
        let json = try JSONParser.parse(report.json)
        #expect(json["code"]?.stringValue == "invalid_key" && json["exitCode"] == .number("3") && json["ok"] == .bool(false) && json["server"] == .null)
        let redact = Redactor(secrets: ["sk_live_a&b/\"c"])
        #expect(redact("a sk_live_a&b/\"c b sk_live_a%26b%2F%22c") == "a *** b ***")
        #expect(redact("lower sk_live_a%26b%2f%22c") == "lower ***")
        #expect(redact(#"json "sk_live_a&b\/\"c""#) == #"json "***""#)
        // Forms nobody listed: a \u escape, or a server quoting the key back altered.
        #expect(redact(#"sk_live_a\u0026b/\"c"#) == Redactor.hidden)
        #expect(redact("Invalid key sk_live_a&b/'c") == Redactor.hidden)
        #expect(redact("nothing here") == "nothing here")
        var echoed = DoctorReport(url: "https://x", client: nil, steps: [.init(name: "discover", status: .failed, detail: "HTTP 401: sk_live_a&b/\"c")])
        echoed.server = .init(name: "sk_live_a&b/\"c", version: nil, era: "modern", protocolVersion: nil)
        echoed.redactor = redact
        #expect(!echoed.text.contains("sk_live") && !echoed.json.contains("sk_live"))
    }

    @Test("exit codes by class")
    func exitCodes() {
        let byCode = Dictionary(grouping: DoctorCode.allCases, by: \.exitCode).mapValues { Set($0.map(\.rawValue)) }
        #expect(byCode[0] == ["ok"])
        #expect(byCode[3] == ["auth_required", "invalid_key", "forbidden", "oauth_required"])
        #expect(byCode[4] == ["unreachable", "tls", "timeout"])
        #expect(byCode[5] == ["not_found", "legacy_sse", "redirect", "protocol_mismatch", "server_error"])
        #expect(byCode[6] == ["no_entry", "wrong_root_key", "unset_variable", "key_whitespace", "entry_untestable"])
    }

    @Test("entries: a misplaced server is found under the key it sits at; stray whitespace is seen")
    func entries() {
        let document = PlainValue.object([("inputs", .array([])), ("mcpServers", .object([("acme", .object([("url", .string("https://x"))]))]))])
        #expect(ClientEntry.entry("acme", in: document, container: ["servers"]) == nil)
        #expect(ClientEntry.find("acme", in: document, depth: 3) == ["mcpServers"])
        #expect(ClientEntry.hasStrayWhitespace("Bearer  sk_1") && ClientEntry.hasStrayWhitespace(" sk_1") && ClientEntry.hasStrayWhitespace("sk_1\n"))
        #expect(!ClientEntry.hasStrayWhitespace("Bearer sk_1") && !ClientEntry.hasStrayWhitespace("sk_1"))
    }

    @Test("the fields each client reads come from what mcp-setup writes for it")
    func fields() {
        #expect(InstallTargets.entryFields(clientID: "cursor").isSuperset(of: ["url", "headers"]))
        #expect(InstallTargets.entryFields(clientID: "codex").isSuperset(of: ["url", "bearer_token_env_var"]))
        #expect(!InstallTargets.entryFields(clientID: "cursor").contains("serverUrl"))
        #expect(InstallTargets.entryFields(clientID: "windsurf").contains("serverUrl"))
    }

    @Test("addresses only this machine or network reaches")
    func addresses() {
        for address in ["127.0.0.1", "10.1.2.3", "192.168.0.5", "172.20.0.1", "169.254.1.1", "::1", "fd00::1", "100.64.0.1"] {
            #expect(NetworkAddress.isPrivate(address), "\(address)")
        }
        for address in ["8.8.8.8", "172.32.0.1", "2606:4700::1111", "100.128.0.1"] {
            #expect(!NetworkAddress.isPrivate(address), "\(address)")
        }
        #expect(NetworkAddress.resolve("localhost")?.isEmpty == false)
    }
}
