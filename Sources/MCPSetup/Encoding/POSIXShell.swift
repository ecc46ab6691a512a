/// POSIX `sh` syntax: quoting words for a command line, and splitting a command line back into
/// the words a shell would pass to the program.
public enum POSIXShell {
    /// Bytes that stand for themselves anywhere in an unquoted word.
    private static let plainBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@%+=:,./-".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// Quotes one word so that `sh` reads it back as exactly `word`.
    ///
    /// Words made only of plain characters are left bare; anything else is put in single quotes,
    /// with each `'` written as `'\''`.
    public static func quote(_ word: String) -> String {
        var output: [UInt8] = []
        appendWord(word.utf8, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends one quoted word (UTF-8 bytes) to `output`, as ``quote(_:)`` writes it.
    public static func appendWord(_ word: some Collection<UInt8>, to output: inout [UInt8]) {
        if !word.isEmpty, word.allSatisfy({ plainBytes[Int($0)] }) {
            output.append(contentsOf: word)
            return
        }
        appendSingleQuoted(word, to: &output)
    }

    /// Appends `'text'`, each `'` written `'\''`.
    static func appendSingleQuoted(_ text: some Collection<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "'"))
        for byte in text {
            if byte == UInt8(ascii: "'") { output.append(contentsOf: #"'\''"#.utf8) } else { output.append(byte) }
        }
        output.append(UInt8(ascii: "'"))
    }

    /// Writes a command line from its words.
    public static func join(_ argv: [String]) -> String {
        argv.map(quote).joined(separator: " ")
    }

    /// Quotes a word that may hold environment reads (``EnvironmentMarker``): each read becomes
    /// `${NAME}` inside double quotes, so the shell substitutes the value as one word, unsplit
    /// and unglobbed. The whole word goes in double quotes when its literal text holds none of
    /// the characters double quotes treat specially (`$ \` \\ " !`); otherwise literal runs are
    /// single-quoted and each read double-quoted: `'{"key": "'"${KEY}"'"}'`.
    static func quoteWithVariables(_ word: String) throws(Unencodable) -> String {
        guard EnvironmentMarker.holdsMarker(word) else { return quote(word) }
        let segments = EnvironmentMarker.segments(word)
        var output = ""
        for segment in segments {
            if case .variable(let name) = segment, !isVariableName(name) {
                throw Unencodable(syntax: "POSIX shell", reason: "an environment variable name must be letters, digits and underscores")
            }
        }
        let special: Set<Unicode.Scalar> = ["$", "`", "\\", "\"", "!"]
        let plainLiterals = segments.allSatisfy { segment in
            if case .literal(let text) = segment { return !text.unicodeScalars.contains(where: special.contains) }
            return true
        }
        if plainLiterals {
            output = "\""
            for segment in segments {
                switch segment {
                case .literal(let text): output += text
                case .variable(let name): output += EnvironmentMarker.reference(name)
                }
            }
            return output + "\""
        }
        for segment in segments {
            switch segment {
            case .literal(let text):
                // Byte by byte, as appendWord: a quote that starts a grapheme cluster (`'` and a
                // combining mark) is still a quote to the shell.
                var bytes: [UInt8] = []
                POSIXShell.appendSingleQuoted(text.utf8, to: &bytes)
                output += String(decoding: bytes, as: UTF8.self)
            case .variable(let name): output += "\"" + EnvironmentMarker.reference(name) + "\""
            }
        }
        return output
    }

    /// Whether a name is a POSIX shell variable name.
    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }

    /// Splits a command line into words the way `sh` would, refusing anything it would
    /// interpret rather than pass on (expansions, operators, globs, comments). With
    /// `variables`, a `${NAME}` inside double quotes is read as a reference to NAME and kept in
    /// the word as an ``EnvironmentMarker``; every other expansion is still refused.
    public static func split(_ line: String, variables: Bool = false) throws(SyntaxError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var iterator = Array(line.unicodeScalars)[...]
        var offset = 0

        func fail(_ message: String) -> SyntaxError {
            SyntaxError(syntax: "POSIX shell", message: message, offset: offset)
        }

        while let scalar = iterator.popFirst() {
            offset += 1
            switch scalar {
            case " ", "\t", "\n":
                if inWord { words.append(current); current = ""; inWord = false }
            case "'":
                inWord = true
                var closed = false
                while let inner = iterator.popFirst() {
                    offset += 1
                    if inner == "'" { closed = true; break }
                    current.unicodeScalars.append(inner)
                }
                if !closed { throw fail("unterminated single quote") }
            case "\"":
                inWord = true
                var closed = false
                while let inner = iterator.popFirst() {
                    offset += 1
                    if inner == "\"" { closed = true; break }
                    if inner == "$", variables, iterator.first == "{" {
                        iterator.removeFirst()
                        offset += 1
                        var name = ""
                        while let character = iterator.popFirst() {
                            offset += 1
                            if character == "}" { break }
                            name.unicodeScalars.append(character)
                        }
                        guard isVariableName(name) else { throw fail("'${' does not read a variable by its name") }
                        current += EnvironmentMarker.mark(name)
                        continue
                    }
                    if inner == "$" || inner == "`" { throw fail("expansion inside double quotes") }
                    if inner == "\\" {
                        guard let escaped = iterator.popFirst() else { break }
                        offset += 1
                        switch escaped {
                        case "$", "`", "\"", "\\": current.unicodeScalars.append(escaped)
                        case "\n": break
                        default:
                            current.unicodeScalars.append("\\")
                            current.unicodeScalars.append(escaped)
                        }
                        continue
                    }
                    current.unicodeScalars.append(inner)
                }
                if !closed { throw fail("unterminated double quote") }
            case "\\":
                guard let escaped = iterator.popFirst() else { throw fail("trailing backslash") }
                offset += 1
                if escaped != "\n" {
                    inWord = true
                    current.unicodeScalars.append(escaped)
                }
            case "$", "`", "|", "&", ";", "<", ">", "(", ")", "*", "?", "[":
                throw fail("unquoted '\(scalar)' would be interpreted by the shell")
            case "#" where !inWord:
                throw fail("unquoted '#' starts a comment")
            case "~" where !inWord:
                throw fail("unquoted '~' would be expanded")
            default:
                inWord = true
                current.unicodeScalars.append(scalar)
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
