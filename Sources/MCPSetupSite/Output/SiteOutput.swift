/// Every file of a built site, by path under the output folder, held in memory. Every file of
/// the site is text (HTML, CSS, JavaScript, JSON, snippets), written as UTF-8.
public struct SiteOutput: Sendable {
    /// File contents by relative path (`keys/index.html`).
    public private(set) var files: [String: String] = [:]

    /// An empty site.
    public init() {}

    /// Adds or replaces a file.
    public mutating func add(_ path: String, _ text: String) {
        files[path] = text
    }

    /// The paths, sorted.
    public var paths: [String] { files.keys.sorted() }
}
