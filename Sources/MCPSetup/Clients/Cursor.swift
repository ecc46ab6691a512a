/// Cursor: `mcp.json` and the "Add to Cursor" deeplink.
///
/// Facts (checked 2026-11-22): cursor.com/docs/mcp and cursor.com/docs/mcp/install-links (mirror
/// mehmetbaykar/cursor-docs-skill): root key `mcpServers`, no `type` needed, `${env:VAR}` expanded
/// in `url` and `headers`; the deeplink's `config` is base64 of the server object without its
/// name. The https form `cursor.com/en/install-mcp` is the one GitHub's install guide uses
/// (github/github-mcp-server docs/installation-guides/install-cursor.md, PR #940); base64's
/// `+ / =` are percent-encoded because a query parser turns `+` into a space.
///
/// Checked 2026-12-01 (clients-2026-12.md §3.6): the https forms seen live in 2026 are
/// `cursor.com/en-US/install-mcp?name=&config=` (slackapi/slack-skills-plugin#102, 2026-07-30)
/// and `cursor.com/link/mcp%2Finstall?…` (blender-mcp#173, 2026-01-18); cursor.com now serves
/// its pages under `/en-US/`, so the web link uses that form. `cursor://` stays the primary
/// link; the web link is the fallback for pages that cannot open custom schemes.
public struct Cursor: Client {
    /// Creates the client.
    public init() {}
    /// `cursor`.
    public let id = "cursor"
    /// `Cursor`.
    public let title = "Cursor"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor
    /// `${env:VAR}`.
    public let envSyntax: String? = EnvReference.envColon.syntax

    static let paths = ConfigPath.underHome(".cursor/mcp.json") + [.project(".cursor/mcp.json")]

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        let key = request.keyText(reference: .envColon)
        var server: [Value.Member] = [Value.Member("url", .string(request.endpointText))]
        server.append("headers", request.headersValue(key: key))
        let serverValue = Value.object(server)
        var notes: [String] = []
        if request.credential.isReference {
            notes.append("Cursor expands ${env:\(profile.envVar)} from the environment it was launched from; on macOS, an app started from the Dock may not see variables set in your shell profile.")
        }
        if let note = request.queryKeyNote { notes.append(note) }
        let items = [Link.Item("name", .literal(profile.name)), Link.Item("config", .base64(.json(serverValue)))]
        let file = Value.object([Value.Member("mcpServers", .object([Value.Member(profile.name, serverValue)]))])
        return [
            ArtifactSpec("deeplink", kind: .link, title: "Add to Cursor", body: .document(.line(.link(.items("cursor://anysphere.cursor-deeplink/mcp/install", items)))), notes: notes),
            ArtifactSpec("web-link", kind: .link, title: "Add to Cursor (web link)", body: .document(.line(.link(.items("https://cursor.com/en-US/install-mcp", items)))), notes: notes),
            ArtifactSpec("mcp-json", kind: .file, title: "mcp.json", body: .document(.json(file)), notes: notes, paths: Self.paths, install: .servers("mcpServers")),
        ]
    }
}
