/// Literals of Python and TypeScript: dict and object displays, lists, booleans, numbers, and
/// string expressions. A string literal is double-quoted with the body ``JSONSyntax`` writes,
/// which both languages read the same way (`\"`, `\\`, `\b \f \n \r \t`, `\u00XX`; nothing else
/// escaped), so the key goes through the one escaper the browser already has (`json-string`).
/// An environment read is `os.environ["NAME"]` in Python and `process.env.NAME!` in TypeScript
/// (the `!` tells TypeScript the variable is set, so the value types as `string` where a header
/// map requires one; it is the one construct that is TypeScript and not JavaScript).
///
/// Objects and non-scalar lists are written one member a line with a trailing comma, as Black
/// and Prettier write them; a list of scalars stays on one line. ``CodeParser`` is the inverse.
public enum CodeSyntax {
    /// The program that writes a value, its inner lines indented `depth + 1` levels.
    public static func program(_ value: CodeValue, language: CodeLanguage, depth: Int) -> KeyProgram {
        var output = KeyProgram()
        write(value, language: language, depth: depth, into: &output)
        return output
    }

    /// The words for `true` and `false`.
    static func boolean(_ value: Bool, _ language: CodeLanguage) -> String {
        switch language {
        case .python: return value ? "True" : "False"
        case .typescript: return value ? "true" : "false"
        }
    }

    /// How the language reads an environment variable.
    public static func environmentRead(_ name: String, _ language: CodeLanguage) -> String {
        switch language {
        case .python: return "os.environ[" + JSONSyntax.quote(name) + "]"
        case .typescript: return (isIdentifier(name) ? "process.env." + name : "process.env[" + JSONSyntax.quote(name) + "]") + "!"
        }
    }

    /// A line that stops a TypeScript program when the variable is unset or empty, so a missing
    /// key is an error where it is read rather than a request without auth; Python's
    /// `os.environ[…]` already raises `KeyError`, so it needs none.
    public static func environmentCheck(_ name: String, _ language: CodeLanguage) -> String? {
        guard language == .typescript else { return nil }
        let read = isIdentifier(name) ? "process.env." + name : "process.env[" + JSONSyntax.quote(name) + "]"
        return "if (!" + read + ") throw new Error(" + JSONSyntax.quote("Set " + name + " in the environment") + ");\n"
    }

    /// A member key: a string literal in Python; in TypeScript a bare name when it is an
    /// identifier, otherwise a string literal.
    static func key(_ name: String, _ language: CodeLanguage) -> String {
        if language == .typescript, isIdentifier(name) { return name }
        return JSONSyntax.quote(name)
    }

    /// Whether a name is an ASCII identifier (`[A-Za-z_$][A-Za-z0-9_$]*`) in TypeScript.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, !isDigit(first) else { return false }
        return name.utf8.allSatisfy(isIdentifierByte)
    }

    /// Whether a byte may appear in an ASCII identifier.
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
    }

    /// Whether a byte is an ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isScalar(_ value: CodeValue) -> Bool {
        switch value {
        case .string, .bool, .number: return true
        case .array, .object: return false
        }
    }

    private static func write(_ value: CodeValue, language: CodeLanguage, depth: Int, into output: inout KeyProgram) {
        switch value {
        case .string(let parts):
            for (index, part) in parts.enumerated() {
                if index > 0 { output.append(" + ") }
                switch part {
                case .literal(let program): output.append(JSONSyntax.quote(program))
                case .environment(let name): output.append(environmentRead(name, language))
                }
            }
        case .bool(let bool): output.append(boolean(bool, language))
        case .number(let number): output.append(number)
        case .array(let items):
            guard !items.isEmpty else { output.append("[]"); return }
            if items.allSatisfy(isScalar) {
                output.append("[")
                for (index, item) in items.enumerated() {
                    if index > 0 { output.append(", ") }
                    write(item, language: language, depth: depth, into: &output)
                }
                output.append("]")
                return
            }
            output.append("[")
            for item in items {
                newline(&output, language: language, depth: depth + 1)
                write(item, language: language, depth: depth + 1, into: &output)
                output.append(",")
            }
            newline(&output, language: language, depth: depth)
            output.append("]")
        case .object(let members):
            guard !members.isEmpty else { output.append("{}"); return }
            output.append("{")
            for member in members {
                newline(&output, language: language, depth: depth + 1)
                output.append(key(member.key, language) + ": ")
                write(member.value, language: language, depth: depth + 1, into: &output)
                output.append(",")
            }
            newline(&output, language: language, depth: depth)
            output.append("}")
        }
    }

    private static func newline(_ output: inout KeyProgram, language: CodeLanguage, depth: Int) {
        output.append("\n" + String(repeating: language.indent, count: depth))
    }
}
