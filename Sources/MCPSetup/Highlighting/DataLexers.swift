/// Lexers for the file syntaxes: JSON (with comments), YAML and TOML. They classify the text for
/// display only; the encoders and parsers (``JSONSyntax``, ``YAMLSyntax``, ``TOMLSyntax``) own
/// what the text means.
enum DataLexers {
    static func json(_ bytes: [UInt8], comments: Bool) -> [HighlightToken] {
        var scanner = ByteScanner(bytes)
        while let byte = scanner.current {
            let start = scanner.position
            switch byte {
            case ASCII.doubleQuote:
                scanner.skipQuoted(escape: ASCII.backslash, singleLine: false)
                let end = scanner.position
                if nextSignificant(bytes, from: end, skippingComments: comments) == ASCII.colon {
                    scanner.emit(.name, from: start)
                } else {
                    scanner.position = start
                    scanner.string(to: end)
                }
            case ASCII.slash where comments && scanner.peek(1) == ASCII.slash:
                scanner.skipToLineEnd()
                scanner.emit(.comment, from: start)
            case ASCII.slash where comments && scanner.peek(1) == ASCII.star:
                scanner.position += 2
                while !scanner.atEnd, !(scanner.current == ASCII.star && scanner.peek(1) == ASCII.slash) { scanner.position += 1 }
                scanner.position = min(scanner.position + 2, bytes.count)
                scanner.emit(.comment, from: start)
            case ASCII.openBrace, ASCII.closeBrace, ASCII.openBracket, ASCII.closeBracket, ASCII.colon, ASCII.comma:
                scanner.single(.punctuation)
            default:
                if ASCII.isSpace(byte) { scanner.position += 1; continue }
                while let next = scanner.current, !ASCII.isSpace(next), !"{}[]:,\"".utf8.contains(next) { scanner.position += 1 }
                if scanner.position == start { scanner.position += 1 }
                let word = bytes[start..<scanner.position]
                if ASCII.isNumber(word) || ["true", "false", "null"].contains(where: { word.elementsEqual($0.utf8) }) {
                    scanner.emit(.constant, from: start)
                }
            }
        }
        return scanner.tokens
    }

