import Foundation
import MCPSetup
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        let found = ContentFolder.scan(directory)
        let paths = found.keys.sorted()
        let loaded: [ContentPage?]
        do {
            loaded = try ParallelMap.map(paths, progress: nil) { path throws -> ContentPage? in
                try load(path, from: directory, walked: found[path]?.isLink == false)
            }
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

    /// Loads one page (`path` relative to `directory`); `nil` for a draft. `walked` says that
    /// the folder walk reached the file through folders alone (``ContentFolder`` never enters a
    /// link), so it is inside the content folder unless it is a link itself: it is then opened
    /// without following one, and only a link has its destination checked.
    static func load(_ path: String, from directory: String, walked: Bool = false) throws(SetupError) -> ContentPage? {
        let file = (directory as NSString).appendingPathComponent(path)
        var bytes = walked ? readFile(file, followingLinks: false) : nil
        if bytes == nil {
            try ContainedPath.check(file, root: directory, label: "content folder")
            bytes = readFile(file, followingLinks: true)
        }
        guard var bytes else { throw SetupError("\(file): cannot be read as UTF-8 text") }
        // A byte order mark is not part of the text (as Foundation's UTF-8 decoding reads it).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SetupError("\(file): cannot be read as UTF-8 text")
        }
        let (frontMatter, body, bodyLine) = try FrontMatter.split(text, path: file)
        if frontMatter.draft { return nil }
        return ContentPage(sourcePath: path, route: route(for: path), frontMatter: frontMatter, body: body, bodyLine: bodyLine)
    }

    /// A regular file's bytes, read with plain POSIX calls; nil when it cannot be read (or, not
    /// following links, when it is one).
    private static func readFile(_ path: String, followingLinks: Bool) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // One byte more than the size, so that the read which finds the end needs no growth.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4_096, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
