/// A key that a client cannot carry in an artifact, however it is encoded: the artifact is then
/// unavailable for that key, with the reason. Checked for inline keys by the generator, and by
/// the docs site's key box for the key a reader pastes.
public struct KeyRestriction: Sendable, Hashable {
    /// What makes a key unusable.
    public enum Rule: Sendable, Hashable {
        /// The key contains this text.
        case contains(String)
        /// The key starts with this text.
        case hasPrefix(String)
    }

    /// The rule.
    public var rule: Rule
    /// Why, and what to do instead.
    public var reason: String

    /// Creates a restriction.
    public init(_ rule: Rule, reason: String) {
        self.rule = rule
        self.reason = reason
    }

    /// Whether the key breaks the rule.
    public func refuses(_ key: String) -> Bool {
        switch rule {
        case .contains(let text): return key.contains(text)
        case .hasPrefix(let text): return key.hasPrefix(text)
        }
    }
}
