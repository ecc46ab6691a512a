import Foundation
import MCPSetup

/// The site's navigation: the content pages, then the clients.
///
/// A small site (up to ``fullListLimit`` pages) lists every page. A larger one lists the
/// top-level pages and those of each folder on the way to the current page; a folder of more
/// than ``fullListLimit`` pages shows a window of them around the current page, its first and
/// last page, and a link into the middle of each gap ("… 2,400 more"), so any page is a few
/// clicks away and no page carries more than a bounded number of links: the site's size grows
/// linearly with its page count, whatever the folders' shape.
///
/// Each link is rendered by the `partials/nav-item` template once as the current page and once
/// not, per page and root, and a page's list joins those fragments.
final class Navigation: @unchecked Sendable {
    /// Up to this many pages (in the site, or in a folder) are listed whole.
    static let fullListLimit = 50
    /// In a longer folder, the pages shown before and after the current one.
    static let window = 8
    /// In a longer folder that is not the current page's own, the pages shown from its start.
    static let leading = 12

    private let entries: [Entry]
    private let byFolder: [String: [Int]]
    private let position: [String: (folder: String, index: Int)]
    private let clientIndices: [Int]
    private let pageCount: Int
    private let lock = NSLock()
    private var cache: [String: Fragment] = [:]
    /// `partials/nav-item`, whose title and href change from link to link.
    private let navItem: StampedTemplate

    private struct Entry {
        let title: String
        let route: String
        let folder: String
        let nested: Bool
    }

    private struct Fragment {
        let plain: String
        let current: String
    }

    /// One line of a page's list: a page, or a gap standing for `skipped` pages whose link
    /// leads to the page in its middle.
    enum Item: Hashable {
        case page(Int)
        case gap(skipped: Int, middle: Int)
    }

    init(pages: [ContentPage], clients: [ClientArtifacts], templates: TemplateSet) {
        navItem = StampedTemplate("partials/nav-item", in: templates, slots: [["title"], ["href"]])
        entries = pages.map { page in
            let folder = page.sourcePath.split(separator: "/").dropLast().joined(separator: "/")
            return Entry(title: page.frontMatter.title, route: page.route, folder: folder, nested: !folder.isEmpty)
        } + clients.map { Entry(title: $0.title, route: "clients/\($0.id)/", folder: "\u{0}clients", nested: false) }
        var byFolder: [String: [Int]] = [:]
        var position: [String: (folder: String, index: Int)] = [:]
        for (index, entry) in entries.enumerated() {
            position[entry.route] = (entry.folder, byFolder[entry.folder, default: []].count)
            byFolder[entry.folder, default: []].append(index)
        }
        self.byFolder = byFolder
        self.position = position
        self.pageCount = pages.count
        self.clientIndices = byFolder["\u{0}clients"] ?? []
    }

    /// The items of the content pages' list for the page at `route`.
    func pageItems(for route: String) -> [Item] {
        if pageCount <= Self.fullListLimit { return (0..<pageCount).map(Item.page) }
        let own = position[route]?.folder ?? route.split(separator: "/").dropLast().joined(separator: "/")
        var folders = [""]
        var path = ""
        for part in own.split(separator: "/") {
            path += path.isEmpty ? String(part) : "/" + part
            folders.append(path)
        }
        return folders.flatMap { folder -> [Item] in
            let members = byFolder[folder] ?? []
            if members.count <= Self.fullListLimit { return members.map(Item.page) }
            if folder == own, let current = position[route]?.index {
                return Self.windowed(members, around: current)
            }
            return Self.windowed(members, around: nil)
        }
    }

    /// A long folder's items: its first page, a window (around `current`, or the folder's
    /// start), its last page, and a gap item for each run of pages left out.
    static func windowed(_ members: [Int], around current: Int?) -> [Item] {
        let shown: ClosedRange<Int>
        if let current {
            shown = max(0, current - window)...min(members.count - 1, current + window)
        } else {
            shown = 0...min(members.count - 1, leading - 1)
        }
        var items: [Item] = []
        if shown.lowerBound > 0 {
            items.append(.page(members[0]))
            if shown.lowerBound > 1 { items.append(.gap(skipped: shown.lowerBound - 1, middle: members[(1 + shown.lowerBound - 1) / 2])) }
        }
        items += shown.map { Item.page(members[$0]) }
        let last = members.count - 1
        if shown.upperBound < last {
            if shown.upperBound < last - 1 { items.append(.gap(skipped: last - 1 - shown.upperBound, middle: members[(shown.upperBound + 1 + last - 1) / 2])) }
            items.append(.page(members[last]))
        }
        return items
    }

    /// The `<li>` items of the content pages for the page at `route`.
    func pageItemsHTML(for route: String, root: String) throws(SetupError) -> String {
        try html(pageItems(for: route), current: route, root: root)
    }

    /// The `<li>` items of the client pages.
    func clientItemsHTML(for route: String, root: String) throws(SetupError) -> String {
        try html(clientIndices.map(Item.page), current: route, root: root)
    }

    private func html(_ items: [Item], current: String, root: String) throws(SetupError) -> String {
        var output = ""
        for item in items {
            switch item {
            case .page(let index):
                let fragment = try self.fragment(index, root: root)
                output += entries[index].route == current ? fragment.current : fragment.plain
            case .gap(let skipped, let middle):
                output += try gap(skipped: skipped, middle: middle, root: root)
            }
        }
        if output.hasSuffix("\n") { output.removeLast() }
        return output
    }

    private func fragment(_ index: Int, root: String) throws(SetupError) -> Fragment {
        let key = "\(index)|\(root)"
        if let cached = lock.withLock({ cache[key] }) { return cached }
        let entry = entries[index]
        let href = root + entry.route
        var context: [String: Any] = ["title": entry.title, "href": href.isEmpty ? "./" : href, "nested": entry.nested, "current": false]
        let plain = try navItem.render(context)
        context["current"] = true
        let fragment = Fragment(plain: plain, current: try navItem.render(context))
        lock.withLock { cache[key] = fragment }
        return fragment
    }

    private func gap(skipped: Int, middle: Int, root: String) throws(SetupError) -> String {
        let entry = entries[middle]
        let href = root + entry.route
        var digits = Array(String(skipped))
        var count = ""
        while digits.count > 3 {
            count = "," + String(digits.suffix(3)) + count
            digits.removeLast(3)
        }
        count = String(digits) + count
        return try navItem.render(["title": "… \(count) more", "href": href.isEmpty ? "./" : href, "nested": entry.nested, "current": false])
    }
}