    /// The first byte at or after `index` that is not whitespace (or a comment).
    private static func nextSignificant(_ bytes: [UInt8], from index: Int, skippingComments: Bool) -> UInt8? {
        var index = index
        while index < bytes.count {
            let byte = bytes[index]
            if ASCII.isSpace(byte) { index += 1; continue }
            if skippingComments, byte == ASCII.slash, index + 1 < bytes.count, bytes[index + 1] == ASCII.star {
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == ASCII.star && bytes[index + 1] == ASCII.slash) { index += 1 }
                index += 2
                continue
            }
            return byte
        }
        return nil
    }

    static func yaml(_ bytes: [UInt8]) -> [HighlightToken] {
        var scanner = ByteScanner(bytes)
        while !scanner.atEnd {
            scanner.skipSpaces()
            // Sequence entries.
            while scanner.current == ASCII.minus, scanner.peek(1).map(ASCII.isSpace) ?? true {
                scanner.single(.punctuation)
                scanner.skipSpaces()
            }
            if scanner.current == ASCII.hash {
                let start = scanner.position
                scanner.skipToLineEnd()
                scanner.emit(.comment, from: start)
            } else if let colon = yamlKeyEnd(bytes, from: scanner.position) {
                let keyStart = scanner.position
                scanner.position = colon
                scanner.emit(.name, from: keyStart)
                scanner.single(.punctuation)
                scanner.skipSpaces()
                yamlValue(&scanner)
            } else {
                yamlValue(&scanner)
            }
            scanner.skipToLineEnd()
            if !scanner.atEnd { scanner.position += 1 }
        }
        return scanner.tokens
    }

    /// The index of the `:` that ends a mapping key starting at `index`, if the line has one.
    private static func yamlKeyEnd(_ bytes: [UInt8], from index: Int) -> Int? {
        var index = index
        if index < bytes.count, bytes[index] == ASCII.doubleQuote || bytes[index] == ASCII.singleQuote {
            var scanner = ByteScanner(bytes)
            scanner.position = index
            scanner.skipQuoted(escape: bytes[index] == ASCII.doubleQuote ? ASCII.backslash : nil, doubledQuote: bytes[index] == ASCII.singleQuote)
            index = scanner.position
            return index < bytes.count && bytes[index] == ASCII.colon ? index : nil
        }
        while index < bytes.count, bytes[index] != ASCII.newline {
            let byte = bytes[index]
            if byte == ASCII.colon, index + 1 == bytes.count || ASCII.isSpace(bytes[index + 1]) { return index }
            if byte == ASCII.hash || byte == ASCII.openBrace || byte == ASCII.openBracket || byte == ASCII.doubleQuote { return nil }
            index += 1
        }
        return nil
    }

    /// A scalar or flow value up to the end of the line.
    private static func yamlValue(_ scanner: inout ByteScanner) {
        while let byte = scanner.current, byte != ASCII.newline {
            let start = scanner.position
            switch byte {
            case ASCII.doubleQuote, ASCII.singleQuote:
                scanner.skipQuoted(escape: byte == ASCII.doubleQuote ? ASCII.backslash : nil, doubledQuote: byte == ASCII.singleQuote)
                let end = scanner.position
                scanner.position = start
                scanner.string(to: end)
            case ASCII.openBracket, ASCII.closeBracket, ASCII.openBrace, ASCII.closeBrace, ASCII.comma:
                scanner.single(.punctuation)
            case ASCII.hash where start > 0 && ASCII.isSpace(scanner.bytes[start - 1]):
                scanner.skipToLineEnd()
                scanner.emit(.comment, from: start)
            default:
                if ASCII.isSpace(byte) { scanner.position += 1; continue }
                while let next = scanner.current, next != ASCII.newline, !",[]{}".utf8.contains(next),
                      !(next == ASCII.space && scanner.peek(1) == ASCII.hash) {
                    scanner.position += 1
                }
                var end = scanner.position
                while end > start, ASCII.isSpace(scanner.bytes[end - 1]) { end -= 1 }
                let word = scanner.bytes[start..<end]
                let constant = ASCII.isNumber(word) || ["true", "false", "null", "~"].contains(where: { word.elementsEqual($0.utf8) })
                scanner.position = start
                if constant {
                    scanner.position = end
                    scanner.emit(.constant, from: start)
                } else {
                    scanner.string(to: end)
                }
                scanner.position = max(scanner.position, end)
            }
        }
    }

    static func toml(_ bytes: [UInt8]) -> [HighlightToken] {
        var scanner = ByteScanner(bytes)
        var keyPosition = true
        var depth = 0
        while let byte = scanner.current {
            let start = scanner.position
            switch byte {
            case ASCII.newline:
                scanner.position += 1
                if depth == 0 { keyPosition = true }
            case ASCII.hash:
                scanner.skipToLineEnd()
                scanner.emit(.comment, from: start)
            case ASCII.openBracket where keyPosition && depth == 0:
                // A table header: [name] or [[name]].
                while scanner.current == ASCII.openBracket { scanner.single(.punctuation) }
                let nameStart = scanner.position
                while let next = scanner.current, next != ASCII.closeBracket, next != ASCII.newline {
                    if next == ASCII.doubleQuote || next == ASCII.singleQuote { scanner.skipQuoted(escape: next == ASCII.doubleQuote ? ASCII.backslash : nil) } else { scanner.position += 1 }
                }
                scanner.emit(.name, from: nameStart)
                while scanner.current == ASCII.closeBracket { scanner.single(.punctuation) }
            case ASCII.equals:
                scanner.single(.punctuation)
                keyPosition = false
            case ASCII.openBracket, ASCII.openBrace:
                scanner.single(.punctuation)
                depth += 1
                keyPosition = byte == ASCII.openBrace
            case ASCII.closeBracket, ASCII.closeBrace:
                scanner.single(.punctuation)
                depth = max(0, depth - 1)
            case ASCII.comma:
                scanner.single(.punctuation)
                keyPosition = depth > 0 && enclosingIsTable(bytes, before: start)
            case ASCII.period where keyPosition:
                scanner.single(.punctuation)
            case ASCII.doubleQuote, ASCII.singleQuote:
                let triple = scanner.peek(1) == byte && scanner.peek(2) == byte
                if triple {
                    scanner.position += 3
                    while !scanner.atEnd, !(scanner.current == byte && scanner.peek(1) == byte && scanner.peek(2) == byte) {
                        scanner.position += byte == ASCII.doubleQuote && scanner.current == ASCII.backslash ? 2 : 1
                    }
                    scanner.position = min(scanner.position + 3, bytes.count)
                } else {
                    scanner.skipQuoted(escape: byte == ASCII.doubleQuote ? ASCII.backslash : nil)
                }
                let end = scanner.position
                if keyPosition {
                    scanner.emit(.name, from: start)
                } else {
                    scanner.position = start
                    scanner.string(to: end)
                }
            default:
                if ASCII.isSpace(byte) { scanner.position += 1; continue }
                while let next = scanner.current, !ASCII.isSpace(next), !"=,[]{}#\"'".utf8.contains(next), !(keyPosition && next == ASCII.period) {
                    scanner.position += 1
                }
                if scanner.position == start { scanner.position += 1 }
                if keyPosition {
                    scanner.emit(.name, from: start)
                } else {
                    let word = bytes[start..<scanner.position]
                    if ASCII.isNumber(word) || ["true", "false", "inf", "nan"].contains(where: { word.elementsEqual($0.utf8) }) { scanner.emit(.constant, from: start) }
                }
            }
        }
        return scanner.tokens
    }

    /// Whether the innermost open bracket before `index` is an inline table's brace.
    private static func enclosingIsTable(_ bytes: [UInt8], before index: Int) -> Bool {
        var depth = 0
        var position = index - 1
        while position >= 0 {
            let byte = bytes[position]
            if byte == ASCII.closeBrace || byte == ASCII.closeBracket { depth += 1 }
            if byte == ASCII.openBrace || byte == ASCII.openBracket {
                if depth == 0 { return byte == ASCII.openBrace }
                depth -= 1
            }
            position -= 1
        }
        return false
    }
}

