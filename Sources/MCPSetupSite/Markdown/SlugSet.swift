import MCPSetup

/// Turns heading texts into unique anchor ids made only of `a-z 0-9 -`.
struct SlugSet {
    private var used: [String: Int] = [:]

    /// A slug for `text`, with `-2`, `-3`… added when it was given out before.
    mutating func claim(_ text: String) -> String {
        let base = Self.slug(text)
        let count = used[base, default: 0]
        used[base] = count + 1
        return count == 0 ? base : "\(base)-\(count + 1)"
    }

    /// Lowercase ASCII letters and digits, every other run of characters one `-`.
    static func slug(_ text: String) -> String {
        let slug = Slug.make(text)
        return slug.isEmpty ? "section" : slug
    }
}
