/// Something the user gave that cannot be used: what is wrong and how to fix it, in one line.
///
/// The library names what was wrong by its field (`auth`, `credential`, `clientIDs`); the
/// command line, which takes flags instead, prints ``commandLineMessage``.
public struct SetupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The one-line message: what was wrong, where, and the fix, in the library's terms.
    public var message: String
    /// The same message in the command line's terms (its flags), when they differ.
    public var commandLine: String?

    /// Creates an error from its one-line message, and the command line's wording when it
    /// names flags instead of fields.
    public init(_ message: String, commandLine: String? = nil) {
        self.message = message
        self.commandLine = commandLine
    }

    /// The message as the command line prints it.
    public var commandLineMessage: String { commandLine ?? message }

    /// The message.
    public var description: String { message }
}

/// A broken promise inside mcp-setup (an artifact that does not decode back to what it was made
/// from). Always a bug in the project, never the user's fault.
public struct InternalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The artifact id or component involved.
    public var subject: String
    /// What did not hold.
    public var message: String

    /// Creates an internal error.
    public init(subject: String, message: String) {
        self.subject = subject
        self.message = message
    }

    /// A one-line report that names the artifact and asks for a bug report.
    public var description: String {
        "internal error in \(subject): \(message) (this is a bug in mcp-setup; please report it)"
    }
}
