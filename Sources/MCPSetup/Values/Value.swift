/// A structured value that an artifact encodes: the JSON of a config file, a TOML table, the
/// payload of an install link. Objects keep their key order, so output is stable.
public indirect enum Value: Sendable, Hashable {
    /// A string, which may hold the secret.
    case string(Text)
    /// A boolean.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// An ordered list.
    case array([Value])
    /// An object whose members keep their order.
    case object([Member])

    /// A member of an object.
    public struct Member: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: Value

        /// Creates a member.
        public init(_ key: String, _ value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// A string value holding fixed characters.
    public static func literal(_ string: String) -> Value { .string(.literal(string)) }

    /// Builds an object from key-value pairs in the given order.
    public static func object(_ pairs: KeyValuePairs<String, Value>) -> Value {
        .object(pairs.map { Member($0.key, $0.value) })
    }

    /// Whether the secret appears anywhere inside.
    public var containsSecret: Bool {
        switch self {
        case .string(let text): return text.containsSecret
        case .bool, .int: return false
        case .array(let items): return items.contains { $0.containsSecret }
        case .object(let members): return members.contains { $0.value.containsSecret }
        }
    }

    /// Whether any string reads an environment variable.
    public var containsEnvironment: Bool {
        switch self {
        case .string(let text): return text.containsEnvironment
        case .bool, .int: return false
        case .array(let items): return items.contains { $0.containsEnvironment }
        case .object(let members): return members.contains { $0.value.containsEnvironment }
        }
    }

    /// The member with the given key, if this is an object that has one.
    public subscript(key: String) -> Value? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}

extension Value: ExpressibleByStringLiteral {
    /// A literal string value.
    public init(stringLiteral value: String) {
        self = .string(.literal(value))
    }
}

extension Value: ExpressibleByBooleanLiteral {
    /// A boolean value.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}
