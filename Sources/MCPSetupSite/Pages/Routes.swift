/// Relative links between pages, so the site works from any folder or base path.
enum Routes {
    /// The href from the page at `from` to the page at `to` (both routes like `keys/`).
    static func relative(from: String, to: String) -> String {
        let depth = from.split(separator: "/").count
        let up = String(repeating: "../", count: depth)
        let href = up + to
        return href.isEmpty ? "./" : href
    }

    /// The prefix that leads from a page back to the site root: `""`, `../`, `../../`.
    static func root(of route: String) -> String {
        String(repeating: "../", count: route.split(separator: "/").count)
    }

    /// Resolves `target` (a path relative to the folder of `sourcePath`) to a normalised content
    /// path, or nil when it climbs out of the content folder.
    static func resolve(_ target: String, from sourcePath: String) -> String? {
        var parts = sourcePath.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case ".", "": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Whether a link destination points into the site's own Markdown (`keys.md`, `../a.md#x`).
    static func isContentLink(_ url: String) -> Bool {
        let path = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return path.hasSuffix(".md") && !path.contains(":") && !path.hasPrefix("/")
    }
}
