/// The closed set of primitive escapers an artifact program applies to text that holds the key.
///
/// Each one is an encoder's own function (design rule 1: encoders own syntax), named here so a
/// program can refer to it as data and a browser can run its port
/// (`templates/assets/mcp-setup.js`). Each is proven by a round-trip property test against its
/// inverse, and by a test that the JavaScript port writes the same bytes.
public enum Escaper: String, Sendable, Hashable, CaseIterable {
    /// The body of a JSON string, without the quotes (``JSONSyntax/quote(_:)``).
    case jsonString = "json-string"
    /// `%` written as `\u0025`: a JSON text inside a VS Code install link, which VS Code
    /// percent-decodes twice.
    case jsonPercent = "json-percent"
    /// A URL query component, as `encodeURIComponent` writes it (``PercentEncoding/encode(_:)``).
    case percent
    /// Standard base64 with padding of the UTF-8 bytes (``Base64Text/encode(_:)``).
    case base64
    /// One word of a POSIX `sh` command line, bare or single-quoted (``POSIXShell/quote(_:)``).
    case posixWord = "posix-word"
    /// One argument of a PowerShell native command, bare or single-quoted (``PowerShell/quote(_:)``).
    case powershellWord = "powershell-word"
    /// One argument of a cmd.exe line, bare or in C-runtime double quotes (``CmdShell/quote(_:)``).
    case cmdArgument = "cmd-argument"
    /// A YAML scalar, plain or double-quoted (``YAMLSyntax/scalar(_:)``).
    case yamlScalar = "yaml-scalar"
    /// The body of a TOML basic string, without the quotes (``TOMLSyntax/quote(_:)``).
    case tomlString = "toml-string"

    /// Whether escaping a concatenation is the concatenation of the escaped parts, so the escaper
    /// can be folded into the literals around the key at compile time.
    public var distributes: Bool {
        switch self {
        case .jsonString, .jsonPercent, .percent, .tomlString: return true
        case .base64, .posixWord, .powershellWord, .cmdArgument, .yamlScalar: return false
        }
    }

    /// Appends the escaped form of `text` (UTF-8 bytes) to `output`.
    public func append(_ text: some Collection<UInt8>, to output: inout [UInt8]) {
        switch self {
        case .jsonString: JSONSyntax.appendStringBody(text, to: &output)
        case .jsonPercent:
            for byte in text {
                if byte == UInt8(ascii: "%") { output.append(contentsOf: Self.jsonPercentEscape) } else { output.append(byte) }
            }
        case .percent: PercentEncoding.append(text, to: &output)
        case .base64: Base64Text.append(text, to: &output)
        case .tomlString: TOMLSyntax.appendStringBody(text, to: &output)
        case .posixWord: POSIXShell.appendWord(text, to: &output)
        case .powershellWord: output.append(contentsOf: PowerShell.quote(String(decoding: text, as: UTF8.self)).utf8)
        case .cmdArgument: output.append(contentsOf: CmdShell.quote(String(decoding: text, as: UTF8.self)).utf8)
        case .yamlScalar:
            let bytes = Array(text)
            if YAMLSyntax.isPlain(utf8: bytes) { output.append(contentsOf: bytes) } else { output.append(contentsOf: YAMLSyntax.quote(String(decoding: bytes, as: UTF8.self)).utf8) }
        }
    }

    /// The escaped form of a string.
    public func apply(_ text: String) -> String {
        var output: [UInt8] = []
        append(Array(text.utf8), to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static let jsonPercentEscape = Array(#"\u0025"#.utf8)
}
