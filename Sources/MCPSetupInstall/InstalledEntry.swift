import Foundation
import MCPSetup

/// What a client's config file holds for a server now, beside what `install` would write: for
/// `mcp-setup list`. Reads only; takes no lock and writes nothing.
public enum InstalledEntry {
    /// The state of one client's file.
    public enum State: Sendable, Equatable {
        /// The file does not exist.
        case noFile
        /// The file exists and has no entry of that name.
        case absent
        /// The entry is exactly what install would write (up to key order).
        case matches
        /// The entry is what install would write, with some key in it (the key is not compared).
        case matchesWithKey
        /// The entry differs from what install would write.
        case differs
        /// The file cannot be read or parsed; the message says why.
        case unreadable(String)
    }

    /// The entry `target` names in its file, compared with `target.entry`; when `keyWildcard`
    /// (the placeholder) stands in the wanted entry, any key in its place matches too.
    public static func state(of target: InstallTarget, keyWildcard: String? = nil) -> State {
        guard FileManager.default.fileExists(atPath: target.path) else { return .noFile }
        guard let data = FileManager.default.contents(atPath: target.path) else { return .unreadable("cannot be read") }
        let existing: PlainValue?
        do {
            existing = try ConfigEditors.open(Array(data), format: target.format, path: target.path).entry(container: target.container, name: target.name)
        } catch {
            return .unreadable(error.message)
        }
        guard let existing else { return .absent }
        if existing.canonical == target.entry.canonical { return .matches }
        if let keyWildcard, matches(existing.canonical, target.entry.canonical, wildcard: keyWildcard) { return .matchesWithKey }
        return .differs
    }

    /// Whether `value` has the shape of `pattern`, where a string of `pattern` that holds
    /// `wildcard` matches any string with the same text around a non-empty key.
    static func matches(_ value: PlainValue, _ pattern: PlainValue, wildcard: String) -> Bool {
        switch (value, pattern) {
        case (.object(let members), .object(let wanted)):
            return members.count == wanted.count && zip(members, wanted).allSatisfy { $0.key == $1.key && matches($0.value, $1.value, wildcard: wildcard) }
        case (.array(let items), .array(let wanted)):
            return items.count == wanted.count && zip(items, wanted).allSatisfy { matches($0, $1, wildcard: wildcard) }
        case (.string(let text), .string(let wanted)) where wanted.contains(wildcard):
            let parts = wanted.components(separatedBy: wildcard)
            guard parts.count == 2 else { return false }
            return text.count > parts[0].count + parts[1].count && text.hasPrefix(parts[0]) && text.hasSuffix(parts[1])
        default:
            return value == pattern
        }
    }
}

extension InstalledEntry {
    /// The whole config file `target` names, parsed in its syntax, or `nil` when it does not
    /// exist. Reads only.
    public static func document(of target: InstallTarget) throws(SetupError) -> PlainValue? {
        guard FileManager.default.fileExists(atPath: target.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: target.path) else { throw SetupError("\(target.path) cannot be read") }
        return try ConfigEditors.open(Array(data), format: target.format, path: target.path).document()
    }
}
