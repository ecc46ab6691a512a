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
        output.append(UInt8(ascii: "'"))
        for byte in word {
            if byte == UInt8(ascii: "'") { output.append(contentsOf: #"'\''"#.utf8) } else { output.append(byte) }
        }
        output.append(UInt8(ascii: "'"))
    }

    /// Writes a command line from its words.
    public static func join(_ argv: [String]) -> String {
        argv.map(quote).joined(separator: " ")
    }

    /// Splits a command line into words the way `sh` would, refusing anything it would
    /// interpret rather than pass on (expansions, operators, globs, comments).
    public static func split(_ line: String) throws(SyntaxError) -> [String] {
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
