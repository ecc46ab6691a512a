import Foundation
import MCPSetup

/// Builds the docs site: content pages through cmark-gfm, setup blocks filled with verified
/// artifacts, generated client pages, and everything laid out by the Mustache templates.
/// The build happens in memory; ``OutputWriter`` puts it on disk.
///
/// A build can reuse an earlier one's work (``SiteBuildState``): `mcp-setup serve` rebuilds
/// only what an edit affects, and a property test holds that to a full build byte for byte.
public struct SiteBuilder: Sendable {
    /// The server and site settings.
    public let request: SetupRequest
    /// The `site:` settings.
    public let settings: SiteSettings
    /// The content folder.
    public let contentDirectory: String
    /// The templates in use.
    public let templates: TemplateSet
    /// The `keys:` facts, for the sections pages include.
    public let keys: KeyFacts

    /// Prepares a build from a config file, a content folder and an optional templates folder.
    public init(config: ConfigFile, contentDirectory: String, templatesDirectory: String?) throws(SetupError) {
        let profile = try config.profile.profile()
        let credential: Credential = profile.auth.usesKey ? .placeholder : .none
        self.request = try SetupRequest(profile: profile, credential: credential)
        self.settings = try SiteSettings(config.site, serverTitle: profile.title)
        self.contentDirectory = contentDirectory
        self.templates = try TemplateSet.load(overridesIn: templatesDirectory)
        self.keys = config.keys
    }

