import Foundation
import MCPSetup
import NIOHTTP1

/// Proves that a key works against the live server, the way a client would send it: DNS, TLS,
/// the MCP 2026-07-28 `server/discover`, the legacy `initialize` handshake when the server is
/// older, a legacy HTTP+SSE endpoint when that is what the URL is, and on a refusal the
/// `WWW-Authenticate` challenge and protected-resource metadata that tell a wrong key from a
/// server that wants OAuth. Names the fix for each failure in one line. The key is in no report.
public struct Doctor: Sendable {
    /// The protocol version of the stateless era.
    public static let modernVersion = "2026-07-28"
    /// The newest protocol version of the handshake era.
    public static let legacyVersion = "2025-11-25"

    /// Seconds each request may take.
    public var timeoutSeconds: Double
    /// A PEM file of certificates to trust besides the system's.
    public var caFile: String?
    /// The title of a client that connects from its vendor's cloud (Claude.ai, ChatGPT), to warn
    /// when the server's address is one only this machine or network can reach.
    public var cloudClient: String?
    /// The version mcp-setup reports as its client version.
    public var clientVersion: String
    /// The title of the client being tested when it falls back to SSE by itself
    /// (``Client/fallsBackToSSE``): a legacy SSE URL then works in it, with a warning.
    public var sseFallbackClient: String?

    /// Creates a doctor.
    public init(timeoutSeconds: Double = 10, caFile: String? = nil, cloudClient: String? = nil, clientVersion: String = "0") {
        self.timeoutSeconds = timeoutSeconds
        self.caFile = caFile
        self.cloudClient = cloudClient
        self.clientVersion = clientVersion
    }

    /// Checks the server with the request `target` describes. `client` names the client whose
    /// entry it came from, and `entrySteps` are what checking that entry found.
    public func check(_ target: ProbeTarget, client: String? = nil, entrySteps: [DoctorReport.Step] = []) async throws(SetupError) -> DoctorReport {
        let session = try HTTPSession(timeoutSeconds: timeoutSeconds, caFile: caFile)
        var report = DoctorReport(url: target.displayURL, client: client, steps: entrySteps)
        report.redactor = Redactor(secrets: target.secrets)
        var run = DoctorRun(target: target, session: session, doctor: self, report: report)
        await run.start()
        await session.shutdown()
        return run.report
    }
}

/// One run of the checks: the report as it grows, and what the steps learn.
struct DoctorRun {
    let target: ProbeTarget
    let session: HTTPSession
    let doctor: Doctor
    var report: DoctorReport
    private let redact: Redactor
    private var nextID = 1

    init(target: ProbeTarget, session: HTTPSession, doctor: Doctor, report: DoctorReport) {
        self.target = target
        self.session = session
        self.doctor = doctor
        self.report = report
        self.redact = Redactor(secrets: target.secrets)
    }

    mutating func step(_ name: String, _ status: DoctorReport.Step.Status, _ detail: String) {
        report.steps.append(.init(name: name, status: status, detail: redact(detail)))
    }

    mutating func fail(_ name: String, _ code: DoctorCode, _ detail: String, fix: String) {
        step(name, .failed, detail)
        report.code = code
        report.fix = redact(fix)
    }

