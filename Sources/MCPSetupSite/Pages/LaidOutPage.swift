import MCPSetup

/// A page ready for its layout: its place in the site, its title and its body HTML.
struct LaidOutPage: Sendable {
    var route: String
    var title: String
    var description: String?
    var layout: String = "page"
    var bodyHTML: String
    /// The manifest of the clients the page's setup widgets show, for their connect cards and
    /// the key box (encoded for a `<script type="application/json">`); `nil` without widgets.
    var setupData: String?
    var headings: [Heading] = []
    /// The root prefix, when relative links cannot work (the 404 page is served at any path).
    var absoluteRoot: String?
}
