import Foundation
import MCPSetup
import Yams

/// Edits one entry of a YAML config file in place, by lines: Goose's `extensions:` mapping and
/// Continue's `mcpServers:` list. The file must use block style at the container (flow style
/// such as `extensions: {}` is refused: it cannot be edited by lines without rewriting it);
/// Yams checks the file first and reads entries back.
struct YAMLEditor: ConfigEditor {
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
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            guard let node = try Yams.compose(yaml: text) else { return .object([]) }
            return Self.plain(node)
        } catch let error as YamlError {
            if case .scanner(_, let problem, let mark, _) = error { throw SetupError("\(path):\(mark.line):\(mark.column): not valid YAML: \(problem); fix the file (nothing was changed)") }
            if case .parser(_, let problem, let mark, _) = error { throw SetupError("\(path):\(mark.line):\(mark.column): not valid YAML: \(problem); fix the file (nothing was changed)") }
            throw SetupError("\(path): not valid YAML; fix the file (nothing was changed)")
        } catch {
            throw SetupError("\(path): not valid YAML; fix the file (nothing was changed)")
        }
    }

    static func plain(_ node: Node) -> PlainValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null }
            if let bool = node.bool, ["true", "false"].contains(scalar.string) { return .bool(bool) }
            if let int = node.int, scalar.style == .plain { return .number(String(int)) }
            return .string(scalar.string)
        case .mapping(let mapping): return .object(mapping.map { ($0.key.string ?? "", plain($0.value)) })
        case .sequence(let sequence): return .array(sequence.map(plain))
        case .alias: return .null
        }
    }

    /// The entry: under a mapping container, the key `name`; under a list container, the item
    /// whose `name` is `name`.
    func entry(container: [String], name: String) throws(SetupError) -> PlainValue? {
        var value = try parsed()
        for key in container {
            guard let next = value[key] else { return nil }
            value = next
        }
        if case .array(let items) = value {
            return items.first { $0["name"]?.stringValue == name }.map(Self.withoutName)
        }
        return value[name]
    }

    static func withoutName(_ value: PlainValue) -> PlainValue {
        guard case .object(let members) = value else { return value }
        return .object(members.filter { $0.key != "name" })
    }

    mutating func upsert(container: [String], name: String, value: PlainValue) throws(SetupError) {
        guard container.count == 1, let key = container.first else {
            throw SetupError("\(path): nested YAML containers are not supported; edit the file by hand")
        }
        let lines = self.lines()
        let root = try parsed()
        let isList = { if case .array? = root[key] { return true } else { return false } }()
        if let existing = try entryLines(key: key, name: name, lines: lines) {
            bytes.replaceSubrange(existing.range, with: try block(for: name, value: value, list: isList, indent: existing.indent))
            _ = try parsed()
            return
        }
        if let header = lines.firstIndex(where: { $0.text == key + ":" || $0.text.hasPrefix(key + ": ") || $0.text.hasPrefix(key + ":#") }) {
            let line = lines[header]
            guard line.text == key + ":" || line.text.hasPrefix(key + ": #") || line.text.hasPrefix(key + ":#") else {
                throw SetupError("\(path):\(header + 1): '\(key)' is written in flow style; rewrite it as a block (one entry per line) and run install again")
            }
            let children = childLines(after: header, lines: lines)
            let indent = children.first.map { $0.indentation } ?? layout.unit
            let end = children.last.map { $0.end } ?? line.end
            let addBreak = end == bytes.count && bytes.last != 0x0A
            var insertion = try block(for: name, value: value, list: isList || root[key] == nil && Self.listContainers.contains(key), indent: indent)
            if addBreak { insertion = layout.lineEnding + Array(insertion.dropLast(layout.lineEnding.count)) }
            bytes.insert(contentsOf: insertion, at: end)
        } else {
            let list = Self.listContainers.contains(key)
            var section = Array((key + ":").utf8) + layout.lineEnding + (try block(for: name, value: value, list: list, indent: list ? layout.unit : layout.unit))
            if bytes.isEmpty { bytes = section } else {
                if bytes.last != 0x0A { section = layout.lineEnding + section }
                bytes += section
            }
        }
        _ = try parsed()
    }

    /// Containers that are lists of items with a `name` (Continue), not mappings (Goose).
    static let listContainers: Set<String> = ["mcpServers"]

    mutating func remove(container: [String], name: String) throws(SetupError) -> Bool {
        guard container.count == 1, let key = container.first else { return false }
        guard let existing = try entryLines(key: key, name: name, lines: lines()) else { return false }
        bytes.removeSubrange(existing.range)
        _ = try parsed()
        return true
    }

    mutating func mergeItems(_ items: [PlainValue], intoRootArray key: String, idKey: String) throws(SetupError) {}

    mutating func removeItem(id: String, fromRootArray key: String, idKey: String) throws(SetupError) -> Bool { false }

    mutating func removeIfBare(container: [String], name: String) throws(SetupError) -> Bool { false }

    func document() throws(SetupError) -> PlainValue { try parsed() }

    func isEmptySkeleton() throws(SetupError) -> Bool {
        // A comment is the user's, and keeps the file.
        guard !bytes.contains(UInt8(ascii: "#")), case .object(let members) = try parsed() else { return false }
        return members.allSatisfy { member in
            switch member.value {
            case .null: return true
            case .string: return ["name", "version", "schema"].contains(member.key)
            case .object(let inner): return inner.isEmpty
            case .array(let items): return items.isEmpty
            default: return false
            }
        }
    }

    // MARK: Lines

    struct Line {
        var start: Int
        var end: Int
        var text: String
        var indentation: [UInt8]
        var isBlank: Bool
    }

    func lines() -> [Line] {
        var result: [Line] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let lineEnd = min(end + 1, bytes.count)
            var content = Array(bytes[start..<end])
            if content.last == 0x0D { content.removeLast() }
            let indentation = Array(content.prefix { $0 == 0x20 || $0 == 0x09 })
            let text = String(decoding: content, as: UTF8.self)
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            result.append(Line(start: start, end: lineEnd, text: text, indentation: indentation, isBlank: trimmed.isEmpty || trimmed.hasPrefix("#")))
            start = lineEnd
        }
        return result
    }

    /// The indented lines after a top-level key, up to the next top-level line (trailing blank
    /// and comment lines are left to whatever follows).
    func childLines(after header: Int, lines: [Line]) -> [Line] {
        var children: [Line] = []
        var index = header + 1
        while index < lines.count {
            let line = lines[index]
            if !line.isBlank && line.indentation.isEmpty && !line.text.hasPrefix("- ") && line.text != "-" { break }
            children.append(line)
            index += 1
        }
        while let last = children.last, last.isBlank { children.removeLast() }
        return children
    }

    /// The lines of one entry in the container's block, and the entry's indentation.
    func entryLines(key: String, name: String, lines: [Line]) throws(SetupError) -> (range: Range<Int>, indent: [UInt8])? {
        guard let header = lines.firstIndex(where: { $0.text == key + ":" || $0.text.hasPrefix(key + ": #") || $0.text.hasPrefix(key + ":#") }) else { return nil }
        let children = childLines(after: header, lines: lines)
        guard let first = children.first(where: { !$0.isBlank }) else { return nil }
        let indent = first.indentation
        let itemStarts = children.indices.filter { index in
            let line = children[index]
            return !line.isBlank && line.indentation == indent
        }
        for (position, startIndex) in itemStarts.enumerated() {
            let line = children[startIndex]
            let body = line.text.dropFirst(indent.count)
            let matches: Bool
            if body.hasPrefix("- ") {
                let item = body.dropFirst(2).trimmingCharacters(in: .whitespaces)
                matches = item == "name: \(name)" || item == "name: \"\(name)\"" || item == "name: '\(name)'"
                    || children[startIndex...].prefix(while: { $0.indentation.count > indent.count || $0 === line }).contains { $0.text.trimmingCharacters(in: .whitespaces) == "name: \(name)" }
            } else {
                matches = body.hasPrefix(name + ":") || body.hasPrefix("\"\(name)\":") || body.hasPrefix("'\(name)':")
            }
            guard matches else { continue }
            var endIndex = position + 1 < itemStarts.count ? itemStarts[position + 1] : children.count
            while endIndex > startIndex + 1 && children[endIndex - 1].isBlank { endIndex -= 1 }
            return (line.start..<children[endIndex - 1].end, indent)
        }
        return nil
    }

    /// The lines of an entry: `name:` + its mapping (mapping container), or `- name: …` + the
    /// other keys (list container).
    func block(for name: String, value: PlainValue, list: Bool, indent: [UInt8]) throws(SetupError) -> [UInt8] {
        let document: String
        if list {
            var members: [(key: String, value: PlainValue)] = [("name", .string(name))]
            if case .object(let inner) = value { members += inner.filter { $0.key != "name" } }
            document = YAMLSyntax.document(.object([("items", .array([.object(members)]))]))
        } else {
            document = YAMLSyntax.document(.object([(name, value)]))
        }
        var lines = document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if list { lines.removeFirst() }
        let baseIndent = list ? (lines.first?.prefix { $0 == " " }.count ?? 0) : 0
        var output: [UInt8] = []
        for line in lines {
            var spaces = line.prefix { $0 == " " }.count - baseIndent
            if spaces < 0 { spaces = 0 }
            output += indent
            for _ in 0..<(spaces / 2) { output += layout.unit }
            output += Array(line.drop { $0 == " " }.utf8) + layout.lineEnding
        }
        return output
    }
}

private func === (lhs: YAMLEditor.Line, rhs: YAMLEditor.Line) -> Bool { lhs.start == rhs.start }
