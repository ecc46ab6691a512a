import Foundation
import MCPSetup

/// The data a setup widget's template sees: one tab per client, every artifact with its copy
/// and install controls, and the client's instructions.
struct SetupWidget: Sendable {
    let clients: [ClientArtifacts]
    let proseHTML: [String: String]
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
        return ["block": block, "clients": entries, "tabbed": shown.count > 1]
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
            "syntax": artifact.format?.rawValue ?? (artifact.shell != nil ? "shell" : "url"),
        ]
        if let content = artifact.content { context["content"] = content }
        if let reason = artifact.unavailableReason { context["reason"] = reason }
        if let download = downloads[artifact.id] {
            // A data: link downloads on any page, whatever its depth in the site.
            context["download"] = ["name": download.name, "href": "data:application/zip;base64," + Data(download.bytes).base64EncodedString()]
        }
        return context
    }

    /// The artifacts a page shows that hold the placeholder, as programs for the key box
    /// (``ProgramJSON``): it fills them with the reader's key, checks and reasons included, as
    /// the CLI does. Artifacts that do not hold the placeholder stay as the page shows them.
    func programs(clientIDs: [String]) -> [(String, PlainValue)] {
        // In the order the widget shows them (see `context`).
        let shown = clientIDs.isEmpty ? clients : clientIDs.compactMap { id in clients.first { $0.id == id } }
        return shown.flatMap(\.artifacts).compactMap { artifact in
            guard artifact.isAvailable, let program = artifact.program else { return nil }
            return (artifact.id, ProgramJSON.value(program))
        }
    }
}

/// Labels for config file locations.
enum PathLabel {
    static func text(_ path: ConfigPath) -> String {
        let os = ["macos": "macOS", "windows": "Windows", "linux": "Linux", "any": "any OS"][path.os] ?? path.os
        return path.scope == "project" ? "Project folder" : os
    }
}
