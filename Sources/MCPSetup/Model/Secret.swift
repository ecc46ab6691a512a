/// An API key. It prints masked (`sk_live_…J6Hm`) everywhere but where an encoder reads
/// ``rawValue`` to write it into an artifact the user asked for.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The key itself.
    public let rawValue: String

    /// Validates a key: visible ASCII only, pasted alone.
    public init(_ rawValue: String) throws(SetupError) {
        guard !rawValue.isEmpty else {
            throw SetupError("the key is empty; paste the key your provider gave you")
        }
        let bytes = rawValue.utf8
        if bytes.count > 6, bytes.prefix(6).map({ $0 | 0x20 }).elementsEqual("bearer".utf8), bytes.dropFirst(6).first == 0x20 || bytes.dropFirst(6).first == 0x09 {
            throw SetupError("the key starts with 'Bearer '; paste the key alone, mcp-setup adds the scheme")
        }
        for byte in bytes where byte <= 0x20 || byte >= 0x7F {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                throw SetupError("the key contains whitespace; paste the key alone, without spaces or line breaks")
            }
            if byte < 0x20 || byte == 0x7F {
                throw SetupError("the key contains a control character; keys are visible ASCII characters only")
            }
            throw SetupError("the key contains a non-ASCII character; keys are visible ASCII characters only (check for smart quotes from a copy and paste)")
        }
        guard bytes.count <= 16_384 else {
            throw SetupError("the key is longer than 16384 characters; check that you pasted only the key")
        }
        self.rawValue = rawValue
    }

    /// The key with all but its first and last few characters hidden.
    public var masked: String {
        let characters = Array(rawValue)
        if characters.count <= 8 { return String(repeating: "•", count: characters.count) }
        let prefixEnd = characters.prefix(9).lastIndex(where: { $0 == "_" || $0 == "-" }).map { $0 + 1 } ?? 3
        let visiblePrefix = min(prefixEnd, characters.count / 3)
        return String(characters[..<visiblePrefix]) + "…" + String(characters.suffix(4))
    }

    /// The masked key.
    public var description: String { masked }
    /// The masked key.
    public var debugDescription: String { "Secret(\(masked))" }
}
