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
/// not, per root, when a page first shows it; a page's list joins those fragments.
final class Navigation: @unchecked Sendable {
    /// Up to this many pages (in the site, or in a folder) are listed whole.
    static let fullListLimit = 50
    /// In a longer folder, the pages shown before and after the current one.
    static let window = 8
    /// In a longer folder that is not the current page's own, the pages shown from its start
    /// (before a link into the rest and its last page): enough to recognise the folder, few
    /// enough that the current page's own list is not pushed far down in a deep tree.
    static let leading = 5

    private let entries: [Entry]
    private let byFolder: [String: [Int]]
    private let position: [String: (folder: String, index: Int)]
    private let clientIndices: [Int]
    private let pageCount: Int
    private let lock = NSLock()
    /// `partials/nav-item`, whose title and href change from link to link.
    private let navItem: StampedTemplate
    /// The rest of a link's context: (nested, current) as false/false, false/true, true/false
    /// and true/true.
    private let navItemVariants: [StampedTemplate.Variant]

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

    init(pages: [ContentPage], clients: [ClientArtifacts], templates: TemplateSet) throws(SetupError) {
        navItem = StampedTemplate("partials/nav-item", in: templates, slots: [["title"], ["href"]])
        navItemVariants = [(false, false), (false, true), (true, false), (true, true)].map { [navItem] in navItem.variant(["nested": $0.0, "current": $0.1]) }
        entries = pages.map { page in
            let folder = page.sourcePath.split(separator: "/").dropLast().joined(separator: "/")
            return Entry(title: page.frontMatter.title, route: page.route, folder: folder, nested: !folder.isEmpty)
        } + clients.map { Entry(title: $0.title, route: "clients/\($0.id)/", folder: "\u{0}clients", nested: false) }
        var byFolder: [String: [Int]] = [:]
        var position: [String: (folder: String, index: Int)] = [:]
        for (index, entry) in entries.enumerated() {
            // Only content pages have a place in the content list; a client page shows it as any
            // page outside those folders does.
            if index < pages.count { position[entry.route] = (entry.folder, byFolder[entry.folder, default: []].count) }
            byFolder[entry.folder, default: []].append(index)
        }
        self.byFolder = byFolder
        self.position = position
        self.pageCount = pages.count
        self.clientIndices = byFolder["\u{0}clients"] ?? []
        try renderOwnWindows()
    }

    /// Renders, across the cores, the links of every long folder for the root of the pages in
    /// it: each of those pages shows a window of them. (Links a page shows of a folder it is
    /// not in are rendered when first asked for; most are never needed.)
    private func renderOwnWindows() throws(SetupError) {
        var seen = Set<String>()
        var folders: [(items: FolderItems, members: [Int], root: String)] = []
        for (route, place) in position.sorted(by: { $0.key < $1.key }) {
            guard let members = byFolder[place.folder], members.count > Self.fullListLimit else { continue }
            let root = Routes.root(of: route)
            guard seen.insert(place.folder + "|" + root).inserted else { continue }
            folders.append((folderItems(place.folder, members: members, root: root), members, root))
        }
        let jobs = folders.flatMap { folder in folder.members.map { (index: $0, root: folder.root) } }
        let fragments: [Fragment]
        do {
            fragments = try ParallelMap.map(jobs, progress: nil) { job throws -> Fragment in try fragment(job.index, root: job.root) }
        } catch let error as SetupError {
            throw error
        } catch {
            throw SetupError("navigation: \(error)")
        }
        var start = 0
        for (items, members, _) in folders {
            items.setFragments(Array(fragments[start..<start + members.count]))
            start += members.count
        }
    }

