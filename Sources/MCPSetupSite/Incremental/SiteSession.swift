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
        /// Of the changed files, those the previous rebuild did not have.
        public let added: [String]
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
        self.contentDirectory = Self.withoutTrailingSlash(contentDirectory)
        self.templatesDirectory = templatesDirectory.map(Self.withoutTrailingSlash)
    }

    /// `docs` for `docs/` (a watcher then names `docs/x.md`, not `docs//x.md`).
    static func withoutTrailingSlash(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// Rebuilds the site from what the inputs hold now. `changedPaths`, when given, are the
    /// files and folders a watcher saw change (absolute, or as the content folder was named):
    /// only they are looked at. Without them the whole content folder is walked. An error (a
    /// broken page, a bad config) leaves the session ready for the next rebuild, which takes up
    /// from the last good one.
    public func rebuild(changedPaths: [String]? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Rebuild {
        let scanStarted = Self.now()
        let reloaded = try loadInputsIfChanged()
        guard let builder, let shared else { throw SetupError("\(configPath): the build could not start") }
        try ContentPage.checkFolder(contentDirectory)
        let candidates: [String: ContentFolder.Signature?]
        if let changedPaths, !reloaded, previous != nil, let named = namedSources(changedPaths) {
            candidates = named
        } else {
            candidates = scanAll()
        }
        lastScan = scanStarted
        // Read what may have changed; a page whose reading is the same keeps its revision.
        let stale = candidates.keys.sorted()
        let loaded = try ParallelMap.map(stale, progress: nil) { path -> Result<ContentPage?, SetupError>? in
            guard candidates[path]! != nil else { return nil }
            do { return .success(try ContentPage.load(path, from: contentDirectory)) } catch let error as SetupError { return .failure(error) }
        }
        var read: [String] = []
        var structureChanged = reloaded || previous == nil
        for (path, page) in zip(stale, loaded) {
            let old = sources[path]
            guard let page, let signature = candidates[path]! else {
                if old != nil {
                    sources[path] = nil
                    read.append(path)
                    structureChanged = true
                }
                continue
            }
            if let old, case .success(let before) = old.page, case .success(let after) = page, before == after {
                sources[path]?.signature = signature
                continue
            }
            if case .success(let before) = old?.page, case .success(let after) = page, let before, let after,
               before.frontMatter.title == after.frontMatter.title, before.frontMatter.order == after.frontMatter.order, before.hasSetupBlock == after.hasSetupBlock {
                // The same page in the same place: the site's structure stands.
            } else {
                structureChanged = true
            }
            sources[path] = Source(signature: signature, revision: nextRevision, page: page)
            nextRevision += 1
            read.append(path)
        }
        if let failed = sources.keys.sorted().lazy.compactMap({ path -> SetupError? in
            if case .failure(let error) = self.sources[path]!.page { return error } else { return nil }
        }).first {
            throw failed
        }
        unbuilt.formUnion(read)
        // An edit that keeps every page's place and title rebuilds those pages alone (with any
        // that an earlier, failed rebuild read but did not build).
        let pending = unbuilt.sorted().compactMap(revised)
        if !structureChanged, !failedLast, let patched = try builder.patch(changed: pending, shared: shared, state: state) {
            state = patched.state
            unbuilt = []
            return finish(patched.output, touched: patched.touched, rendered: pending.count, read: read)
        }
        var pages: [RevisedPage] = []
        for path in sources.keys {
            if let revised = revised(path) { pages.append(revised) }
        }
        let ordered = ContentPage.sorted(pages.map(\.page))
        let revisions = Dictionary(uniqueKeysWithValues: pages.map { ($0.page.sourcePath, $0.revision) })
        let built: (output: SiteOutput, state: SiteBuildState, renderedPages: Int)
        do {
            built = try builder.build(pages: ordered.map { RevisedPage(page: $0, revision: revisions[$0.sourcePath]!) }, shared: shared, state: state, progress: progress)
            failedLast = false
            unbuilt = []
        } catch {
            failedLast = true
            throw error
        }
        state = built.state
        return finish(built.output, touched: nil, rendered: built.renderedPages, read: read)
    }

    /// Whether the last full build failed (a broken link): the next one is full too.
    private var failedLast = false
    /// Pages read since the last good build, which it has yet to render.
    private var unbuilt = Set<String>()

    private func revised(_ path: String) -> RevisedPage? {
        guard let source = sources[path], case .success(let page) = source.page, let page else { return nil }
        return RevisedPage(page: page, revision: source.revision)
    }

    /// Compares the new site with the previous one: only `touched` files when given.
    private func finish(_ output: SiteOutput, touched: [String]?, rendered: Int, read: [String]) -> Rebuild {
        var changed: [String] = []
        var removed: [String] = []
        let previous = self.previous
        if let previous {
            if let touched {
                changed = touched.filter { previous.body(at: $0) != output.body(at: $0) }
            } else {
                for (path, text) in output.files where previous.files[path] != text { changed.append(path) }
                for (path, bytes) in output.binaries where previous.binaries[path] != bytes { changed.append(path) }
                removed = previous.paths.filter { !output.contains($0) }
            }
        } else {
            changed = output.paths
        }
        self.previous = output
        let pageCount = sources.values.reduce(0) { count, source in
            if case .success(let page) = source.page, page != nil { return count + 1 } else { return count }
        }
        let added = changed.filter { previous?.contains($0) != true }
        return Rebuild(output: output, changed: changed.sorted(), removed: removed, added: added.sorted(), pagesRendered: rendered, pageCount: pageCount, sourcesRead: read.sorted())
    }

    /// Every Markdown file of the content folder whose signature is new or changed, or that
    /// was written within the clock's granularity of the last walk ("racily clean", as git
    /// calls it: it may have changed again without a new signature); and every known file that
    /// is gone (signature nil).
    private func scanAll() -> [String: ContentFolder.Signature?] {
        let found = ContentFolder.scan(contentDirectory)
        let racyAfter = lastScan - 50_000_000
        var candidates: [String: ContentFolder.Signature?] = [:]
        for (path, signature) in found {
            if let known = sources[path], known.signature == signature, signature.modified < racyAfter { continue }
            candidates[path] = signature
        }
        for path in sources.keys where found[path] == nil { candidates[path] = .some(nil) }
        return candidates
    }

    /// The Markdown files a watcher's paths name: a file itself, everything under a folder,
    /// and known files under a folder that is gone. Nil when a path is the content folder
    /// itself (it moved or went): then the whole folder is walked.
    private func namedSources(_ paths: [String]) -> [String: ContentFolder.Signature?]? {
        let root = contentDirectory.hasSuffix("/") ? String(contentDirectory.dropLast()) : contentDirectory
        var candidates: [String: ContentFolder.Signature?] = [:]
        // A page that is a link changes when its target does, which no event names.
        for (known, source) in sources where source.signature.isLink {
            candidates[known] = .some(ContentFolder.signature(ofEntry: root + "/" + known))
        }
        for path in paths {
            guard path.hasPrefix(root + "/") else {
                if path == root { return nil }
                continue
            }
            let relative = String(path.dropFirst(root.count + 1))
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                for (inner, signature) in ContentFolder.scan(path) { candidates[relative + "/" + inner] = signature }
                for known in sources.keys where known.hasPrefix(relative + "/") && candidates[known] == nil { candidates[known] = .some(ContentFolder.signature(ofEntry: root + "/" + known)) }
            } else if relative.hasSuffix(".md") {
                candidates[relative] = .some(ContentFolder.signature(ofEntry: path))
            } else {
                for known in sources.keys where known.hasPrefix(relative + "/") { candidates[known] = .some(ContentFolder.signature(ofEntry: root + "/" + known)) }
            }
        }
        return candidates
    }

    /// Reloads the config and templates when any of their files changed; the content pages'
    /// renderings are then all dropped. Files written within the clock's granularity of the
    /// last look are compared by their bytes.
    private func loadInputsIfChanged() throws -> Bool {
        var signature: [String: ContentFolder.Signature] = [:]
        signature[configPath] = ContentFolder.signature(of: configPath)
        if let templatesDirectory {
            for (path, file) in ContentFolder.scan(templatesDirectory, suffix: nil) { signature[templatesDirectory + "/" + path] = file }
        }
        if let serverJSONPath { signature[serverJSONPath] = ContentFolder.signature(of: serverJSONPath) }
        let racy = signature.values.contains { $0.modified >= lastInputsLook - 50_000_000 }
        lastInputsLook = Self.now()
        if builder != nil, signature == inputsSignature, !racy { return false }
        var contents: [String: Data] = [:]
        for path in signature.keys { contents[path] = FileManager.default.contents(atPath: path) }
        if builder != nil, contents == inputsContents { inputsSignature = signature; return false }
        builder = nil
        shared = nil
        state = SiteBuildState()
        let config = try ConfigFile.load(path: configPath)
        if let old = serverJSONPath, old != config.serverJSON?.value {
            // The config no longer names that server.json: its signature is no input now.
            signature[old] = nil
            contents[old] = nil
        }
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
        return true
    }

    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }
}
