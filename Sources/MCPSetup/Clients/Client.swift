/// One MCP client: the facts about how it takes a remote server, and the artifacts it builds
/// from a request. One type per client, one file per client.
public protocol Client: Sendable {
    /// The public id, for example `claude-code`.
    var id: String { get }
    /// The product name, for example `Claude Code`.
    var title: String { get }
    /// The artifacts for a request, in a stable order. Every id the client has appears, even
    /// when the request cannot be expressed (then with a reason).
    func artifacts(for request: SetupRequest) -> [ArtifactSpec]
}

/// How a client writes a reference to an environment variable inside its config.
enum EnvReference {
    /// `${VAR}` (Claude Code, Gemini CLI, Kiro).
    case dollarBraces
    /// `${env:VAR}` (Cursor, Windsurf, Roo Code).
    case envColon

    func text(_ variable: String) -> Text {
        switch self {
        case .dollarBraces: return .literal("${" + variable + "}")
        case .envColon: return .literal("${env:" + variable + "}")
        }
    }
}

extension SetupRequest {
    /// The endpoint as clients must call it: with `?param=<key>` added for query auth.
    var endpointText: Text {
        if case .query(let parameter) = profile.auth {
            return .link(.items(profile.endpoint, [Link.Item(parameter, .secret)]))
        }
        return .literal(profile.endpoint)
    }

    /// The key as a client writes it: the secret piece (key or placeholder), or a reference when
    /// the credential is a reference and the client has a syntax for one.
    func keyText(reference: EnvReference?) -> Text {
        if credential.isReference, let reference {
            return reference.text(profile.envVar)
        }
        return .secret
    }

    /// The header that carries the key, as `(name, value)`; `nil` for query, OAuth and no auth.
    func authHeader(key: Text) -> (name: String, value: Text)? {
        switch profile.auth {
        case .bearer: return ("Authorization", .literal("Bearer ") + key)
        case .header(let name): return (name, key)
        case .query, .oauth, .none: return nil
        }
    }

    /// The `headers` object for a client's JSON entry, or `nil` when no header is sent.
    func headersValue(key: Text) -> Value? {
        guard let header = authHeader(key: key) else { return nil }
        return .object([Value.Member(header.name, .string(header.value))])
    }

    /// A note for artifacts that put the key into the endpoint URL.
    var queryKeyNote: String? {
        guard case .query = profile.auth else { return nil }
        return "The key is part of the URL, so it can end up in server logs, proxies and browser history; prefer a header or OAuth where the server offers one."
    }
}

extension Array where Element == Value.Member {
    /// Appends a member when the value is present.
    mutating func append(_ key: String, _ value: Value?) {
        if let value { append(Value.Member(key, value)) }
    }
}
