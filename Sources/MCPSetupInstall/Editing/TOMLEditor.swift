import Foundation
import MCPSetup

/// Edits one `[container.name]` table of a TOML config file (Codex's `config.toml`) in place:
/// the table and its sub-tables are a span of lines, and every other line, comments included,
/// stays as it was. TOMLKit checks the file first and reads entries back.
struct TOMLEditor {
    private(set) var bytes: [UInt8]
    let path: String
    let layout: TextLayout

    init(bytes: [UInt8], path: String) throws(SetupError) {
        self.bytes = bytes
        self.path = path
        self.layout = TextLayout(bytes)
        _ = try parsed()
    }

    func parsed() throws(SetupError) -> PlainValue {
        do {
            return try TOMLSyntax.parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw SetupError("\(path):\(error.line ?? 1):\(error.column ?? 1): not valid TOML: \(error.message); fix the file (nothing was changed)")
        }
    }

    /// The entry at `container` + `name`, parsed.
    func entry(container: [String], name: String) throws(SetupError) -> PlainValue? {
        var value = try parsed()
        for key in container + [name] {
            guard let next = value[key] else { return nil }
            value = next
        }
        return value
    }

    /// Inserts the table, or replaces it when it exists as a table of its own.
    mutating func upsert(container: [String], name: String, value: PlainValue) throws(SetupError) {
        let keyPath = container + [name]
        let section = sectionBytes(keyPath: keyPath, value: value)
        if try entry(container: container, name: name) != nil {
            guard let span = tableSpan(keyPath, tight: true) else {
                throw SetupError("\(path): '\(keyPath.joined(separator: "."))' is written as an inline table or dotted keys, which cannot be replaced without rewriting the file; edit it by hand")
            }
            let keepsNoFinalBreak = span.upperBound == bytes.count && bytes.last != 0x0A
            bytes.replaceSubrange(span, with: keepsNoFinalBreak ? Array(section.dropLast(layout.lineEnding.count)) : section)
            return
        }
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            bytes = section
        } else if bytes.last == 0x0A {
            bytes += layout.lineEnding + section
        } else {
            bytes += layout.lineEnding + layout.lineEnding + Array(section.dropLast(layout.lineEnding.count))
        }
        do {
            _ = try TOMLSyntax.parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            let table = container.joined(separator: ".")
            if error.message.contains("inline table") {
                throw SetupError("\(path): '\(table)' is an inline table (\(table) = { … }), which a new [\(keyPath.joined(separator: "."))] table cannot extend; write its servers as [\(table).NAME] tables, or add the entry by hand (nothing was changed)")
            }
            throw SetupError("\(path): a new [\(keyPath.joined(separator: "."))] table cannot be added to this file (\(error.message)); add the entry by hand (nothing was changed)")
        }
    }

    /// Removes the table; false when it is not there.
    mutating func remove(container: [String], name: String) throws(SetupError) -> Bool {
        let keyPath = container + [name]
        guard try entry(container: container, name: name) != nil else { return false }
        guard var span = tableSpan(keyPath) else {
            throw SetupError("\(path): '\(keyPath.joined(separator: "."))' is written as an inline table or dotted keys; remove it by hand")
        }
        if span.upperBound == bytes.count {
            let ending = layout.lineEnding
            let blank = ending + ending
            if bytes.last == 0x0A {
                if span.lowerBound >= blank.count, Array(bytes[(span.lowerBound - blank.count)..<span.lowerBound]) == blank {
                    span = (span.lowerBound - ending.count)..<span.upperBound
                }
            } else if span.lowerBound >= blank.count, Array(bytes[(span.lowerBound - blank.count)..<span.lowerBound]) == blank {
                span = (span.lowerBound - blank.count)..<span.upperBound
            }
        }
        bytes.removeSubrange(span)
        return true
    }

    private func sectionBytes(keyPath: [String], value: PlainValue) -> [UInt8] {
        var nested = value
        for key in keyPath.reversed() { nested = .object([(key, nested)]) }
        return layout.relayout(TOMLSyntax.document(nested), base: [])
    }

    /// The lines of the table `[keyPath]` and its sub-tables, from its header to the next table
    /// that is not inside it. Comment lines right above that next header belong to it and stay;
    /// `tight` leaves out the blank lines at the end of the table too (for a replacement, which
    /// keeps the spacing between tables).
    func tableSpan(_ keyPath: [String], tight: Bool = false) -> Range<Int>? {
        let headers = self.headers()
        guard let index = headers.firstIndex(where: { !$0.isArray && $0.path == keyPath }) else { return nil }
        let start = headers[index].offset
        var end = bytes.count
        if let next = headers[(index + 1)...].first(where: { !($0.path.count >= keyPath.count && Array($0.path.prefix(keyPath.count)) == keyPath) }) {
            end = next.offset
            while let previous = lineBefore(end), previous.lowerBound > start, isComment(previous) { end = previous.lowerBound }
        }
        if tight {
            while let previous = lineBefore(end), previous.lowerBound > start, isBlank(previous) { end = previous.lowerBound }
        }
        return start..<end
    }

    /// The line that ends just before `offset` (a line start), with its line break.
    private func lineBefore(_ offset: Int) -> Range<Int>? {
        guard offset > 0 else { return nil }
        var start = offset - 1
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        return start..<offset
    }

    private func isBlank(_ line: Range<Int>) -> Bool {
        bytes[line].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }

    private func isComment(_ line: Range<Int>) -> Bool {
        bytes[line].first { $0 != 0x20 && $0 != 0x09 } == UInt8(ascii: "#")
    }

    /// Every `[table]` and `[[array]]` header: its key path and where its line starts. Text
    /// inside strings (multi-line ones too), comments, arrays and inline tables is skipped, so a
    /// line of a multi-line array that starts with `[` is not a header.
    func headers() -> [(path: [String], isArray: Bool, offset: Int)] {
        var result: [(path: [String], isArray: Bool, offset: Int)] = []
        let count = bytes.count
        var index = 0
        var depth = 0
        var lineStart = true
        while index < count {
            if lineStart {
                lineStart = false
                var first = index
                while first < count && (bytes[first] == 0x20 || bytes[first] == 0x09) { first += 1 }
                if depth == 0 && first < count && bytes[first] == UInt8(ascii: "[") {
                    var end = first
                    while end < count && bytes[end] != 0x0A { end += 1 }
                    if let header = Self.header(Array(bytes[first..<end])) { result.append((header.path, header.isArray, index)) }
                    index = end
                } else {
                    index = first
                }
                continue
            }
            switch bytes[index] {
            case 0x0A:
                lineStart = true
                index += 1
            case UInt8(ascii: "#"):
                while index < count && bytes[index] != 0x0A { index += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                index = stringEnd(from: index)
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                index += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                index += 1
            default:
                index += 1
            }
        }
        return result
    }

    /// Where the string that opens at `start` ends: basic (`"`, with escapes) or literal (`'`),
    /// one-line or multi-line (tripled quote, which may be followed by one or two more quotes).
    private func stringEnd(from start: Int) -> Int {
        let quote = bytes[start]
        let escapes = quote == UInt8(ascii: "\"")
        let count = bytes.count
        let multiline = start + 2 < count && bytes[start + 1] == quote && bytes[start + 2] == quote
        var index = start + (multiline ? 3 : 1)
        while index < count {
            let byte = bytes[index]
            if escapes && byte == UInt8(ascii: "\\") { index += 2; continue }
            if byte == 0x0A && !multiline { return index }
            if byte == quote {
                if !multiline { return index + 1 }
                if index + 2 < count && bytes[index + 1] == quote && bytes[index + 2] == quote {
                    index += 3
                    var extra = 0
                    while extra < 2 && index < count && bytes[index] == quote { index += 1; extra += 1 }
                    return index
                }
            }
            index += 1
        }
        return count
    }

    /// The key path of a `[table]` or `[[array]]` header line, or nil when the line is not one.
    static func header(_ line: [UInt8]) -> (path: [String], isArray: Bool)? {
        var text = Substring(String(decoding: line, as: UTF8.self))
        text = text.drop { $0 == " " || $0 == "\t" }
        guard text.hasPrefix("[") else { return nil }
        let isArray = text.hasPrefix("[[")
        text = text.dropFirst(isArray ? 2 : 1)
        var keys: [String] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            switch character {
            case "]":
                keys.append(current.trimmingCharacters(in: .whitespaces))
                var rest = text[text.index(after: index)...]
                if isArray {
                    guard rest.hasPrefix("]") else { return nil }
                    rest = rest.dropFirst()
                }
                let tail = rest.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
                guard tail.isEmpty || tail.hasPrefix("#") else { return nil }
                return (keys, isArray)
            case ".":
                keys.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            case "\"", "'":
                var end = text.index(after: index)
                var literal = String(character)
                while end < text.endIndex && text[end] != character {
                    if character == "\"" && text[end] == "\\" { literal.append(text[end]); end = text.index(after: end) }
                    if end < text.endIndex { literal.append(text[end]); end = text.index(after: end) }
                }
                guard end < text.endIndex else { return nil }
                literal.append(character)
                if let value = try? TOMLSyntax.parse("k = " + literal), let key = value["k"]?.stringValue { current = key } else { return nil }
                index = end
            default:
                current.append(character)
            }
            index = text.index(after: index)
        }
        return nil
    }
}
