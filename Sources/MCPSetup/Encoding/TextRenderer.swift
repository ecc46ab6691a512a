/// Turns the value model into text: every piece of syntax is written here, by the encoders.
public struct TextRenderer: Sendable {
    /// The string that stands where a ``Piece/secret`` is: the key, or its placeholder.
    public var secret: String

    /// Creates a renderer that writes `secret` wherever the secret goes.
    public init(secret: String) {
        self.secret = secret
    }

    /// The characters of a text.
    public func render(_ text: Text) -> String {
        var output = ""
        for piece in text.pieces {
            output += render(piece)
        }
        return output
    }

    private func render(_ piece: Piece) -> String {
        switch piece {
        case .literal(let string): return string
        case .secret: return secret
        case .link(let link): return render(link)
        case .json(let value): return JSONSyntax.compact(plain(value))
        case .vscodeLinkJSON(let value):
            var output = ""
            for scalar in JSONSyntax.compact(plain(value)).unicodeScalars {
                if scalar == "%" { output += "\\u0025" } else { output.unicodeScalars.append(scalar) }
            }
            return output
        case .base64(let text): return Base64Text.encode(render(text))
        }
    }

    /// The characters of a link.
    public func render(_ link: Link) -> String {
        switch link.query {
        case .items(let items):
            guard !items.isEmpty else { return link.base }
            let query = items.map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode(render($0.value)) }
            return link.base + link.querySeparator + query.joined(separator: "&")
        case .whole(let text):
            return link.base + "?" + PercentEncoding.encode(render(text))
        }
    }

    /// The value with every text rendered to a plain string.
    public func plain(_ value: Value) -> PlainValue {
        switch value {
        case .string(let text): return .string(render(text))
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .number(String(int))
        case .array(let items): return .array(items.map(plain))
        case .object(let members): return .object(members.map { ($0.key, plain($0.value)) })
        }
    }

    /// The exact content of a document.
    public func render(_ document: Document) -> String {
        switch document {
        case .command(let argv): return POSIXShell.join(argv.map(render))
        case .json(let value): return JSONSyntax.pretty(plain(value)) + "\n"
        case .toml(let value): return TOMLSyntax.document(plain(value))
        case .line(let text): return render(text)
        }
    }
}
