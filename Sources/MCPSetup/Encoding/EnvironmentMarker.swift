/// How an environment read travels through encoders that write plain strings (JSON inside a
/// shell word): as `U+E000 NAME U+E001`, two private-use scalars no key holds and no literal may
/// hold, until the POSIX shell encoder writes it as `"${NAME}"` and its splitter reads it back.
enum EnvironmentMarker {
    static let start: Unicode.Scalar = "\u{E000}"
    static let end: Unicode.Scalar = "\u{E001}"

    /// The marked form of a read of `name`.
    static func mark(_ name: String) -> String {
        String(start) + name + String(end)
    }

    /// Whether a string holds a marker scalar.
    static func holdsMarker(_ string: String) -> Bool {
        string.unicodeScalars.contains { $0 == start || $0 == end }
    }

    /// One part of a marked string.
    enum Segment: Equatable {
        case literal(String)
        case variable(String)
    }

    /// The literal runs and variable reads of a marked string.
    static func segments(_ string: String) -> [Segment] {
        var segments: [Segment] = []
        var current = ""
        var name: String?
        for scalar in string.unicodeScalars {
            if scalar == start {
                if !current.isEmpty { segments.append(.literal(current)); current = "" }
                name = ""
            } else if scalar == end, let read = name {
                segments.append(.variable(read))
                name = nil
            } else if name != nil {
                name?.unicodeScalars.append(scalar)
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { segments.append(.literal(current)) }
        return segments
    }

    /// A read as the shell sees it before expanding it, and as the manifest's argv lists it.
    static func reference(_ name: String) -> String {
        "${" + name + "}"
    }

    /// The string with each read written as its ``reference(_:)``.
    static func unmarked(_ string: String) -> String {
        segments(string).map { segment in
            switch segment {
            case .literal(let text): return text
            case .variable(let name): return reference(name)
            }
        }.joined()
    }
}
