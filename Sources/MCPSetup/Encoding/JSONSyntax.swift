/// JSON text, written exactly as JavaScript's `JSON.stringify` writes it (compact, or with
/// two-space indentation), so a browser can reproduce every byte.
public enum JSONSyntax {
    /// Writes a plain value compactly: `{"a":"b"}`.
    public static func compact(_ value: PlainValue) -> String {
        var bytes: [UInt8] = []
        writePlain(value, into: &bytes, indented: false, depth: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes a plain value with two-space indentation, as `JSON.stringify(v, null, 2)`.
    public static func pretty(_ value: PlainValue) -> String {
        var bytes: [UInt8] = []
        writePlain(value, into: &bytes, indented: true, depth: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A compact array of values already written by ``compact(_:)``: the same text as
    /// `compact(.array(values))`, for items encoded apart (on several threads, or kept from an
    /// earlier build).
    public static func compactArray(ofEncoded items: some Sequence<String>) -> String {
        "[" + items.joined(separator: ",") + "]"
    }

    /// Writes a plain value straight to bytes: the same text as ``program(_:indent:depth:)``
    /// writes for it (a value without the key needs no program).
    private static func writePlain(_ value: PlainValue, into output: inout [UInt8], indented: Bool, depth: Int) {
        switch value {
        case .string(let string):
            output.append(UInt8(ascii: "\""))
            appendStringBody(string.utf8, to: &output)
            output.append(UInt8(ascii: "\""))
        case .bool(let bool): output += Array((bool ? "true" : "false").utf8)
        case .number(let number): output += Array(number.utf8)
        case .null: output += Array("null".utf8)
        case .array(let items):
            guard !items.isEmpty else { output += [UInt8(ascii: "["), UInt8(ascii: "]")]; return }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if indented { plainNewline(&output, depth: depth + 1) }
                writePlain(item, into: &output, indented: indented, depth: depth + 1)
            }
            if indented { plainNewline(&output, depth: depth) }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output += [UInt8(ascii: "{"), UInt8(ascii: "}")]; return }
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if indented { plainNewline(&output, depth: depth + 1) }
                output.append(UInt8(ascii: "\""))
                appendStringBody(member.key.utf8, to: &output)
                output.append(UInt8(ascii: "\""))
                output.append(UInt8(ascii: ":"))
                if indented { output.append(UInt8(ascii: " ")) }
                writePlain(member.value, into: &output, indented: indented, depth: depth + 1)
            }
            if indented { plainNewline(&output, depth: depth) }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func plainNewline(_ output: inout [UInt8], depth: Int) {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// The program that writes a value whose strings may hold the key: compact when `indent`
    /// is `nil`, otherwise indented by `indent` per level, starting at `depth`.
    public static func program(_ value: ProgramValue, indent: String?, depth: Int = 0) -> KeyProgram {
        var output = KeyProgram()
        write(value, into: &output, indent: indent, depth: depth)
        return output
    }

    /// A JSON string literal, quotes included.
    public static func quote(_ string: String) -> String {
        var output: [UInt8] = [UInt8(ascii: "\"")]
        appendStringBody(string.utf8, to: &output)
        output.append(UInt8(ascii: "\""))
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends the body of a JSON string literal (no quotes) for UTF-8 `text`: `"` and `\`
    /// escaped, control characters as `\b \f \n \r \t` or `\u00XX`, everything else as it is.
    public static func appendStringBody(_ text: some Collection<UInt8>, to output: inout [UInt8]) {
        if !text.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: text)
            return
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\\")); output.append(byte)
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\")); output.append(byte)
            case 0x08: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "f"))
            case 0x0A: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "t"))
            case 0x00...0x1F:
                output.append(contentsOf: #"\u00"#.utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
    }

    /// A string literal for a program: the quotes and the escaped program.
    static func quote(_ program: KeyProgram) -> KeyProgram {
        KeyProgram(literal: "\"") + program.escaped(.jsonString) + KeyProgram(literal: "\"")
    }

    /// Appends a string literal to a program: the quoted bytes when the string is constant.
    private static func appendQuoted(_ string: KeyProgram, to output: inout KeyProgram) {
        guard let constant = string.constant else { output.append(quote(string)); return }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        appendStringBody(constant, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        output.append(bytes: bytes)
    }

    private static func write(_ value: ProgramValue, into output: inout KeyProgram, indent: String?, depth: Int) {
        switch value {
        case .string(let string): appendQuoted(string, to: &output)
        case .bool(let bool): output.append(bool ? "true" : "false")
        case .number(let number): output.append(number)
        case .null: output.append("null")
        case .array(let items):
            guard !items.isEmpty else { output.append("[]"); return }
            output.append("[")
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(",") }
                newline(&output, indent: indent, depth: depth + 1)
                write(item, into: &output, indent: indent, depth: depth + 1)
            }
            newline(&output, indent: indent, depth: depth)
            output.append("]")
        case .object(let members):
            guard !members.isEmpty else { output.append("{}"); return }
            output.append("{")
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(",") }
                newline(&output, indent: indent, depth: depth + 1)
                appendQuoted(KeyProgram(literal: member.key), to: &output)
                output.append(indent == nil ? ":" : ": ")
                write(member.value, into: &output, indent: indent, depth: depth + 1)
            }
            newline(&output, indent: indent, depth: depth)
            output.append("}")
        }
    }

    private static func newline(_ output: inout KeyProgram, indent: String?, depth: Int) {
        guard let indent else { return }
        output.append("\n")
        output.append(String(repeating: indent, count: depth))
    }
}