extension ByteScanner {
    /// Records the position up to `end` as a string, with the variable references inside it
    /// (`${VAR}`, `${env:VAR}`, `{env:VAR}`, and as the shell's options say `$env:VAR`, `$VAR`,
    /// `%VAR%`) marked as variables.
    mutating func string(to end: Int, dollarNames: Bool = false, percentNames: Bool = false) {
        var segmentStart = position
        while position < end {
            if let length = variableLength(at: position, end: end, dollarNames: dollarNames, percentNames: percentNames) {
                let variableStart = position
                emit(.string, from: segmentStart)
                position = variableStart + length
                emit(.variable, from: variableStart)
                segmentStart = position
            } else {
                position += 1
            }
        }
        emit(.string, from: segmentStart)
    }

    /// The length of a variable reference at `index`, or `nil`.
    /// `dollarNames` accepts `$VAR` and `$env:VAR` (shells); `percentNames` accepts `%VAR%` (cmd).
    func variableLength(at index: Int, end: Int, dollarNames: Bool, percentNames: Bool) -> Int? {
        let byte = bytes[index]
        func nameLength(from start: Int) -> Int {
            var cursor = start
            while cursor < end, ASCII.isWordByte(bytes[cursor]), bytes[cursor] != ASCII.minus { cursor += 1 }
            return cursor - start
        }
        if byte == ASCII.dollar || byte == ASCII.openBrace, index + 1 < end {
            var open = index
            if byte == ASCII.dollar {
                if bytes[index + 1] == ASCII.openBrace { open = index + 1 } else {
                    guard dollarNames else { return nil }
                    var nameStart = index + 1
                    if bytes[nameStart...].starts(with: "env:".utf8) { nameStart += 4 }
                    let length = nameLength(from: nameStart)
                    return length > 0 && !ASCII.isDigit(bytes[nameStart]) ? nameStart + length - index : nil
                }
            } else if !bytes[(index + 1)...].starts(with: "env:".utf8) {
                return nil
            }
            var cursor = open + 1
            while cursor < end, bytes[cursor] != ASCII.closeBrace, ASCII.isWordByte(bytes[cursor]) || bytes[cursor] == ASCII.colon { cursor += 1 }
            return cursor < end && bytes[cursor] == ASCII.closeBrace && cursor > open + 1 ? cursor + 1 - index : nil
        }
        if percentNames, byte == ASCII.percent, index + 1 < end {
            let length = nameLength(from: index + 1)
            let close = index + 1 + length
            return length > 0 && close < end && bytes[close] == ASCII.percent ? length + 2 : nil
        }
        return nil
    }
}
