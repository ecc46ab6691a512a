import TOMLKit

/// TOML text: writing a document from a plain value, and reading one back (through TOMLKit, an
/// independent parser, so the writer is checked by code it does not share).
public enum TOMLSyntax {
    /// Writes a document. Objects that hold only objects become `[dotted.table]` headers; objects
    /// inside a table that has other members become inline tables `{ k = "v" }`.
    public static func document(_ value: PlainValue) -> String {
        guard case .object(let members) = value else { return "" }
        var sections: [String] = []
        writeTable(members, path: [], into: &sections)
        return sections.joined(separator: "\n")
    }

    /// A key, bare when it is made of `A-Z a-z 0-9 _ -`, quoted otherwise.
    public static func key(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        return bare ? key : quote(key)
    }

    /// A basic string literal, quotes included.
    public static func quote(_ string: String) -> String {
        var output = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\t": output += "\\t"
            case "\n": output += "\\n"
            case "\u{0C}": output += "\\f"
            case "\r": output += "\\r"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    private static func isContainer(_ members: [(key: String, value: PlainValue)]) -> Bool {
        members.allSatisfy { if case .object = $0.value { return true } else { return false } }
    }

    private static func writeTable(_ members: [(key: String, value: PlainValue)], path: [String], into sections: inout [String]) {
        let container = isContainer(members) && !members.isEmpty
        if !container {
            var lines: [String] = []
            if !path.isEmpty { lines.append("[" + path.map(key).joined(separator: ".") + "]") }
            for member in members {
                lines.append(key(member.key) + " = " + inline(member.value))
            }
            sections.append(lines.joined(separator: "\n") + "\n")
            return
        }
        for member in members {
            guard case .object(let inner) = member.value else { continue }
            writeTable(inner, path: path + [member.key], into: &sections)
        }
    }

    private static func inline(_ value: PlainValue) -> String {
        switch value {
        case .string(let string): return quote(string)
        case .bool(let bool): return bool ? "true" : "false"
        case .number(let number): return number
        case .null: return "\"\""
        case .array(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{ " + members.map { key($0.key) + " = " + inline($0.value) }.joined(separator: ", ") + " }"
        }
    }

    /// Reads a TOML document into a plain value whose tables list their keys in sorted order.
    public static func parse(_ text: String) throws(SyntaxError) -> PlainValue {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SyntaxError(syntax: "TOML", message: error.description, line: error.source.begin.line, column: error.source.begin.column)
        } catch {
            throw SyntaxError(syntax: "TOML", message: "\(error)")
        }
        return plain(table)
    }

    private static func plain(_ table: TOMLTable) -> PlainValue {
        var members: [(key: String, value: PlainValue)] = []
        for key in table.keys.sorted() {
            if let value = table[key] { members.append((key, plain(value))) }
        }
        return .object(members)
    }

    private static func plain(_ value: TOMLValueConvertible) -> PlainValue {
        if let table = value.table { return plain(table) }
        if let array = value.array { return .array(array.map { plain($0) }) }
        if let string = value.string { return .string(string) }
        if let bool = value.bool { return .bool(bool) }
        if let int = value.int { return .number(String(int)) }
        if let double = value.double { return .number(String(double)) }
        return .string(String(describing: value))
    }
}
