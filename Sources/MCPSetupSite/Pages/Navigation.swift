import MCPSetup

/// The site's navigation: top-level pages, the pages of the current folder, and the clients.
struct Navigation: Sendable {
    let pages: [ContentPage]
    let clients: [ClientArtifacts]

    /// Up to this many pages, the navigation lists them all; beyond, it lists the top-level
    /// pages and those in the current page's folder.
    static let fullListLimit = 50

    func items(for route: String, root: String) -> [[String: Any]] {
        let folder = route.split(separator: "/").dropLast().joined(separator: "/")
        return pages.compactMap { page in
            let pageFolder = page.sourcePath.split(separator: "/").dropLast().joined(separator: "/")
            let visible = pages.count <= Self.fullListLimit || pageFolder.isEmpty || (!folder.isEmpty && folder.hasPrefix(pageFolder)) || page.route == route
            guard visible else { return nil }
            return ["title": page.frontMatter.title, "href": href(root, page.route), "current": page.route == route, "nested": !pageFolder.isEmpty]
        }
    }

    func clientItems(for route: String, root: String) -> [[String: Any]] {
        clients.map { client in
            let target = "clients/\(client.id)/"
            return ["title": client.title, "href": href(root, target), "current": route == target]
        }
    }

    private func href(_ root: String, _ route: String) -> String {
        let href = root + route
        return href.isEmpty ? "./" : href
    }
}
