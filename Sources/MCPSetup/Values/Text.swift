/// A string that an artifact carries, described as the pieces it is made of.
///
/// Clients never concatenate the secret into a string themselves: they describe where it goes
/// (``Piece/secret``) and what encoding wraps it (a link, JSON text, base64), and the encoders
/// turn the description into bytes. The same description lets the verifier decode an artifact
/// piece by piece, and lets a browser re-render an artifact with another key.
public struct Text: Sendable, Hashable {
    /// The pieces, in order.
    public var pieces: [Piece]

    /// Creates a text from its pieces.
    public init(_ pieces: [Piece]) {
        self.pieces = pieces
    }

    /// A text that is a fixed string.
    public static func literal(_ string: String) -> Text { Text([.literal(string)]) }

    /// A text that is exactly the secret.
    public static let secret = Text([.secret])

    /// A text that is a link whose query values are encoded.
    public static func link(_ link: Link) -> Text { Text([.link(link)]) }

    /// A text that is the JSON serialisation of a value.
    public static func json(_ value: Value) -> Text { Text([.json(value)]) }

    /// A text that is the base64 form of another text's UTF-8 bytes.
    public static func base64(_ text: Text) -> Text { Text([.base64(text)]) }

    /// A text that must pass through `cmd /c` unchanged.
    public static func cmdWord(_ text: Text) -> Text { Text([.cmdWord(text)]) }

    /// A text that is the value of an environment variable, read when a code snippet runs.
    public static func environment(_ variable: String) -> Text { Text([.environment(variable)]) }

    /// Whether any piece, however deeply nested, is the secret.
    public var containsSecret: Bool {
        pieces.contains { $0.containsSecret }
    }

    /// Whether any piece, however deeply nested, reads an environment variable.
    public var containsEnvironment: Bool {
        pieces.contains { $0.containsEnvironment }
    }

    /// The single encoded piece when the text is exactly one encoding, for decoding.
    var soleEncodedPiece: Piece? {
        guard pieces.count == 1, let piece = pieces.first else { return nil }
        switch piece {
        case .literal, .secret, .environment: return nil
        case .link, .json, .vscodeLinkJSON, .base64, .cmdWord: return piece
        }
    }
}

/// One piece of a ``Text``.
public indirect enum Piece: Sendable, Hashable {
    /// Characters taken as they are.
    case literal(String)
    /// The secret (the API key, or the placeholder that stands for it).
    case secret
    /// A URL whose query is built from encoded values.
    case link(Link)
    /// The compact JSON text of a value.
    case json(Value)
    /// The compact JSON text of a value with every `%` written as `\u0025`, for a VS Code
    /// install link: VS Code percent-decodes that payload twice, and a JSON escape survives both.
    case vscodeLinkJSON(Value)
    /// Standard base64 (with padding) of a text's UTF-8 bytes.
    case base64(Text)
    /// A text that becomes one word of a cmd.exe line that a program launcher writes for it
    /// (`"command": "cmd", "args": ["/c", …]`): written as it is, and refused unless cmd and the
    /// launcher's quoting leave it alone (``CmdShell/isInertWord(_:)``).
    case cmdWord(Text)
    /// The value of an environment variable, read when the program runs: only code encoders
    /// write it (`os.environ["ACME_API_KEY"]`, `process.env.ACME_API_KEY`); every other
    /// encoder refuses it.
    case environment(String)

    var containsEnvironment: Bool {
        switch self {
        case .literal, .secret: return false
        case .environment: return true
        case .link(let link):
            switch link.query {
            case .items(let items): return items.contains { $0.value.containsEnvironment }
            case .whole(let text): return text.containsEnvironment
            }
        case .json(let value), .vscodeLinkJSON(let value): return value.containsEnvironment
        case .base64(let text), .cmdWord(let text): return text.containsEnvironment
        }
    }

    var containsSecret: Bool {
        switch self {
        case .literal, .environment: return false
        case .secret: return true
        case .link(let link): return link.containsSecret
        case .json(let value), .vscodeLinkJSON(let value): return value.containsSecret
        case .base64(let text), .cmdWord(let text): return text.containsSecret
        }
    }
}

extension Text: ExpressibleByStringLiteral {
    /// A literal text.
    public init(stringLiteral value: String) {
        self.init([.literal(value)])
    }
}

/// Concatenates two texts. Encoded pieces may not be mixed with other pieces.
public func + (lhs: Text, rhs: Text) -> Text {
    Text(lhs.pieces + rhs.pieces)
}