    /// A long folder's items, as positions in the folder: its first page, a window (around
    /// `current`, or the folder's start), its last page, and a gap item for each run of pages
    /// left out.
    static func windowed(count: Int, around current: Int?) -> [Item] {
        let shown: ClosedRange<Int>
        if let current {
            shown = max(0, current - window)...min(count - 1, current + window)
        } else {
            shown = 0...min(count - 1, leading - 1)
        }
        var items: [Item] = []
        if shown.lowerBound > 0 {
            items.append(.page(0))
            if shown.lowerBound > 1 { items.append(.gap(skipped: shown.lowerBound - 1, middle: (1 + shown.lowerBound - 1) / 2)) }
        }
        items += shown.map { Item.page($0) }
        let last = count - 1
        if shown.upperBound < last {
            if shown.upperBound < last - 1 { items.append(.gap(skipped: last - 1 - shown.upperBound, middle: (shown.upperBound + 1 + last - 1) / 2)) }
            items.append(.page(last))
        }
        return items
    }

    /// The `<li>` items of the content pages for the page at `route`.
    func pageItemsHTML(for route: String, root: String) throws(SetupError) -> String {
        if pageCount <= Self.fullListLimit {
            return try joined(key: "all", indices: Array(0..<pageCount), root: root).html(current: route)
        }
        let own = position[route]?.folder ?? route.split(separator: "/").dropLast().joined(separator: "/")
        var output = try outerFolders(of: own, root: root)
        guard let members = byFolder[own], !members.isEmpty else { return output }
        if !output.isEmpty { output += "\n" }
        if members.count <= Self.fullListLimit {
            // A short folder's list is joined once and copied, the current page swapped in.
            output += try joined(key: "folder|" + own, indices: members, root: root).html(current: route)
        } else {
            output += try folderItems(own, members: members, root: root).list(around: position[route]?.index)
        }
        return output
    }

    private var outerCache: [String: String] = [:]

    /// The lists of the folders above `folder` (the top level first), as every page in it shows
    /// them: the same for all of them, so joined once per root.
    private func outerFolders(of folder: String, root: String) throws(SetupError) -> String {
        guard !folder.isEmpty else { return "" }
        let cacheKey = folder + "|" + root
        if let known = lock.withLock({ outerCache[cacheKey] }) { return known }
        var outer = [""]
        var path = ""
        for part in folder.split(separator: "/").dropLast() {
            path += path.isEmpty ? String(part) : "/" + part
            outer.append(path)
        }
        var output = ""
        for folder in outer {
            let members = byFolder[folder] ?? []
            if members.isEmpty { continue }
            if !output.isEmpty { output += "\n" }
            if members.count <= Self.fullListLimit {
                output += try joined(key: "folder|" + folder, indices: members, root: root).plain
            } else {
                output += try folderItems(folder, members: members, root: root).list(around: nil)
            }
        }
        lock.withLock { outerCache[cacheKey] = output }
        return output
    }

    /// The `<li>` items of the client pages.
    func clientItemsHTML(for route: String, root: String) throws(SetupError) -> String {
        try joined(key: "clients", indices: clientIndices, root: root).html(current: route)
    }

    /// A list of pages joined once per root: its text, and where each page's link is in it.
    private struct FragmentList {
        let joined: [UInt8]
        let spans: [String: (range: Range<Int>, current: [UInt8])]

        init(_ fragments: [(route: String, fragment: Fragment)]) {
            var joined: [UInt8] = []
            var spans: [String: (range: Range<Int>, current: [UInt8])] = [:]
            for (route, fragment) in fragments {
                let start = joined.count
                joined += Array(fragment.plain.utf8)
                spans[route] = (start..<joined.count, Array(fragment.current.utf8))
            }
            if joined.last == 0x0A { joined.removeLast() }
            self.joined = joined
            self.spans = spans
        }

        /// The list as a page outside it shows it.
        var plain: String { String(decoding: joined, as: UTF8.self) }

