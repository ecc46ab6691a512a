/// How a client talks to the server.
public enum Transport: String, Sendable, Hashable, CaseIterable {
    /// Streamable HTTP, the current MCP transport.
    case http
    /// Server-sent events, the older transport.
    case sse

    /// Parses `http` or `sse`.
    public static func parse(_ text: String, field: String) throws(SetupError) -> Transport {
        guard let transport = Transport(rawValue: text) else {
            throw SetupError("\(field) '\(text)' is not a transport; use http (Streamable HTTP) or sse")
        }
        return transport
    }
}
