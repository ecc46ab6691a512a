/// Reads back the literals ``CodeSyntax`` writes, for the verifier: dict and object displays,
/// lists, booleans, numbers, and string expressions of double-quoted literals and environment
/// reads joined with `+`. Anything outside that subset is a syntax error rather than a guess:
/// a string escape whose meaning differs between JSON, Python and TypeScript (`\/`, a
/// surrogate `\uD800`–`\uDFFF`, `\'`, `\x`) is refused.
public struct CodeParser {
    private let bytes: [UInt8]
    private let language: CodeLanguage
    /// The byte offset the parser has reached.
    public private(set) var position: Int

    /// A parser over `text`, starting at byte `position`.
    public init(_ text: String, language: CodeLanguage, position: Int = 0) {
        self.bytes = Array(text.utf8)
        self.language = language
        self.position = position
    }

    /// Parses a whole text that is one literal.
    public static func parse(_ text: String, language: CodeLanguage) throws(SyntaxError) -> CodeValue {
        var parser = CodeParser(text, language: language)
        let value = try parser.parseValue(depth: 0)
        parser.skipSpace()
        guard parser.position == parser.bytes.count else { throw parser.error("text after the literal") }
        return value
    }

    private var syntaxName: String { language.title }

    func error(_ message: String) -> SyntaxError {
        SyntaxError(syntax: syntaxName, message: message, offset: position + 1)
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { position += 1 }
    }

    private func starts(with word: String) -> Bool {
        let word = Array(word.utf8)
        return bytes.count - position >= word.count && Array(bytes[position..<position + word.count]) == word
    }

    private mutating func expect(_ word: String) throws(SyntaxError) {
        guard starts(with: word) else { throw error("expected '\(word)'") }
        position += word.utf8.count
    }

    /// Parses one literal, skipping the space before it.
    public mutating func parseValue(depth: Int) throws(SyntaxError) -> CodeValue {
        guard depth < 64 else { throw error("literals nested too deeply") }
        skipSpace()
        guard let byte = current else { throw error("expected a value, found the end") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(parseNumber())
        default:
            for value in [true, false] where starts(with: CodeSyntax.boolean(value, language)) {
                position += CodeSyntax.boolean(value, language).utf8.count
                return .bool(value)
            }
            return .string(try parseStringExpression())
        }
    }

    private mutating func parseNumber() -> String {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func parseStringExpression() throws(SyntaxError) -> [CodeString] {
        var parts = [try parseStringOperand()]
        while true {
            let before = position
            skipSpace()
            guard current == UInt8(ascii: "+") else { position = before; break }
            position += 1
            skipSpace()
            parts.append(try parseStringOperand())
        }
        return CodeString.normal(parts)
    }

    private mutating func parseStringOperand() throws(SyntaxError) -> CodeString {
        if current == UInt8(ascii: "\"") {
            return .literal(KeyProgram(literal: try parseStringLiteral()))
        }
        switch language {
        case .python:
            try expect("os.environ[")
            let name = try parseStringLiteral()
            try expect("]")
            return .environment(name)
        case .typescript:
            try expect("process.env")
            let name: String
            if current == UInt8(ascii: "[") {
                position += 1
                name = try parseStringLiteral()
                try expect("]")
            } else {
                try expect(".")
                name = parseIdentifier()
            }
            try expect("!")
            return .environment(name)
        }
    }

    private mutating func parseIdentifier() -> String {
        let start = position
        while let byte = current, CodeSyntax.isIdentifierByte(byte), position > start || !CodeSyntax.isDigit(byte) {
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// A double-quoted literal whose escapes mean the same in JSON, Python and TypeScript.
    private mutating func parseStringLiteral() throws(SyntaxError) -> String {
        guard current == UInt8(ascii: "\"") else { throw error("expected a string literal") }
        let start = position
        position += 1
        while true {
            guard let byte = current else { throw error("unterminated string literal") }
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                let literal = String(decoding: bytes[start..<position], as: UTF8.self)
                guard case .string(let string) = try JSONParser.parse(literal) else { throw error("expected a string literal") }
                return string
            case UInt8(ascii: "\\"):
                guard position + 1 < bytes.count else { throw error("unterminated string literal") }
                let escape = bytes[position + 1]
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 2
                case UInt8(ascii: "u"):
                    guard position + 6 <= bytes.count, let unit = UInt32(String(decoding: bytes[position + 2..<position + 6], as: UTF8.self), radix: 16) else {
                        throw error("a \\u escape needs four hex digits")
                    }
                    guard !(0xD800...0xDFFF).contains(unit) else { throw error("a surrogate escape reads differently in Python and JSON") }
                    position += 6
                default:
                    throw error("an escape that does not read the same in every language")
                }
            case 0x0A, 0x0D:
                throw error("a line break inside a string literal")
            default:
                position += 1
            }
        }
    }

    private mutating func parseKey() throws(SyntaxError) -> String {
        if current == UInt8(ascii: "\"") { return try parseStringLiteral() }
        guard language == .typescript else { throw error("expected a string key") }
        let name = parseIdentifier()
        guard !name.isEmpty else { throw error("expected a key") }
        return name
    }

    private mutating func parseObject(depth: Int) throws(SyntaxError) -> CodeValue {
        position += 1
        var members: [CodeValue.Member] = []
        while true {
            skipSpace()
            if current == UInt8(ascii: "}") { position += 1; return .object(members) }
            let key = try parseKey()
            skipSpace()
            try expect(":")
            members.append(CodeValue.Member(key, try parseValue(depth: depth + 1)))
            skipSpace()
            if current == UInt8(ascii: ",") { position += 1; continue }
            skipSpace()
            try expect("}")
            return .object(members)
        }
    }

    private mutating func parseArray(depth: Int) throws(SyntaxError) -> CodeValue {
        position += 1
        var items: [CodeValue] = []
        while true {
            skipSpace()
            if current == UInt8(ascii: "]") { position += 1; return .array(items) }
            items.append(try parseValue(depth: depth + 1))
            skipSpace()
            if current == UInt8(ascii: ",") { position += 1; continue }
            try expect("]")
            return .array(items)
        }
    }
}
