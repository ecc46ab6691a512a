import Foundation
import MCPSetup

/// Builds the docs site: content pages through cmark-gfm, setup blocks filled with verified
/// artifacts, generated client pages, and everything laid out by the Mustache templates.
/// The build happens in memory; ``OutputWriter`` puts it on disk.
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
        let pages = try ContentPage.loadAll(from: contentDirectory)
        let generated = GeneratedPages(request: request, clients: clients)
        let layout = try PageLayout(templates: templates, settings: settings, request: request, navigation: Navigation(pages: pages, clients: clients, templates: templates),
                                    start: Self.startPage(pages))

        var output = SiteOutput()
        let routes = Dictionary(uniqueKeysWithValues: pages.map { ($0.sourcePath, $0.route) })
        let rendered = try ParallelMap.map(pages, progress: progress) { page in
            try renderContentPage(page, routes: routes, markdown: markdown, widget: widget, layout: layout)
        }
        var search = SearchIndex()
        for (path, html, entry) in rendered {
            output.add(path, html)
            search.entries.append(entry)
        }
        for page in try generated.pages(widget: widget, templates: templates, keyBox: layout.keyBox()) {
            output.add(page.route + "index.html", try layout.render(page))
            search.entries.append(.init(route: page.route, title: page.title, description: page.description, headings: page.headings))
        }
        output.add("assets/search-index.js", search.module())
        let siteRoot = settings.baseURL.flatMap { URL(string: $0)?.path }.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "/"
        output.add("404.html", try layout.render(try generated.notFound(templates: templates, root: siteRoot)))
        for (path, text) in templates.assets {
            // The connect card's module gets the catalog's install-link schemes written in.
            output.add("assets/" + path, path == ConnectCard.scriptName ? ConnectCard.script(templates: templates) : text)
        }
        output.add("snippets.json", Manifest.json(for: request, clients: clients, instructions: instructions))
        for download in widget.downloads.values { output.add("downloads/" + download.name, bytes: download.bytes) }
        for artifact in clients.flatMap(\.artifacts) {
            guard let content = artifact.content else { continue }
            output.add("snippets/" + artifact.id + "." + Self.fileExtension(artifact), content)
        }
        if let baseURL = settings.baseURL {
            let routes = pages.map(\.route) + generated.routes
            output.add("sitemap.xml", try templates.render("site/sitemap", ["urls": routes.sorted().map { ["loc": baseURL + $0] }]))
        }
        return output
    }

    /// The page a reader sets up a client on: the first page in navigation order (the order
    /// `pages` come in) with a setup block, or the generated list of clients.
    static func startPage(_ pages: [ContentPage]) -> (route: String, title: String) {
        let withSetup = pages.first { page in
            guard !page.route.isEmpty else { return false }
            return page.body.split(separator: "\n", omittingEmptySubsequences: false).contains { line in
                let trimmed = line.drop { $0 == " " }
                return trimmed.hasPrefix("```mcp-setup") || trimmed.hasPrefix("~~~mcp-setup")
            }
        }
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

    private func renderContentPage(_ page: ContentPage, routes: [String: String], markdown: MarkdownRenderer, widget: SetupWidget, layout: PageLayout) throws -> (String, String, SearchIndex.Entry) {
        let file = (contentDirectory as NSString).appendingPathComponent(page.sourcePath)
        try KeyLeakGuard.check(page, prefix: request.profile.keyPrefix, file: file)
        let rendered = try markdown.render(page.body) { (url: String, line: Int) throws(SetupError) -> String in
            guard Routes.isContentLink(url) else { return url }
            let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            guard let target = Routes.resolve(String(parts[0]), from: page.sourcePath), let route = routes[target] else {
                throw SetupError("\(file):\(page.bodyLine + line - 1): the link '\(url)' points to no page in \(contentDirectory)")
            }
            return Routes.relative(from: page.route, to: route) + (parts.count > 1 ? "#" + parts[1] : "")
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
        let body = try rendered.html { index in
            let html = try widget.html(block: "b\(index)", clientIDs: rendered.setupBlocks[index].clientIDs, templates: templates)
            return index == 0 ? layout.keyBox() + html : html
        }
        let laidOut = try layout.render(LaidOutPage(
            route: page.route, title: page.frontMatter.title, description: page.frontMatter.description,
            layout: page.frontMatter.layout, bodyHTML: body, setupData: shownIDs.isEmpty ? nil : try widget.pageData(clientIDs: shownIDs), headings: rendered.headings
        ))
        return (page.route + "index.html", laidOut, .init(route: page.route, title: page.frontMatter.title, description: page.frontMatter.description, headings: rendered.headings))
    }
}
