import MCPSetup

/// Edits one member of a JSON or JSONC config file in place: every byte outside the edited
/// span (other servers, settings, comments, key order, indentation, line endings, a
/// byte-order mark) stays as it was.
struct JSONEditor {
    private(set) var bytes: [UInt8]
    let allowComments: Bool
    let path: String
    let layout: TextLayout

    init(bytes: [UInt8], allowComments: Bool, path: String) throws(SetupError) {
        self.bytes = bytes
        self.allowComments = allowComments
        self.path = path
        self.layout = TextLayout(bytes)
        _ = try parse()
    }

    private func parse() throws(SetupError) -> JSONSpans {
        let spans = try JSONSpans(bytes, allowComments: allowComments, path: path)
        guard case .object = spans.root else {
            throw SetupError("\(path): the file holds a JSON \(spans.text(spans.root.range).first == "[" ? "list" : "value"), not an object of settings; fix or move the file")
        }
        return spans
    }

    /// The value stored under `container` + `name`, parsed.
    func entry(container: [String], name: String) throws(SetupError) -> PlainValue? {
        let spans = try parse()
        guard let object = try self.container(container, in: spans, creating: false),
              let member = object.members.first(where: { $0.key == name }) else { return nil }
        do {
            return try JSONParser.parse(spans.text(member.value.range), allowComments: allowComments)
        } catch {
            throw SetupError("\(path): the entry '\(name)' cannot be read (\(error))")
        }
    }

    /// Inserts the member, or replaces its value when it exists.
    mutating func upsert(container: [String], name: String, value: PlainValue) throws(SetupError) {
        var spans = try parse()
        // Create missing containers one level at a time.
        var depth = 0
        while try self.container(Array(container.prefix(depth + 1)), in: spans, creating: false) != nil, depth < container.count { depth += 1 }
        if depth < container.count {
            guard let parent = try self.container(Array(container.prefix(depth)), in: spans, creating: false) else { return }
            insert(member: container[depth], value: .object([]), into: parent)
            spans = try parse()
            return try upsert(container: container, name: name, value: value)
        }
        guard let object = try self.container(container, in: spans, creating: false) else { return }
        if let member = object.members.first(where: { $0.key == name }) {
            let indent = TextLayout.indentation(of: member.start, in: bytes)
            bytes.replaceSubrange(member.value.range, with: layout.relayout(JSONSyntax.pretty(value), base: indent))
        } else {
            insert(member: name, value: value, into: object)
        }
    }

    /// Removes the member; false when it is not there.
    mutating func remove(container: [String], name: String) throws(SetupError) -> Bool {
        let spans = try parse()
        guard let object = try self.container(container, in: spans, creating: false),
              let index = object.members.firstIndex(where: { $0.key == name }) else { return false }
        let members = object.members
        let member = members[index]
        let range: Range<Int>
        if index + 1 < members.count {
            range = member.start..<members[index + 1].start
        } else if index > 0 {
            let previous = members[index - 1]
            if let comma = member.comma, let previousComma = previous.comma {
                range = (previousComma + 1)..<(comma + 1)
            } else {
                range = previous.value.range.upperBound..<member.value.range.upperBound
            }
        } else if !bytes[(object.range.lowerBound + 1)..<member.start].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            // A comment before the only member is the user's: it stays, the member's line goes.
            var low = member.start
            while low > object.range.lowerBound + 1, bytes[low - 1] == 0x20 || bytes[low - 1] == 0x09 { low -= 1 }
            var high = (member.comma.map { $0 + 1 }) ?? member.value.range.upperBound
            while high < object.range.upperBound - 1, bytes[high] == 0x20 || bytes[high] == 0x09 { high += 1 }
            let (from, to) = Self.cut(low: low, high: high, start: member.start, last: member.comma == nil, in: bytes)
            range = from..<to
        } else {
            let end = (member.comma.map { $0 + 1 }) ?? member.value.range.upperBound
            let closing = object.range.upperBound - 1
            let outerIndent = TextLayout.indentation(of: object.range.lowerBound, in: bytes)
            let tail = Array(bytes[end..<closing])
            let added = layout.lineEnding + outerIndent
            if tail.starts(with: added) && !tail.dropFirst(added.count).contains(0x0A) {
                range = (object.range.lowerBound + 1)..<(end + added.count)
            } else {
                range = (object.range.lowerBound + 1)..<end
            }
        }
        bytes.removeSubrange(range)
        return true
    }

