import MCPSetup

/// The pages the site makes by itself: one per client, an overview with a support matrix, 404.
struct GeneratedPages: Sendable {
    let request: SetupRequest
    let clients: [ClientArtifacts]

    var routes: [String] {
        ["clients/"] + clients.map { "clients/\($0.id)/" }
    }

    func pages(widget: SetupWidget, templates: TemplateSet, keyBox: String) throws -> [LaidOutPage] {
        var pages: [LaidOutPage] = []
        let kinds = ArtifactKind.allCases
        let rows: [[String: Any]] = clients.map { client in
            [
                "title": client.title,
                "href": "\(client.id)/",
                "cells": kinds.map { kind in
                    let titles = client.artifacts.filter { $0.kind == kind && $0.isAvailable }.map(\.title)
                    return ["supported": !titles.isEmpty, "titles": titles.joined(separator: ", ")] as [String: Any]
                },
            ]
        }
        let overview = try templates.render("pages/clients", [
            "server": ["title": request.profile.title],
            "kinds": kinds.map { ["name": Self.kindLabel($0)] },
            "rows": rows,
        ])
        pages.append(LaidOutPage(route: "clients/", title: "Supported clients", description: "Every client \(request.profile.title) works with, and how each one is set up.", bodyHTML: overview))
        for client in clients {
            let context = widget.context(block: "b0", clientIDs: [client.id])
            let setup = keyBox + (try templates.render("partials/setup", context))
            let body = try templates.render("pages/client", ["client": ["title": client.title, "id": client.id], "server": ["title": request.profile.title], "setup": setup])
            pages.append(LaidOutPage(route: "clients/\(client.id)/", title: "Connect \(client.title)", description: "Set up \(request.profile.title) in \(client.title).", bodyHTML: body, setupData: try widget.pageData(clientIDs: [client.id])))
        }
        return pages
    }

    func notFound(templates: TemplateSet, root: String) throws -> LaidOutPage {
        LaidOutPage(route: "", title: "Page not found", description: nil, bodyHTML: try templates.render("pages/404", ["root": root]), absoluteRoot: root)
    }

    static func kindLabel(_ kind: ArtifactKind) -> String {
        switch kind {
        case .command: return "Command"
        case .file: return "Config file"
        case .link: return "Install link"
        case .url: return "Server URL"
        case .field: return "Form field"
        }
    }
}
