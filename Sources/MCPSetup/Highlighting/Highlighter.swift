/// Highlighting for artifacts and docs code blocks, done when the page is built: the value tree
/// says which language an artifact is in and where the key goes; a lexer per language classifies
/// the rest. The output is HTML spans with `hl-` classes (themed by the stylesheet, readable
/// without JavaScript) or compact runs the connect card applies to the text it fills.
public enum Highlighter {
    /// The tokens of `text`, in order, not overlapping; bytes outside every token are plain.
    public static func tokens(_ text: String, language: HighlightLanguage) -> [HighlightToken] {
        tokens(Array(text.utf8), language: language)
    }

    static func tokens(_ bytes: [UInt8], language: HighlightLanguage) -> [HighlightToken] {
        switch language {
        case .json: return DataLexers.json(bytes, comments: false)
        case .jsonc: return DataLexers.json(bytes, comments: true)
        case .yaml: return DataLexers.yaml(bytes)
        case .toml: return DataLexers.toml(bytes)
        case .posix: return ShellLexer(dialect: .posix).tokens(bytes)
        case .powershell: return ShellLexer(dialect: .powershell).tokens(bytes)
        case .cmd: return ShellLexer(dialect: .cmd).tokens(bytes)
        case .plain: return []
        }
    }

    /// The kind of every byte of `bytes`.
    static func kinds(_ bytes: [UInt8], language: HighlightLanguage) -> [HighlightKind] {
        var kinds = [HighlightKind](repeating: .plain, count: bytes.count)
        for token in tokens(bytes, language: language) {
            for index in token.start..<min(token.end, bytes.count) { kinds[index] = token.kind }
        }
        return kinds
    }

    /// `text` as HTML, each highlighted span in `<span class="hl-CODE">`.
    public static func html(_ text: String, language: HighlightLanguage) -> String {
        let bytes = Array(text.utf8)
        return html(bytes, kinds: kinds(bytes, language: language))
    }

    /// The text of `program` for `key` as HTML, the key's parts marked (`<mark class="hl-x">`).
    public static func html(_ program: KeyProgram, key: String, language: HighlightLanguage) -> String {
        let (bytes, kinds) = filled(program, key: Array(key.utf8), language: language)
        return html(bytes, kinds: kinds)
    }

    /// The runs of `text`: each kind's code followed by how many UTF-16 code units it covers
    /// (`p1k7p1s22`), the form the connect card reads.
    public static func runs(_ text: String, language: HighlightLanguage) -> String {
        let bytes = Array(text.utf8)
        return runs(bytes[...], kinds: kinds(bytes, language: language)[...])
    }

    /// Runs for each top-level part of `program`: a literal's runs, `nil` for a part that
    /// depends on the key (the card marks it as the key).
    public static func partRuns(_ program: KeyProgram, language: HighlightLanguage) -> [String?] {
        // The key's parts are lexed as a short plain word, which every escaper leaves alone.
        let (_, kinds) = filled(program, key: Array("KEY".utf8), language: language)
        var bytes: [UInt8] = []
        var result: [String?] = []
        for part in program.parts {
            let start = bytes.count
            KeyProgram(parts: [part]).write(key: Array("KEY".utf8), into: &bytes)
            if case .literal = part {
                result.append(runs(bytes[start...], kinds: kinds[start..<bytes.count]))
            } else {
                result.append(nil)
            }
        }
        return result
    }

    /// The text of `program` for `key` and each byte's kind, the key's parts marked.
    private static func filled(_ program: KeyProgram, key: [UInt8], language: HighlightLanguage) -> (bytes: [UInt8], kinds: [HighlightKind]) {
        var bytes: [UInt8] = []
        var keyRanges: [Range<Int>] = []
        for part in program.parts {
            let start = bytes.count
            KeyProgram(parts: [part]).write(key: key, into: &bytes)
            if case .literal = part { continue }
            keyRanges.append(start..<bytes.count)
        }
        var kinds = kinds(bytes, language: language)
        for range in keyRanges { for index in range { kinds[index] = .key } }
        return (bytes, kinds)
    }

    /// Each run of one kind, escaped by ``HTMLText/escape(_:)`` (the templates' own HTML
    /// escaping) and wrapped in its class.
    private static func html(_ bytes: [UInt8], kinds: [HighlightKind]) -> String {
        var output = ""
        output.reserveCapacity(bytes.count * 2)
        var index = 0
        while index < bytes.count {
            let kind = kinds[index]
            var end = index
            while end < bytes.count, kinds[end] == kind { end += 1 }
            let text = HTMLText.escape(String(decoding: bytes[index..<end], as: UTF8.self))
            switch kind {
            case .plain: output += text
            case .key: output += "<mark class=\"hl-x\">" + text + "</mark>"
            default: output += "<span class=\"hl-" + kind.rawValue + "\">" + text + "</span>"
            }
            index = end
        }
        return output
    }

    private static func runs(_ bytes: ArraySlice<UInt8>, kinds: ArraySlice<HighlightKind>) -> String {
        var output = ""
        var current: HighlightKind?
        var length = 0
        for (byte, kind) in zip(bytes, kinds) {
            // UTF-16 code units: one per character, two for those beyond U+FFFF; none for the
            // continuation bytes of a character.
            let units = byte & 0xC0 == 0x80 ? 0 : (byte >= 0xF0 ? 2 : 1)
            if kind != current, units > 0 {
                if let current, length > 0 { output += current.rawValue + String(length) }
                current = kind
                length = 0
            }
            length += units
        }
        if let current, length > 0 { output += current.rawValue + String(length) }
        return output
    }
}
