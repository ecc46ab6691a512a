import Yams

/// YAML text: a block-style writer whose scalars are either plain (only when they cannot be read
/// as anything but the same string) or double-quoted with escapes, and a reader through Yams
/// (libyaml), an independent parser, so the writer is checked by code it does not share.
///
/// Plain scalars are kept to a set that YAML 1.1 (libyaml, PyYAML, Goose's serde_yaml) and
/// YAML 1.2 (the `yaml` package Continue uses) read alike: a letter first, then letters,
/// digits, `_ . / : = + -` and single spaces, never a word YAML 1.1 reads as a boolean or null
/// (`yes`, `off`, `null`, …), never `: ` or ` #`, never a trailing `:` or space. Everything else
/// is double-quoted (YAML 1.2 §7.3.1), escaping `"`, `\`, C0 and C1 controls, U+2028, U+2029 and
/// the byte-order mark. (Yams drops a byte-order mark at the very start of a scalar, because it
/// decodes scalars with Foundation's `String(bytes:encoding:)`; profile titles refuse U+FEFF.)
public enum YAMLSyntax {
    private static let plainCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+- ".unicodeScalars)
    private static let keyCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".unicodeScalars)
    private static let reserved: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"]

    /// Writes a document from a mapping, ending with a line break.
    public static func document(_ value: PlainValue) -> String {
        program(ProgramValue(value)).constantString ?? ""
    }

    /// The program that writes a document whose strings may hold the key.
    public static func program(_ value: ProgramValue) -> KeyProgram {
        guard case .object(let members) = value, !members.isEmpty else { return inline(value) + KeyProgram(literal: "\n") }
        var lines: [KeyProgram] = []
        writeMapping(members, indent: 0, firstPad: nil, into: &lines)
        var output = KeyProgram()
        for line in lines {
            output.append(line)
            output.append("\n")
        }
        return output
    }

    /// A scalar string: plain when that is unambiguous, double-quoted otherwise.
    public static func scalar(_ string: String) -> String {
        isPlain(string) ? string : quote(string)
    }

    /// A mapping key: plain when it is a simple word, double-quoted otherwise.
    public static func key(_ key: String) -> String {
        let simple = key.unicodeScalars.first.map { $0 != "-" && !("0"..."9").contains($0) } == true
            && key.unicodeScalars.allSatisfy(keyCharacters.contains) && !reserved.contains(key.lowercased())
        return simple ? key : quote(key)
    }

    private static let plainBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+- ".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// ``isPlain(_:)`` for UTF-8 bytes.
    static func isPlain(utf8 string: [UInt8]) -> Bool {
        guard let first = string.first, let last = string.last,
              (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first),
              last != UInt8(ascii: " "), last != UInt8(ascii: ":"),
              string.allSatisfy({ plainBytes[Int($0)] })
        else { return false }
        for index in string.indices.dropLast() where string[index + 1] == UInt8(ascii: " ") {
            if string[index] == UInt8(ascii: ":") || string[index] == UInt8(ascii: " ") { return false }
        }
        return string.count > 5 || !reserved.contains(String(decoding: string, as: UTF8.self).lowercased())
    }

    static func isPlain(_ string: String) -> Bool {
        guard let first = string.unicodeScalars.first, let last = string.unicodeScalars.last,
              ("a"..."z").contains(first) || ("A"..."Z").contains(first),
              last != " ", last != ":",
              string.unicodeScalars.allSatisfy(plainCharacters.contains)
        else { return false }
        return !string.contains(": ") && !string.contains("  ") && !reserved.contains(string.lowercased())
    }

    /// A double-quoted scalar, quotes included.
    public static func quote(_ string: String) -> String {
        var output = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
            case "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}":
                output += "\\u" + String(scalar.value, radix: 16, uppercase: true)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    private static func inline(_ value: ProgramValue) -> KeyProgram {
        switch value {
        case .string(let string): return string.escaped(.yamlScalar)
        case .bool(let bool): return KeyProgram(literal: bool ? "true" : "false")
        case .number(let number): return KeyProgram(literal: number)
        case .null: return KeyProgram(literal: "null")
        case .array: return KeyProgram(literal: "[]")
        case .object: return KeyProgram(literal: "{}")
        }
    }

    /// Writes mapping lines at `indent`; the first line starts with `firstPad` instead of the
    /// indentation when given (`- ` for a mapping that is a list item).
    private static func writeMapping(_ members: [ProgramValue.Member], indent: Int, firstPad: String?, into lines: inout [KeyProgram]) {
        let pad = String(repeating: " ", count: indent)
        for (index, member) in members.enumerated() {
            let start = index == 0 ? firstPad ?? pad : pad
            if member.value.isNonEmptyContainer {
                lines.append(KeyProgram(literal: start + key(member.key) + ":"))
                writeBlock(member.value, indent: indent + 2, firstPad: nil, into: &lines)
            } else {
                lines.append(KeyProgram(literal: start + key(member.key) + ": ") + inline(member.value))
            }
        }
    }

    private static func writeBlock(_ value: ProgramValue, indent: Int, firstPad: String?, into lines: inout [KeyProgram]) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .object(let members): writeMapping(members, indent: indent, firstPad: firstPad, into: &lines)
        case .array(let items):
            for (index, item) in items.enumerated() {
                let start = index == 0 ? firstPad ?? pad : pad
                guard item.isNonEmptyContainer else {
                    lines.append(KeyProgram(literal: start + "- ") + inline(item))
                    continue
                }
                // A block item starts on the dash line: "- key: value", the rest indented under it.
                writeBlock(item, indent: indent + 2, firstPad: start + "- ", into: &lines)
            }
        default:
            lines.append(KeyProgram(literal: firstPad ?? pad) + inline(value))
        }
    }

    /// Reads a YAML document into a plain value whose mappings keep their order.
    public static func parse(_ text: String) throws(SyntaxError) -> PlainValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw SyntaxError(syntax: "YAML", message: "\(error)")
        } catch {
            throw SyntaxError(syntax: "YAML", message: "\(error)")
        }
        guard let node else { throw SyntaxError(syntax: "YAML", message: "the document is empty") }
        return try plain(node)
    }

    private static func plain(_ node: Node) throws(SyntaxError) -> PlainValue {
        switch node {
        case .mapping(let mapping):
            var members: [(key: String, value: PlainValue)] = []
            for (key, value) in mapping {
                guard case .string(let name) = try plain(key) else {
                    throw SyntaxError(syntax: "YAML", message: "a mapping key is not a string")
                }
                members.append((name, try plain(value)))
            }
            return .object(members)
        case .sequence(let sequence):
            var items: [PlainValue] = []
            for item in sequence { items.append(try plain(item)) }
            return .array(items)
        case .scalar(let scalar):
            switch node.tag.description {
            case Tag.Name.str.rawValue: return .string(scalar.string)
            case Tag.Name.bool.rawValue: return .bool(node.bool ?? false)
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return .number(scalar.string)
            case Tag.Name.null.rawValue: return .null
            default: throw SyntaxError(syntax: "YAML", message: "a scalar resolves to \(node.tag.description)")
            }
        case .alias:
            throw SyntaxError(syntax: "YAML", message: "aliases are not used in mcp-setup artifacts")
        }
    }
}
