import Foundation
import MCPSetup

/// A Markdown page of the site's content folder.
public struct ContentPage: Sendable, Hashable {
    /// The path under the content folder, with `/` separators: `guides/team-setup.md`.
    public var sourcePath: String
    /// The page's folder in the site: `""` for `index.md`, `guides/team-setup/` otherwise.
    public var route: String
    /// The front matter.
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// The line of the source file the body starts on.
    public var bodyLine: Int

    /// Whether the page has a setup block (a fence opening with `mcp-setup`).
    public var hasSetupBlock: Bool {
        body.split(separator: "\n", omittingEmptySubsequences: false).contains { line in
            let trimmed = line.drop { $0 == " " }
            return trimmed.hasPrefix("```mcp-setup") || trimmed.hasPrefix("~~~mcp-setup")
        }
    }

    /// The route of a content path: `index.md` → ``, `keys.md` → `keys/`,
    /// `guides/index.md` → `guides/`.
    public static func route(for sourcePath: String) -> String {
        var path = String(sourcePath.dropLast(".md".count))
        if path == "index" { return "" }
        if path.hasSuffix("/index") { path.removeLast("index".count); return path }
        return path + "/"
    }

    /// Loads every `*.md` file under `directory`, drafts left out, sorted by order then path.
    public static func loadAll(from directory: String) throws(SetupError) -> [ContentPage] {
        try checkFolder(directory)
        let paths = ContentFolder.scan(directory).keys.sorted()
        let loaded: [ContentPage?]
        do {
            loaded = try ParallelMap.map(paths, progress: nil) { path throws -> ContentPage? in try load(path, from: directory) }
        } catch let error as SetupError {
            throw error
        } catch {
            throw SetupError("\(directory): \(error)")
        }
        return sorted(loaded.compactMap { $0 })
    }

    /// Pages in navigation order: by order, then path.
    static func sorted(_ pages: [ContentPage]) -> [ContentPage] {
        pages.sorted { ($0.frontMatter.order, $0.sourcePath) < ($1.frontMatter.order, $1.sourcePath) }
    }

    /// Throws unless `directory` is a folder.
    static func checkFolder(_ directory: String) throws(SetupError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SetupError("\(directory): no content folder; create it with Markdown pages, or pass --content DIR")
        }
    }

    /// Loads one page (`path` relative to `directory`); `nil` for a draft.
    static func load(_ path: String, from directory: String) throws(SetupError) -> ContentPage? {
        let file = (directory as NSString).appendingPathComponent(path)
        try ContainedPath.check(file, root: directory, label: "content folder")
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw SetupError("\(file): cannot be read as UTF-8 text")
        }
        let (frontMatter, body, bodyLine) = try FrontMatter.split(text, path: file)
        if frontMatter.draft { return nil }
        return ContentPage(sourcePath: path, route: route(for: path), frontMatter: frontMatter, body: body, bodyLine: bodyLine)
    }
}
