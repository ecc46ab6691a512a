/// A text that does not parse in the syntax it claims to be in.
public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The syntax, for example `JSON` or `POSIX shell`.
    public var syntax: String
    /// What is wrong.
    public var message: String
    /// The line (1-based), when known.
    public var line: Int?
    /// The column (1-based), when known.
    public var column: Int?
    /// The character offset (1-based), when line and column are not tracked.
    public var offset: Int?

    /// Creates a syntax error.
    public init(syntax: String, message: String, line: Int? = nil, column: Int? = nil, offset: Int? = nil) {
        self.syntax = syntax
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `JSON: line 3, column 7: expected ','`.
    public var description: String {
        var location = ""
        if let line, let column { location = "line \(line), column \(column): " }
        else if let offset { location = "character \(offset): " }
        return "\(syntax): \(location)\(message)"
    }
}
