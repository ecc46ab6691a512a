/// A value whose strings are programs: what the file encoders (JSON, YAML, TOML) write. A
/// ``PlainValue`` is one whose strings are all constant, so a plain document and a document that
/// holds the key go through the same writer.
public indirect enum ProgramValue: Sendable, Hashable {
    /// A string.
    case string(KeyProgram)
    /// A boolean.
    case bool(Bool)
    /// A number, as the text it is written with.
    case number(String)
    /// JSON `null`.
    case null
    /// A list.
    case array([ProgramValue])
    /// An object whose members keep their order.
    case object([Member])

    /// A member of an object.
    public struct Member: Sendable, Hashable {
        /// The key, which never depends on the key.
        public var key: String
        /// The value.
        public var value: ProgramValue

        /// Creates a member.
        public init(_ key: String, _ value: ProgramValue) {
            self.key = key
            self.value = value
        }
    }

    /// The same value, every string constant.
    public init(_ plain: PlainValue) {
        switch plain {
        case .string(let string): self = .string(KeyProgram(literal: string))
        case .bool(let bool): self = .bool(bool)
        case .number(let number): self = .number(number)
        case .null: self = .null
        case .array(let items): self = .array(items.map(ProgramValue.init))
        case .object(let members): self = .object(members.map { Member($0.key, ProgramValue($0.value)) })
        }
    }

    /// Whether this is a non-empty array or object.
    var isNonEmptyContainer: Bool {
        switch self {
        case .array(let items): return !items.isEmpty
        case .object(let members): return !members.isEmpty
        default: return false
        }
    }
}
