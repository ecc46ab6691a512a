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
        guard case .object(let members) = value, !members.isEmpty else { return inline(value) + "\n" }
        var lines: [String] = []
        writeMapping(members, indent: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
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

    private static func inline(_ value: PlainValue) -> String {
        switch value {
        case .string(let string): return scalar(string)
        case .bool(let bool): return bool ? "true" : "false"
        case .number(let number): return number
        case .null: return "null"
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    private static func isBlock(_ value: PlainValue) -> Bool {
        switch value {
        case .array(let items): return !items.isEmpty
        case .object(let members): return !members.isEmpty
        default: return false
        }
    }

    private static func writeMapping(_ members: [(key: String, value: PlainValue)], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for member in members {
            if isBlock(member.value) {
                lines.append(pad + key(member.key) + ":")
                writeBlock(member.value, indent: indent + 2, into: &lines)
            } else {
                lines.append(pad + key(member.key) + ": " + inline(member.value))
            }
        }
    }

    private static func writeBlock(_ value: PlainValue, indent: Int, into lines: inout [String]) {
        switch value {
        case .object(let members): writeMapping(members, indent: indent, into: &lines)
        case .array(let items):
            let pad = String(repeating: " ", count: indent)
            for item in items {
                guard isBlock(item) else {
                    lines.append(pad + "- " + inline(item))
                    continue
                }
                // A block item starts on the dash line: "- key: value", the rest indented under it.
                var nested: [String] = []
                writeBlock(item, indent: indent + 2, into: &nested)
                nested[0] = pad + "- " + String(nested[0].dropFirst(indent + 2))
                lines += nested
            }
        default:
            lines.append(String(repeating: " ", count: indent) + inline(value))
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
