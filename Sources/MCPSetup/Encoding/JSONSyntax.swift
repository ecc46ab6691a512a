/// JSON text, written exactly as JavaScript's `JSON.stringify` writes it (compact, or with
/// two-space indentation), so a browser can reproduce every byte.
public enum JSONSyntax {
    /// Writes a plain value compactly: `{"a":"b"}`.
    public static func compact(_ value: PlainValue) -> String {
        var output = ""
        write(value, into: &output, indent: nil, depth: 0)
        return output
    }

    /// Writes a plain value with two-space indentation, as `JSON.stringify(v, null, 2)`.
    public static func pretty(_ value: PlainValue) -> String {
        var output = ""
        write(value, into: &output, indent: "  ", depth: 0)
        return output
    }

    /// A JSON string literal, quotes included.
    public static func quote(_ string: String) -> String {
        var output = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    private static func write(_ value: PlainValue, into output: inout String, indent: String?, depth: Int) {
        switch value {
        case .string(let string): output += quote(string)
        case .bool(let bool): output += bool ? "true" : "false"
        case .number(let number): output += number
        case .null: output += "null"
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                newline(&output, indent: indent, depth: depth + 1)
                write(item, into: &output, indent: indent, depth: depth + 1)
            }
            newline(&output, indent: indent, depth: depth)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                newline(&output, indent: indent, depth: depth + 1)
                output += quote(member.key)
                output += indent == nil ? ":" : ": "
                write(member.value, into: &output, indent: indent, depth: depth + 1)
            }
            newline(&output, indent: indent, depth: depth)
            output += "}"
        }
    }

    private static func newline(_ output: inout String, indent: String?, depth: Int) {
        guard let indent else { return }
        output += "\n"
        output += String(repeating: indent, count: depth)
    }
}