    /// Builds every file of the site. `progress` is called as pages finish, with (done, total).
    public func build(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> SiteOutput {
        // The pages are read while the clients' artifacts are rendered: neither needs the other.
        let (pages, shared) = try ParallelMap.both({ try ContentPage.loadAll(from: contentDirectory) }, { try self.shared() })
        return try build(pages: pages.map { RevisedPage(page: $0, revision: 0) }, shared: shared, state: SiteBuildState(), progress: progress).output
    }

    /// The work every page shares: the clients' artifacts, the setup widget, the key sections
    /// and the files that depend on the config and templates alone.
    func shared() throws -> SharedParts {
        let clients = try SetupGenerator().render(request)
        let markdown = MarkdownRenderer(allowsRawHTML: settings.allowsRawHTML,
                                        sections: try KeySections(facts: keys, profile: request.profile, templates: templates).html)
        let presenter = DocumentPresenter(templates: templates)
        var prose: [String: String] = [:]
        var instructions: [String: String] = [:]
        for client in clients {
            if let text = try presenter.prose(clientID: client.id, request: request) {
                prose[client.id] = markdown.render(text).html
                instructions[client.id] = text
            }
        }
        var downloads: [String: SetupWidget.Download] = [:]
        let bundle = ClaudeDesktopBundle(request: request)
        if let text = clients.flatMap(\.artifacts).first(where: { $0.id == "claude-desktop/bundle-manifest" })?.content {
            downloads["claude-desktop/bundle-manifest"] = .init(name: bundle.fileName, bytes: try bundle.archive(manifestText: text))
        }
        let widget = SetupWidget(request: request, clients: clients, proseHTML: prose, instructions: instructions, downloads: downloads)
        var files = SiteOutput()
        for (path, text) in templates.assets {
            // The connect card's module gets the catalog's install-link schemes written in.
            files.add("assets/" + path, path == ConnectCard.scriptName ? ConnectCard.script(templates: templates) : text)
        }
        files.add("snippets.json", Manifest.json(for: request, clients: clients, instructions: instructions))
        for download in widget.downloads.values { files.add("downloads/" + download.name, bytes: download.bytes) }
        for artifact in clients.flatMap(\.artifacts) {
            guard let content = artifact.content else { continue }
            files.add("snippets/" + artifact.id + "." + Self.fileExtension(artifact), content)
        }
        return SharedParts(clients: clients, markdown: markdown, widget: widget, files: files)
    }

    /// Builds the site from loaded pages, reusing what `state` holds from an earlier build with
    /// the same `shared` parts: a page whose source and the site's structure (titles, routes,
    /// order, start page) are unchanged keeps its HTML; a page whose source is unchanged keeps
    /// its Markdown rendering while its links still lead where they did.
    func build(pages: [RevisedPage], shared: SharedParts, state previous: SiteBuildState, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> (output: SiteOutput, state: SiteBuildState, renderedPages: Int) {
        let contentPages = pages.map(\.page)
        let generatedRoutes = Set(GeneratedPages(request: request, clients: shared.clients).routes)
        if let clash = contentPages.first(where: { generatedRoutes.contains($0.route) }) {
            throw SetupError("\(file(clash)): this page would be at \(clash.route), where the site's generated \(clash.route == "clients/" ? "list of clients" : clash.route == GeneratedPages.agentsRoute ? "agents page" : "client page") goes; rename or move it")
        }
        var pageAtRoute: [String: ContentPage] = [:]
        for page in contentPages {
            if let other = pageAtRoute.updateValue(page, forKey: page.route) {
                let (first, second) = other.sourcePath < page.sourcePath ? (other, page) : (page, other)
                throw SetupError("\(file(second)): this page would be at \(page.route.isEmpty ? "the site's root" : page.route), as \(first.sourcePath) is; rename or move one of them")
            }
        }
        let start = Self.startPage(contentPages)
        let structure = SiteBuildState.Structure(pages: contentPages, start: start)
        let sameShared = previous.shared === shared
        let sameStructure = sameShared && previous.structure == structure
        let layout: PageLayout
        if sameStructure, let kept = previous.layout {
            layout = kept
        } else {
            layout = try PageLayout(templates: templates, settings: settings, request: request,
                                    navigation: Navigation(pages: contentPages, clients: shared.clients, templates: templates), start: start)
        }
        let routes = Dictionary(uniqueKeysWithValues: contentPages.map { ($0.sourcePath, $0.route) })
        let renderPages = { () throws -> [SiteBuildState.PageResult] in
            try ParallelMap.map(pages, progress: progress) { revised throws -> SiteBuildState.PageResult in
                let key = SiteBuildState.PageKey(sourcePath: revised.page.sourcePath, revision: revised.revision)
                if sameShared, let kept = previous.pages[key.sourcePath], kept.key == key {
                    if sameStructure { return SiteBuildState.PageResult(key: key, body: kept.body, html: kept.html, rendered: false) }
                    if kept.body.links.allSatisfy({ (try? resolve($0.url, in: revised.page, routes: routes)) == $0.href }) {
                        return SiteBuildState.PageResult(key: key, body: kept.body, html: try layOut(revised.page, body: kept.body, layout: layout), rendered: false)
                    }
                }
                let body = try renderBody(revised.page, routes: routes, markdown: shared.markdown, widget: shared.widget, layout: layout)
                return SiteBuildState.PageResult(key: key, body: body, html: try layOut(revised.page, body: body, layout: layout), rendered: true)
            }
        }
        let rendered: [SiteBuildState.PageResult]
        let generatedFiles: [(String, String)]
        let generatedEntries: [SearchIndex.Entry]
        if sameStructure, let kept = previous.generated {
            rendered = try renderPages()
            (generatedFiles, generatedEntries) = kept
        } else {
            // The generated pages and files need nothing from the content pages but their routes:
            // they are made meanwhile.
            (rendered, (generatedFiles, generatedEntries)) = try ParallelMap.both(renderPages) {
                try renderGenerated(contentRoutes: contentPages.map(\.route), shared: shared, layout: layout)
            }
        }
        var output = shared.files
        var entries: [String: SearchIndex.Entry] = [:]
        var results: [String: SiteBuildState.PageResult] = [:]
        for (revised, result) in zip(pages, rendered) {
            output.add(revised.page.route + "index.html", result.html)
            entries[revised.page.route] = result.body.searchEntry
            results[revised.page.sourcePath] = result
        }
        for (path, text) in generatedFiles { output.add(path, text) }
        for entry in generatedEntries { entries[entry.route] = entry }
        let module = sameShared && previous.searchEntries == entries ? previous.searchModule! : SearchIndex(entries: Array(entries.values)).module()
        output.add("assets/search-index.js", module)
        let state = SiteBuildState(shared: shared, structure: structure, layout: layout, pages: results, generated: (generatedFiles, generatedEntries),
                                   searchEntries: entries, searchModule: module, output: output)
        return (output, state, rendered.filter(\.rendered).count)
    }

    /// The generated pages (clients, agents, overview), 404.html and the sitemap, with the
    /// generated pages' search entries.
    private func renderGenerated(contentRoutes: [String], shared: SharedParts, layout: PageLayout) throws -> (files: [(String, String)], entries: [SearchIndex.Entry]) {
        var files: [(String, String)] = []
        var entries: [SearchIndex.Entry] = []
        let generated = GeneratedPages(request: request, clients: shared.clients)
        let keyBox = layout.keyBox()
        for item in generated.items {
            let page = try generated.page(item, widget: shared.widget, templates: templates, keyBox: keyBox)
            files.append((page.route + "index.html", try layout.render(page)))
            entries.append(SearchIndex.Entry(route: page.route, title: page.title, description: page.description, headings: page.headings))
        }
        let siteRoot = settings.baseURL.flatMap { URL(string: $0)?.path }.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "/"
        files.append(("404.html", try layout.render(try generated.notFound(templates: templates, root: siteRoot))))
        if let baseURL = settings.baseURL {
            let routes = contentRoutes + generated.routes
            files.append(("sitemap.xml", try templates.render("site/sitemap", ["urls": routes.sorted().map { ["loc": baseURL + $0] }])))
        }
        return (files, entries)
    }

    /// Rebuilds only the pages in `changed` (new revisions of pages the previous build had) on
    /// top of that build. The caller promises the site's structure is unchanged: the same pages
    /// in the same order, with the same titles and the same start page; ``SiteSession`` checks
    /// that from the changed pages alone. Returns the files it wrote again.
    func patch(changed: [RevisedPage], shared: SharedParts, state previous: SiteBuildState) throws -> (output: SiteOutput, state: SiteBuildState, touched: [String])? {
        guard previous.shared === shared, let layout = previous.layout, var output = previous.output, var entries = previous.searchEntries,
              let structure = previous.structure else { return nil }
        let routes = Dictionary(uniqueKeysWithValues: structure.sourcePaths.map { ($0, ContentPage.route(for: $0)) })
        let rendered = try ParallelMap.map(changed, progress: nil) { revised throws -> SiteBuildState.PageResult in
            let body = try renderBody(revised.page, routes: routes, markdown: shared.markdown, widget: shared.widget, layout: layout)
            return SiteBuildState.PageResult(key: .init(sourcePath: revised.page.sourcePath, revision: revised.revision), body: body,
                                             html: try layOut(revised.page, body: body, layout: layout), rendered: true)
        }
        var state = previous
        var touched: [String] = []
        for (revised, result) in zip(changed, rendered) {
            let path = revised.page.route + "index.html"
            output.add(path, result.html)
            touched.append(path)
            entries[revised.page.route] = result.body.searchEntry
            state.pages[revised.page.sourcePath] = result
        }
        if entries != previous.searchEntries {
            let module = SearchIndex(entries: Array(entries.values)).module()
            output.add("assets/search-index.js", module)
            touched.append("assets/search-index.js")
            state.searchModule = module
        }
        state.searchEntries = entries
        state.output = output
        return (output, state, touched)
    }

    /// The page a reader sets up a client on: the first page in navigation order (the order
    /// `pages` come in) with a setup block, or the generated list of clients.
    static func startPage(_ pages: [ContentPage]) -> (route: String, title: String) {
        let withSetup = pages.first { !$0.route.isEmpty && $0.hasSetupBlock }
        return withSetup.map { ($0.route, $0.frontMatter.title) } ?? ("clients/", "Set up your AI client")
    }

    static func fileExtension(_ artifact: Artifact) -> String {
        if let format = artifact.format { return format.rawValue }
        switch artifact.shell {
        case "powershell": return "ps1"
        case "cmd": return "cmd"
        case "posix": return "sh"
        default: return "txt"
        }
    }

    private func file(_ page: ContentPage) -> String {
        (contentDirectory as NSString).appendingPathComponent(page.sourcePath)
    }

    /// Where a content link leads from `page`: the href to write, or an error naming the line.
    private func resolve(_ url: String, in page: ContentPage, routes: [String: String], line: Int = 0) throws(SetupError) -> String {
        guard Routes.isContentLink(url) else { return url }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard let target = Routes.resolve(String(parts[0]), from: page.sourcePath), let route = routes[target] else {
            throw SetupError("\(file(page)):\(page.bodyLine + line - 1): the link '\(url)' points to no page in \(contentDirectory)")
        }
        return Routes.relative(from: page.route, to: route) + (parts.count > 1 ? "#" + parts[1] : "")
    }

    /// A page's body: Markdown rendered, setup blocks filled, and the links it resolved.
    private func renderBody(_ page: ContentPage, routes: [String: String], markdown: MarkdownRenderer, widget: SetupWidget, layout: PageLayout) throws -> SiteBuildState.Body {
        let file = file(page)
        try KeyLeakGuard.check(page, prefix: request.profile.keyPrefix, file: file)
        var links: [SiteBuildState.Link] = []
        let rendered = try markdown.render(page.body) { (url: String, line: Int) throws(SetupError) -> String in
            let href = try resolve(url, in: page, routes: routes, line: line)
            if Routes.isContentLink(url) { links.append(.init(url: url, href: href)) }
            return href
        }
        if let section = rendered.unresolvedSections.first {
            throw SetupError("\(file):\(page.bodyLine + section.line - 1): \(KeySections.problem(section.name))")
        }
        var shownIDs: [String] = []
        for block in rendered.setupBlocks {
            for id in block.clientIDs where !widget.clients.contains(where: { $0.id == id }) {
                throw SetupError("\(file):\(page.bodyLine + block.line - 1): setup block names unknown client '\(id)'; use: \(widget.clients.map(\.id).joined(separator: ", "))")
            }
            for id in widget.shownIDs(block.clientIDs) where !shownIDs.contains(id) { shownIDs.append(id) }
        }
        let html = try rendered.html { index in
            let html = try widget.html(block: "b\(index)", clientIDs: rendered.setupBlocks[index].clientIDs, templates: templates)
            return index == 0 ? layout.keyBox() + html : html
        }
        return SiteBuildState.Body(html: html, setupData: shownIDs.isEmpty ? nil : try widget.pageData(clientIDs: shownIDs), headings: rendered.headings, links: links,
                                   searchEntry: .init(route: page.route, title: page.frontMatter.title, description: page.frontMatter.description, headings: rendered.headings))
    }

    private func layOut(_ page: ContentPage, body: SiteBuildState.Body, layout: PageLayout) throws -> String {
        try layout.render(LaidOutPage(
            route: page.route, title: page.frontMatter.title, description: page.frontMatter.description,
            layout: page.frontMatter.layout, bodyHTML: body.html, setupData: body.setupData, headings: body.headings
        ))
    }
}

/// A content page and a number that changes whenever its source does, so a later build can
/// tell an unchanged page without comparing its text.
struct RevisedPage: Sendable {
    var page: ContentPage
    var revision: Int
}

/// The parts of a build that depend only on the config and templates.
final class SharedParts: Sendable {
    let clients: [ClientArtifacts]
    let markdown: MarkdownRenderer
    let widget: SetupWidget
    /// Assets, snippets, snippets.json and downloads.
    let files: SiteOutput

    init(clients: [ClientArtifacts], markdown: MarkdownRenderer, widget: SetupWidget, files: SiteOutput) {
        self.clients = clients
        self.markdown = markdown
        self.widget = widget
        self.files = files
    }
}
