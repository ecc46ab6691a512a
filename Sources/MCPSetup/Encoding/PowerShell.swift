/// PowerShell: quoting the words of a native command, and splitting a command line back.
///
/// Two layers decide what a program receives from PowerShell, and the encoder is strict about
/// both (facts checked 2026-11-22):
///
/// 1. PowerShell's own parser. A word is written bare when it cannot mean anything else, and in
///    single quotes otherwise, where nothing is expanded and a quote character is written twice.
///    PowerShell counts the typographic quotes U+2018, U+2019, U+201A and U+201B as single
///    quotes, so they are doubled as well (about_Quoting_Rules; `ScanStringLiteral` and
///    `IsSingleQuote` in PowerShell/PowerShell src/System.Management.Automation/engine/parser).
///    Env references such as `${VAR}` stay literal for the client to expand.
/// 2. Native argument passing: PowerShell joins the words into one Windows command line. Windows
///    PowerShell 5.1 and 7.0 to 7.2 ("Legacy") wrap a word containing whitespace in `"` without
///    escaping anything, drop empty words, and pass embedded `"` so that the program loses them;
///    7.3 and later ("Windows" mode) escape properly, except for `.cmd` and `.bat` programs, which
///    still get Legacy passing and then run through cmd (about_Parsing, "Passing arguments that
///    contain quote characters"). `code` is `code.cmd`, and npm installs `.cmd` shims. So the
///    encoder refuses a word with `"`, an empty word, and a word with whitespace that ends in a
///    backslash (no single line works in every version: microsoft/vscode#279280,
///    trycua/cua#1682), and checks the Legacy line with the cmd rules of ``CmdShell``.
///
/// There is no PowerShell on the machines that build mcp-setup: the tokenizer below is checked
/// against the examples of about_Quoting_Rules and against the encoder, and it refuses anything
/// outside the small grammar it implements (expansions, operators, escapes in bare words).
public enum PowerShell {
    /// Whether PowerShell reads the scalar as a single quote.
    static func isSingleQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || (0x2018...0x201B).contains(scalar.value)
    }

    /// Whether PowerShell reads the scalar as a double quote.
    static func isDoubleQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || (0x201C...0x201E).contains(scalar.value)
    }

    private static let bareCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+-".unicodeScalars)

    /// Words PowerShell passes exactly as written: an option (`-y`, `--header`), or a word that
    /// starts with a letter and holds only letters, digits and `_ . / : = + -`. A leading digit
    /// could be read as a number, and a leading `-` with other characters as a parameter.
    static func isBare(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard let first = scalars.first else { return false }
        if first == "-" {
            let name = scalars.drop { $0 == "-" }
            return scalars.count - name.count <= 2 && !name.isEmpty && WindowsCommandLine.isAlphanumeric(name.first!)
                && name.allSatisfy { WindowsCommandLine.isAlphanumeric($0) || $0 == "-" }
        }
        return ("a"..."z").contains(first) || ("A"..."Z").contains(first) ? scalars.allSatisfy(bareCharacters.contains) : false
    }

    private static let bareBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+-".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// ``isBare(_:)`` for UTF-8 bytes.
    static func isBare(utf8 word: some Collection<UInt8>) -> Bool {
        guard let first = word.first else { return false }
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || (0x30...0x39).contains(byte) }
        if first == UInt8(ascii: "-") {
            let name = word.drop { $0 == UInt8(ascii: "-") }
            return word.count - name.count <= 2 && name.first.map(isAlphanumeric) == true
                && name.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
        return isLetter(first) && word.allSatisfy { bareBytes[Int($0)] }
    }

    /// One word: bare, or in single quotes with every quote character doubled.
    public static func quote(_ word: String) -> String {
        var output: [UInt8] = []
        appendWord(word.utf8, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends one word (UTF-8 bytes) to `output`, as ``quote(_:)`` writes it: `'` and the
    /// typographic single quotes U+2018–U+201B (E2 80 98–9B) are written twice.
    public static func appendWord(_ word: some Collection<UInt8>, to output: inout [UInt8]) {
        if isBare(utf8: word) {
            output.append(contentsOf: word)
            return
        }
        let bytes = Array(word)
        output.append(UInt8(ascii: "'"))
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") {
                output.append(byte)
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, (0x98...0x9B).contains(bytes[index + 2]) {
                output.append(contentsOf: bytes[index...index + 2])
            }
            output.append(byte)
            index += 1
        }
        output.append(UInt8(ascii: "'"))
    }

    /// Writes a command line, or refuses when some PowerShell version would hand the program
    /// different words.
    public static func join(_ argv: [String]) throws(Unencodable) -> String {
        guard let program = argv.first, WindowsCommandLine.isProgramName(program) else {
            throw Unencodable(syntax: "PowerShell", reason: "the program name is not a plain word")
        }
        try checkNativePassing(argv)
        return ([program] + argv.dropFirst().map(quote)).joined(separator: " ")
    }

    /// The Windows command line PowerShell builds from the words: each word with whitespace in
    /// double quotes. For the words ``checkNativePassing(_:)`` accepts, Legacy and Windows mode
    /// build this same line.
    static func nativeCommandLine(_ argv: [String]) -> String {
        argv.map { word in word.unicodeScalars.contains(where: \.properties.isWhitespace) ? "\"" + word + "\"" : word }
            .joined(separator: " ")
    }

    /// An argument that PowerShell versions pass differently.
    public enum ArgumentProblem: String, Sendable, Hashable, CaseIterable {
        /// An empty argument.
        case empty
        /// An argument with a `"`.
        case doubleQuote = "double-quote"
        /// An argument with whitespace that ends in a backslash.
        case spaceThenFinalBackslash = "space-then-final-backslash"

        /// The reason, as the end of a sentence.
        public var text: String {
            switch self {
            case .empty: return "an argument would be empty, and Windows PowerShell 5.1 drops empty arguments"
            case .doubleQuote: return "an argument would hold a double quote, which PowerShell passes differently by version (5.1 drops it, 7.3 and later keep it), so no single line works everywhere"
            case .spaceThenFinalBackslash: return "an argument with a space would end in a backslash, which Windows PowerShell 5.1 passes as an escaped quote"
            }
        }
    }

    /// What makes PowerShell versions pass an argument (not the program name) differently.
    public static func argumentProblem(_ word: String) -> ArgumentProblem? {
        argumentProblem(utf8: word.utf8)
    }

    /// ``argumentProblem(_:)`` for UTF-8 bytes.
    public static func argumentProblem(utf8 word: some BidirectionalCollection<UInt8>) -> ArgumentProblem? {
        if word.isEmpty { return .empty }
        if word.contains(UInt8(ascii: "\"")) { return .doubleQuote }
        guard word.last == UInt8(ascii: "\\") else { return nil }
        let whitespace = word.allSatisfy({ $0 < 0x80 })
            ? word.contains { (0x09...0x0D).contains($0) || $0 == 0x20 }
            : String(decoding: word, as: UTF8.self).unicodeScalars.contains(where: \.properties.isWhitespace)
        return whitespace ? .spaceThenFinalBackslash : nil
    }

    /// The first words of a refusal that cmd causes through PowerShell's native line.
    public static let cmdLineReasonPrefix = "when the program is a .cmd file (as VS Code and npm install it), cmd reads the line PowerShell builds, and "

    /// ``nativeCommandLine(_:)`` for words that depend on the key, as a program: a word that
    /// holds whitespace (`holdsWhitespace`, decided for every key at once) in double quotes.
    static func nativeCommandLine(_ words: [KeyProgram], holdsWhitespace: (KeyProgram) -> Bool) -> KeyProgram {
        Shell.line(words.map { word in holdsWhitespace(word) ? KeyProgram(literal: "\"") + word + KeyProgram(literal: "\"") : word })
    }

    /// Refuses words that PowerShell versions pass differently, and lines that cmd would change
    /// when the program is a `.cmd` file.
    public static func checkNativePassing(_ argv: [String]) throws(Unencodable) {
        func refuse(_ reason: String) -> Unencodable { Unencodable(syntax: "PowerShell", reason: reason) }
        for word in argv.dropFirst() {
            if let problem = argumentProblem(word) { throw refuse(problem.text) }
        }
        let line = nativeCommandLine(argv)
        if let problem = CmdShell.lineProblem(line) {
            throw refuse(cmdLineReasonPrefix + problem.text)
        }
        // Given the checks above, the split always gives the words back (no word holds a quote,
        // no quoted word ends in a backslash); kept as the last word on it.
        guard (try? WindowsCommandLine.split(line)) == argv else {
            throw refuse("the program would not receive these exact words")
        }
    }

    /// Splits a command line into the words PowerShell hands the program. Accepts bare words,
    /// single-quoted strings and double-quoted strings without expansions; refuses everything
    /// else.
    public static func split(_ line: String) throws(SyntaxError) -> [String] {
        var reader = Reader(scalars: Array(line.unicodeScalars))
        return try reader.words()
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        func fail(_ message: String) -> SyntaxError {
            SyntaxError(syntax: "PowerShell", message: message, offset: index + 1)
        }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func words() throws(SyntaxError) -> [String] {
            var words: [String] = []
            while true {
                while current == " " || current == "\t" { index += 1 }
                guard let first = current else { break }
                let word: String
                if isSingleQuote(first) {
                    word = try quoted(by: PowerShell.isSingleQuote, expandable: false)
                } else if isDoubleQuote(first) {
                    word = try quoted(by: PowerShell.isDoubleQuote, expandable: true)
                } else {
                    word = try bare(isProgram: words.isEmpty)
                }
                if let next = current, next != " ", next != "\t" {
                    throw fail("a quoted string must be followed by a space")
                }
                words.append(word)
            }
            guard let program = words.first, WindowsCommandLine.isProgramName(program) else {
                throw fail("a command line must start with a program name")
            }
            return words
        }

        /// A quoted string: two quote characters in a row stand for the second one. In an
        /// expandable (double-quoted) string a backtick escapes and `$` would expand.
        mutating func quoted(by isQuote: (Unicode.Scalar) -> Bool, expandable: Bool) throws(SyntaxError) -> String {
            index += 1
            var word = ""
            while let scalar = current {
                index += 1
                if isQuote(scalar) {
                    guard let next = current, isQuote(next) else { return word }
                    word.unicodeScalars.append(next)
                    index += 1
                } else if expandable, scalar == "`" {
                    word.unicodeScalars.append(try escaped())
                } else if expandable, scalar == "$" {
                    throw fail("'$' inside double quotes expands a variable or an expression")
                } else {
                    word.unicodeScalars.append(scalar)
                }
            }
            throw fail("unterminated quoted string")
        }

        /// The character a backtick escape in a double-quoted string stands for.
        mutating func escaped() throws(SyntaxError) -> Unicode.Scalar {
            guard let scalar = current else { throw fail("a backtick at the end of the line") }
            index += 1
            switch scalar {
            case "0": return "\u{0}"
            case "a": return "\u{7}"
            case "b": return "\u{8}"
            case "e": return "\u{1B}"
            case "f": return "\u{C}"
            case "n": return "\n"
            case "r": return "\r"
            case "t": return "\t"
            case "v": return "\u{B}"
            case "u":
                guard current == "{" else { return scalar }
                index += 1
                var hex = ""
                while let digit = current, digit != "}" { hex.unicodeScalars.append(digit); index += 1 }
                guard current == "}", (1...6).contains(hex.count), let value = UInt32(hex, radix: 16), let result = Unicode.Scalar(value) else {
                    throw fail("a `u{…} escape needs 1 to 6 hex digits of a Unicode scalar")
                }
                index += 1
                return result
            default: return scalar
            }
        }

        mutating func bare(isProgram: Bool) throws(SyntaxError) -> String {
            var word = ""
            while let scalar = current, scalar != " ", scalar != "\t" {
                word.unicodeScalars.append(scalar)
                index += 1
            }
            if isProgram ? WindowsCommandLine.isProgramName(word) : isBare(word) { return word }
            throw fail("a bare word holds characters PowerShell may interpret; quote it")
        }
    }
}
