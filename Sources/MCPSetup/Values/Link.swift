/// A URL built from a fixed base and a query whose values are percent-encoded by the encoder.
public struct Link: Sendable, Hashable {
    /// The part before the new query: scheme, host, path, and any query the base already has.
    public var base: String
    /// What follows the base.
    public var query: Query

    /// The query of a link.
    public enum Query: Sendable, Hashable {
        /// `name=value` pairs, each side percent-encoded, appended with `?` (or `&` when the base
        /// already has a query).
        case items([Item])
        /// One percent-encoded text as the whole query (`vscode:mcp/install?<text>`).
        case whole(Text)
    }

    /// One `name=value` pair of a query.
    public struct Item: Sendable, Hashable {
        /// The parameter name.
        public var name: String
        /// The parameter value, percent-encoded when the link is written.
        public var value: Text

        /// Creates a query item.
        public init(_ name: String, _ value: Text) {
            self.name = name
            self.value = value
        }
    }

    /// Creates a link.
    public init(base: String, query: Query) {
        self.base = base
        self.query = query
    }

    /// A link with `name=value` items.
    public static func items(_ base: String, _ items: [Item]) -> Link {
        Link(base: base, query: .items(items))
    }

    /// Whether the secret appears in the query.
    public var containsSecret: Bool {
        switch query {
        case .items(let items): return items.contains { $0.value.containsSecret }
        case .whole(let text): return text.containsSecret
        }
    }

    /// The separator that starts the appended query: `&` when the base already has one.
    var querySeparator: String {
        base.contains("?") ? "&" : "?"
    }
}
