/// OpenClaw, the personal agent gateway: `mcp.servers` in `~/.openclaw/openclaw.json`.
///
/// Facts (checked 2026-12-07): openclaw/openclaw docs/cli/mcp.md (commit 0c564e0): saved
/// servers live under `mcp.servers` of the OpenClaw config (`/home/user/.openclaw/openclaw.json`
/// in its own examples); a remote one is `{"url", "transport": "streamable-http", "headers"}`
/// (`type: "http"` is normalised to that); `"auth": "oauth"` makes it sign in with OAuth through
/// `openclaw mcp login NAME` and ignore a static Authorization header; `openclaw mcp doctor
/// --probe` checks the servers and warns about literal keys in headers. `"transport": "sse"` is
/// inferred from the page's "SSE / HTTP transport" section, not shown in an example.
/// docs.openclaw.ai/gateway/configuration/environment-variables: `${VAR}` (upper-case names) is
/// expanded in every config string, `$${VAR}` writes a literal `${VAR}`, and a missing variable
/// stays as written, with a warning. The file is JSON5 (`OPENCLAW_CONFIG_PATH` names another
/// file, which install does not follow yet); install edits it as JSON with comments and trailing
/// commas, and refuses a file that uses the rest of JSON5 (unquoted keys, single quotes) with
/// its line and column. The Windows path is not documented (likely `%USERPROFILE%\.openclaw\`),
/// so only macOS and Linux have a file here. There is no project file.
public struct OpenClaw: Client {
    /// Creates the client.
    public init() {}
    /// `openclaw`.
    public let id = "openclaw"
    /// `OpenClaw`.
    public let title = "OpenClaw"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-07"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.terminal
    /// `${VAR}`.
    public let envSyntax: String? = EnvReference.dollarBraces.syntax

    static let paths = [
        ConfigPath(os: "macos", scope: "user", path: "~/.openclaw/openclaw.json"),
        ConfigPath(os: "linux", scope: "user", path: "~/.openclaw/openclaw.json"),
    ]

    /// OpenClaw would expand `${…}` inside a key written into the file (see above).
    static let noVariableSyntax = KeyRestriction(.contains("${"), reason: "OpenClaw expands ${…} in every config string, so a key containing ${ would be read as a variable; create a key without ${, or reference it with an environment variable.")

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        var entry = [Value.Member("url", .string(request.endpointText)),
                     Value.Member("transport", .literal(profile.transport == .sse ? "sse" : "streamable-http"))]
        entry.append("headers", request.headersValue(key: request.keyText(reference: .dollarBraces)))
        if profile.auth == .oauth { entry.append(Value.Member("auth", "oauth")) }
        let file = Value.object([Value.Member("mcp", .object([Value.Member("servers", .object([Value.Member(profile.name, .object(entry))]))]))])
        var notes = request.configNotes(client: title, reference: .dollarBraces, oauth: "Run openclaw mcp login \(profile.name) to sign in with OAuth: it prints the authorization URL; run it again with --code CODE after you approve.")
        notes.append("Check it with openclaw mcp doctor --probe.")
        return [
            ArtifactSpec("config", kind: .file, title: "openclaw.json", body: .document(.jsonc(file)), notes: notes, paths: Self.paths,
                         keyRestrictions: [Self.noVariableSyntax], install: InstallSpec(container: ["mcp", "servers"])),
        ]
    }
}
