import MCPSetup

/// One config file held in memory and edited at the span of one entry.
protocol ConfigEditor {
    /// The file's bytes, edited.
    var bytes: [UInt8] { get }
    /// The entry at `container` + `name`, parsed.
    func entry(container: [String], name: String) throws(SetupError) -> PlainValue?
    /// Inserts the entry, or replaces it.
    mutating func upsert(container: [String], name: String, value: PlainValue) throws(SetupError)
    /// Removes the entry; false when it is not there.
    mutating func remove(container: [String], name: String) throws(SetupError) -> Bool
    /// Merges items into a list at the root (VS Code's `inputs`).
    mutating func mergeItems(_ items: [PlainValue], intoRootArray key: String, idKey: String) throws(SetupError)
    /// Removes the item whose `idKey` is `id` from a list at the root; false when it is not there.
    mutating func removeItem(id: String, fromRootArray key: String, idKey: String) throws(SetupError) -> Bool
    /// Removes the member `name` of `container` when it is an empty object or list with no
    /// comment inside; false otherwise (and always, where the syntax keeps no such member).
    mutating func removeIfBare(container: [String], name: String) throws(SetupError) -> Bool
    /// Whether the file holds nothing but empty containers and no comments (what removing the
    /// only entry from a file mcp-setup created leaves).
    func isEmptySkeleton() throws(SetupError) -> Bool
    /// The whole document's value.
    func document() throws(SetupError) -> PlainValue
}

extension JSONEditor: ConfigEditor {
    func document() throws(SetupError) -> PlainValue {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        do {
            return try JSONParser.parse(String(decoding: bytes[start...], as: UTF8.self), allowComments: allowComments)
        } catch {
            throw SetupError("\(path): \(error.message)")
        }
    }

    func isEmptySkeleton() throws(SetupError) -> Bool {
        // Parsed as strict JSON: a comment (or a trailing comma) is the user's, and keeps the file.
        guard case .object(let members)? = try? JSONParser.parse(String(decoding: bytes, as: UTF8.self)) else { return false }
        return members.allSatisfy { member in
            switch member.value {
            case .object, .array: return Self.isHollow(member.value)
            case .string: return member.key == "$schema"
            default: return false
            }
        }
    }

    /// Whether a value holds nothing but empty objects and lists, at any depth (OpenClaw's
    /// `{"mcp": {"servers": {}}}`).
    static func isHollow(_ value: PlainValue) -> Bool {
        switch value {
        case .object(let members): return members.allSatisfy { isHollow($0.value) }
        case .array(let items): return items.isEmpty
        default: return false
        }
    }
}

extension TOMLEditor: ConfigEditor {
    func document() throws(SetupError) -> PlainValue { try parsed() }

    mutating func mergeItems(_ items: [PlainValue], intoRootArray key: String, idKey: String) throws(SetupError) {}

    mutating func removeItem(id: String, fromRootArray key: String, idKey: String) throws(SetupError) -> Bool { false }

    mutating func removeIfBare(container: [String], name: String) throws(SetupError) -> Bool { false }

    func isEmptySkeleton() throws(SetupError) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }
}

/// Opens the right editor for a file's syntax.
enum ConfigEditors {
    static func open(_ bytes: [UInt8], format: FileFormat, path: String) throws(SetupError) -> any ConfigEditor {
        switch format {
        case .json: return try JSONEditor(bytes: bytes, allowComments: false, path: path)
        case .jsonc: return try JSONEditor(bytes: bytes, allowComments: true, path: path)
        case .toml: return try TOMLEditor(bytes: bytes, path: path)
        case .yaml: return try YAMLEditor(bytes: bytes, path: path)
        }
    }
}

extension PlainValue {
    /// The value with every object's keys sorted, to compare entries whatever their order.
    public var canonical: PlainValue {
        switch self {
        case .object(let members): return .object(members.map { ($0.key, $0.value.canonical) }.sorted { $0.key < $1.key })
        case .array(let items): return .array(items.map(\.canonical))
        default: return self
        }
    }
}
