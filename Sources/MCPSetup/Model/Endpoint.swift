import Foundation

/// Checks on the endpoint URL.
enum Endpoint {
    /// Throws unless `text` is an absolute `https` URL (or `http` on a loopback host, or with
    /// `allowHTTP`) with a host, no user info, no fragment and no characters that need escaping.
    static func validate(_ text: String, field: String, allowHTTP: Bool) throws(SetupError) {
        guard !text.isEmpty else { throw SetupError("\(field) is empty; give the server URL, for example https://mcp.example.com/mcp") }
        if let bad = text.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value >= 0x7F || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" || $0 == "^" || $0 == "`" || $0 == "{" || $0 == "|" || $0 == "}" }) {
            let shown = bad == " " ? "a space" : (bad.value < 0x20 || bad.value == 0x7F ? "a control character" : "'\(bad)'")
            throw SetupError("\(field) '\(redacted(text))' contains \(shown); percent-encode it (a space is %20)")
        }
        let bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] == UInt8(ascii: "%") {
            let hex = bytes.dropFirst(index + 1).prefix(2)
            guard hex.count == 2, hex.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }) else {
                throw SetupError("\(field) '\(redacted(text))' has a bad percent escape; write a literal '%' as %25")
            }
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            if !text.contains("://") {
                throw SetupError("\(field) '\(redacted(text))' is not a URL; include the scheme, for example \(redacted("https://" + text))")
            }
            throw SetupError("\(field) '\(redacted(text))' is not a valid URL; give an absolute URL such as https://mcp.example.com/mcp")
        }
        guard let host = components.host, !host.isEmpty else {
            throw SetupError("\(field) '\(redacted(text))' has no host; give an absolute URL such as https://mcp.example.com/mcp")
        }
        if components.user != nil || components.password != nil || components.percentEncodedHost.map({ text.contains("@" + $0) }) == true {
            throw SetupError("\(field) '\(redacted(text))' contains user info before the host; remove it and give the key as the credential",
                             commandLine: "\(field) '\(redacted(text))' contains user info before the host; remove it and pass the key with --token-stdin or --token-env")
        }
        if components.fragment != nil || text.contains("#") {
            throw SetupError("\(field) '\(redacted(text))' has a fragment (#…); clients drop it, so remove it")
        }
        switch scheme {
        case "https": break
        case "http":
            if !allowHTTP && !isLoopback(host) {
                throw SetupError("\(field) '\(redacted(text))' is not https; use https://, or set allowHTTP for a trusted network",
                                 commandLine: "\(field) '\(redacted(text))' is not https; use https://, or add --allow-http (allow_http: true) for a trusted network")
            }
        default:
            throw SetupError("\(field) '\(redacted(text))' uses '\(scheme)'; MCP servers are reached over https")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw SetupError("\(field) '\(redacted(text))' has port \(port); ports are 1 to 65535")
        }
    }

    /// The hosts that `http` is allowed for without `--allow-http`.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" || bare.hasPrefix("127.")
    }

    /// Whether the URL's host is loopback, a private or link-local IPv4 or IPv6 address, or a
    /// `.local` / `.internal` / `.localhost` name: a host a client that connects from its
    /// vendor's cloud (claude.ai, ChatGPT) cannot reach.
    static func isUnreachableFromCloud(_ text: String) -> Bool {
        guard let host = URLComponents(string: text)?.host?.lowercased() else { return false }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if isLoopback(bare) || bare.hasSuffix(".local") || bare.hasSuffix(".internal") || bare.hasSuffix(".lan") || !bare.contains(".") && !bare.contains(":") { return true }
        let octets = bare.split(separator: ".").compactMap { UInt8($0) }
        if octets.count == 4 {
            switch (octets[0], octets[1]) {
            case (10, _), (192, 168), (169, 254), (0, _): return true
            case (172, let second): return (16...31).contains(second)
            case (100, let second): return (64...127).contains(second)
            default: return false
            }
        }
        // Unique-local (fc00::/7) and link-local (fe80::/10) IPv6 addresses; a name such as
        // fdic.gov is not one.
        return bare.contains(":") && (bare.hasPrefix("fc") || bare.hasPrefix("fd") || bare.hasPrefix("fe80:"))
    }

    /// Whether the URL uses plain `http` on a host that is not loopback.
    static func isRemoteHTTP(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), components.scheme?.lowercased() == "http" else { return false }
        return !isLoopback(components.host ?? "")
    }

    /// The names of the query parameters the URL already has.
    static func queryParameterNames(_ text: String) -> [String] {
        guard let query = URLComponents(string: text)?.percentEncodedQuery else { return [] }
        return query.split(separator: "&").map { item in
            let name = item.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            return (try? PercentEncoding.decode(name)) ?? name
        }
    }

    /// The URL as it may appear in a message: user info and every query value replaced by `…`,
    /// since either can hold a key (`https://user:key@host`, `?api_key=…`), and control
    /// characters shown as `?`.
    public static func redacted(_ text: String) -> String {
        var result = printable(text)
        let authorityStart = result.range(of: "://")?.upperBound ?? result.startIndex
        let authorityEnd = result[authorityStart...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? result.endIndex
        if let at = result[authorityStart..<authorityEnd].lastIndex(of: "@") {
            result.replaceSubrange(authorityStart..<at, with: "…")
        }
        if let hash = result.firstIndex(of: "#") {
            result.replaceSubrange(result.index(after: hash)..., with: "…")
        }
        guard let question = result.firstIndex(of: "?") else { return result }
        let fragment = result[question...].firstIndex(of: "#") ?? result.endIndex
        let query = result[result.index(after: question)..<fragment]
        let hidden = query.split(separator: "&", omittingEmptySubsequences: false).map { item -> String in
            guard let equals = item.firstIndex(of: "=") else { return String(item) }
            return item[..<equals] + "=…"
        }.joined(separator: "&")
        result.replaceSubrange(result.index(after: question)..<fragment, with: hidden)
        return result
    }

    private static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}