    /// Appends items to the array at `key` of the root object (created when missing), skipping
    /// those whose `idKey` is already there; used for VS Code's `inputs`.
    mutating func mergeItems(_ items: [PlainValue], intoRootArray key: String, idKey: String) throws(SetupError) {
        for item in items {
            let spans = try parse()
            guard case .object(let root) = spans.root else { return }
            let existing = root.members.first(where: { $0.key == key })
            if let existing {
                guard case .array(let values) = (try? JSONParser.parse(spans.text(existing.value.range), allowComments: allowComments)) ?? .null else {
                    throw SetupError("\(path): '\(key)' is not a list; fix the file")
                }
                if values.contains(where: { $0[idKey] == item[idKey] }) { continue }
                let range = existing.value.range
                let indent = TextLayout.indentation(of: existing.start, in: bytes)
                let text = layout.relayout(JSONSyntax.pretty(item), base: indent + layout.unit)
                let (lastToken, hasOtherText) = Self.lastToken(in: bytes, array: range)
                if values.isEmpty && !hasOtherText {
                    bytes.replaceSubrange(range, with: Array("[".utf8) + layout.lineEnding + indent + layout.unit + text + layout.lineEnding + indent + Array("]".utf8))
                } else {
                    // After the last value (or its comma), never inside a comment; comments in
                    // the array, even in an empty one, stay where they were.
                    let needsComma = !values.isEmpty && bytes[lastToken - 1] != UInt8(ascii: ",")
                    bytes.insert(contentsOf: (needsComma ? Array(",".utf8) : []) + layout.lineEnding + indent + layout.unit + text, at: lastToken)
                }
            } else {
                insert(member: key, value: .array([item]), into: root)
            }
        }
    }

    /// Removes the item whose `idKey` is `id` from the array at `key` of the root, with its
    /// separating comma; false when it is not there. Comments in the array, before or after the
    /// item, stay: the item's own line goes when nothing else is on it, else the item alone.
    mutating func removeItem(id: String, fromRootArray key: String, idKey: String) throws(SetupError) -> Bool {
        let spans = try parse()
        guard case .object(let root) = spans.root, let member = root.members.first(where: { $0.key == key }) else { return false }
        let items = Self.items(in: bytes, array: member.value.range)
        guard let index = items.firstIndex(where: { item in
            let value = try? JSONParser.parse(String(decoding: bytes[item.range], as: UTF8.self), allowComments: allowComments)
            return value?[idKey]?.stringValue == id
        }) else { return false }
        let item = items[index]
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        // From the indentation before the item to its comma and the blanks after it.
        var low = item.range.lowerBound
        while low > member.value.range.lowerBound + 1, isBlank(bytes[low - 1]) { low -= 1 }
        var high = item.comma.map { $0 + 1 } ?? item.range.upperBound
        while high < member.value.range.upperBound - 1, isBlank(bytes[high]) { high += 1 }
        (low, high) = Self.cut(low: low, high: high, start: item.range.lowerBound, last: item.comma == nil, in: bytes)
        bytes.removeSubrange(low..<high)
        // The last item had no comma: the one before it loses its own, which now trails.
        if item.comma == nil, index > 0, let previousComma = items[index - 1].comma {
            bytes.remove(at: previousComma)
        }
        do {
            _ = try parse()
        } catch {
            throw SetupError("internal error: removing the '\(id)' item of '\(key)' would break \(path); nothing was written (this is a bug in mcp-setup; please report it)")
        }
        return true
    }

    /// What to cut around a value, from `low` (the blanks before it) to `high` (past its comma and
    /// the blanks after it): its whole line when it stood alone on it; the blanks before it too
    /// when it is the last value of an inline list; else from the value itself, so that the
    /// indentation of a comment that follows stays.
    static func cut(low: Int, high: Int, start: Int, last: Bool, in bytes: [UInt8]) -> (Int, Int) {
        let startsLine = low == 0 || bytes[low - 1] == 0x0A
        if startsLine, high < bytes.count, bytes[high] == 0x0A || bytes[high] == 0x0D {
            return (low, high + (bytes[high] == 0x0D && high + 1 < bytes.count && bytes[high + 1] == 0x0A ? 2 : 1))
        }
        if last && !startsLine { return (low, high) }
        return (start, high)
    }

