/// LM Studio (0.3.17 and later): `mcp.json` and the "Add to LM Studio" links.
///
/// Facts (checked 2026-11-22): lmstudio.ai/docs/app/mcp ("follows Cursor's mcp.json notation":
/// `mcpServers`, `url`, `headers`, no transport keyword) and lmstudio.ai/docs/app/mcp/deeplink
/// (`lmstudio://add_mcp?name=…&config=<base64 of the entry without its name>`, the web form
/// `https://lmstudio.ai/install-mcp`, and the badge images `files.lmstudio.ai/deeplink/
/// mcp-install-{light,dark}.svg`; the docs' own example percent-encodes base64's `=`).
/// Environment variables and OAuth are not documented, so the key is written into the entry.
/// The file's location on disk is not documented either (the app opens it from Program →
/// Install → Edit mcp.json); `~/.lmstudio/mcp.json` comes from third-party guides.
public struct LMStudio: Client {
    /// Creates the client.
    public init() {}
    /// `lm-studio`.
    public let id = "lm-studio"
    /// `LM Studio`.
    public let title = "LM Studio"
    /// When these facts were last checked at their sources.
    public let checked = "2026-11-22"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.desktop

    static let paths = ConfigPath.underHome(".lmstudio/mcp.json")

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        let entry = request.urlAndHeaders(reference: nil)
        let notes = request.configNotes(client: title, reference: nil, oauth: SetupRequest.undocumentedOAuth(title))
        let items = [Link.Item("name", .literal(profile.name)), Link.Item("config", .base64(.json(.object(entry))))]
        let badge = Badge(image: "https://files.lmstudio.ai/deeplink/mcp-install-light.svg", alt: "Add MCP Server \(profile.name) to LM Studio")
        return [
            ArtifactSpec("mcp-json", kind: .file, title: "mcp.json", body: .document(.json(request.serversFile(root: "mcpServers", entry: entry))),
                         notes: notes, paths: Self.paths, install: .servers("mcpServers")),
            ArtifactSpec("deeplink", kind: .link, title: "Add to LM Studio", body: .document(.line(.link(.items("lmstudio://add_mcp", items)))), notes: notes),
            ArtifactSpec("web-link", kind: .link, title: "Add to LM Studio (web link)", body: .document(.line(.link(.items("https://lmstudio.ai/install-mcp", items)))),
                         notes: notes, badge: badge),
        ]
    }
}
