import MCPSetup

/// What a build keeps for the next one: each page's rendering, the layout with its navigation,
/// the generated pages and the search index, and the structure they were made for.
struct SiteBuildState: Sendable {
    /// The facts every page's layout depends on: each page's place, title and order, and the
    /// start page the home page leads to.
    struct Structure: Sendable, Hashable {
        var sourcePaths: [String]
        var titles: [String]
        var start: String

        init(pages: [ContentPage], start: (route: String, title: String)) {
            self.sourcePaths = pages.map(\.sourcePath)
            self.titles = pages.map(\.frontMatter.title)
            self.start = start.route + "\u{0}" + start.title
        }
    }

    /// A page's source at one revision.
    struct PageKey: Sendable, Hashable {
        var sourcePath: String
        var revision: Int
    }

    /// A content link and the href it was written as.
    struct Link: Sendable, Hashable {
        var url: String
        var href: String
    }

    /// A page's rendered body and what the layout and search index take from it.
    struct Body: Sendable {
        var html: String
        var setupData: String?
        var headings: [Heading]
        var links: [Link]
        var searchEntry: SearchIndex.Entry
    }

    /// A page's rendering.
    struct PageResult: Sendable {
        var key: PageKey
        var body: Body
        var html: String
        /// Whether this build rendered its Markdown (for the count `serve` prints).
        var rendered: Bool
    }

    var shared: SharedParts?
    var structure: Structure?
    var layout: PageLayout?
    var pages: [String: PageResult] = [:]
    var generated: (files: [(String, String)], entries: [SearchIndex.Entry])?
    /// The search index's entries by route, and its module.
    var searchEntries: [String: SearchIndex.Entry]?
    var searchModule: String?
    /// The site as built.
    var output: SiteOutput?
}