    /// Removes the member `name` of the object at `container` when its value is an empty
    /// object or list with nothing but white space inside (no comment); false otherwise.
    mutating func removeIfBare(container: [String], name: String) throws(SetupError) -> Bool {
        let spans = try parse()
        guard let object = try self.container(container, in: spans, creating: false),
              let member = object.members.first(where: { $0.key == name }) else { return false }
        let range = member.value.range
        guard range.count >= 2, [UInt8(ascii: "{"), UInt8(ascii: "[")].contains(bytes[range.lowerBound]),
              bytes[(range.lowerBound + 1)..<(range.upperBound - 1)].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return false }
        return try remove(container: container, name: name)
    }

    /// Where a `//` or `/* */` comment that starts at `index` ends (before `end`), or nil when
    /// none starts there.
    static func comment(in bytes: [UInt8], at index: Int, end: Int) -> Int? {
        guard bytes[index] == UInt8(ascii: "/"), index + 1 < end else { return nil }
        var next = index + 2
        switch bytes[index + 1] {
        case UInt8(ascii: "/"):
            while next < end, bytes[next] != 0x0A { next += 1 }
            return next
        case UInt8(ascii: "*"):
            while next + 1 < end, !(bytes[next] == UInt8(ascii: "*") && bytes[next + 1] == UInt8(ascii: "/")) { next += 1 }
            return next + 2
        default:
            return nil
        }
    }

    /// The values of an array (`[` … `]`), each with the comma after it: strings, comments and
    /// nested values are skipped as wholes.
    static func items(in bytes: [UInt8], array range: Range<Int>) -> [(range: Range<Int>, comma: Int?)] {
        var items: [(range: Range<Int>, comma: Int?)] = []
        var index = range.lowerBound + 1
        let end = range.upperBound - 1
        var start: Int?
        var last = index
        var depth = 0
        func close(at comma: Int?) {
            if let first = start { items.append((first..<last, comma)) }
            start = nil
        }
        while index < end {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1; continue }
            if let after = Self.comment(in: bytes, at: index, end: end) { index = after; continue }
            if depth == 0 && byte == UInt8(ascii: ",") {
                close(at: index)
                index += 1
                continue
            }
            if start == nil { start = index }
            if byte == UInt8(ascii: "\"") {
                index += 1
                while index < end, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
            }
            index += 1
            last = index
        }
        close(at: nil)
        return items
    }

    private func container(_ path: [String], in spans: JSONSpans, creating: Bool) throws(SetupError) -> JSONSpans.ObjectNode? {
        guard case .object(var object) = spans.root else { return nil }
        for key in path {
            guard let member = object.members.first(where: { $0.key == key }) else { return nil }
            guard case .object(let next) = member.value else {
                throw SetupError("\(path.joined(separator: ".")): '\(key)' in \(self.path) is not an object; fix the file (nothing was changed)")
            }
            object = next
        }
        return object
    }

    /// The position just after the last byte of an array (`[` … `]`) that is neither space nor
    /// part of a comment (just after `[` when there is none), and whether the array holds any
    /// text besides spaces (a comment).
    static func lastToken(in bytes: [UInt8], array range: Range<Int>) -> (Int, Bool) {
        var index = range.lowerBound + 1
        let end = range.upperBound - 1
        var last = index
        var other = false
        while index < end {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1; continue }
            other = true
            if let after = Self.comment(in: bytes, at: index, end: end) { index = after; continue }
            if byte == UInt8(ascii: "\"") {
                index += 1
                while index < end, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
            }
            index += 1
            last = index
        }
        return (last, other)
    }

    private mutating func insert(member name: String, value: PlainValue, into object: JSONSpans.ObjectNode) {
        let key = Array(JSONSyntax.quote(name).utf8)
        if let last = object.members.last {
            let first = object.members[0]
            let compact = !TextLayout.hasLineBreak(bytes, from: object.range.lowerBound, to: first.start)
            if compact {
                let spaced = first.comma.map { $0 + 1 < bytes.count && bytes[$0 + 1] == 0x20 } ?? (bytes[first.value.range.lowerBound - 1] == 0x20)
                let text = Array((spaced ? ", " : ",").utf8) + key + Array((spaced ? ": " : ":").utf8) + Array(JSONSyntax.compact(value).utf8)
                bytes.insert(contentsOf: text, at: last.value.range.upperBound)
                return
            }
            let indent = TextLayout.indentation(of: last.start, in: bytes)
            let text = key + Array(": ".utf8) + layout.relayout(JSONSyntax.pretty(value), base: indent)
            if let comma = last.comma {
                bytes.insert(contentsOf: layout.lineEnding + indent + text + Array(",".utf8), at: comma + 1)
            } else {
                bytes.insert(contentsOf: Array(",".utf8) + layout.lineEnding + indent + text, at: last.value.range.upperBound)
            }
            return
        }
        let outer = TextLayout.indentation(of: object.range.lowerBound, in: bytes)
        let indent = outer + layout.unit
        let text = key + Array(": ".utf8) + layout.relayout(JSONSyntax.pretty(value), base: indent)
        let interiorHasBreak = TextLayout.hasLineBreak(bytes, from: object.range.lowerBound, to: object.range.upperBound - 1)
        let insertion = layout.lineEnding + indent + text + (interiorHasBreak ? [] : layout.lineEnding + outer)
        bytes.insert(contentsOf: insertion, at: object.range.lowerBound + 1)
    }
}
