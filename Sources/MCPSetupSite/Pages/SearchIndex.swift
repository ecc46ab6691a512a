import MCPSetup

/// The site's search index: every page's title, description and section headings, written as
/// `assets/search-index.js`, a module the search box imports. A module, not a JSON file, so the
/// pages' Content-Security-Policy can keep `connect-src 'none'`.
struct SearchIndex: Sendable {
    /// One page, with its entry's text in the module (written when the entry is made, so that
    /// a build writes each page's entry on the core that rendered the page).
    struct Entry: Sendable, Hashable {
        let route: String
        let title: String
        let description: String?
        let headings: [Heading]
        /// `{"t": …, "u": …, "d": …, "h": [[text, id]…]}` as the module holds it.
        let json: String

        init(route: String, title: String, description: String?, headings: [Heading]) {
            self.route = route
            self.title = title
            self.description = description
            self.headings = headings
            var members: [(key: String, value: PlainValue)] = [("t", .string(title)), ("u", .string(route))]
            if let description { members.append(("d", .string(description))) }
            members.append(("h", .array(headings.filter { $0.level == 2 || $0.level == 3 }.map { .array([.string($0.text), .string($0.id)]) })))
            self.json = ScriptJSON.encode(.object(members))
        }
    }

    var entries: [Entry] = []

    /// The module's text: `export default [{"t", "u", "d", "h": [[text, id]…]}…];`, pages in
    /// route order, so the same site gives the same bytes.
    func module() -> String {
        // Script-safe escaping is per character, so escaped entries joined are the escaped array.
        let pages = JSONSyntax.compactArray(ofEncoded: entries.sorted { $0.route < $1.route }.lazy.map(\.json))
        return "// The docs site's search index, written by mcp-setup build.\nexport default " + pages + ";\n"
    }
}
