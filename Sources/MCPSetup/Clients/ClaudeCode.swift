/// Claude Code, the CLI: `claude mcp add` and the project `.mcp.json`.
///
/// Facts (checked 2026-11-22): code.claude.com/docs/en/mcp (mirror ericbuess/claude-code-docs
/// docs/mcp.md): `--header` is variadic, so it goes after the name and URL
/// (anthropics/claude-code#19120); a JSON entry with `url` must say `"type"`; `${VAR}` is expanded
/// in `url` and `headers` of `.mcp.json`; names are `[A-Za-z0-9_-]`.
/// Found by the conformance suite with Claude Code 2.1.330: `${VAR}` is expanded at user scope
/// too (`~/.claude.json`), and in literal header values, and again inside a substituted
/// variable's value, with no escape (`$${`, `\${`, `${X:-$}{` all fail): a key holding `${`
/// cannot travel in a Claude Code header.
///
/// Checked 2026-12-01: anthropics/claude-code CHANGELOG.md, 2.1.119: "Fixed `${ENV_VAR}`
/// placeholders in `headers` for HTTP/SSE/WebSocket MCP servers not being substituted before
/// requests": earlier versions sent the reference literally, so the env-mode notes name the
/// version. 2.1.144: `claude mcp list` reports a `.mcp.json` that uses VS Code's `servers` key.
///
/// Found by the conformance suite with Claude Code 2.1.330 (checked 2026-12-01,
/// Tests/Conformance/test_doctor.py): a server added with `--transport http` whose URL is a
/// legacy HTTP+SSE endpoint (`POST` answered 405) lists as Connected: Claude Code falls back to SSE.
public struct ClaudeCode: Client {
    /// Claude Code keeps its user-scope servers in `~/.claude.json`, under the same `mcpServers`
    /// key as `.mcp.json` (code.claude.com/docs/en/mcp, "MCP installation scopes"), where
    /// `mcp-setup install --scope user` writes them; `claude mcp add` (the command) does the same.
    static let userFile = [
        ConfigPath(os: "macos", scope: "user", path: "~/.claude.json"),
        ConfigPath(os: "linux", scope: "user", path: "~/.claude.json"),
        ConfigPath(os: "windows", scope: "user", path: #"%USERPROFILE%\.claude.json"#),
    ]

    /// Creates the client.
    public init() {}
    /// `claude-code`.
    public let id = "claude-code"
    /// `Claude Code`.
    public let title = "Claude Code"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.terminal
    /// `${VAR}`.
    public let envSyntax: String? = EnvReference.dollarBraces.syntax
    /// Falls back to SSE when a Streamable HTTP URL is a legacy SSE endpoint (see above).
    public let fallsBackToSSE = true
    /// With `CLAUDE_CONFIG_DIR` set (to anything), Claude Code keeps its user and local scope in
    /// `$CLAUDE_CONFIG_DIR/.claude.json` instead of `~/.claude.json` (checked 2026-12-07:
    /// anthropics/claude-code#48448 and the tools that follow it; the docs do not say it, so it
    /// is likely rather than confirmed).
    public let configHomes = [ConfigHome(prefix: "~/.claude.json", variable: "CLAUDE_CONFIG_DIR", kept: ".claude.json")]

    /// Claude Code would expand `${…}` inside the key (see above).
    static let noVariableSyntax = KeyRestriction(.contains("${"), reason: "Claude Code expands ${…} inside header values, including values read from environment variables, and has no way to escape it, so a key containing ${ cannot reach the server from Claude Code; create a key without ${.")

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        let key = request.keyText(reference: .dollarBraces)
        var argv: [Text] = ["claude", "mcp", "add", "--transport", .literal(profile.transport.rawValue), "--scope", "user", .literal(profile.name), request.endpointText]
        if let header = request.authHeader(key: key) {
            argv += ["--header", .literal(header.name + ": ") + header.value]
        }
        var commandNotes: [String] = []
        var fileNotes: [String] = []
        if request.credential.isReference {
            commandNotes.append("Claude Code stores the reference ${\(profile.envVar)} and expands it when it connects (in headers since Claude Code 2.1.119; update an older claude): set \(profile.envVar) in the environment that starts claude.")
            fileNotes.append("Claude Code expands ${\(profile.envVar)} when it loads the file (in headers since Claude Code 2.1.119): set \(profile.envVar) in the environment that starts claude. The file holds no secret and can be committed.")
        } else if request.holdsRealKey {
            fileNotes.append("This file holds your key: do not commit it (add .mcp.json to .gitignore), or render it with --token-env to reference a variable instead.")
        }
        if profile.auth == .oauth {
            commandNotes.append("Then run /mcp inside Claude Code (or claude mcp login \(profile.name)) to sign in.")
        }
        if let note = request.queryKeyNote { commandNotes.append(note); fileNotes.append(note) }

        var entry: [Value.Member] = [Value.Member("type", .literal(profile.transport.rawValue)), Value.Member("url", .string(request.endpointText))]
        entry.append("headers", request.headersValue(key: key))
        let file = Value.object([Value.Member("mcpServers", .object([Value.Member(profile.name, .object(entry))]))])
        return [
            ArtifactSpec("command", kind: .command, title: "Add with the claude CLI", body: .document(.command(argv: argv)), notes: commandNotes,
                         keyRestrictions: [Self.noVariableSyntax]),
            ArtifactSpec("mcp-json", kind: .file, title: "Project .mcp.json", body: .document(.json(file)), notes: fileNotes,
                         paths: [ConfigPath(os: "any", scope: "project", path: ".mcp.json")], keyRestrictions: [Self.noVariableSyntax],
                         install: InstallSpec(container: ["mcpServers"], extraPaths: Self.userFile)),
        ]
    }
}
