/// How the server expects the key.
public enum AuthScheme: Sendable, Hashable, CustomStringConvertible {
    /// `Authorization: Bearer <key>`.
    case bearer
    /// `<name>: <key>`, for example `X-API-Key`.
    case header(name: String)
    /// `?<parameter>=<key>` added to the endpoint URL.
    case query(parameter: String)
    /// The client signs in with OAuth; no key in any artifact.
    case oauth
    /// The server needs no authentication.
    case none

    /// `bearer`, `header:NAME`, `query:PARAM`, `oauth` or `none`.
    public var description: String {
        switch self {
        case .bearer: return "bearer"
        case .header(let name): return "header:\(name)"
        case .query(let parameter): return "query:\(parameter)"
        case .oauth: return "oauth"
        case .none: return "none"
        }
    }

    /// Whether artifacts carry a key at all.
    public var usesKey: Bool {
        switch self {
        case .bearer, .header, .query: return true
        case .oauth, .none: return false
        }
    }

    /// The header that carries the key, for the header schemes.
    public var headerName: String? {
        switch self {
        case .bearer: return "Authorization"
        case .header(let name): return name
        case .query, .oauth, .none: return nil
        }
    }

    /// Parses the `--auth` syntax.
    public static func parse(_ text: String, field: String) throws(SetupError) -> AuthScheme {
        switch text {
        case "bearer": return .bearer
        case "oauth": return .oauth
        case "none": return .none
        default: break
        }
        if text.hasPrefix("header:") {
            let name = String(text.dropFirst("header:".count))
            guard Self.isHeaderName(name) else {
                throw SetupError("\(field) '\(text)': the header name must be letters, digits and '-' (for example header:X-API-Key)")
            }
            if name.lowercased() == "authorization" {
                throw SetupError("\(field) '\(text)': for the Authorization header use --auth bearer, which adds the 'Bearer ' scheme")
            }
            return .header(name: name)
        }
        if text.hasPrefix("query") {
            let parameter = text.hasPrefix("query:") ? String(text.dropFirst("query:".count)) : ""
            guard !parameter.isEmpty else {
                throw SetupError("\(field) '\(text)': query auth needs the parameter name, for example query:api_key")
            }
            guard Self.isQueryParameter(parameter) else {
                throw SetupError("\(field) '\(text)': the query parameter must be letters, digits, '_', '-' or '.' (for example query:api_key)")
            }
            return .query(parameter: parameter)
        }
        if text.hasPrefix("header") {
            throw SetupError("\(field) '\(text)': header auth needs the header name, for example header:X-API-Key")
        }
        throw SetupError("\(field) '\(text)' is not an auth scheme; use bearer, header:NAME, query:PARAM, oauth or none")
    }

    static func isHeaderName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) || ("a"..."z").contains(first) else {
            return false
        }
        return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func isQueryParameter(_ name: String) -> Bool {
        name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }
}
