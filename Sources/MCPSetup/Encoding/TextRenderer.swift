/// Turns the value model into text: every piece of syntax is written here, by the encoders.
public struct TextRenderer: Sendable {
    /// The string that stands where a ``Piece/secret`` is: the key, or its placeholder.
    public var secret: String

    /// Whether environment reads are written as markers (``EnvironmentMarker``) for the POSIX
    /// shell encoder, instead of being refused.
    let environmentMarkers: Bool

    /// Creates a renderer that writes `secret` wherever the secret goes.
    public init(secret: String) {
        self.secret = secret
        self.environmentMarkers = false
    }

    private init(secret: String, environmentMarkers: Bool) {
        self.secret = secret
        self.environmentMarkers = environmentMarkers
    }

    /// This renderer, writing environment reads as markers.
    var markingEnvironment: TextRenderer {
        TextRenderer(secret: secret, environmentMarkers: true)
    }

    /// The characters of a text, or a refusal when an encoding cannot carry them.
    public func render(_ text: Text) throws(Unencodable) -> String {
        var output = ""
        for piece in text.pieces {
            output += try render(piece)
        }
        return output
    }

    private func render(_ piece: Piece) throws(Unencodable) -> String {
        switch piece {
        case .literal(let string):
            if environmentMarkers, EnvironmentMarker.holdsMarker(string) {
                throw Unencodable(syntax: "POSIX shell", reason: "a text holds a private-use character (U+E000 or U+E001) that marks an environment variable")
            }
            return string
        case .secret: return secret
        case .link(let link): return try render(link)
        case .json(let value): return JSONSyntax.compact(try plain(value))
        case .vscodeLinkJSON(let value):
            var output = ""
            for scalar in JSONSyntax.compact(try plain(value)).unicodeScalars {
                if scalar == "%" { output += "\\u0025" } else { output.unicodeScalars.append(scalar) }
            }
            return output
        case .base64(let text): return Base64Text.encode(try render(text))
        case .cmdWord(let text):
            let word = try render(text)
            guard CmdShell.isInertWord(word) else {
                throw Unencodable(syntax: "cmd", reason: "an argument that cmd /c passes on would hold a space, a quote, or one of % ! & | < > ^ ( )")
            }
            return word
        case .environment(let name):
            guard environmentMarkers else { throw Unencodable(syntax: "text", reason: "an environment variable can be read only by code") }
            return EnvironmentMarker.mark(name)
        }
    }

    /// The characters of a link.
    public func render(_ link: Link) throws(Unencodable) -> String {
        switch link.query {
        case .items(let items):
            guard !items.isEmpty else { return link.base }
            var query: [String] = []
            for item in items {
                query.append(PercentEncoding.encode(item.name) + "=" + PercentEncoding.encode(try render(item.value)))
            }
            return link.base + link.querySeparator + query.joined(separator: "&")
        case .whole(let text):
            return link.base + "?" + PercentEncoding.encode(try render(text))
        }
    }

    /// The value with every text rendered to a plain string.
    public func plain(_ value: Value) throws(Unencodable) -> PlainValue {
        switch value {
        case .string(let text): return .string(try render(text))
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .number(String(int))
        case .array(let items):
            var plainItems: [PlainValue] = []
            for item in items { plainItems.append(try plain(item)) }
            return .array(plainItems)
        case .object(let members):
            var plainMembers: [(key: String, value: PlainValue)] = []
            for member in members { plainMembers.append((member.key, try plain(member.value))) }
            return .object(plainMembers)
        }
    }

    /// The exact content of a document, or a refusal when its syntax cannot carry it safely.
    public func render(_ document: Document) throws(Unencodable) -> String {
        switch document {
        case .command(let argv, let shell) where argv.contains(where: \.containsEnvironment):
            // Only the POSIX encoder writes a read (`"${NAME}"`); the words carry reads as
            // markers from here to it.
            guard shell == .posix else {
                throw Unencodable(syntax: shell == .powershell ? "PowerShell" : "cmd", reason: "the command reads an environment variable, which only its POSIX form writes")
            }
            var words: [String] = []
            for word in argv { words.append(try POSIXShell.quoteWithVariables(try markingEnvironment.render(word))) }
            return words.joined(separator: " ")
        case .command(let argv, let shell):
            var words: [String] = []
            for word in argv { words.append(try render(word)) }
            return try shell.join(words)
        case .json(let value), .jsonc(let value): return JSONSyntax.pretty(try plain(value)) + "\n"
        case .yaml(let value): return YAMLSyntax.document(try plain(value))
        case .toml(let value): return TOMLSyntax.document(try plain(value))
        case .line(let text): return try render(text)
        case .code(let code): return try render(code)
        }
    }

    /// The characters of a code snippet: its source, and its values written by ``CodeSyntax``.
    public func render(_ code: Code) throws(Unencodable) -> String {
        var output = ""
        for part in code.parts {
            switch part {
            case .source(let source): output += source
            case .value(let value, let depth):
                output += CodeSyntax.program(try codeValue(value), language: code.language, depth: depth).constantString ?? ""
            }
        }
        return output
    }

    /// A value as a code literal, every string's text rendered.
    public func codeValue(_ value: Value) throws(Unencodable) -> CodeValue {
        try CodeValue.from(value) { (text: Text) throws(Unencodable) -> [CodeString] in
            var parts: [CodeString] = []
            for piece in text.pieces {
                if case .environment(let name) = piece {
                    parts.append(.environment(name))
                } else {
                    parts.append(.literal(KeyProgram(literal: try render(piece))))
                }
            }
            return parts
        }
    }
}
