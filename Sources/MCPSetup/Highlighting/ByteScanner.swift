/// The cursor the lexers share: UTF-8 bytes, a position, and the tokens found so far.
struct ByteScanner {
    let bytes: [UInt8]
    var position = 0
    private(set) var tokens: [HighlightToken] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { position >= bytes.count }
    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    func peek(_ offset: Int) -> UInt8? {
        let index = position + offset
        return index < bytes.count ? bytes[index] : nil
    }

    /// Records `start..<position` as a token of `kind` (nothing when empty).
    mutating func emit(_ kind: HighlightKind, from start: Int) {
        guard position > start else { return }
        tokens.append(HighlightToken(start: start, end: position, kind: kind))
    }

    /// Moves past one byte and records it as a token of `kind`.
    mutating func single(_ kind: HighlightKind) {
        position += 1
        emit(kind, from: position - 1)
    }

    /// Moves to the end of the line (not past the newline).
    mutating func skipToLineEnd() {
        while let byte = current, byte != ASCII.newline { position += 1 }
    }

    mutating func skipSpaces() {
        while let byte = current, byte == ASCII.space || byte == ASCII.tab || byte == ASCII.carriageReturn { position += 1 }
    }

    /// Whether the bytes at the position spell `word` and the word ends there.
    func hasWord(_ word: String) -> Bool {
        var index = position
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        guard index < bytes.count else { return true }
        return !ASCII.isWordByte(bytes[index])
    }

    /// Moves past a quoted string that starts at the position: `escape` escapes the next byte;
    /// `doubledQuote` lets two quotes stand for one. Stops at the end of the line when `singleLine`.
    mutating func skipQuoted(escape: UInt8?, doubledQuote: Bool = false, singleLine: Bool = true) {
        let quote = bytes[position]
        position += 1
        while let byte = current {
            if singleLine, byte == ASCII.newline { return }
            if let escape, byte == escape {
                position = min(position + 2, bytes.count)
                continue
            }
            position += 1
            if byte == quote {
                if doubledQuote, current == quote { position += 1; continue }
                return
            }
        }
    }
}

/// The ASCII bytes the lexers look for.
enum ASCII {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")
    static let backtick = UInt8(ascii: "`")
    static let hash = UInt8(ascii: "#")
    static let dollar = UInt8(ascii: "$")
    static let percent = UInt8(ascii: "%")
    static let caret = UInt8(ascii: "^")
    static let minus = UInt8(ascii: "-")
    static let slash = UInt8(ascii: "/")
    static let colon = UInt8(ascii: ":")
    static let equals = UInt8(ascii: "=")
    static let comma = UInt8(ascii: ",")
    static let period = UInt8(ascii: ".")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let star = UInt8(ascii: "*")

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == carriageReturn
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Letters, digits, `_` and `-`, and any byte of a non-ASCII character.
    static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") || byte == minus || byte >= 0x80
    }

    /// Whether `bytes` read as a number: digits with an optional sign, point and exponent.
    static func isNumber(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        guard isDigit(first) || first == minus || first == UInt8(ascii: "+") else { return false }
        var digits = 0
        for byte in bytes {
            if isDigit(byte) { digits += 1; continue }
            guard byte == period || byte == minus || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "_") else { return false }
        }
        return digits > 0
    }
}
