import MCPSetup

/// The pages the site makes by itself: one per client, an overview with a support matrix, 404.
struct GeneratedPages: Sendable {
    let request: SetupRequest
    let clients: [ClientArtifacts]

    var routes: [String] {
        ["clients/"] + (agentClientIDs.isEmpty ? [] : [Self.agentsRoute]) + clients.map { "clients/\($0.id)/" }
    }

    /// Where the "Build an agent" page goes: every agent API, SDK and builder in one set of tabs.
    static let agentsRoute = "agents/"

    /// The clients of the "Build an agent" page, in catalog order.
    var agentClientIDs: [String] {
        clients.filter { $0.group == .code || $0.group == .builder }.map(\.id)
    }

    /// One generated page, before it is rendered.
    enum Item: Sendable {
        case overview
        case agents
        case client(ClientArtifacts)
    }

    /// The generated pages in route order of the navigation: the overview, the agents page
    /// when the catalog has agent targets, then one page per client.
    var items: [Item] {
        [.overview] + (agentClientIDs.isEmpty ? [] : [.agents]) + clients.map(Item.client)
    }

    /// Renders one generated page's body.
    func page(_ item: Item, widget: SetupWidget, templates: TemplateSet, keyBox: String) throws -> LaidOutPage {
        switch item {
        case .overview:
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
                "hasAgents": !agentClientIDs.isEmpty,
                "rows": rows,
            ])
            return LaidOutPage(route: "clients/", title: "Supported clients", description: "Every client \(request.profile.title) works with, and how each one is set up.", bodyHTML: overview)
        case .agents:
            let setup = keyBox + (try templates.render("partials/setup", widget.context(block: "b0", clientIDs: agentClientIDs)))
            let body = try templates.render("pages/agents", ["server": ["title": request.profile.title, "envVar": request.profile.envVar], "setup": setup,
                                                             "usesKey": request.profile.auth.usesKey, "oauth": request.profile.auth == .oauth])
            return LaidOutPage(route: Self.agentsRoute, title: "Build an agent", description: "Connect \(request.profile.title) to an agent you build in code or in an agent builder.",
                               bodyHTML: body, setupData: try widget.pageData(clientIDs: agentClientIDs))
        case .client(let client):
            let context = widget.context(block: "b0", clientIDs: [client.id])
            let setup = keyBox + (try templates.render("partials/setup", context))
            let body = try templates.render("pages/client", ["client": ["title": client.title, "id": client.id], "server": ["title": request.profile.title], "setup": setup])
            return LaidOutPage(route: "clients/\(client.id)/", title: "Connect \(client.title)", description: "Set up \(request.profile.title) in \(client.title).", bodyHTML: body, setupData: try widget.pageData(clientIDs: [client.id]))
        }
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
        case .code: return "Code"
        }
    }
}
