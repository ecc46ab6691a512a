/// How the server expects the key.
public enum AuthScheme: Sendable, Hashable, CustomStringConvertible {
    /// `Authorization: Bearer <key>`.
    case bearer
    /// `<name>: <prefix><key><suffix>`, for example `X-API-Key: <key>`, or
    /// `Authorization: Token <key>` from the template `header:Authorization=Token {key}`.
    case header(name: String, prefix: String = "", suffix: String = "")
    /// `?<parameter>=<key>` added to the endpoint URL.
    case query(parameter: String)
    /// The client signs in with OAuth; no key in any artifact.
    case oauth
    /// The server needs no authentication.
    case none

    /// `bearer`, `header:NAME`, `header:NAME=PREFIX{key}SUFFIX`, `query:PARAM`, `oauth` or `none`.
    public var description: String {
        switch self {
        case .bearer: return "bearer"
        case .header(let name, let prefix, let suffix):
            return prefix.isEmpty && suffix.isEmpty ? "header:\(name)" : "header:\(name)=\(prefix)\(Self.keyMarker)\(suffix)"
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
        case .header(let name, _, _): return name
        case .query, .oauth, .none: return nil
        }
    }

    /// The fixed text around the key in the header value: `Bearer ` and nothing for bearer.
    public var headerAffixes: (prefix: String, suffix: String)? {
        switch self {
        case .bearer: return ("Bearer ", "")
        case .header(_, let prefix, let suffix): return (prefix, suffix)
        case .query, .oauth, .none: return nil
        }
    }

    /// Whether the header value is more than the key: fixed text before or after it (bearer's
    /// `Bearer ` included).
    public var hasHeaderAffixes: Bool {
        guard let affixes = headerAffixes else { return false }
        return !affixes.prefix.isEmpty || !affixes.suffix.isEmpty
    }

    /// Where the key goes in a header template.
    public static let keyMarker = "{key}"

    /// Parses the `--auth` syntax.
    public static func parse(_ text: String, field: String) throws(SetupError) -> AuthScheme {
        switch text {
        case "bearer": return .bearer
        case "oauth": return .oauth
        case "none": return .none
        default: break
        }
        if text.hasPrefix("header:") {
            let spec = text.dropFirst("header:".count)
            let name = String(spec.prefix { $0 != "=" })
            guard Self.isHeaderName(name) else {
                throw SetupError("\(field) '\(text)': the header name must be letters, digits and !#$%&'*+-.^_`|~ (for example header:X-API-Key)")
            }
            guard spec.count > name.count else {
                if name.lowercased() == "authorization" {
                    throw SetupError("\(field) '\(text)': say what goes before the key, for example header:Authorization=Token {key}, or use bearer for 'Bearer <key>'")
                }
                return .header(name: name)
            }
            let template = String(spec.dropFirst(name.count + 1))
            let (prefix, suffix) = try Self.parseTemplate(template, field: field, text: text)
            if name.lowercased() == "authorization" && prefix == "Bearer " && suffix.isEmpty { return .bearer }
            return .header(name: name, prefix: prefix, suffix: suffix)
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
        throw SetupError("\(field) '\(text)' is not an auth scheme; use bearer, header:NAME, header:NAME=PREFIX{key}, query:PARAM, oauth or none")
    }

    /// Splits a header template such as `Token {key}` around its one `{key}`. The fixed text is
    /// visible ASCII and inner spaces, without braces, and the value may not start or end with a
    /// space (HTTP trims them).
    static func parseTemplate(_ template: String, field: String, text: String) throws(SetupError) -> (String, String) {
        let parts = template.components(separatedBy: keyMarker)
        guard parts.count == 2 else {
            throw SetupError("\(field) '\(text)': the header template needs {key} exactly once, for example header:Authorization=Token {key}")
        }
        for part in parts {
            if part.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value > 0x7E || $0 == "{" || $0 == "}" }) {
                throw SetupError("\(field) '\(text)': the text around {key} must be visible ASCII characters and spaces, without braces")
            }
            // Several clients expand $VAR, $(…) or escapes in header values (Gemini CLI, Qwen
            // Code, Crush, Antigravity): fixed text holding them would change or run something.
            if part.unicodeScalars.contains(where: { $0 == "$" || $0 == "`" || $0 == "\\" }) {
                throw SetupError("\(field) '\(text)': the text around {key} cannot hold $, ` or \\, which several clients expand in header values")
            }
        }
        if parts[0].hasPrefix(" ") || parts[1].hasSuffix(" ") || parts[0].hasPrefix("\t") {
            throw SetupError("\(field) '\(text)': a header value cannot start or end with a space (HTTP drops it)")
        }
        return (parts[0], parts[1])
    }

    /// Whether a header name is an RFC 9110 token: letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar)
        }
    }

    static func isQueryParameter(_ name: String) -> Bool {
        name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }
}
