import Foundation

/// Every file of a built site, by path under the output folder, held in memory.
public struct SiteOutput: Sendable {
    /// File contents by relative path (`keys/index.html`).
    public private(set) var files: [String: Data] = [:]

    /// An empty site.
    public init() {}

    /// Adds or replaces a file.
    public mutating func add(_ path: String, _ text: String) {
        files[path] = Data(text.utf8)
    }

    /// The paths, sorted.
    public var paths: [String] { files.keys.sorted() }
}
