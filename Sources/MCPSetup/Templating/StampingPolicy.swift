/// What the templates of a set allow ``StampedTemplate`` to assume, read from their sources.
struct StampingPolicy: Sendable {
    /// False when a template's output can depend on a value's content, not just on where it
    /// goes: transforms such as `{{lowercased(name)}}` and dynamic partials `{{>*name}}`.
    var isAllowed: Bool
    /// Every name that appears in a tag of any template; a context value under another name
    /// cannot change any output. Nil when a template changes its delimiters, so tags cannot be
    /// found by looking for `{{`.
    var referencedNames: Set<String>?

    /// Reads the tags of every template source.
    init(sources: some Sequence<String>) {
        var allowed = true
        var names: Set<String>? = []
        for source in sources {
            for tag in Self.tags(in: source) {
                let body = tag.trimmingPrefix { $0 == "{" || $0 == "#" || $0 == "^" || $0 == "/" || $0 == "&" || $0 == " " }
                if body.first == "=" { names = nil }
                let partialName = body.first == ">" || body.first == "<" ? body.dropFirst().drop { $0 == " " } : nil
                if tag.contains("(") || partialName?.first == "*" { allowed = false }
                if tag.first == "!" { continue }
                for name in body.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                    names?.insert(String(name))
                }
            }
        }
        isAllowed = allowed
        referencedNames = names
    }

    /// The text between each `{{` and the following `}}`.
    private static func tags(in source: String) -> [Substring] {
        var tags: [Substring] = []
        var rest = source[...]
        while let open = rest.firstRange(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else { break }
            tags.append(afterOpen[..<close.lowerBound])
            rest = afterOpen[close.upperBound...]
        }
        return tags
    }
}
