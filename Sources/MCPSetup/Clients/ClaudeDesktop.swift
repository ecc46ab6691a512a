/// Claude Desktop: first its Connectors (the same custom connectors as claude.ai, with request
/// headers in beta: ``ClaudeConnector``), then `claude_desktop_config.json`, which runs only local
/// (stdio) servers, so a remote server with a static key goes through the `mcp-remote` bridge
/// there: for Free plans, accounts without the header beta, header names off Claude's allowlist
/// and servers on a local or private network.
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
/// The second bridge, `config-uvx`, runs PyPI's mcp-proxy through uv's `uvx` for people who have
/// Python tools but not Node.js (or whose npm is blocked). mcp-proxy 0.13.0 (`--transport
/// streamablehttp`, `-H NAME VALUE`, and the bearer token from `API_ACCESS_TOKEN`) was run live
/// through Claude Code as a stdio server by the conformance suite, hostile and 4 KB keys
/// included; a header value starting with `-` is read as an option, so such keys are refused.
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
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.desktop

    /// The environment variable mcp-remote fills the header from.
    static let headerVariable = "AUTH_HEADER"

    static let paths = [
        ConfigPath(os: "macos", scope: "user", path: "~/Library/Application Support/Claude/claude_desktop_config.json"),
        ConfigPath(os: "linux", scope: "user", path: "~/.config/Claude/claude_desktop_config.json"),
    ]
    /// The installer from claude.com and the Microsoft Store (an MSIX package, the default since
    /// early 2026) keeps the file in the package's redirected folder; the older installer in
    /// `%APPDATA%`. The packaged app reads its own copy first (MSIX file redirection), so install
    /// and `list` use the first that exists, the package's first (checked 2026-12-07: the package
    /// family `Claude_pzs8sxrjxfjjc` and this path in anthropics/claude-code#26073 and #57998;
    /// no Anthropic page names it).
    static let windowsPaths = [
        ConfigPath(os: "windows", scope: "user", path: #"%LOCALAPPDATA%\Packages\Claude_pzs8sxrjxfjjc\LocalCache\Roaming\Claude\claude_desktop_config.json"#),
        ConfigPath(os: "windows", scope: "user", path: #"%APPDATA%\Claude\claude_desktop_config.json"#),
    ]

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let bridge = MCPRemoteBridge(request: request, headerVariable: Self.headerVariable)
        var notes = bridge.notes(client: title)
        if request.profile.auth == .oauth {
            notes.append("mcp-remote opens a browser to sign in the first time Claude Desktop starts it.")
        }
        let windowsNotes = notes + [
            "On Windows, npx is a .cmd script that Claude Desktop cannot start by itself, so the entry runs it through cmd /c.",
            "Claude Desktop from the Microsoft Store or the claude.com installer (an MSIX package) reads the first Windows path; the older installer reads %APPDATA%.",
        ]
        // The Connectors route comes first where it applies: no Node.js, the key kept by Claude.
        return ClaudeConnector(request: request).artifacts(urlID: "connector-url", headerID: "connector-header", prefill: false) + [
            ArtifactSpec("config", kind: .file, title: "claude_desktop_config.json", body: .document(.json(bridge.file(name: request.profile.name))),
                         notes: notes, paths: Self.paths, install: .servers("mcpServers")),
            ArtifactSpec("config-windows", kind: .file, title: "claude_desktop_config.json (Windows)",
                         body: .document(.json(bridge.file(name: request.profile.name, throughCmd: true))), notes: windowsNotes, paths: Self.windowsPaths,
                         fallback: "On Windows, give mcp-remote an endpoint URL without %, !, & or parentheses (for example without extra query parameters).",
                         install: .servers("mcpServers")),
            uvxBridge(request),
            bundleManifest(request),
        ]
    }

    /// The `manifest.json` of the `.mcpb` bundle: the same bridge, the key asked for by Claude
    /// Desktop and kept in the keychain (``ClaudeDesktopBundle``).
    private func bundleManifest(_ request: SetupRequest) -> ArtifactSpec {
        let bundle = ClaudeDesktopBundle(request: request)
        let title = "manifest.json of the Claude Desktop bundle (\(bundle.fileName))"
        if let reason = bundle.unavailableReason {
            return ArtifactSpec("bundle-manifest", kind: .file, title: title, body: .unavailable(reason: reason))
        }
        var notes = ["mcp-setup bundle writes \(bundle.fileName), a zip of this file; open it (or drag it onto Claude Desktop's Extensions settings) to install. Claude Desktop asks for the key and keeps it in the system keychain: no file holds it."]
        notes.append("Bundles run the same mcp-remote bridge through the Node.js that Claude Desktop ships; the manifest is format 0.3 of modelcontextprotocol/mcpb.")
        return ArtifactSpec("bundle-manifest", kind: .file, title: title, body: .document(.json(bundle.manifest)), notes: notes)
    }

    /// The pinned mcp-proxy the uvx bridge runs.
    static let mcpProxy = "mcp-proxy@0.13.0"

    private func uvxBridge(_ request: SetupRequest) -> ArtifactSpec {
        let profile = request.profile
        let title = "claude_desktop_config.json (uvx bridge)"
        if profile.auth == .oauth {
            return ArtifactSpec("config-uvx", kind: .file, title: title, body: .unavailable(reason: "mcp-proxy does not run an OAuth sign-in; use the mcp-remote config, which does."), paths: Self.paths + Self.windowsPaths)
        }
        var args: [Value] = [.literal(Self.mcpProxy), "--transport", profile.transport == .sse ? "sse" : "streamablehttp"]
        var env: Value?
        var restrictions: [KeyRestriction] = []
        var notes = ["Needs uv (which provides uvx) on PATH; choose this bridge when you have Python tools but not Node.js, or npm is blocked on your machine."]
        switch profile.auth {
        case .bearer:
            env = .object([Value.Member("API_ACCESS_TOKEN", .string(.secret))])
        case .header(let name, let prefix, _):
            if prefix.hasPrefix("-") {
                return ArtifactSpec("config-uvx", kind: .file, title: title, body: .unavailable(reason: "mcp-proxy reads a header value that starts with '-' as an option; use the mcp-remote config."), paths: Self.paths + Self.windowsPaths)
            }
            args += ["-H", .literal(name), .string(request.authHeader(key: .secret)!.value)]
            if prefix.isEmpty {
                restrictions.append(KeyRestriction(.hasPrefix("-"), reason: "mcp-proxy reads a header value that starts with '-' as an option; use the mcp-remote config for this key."))
            }
        case .query, .oauth, .none:
            break
        }
        args.append(.string(request.endpointText))
        if profile.auth.headerName != nil && request.credential.isReference {
            notes.append("Claude Desktop starts servers with a minimal environment and does not read your shell's variables, so the key must be written into the config: replace \(request.placeholder) with your key.")
        }
        if let note = request.queryKeyNote { notes.append(note) }
        var entry: [Value.Member] = [Value.Member("command", "uvx"), Value.Member("args", .array(args))]
        entry.append("env", env)
        let document = Value.object([Value.Member("mcpServers", .object([Value.Member(profile.name, .object(entry))]))])
        return ArtifactSpec("config-uvx", kind: .file, title: title, body: .document(.json(document)), notes: notes, paths: Self.paths + Self.windowsPaths, keyRestrictions: restrictions, install: .servers("mcpServers"))
    }
}