    mutating func start() async {
        guard let url = URL(string: target.url), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            fail("url", .entryUntestable, "\(target.url) is not an http(s) URL", fix: "give the server's full https:// URL")
            return
        }
        let addresses: [String]
        switch await NetworkAddress.lookUp(host, within: doctor.timeoutSeconds) {
        case .addresses(let found): addresses = found
        case .notFound:
            return fail("dns", .unreachable, "\(host) does not resolve", fix: "check the host name in the URL, and that this machine's network or VPN can see it")
        case .timedOut:
            return fail("dns", .timeout, "looking up \(host) took longer than \(Self.seconds(doctor.timeoutSeconds))", fix: "this machine's DNS does not answer: check the network, VPN or resolver, or raise --timeout")
        }
        step("dns", .ok, addresses == [host] ? "\(host) is an address" : "\(host) is \(addresses.prefix(3).joined(separator: ", "))")
        if let address = addresses.first(where: NetworkAddress.isPrivate) {
            if let cloud = doctor.cloudClient {
                step("address", .warning, "\(cloud) connects from its vendor's cloud and cannot reach \(address), which only this machine or network can reach; give it a public URL (for example through a tunnel)")
            } else {
                step("address", .warning, "\(address) is reachable only from this machine or network: clients that connect from their vendor's cloud (ChatGPT, Claude.ai) cannot use it")
            }
        }
        if target.transport == .sse {
            await legacyEventStream(declared: true)
            return
        }
        await discover()
    }

    // MARK: - The stateless era (2026-07-28)

    private mutating func take() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    private var meta: PlainValue {
        .object([
            ("io.modelcontextprotocol/protocolVersion", .string(Doctor.modernVersion)),
            ("io.modelcontextprotocol/clientCapabilities", .object([])),
            ("io.modelcontextprotocol/clientInfo", .object([("name", .string("mcp-setup-doctor")), ("version", .string(doctor.clientVersion))])),
        ])
    }

    private func modernHeaders(method: String) -> [ProbeTarget.Header] {
        target.headers + [
            .init(name: "Content-Type", value: "application/json"),
            .init(name: "Accept", value: "application/json, text/event-stream"),
            .init(name: "MCP-Protocol-Version", value: Doctor.modernVersion),
            .init(name: "Mcp-Method", value: method),
        ]
    }

    private mutating func discover() async {
        let id = take()
        let result = await session.send(.POST, target.url, headers: modernHeaders(method: "server/discover"),
                                        body: JSONRPC.request(id: id, method: "server/discover", params: .object([("_meta", meta)])))
        guard case .success(let reply) = result else { return transportFailure(result, step: "connect") }
        if target.url.lowercased().hasPrefix("https:") { step("tls", .ok, "the certificate is trusted") }
        switch reply.status {
        case 200..<300:
            guard let rpc = JSONRPC.reply(in: reply, id: id) else {
                return fail("discover", .serverError, "HTTP \(reply.status) without a JSON-RPC reply", fix: "the URL answers, but not as an MCP server: check it is the server's MCP endpoint")
            }
            if let result = rpc.result {
                // 2026-07-28 puts the server's name and version in the result's _meta.
                let info = result["_meta"]?["io.modelcontextprotocol/serverInfo"] ?? result["serverInfo"]
                let versions = result["supportedVersions"].flatMap(Self.strings) ?? []
                step("discover", .ok, "server/discover answered: protocol \(Doctor.modernVersion)" + (versions.isEmpty ? "" : " (supports \(versions.joined(separator: ", ")))"))
                report.server = .init(name: info?["name"]?.stringValue, version: info?["version"]?.stringValue, era: "modern", protocolVersion: Doctor.modernVersion)
                await listTools(modern: true, session: nil, protocolVersion: Doctor.modernVersion)
            } else {
                step("discover", .warning, "server/discover: JSON-RPC error \(rpc.errorCode.map(String.init) ?? "?") \(rpc.errorMessage ?? ""); trying the legacy handshake")
                await initialize()
            }
        case 400:
            let rpc = JSONRPC.reply(in: reply, id: id)
            switch rpc?.errorCode {
            case .some(-32022):
                let supported = rpc?.errorData.flatMap { $0["supported"] }.flatMap(Self.strings) ?? []
                step("discover", .warning, "the server does not take protocol \(Doctor.modernVersion)" + (supported.isEmpty ? "" : "; it supports \(supported.joined(separator: ", "))"))
                await initialize()
            case .some(-32020), .some(-32021):
                fail("discover", .protocolMismatch, "the server refused the request's MCP headers or capabilities: \(rpc?.errorMessage ?? "")",
                     fix: "the server is newer or stricter than mcp-setup \(doctor.clientVersion) knows; update mcp-setup, or report this to the server's maker")
            default:
                step("discover", .ok, "HTTP 400 without a stateless-era error: an older server; trying the legacy handshake")
                await initialize()
            }
        case 401, 403:
            await authFailure(reply, step: "discover")
        case 404:
            if JSONRPC.reply(in: reply, id: id)?.errorCode == -32601 {
                step("discover", .warning, "the server does not know server/discover (JSON-RPC -32601); trying the legacy handshake")
                return await initialize()
            }
            step("discover", .warning, "HTTP 404 for a POST; checking for a legacy SSE endpoint")
            await legacyEventStream(declared: false, notFound: true)
        case 405:
            step("discover", .warning, "HTTP 405: the URL does not take POST; checking for a legacy SSE endpoint")
            await legacyEventStream(declared: false, notFound: false)
        case 300..<400:
            redirected(reply, step: "discover")
        case 500...:
            fail("discover", .serverError, "HTTP \(reply.status)" + bodyHint(reply), fix: "the server failed; try again later, or tell the server's operator (the request reached it)")
        default:
            fail("discover", .protocolMismatch, "HTTP \(reply.status)" + bodyHint(reply), fix: "the URL does not answer as an MCP server; check it is the server's MCP endpoint")
        }
    }

    // MARK: - The handshake era

    private func legacyHeaders(session: String?, protocolVersion: String?) -> [ProbeTarget.Header] {
        var headers = target.headers + [
            .init(name: "Content-Type", value: "application/json"),
            .init(name: "Accept", value: "application/json, text/event-stream"),
        ]
        if let session { headers.append(.init(name: "Mcp-Session-Id", value: session)) }
        if let protocolVersion { headers.append(.init(name: "MCP-Protocol-Version", value: protocolVersion)) }
        return headers
    }

    private var initializeParams: PlainValue {
        .object([
            ("protocolVersion", .string(Doctor.legacyVersion)),
            ("capabilities", .object([])),
            ("clientInfo", .object([("name", .string("mcp-setup-doctor")), ("version", .string(doctor.clientVersion))])),
        ])
    }

    private mutating func initialize() async {
        let id = take()
        let result = await session.send(.POST, target.url, headers: legacyHeaders(session: nil, protocolVersion: nil),
                                        body: JSONRPC.request(id: id, method: "initialize", params: initializeParams))
        guard case .success(let reply) = result else { return transportFailure(result, step: "initialize") }
        switch reply.status {
        case 200..<300:
            guard let rpc = JSONRPC.reply(in: reply, id: id), let result = rpc.result else {
                return fail("initialize", .protocolMismatch, "HTTP \(reply.status) without an initialize result" + bodyHint(reply),
                            fix: "the server answered neither server/discover nor initialize; check the URL is its MCP endpoint")
            }
            let version = result["protocolVersion"]?.stringValue
            let info = result["serverInfo"]
            step("initialize", .ok, "the legacy handshake worked: protocol \(version ?? "?")")
            report.server = .init(name: info?["name"]?.stringValue, version: info?["version"]?.stringValue, era: "legacy", protocolVersion: version)
            let sessionID = reply.header("Mcp-Session-Id")
            _ = await session.send(.POST, target.url, headers: legacyHeaders(session: sessionID, protocolVersion: version), body: JSONRPC.notification(method: "notifications/initialized"))
            await listTools(modern: false, session: sessionID, protocolVersion: version)
            if let sessionID { _ = await session.send(.DELETE, target.url, headers: legacyHeaders(session: sessionID, protocolVersion: version)) }
        case 401, 403:
            await authFailure(reply, step: "initialize")
        case 404:
            fail("initialize", .notFound, "HTTP 404", fix: "nothing is served at this path; check the endpoint URL (for example …/mcp)")
        case 300..<400:
            redirected(reply, step: "initialize")
        case 500...:
            fail("initialize", .serverError, "HTTP \(reply.status)" + bodyHint(reply), fix: "the server failed; try again later, or tell the server's operator")
        default:
            fail("initialize", .protocolMismatch, "HTTP \(reply.status)" + bodyHint(reply),
                 fix: "the server answered neither server/discover nor initialize; check the URL is its MCP endpoint")
        }
    }

    /// Counts the tools (following `nextCursor` for up to 50 pages); a failure here is a warning.
    private mutating func listTools(modern: Bool, session sessionID: String?, protocolVersion: String?) async {
        var count = 0
        var cursor: String?
        for _ in 0..<50 {
            let id = take()
            var params: [(key: String, value: PlainValue)] = []
            if modern { params.append(("_meta", meta)) }
            if let cursor { params.append(("cursor", .string(cursor))) }
            let headers = modern ? modernHeaders(method: "tools/list") : legacyHeaders(session: sessionID, protocolVersion: protocolVersion)
            let result = await session.send(.POST, target.url, headers: headers, body: JSONRPC.request(id: id, method: "tools/list", params: .object(params)))
            guard case .success(let reply) = result, (200..<300).contains(reply.status), let rpc = JSONRPC.reply(in: reply, id: id), let page = rpc.result,
                  case .array(let tools)? = page["tools"] else {
                let why: String
                switch result {
                case .success(let reply): why = "HTTP \(reply.status)" + bodyHint(reply)
                case .failure(let failure): why = Self.describe(failure)
                }
                step("tools", .warning, "tools/list failed (\(why)); the key connects, but check its scopes if tools are missing")
                return
            }
            count += tools.count
            cursor = page["nextCursor"]?.stringValue
            if cursor == nil || cursor == "" { break }
        }
        report.server?.toolCount = count
        step("tools", .ok, "\(count) tool" + (count == 1 ? "" : "s") + " listed")
    }

    // MARK: - The HTTP+SSE transport

    /// Opens the URL as a legacy event stream. `declared`: the profile says `--transport sse`,
    /// so the whole handshake runs; otherwise finding one means the URL is the wrong kind.
    private mutating func legacyEventStream(declared: Bool, notFound: Bool = false) async {
        // The whole handshake (open, initialize, tools/list) runs within three request times.
        let opened = await session.openEventStream(target.url, headers: target.headers, within: doctor.timeoutSeconds * 3)
        guard case .success(let stream) = opened else {
            if declared { return transportFailure(opened, step: "sse") }
            return notFound ? missing() : fail("sse", .protocolMismatch, "no event stream either", fix: "the URL answers neither as Streamable HTTP nor as SSE; check it is the server's MCP endpoint")
        }
        defer { stream.stop() }
        let reply = stream.reply
        if reply.status == 401 || reply.status == 403 { return await authFailure(reply, step: "sse") }
        guard (200..<300).contains(reply.status), reply.isEventStream else {
            if declared {
                return fail("sse", reply.status == 404 ? .notFound : .protocolMismatch, "GET answered HTTP \(reply.status), not an event stream",
                            fix: reply.status == 404 ? "nothing is served at this path; check the SSE URL (often …/sse)" : "the URL is not an SSE endpoint; if the server speaks Streamable HTTP, use --transport http")
            }
            return notFound ? missing() : fail("sse", .protocolMismatch, "GET answered HTTP \(reply.status), not an event stream", fix: "the URL answers neither as Streamable HTTP nor as SSE; check it is the server's MCP endpoint")
        }
        var iterator = stream.events.makeAsyncIterator()
        guard let endpoint = await Self.next(&iterator, named: "endpoint") else {
            return fail("sse", .protocolMismatch, "an event stream without an endpoint event", fix: "the URL streams events but is not an MCP SSE endpoint; check the URL")
        }
        if !declared {
            guard let fallback = doctor.sseFallbackClient else {
                return fail("sse", .legacySSE, "GET opened an event stream that names its message endpoint: this URL is a legacy SSE endpoint",
                            fix: "this URL is a legacy SSE endpoint: set up clients with the SSE transport (--transport sse), or use the server's Streamable HTTP URL (often …/mcp)")
            }
            step("sse", .warning, "this URL is a legacy SSE endpoint: \(fallback) falls back to SSE and connects; clients that speak only Streamable HTTP do not")
        } else {
            step("sse", .ok, "the event stream names its message endpoint")
        }
        guard let base = URL(string: target.url), let resolved = URL(string: endpoint.data, relativeTo: base)?.absoluteURL else {
            return fail("sse", .protocolMismatch, "the endpoint event holds no URL", fix: "the server's SSE stream is malformed; tell the server's maker")
        }
        // The key goes only where it was meant to: the same scheme, host and port.
        guard resolved.scheme == base.scheme, resolved.host == base.host, resolved.port == base.port else {
            return fail("sse", .protocolMismatch, "the endpoint event names another origin (\(resolved.scheme ?? "")://\(resolved.host ?? "")); the key was not sent there",
                        fix: "the server's SSE stream points elsewhere; clients refuse that too: tell the server's maker")
        }
        let post = resolved.absoluteString
        let id = take()
        let sent = await session.send(.POST, post, headers: legacyHeaders(session: nil, protocolVersion: nil), body: JSONRPC.request(id: id, method: "initialize", params: initializeParams))
        guard case .success(let accepted) = sent else { return transportFailure(sent, step: "initialize") }
        if accepted.status == 401 || accepted.status == 403 { return await authFailure(accepted, step: "initialize") }
        guard (200..<300).contains(accepted.status),
              let value = await Self.response(&iterator, id: id), let result = value["result"] else {
            return fail("initialize", .protocolMismatch, "the SSE handshake got HTTP \(accepted.status) and no initialize result", fix: "the server did not answer initialize over SSE; check the URL")
        }
        let version = result["protocolVersion"]?.stringValue
        step("initialize", .ok, "the SSE handshake worked: protocol \(version ?? "?")")
        report.server = .init(name: result["serverInfo"]?["name"]?.stringValue, version: result["serverInfo"]?["version"]?.stringValue, era: "legacy (HTTP+SSE)", protocolVersion: version)
        _ = await session.send(.POST, post, headers: legacyHeaders(session: nil, protocolVersion: nil), body: JSONRPC.notification(method: "notifications/initialized"))
        let listID = take()
        _ = await session.send(.POST, post, headers: legacyHeaders(session: nil, protocolVersion: nil), body: JSONRPC.request(id: listID, method: "tools/list", params: .object([])))
        if let value = await Self.response(&iterator, id: listID) {
            if case .array(let tools)? = value["result"]?["tools"] {
                report.server?.toolCount = tools.count
                step("tools", .ok, "\(tools.count) tool" + (tools.count == 1 ? "" : "s") + " listed")
            } else {
                step("tools", .warning, "tools/list failed; the key connects, but check its scopes if tools are missing")
            }
            return
        }
        step("tools", .warning, "tools/list got no answer in time")
    }

    private mutating func missing() {
        fail("path", .notFound, "HTTP 404: nothing is served at this path", fix: "check the endpoint URL: the path is wrong (for example …/mcp, …/v1/mcp)")
    }

    /// The JSON-RPC response with `id` among the stream's next `message` events, or `nil` when
    /// the stream ends first.
    private static func response(_ iterator: inout AsyncStream<ServerSentEvent>.Iterator, id: Int) async -> PlainValue? {
        while let event = await next(&iterator, named: "message") {
            if let value = try? JSONParser.parse(event.data), value["id"].flatMap(JSONRPC.number) == id { return value }
        }
        return nil
    }

    /// The next event of a type, or `nil` when the stream ends (the server closed it, or its
    /// time ran out).
    private static func next(_ iterator: inout AsyncStream<ServerSentEvent>.Iterator, named name: String) async -> ServerSentEvent? {
        while let event = await iterator.next() {
            if event.event == name { return event }
        }
        return nil
    }

    // MARK: - Failures

    private mutating func transportFailure<T>(_ result: Result<T, TransportFailure>, step name: String) {
        guard case .failure(let failure) = result else { return }
        switch failure {
        case .timeout:
            fail(name, .timeout, "no answer within \(Self.seconds(doctor.timeoutSeconds))",
                 fix: "the server did not answer in time: check it is up and that no firewall drops the connection, or raise --timeout")
        case .tls(let detail):
            fail("tls", .tls, "the TLS handshake failed: \(detail)",
                 fix: "the server's certificate is not trusted here (self-signed, expired, or for another name); fix the certificate, or pass --ca-file with the CA that signed it")
        case .unreachable(let detail):
            fail(name, .unreachable, detail, fix: "nothing answers at this address: check the URL's host and port, and that the server is running")
        }
    }

    private mutating func redirected(_ reply: HTTPReply, step name: String) {
        let location = reply.header("Location") ?? "(no Location)"
        fail(name, .redirect, "HTTP \(reply.status) to \(location)",
             fix: "the server redirects, and clients do not carry the key across a redirect: use the URL it redirects to (\(location))")
    }

    private mutating func authFailure(_ reply: HTTPReply, step name: String) async {
        let challenge = AuthChallenge(reply.header("WWW-Authenticate"))
        var detail = "HTTP \(reply.status)"
        if let challenge {
            detail += ", WWW-Authenticate: \(challenge.scheme)" + challenge.parameters.keys.sorted().map { " \($0)=\"\(challenge.parameters[$0]!)\"" }.joined()
        }
        var authorizationServers: [String] = []
        if let metadata = challenge?.parameters["resource_metadata"], let scheme = URL(string: metadata)?.scheme?.lowercased(), scheme == "https" || scheme == "http" {
            // The metadata is public: fetched without the key.
            if case .success(let document) = await session.send(.GET, metadata, headers: [.init(name: "Accept", value: "application/json")]),
               (200..<300).contains(document.status), let value = try? JSONParser.parse(document.text) {
                authorizationServers = value["authorization_servers"].flatMap(Self.strings) ?? []
                step("metadata", .ok, "protected-resource metadata names " + (authorizationServers.isEmpty ? "no authorization server" : "authorization server " + authorizationServers.joined(separator: ", ")))
            } else {
                step("metadata", .warning, "the challenge names protected-resource metadata at \(metadata), which did not load")
            }
        }
        let error = challenge?.parameters["error"]
        if target.key != nil, reply.status == 403 || error == "insufficient_scope" {
            let scope = challenge?.parameters["scope"].map { " (needs scope \($0))" } ?? ""
            return fail(name, .forbidden, detail, fix: "the server knows the key but it may not do this\(scope): use a key with the access the server needs, or ask its admin")
        }
        let oauth = authorizationServers.first.map { " The server also offers OAuth sign-in (\($0)) for clients that sign in." } ?? ""
        let bearerChallenge = challenge?.scheme.lowercased() == "bearer"
        guard let placement = target.key else {
            return fail(name, .authRequired, detail + "; no key was sent", fix: "the server needs a key: pass it with --token-stdin, --token-file or --token-env." + oauth)
        }
        if error == nil, let server = authorizationServers.first {
            // The server did not judge the key: it asks for a sign-in.
            let place = switch placement {
            case .bearer: "does not take this key as a bearer token"
            case .header(let header): "does not read a key in \(header)"
            case .query(let parameter): "does not read a key in the ?\(parameter)= query"
            }
            return fail(name, .oauthRequired, detail, fix: "the server asks for an OAuth sign-in (authorization server \(server)) and \(place): connect with a client that signs in, or check the server's docs for where keys go")
        }
        if error == nil, bearerChallenge, placement != .bearer {
            return fail(name, .invalidKey, detail, fix: "the server asks for a bearer token: it may expect the key as Authorization: Bearer (--auth bearer) rather than where it was sent; check the server's docs")
        }
        fail(name, .invalidKey, detail, fix: "the server refused the key: check it was copied whole, is not revoked or disabled, and is for this server and environment (a development key does not work in production)." + oauth)
    }

    // MARK: - Helpers

    private static func strings(_ value: PlainValue) -> [String]? {
        guard case .array(let items) = value else { return nil }
        return items.compactMap(\.stringValue)
    }

    /// A short, one-line look at a body, for a detail: the key taken out before it is cut.
    private func bodyHint(_ reply: HTTPReply) -> String {
        let text = redact(reply.text).split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return "" }
        return ": " + (text.count > 160 ? String(text.prefix(160)) + "…" : text)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private static func describe(_ failure: TransportFailure) -> String {
        switch failure {
        case .timeout: return "no answer in time"
        case .tls(let detail): return "TLS: " + detail
        case .unreachable(let detail): return detail
        }
    }
}
