/// A fast reader for the front matter most pages have: `key: value` lines with plain values.
///
/// Reading ten thousand pages through a full YAML parser costs a fifth of a large build, so the
/// common case is read here, and anything this reader is not certain about (quotes, lists,
/// anchors, comments after values, repeated keys, values YAML could type differently) returns
/// nil and goes to Yams. A test checks that both readers agree on every input this one accepts.
enum SimpleFrontMatter {
    struct Entry: Equatable {
        let key: String
        let value: String
        let line: Int
    }

    /// The entries, or nil when the text is not simple enough to be read without YAML.
    static func read(_ yaml: String) -> [Entry]? {
        var entries: [Entry] = []
        var seen = Set<String>()
        var line = 0
        // Bytes, not characters: a line feed and an ASCII colon are always characters of their own.
        for rawBytes in yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            line += 1
            let rawLine = Substring(rawBytes)
            if rawBytes.isEmpty || rawBytes.first == 0x23 { continue }
            guard let colon = rawBytes.firstIndex(of: 0x3A) else { return nil }
            let key = rawBytes[..<colon]
            guard let first = key.first, isASCIILetter(first) || first == 0x5F,
                  key.allSatisfy({ isASCIILetter($0) || isASCIIDigit($0) || $0 == 0x5F }) else { return nil }
            let rest = rawBytes[rawBytes.index(after: colon)...]
            guard rest.first == 0x20, rest.count >= 2 else { return nil }
            let value = rawLine[rest.index(after: rest.startIndex)...]
            guard isPlain(value) else { return nil }
            let name = String(Substring(key))
            guard seen.insert(name).inserted else { return nil }
            entries.append(Entry(key: name, value: String(value), line: line))
        }
        return entries
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isASCIIDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    /// The punctuation ``isPlain(_:)`` allows inside a value.
    private static let plainPunctuation = Set(" .,;:()/?!-_+=&'".utf8)

    /// Characters that keep a value a plain string in every YAML reading; the first and last
    /// character are stricter. ASCII values are checked byte by byte; others character by character.
    private static func isPlain(_ value: Substring) -> Bool {
        let bytes = value.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return isPlainUnicode(value) }
        guard let first = bytes.first, let last = bytes.last else { return false }
        guard isASCIILetter(first) || isASCIIDigit(first) || first == 0x28, last != 0x20 else { return false }
        var previous: UInt8 = 0x20
        for byte in bytes {
            if byte == 0x23 && previous == 0x20 { return false }
            if previous == 0x3A && byte == 0x20 { return false }
            guard isASCIILetter(byte) || isASCIIDigit(byte) || plainPunctuation.contains(byte) else { return false }
            previous = byte
        }
        return last != 0x3A
    }

    private static func isPlainUnicode(_ value: Substring) -> Bool {
        guard let first = value.first, let last = value.last else { return false }
        guard first.isLetter || first.isNumber || first == "(", last != " " else { return false }
        var previous: Character = " "
        for character in value {
            if character == "#" && previous == " " { return false }
            if previous == ":" && character == " " { return false }
            guard character.isLetter || character.isNumber || " .,;:()/?!-_+=&'".contains(character) else { return false }
            previous = character
        }
        return last != ":"
    }

    /// A whole number written the way every YAML version reads it as one.
    static func integer(_ value: String) -> Int? {
        guard value == "0" || (value.first != "0" && value.first != "+" && !(value.hasPrefix("-0"))) else { return nil }
        guard value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), value.dropFirst().allSatisfy(\.isNumber) else { return nil }
        return Int(value)
    }

    /// `true` or `false`, the spellings every YAML version agrees on.
    static func boolean(_ value: String) -> Bool? {
        ["true": true, "false": false][value]
    }
}