        /// The list with the current page's link in its current form.
        func html(current route: String) -> String {
            guard let span = spans[route] else { return plain }
            var bytes = Array(joined[..<min(span.range.lowerBound, joined.count)])
            var replacement = span.current
            if span.range.upperBound >= joined.count, replacement.last == 0x0A { replacement.removeLast() }
            bytes += replacement
            if span.range.upperBound < joined.count { bytes += joined[span.range.upperBound...] }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private var lists: [String: FragmentList] = [:]

    private func joined(key: String, indices: [Int], root: String) throws(SetupError) -> FragmentList {
        let cacheKey = key + "|" + root
        if let cached = lock.withLock({ lists[cacheKey] }) { return cached }
        var fragments: [(route: String, fragment: Fragment)] = []
        for index in indices { fragments.append((entries[index].route, try fragment(index, root: root))) }
        let list = FragmentList(fragments)
        lock.withLock { lists[cacheKey] = list }
        return list
    }

    /// A long folder's links for one root. A page inside the folder shows a window of them;
    /// every page outside it shows the same list (its start and end), joined once. The folder's
    /// links are rendered only when a page inside it first asks: in a deep tree, most roots see
    /// a folder only from outside.
    private final class FolderItems: @unchecked Sendable {
        private let lock = NSLock()
        private let count: Int
        private let link: (_ position: Int, _ current: Bool) throws(SetupError) -> String
        private let gap: (_ skipped: Int, _ middle: Int) throws(SetupError) -> String
        private var fragments: [Fragment]?
        private var outside: String?

        init(count: Int, link: @escaping (Int, Bool) throws(SetupError) -> String, gap: @escaping (Int, Int) throws(SetupError) -> String) {
            self.count = count
            self.link = link
            self.gap = gap
        }

        /// The list as a page in the folder at position `current` shows it, or as a page
        /// outside the folder does.
        func list(around current: Int?) throws(SetupError) -> String {
            guard let current else { return try outsideList() }
            let fragments = try allFragments()
            var html = ""
            for item in Navigation.windowed(count: count, around: current) {
                switch item {
                case .page(let position): html += position == current ? fragments[position].current : fragments[position].plain
                case .gap(let skipped, let middle): html += try gap(skipped, middle)
                }
            }
            if html.hasSuffix("\n") { html.removeLast() }
            return html
        }

        private func outsideList() throws(SetupError) -> String {
            if let known = lock.withLock({ outside }) { return known }
            var html = ""
            for item in Navigation.windowed(count: count, around: nil) {
                switch item {
                case .page(let position): html += try link(position, false)
                case .gap(let skipped, let middle): html += try gap(skipped, middle)
                }
            }
            if html.hasSuffix("\n") { html.removeLast() }
            lock.withLock { outside = html }
            return html
        }

        /// Sets every link of the folder, rendered ahead.
        func setFragments(_ made: [Fragment]) {
            lock.withLock { fragments = made }
        }

        private func allFragments() throws(SetupError) -> [Fragment] {
            if let known = lock.withLock({ fragments }) { return known }
            var made: [Fragment] = []
            made.reserveCapacity(count)
            for position in 0..<count { made.append(Fragment(plain: try link(position, false), current: try link(position, true))) }
            lock.withLock { fragments = made }
            return made
        }
    }

    private var folderItemsCache: [String: FolderItems] = [:]

    private func folderItems(_ folder: String, members: [Int], root: String) -> FolderItems {
        let cacheKey = folder + "|" + root
        return lock.withLock {
            if let known = folderItemsCache[cacheKey] { return known }
            let made = FolderItems(
                count: members.count,
                link: { [unowned self] (position: Int, current: Bool) throws(SetupError) -> String in try link(members[position], root: root, current: current) },
                gap: { [unowned self] (skipped: Int, middle: Int) throws(SetupError) -> String in try gap(skipped: skipped, middle: members[middle], root: root) }
            )
            folderItemsCache[cacheKey] = made
            return made
        }
    }

    private func fragment(_ index: Int, root: String) throws(SetupError) -> Fragment {
        Fragment(plain: try link(index, root: root, current: false), current: try link(index, root: root, current: true))
    }

    /// One page's `<li>`.
    private func link(_ index: Int, root: String, current: Bool) throws(SetupError) -> String {
        let entry = entries[index]
        let href = root + entry.route
        return try navItem.render([entry.title, href.isEmpty ? "./" : href], in: navItemVariants[(entry.nested ? 2 : 0) + (current ? 1 : 0)])
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
        return try navItem.render(["… \(count) more", href.isEmpty ? "./" : href], in: navItemVariants[entry.nested ? 2 : 0])
    }
}
