/// GitHub Copilot CLI: `copilot mcp add` and `~/.copilot/mcp-config.json`.
///
/// Facts (checked 2026-12-01): github/docs content/copilot/reference/copilot-cli-reference/
/// cli-command-reference.md ("`copilot mcp` subcommand", "Remote server configuration fields")
/// and content/copilot/how-tos/copilot-cli/customize-copilot/add-mcp-servers.md:
/// `copilot mcp add [options] <name> [url]` with `--transport stdio|http|sse`, a repeatable
/// `--header "NAME: VALUE"` and `--tools` (`"*"` for all), writing the user config
/// `~/.copilot/mcp-config.json` (under `$COPILOT_HOME` when set); root key `mcpServers`; a
/// remote entry is `{"type", "url", "headers", "tools"}` and `tools` is required; a project's
/// `.mcp.json` and `.github/mcp.json` are read too (trusted folders only; `.github/mcp.json` is
/// used here, since `.mcp.json` is Claude Code's file). add-mcp src/agents.ts writes the same
/// user path and `tools: ["*"]`.
///
/// Unconfirmed: headers "support variable expansion", but the syntax (`$VAR`, `${VAR}`) is
/// documented only for `env`, and github/copilot-cli#1232 reports header expansion failing. So
/// the key is written in (no reference), and a key holding `$` is refused, since it might be
/// expanded.
///
/// github/copilot-cli#2849: the interactive `/mcp add` dialog did not save HTTP headers in
/// v1.0.32, so the artifacts are the command and the file.
public struct CopilotCLI: Client {
    /// Creates the client.
    public init() {}
    /// `copilot-cli`.
    public let id = "copilot-cli"
    /// `GitHub Copilot CLI`.
    public let title = "GitHub Copilot CLI"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.terminal
    /// `$COPILOT_HOME` replaces `~/.copilot` (see above).
    public let configHomes = [ConfigHome(prefix: "~/.copilot/", variable: "COPILOT_HOME")]
    static let paths = ConfigPath.underHome(".copilot/mcp-config.json") + [.project(".github/mcp.json")]

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        let key = request.keyText(reference: nil)
        let type = profile.transport == .sse ? "sse" : "http"
        var argv: [Text] = ["copilot", "mcp", "add", "--transport", .literal(type), .literal(profile.name), request.endpointText]
        if let header = request.authHeader(key: key) {
            argv += ["--header", .literal(header.name + ": ") + header.value]
        }
        argv += ["--tools", "*"]
        var notes: [String] = []
        if request.credential.isReference, profile.auth.headerName != nil {
            notes.append("GitHub's documentation does not show variables in Copilot CLI's headers working (and a user reports they do not), so the key is written in: replace \(request.placeholder) with your key.")
        }
        if profile.auth == .oauth {
            notes.append("Copilot CLI signs in when the server asks; run /mcp auth \(profile.name) inside copilot to sign in again.")
        }
        if let note = request.queryKeyNote { notes.append(note) }
        var entry: [Value.Member] = [Value.Member("type", .literal(type)), Value.Member("url", .string(request.endpointText))]
        entry.append("headers", request.headersValue(key: key))
        entry.append(Value.Member("tools", .array(["*"])))
        let file = request.serversFile(root: "mcpServers", entry: entry)
        // `$VAR` is expanded too, so a key holding `$` would change on the way to the server.
        let restriction = KeyRestriction(.contains("$"), reason: "GitHub Copilot CLI may expand $VAR and ${VAR} inside header values, so a key containing $ might not reach the server as it is; create a key without $.")
        return [
            ArtifactSpec("command", kind: .command, title: "Add with the copilot CLI", body: .document(.command(argv: argv)), notes: notes, keyRestrictions: [restriction]),
            ArtifactSpec("mcp-json", kind: .file, title: "mcp-config.json", body: .document(.json(file)), notes: notes, paths: Self.paths, keyRestrictions: [restriction], install: .servers("mcpServers")),
        ]
    }
}
