/// Antigravity, Google's agent IDE: `mcp_config.json`.
///
/// Facts (checked 2026-12-01): google-gemini/gemini-cli docs/resources/
/// migrating-to-antigravity-cli.md; add-mcp CHANGELOG 1.5.1 ("Antigravity … `serverUrl`");
/// gleanwork/mcp-config configs/antigravity.json and #110: root key `mcpServers`, a remote entry
/// is `{"serverUrl", "headers"}` (with `url` the server is silently skipped:
/// sfc-gh-eraigosa/dotfiles#146). Antigravity 2.x, IDE and CLI alike, reads
/// `~/.gemini/config/mcp_config.json` (CoplayDev/unity-mcp#1151, WolframResearch/AgentTools#191,
/// colbymchenry/codegraph#399; a third-party round trip of `agy mcp add` on 2026-09-18); before
/// 2.0 the IDE read `~/.gemini/antigravity/mcp_config.json`, which 2.x ignores.
///
/// Google's own example puts `$GOOGLE_CLOUD_PROJECT` in a header, so `$VAR` is expanded there,
/// but no source documents the syntax for a key; the key is written in, and a key holding `$`
/// is refused because it would be expanded.
public struct Antigravity: Client {
    /// Creates the client.
    public init() {}
    /// `antigravity`.
    public let id = "antigravity"
    /// `Antigravity`.
    public let title = "Antigravity"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        [AntigravityFile.spec(request, client: title, paths: AntigravityFile.userPaths)]
    }
}

/// Antigravity CLI (`agy`), the successor of Gemini CLI for personal accounts: `agy mcp add`
/// and `mcp_config.json`.
///
/// Facts (checked 2026-12-01): the migration guide (above): MCP servers move from
/// `settings.json` to `mcp_config.json`, remote servers use `serverUrl`, the workspace folder is
/// `.agents/` (so `.agents/mcp_config.json`).
///
/// Conflict: the migration guide of 2026-05-19 names `~/.gemini/antigravity-cli/mcp_config.json`;
/// the 2.x releases read `~/.gemini/config/mcp_config.json` (sources in ``Antigravity``), which
/// is used. `agy mcp add --header "NAME: VALUE" NAME URL` (options before the name) is from one
/// third-party guide (developer.mescius.com), so the command's note says so.
public struct AntigravityCLI: Client {
    /// Creates the client.
    public init() {}
    /// `antigravity-cli`.
    public let id = "antigravity-cli"
    /// `Antigravity CLI`.
    public let title = "Antigravity CLI"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.terminal

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        var argv: [Text] = ["agy", "mcp", "add"]
        if let header = request.authHeader(key: .secret) {
            argv += ["--header", .literal(header.name + ": ") + header.value]
        }
        argv += [.literal(profile.name), request.endpointText]
        let commandNotes = ["This agy mcp add syntax (options before the name) comes from a third-party guide, not Google's documentation: if agy refuses it, use the mcp_config.json artifact."]
            + AntigravityFile.keyNotes(request, client: title)
        return [
            ArtifactSpec("command", kind: .command, title: "Add with the agy CLI", body: .document(.command(argv: argv)), notes: commandNotes, keyRestrictions: [AntigravityFile.noDollar]),
            AntigravityFile.spec(request, client: title, paths: AntigravityFile.userPaths + [.project(".agents/mcp_config.json")]),
        ]
    }
}

/// The `mcp_config.json` both Antigravity clients read.
enum AntigravityFile {
    static let userPaths = ConfigPath.underHome(".gemini/config/mcp_config.json")

    static let noDollar = KeyRestriction(.contains("$"), reason: "Antigravity expands $VAR inside header values, so a key containing $ would not reach the server as it is; create a key without $.")

    static func spec(_ request: SetupRequest, client: String, paths: [ConfigPath]) -> ArtifactSpec {
        let file = request.serversFile(root: "mcpServers", entry: request.urlAndHeaders(urlKey: "serverUrl", reference: nil))
        var notes = keyNotes(request, client: client)
        notes.append("Antigravity before 2.0 read ~/.gemini/antigravity/mcp_config.json instead; 2.x ignores that file.")
        return ArtifactSpec("mcp-config", kind: .file, title: "mcp_config.json", body: .document(.json(file)), notes: notes, paths: paths, keyRestrictions: [noDollar], install: .servers("mcpServers"))
    }

    /// No source documents a variable syntax for the key, so it is written in.
    static func keyNotes(_ request: SetupRequest, client: String) -> [String] {
        var notes: [String] = []
        if request.credential.isReference, request.profile.auth.headerName != nil {
            notes.append("\(client)'s documentation does not give a variable syntax for a key, so the key is written in: replace \(request.placeholder) with your key.")
        }
        if request.profile.auth == .oauth { notes.append(SetupRequest.undocumentedOAuth(client)) }
        if let note = request.queryKeyNote { notes.append(note) }
        return notes
    }
}
