import PropertyBased

/// Generators shared by the property tests.
enum Generators {
    /// Characters that break naive quoting in one syntax or another.
    static let hostileCharacters: [Character] = ["'", "\"", "$", "(", ")", "`", "\\", "%", "&", "+", "/", "=", "#", "?", "!", "*", "[", "]", "{", "}", "<", ">", "|", ";", "~", ":", "@", ","]

    /// A visible-ASCII character, half the time one of the hostile ones.
    static let keyCharacter = Gen<Character>.oneOf(
        Gen.character(in: "!"..."~").eraseToAnySequence(),
        Gen.element(of: hostileCharacters).compactMap { $0 }.eraseToAnySequence()
    )

    /// A key: 1 to 200 visible ASCII characters, rich in hostile ones.
    static let key = keyCharacter.string(of: 1...200)

    /// Any Unicode scalar except surrogates: controls, ASCII, Latin, CJK, emoji.
    static let anyCharacter = Gen<Character>.oneOf(
        Gen.character(in: "\u{0}"..."\u{7F}").eraseToAnySequence(),
        Gen.character(in: "\u{80}"..."\u{7FF}").eraseToAnySequence(),
        Gen.character(in: "\u{800}"..."\u{D7FF}").eraseToAnySequence(),
        Gen.character(in: "\u{E000}"..."\u{FFFF}").eraseToAnySequence(),
        Gen.character(in: "\u{1F300}"..."\u{1FAFF}").eraseToAnySequence(),
        Gen.element(of: hostileCharacters).compactMap { $0 }.eraseToAnySequence()
    )

    /// Any text, 0 to 80 characters.
    static let text = anyCharacter.string(of: 0...80)
}

/// The number of generated cases each encoder's round-trip property runs.
let propertyCaseCount = 10_000
