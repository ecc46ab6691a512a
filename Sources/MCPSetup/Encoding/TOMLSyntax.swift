import TOMLKit

/// TOML text: writing a document from a plain value, and reading one back (through TOMLKit, an
/// independent parser, so the writer is checked by code it does not share).
public enum TOMLSyntax {
    /// Writes a document. Objects that hold only objects become `[dotted.table]` headers; objects
    /// inside a table that has other members become inline tables `{ k = "v" }`.
    public static func document(_ value: PlainValue) -> String {
        program(ProgramValue(value)).constantString ?? ""
    }

    /// The program that writes a document whose strings may hold the key.
    public static func program(_ value: ProgramValue) -> KeyProgram {
        guard case .object(let members) = value else { return KeyProgram() }
        var sections: [KeyProgram] = []
        writeTable(members, path: [], into: &sections)
        var output = KeyProgram()
        for (index, section) in sections.enumerated() {
            if index > 0 { output.append("\n") }
            output.append(section)
        }
        return output
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
        var output: [UInt8] = [UInt8(ascii: "\"")]
        appendStringBody(string.utf8, to: &output)
        output.append(UInt8(ascii: "\""))
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Appends the body of a basic string (no quotes) for UTF-8 `text`: `"` and `\` escaped,
    /// control characters as `\b \t \n \f \r` or `\uXXXX`, everything else as it is.
    public static func appendStringBody(_ text: some Collection<UInt8>, to output: inout [UInt8]) {
        if !text.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: text)
            return
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\\")); output.append(byte)
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\")); output.append(byte)
            case 0x08: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "b"))
            case 0x09: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "t"))
            case 0x0A: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "n"))
            case 0x0C: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "f"))
            case 0x0D: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "r"))
            case 0x00...0x1F, 0x7F:
                output.append(contentsOf: #"\u00"#.utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
    }

    /// A string literal for a program: the quotes and the escaped program.
    private static func quote(_ program: KeyProgram) -> KeyProgram {
        KeyProgram(literal: "\"") + program.escaped(.tomlString) + KeyProgram(literal: "\"")
    }

    private static func isContainer(_ members: [ProgramValue.Member]) -> Bool {
        members.allSatisfy { if case .object = $0.value { return true } else { return false } }
    }

    private static func writeTable(_ members: [ProgramValue.Member], path: [String], into sections: inout [KeyProgram]) {
        let container = isContainer(members) && !members.isEmpty
        if !container {
            var lines: [KeyProgram] = []
            if !path.isEmpty { lines.append(KeyProgram(literal: "[" + path.map(key).joined(separator: ".") + "]")) }
            for member in members {
                lines.append(KeyProgram(literal: key(member.key) + " = ") + inline(member.value))
            }
            var section = KeyProgram()
            for (index, line) in lines.enumerated() {
                if index > 0 { section.append("\n") }
                section.append(line)
            }
            section.append("\n")
            sections.append(section)
            return
        }
        for member in members {
            guard case .object(let inner) = member.value else { continue }
            writeTable(inner, path: path + [member.key], into: &sections)
        }
    }

    private static func inline(_ value: ProgramValue) -> KeyProgram {
        switch value {
        case .string(let string): return quote(string)
        case .bool(let bool): return KeyProgram(literal: bool ? "true" : "false")
        case .number(let number): return KeyProgram(literal: number)
        case .null: return KeyProgram(literal: "\"\"")
        case .array(let items):
            var output = KeyProgram(literal: "[")
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(", ") }
                output.append(inline(item))
            }
            output.append("]")
            return output
        case .object(let members):
            if members.isEmpty { return KeyProgram(literal: "{}") }
            var output = KeyProgram(literal: "{ ")
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(", ") }
                output.append(key(member.key) + " = ")
                output.append(inline(member.value))
            }
            output.append(" }")
            return output
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
