import Foundation
import MCPSetup

/// The data a setup widget's template sees: one tab per client, every artifact with its copy
/// and install controls, and the client's instructions.
struct SetupWidget: Sendable {
    /// The request the site is built for (a placeholder where the key goes).
    let request: SetupRequest
    let clients: [ClientArtifacts]
    let proseHTML: [String: String]
    /// Each client's instructions as Markdown, for the connect card.
    var instructions: [String: String] = [:]
    /// Files the site offers for download, by the id of the artifact they are built from (the
    /// Claude Desktop bundle from its manifest): the file name and its bytes.
    var downloads: [String: Download] = [:]
    let cache = RenderCache()

    /// A file offered for download beside an artifact.
    struct Download: Sendable {
        /// The file name, for example `acme.mcpb`.
        var name: String
        /// The bytes.
        var bytes: [UInt8]
    }

    /// The widget's HTML through the `partials/setup` template, rendered once per block position
    /// and client list however many pages repeat it.
    func html(block: String, clientIDs: [String], templates: TemplateSet) throws(SetupError) -> String {
        try cache.value(for: block + "|" + clientIDs.joined(separator: " ")) { () throws(SetupError) -> String in
            try templates.render("partials/setup", context(block: block, clientIDs: clientIDs))
        }
    }

    /// The template context of one widget. `block` makes element ids unique within a page.
    func context(block: String, clientIDs: [String]) -> [String: Any] {
        // A block that names clients shows them in the author's order, the first one selected
        // (a page can open on the simplest setup); an empty block shows the catalog's order.
        let shown = clientIDs.isEmpty ? clients : clientIDs.compactMap { id in clients.first { $0.id == id } }
        let entries: [[String: Any]] = shown.enumerated().map { index, client in
            [
                "id": client.id,
                "title": client.title,
                "tabID": "\(block)-tab-\(client.id)",
                "panelID": "\(block)-panel-\(client.id)",
                "selected": index == 0,
                "prose": proseHTML[client.id] ?? "",
                "artifacts": client.artifacts.map { artifactContext($0, block: block) },
            ]
        }
        return ["block": block, "clients": entries, "tabbed": shown.count > 1,
                "cardClients": clientIDs.joined(separator: " "), "firstClient": shown.first?.id ?? ""]
    }

    func artifactContext(_ artifact: Artifact, block: String) -> [String: Any] {
        var context: [String: Any] = [
            "id": artifact.id,
            "elementID": block + "-" + artifact.id.replacingOccurrences(of: "/", with: "-"),
            "title": artifact.title,
            "kind": artifact.kind.rawValue,
            "available": artifact.isAvailable,
            "notes": artifact.notes,
            "hasPaths": !artifact.paths.isEmpty,
            "paths": artifact.paths.map { ["label": PathLabel.text($0), "path": $0.path] },
            "isLink": artifact.kind == .link,
            // The client's own badge wording where it publishes a badge; the image stays on the
            // client's host (the site loads nothing from other hosts).
            "installLabel": artifact.badge?.alt ?? artifact.title,
            "syntax": artifact.format?.rawValue ?? artifact.language?.rawValue ?? (artifact.shell != nil ? "shell" : "url"),
        ]
        if let content = artifact.content {
            context["content"] = content
            context["highlighted"] = highlightedHTML(artifact, content: content)
        }
        if let reason = artifact.unavailableReason { context["reason"] = reason }
        if let download = downloads[artifact.id] {
            // A data: link downloads on any page, whatever its depth in the site.
            context["download"] = ["name": download.name, "href": "data:application/zip;base64," + Data(download.bytes).base64EncodedString()]
        }
        return context
    }

    /// An artifact's text as highlighted HTML: the language from its document, and in a site
    /// built with the key inline, the key's parts marked.
    func highlightedHTML(_ artifact: Artifact, content: String) -> String {
        guard let document = artifact.document else { return Highlighter.html(content, language: .plain) }
        let language = HighlightLanguage(document)
        if case .inline(let secret) = request.credential, let program = artifact.program, document.containsSecret {
            return Highlighter.html(program.text, key: secret.rawValue, language: language)
        }
        return Highlighter.html(content, language: language)
    }

    /// The manifest of the clients a page shows (in the order its widgets show them), for the
    /// page's connect cards: the same manifest `mcp-setup card` writes, with the instructions and
    /// the bundle download. Encoded for a `<script type="application/json">` element, once for
    /// every page that shows the same clients.
    func pageData(clientIDs: [String]) throws(SetupError) -> String {
        try cache.value(for: "data|" + clientIDs.joined(separator: " ")) { () throws(SetupError) -> String in
            let shown = clientIDs.compactMap { id in clients.first { $0.id == id } }
            let files = downloads.mapValues { Manifest.Download(name: $0.name, href: "data:application/zip;base64," + Data($0.bytes).base64EncodedString()) }
            return ScriptJSON.escape(Manifest.json(for: request, clients: shown, instructions: instructions, downloads: files, highlight: true))
        }
    }

    /// The ids of the clients a block shows: those it names, or every client.
    func shownIDs(_ clientIDs: [String]) -> [String] {
        clientIDs.isEmpty ? clients.map(\.id) : clientIDs
    }
}

/// Labels for config file locations.
enum PathLabel {
    static func text(_ path: ConfigPath) -> String {
        let os = ["macos": "macOS", "windows": "Windows", "linux": "Linux", "any": "any OS"][path.os] ?? path.os
        return path.scope == "project" ? "Project folder" : os
    }
}
