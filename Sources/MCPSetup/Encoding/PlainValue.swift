/// A decoded value with plain strings: what a parser reads back from an artifact.
public indirect enum PlainValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// A boolean.
    case bool(Bool)
    /// A number, as the text it was written with.
    case number(String)
    /// JSON `null`.
    case null
    /// A list.
    case array([PlainValue])
    /// An object, in the order its members were written.
    case object([(key: String, value: PlainValue)])

    /// Two values are equal when their members are equal in the same order.
    public static func == (lhs: PlainValue, rhs: PlainValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.null, .null): return true
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Hashes the value consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s): hasher.combine(0); hasher.combine(s)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .number(let n): hasher.combine(2); hasher.combine(n)
        case .null: hasher.combine(3)
        case .array(let items): hasher.combine(4); hasher.combine(items)
        case .object(let members):
            hasher.combine(5)
            for member in members { hasher.combine(member.key); hasher.combine(member.value) }
        }
    }

    /// The member with the given key, if this is an object that has one.
    public subscript(key: String) -> PlainValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}
