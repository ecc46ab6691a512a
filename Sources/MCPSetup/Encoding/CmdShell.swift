/// cmd.exe: a command line typed at the Command Prompt (or run with `cmd /c`).
///
/// cmd does not split arguments; it scans the line, acts on some characters, and hands the rest
/// to the program as one string, which the program splits by the C runtime rules
/// (``WindowsCommandLine``). So a line is written in two layers, and this encoder is strict about
/// the cmd layer: it writes only lines that cmd passes on unchanged, and refuses anything else
/// rather than rely on `^` escapes. The rules (checked 2026-11-22, sources:
/// learn.microsoft.com/windows-server/administration/windows-commands/cmd, "special characters";
/// learn.microsoft.com/troubleshoot/windows-client/shell-experience/command-line-string-limitation;
/// the phase-by-phase account of cmd's parser at stackoverflow.com/questions/4094699):
///
/// - every `"` toggles cmd's quote state, whatever backslashes precede it (cmd knows no `\"`);
///   outside that state `& | < > ^ ( )` are operators or escapes, so they must not appear there.
///   A JSON argument `"{\"a\":\"b\"}"` leaves the parts between `\"` pairs outside cmd's quotes,
///   so those parts are checked like any unquoted text;
/// - `%NAME%` is replaced by an environment variable's value, inside quotes too, and the
///   command line has no escape for `%` (`%%` works only in batch files); an undefined name stays
///   as typed, but which names are defined is not known, so a line may hold at most one `%`;
/// - `!NAME!` is replaced when delayed expansion is on (`cmd /v:on`, or the DelayedExpansion
///   registry value), and a lone `!` is removed, so no `!` at all;
/// - a line break ends the command, and a line may be at most 8191 characters.
///
/// Programs that Windows installs as `.cmd` files (`code.cmd`, npm's shims such as `claude.cmd`)
/// run through cmd once more with the same text (`%*`), which the same rules make harmless:
/// quotes are kept, so the quote state is the same, and no `^` escape is there to be consumed.
public enum CmdShell {
    /// cmd's longest command line.
    static let maximumLength = 8191

    /// One argument: bare when it is made of plain characters, otherwise in double quotes by the
    /// C runtime rules.
    public static func quote(_ word: String) -> String {
        var output: [UInt8] = []
        appendArgument(word.utf8, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Bytes that stand for themselves in a bare word, for cmd and the C runtime alike.
    private static let plainBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+-".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// Appends one argument (UTF-8 bytes) to `output`, as ``quote(_:)`` writes it.
    public static func appendArgument(_ word: some Collection<UInt8>, to output: inout [UInt8]) {
        if !word.isEmpty, word.allSatisfy({ plainBytes[Int($0)] }) {
            output.append(contentsOf: word)
        } else {
            WindowsCommandLine.appendQuoted(word, to: &output)
        }
    }

    /// Writes a command line, or refuses when cmd would not pass it on unchanged.
    public static func join(_ argv: [String]) throws(Unencodable) -> String {
        guard let program = argv.first, WindowsCommandLine.isProgramName(program) else {
            throw Unencodable(syntax: "cmd", reason: "the program name is not a plain word")
        }
        let line = ([program] + argv.dropFirst().map(quote)).joined(separator: " ")
        if let problem = problem(in: line) { throw Unencodable(syntax: "cmd", reason: problem) }
        return line
    }

    /// Splits a line into the words the program receives, refusing a line that cmd would change.
    public static func split(_ line: String) throws(SyntaxError) -> [String] {
        if let problem = problem(in: line) { throw SyntaxError(syntax: "cmd", message: problem) }
        return try WindowsCommandLine.split(line, syntax: "cmd")
    }

    /// What cmd would do to a line other than hand it to the program.
    public enum Problem: String, Sendable, Hashable, CaseIterable {
        /// Longer than cmd's longest line.
        case tooLong = "too-long"
        /// A control character or line break.
        case control
        /// Two `%` signs.
        case twoPercentSigns = "two-percent-signs"
        /// A `!`.
        case exclamationMark = "exclamation-mark"
        /// One of `& | < > ^ ( )` outside double quotes.
        case operatorOutsideQuotes = "operator-outside-quotes"

        /// The reason, as the end of a sentence.
        public var text: String {
            switch self {
            case .tooLong: return "the line is longer than the \(CmdShell.maximumLength) characters cmd accepts"
            case .control: return "it would hold a control character or line break, which cmd cannot pass on"
            case .twoPercentSigns: return "it would hold two '%' signs, between which cmd expands an environment variable (the cmd line has no escape for '%')"
            case .exclamationMark: return "it would hold '!', which cmd expands or removes when delayed expansion is on"
            case .operatorOutsideQuotes: return "it would hold one of & | < > ^ ( ) outside cmd's double quotes, where cmd acts on it"
            }
        }
    }

    /// What cmd would do to the line other than hand it to the program, or `nil` when nothing.
    static func problem(in line: String) -> String? {
        lineProblem(line)?.text
    }

    /// The first thing cmd would do to the line other than hand it to the program, or `nil`.
    public static func lineProblem(_ line: String) -> Problem? {
        lineProblem(utf8: line.utf8)
    }

    /// ``lineProblem(_:)`` for the UTF-8 bytes of a line.
    public static func lineProblem(utf8 line: some Collection<UInt8>) -> Problem? {
        if utf16Count(line) > maximumLength { return .tooLong }
        var quoted = false
        var percentSigns = 0
        var afterC2 = false
        for byte in line {
            // C0 controls and DEL are single bytes; C1 controls (U+0080–U+009F) are C2 80–C2 9F.
            if byte < 0x20 || byte == 0x7F || (afterC2 && (0x80...0x9F).contains(byte)) { return .control }
            afterC2 = byte == 0xC2
            switch byte {
            case UInt8(ascii: "\""):
                quoted.toggle()
            case UInt8(ascii: "%"):
                percentSigns += 1
                if percentSigns > 1 { return .twoPercentSigns }
            case UInt8(ascii: "!"):
                return .exclamationMark
            case UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "^"), UInt8(ascii: "("), UInt8(ascii: ")"):
                if !quoted { return .operatorOutsideQuotes }
            default:
                break
            }
        }
        return nil
    }

    /// The UTF-16 length of UTF-8 text: one unit a scalar, two for a scalar outside the BMP.
    private static func utf16Count(_ utf8: some Collection<UInt8>) -> Int {
        var count = 0
        for byte in utf8 where byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
        return count
    }

    /// Whether a text can be one word of a cmd line as any Windows program launcher writes it:
    /// nothing to quote (no space, tab or `"`) and nothing cmd acts on, even in quotes.
    public static func isInertWord(_ word: String) -> Bool {
        isInertWord(utf8: word.utf8)
    }

    /// ``isInertWord(_:)`` for UTF-8 bytes.
    public static func isInertWord(utf8 word: some Collection<UInt8>) -> Bool {
        !word.isEmpty && lineProblem(utf8: word) == nil && !word.contains { byte in
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "&")
                || byte == UInt8(ascii: "|") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "^") || byte == UInt8(ascii: "(")
                || byte == UInt8(ascii: ")")
        }
    }
}
