import MCPSetup

/// The site's search index: every page's title, description and section headings, written as
/// `assets/search-index.js`, a module the search box imports. A module, not a JSON file, so the
/// pages' Content-Security-Policy can keep `connect-src 'none'`.
struct SearchIndex: Sendable {
    /// One page.
    struct Entry: Sendable, Hashable {
        var route: String
        var title: String
        var description: String?
        var headings: [Heading]
    }

    var entries: [Entry] = []

    /// The module's text: `export default [{"t", "u", "d", "h": [[text, id]…]}…];`, pages in
    /// route order, so the same site gives the same bytes.
    func module() -> String {
        let pages: [PlainValue] = entries.sorted { $0.route < $1.route }.map { entry in
            var members: [(key: String, value: PlainValue)] = [("t", .string(entry.title)), ("u", .string(entry.route))]
            if let description = entry.description { members.append(("d", .string(description))) }
            members.append(("h", .array(entry.headings.filter { $0.level == 2 || $0.level == 3 }.map { .array([.string($0.text), .string($0.id)]) })))
            return .object(members)
        }
        return "// The docs site's search index, written by mcp-setup build.\nexport default " + ScriptJSON.encode(.array(pages)) + ";\n"
    }
}
