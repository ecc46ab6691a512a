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
        for rawLine in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            if rawLine.isEmpty || rawLine.first == "#" { continue }
            guard let colon = rawLine.firstIndex(of: ":") else { return nil }
            let key = rawLine[..<colon]
            guard let first = key.first, first.isASCII, first.isLetter || first == "_",
                  key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { return nil }
            let rest = rawLine[rawLine.index(after: colon)...]
            guard rest.first == " ", rest.count >= 2 else { return nil }
            let value = rest.dropFirst()
            guard isPlain(value) else { return nil }
            guard seen.insert(String(key)).inserted else { return nil }
            entries.append(Entry(key: String(key), value: String(value), line: line))
        }
        return entries
    }

    /// Characters that keep a value a plain string in every YAML reading; the first and last
    /// character are stricter.
    private static func isPlain(_ value: Substring) -> Bool {
        guard let first = value.first, let last = value.last else { return false }
        guard first.isLetter || first.isNumber || first == "(" , last != " " else { return false }
        var previous: Character = " "
        for character in value {
            if character == "#" && previous == " " { return false }
            if previous == ":" && character == " " { return false }
            guard character.isLetter || character.isNumber || " .,;:()/?!-_+=&'".contains(character) else { return false }
            previous = character
        }
        if last == ":" { return false }
        return true
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
