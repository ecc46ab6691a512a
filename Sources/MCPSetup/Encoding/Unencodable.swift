/// A value an encoder refuses to write, because its syntax cannot carry it safely everywhere the
/// artifact is meant to work. The artifact becomes unavailable with the reason; nothing is
/// printed that might be read differently.
public struct Unencodable: Error, Sendable, Hashable, CustomStringConvertible {
    /// The syntax, for example `cmd`.
    public var syntax: String
    /// Why, in words a user can act on. Never quotes the value (it may hold a key).
    public var reason: String

    /// Creates a refusal.
    public init(syntax: String, reason: String) {
        self.syntax = syntax
        self.reason = reason
    }

    /// `cmd: …`.
    public var description: String { "\(syntax): \(reason)" }
}
