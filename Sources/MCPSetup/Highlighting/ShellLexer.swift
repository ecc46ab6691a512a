/// A lexer for command lines in POSIX sh, PowerShell and cmd: the program, options, quoted
/// strings, variable references, operators, line continuations and comments. For display only;
/// the shell encoders (``POSIXShell``, ``PowerShell``, ``CmdShell``) own what a line means.
struct ShellLexer {
    /// What differs between the shells.
    struct Dialect {
        /// The byte that escapes the next one outside quotes (and ends a continued line).
        var escape: UInt8
        /// Quotes, each with the byte that escapes inside it and whether a doubled quote stands for one.
        var quotes: [(quote: UInt8, escape: UInt8?, doubled: Bool)]
        /// Whether `#` at the start of a word starts a comment.
        var hashComments: Bool
        /// Whether a line starting with `REM ` or `::` is a comment.
        var remarkComments: Bool
        /// `$NAME`, `$env:NAME` references.
        var dollarNames: Bool
        /// `%NAME%` references.
        var percentNames: Bool
        /// Whether `/x` is an option.
        var slashOptions: Bool

        static let posix = Dialect(escape: ASCII.backslash, quotes: [(ASCII.singleQuote, nil, false), (ASCII.doubleQuote, ASCII.backslash, false)],
                                   hashComments: true, remarkComments: false, dollarNames: true, percentNames: false, slashOptions: false)
        static let powershell = Dialect(escape: ASCII.backtick, quotes: [(ASCII.singleQuote, nil, true), (ASCII.doubleQuote, ASCII.backtick, true)],
                                        hashComments: true, remarkComments: false, dollarNames: true, percentNames: false, slashOptions: false)
        static let cmd = Dialect(escape: ASCII.caret, quotes: [(ASCII.doubleQuote, nil, false)],
                                 hashComments: false, remarkComments: true, dollarNames: false, percentNames: true, slashOptions: true)
    }

    let dialect: Dialect

    /// Bytes that end a word and separate commands or redirect.
    private static let operators = Set("|&;<>()".utf8)

    func tokens(_ bytes: [UInt8]) -> [HighlightToken] {
        var scanner = ByteScanner(bytes)
        var commandStart = true
        var lineStart = true
        while let byte = scanner.current {
            let start = scanner.position
            if byte == ASCII.newline {
                scanner.position += 1
                commandStart = true
                lineStart = true
                continue
            }
            if ASCII.isSpace(byte) { scanner.position += 1; continue }
            defer { lineStart = false }
            if byte == dialect.escape, scanner.peek(1) == ASCII.newline || (scanner.peek(1) == ASCII.carriageReturn && scanner.peek(2) == ASCII.newline) {
                // A continued line: the command goes on.
                scanner.single(.punctuation)
                scanner.skipSpaces()
                if scanner.current == ASCII.newline { scanner.position += 1 }
                continue
            }
            if (dialect.hashComments && byte == ASCII.hash) || (dialect.remarkComments && lineStart && (scanner.hasWord("REM") || scanner.hasWord("rem") || (byte == ASCII.colon && scanner.peek(1) == ASCII.colon))) {
                scanner.skipToLineEnd()
                scanner.emit(.comment, from: start)
                continue
            }
            if Self.operators.contains(byte) {
                while let next = scanner.current, Self.operators.contains(next) { scanner.position += 1 }
                scanner.emit(.punctuation, from: start)
                commandStart = byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "(") && byte != UInt8(ascii: ")")
                continue
            }
            word(&scanner, commandStart: commandStart)
            // `cmd /c PROGRAM …` runs PROGRAM.
            let text = scanner.bytes[start..<scanner.position]
            commandStart = dialect.slashOptions && (text.elementsEqual("/c".utf8) || text.elementsEqual("/C".utf8))
        }
        return scanner.tokens
    }

    /// One word: the program, an option, or an argument made of plain, quoted and variable parts.
    private func word(_ scanner: inout ByteScanner, commandStart: Bool) {
        let start = scanner.position
        let first = scanner.bytes[start]
        let isOption = !commandStart && (first == ASCII.minus || (dialect.slashOptions && first == ASCII.slash)) && scanner.peek(1).map(ASCII.isWordByte) ?? false
        if commandStart || isOption {
            // The program or the option's name, up to a quote, `=` or the word's end.
            while let byte = scanner.current, !ASCII.isSpace(byte), !Self.operators.contains(byte), !dialect.quotes.contains(where: { $0.quote == byte }),
                  byte != ASCII.dollar || !dialect.dollarNames, !(isOption && (byte == ASCII.equals || byte == ASCII.colon)) {
                scanner.position += 1
            }
            scanner.emit(commandStart ? .command : .flag, from: start)
        }
        while let byte = scanner.current, !ASCII.isSpace(byte), !Self.operators.contains(byte) {
            if let quote = dialect.quotes.first(where: { $0.quote == byte }) {
                let quoteStart = scanner.position
                scanner.skipQuoted(escape: quote.escape, doubledQuote: quote.doubled, singleLine: false)
                let end = scanner.position
                scanner.position = quoteStart
                if quote.escape == nil && quote.quote == ASCII.singleQuote {
                    scanner.position = end
                    scanner.emit(.string, from: quoteStart)
                } else {
                    scanner.string(to: end, dollarNames: dialect.dollarNames, percentNames: dialect.percentNames)
                }
            } else if let length = scanner.variableLength(at: scanner.position, end: scanner.bytes.count, dollarNames: dialect.dollarNames, percentNames: dialect.percentNames),
                      byte == ASCII.dollar || byte == ASCII.percent {
                let variableStart = scanner.position
                scanner.position += length
                scanner.emit(.variable, from: variableStart)
            } else if byte == dialect.escape {
                scanner.position = min(scanner.position + 2, scanner.bytes.count)
            } else {
                scanner.position += 1
            }
        }
    }
}
