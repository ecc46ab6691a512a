import Foundation
import MCPSetup

/// The site's navigation: the content pages (all of them on a small site; on a large one the
/// top-level pages and those of the current page's folders), then the clients.
///
/// Each link is rendered by the `partials/nav-item` template, twice (as the current page and
/// not), once per folder, and the lists are joined per page: a site of N pages in folders of F
/// pages renders N·2 links rather than N·F, which keeps big sites fast.
final class Navigation: @unchecked Sendable {
    /// Up to this many pages, the navigation lists them all.
    static let fullListLimit = 50

    private let entries: [Entry]
    private let byFolder: [String: [Int]]
    private let clients: [ClientArtifacts]
    private let lock = NSLock()
    private var cache: [String: FragmentList] = [:]
    /// `partials/nav-item`, whose title and href change from link to link.
    private let navItem: StampedTemplate

    private struct Entry {
        let title: String
        let route: String
        let folder: String
        let nested: Bool
    }

    private struct Fragment {
        let route: String
        let plain: String
        let current: String
    }

    /// A folder's links joined once; a page's list is that text with its own link swapped for
    /// the current-page version, so each page copies one string rather than joining a hundred.
    private struct FragmentList {
        let joined: [UInt8]
        let spans: [String: (range: Range<Int>, current: [UInt8])]

        init(_ fragments: [Fragment]) {
            var joined: [UInt8] = []
            var spans: [String: (range: Range<Int>, current: [UInt8])] = [:]
            for fragment in fragments {
                let start = joined.count
                joined += Array(fragment.plain.utf8)
                spans[fragment.route] = (start..<joined.count, Array(fragment.current.utf8))
            }
            if joined.last == 0x0A { joined.removeLast() }
            self.joined = joined
            self.spans = spans
        }

        func html(current route: String) -> String {
            guard let span = spans[route] else { return String(decoding: joined, as: UTF8.self) }
            var bytes = Array(joined[..<min(span.range.lowerBound, joined.count)])
            var replacement = span.current
            if span.range.upperBound >= joined.count, replacement.last == 0x0A { replacement.removeLast() }
            bytes += replacement
            if span.range.upperBound < joined.count { bytes += joined[span.range.upperBound...] }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    init(pages: [ContentPage], clients: [ClientArtifacts], templates: TemplateSet) {
        navItem = StampedTemplate("partials/nav-item", in: templates, slots: [["title"], ["href"]])
        entries = pages.map { page in
            let folder = page.sourcePath.split(separator: "/").dropLast().joined(separator: "/")
            return Entry(title: page.frontMatter.title, route: page.route, folder: folder, nested: !folder.isEmpty)
        } + clients.map { Entry(title: $0.title, route: "clients/\($0.id)/", folder: "\u{0}clients", nested: false) }
        var byFolder: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() { byFolder[entry.folder, default: []].append(index) }
        self.byFolder = byFolder
        self.clients = clients
    }

    /// The `<li>` items of the content pages for the page at `route`.
    func pageItemsHTML(for route: String, root: String) throws(SetupError) -> String {
        let folder = route.split(separator: "/").dropLast().joined(separator: "/")
        let fragments = try self.fragments(key: "pages|\(folder)|\(root)", root: root) { () -> [Int] in
            let pageCount = entries.count - clients.count
            if pageCount <= Self.fullListLimit { return Array(0..<pageCount) }
            var folders = [""]
            var path = ""
            for part in folder.split(separator: "/") {
                path += path.isEmpty ? String(part) : "/" + part
                folders.append(path)
            }
            return folders.flatMap { byFolder[$0] ?? [] }.sorted()
        }
        return join(fragments, current: route)
    }

    /// The `<li>` items of the client pages.
    func clientItemsHTML(for route: String, root: String) throws(SetupError) -> String {
        let fragments = try self.fragments(key: "clients|\(root)", root: root) { () -> [Int] in
            byFolder["\u{0}clients"] ?? []
        }
        return join(fragments, current: route)
    }

    private func join(_ fragments: FragmentList, current: String) -> String {
        fragments.html(current: current)
    }

    private func fragments(key: String, root: String, indices: () -> [Int]) throws(SetupError) -> FragmentList {
        if let cached = lock.withLock({ cache[key] }) { return cached }
        var fragments: [Fragment] = []
        for index in indices() {
            let entry = entries[index]
            let href = root + entry.route
            var context: [String: Any] = ["title": entry.title, "href": href.isEmpty ? "./" : href, "nested": entry.nested, "current": false]
            let plain = try navItem.render(context)
            context["current"] = true
            fragments.append(Fragment(route: entry.route, plain: plain, current: try navItem.render(context)))
        }
        let list = FragmentList(fragments)
        lock.withLock { cache[key] = list }
        return list
    }
}
