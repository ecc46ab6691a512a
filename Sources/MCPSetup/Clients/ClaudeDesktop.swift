/// Claude Desktop: `claude_desktop_config.json`, which runs only local (stdio) servers, so a
/// remote server with a static key goes through the `mcp-remote` bridge.
///
/// Facts (checked 2026-11-22): support.claude.com/en/articles/11503834 ("will not connect to
/// remote servers configured directly" in the config file); geelen/mcp-remote README and
/// src/lib/utils.ts v0.1.38: `--header` must match `^([A-Za-z0-9_-]+):\s*(.*)$`, `${NAME}` in a
/// header is filled from mcp-remote's own environment, and Windows clients do not escape spaces
/// inside args, hence `Authorization:${AUTH_HEADER}` with the value in `env`.
/// modelcontextprotocol/typescript-sdk src/client/stdio.ts: a stdio server inherits only HOME,
/// LOGNAME, PATH, SHELL, TERM and USER (plus the `env` block), so mcp-remote cannot read a key
/// the user exported in a shell: in env mode the key still has to go into `env`.
///
/// Windows gets its own artifact, `config-windows`, rather than one file with per-OS paths:
/// `npx` is a `.cmd` script there, which a program cannot start directly, so the entry must run
/// `cmd /c npx …` (Claude Code's /doctor: "Windows requires 'cmd /c' wrapper to execute npx";
/// SuperClaude-Org/SuperClaude_Framework#390, modelcontextprotocol/servers#40). cmd then reads
/// every argument, so each one is a ``Piece/cmdWord(_:)`` that cmd leaves alone, and the key
/// stays in `env`, out of cmd's reach. `config` lists the macOS and Linux paths.
public struct ClaudeDesktop: Client {
    /// Creates the client.
    public init() {}
    /// `claude-desktop`.
    public let id = "claude-desktop"
    /// `Claude Desktop`.
    public let title = "Claude Desktop"

    /// The environment variable mcp-remote fills the header from.
    static let headerVariable = "AUTH_HEADER"

    static let paths = [
        ConfigPath(os: "macos", scope: "user", path: "~/Library/Application Support/Claude/claude_desktop_config.json"),
        ConfigPath(os: "linux", scope: "user", path: "~/.config/Claude/claude_desktop_config.json"),
    ]
    static let windowsPaths = [
        ConfigPath(os: "windows", scope: "user", path: #"%APPDATA%\Claude\claude_desktop_config.json"#),
    ]

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let bridge = MCPRemoteBridge(request: request, headerVariable: Self.headerVariable)
        var notes = bridge.notes(client: title)
        if request.profile.auth == .oauth {
            notes.append("mcp-remote opens a browser to sign in the first time Claude Desktop starts it.")
        }
        let windowsNotes = notes + ["On Windows, npx is a .cmd script that Claude Desktop cannot start by itself, so the entry runs it through cmd /c."]
        return [
            ArtifactSpec("config", kind: .file, title: "claude_desktop_config.json", body: .document(.json(bridge.file(name: request.profile.name))),
                         notes: notes, paths: Self.paths),
            ArtifactSpec("config-windows", kind: .file, title: "claude_desktop_config.json (Windows)",
                         body: .document(.json(bridge.file(name: request.profile.name, throughCmd: true))), notes: windowsNotes, paths: Self.windowsPaths,
                         fallback: "On Windows, give mcp-remote an endpoint URL without %, !, & or parentheses (for example without extra query parameters)."),
        ]
    }
}
