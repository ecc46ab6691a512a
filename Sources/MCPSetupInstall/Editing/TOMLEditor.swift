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

    private func parsed() throws(SetupError) -> PlainValue {
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
            guard let span = tableSpan(keyPath) else {
                throw SetupError("\(path): '\(keyPath.joined(separator: "."))' is written as an inline table or dotted keys, which cannot be replaced without rewriting the file; edit it by hand")
            }
            bytes.replaceSubrange(span, with: section)
            return
        }
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            bytes = section
        } else if bytes.last == 0x0A {
            bytes += layout.lineEnding + section
        } else {
            bytes += layout.lineEnding + layout.lineEnding + Array(section.dropLast(layout.lineEnding.count))
        }
        _ = try parsed()
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
    /// that is not inside it.
    func tableSpan(_ keyPath: [String]) -> Range<Int>? {
        var start: Int?
        var lineStart = 0
        var multiline: [UInt8]?
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let line = Array(bytes[lineStart..<lineEnd])
            if let delimiter = multiline {
                if Self.count(delimiter, in: line) % 2 == 1 { multiline = nil }
            } else if let header = Self.header(line) {
                let inside = header.count >= keyPath.count && Array(header.prefix(keyPath.count)) == keyPath
                if start == nil, header == keyPath { start = lineStart }
                else if let begin = start, !inside { return begin..<lineStart }
            } else {
                for delimiter in [Array("\"\"\"".utf8), Array("'''".utf8)] where Self.count(delimiter, in: line) % 2 == 1 {
                    multiline = delimiter
                }
            }
            lineStart = lineEnd + 1
        }
        return start.map { $0..<bytes.count }
    }

    private static func count(_ needle: [UInt8], in line: [UInt8]) -> Int {
        guard line.count >= needle.count else { return 0 }
        var count = 0
        var index = 0
        while index <= line.count - needle.count {
            if Array(line[index..<index + needle.count]) == needle { count += 1; index += needle.count } else { index += 1 }
        }
        return count
    }

    /// The key path of a `[table]` header line (not `[[array]]`), or nil.
    static func header(_ line: [UInt8]) -> [String]? {
        var text = Substring(String(decoding: line, as: UTF8.self))
        text = text.drop { $0 == " " || $0 == "\t" }
        guard text.hasPrefix("["), !text.hasPrefix("[[") else { return nil }
        text = text.dropFirst()
        var keys: [String] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            switch character {
            case "]":
                keys.append(current.trimmingCharacters(in: .whitespaces))
                return keys
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
