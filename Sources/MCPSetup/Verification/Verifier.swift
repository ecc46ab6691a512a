/// Parses an artifact's content back with the inverse of the encoder that wrote it, and checks
/// that it decodes to exactly the value it was made from (design rule 2).
public struct Verifier: Sendable {
    /// The renderer that made the content, for the expected plain values.
    public let renderer: TextRenderer

    /// Creates a verifier for content made by `renderer`.
    public init(renderer: TextRenderer) {
        self.renderer = renderer
    }

    /// A difference between what an artifact encodes and what its content decodes to.
    public struct Mismatch: Error, Sendable, CustomStringConvertible {
        /// What differs, and where.
        public var description: String
    }

    /// Checks `content` against `document`; returns the decoded argv for commands.
    @discardableResult
    public func verify(_ content: String, encodes document: Document) throws(Mismatch) -> [String]? {
        do {
            switch document {
            case .command(let argv, let shell) where shell == .posix && argv.contains(where: \.containsEnvironment):
                // Environment reads: the splitter keeps each `${NAME}` as a marker, and the
                // words are compared with their texts rendered with markers.
                let words = try POSIXShell.split(content, variables: true)
                guard words.count == argv.count else {
                    throw Mismatch(description: "the shell splits the command into \(words.count) words, not \(argv.count)")
                }
                let marking = Verifier(renderer: renderer.markingEnvironment)
                for (index, (word, expected)) in zip(words, argv).enumerated() {
                    try marking.verify(word, encodes: expected, at: "word \(index + 1)")
                }
                return words.map(EnvironmentMarker.unmarked)
            case .command(let argv, let shell):
                let words = try shell.split(content)
                guard words.count == argv.count else {
                    throw Mismatch(description: "the shell splits the command into \(words.count) words, not \(argv.count)")
                }
                for (index, (word, expected)) in zip(words, argv).enumerated() {
                    try verify(word, encodes: expected, at: "word \(index + 1)")
                }
                return words
            case .json(let value):
                let parsed = try JSONParser.parse(content)
                try verify(parsed, encodes: value, at: "$", ordered: true)
            case .jsonc(let value):
                let parsed = try JSONParser.parse(content, allowComments: true)
                try verify(parsed, encodes: value, at: "$", ordered: true)
            case .yaml(let value):
                let parsed = try YAMLSyntax.parse(content)
                try verify(parsed, encodes: value, at: "$", ordered: true)
            case .toml(let value):
                let parsed = try TOMLSyntax.parse(content)
                try verify(parsed, encodes: value, at: "$", ordered: false)
            case .line(let text):
                guard !content.contains("\n") else { throw Mismatch(description: "a one-line artifact contains a line break") }
                try verify(content, encodes: text, at: "line")
            case .code(let code):
                try verify(content, encodesCode: code)
            }
        } catch let error as SyntaxError {
            throw Mismatch(description: "does not parse back: \(error)")
        } catch let error as Unencodable {
            throw Mismatch(description: "does not pass safely through \(error)")
        } catch let error as Mismatch {
            throw error
        } catch {
            throw Mismatch(description: "\(error)")
        }
        return nil
    }

    /// Checks that a decoded string is what `text` describes, decoding nested encodings.
    func verify(_ actual: String, encodes text: Text, at path: String) throws -> Void {
        guard let piece = text.soleEncodedPiece else {
            let expected = try renderer.render(text)
            guard actual == expected else {
                throw Mismatch(description: "\(path) decodes to \(abbreviate(actual)), expected \(abbreviate(expected))")
            }
            return
        }
        switch piece {
        case .link(let link):
            try verify(actual, encodesLink: link, at: path)
        case .json(let value):
            try verify(try JSONParser.parse(actual), encodes: value, at: path + "(json)", ordered: true)
        case .vscodeLinkJSON(let value):
            guard !actual.unicodeScalars.contains("%") else { throw Mismatch(description: "\(path) holds a raw '%' that VS Code would decode") }
            try verify(try JSONParser.parse(actual), encodes: value, at: path + "(json)", ordered: true)
        case .base64(let inner):
            try verify(try Base64Text.decode(actual), encodes: inner, at: path + "(base64)")
        case .cmdWord(let inner):
            guard CmdShell.isInertWord(actual) else { throw Mismatch(description: "\(path) is not left alone by cmd /c") }
            try verify(actual, encodes: inner, at: path + "(cmd)")
        case .literal, .secret, .environment:
            break
        }
    }

    private func verify(_ actual: String, encodesLink link: Link, at path: String) throws {
        guard actual.hasPrefix(link.base) else {
            throw Mismatch(description: "\(path) does not start with \(link.base)")
        }
        let rest = actual.dropFirst(link.base.count)
        switch link.query {
        case .whole(let text):
            guard rest.first == "?" else { throw Mismatch(description: "\(path) has no query") }
            try verify(try PercentEncoding.decode(String(rest.dropFirst())), encodes: text, at: path + "?")
        case .items(let items):
            if items.isEmpty {
                guard rest.isEmpty else { throw Mismatch(description: "\(path) has text after the base") }
                return
            }
            guard rest.first.map(String.init) == link.querySeparator else {
                throw Mismatch(description: "\(path) does not continue with \(link.querySeparator)")
            }
            let pairs = rest.dropFirst().split(separator: "&", omittingEmptySubsequences: false)
            guard pairs.count == items.count else {
                throw Mismatch(description: "\(path) has \(pairs.count) query parameters, expected \(items.count)")
            }
            for (pair, item) in zip(pairs, items) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, try PercentEncoding.decode(String(parts[0])) == item.name else {
                    throw Mismatch(description: "\(path) has parameter \(abbreviate(String(pair))) where \(item.name) was expected")
                }
                try verify(try PercentEncoding.decode(String(parts[1])), encodes: item.value, at: path + "&" + item.name)
            }
        }
    }

    private func verify(_ actual: PlainValue, encodes value: Value, at path: String, ordered: Bool) throws {
        switch (actual, value) {
        case (.string(let string), .string(let text)):
            try verify(string, encodes: text, at: path)
        case (.bool(let a), .bool(let b)) where a == b:
            return
        case (.number(let a), .int(let b)) where a == String(b):
            return
        case (.array(let items), .array(let expected)):
            guard items.count == expected.count else { throw Mismatch(description: "\(path) has \(items.count) items, expected \(expected.count)") }
            for (index, (item, value)) in zip(items, expected).enumerated() {
                try verify(item, encodes: value, at: "\(path)[\(index)]", ordered: ordered)
            }
        case (.object(let members), .object(let expected)):
            let expectedMembers = ordered ? expected : expected.sorted { $0.key < $1.key }
            let actualMembers = ordered ? members : members.sorted { $0.key < $1.key }
            guard actualMembers.map(\.key) == expectedMembers.map(\.key) else {
                throw Mismatch(description: "\(path) has keys \(actualMembers.map(\.key)), expected \(expectedMembers.map(\.key))")
            }
            for (member, expectedMember) in zip(actualMembers, expectedMembers) {
                try verify(member.value, encodes: expectedMember.value, at: path + "." + member.key, ordered: ordered)
            }
        default:
            throw Mismatch(description: "\(path) decodes to \(actual), which is not the value it was made from")
        }
    }

    /// Keeps messages short and never prints a whole key.
    private func abbreviate(_ text: String) -> String {
        let masked = renderer.secret.count >= 4 ? text.replacingOccurrences(of: renderer.secret, with: "<key>") : text
        return masked.count > 80 ? "'" + masked.prefix(77) + "…'" : "'" + masked + "'"
    }
}
