/// One MCP client: the facts about how it takes a remote server, and the artifacts it builds
/// from a request. One type per client, one file per client.
public protocol Client: Sendable {
    /// The public id, for example `claude-code`.
    var id: String { get }
    /// The product name, for example `Claude Code`.
    var title: String { get }
    /// The date (`YYYY-MM-DD`) the client's facts were last checked at their sources, as its
    /// file's comment records them.
    var checked: String { get }
    /// What kind of product it is, which places it in a client picker.
    var group: ClientGroup { get }
    /// The artifacts for a request, in a stable order. Every id the client has appears, even
    /// when the request cannot be expressed (then with a reason).
    func artifacts(for request: SetupRequest) -> [ArtifactSpec]
    /// How the client's config refers to an environment variable that holds the key (for
    /// example `${env:VAR}`), or `nil` when it cannot, for the support matrix.
    var envSyntax: String? { get }
    /// Whether the client can ask for the key itself and keep it in its secret storage.
    var promptsForKey: Bool { get }
    /// Whether the client, given a Streamable HTTP URL that is a legacy HTTP+SSE endpoint, falls
    /// back to SSE by itself (so such a URL works in it, and `doctor --client` says so).
    var fallsBackToSSE: Bool { get }
    /// The environment variables that move the client's config files (`CODEX_HOME`).
    var configHomes: [ConfigHome] { get }
}

extension Client {
    /// No environment references unless the client says so.
    public var envSyntax: String? { nil }
    /// No key prompt unless the client says so.
    public var promptsForKey: Bool { false }
    /// No fallback to SSE unless the client's facts show one.
    public var fallsBackToSSE: Bool { false }
    /// Config files stay where their paths say unless the client says otherwise.
    public var configHomes: [ConfigHome] { [] }
}

/// What kind of product a client is: the sections of a client picker, so 30 clients stay
/// scannable.
public enum ClientGroup: String, Sendable, Hashable, CaseIterable {
    /// A desktop app (Claude Desktop, LM Studio, Goose).
    case desktop
    /// An editor or IDE, or an extension inside one (VS Code, Cursor, JetBrains).
    case editor
    /// An agent that runs in a terminal (Claude Code, Codex, Gemini CLI).
    case terminal
    /// A chat app on the web that connects from its vendor's cloud (ChatGPT, Claude.ai).
    case chat
    /// An agent API or SDK that a developer calls from code (OpenAI Responses, Claude Agent SDK).
    case code
    /// An agent builder on the web, where the server is entered in a form (Copilot Studio).
    case builder

    /// The section heading.
    public var title: String {
        switch self {
        case .desktop: return "Desktop apps"
        case .editor: return "Editors and IDEs"
        case .terminal: return "Terminal agents"
        case .chat: return "Chat apps"
        case .code: return "Agents in code"
        case .builder: return "Agent builders"
        }
    }
}

/// How a client writes a reference to an environment variable inside its config.
enum EnvReference {
    /// `${VAR}` (Claude Code, Gemini CLI, Kiro).
    case dollarBraces
    /// `${env:VAR}` (Cursor, Windsurf, Roo Code).
    case envColon
    /// `{env:VAR}` (OpenCode).
    case braceEnv
    /// `${{ secrets.VAR }}` (Continue).
    case continueSecret
    /// `$VAR` (Crush).
    case dollar

    func text(_ variable: String) -> Text {
        switch self {
        case .dollarBraces: return .literal("${" + variable + "}")
        case .envColon: return .literal("${env:" + variable + "}")
        case .braceEnv: return .literal("{env:" + variable + "}")
        case .continueSecret: return .literal("${{ secrets." + variable + " }}")
        case .dollar: return .literal("$" + variable)
        }
    }

    /// The syntax with `VAR` for the variable, for the support matrix.
    var syntax: String {
        text("VAR").pieces.map { if case .literal(let string) = $0 { string } else { "" } }.joined()
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
        case .header(let name, let prefix, let suffix):
            var value = prefix.isEmpty ? key : .literal(prefix) + key
            if !suffix.isEmpty { value = value + .literal(suffix) }
            return (name, value)
        case .query, .oauth, .none: return nil
        }
    }

    /// The `headers` object for a client's JSON entry, or `nil` when no header is sent.
    func headersValue(key: Text) -> Value? {
        guard let header = authHeader(key: key) else { return nil }
        return .object([Value.Member(header.name, .string(header.value))])
    }

    /// The notes of a config file that a client reads: how the key reference is expanded, or
    /// that it cannot be; how OAuth sign-in happens; the query-key warning.
    func configNotes(client: String, reference: EnvReference?, referenceNote: String? = nil, oauth: String? = nil) -> [String] {
        var notes: [String] = []
        if credential.isReference, profile.auth.headerName != nil {
            if let referenceNote {
                notes.append(referenceNote)
            } else if let reference {
                notes.append("\(client) expands \(reference.syntax.replacingOccurrences(of: "VAR", with: profile.envVar)) when it loads the file: set \(profile.envVar) in the environment that starts \(client).")
            } else {
                notes.append("\(client) does not expand environment variables in this file, so the key is written into it: replace \(placeholder) with your key.")
            }
        }
        return notes + connectionNotes(client: client, oauth: oauth)
    }

    /// The OAuth note of a client whose documentation says nothing about OAuth sign-in.
    static func undocumentedOAuth(_ client: String) -> String {
        "\(client)'s documentation does not say whether it signs in to a server with OAuth."
    }

    /// How OAuth sign-in happens, and the query-key warning.
    func connectionNotes(client: String, oauth: String? = nil) -> [String] {
        var notes: [String] = []
        if profile.auth == .oauth {
            notes.append(oauth ?? "\(client) signs you in with OAuth when it first connects.")
        }
        if let note = queryKeyNote { notes.append(note) }
        return notes
    }

    /// `{root: {name: entry}}`, after any leading members (such as `$schema`).
    func serversFile(root: String, entry: [Value.Member], leading: [Value.Member] = []) -> Value {
        .object(leading + [Value.Member(root, .object([Value.Member(profile.name, .object(entry))]))])
    }

    /// `[url: endpoint, headers: …]`, the entry most clients share, with the url under `urlKey`.
    func urlAndHeaders(urlKey: String = "url", reference: EnvReference?) -> [Value.Member] {
        var entry = [Value.Member(urlKey, .string(endpointText))]
        entry.append("headers", headersValue(key: keyText(reference: reference)))
        return entry
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
