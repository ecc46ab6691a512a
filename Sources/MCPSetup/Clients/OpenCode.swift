/// OpenCode: the `mcp` section of `opencode.json`.
///
/// Facts (checked 2026-11-22): anomalyco/opencode (formerly sst/opencode)
/// packages/web/src/content/docs/mcp-servers.mdx: a remote server under `mcp` is
/// `{"type": "remote", "url": …, "enabled": true, "headers": {…}}`; `"oauth": false` stops
/// OpenCode from trying OAuth against a server that takes a key; `opencode mcp auth NAME` signs
/// in; `{env:VAR}` is substituted in the config text (packages/opencode/src/config/variable.ts).
/// The project file is `opencode.json` at the root, the global one
/// `~/.config/opencode/opencode.json`.
///
/// Conflict: anomalyco/opencode#23664 reported `{env:VAR}` sent literally in remote `headers`;
/// PR #35236 (July 2026) resolves it when connecting. The documented form is used, with a note
/// for older builds. `opencode mcp add` appears in only one version of the docs, so no command.
///
/// JSONC (checked 2026-12-01): opencode.ai/docs/config ("supports JSON and JSONC");
/// packages/opencode/src/config/parse.ts reads the file with jsonc-parser,
/// `allowTrailingComma: true`, so `install` keeps comments and trailing commas.
public struct OpenCode: Client {
    /// Creates the client.
    public init() {}
    /// `opencode`.
    public let id = "opencode"
    /// `OpenCode`.
    public let title = "OpenCode"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.terminal
    /// `{env:VAR}`.
    public let envSyntax: String? = EnvReference.braceEnv.syntax

    static let paths = [.project("opencode.json")] + ConfigPath.underHome(".config/opencode/opencode.json")

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        var entry: [Value.Member] = [
            Value.Member("type", "remote"),
            Value.Member("url", .string(request.endpointText)),
            Value.Member("enabled", true),
        ]
        if profile.auth.usesKey { entry.append(Value.Member("oauth", false)) }
        entry.append("headers", request.headersValue(key: request.keyText(reference: .braceEnv)))
        let file = request.serversFile(root: "mcp", entry: entry, leading: [Value.Member("$schema", "https://opencode.ai/config.json")])
        var notes = request.configNotes(client: title, reference: .braceEnv, oauth: "Run opencode mcp auth \(profile.name) to sign in with OAuth.")
        if request.credential.isReference, profile.auth.headerName != nil {
            notes.append("OpenCode builds before July 2026 sent {env:…} in headers literally (anomalyco/opencode#23664); update OpenCode if the server answers 401.")
        }
        return [
            ArtifactSpec("config", kind: .file, title: "opencode.json", body: .document(.jsonc(file)), notes: notes, paths: Self.paths, install: .servers("mcp")),
        ]
    }
}
