/// A program snippet in a programming language: fixed source text around values that the
/// language's encoder writes (design rule 1). The source parts are the snippet's own code
/// (imports, calls, the model name); they hold no value that depends on the request. The value
/// parts are dict or object literals, written by ``CodeSyntax`` and read back by
/// ``CodeParser`` (design rule 2).
public struct Code: Sendable, Hashable {
    /// The language.
    public var language: CodeLanguage
    /// The parts, in order.
    public var parts: [Part]

    /// One part of a snippet.
    public enum Part: Sendable, Hashable {
        /// Source text taken as it is.
        case source(String)
        /// A value written as a literal of the language, its inner lines indented by `depth`
        /// levels of the language's indentation.
        case value(Value, depth: Int)
    }

    /// Creates a snippet.
    public init(_ language: CodeLanguage, _ parts: [Part]) {
        self.language = language
        self.parts = parts
    }

    /// Whether the secret appears in any value.
    public var containsSecret: Bool {
        parts.contains { part in
            if case .value(let value, _) = part { return value.containsSecret }
            return false
        }
    }
}

/// The programming languages of code artifacts.
public enum CodeLanguage: String, Sendable, Hashable, CaseIterable {
    /// Python 3.
    case python
    /// TypeScript (an ES module); valid JavaScript but for the `!` after an environment read.
    case typescript

    /// One level of indentation.
    public var indent: String {
        switch self {
        case .python: return "    "
        case .typescript: return "  "
        }
    }

    /// The name shown with the snippet.
    public var title: String {
        switch self {
        case .python: return "Python"
        case .typescript: return "TypeScript"
        }
    }
}

/// Builds a snippet from source text with `\(value:)` holes: the source is everything between
/// holes, each hole a value at the given depth.
public struct CodeBuilder: Sendable {
    private(set) var parts: [Code.Part] = []
    let language: CodeLanguage

    /// Starts a snippet in a language.
    public init(_ language: CodeLanguage) {
        self.language = language
    }

    /// Adds source text, merged with any source before it.
    public mutating func source(_ text: String) {
        if case .source(let previous)? = parts.last {
            parts[parts.count - 1] = .source(previous + text)
        } else if !text.isEmpty {
            parts.append(.source(text))
        }
    }

    /// Adds a value literal.
    public mutating func value(_ value: Value, depth: Int = 0) {
        parts.append(.value(value, depth: depth))
    }

    /// Adds fragments in order: source text, and string or value literals.
    public mutating func add(_ fragments: CodeFragment...) {
        for fragment in fragments {
            switch fragment.kind {
            case .source(let text): source(text)
            case .value(let value, let depth): self.value(value, depth: depth)
            }
        }
    }

    /// The snippet.
    public var code: Code { Code(language, parts) }
}

/// One fragment of ``CodeBuilder/add(_:)``: a string literal in Swift is source text; a string
/// the snippet quotes (a module name, a model name) is ``string(_:)``, so its quotes come from
/// the encoder (design rule 1).
public struct CodeFragment: Sendable, ExpressibleByStringInterpolation {
    enum Kind: Sendable {
        case source(String)
        case value(Value, depth: Int)
    }

    let kind: Kind

    /// Source text.
    public init(stringLiteral value: String) {
        kind = .source(value)
    }

    /// Source text with interpolations (of facts that hold no quote, such as a class name).
    public init(stringInterpolation: DefaultStringInterpolation) {
        kind = .source(String(stringInterpolation: stringInterpolation))
    }

    private init(kind: Kind) {
        self.kind = kind
    }

    /// A string literal of the language.
    public static func string(_ string: String) -> CodeFragment {
        CodeFragment(kind: .value(.literal(string), depth: 0))
    }

    /// A value literal, its inner lines indented `depth` levels.
    public static func value(_ value: Value, depth: Int = 0) -> CodeFragment {
        CodeFragment(kind: .value(value, depth: depth))
    }
}
