import MCPSetup

/// The request a client would send to the server: the URL (with the key in it for query auth),
/// the headers that carry the key, and the transport. `doctor` sends exactly this.
public struct ProbeTarget: Sendable, Hashable {
    /// A header to send.
    public struct Header: Sendable, Hashable {
        /// The header's name.
        public var name: String
        /// Its value (may hold the key).
        public var value: String

        /// Creates a header.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Where the key travels, for telling a wrong key from a wrong place.
    public enum KeyPlacement: Sendable, Hashable {
        /// `Authorization: Bearer <key>`.
        case bearer
        /// Another header (or `Authorization` with another scheme).
        case header(String)
        /// A query parameter.
        case query(String)
    }

    /// The URL, with the key when it travels in the query.
    public var url: String
    /// The headers, in order.
    public var headers: [Header]
    /// Streamable HTTP or HTTP+SSE.
    public var transport: Transport
    /// Where the key is, or `nil` when none is sent.
    public var key: KeyPlacement?
    /// Texts that hold the key, for the report's redactor.
    public var secrets: [String]

    /// Creates a target from its parts.
    public init(url: String, headers: [Header], transport: Transport, key: KeyPlacement?, secrets: [String]) {
        self.url = url
        self.headers = headers
        self.transport = transport
        self.key = key
        self.secrets = secrets
    }

    /// The request for a server profile and a key (`nil`: none, as with OAuth), as every client
    /// that follows the profile sends it.
    public init(profile: ServerProfile, key: Secret?) {
        url = profile.endpoint
        headers = []
        transport = profile.transport
        self.key = nil
        secrets = []
        guard let key, profile.auth.usesKey else { return }
        let raw = key.rawValue
        secrets = [raw]
        switch profile.auth {
        case .bearer:
            headers.append(Header(name: "Authorization", value: "Bearer " + raw))
            self.key = .bearer
        case .header(let name, let prefix, let suffix):
            headers.append(Header(name: name, value: prefix + raw + suffix))
            self.key = name.lowercased() == "authorization" && prefix == "Bearer " && suffix.isEmpty ? .bearer : .header(name)
        case .query(let parameter):
            let separator = url.contains("?") ? "&" : "?"
            url += separator + PercentEncoding.encode(parameter) + "=" + PercentEncoding.encode(raw)
            self.key = .query(parameter)
        case .oauth, .none:
            break
        }
    }

    /// The URL with the key taken out, for reports.
    public var displayURL: String {
        Redactor(secrets: secrets)(url)
    }
}
