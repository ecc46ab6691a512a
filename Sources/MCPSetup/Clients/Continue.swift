/// Continue: an MCP block file, `.continue/mcpServers/<name>.yaml`, or the same entry in
/// `~/.continue/config.yaml`.
///
/// Facts (checked 2026-11-22): docs.continue.dev/customize/deep-dives/mcp and
/// continuedev/continue PR #8021: a block file has `name`, `version`, `schema: v1` and an
/// `mcpServers` list whose items have `name`, `type` (`streamable-http` or `sse`) and `url`;
/// `${{ secrets.NAME }}` is filled from Continue's secrets (the Continue Hub, or `NAME=…` in a
/// `.env` file in `~/.continue`).
///
/// Conflict: where headers go is not in the official docs. A top-level `headers` key on the
/// server is reported as ignored (continuedev/continue discussion #9475), and third-party guides
/// use `requestOptions.headers`, the key Continue's other HTTP requests use, so that is used.
public struct Continue: Client {
    /// Creates the client.
    public init() {}
    /// `continue`.
    public let id = "continue"
    /// `Continue`.
    public let title = "Continue"
    /// When these facts were last checked at their sources.
    public let checked = "2026-11-22"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor
    /// `${{ secrets.VAR }}`.
    public let envSyntax: String? = EnvReference.continueSecret.syntax

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        var server: [Value.Member] = [
            Value.Member("name", .literal(profile.name)),
            Value.Member("type", .literal(profile.transport == .http ? "streamable-http" : "sse")),
            Value.Member("url", .string(request.endpointText)),
        ]
        if let headers = request.headersValue(key: request.keyText(reference: .continueSecret)) {
            server.append(Value.Member("requestOptions", .object([Value.Member("headers", headers)])))
        }
        let block = Value.object([
            Value.Member("name", .literal(profile.title)),
            Value.Member("version", "0.0.1"),
            Value.Member("schema", "v1"),
            Value.Member("mcpServers", .array([.object(server)])),
        ])
        let secret = EnvReference.continueSecret.syntax.replacingOccurrences(of: "VAR", with: profile.envVar)
        var notes = request.configNotes(client: title, reference: .continueSecret,
                                        referenceNote: "Continue fills \(secret) from its secrets: add \(profile.envVar) in the Continue Hub, or as \(profile.envVar)=… in ~/.continue/.env.",
                                        oauth: SetupRequest.undocumentedOAuth(title))
        notes.append("In ~/.continue/config.yaml, add only the item under mcpServers; the block file is complete as it is.")
        let paths = [ConfigPath.project(".continue/mcpServers/" + profile.name + ".yaml")] + ConfigPath.underHome(".continue/config.yaml")
        return [
            ArtifactSpec("config", kind: .file, title: "MCP block (YAML)", body: .document(.yaml(block)), notes: notes, paths: paths, install: InstallSpec(container: ["mcpServers"], listed: true)),
        ]
    }
}
