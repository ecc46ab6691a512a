/// How a Windows program splits its command line into words: Windows hands a program one string,
/// and the program's C runtime (or `CommandLineToArgvW`) splits it.
///
/// Rules (learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments, checked
/// 2026-11-22): words are separated by spaces and tabs; `"` starts and ends a quoted part, in
/// which spaces belong to the word; `2n` backslashes before a `"` are `n` backslashes and the
/// quote counts as a quote; `2n+1` backslashes before a `"` are `n` backslashes and a literal
/// `"`; other backslashes are literal. The program name (the first word) is read without any
/// backslash rules. The C runtime (2008 and later) and `CommandLineToArgvW` disagree only about a
/// `""` inside a quoted part (David Deley, "How Command Line Parameters Are Parsed", §5), which
/// the writer never produces and the splitter refuses.
public enum WindowsCommandLine {
    /// Quotes one word in double quotes so the C runtime reads it back exactly.
    public static func quote(_ word: String) -> String {
        var output: [UInt8] = []
        appendQuoted(word.utf8, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends one word (UTF-8 bytes) in double quotes to `output`: `2n+1` backslashes before a
    /// `"`, `2n` before the closing quote, other backslashes as they are.
    public static func appendQuoted(_ word: some Collection<UInt8>, to output: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\"), quote = UInt8(ascii: "\"")
        output.append(quote)
        var backslashes = 0
        for byte in word {
            switch byte {
            case backslash:
                backslashes += 1
            case quote:
                output.append(contentsOf: repeatElement(backslash, count: backslashes * 2 + 1))
                output.append(quote)
                backslashes = 0
            default:
                if backslashes > 0 {
                    output.append(contentsOf: repeatElement(backslash, count: backslashes))
                    backslashes = 0
                }
                output.append(byte)
            }
        }
        output.append(contentsOf: repeatElement(backslash, count: backslashes * 2))
        output.append(quote)
    }

    /// Whether a word is a program name this module writes and reads bare: letters, digits,
    /// `.`, `_` and `-`, starting with a letter or digit.
    static func isProgramName(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, isAlphanumeric(first) else { return false }
        return word.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// ASCII letters and digits.
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Splits a command line into the words the program receives, refusing what C runtimes read
    /// differently: a quoted program name, `""` inside a quoted part, an unterminated quote.
    public static func split(_ line: String, syntax: String = "Windows command line") throws(SyntaxError) -> [String] {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        func fail(_ message: String) -> SyntaxError {
            SyntaxError(syntax: syntax, message: message, offset: index + 1)
        }
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        var program = ""
        while index < scalars.count, scalars[index] != " ", scalars[index] != "\t" {
            program.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard isProgramName(program) else { throw fail("the program name must be a plain word") }
        var words = [program]
        while true {
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
            guard index < scalars.count else { break }
            var word = ""
            var quoted = false
            while index < scalars.count {
                var backslashes = 0
                while index < scalars.count, scalars[index] == "\\" { backslashes += 1; index += 1 }
                if index < scalars.count, scalars[index] == "\"" {
                    word += String(repeating: "\\", count: backslashes / 2)
                    if backslashes % 2 == 1 {
                        word += "\""
                    } else {
                        if quoted, index + 1 < scalars.count, scalars[index + 1] == "\"" {
                            throw fail("'\"\"' inside quotes is read differently by different C runtimes")
                        }
                        quoted.toggle()
                    }
                    index += 1
                    continue
                }
                word += String(repeating: "\\", count: backslashes)
                guard index < scalars.count else { break }
                let scalar = scalars[index]
                if !quoted, scalar == " " || scalar == "\t" { break }
                word.unicodeScalars.append(scalar)
                index += 1
            }
            if quoted { throw fail("unterminated double quote") }
            words.append(word)
        }
        return words
    }
}
