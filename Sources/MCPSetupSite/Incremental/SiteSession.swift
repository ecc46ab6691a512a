import Foundation
import MCPSetup
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A docs site kept in memory between builds, for `mcp-setup serve`: each rebuild walks the
/// content folder's signatures (size, times, inode), reads only the pages that changed, and
/// renders only what they affect. A changed config file or template rebuilds everything. The
/// result is byte for byte what a full build gives (a property test holds it to that).
///
/// A session is used from one thread at a time.
public final class SiteSession: @unchecked Sendable {
    /// What a rebuild made.
    public struct Rebuild: Sendable {
        /// The whole site.
        public let output: SiteOutput
        /// Files that are new, or whose bytes differ from the previous rebuild's.
        public let changed: [String]
        /// Files the previous rebuild had and this one does not.
        public let removed: [String]
        /// Content pages whose Markdown was rendered this time.
        public let pagesRendered: Int
        /// Content pages in the site.
        public let pageCount: Int
        /// Content files read this time (new or changed).
        public let sourcesRead: [String]
    }

    /// The config file.
    public let configPath: String
    /// The content folder.
    public let contentDirectory: String
    /// The templates folder (need not exist).
    public let templatesDirectory: String?

    private struct Source {
        var signature: ContentFolder.Signature
        var revision: Int
        var page: Result<ContentPage?, SetupError>
    }

    private var inputsSignature: [String: ContentFolder.Signature]?
    private var inputsContents: [String: Data] = [:]
    private var lastInputsLook = 0
    private var serverJSONPath: String?
    private var builder: SiteBuilder?
    private var shared: SharedParts?
    private var sources: [String: Source] = [:]
    private var nextRevision = 1
    private var lastScan = 0
    private var state = SiteBuildState()
    private var previous: SiteOutput?

    /// A session over a project's inputs; nothing is read until ``rebuild(progress:)``.
    public init(configPath: String, contentDirectory: String, templatesDirectory: String?) {
        self.configPath = configPath
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
    }

    /// Rebuilds the site from what the inputs hold now. An error (a broken page, a bad config)
    /// leaves the session ready for the next rebuild, which takes up from the last good one.
    public func rebuild(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Rebuild {
        let scanStarted = Self.now()
        try loadInputsIfChanged()
        guard let builder, let shared else { throw SetupError("\(configPath): the build could not start") }
        try ContentPage.checkFolder(contentDirectory)
        let found = ContentFolder.scan(contentDirectory)
        // A file modified within the clock's granularity of the last walk may have changed again
        // without a new signature ("racily clean", as git calls it), so it is read again.
        let racyAfter = lastScan - 50_000_000
        var stale: [String] = []
        for (path, signature) in found {
            if let known = sources[path], known.signature == signature, signature.modified < racyAfter { continue }
            stale.append(path)
        }
        sources = sources.filter { found[$0.key] != nil }
        let loaded = try ParallelMap.map(stale, progress: nil) { path -> Result<ContentPage?, SetupError> in
            do { return .success(try ContentPage.load(path, from: contentDirectory)) } catch let error as SetupError { return .failure(error) }
        }
        var read: [String] = []
        for (path, page) in zip(stale, loaded) {
            if let known = sources[path], case .success(let old) = known.page, case .success(let new) = page, old == new {
                sources[path]?.signature = found[path]!
                continue
            }
            sources[path] = Source(signature: found[path]!, revision: nextRevision, page: page)
            nextRevision += 1
            read.append(path)
        }
        lastScan = scanStarted
        var pages: [RevisedPage] = []
        for path in sources.keys.sorted() {
            let source = sources[path]!
            switch source.page {
            case .failure(let error): throw error
            case .success(let page): if let page { pages.append(RevisedPage(page: page, revision: source.revision)) }
            }
        }
        let ordered = ContentPage.sorted(pages.map(\.page))
        let revisions = Dictionary(uniqueKeysWithValues: pages.map { ($0.page.sourcePath, $0.revision) })
        let built = try builder.build(pages: ordered.map { RevisedPage(page: $0, revision: revisions[$0.sourcePath]!) }, shared: shared, state: state, progress: progress)
        state = built.state
        let output = built.output
        var changed: [String] = []
        var removed: [String] = []
        if let previous {
            for (path, text) in output.files where previous.files[path] != text { changed.append(path) }
            for (path, bytes) in output.binaries where previous.binaries[path] != bytes { changed.append(path) }
            removed = previous.paths.filter { !output.contains($0) }
        } else {
            changed = output.paths
        }
        previous = output
        return Rebuild(output: output, changed: changed.sorted(), removed: removed, pagesRendered: built.renderedPages, pageCount: ordered.count, sourcesRead: read.sorted())
    }

    /// Reloads the config and templates when any of their files changed; the content pages'
    /// renderings are then all dropped. Files written within the clock's granularity of the
    /// last look are compared by their bytes.
    private func loadInputsIfChanged() throws {
        var signature: [String: ContentFolder.Signature] = [:]
        signature[configPath] = ContentFolder.signature(of: configPath)
        if let templatesDirectory {
            for (path, file) in ContentFolder.scan(templatesDirectory, suffix: nil) { signature[templatesDirectory + "/" + path] = file }
        }
        if let serverJSONPath { signature[serverJSONPath] = ContentFolder.signature(of: serverJSONPath) }
        let racy = signature.values.contains { $0.modified >= lastInputsLook - 50_000_000 }
        lastInputsLook = Self.now()
        if builder != nil, signature == inputsSignature, !racy { return }
        var contents: [String: Data] = [:]
        for path in signature.keys { contents[path] = FileManager.default.contents(atPath: path) }
        if builder != nil, contents == inputsContents { inputsSignature = signature; return }
        builder = nil
        shared = nil
        state = SiteBuildState()
        let config = try ConfigFile.load(path: configPath)
        serverJSONPath = config.serverJSON?.value
        if let serverJSONPath {
            signature[serverJSONPath] = ContentFolder.signature(of: serverJSONPath)
            contents[serverJSONPath] = FileManager.default.contents(atPath: serverJSONPath)
        }
        let made = try SiteBuilder(config: config, contentDirectory: contentDirectory, templatesDirectory: templatesDirectory)
        shared = try made.shared()
        builder = made
        inputsSignature = signature
        inputsContents = contents
    }

    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }
}
