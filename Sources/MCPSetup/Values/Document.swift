/// What an artifact's content is made from, before any syntax is applied.
public enum Document: Sendable, Hashable {
    /// A command line: the words a shell must hand to the program.
    case command(argv: [Text])
    /// A JSON file, written with two-space indentation.
    case json(Value)
    /// A TOML file: top-level keys, tables and inline tables.
    case toml(Value)
    /// A single line of text: a URL or a link.
    case line(Text)

    /// Whether the secret appears anywhere in the document.
    public var containsSecret: Bool {
        switch self {
        case .command(let argv): return argv.contains { $0.containsSecret }
        case .json(let value), .toml(let value): return value.containsSecret
        case .line(let text): return text.containsSecret
        }
    }
}
