/// A value as a code literal writes it: like ``ProgramValue``, except that a string is a
/// concatenation of string literals (which may hold the key) and environment reads.
public indirect enum CodeValue: Sendable, Hashable {
    /// A string expression: its parts joined with `+`.
    case string([CodeString])
    /// A boolean.
    case bool(Bool)
    /// A number, as the text it is written with.
    case number(String)
    /// A list.
    case array([CodeValue])
    /// A dict or object whose members keep their order.
    case object([Member])

    /// A member of a dict or object.
    public struct Member: Sendable, Hashable {
        /// The key, which never depends on the key.
        public var key: String
        /// The value.
        public var value: CodeValue

        /// Creates a member.
        public init(_ key: String, _ value: CodeValue) {
            self.key = key
            self.value = value
        }
    }

    /// Builds the code value of a value, turning each string's text into parts with `parts`.
    static func from<Failure: Error>(_ value: Value, parts: (Text) throws(Failure) -> [CodeString]) throws(Failure) -> CodeValue {
        switch value {
        case .string(let text): return .string(CodeString.normal(try parts(text)))
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .number(String(int))
        case .array(let items):
            var values: [CodeValue] = []
            for item in items { values.append(try from(item, parts: parts)) }
            return .array(values)
        case .object(let members):
            var values: [Member] = []
            for member in members { values.append(Member(member.key, try from(member.value, parts: parts))) }
            return .object(values)
        }
    }
}

/// One operand of a string expression in code.
public enum CodeString: Sendable, Hashable {
    /// A string literal's characters (the program that writes them, which may hold the key).
    case literal(KeyProgram)
    /// The value of an environment variable.
    case environment(String)

    /// The parts in normal form: adjacent literals joined, empty literals dropped, and an empty
    /// string written as one empty literal.
    static func normal(_ parts: [CodeString]) -> [CodeString] {
        var result: [CodeString] = []
        for part in parts {
            switch part {
            case .literal(let program):
                if program.parts.isEmpty { continue }
                if case .literal(let previous)? = result.last {
                    result[result.count - 1] = .literal(previous + program)
                } else {
                    result.append(part)
                }
            case .environment:
                result.append(part)
            }
        }
        return result.isEmpty ? [.literal(KeyProgram())] : result
    }
}
