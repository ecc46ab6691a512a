import AsyncHTTPClient
import Foundation
import MCPSetup
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// What a request got back.
struct HTTPReply: Sendable {
    /// The status code.
    var status: Int
    /// The response headers.
    var headers: HTTPHeaders
    /// The body (at most ``HTTPSession/bodyLimit`` bytes).
    var body: [UInt8]

    func header(_ name: String) -> String? { headers.first(name: name) }

    /// Whether the body is a server-sent event stream.
    var isEventStream: Bool { (header("Content-Type") ?? "").lowercased().hasPrefix("text/event-stream") }

    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why a request got no reply.
enum TransportFailure: Error, Sendable {
    /// Nothing listens, or the connection broke.
    case unreachable(String)
    /// The TLS handshake failed.
    case tls(String)
    /// No reply in time.
    case timeout
}

/// The HTTP client `doctor` sends its requests with: swift-server's AsyncHTTPClient, redirects
/// not followed (a redirect is reported, as clients do not carry a key across one), a time limit
/// on every request, and extra trusted certificates when asked.
final class HTTPSession: Sendable {
    /// The most of a body that is read.
    static let bodyLimit = 4 << 20
    private let client: HTTPClient
    let timeout: TimeAmount

    init(timeoutSeconds: Double, caFile: String?) throws(SetupError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile {
            guard FileManager.default.isReadableFile(atPath: caFile) else {
                throw SetupError("--ca-file \(caFile) cannot be read; give a PEM file of the certificate to trust")
            }
            do {
                tls.additionalTrustRoots = [.certificates(try NIOSSLCertificate.fromPEMFile(caFile))]
            } catch {
                throw SetupError("--ca-file \(caFile) holds no PEM certificate; give the server's certificate (or its CA's) in PEM form")
            }
        }
        timeout = .milliseconds(Int64(timeoutSeconds * 1000))
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls, redirectConfiguration: .disallow,
                                                     timeout: .init(connect: timeout, read: timeout))
        configuration.decompression = .disabled
        configuration.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// Sends a request and reads the reply: the whole body, at most ``bodyLimit`` bytes, or for
    /// an event stream up to the first event that holds a JSON-RPC response (a server may keep
    /// the stream open after it). The whole exchange, head and body, gets the session's time.
    func send(_ method: HTTPMethod, _ url: String, headers: [ProbeTarget.Header], body: [UInt8]? = nil) async -> Result<HTTPReply, TransportFailure> {
        let request = self.request(method, url, headers: headers, body: body)
        let deadline = timeout
        let client = self.client
        return await withTaskGroup(of: Result<HTTPReply, TransportFailure>?.self) { group in
            group.addTask {
                do {
                    let response = try await client.execute(request, timeout: deadline)
                    let reply = HTTPReply(status: Int(response.status.code), headers: response.headers, body: [])
                    var bytes: [UInt8] = []
                    var parser = reply.isEventStream ? ServerSentEventParser() : nil
                    reading: for try await chunk in response.body {
                        let new = Array(buffer: chunk)
                        bytes += new.prefix(Self.bodyLimit - bytes.count)
                        if bytes.count >= Self.bodyLimit { break }
                        if parser != nil, let events = parser?.feed(new), events.contains(where: { JSONRPC.isResponse($0.data) }) { break reading }
                    }
                    return .success(HTTPReply(status: reply.status, headers: reply.headers, body: bytes))
                } catch {
                    return .failure(Self.classify(error))
                }
            }
            group.addTask {
                // A little after the client's own deadline, which reports why the connection
                // failed (a TLS error rather than a bare timeout): this bounds the body.
                try? await Task.sleep(for: .nanoseconds(deadline.nanoseconds) + .seconds(2))
                return Task.isCancelled ? nil : .failure(.timeout)
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(.timeout)
        }
    }

    /// An open event stream: the reply's head and its events as they come. The events end
    /// when the server closes the stream, or `within` seconds after it opened.
    struct EventStream: Sendable {
        var reply: HTTPReply
        var events: AsyncStream<ServerSentEvent>
        /// Ends the stream and stops reading it.
        var stop: @Sendable () -> Void
    }

    /// Opens a server-sent event stream that ends by itself after `within` seconds.
    func openEventStream(_ url: String, headers: [ProbeTarget.Header], within seconds: Double) async -> Result<EventStream, TransportFailure> {
        do {
            let response = try await client.execute(request(.GET, url, headers: headers + [.init(name: "Accept", value: "text/event-stream")], body: nil),
                                                    timeout: timeout)
            let reply = HTTPReply(status: Int(response.status.code), headers: response.headers, body: [])
            let (events, continuation) = AsyncStream<ServerSentEvent>.makeStream()
            guard reply.isEventStream else {
                continuation.finish()
                return .success(EventStream(reply: reply, events: events, stop: {}))
            }
            let reader = Task {
                var parser = ServerSentEventParser()
                do {
                    for try await chunk in response.body {
                        for event in parser.feed(Array(buffer: chunk)) { continuation.yield(event) }
                    }
                } catch {}
                continuation.finish()
            }
            let watchdog = Task {
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                continuation.finish()
            }
            continuation.onTermination = { _ in
                reader.cancel()
                watchdog.cancel()
            }
            return .success(EventStream(reply: reply, events: events, stop: { continuation.finish() }))
        } catch {
            return .failure(Self.classify(error))
        }
    }

    private func request(_ method: HTTPMethod, _ url: String, headers: [ProbeTarget.Header], body: [UInt8]?) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "User-Agent", value: "mcp-setup-doctor")
        for header in headers { request.headers.add(name: header.name, value: header.value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        return request
    }

    /// What kind of failure an error from the HTTP stack is.
    static func classify(_ error: any Error) -> TransportFailure {
        if let error = error as? HTTPClientError {
            if [.deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout].contains(error) { return .timeout }
            if error == .remoteConnectionClosed { return .unreachable("the server closed the connection without a reply") }
        }
        if error is CancellationError { return .timeout }
        if let error = error as? ChannelError, case .connectTimeout = error { return .timeout }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return .tls(Self.describeTLS(error))
        }
        if let error = error as? NIOConnectionError {
            let failures = error.connectionErrors.map(\.error)
            if failures.contains(where: { ($0 as? ChannelError).map { if case .connectTimeout = $0 { true } else { false } } ?? false }) { return .timeout }
            if failures.contains(where: { ($0 as? IOError)?.errnoCode == ECONNREFUSED }) { return .unreachable("connection refused: nothing listens at \(error.host):\(error.port)") }
            if failures.isEmpty { return .unreachable("cannot resolve \(error.host)") }
            return .unreachable(Self.describe(failures[0]))
        }
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED { return .unreachable("connection refused") }
        return .unreachable(Self.describe(error))
    }

    /// BoringSSL's reason (`CERTIFICATE_VERIFY_FAILED`, …) without the library's file paths.
    static func describeTLS(_ error: any Error) -> String {
        let text = String(describing: error)
        if let marker = text.range(of: "OPENSSL_internal:") {
            let reason = text[marker.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !reason.isEmpty { return reason == "CERTIFICATE_VERIFY_FAILED" ? "the certificate did not verify (CERTIFICATE_VERIFY_FAILED)" : String(reason) }
        }
        return text.components(separatedBy: " at /").first.map { String($0.prefix(160)) } ?? text
    }

    private static func describe(_ error: any Error) -> String {
        String(describing: error).replacingOccurrences(of: "\n", with: " ")
    }
}
