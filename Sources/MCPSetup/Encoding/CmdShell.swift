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
    /// Characters that stand for themselves in a bare word, for cmd and the C runtime alike.
    private static let plainCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+-".unicodeScalars)

    /// cmd's longest command line.
    static let maximumLength = 8191

    /// One argument: bare when it is made of plain characters, otherwise in double quotes by the
    /// C runtime rules.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.unicodeScalars.allSatisfy({ plainCharacters.contains($0) }) { return word }
        return WindowsCommandLine.quote(word)
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

    /// What cmd would do to the line other than hand it to the program, or `nil` when nothing.
    static func problem(in line: String) -> String? {
        if line.utf16.count > maximumLength {
            return "the line is longer than the \(maximumLength) characters cmd accepts"
        }
        var quoted = false
        var percentSigns = 0
        for scalar in line.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                return "it would hold a control character or line break, which cmd cannot pass on"
            }
            switch scalar {
            case "\"":
                quoted.toggle()
            case "%":
                percentSigns += 1
                if percentSigns > 1 {
                    return "it would hold two '%' signs, between which cmd expands an environment variable (the cmd line has no escape for '%')"
                }
            case "!":
                return "it would hold '!', which cmd expands or removes when delayed expansion is on"
            case "&", "|", "<", ">", "^", "(", ")":
                if !quoted { return "it would hold one of & | < > ^ ( ) outside cmd's double quotes, where cmd acts on it" }
            default:
                break
            }
        }
        return nil
    }

    /// Whether a text can be one word of a cmd line as any Windows program launcher writes it:
    /// nothing to quote (no space, tab or `"`) and nothing cmd acts on, even in quotes.
    public static func isInertWord(_ word: String) -> Bool {
        !word.isEmpty && problem(in: word) == nil && !word.unicodeScalars.contains { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "%" || $0 == "&" || $0 == "|" || $0 == "<" || $0 == ">" || $0 == "^" || $0 == "(" || $0 == ")" }
    }
}
