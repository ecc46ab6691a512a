/// Kiro IDE and Kiro CLI (the successor of Amazon Q Developer CLI): `mcp.json` and the
/// "Add to Kiro" link.
///
/// Facts (checked 2026-11-22): kiro.dev/docs/mcp/configuration and kiro.dev/docs/cli/mcp:
/// `~/.kiro/settings/mcp.json` (user) and `.kiro/settings/mcp.json` (workspace, wins), shared by
/// the IDE and kiro-cli; a remote entry is `url`, `headers`, `disabled`, `autoApprove`;
/// `${VAR}` is expanded only for variables the user approved. kiro.dev/docs/mcp/share: the
/// install link is `https://kiro.dev/launch/mcp/add?name=…&config=<percent-encoded JSON of the
/// entry>` (no base64). Badge `kiro.dev/images/add-to-kiro.svg` from awslabs READMEs.
///
/// Conflict: a third-party installer writes `"type": "streamable-http"` for Kiro
/// (smithery-ai/cli#762); Kiro's own examples have no transport keyword, and a bare `url` is
/// read by every version, so none is written.
public struct Kiro: Client {
    /// Creates the client.
    public init() {}
    /// `kiro`.
    public let id = "kiro"
    /// `Kiro`.
    public let title = "Kiro"
    /// When these facts were last checked at their sources.
    public let checked = "2026-11-22"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor
    /// `${VAR}`.
    public let envSyntax: String? = EnvReference.dollarBraces.syntax

    static let paths = ConfigPath.underHome(".kiro/settings/mcp.json") + [.project(".kiro/settings/mcp.json")]
    static let badge = Badge(image: "https://kiro.dev/images/add-to-kiro.svg", alt: "Add to Kiro")

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        let entry = request.urlAndHeaders(reference: .dollarBraces)
        var notes = request.configNotes(client: title, reference: .dollarBraces)
        if request.credential.isReference, profile.auth.headerName != nil {
            notes.append("Kiro expands a variable only after you approve it: accept the prompt, or add \(profile.envVar) to the Mcp Approved Env Vars setting.")
        }
        let file = request.serversFile(root: "mcpServers", entry: entry + [Value.Member("disabled", false), Value.Member("autoApprove", .array([]))])
        let link = Link.items("https://kiro.dev/launch/mcp/add", [Link.Item("name", .literal(profile.name)), Link.Item("config", .json(.object(entry)))])
        return [
            ArtifactSpec("mcp-json", kind: .file, title: "mcp.json", body: .document(.json(file)), notes: notes, paths: Self.paths, install: .servers("mcpServers")),
            ArtifactSpec("install-link", kind: .link, title: "Add to Kiro", body: .document(.line(.link(link))), notes: notes, badge: Self.badge),
        ]
    }
}
