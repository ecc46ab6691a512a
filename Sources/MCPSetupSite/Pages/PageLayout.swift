import MCPSetup

/// Puts a page's body into its layout template with the site's navigation, head and key box.
struct PageLayout: Sendable {
    let templates: TemplateSet
    let settings: SiteSettings
    let request: SetupRequest
    let navigation: Navigation
    /// The layouts (`layouts/*`), each stamped: a page differs from the next only in a few values.
    private let layouts: [String: StampedTemplate]
    /// The key box, the same on every page.
    private let keyBoxHTML: String

    /// The slots of the layouts' context: the values that change from page to page.
    static let slots = [["page", "title"], ["page", "description"], ["root"], ["homeHref"], ["navItems"], ["clientNavItems"], ["body"], ["setupData"], ["placeholder"], ["tocHTML"]]

    /// `start` is the page a reader sets up a client on (the home page's call to action): its
    /// route and title.
    init(templates: TemplateSet, settings: SiteSettings, request: SetupRequest, navigation: Navigation,
         start: (route: String, title: String) = ("clients/", "Set up your AI client")) throws(SetupError) {
        self.templates = templates
        self.settings = settings
        self.request = request
        self.navigation = navigation
        let profile = request.profile
        let constants: [String: Any] = [
            "site": [
                "title": settings.title,
                "description": settings.description ?? "",
                "language": settings.language,
            ],
            "server": [
                "name": profile.name, "title": profile.title, "endpoint": profile.endpoint,
                "envVar": profile.envVar, "keyPrefix": profile.keyPrefix ?? "", "keyPage": profile.keyPage ?? "",
            ],
            "start": ["route": start.route, "title": start.title],
        ]
        var layouts: [String: StampedTemplate] = [:]
        for name in templates.names where name.hasPrefix("layouts/") {
            layouts[name] = StampedTemplate(name, in: templates, slots: Self.slots, constants: constants)
        }
        self.layouts = layouts
        self.keyBoxHTML = try templates.render("partials/keybox", ["server": ["title": request.profile.title], "placeholder": request.placeholder])
    }

    /// "On this page": the page's second-level headings, through `partials/toc`, when it has
    /// at least three (a short page needs no list).
    func tableOfContents(_ headings: [Heading]) throws(SetupError) -> String {
        let sections = headings.filter { $0.level == 2 }
        guard sections.count >= 3 else { return "" }
        return try templates.render("partials/toc", ["headings": sections.map { ["text": $0.text, "id": $0.id] }])
    }

    /// The key box, placed before a page's first setup widget.
    func keyBox() -> String {
        keyBoxHTML
    }

    func render(_ page: LaidOutPage) throws(SetupError) -> String {
        let root = page.absoluteRoot ?? Routes.root(of: page.route)
        let name = "layouts/" + page.layout
        guard let layout = layouts[name] else {
            throw SetupError("page \(page.route.isEmpty ? "index" : page.route) asks for layout '\(page.layout)'; add templates/\(name).mustache")
        }
        // The values of `slots`, in their order; the rest of the context is the same for most pages.
        let values: [String?] = [
            page.title,
            page.description ?? settings.description ?? "",
            root,
            root.isEmpty ? "./" : root,
            try navigation.pageItemsHTML(for: page.route, root: root),
            try navigation.clientItemsHTML(for: page.route, root: root),
            page.bodyHTML,
            page.setupData,
            page.setupData == nil ? nil : request.placeholder,
            try tableOfContents(page.headings),
        ]
        let others: [String: Any] = [
            "page": ["isHome": page.route.isEmpty] as [String: Any],
            "toc": page.headings.filter { $0.level == 2 }.map { ["text": $0.text, "id": $0.id] },
            "hasSetup": page.setupData != nil,
        ]
        return try layout.render(values, with: others)
    }
}
