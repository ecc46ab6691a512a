import Foundation
import Synchronization

/// The files of the `<mcp-setup-connect>` card: the element's module and stylesheet (from the
/// templates' assets) and the manifest it shows, with each client's instructions.
public enum ConnectCard {
    /// The module's file name.
    public static let scriptName = "mcp-setup-connect.js"
    /// The stylesheet's file name (the module loads it from beside itself).
    public static let styleName = "mcp-setup-connect.css"
    /// Where the module keeps the install-link prefixes it may open.
    static let prefixesMarker = "/*mcp-setup:link-prefixes*/[]"

    /// The prefixes of every install link the catalog writes: scheme, host and path up to and
    /// including the `?` that starts the query (where the key goes). The card opens only links
    /// that start with one of them, so a manifest cannot send the key to a site of its choosing.
    /// Found by rendering, for example servers, each client that has a link for them.
    public static func linkPrefixes(catalog: ClientCatalog = .standard) -> [String] {
        let schemes = [AuthScheme.bearer, .header(name: "X-API-Key"), .query(parameter: "key"), .oauth]
        let found = Mutex<Set<String>>([])
        // Four independent renders of the whole catalog, across the cores.
        DispatchQueue.concurrentPerform(iterations: schemes.count) { index in
            let auth = schemes[index]
            guard let profile = try? ServerProfile(name: "acme", endpoint: "https://mcp.acme.dev/mcp", auth: auth),
                  let request = try? SetupRequest(profile: profile, credential: auth.usesKey ? .placeholder : .none) else { return }
            // Only the clients with a link for this server are rendered.
            let linking = catalog.clients.filter { client in SetupGenerator.specs(of: client, for: request).contains { $0.kind == .link } }
            guard !linking.isEmpty, let clients = try? SetupGenerator(catalog: catalog).render(request, clientIDs: linking.map(\.id)) else { return }
            var prefixes: Set<String> = []
            for artifact in clients.flatMap(\.artifacts) where artifact.kind == .link {
                guard let content = artifact.content else { continue }
                if let query = content.firstIndex(of: "?") {
                    prefixes.insert(String(content[...query]))
                } else {
                    prefixes.insert(content)
                }
            }
            found.withLock { $0.formUnion(prefixes) }
        }
        return found.withLock { $0.sorted() }
    }

    /// The module, with the catalog's install-link prefixes written in.
    public static func script(templates: TemplateSet, catalog: ClientCatalog = .standard) -> String {
        let source = templates.assets[scriptName] ?? ""
        let prefixes = JSONSyntax.compact(.array(linkPrefixes(catalog: catalog).map(PlainValue.string)))
        return source.replacingOccurrences(of: prefixesMarker, with: prefixes)
    }

    /// The manifest the card shows: the placeholder manifest with each client's instructions and
    /// the highlight runs of every artifact.
    public static func manifest(for request: SetupRequest, clients: [ClientArtifacts], templates: TemplateSet) throws(SetupError) -> String {
        let presenter = DocumentPresenter(templates: templates)
        var instructions: [String: String] = [:]
        for client in clients {
            if let text = try presenter.prose(clientID: client.id, request: request) { instructions[client.id] = text }
        }
        return Manifest.json(for: request, clients: clients, instructions: instructions, highlight: true)
    }
}
