/// VS Code with GitHub Copilot: `code --add-mcp`, `mcp.json`, and install links.
///
/// Facts (checked 2026-11-22): microsoft/vscode-docs docs/copilot/reference/mcp-configuration.md
/// (root key `servers`, `inputs` with a password `promptString`); microsoft/vscode
/// mcpWorkbenchService.ts `handleMcpInstallUri`: `JSON.parse(decodeURIComponent(uri.query))` on a
/// query that `URI.parse` already percent-decoded, so the payload is decoded twice and a `%` in
/// it must travel as the JSON escape `\u0025`. The `vscode.dev/redirect/mcp/install?name=&config=`
/// page answers HTTP 400 (microsoft/work-iq#150); the working web form is
/// `insiders.vscode.dev/redirect?url=<encoded vscode: link>` (MicrosoftDocs/m365copilot-docs#102).
/// `${env:VAR}` inside `headers` is not documented, so env mode prompts for the key instead.
///
/// JSONC (checked 2026-12-01): microsoft/vscode src/vs/platform/mcp/common/
/// mcpResourceScannerService.ts reads `mcp.json` (user and `.vscode/`) with the JSONC parser of
/// `base/common/json`, `allowTrailingComma: true`: comments and trailing commas are fine, so
/// `install` edits the file as JSONC and keeps them. (VS Code's own "Add Server" rewrites the
/// file with `JSON.stringify` and drops comments; mcp-setup does not.)
public struct VSCode: Client {
    /// Creates the client.
    public init() {}
    /// `vscode`.
    public let id = "vscode"
    /// `VS Code`.
    public let title = "VS Code"
    /// When these facts were last checked at their sources.
    public let checked = "2026-12-01"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor

    static let paths = [
        ConfigPath(os: "any", scope: "project", path: ".vscode/mcp.json"),
        ConfigPath(os: "macos", scope: "user", path: "~/Library/Application Support/Code/User/mcp.json"),
        ConfigPath(os: "windows", scope: "user", path: #"%APPDATA%\Code\User\mcp.json"#),
        ConfigPath(os: "linux", scope: "user", path: "~/.config/Code/User/mcp.json"),
    ]

    /// `${input:ID}`: VS Code asks for the key instead of reading a variable.
    public let envSyntax: String? = "${input:ID}"
    /// VS Code prompts for the key and keeps it in its secret storage.
    public let promptsForKey = true

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let format = VSCodeFormat(request: request)
        let notes = format.notes(client: title)
        let installLink = Link(base: "vscode:mcp/install", query: .whole(Text([.vscodeLinkJSON(format.named)])))
        let webLink = Link.items("https://insiders.vscode.dev/redirect", [Link.Item("url", .link(installLink))])
        return [
            ArtifactSpec("command", kind: .command, title: "Add with the code CLI", body: .document(.command(argv: ["code", "--add-mcp", .json(format.named)])), notes: notes),
            ArtifactSpec("mcp-json", kind: .file, title: "mcp.json", body: .document(.jsonc(format.file)), notes: notes, paths: Self.paths, install: VSCodeFormat.install),
            ArtifactSpec("install-link", kind: .link, title: "Install in VS Code", body: .document(.line(.link(installLink))), notes: notes),
            ArtifactSpec("web-link", kind: .link, title: "Install in VS Code (web link)", body: .document(.line(.link(webLink))),
                         notes: notes + ["A web page that hands the install link to VS Code; use it where vscode: links are not clickable, such as GitHub READMEs."]),
        ]
    }
}

/// The `mcp.json` format VS Code defined and Visual Studio reads: root key `servers`, a `type`,
/// and in env and prompt modes a password `promptString` input that the header references as
/// `${input:id}` (VS Code's documented way to keep a key out of the file).
struct VSCodeFormat {
    /// How `mcp.json` is installed: servers under `servers`, and the `inputs` list merged item by
    /// item, an input belonging to the entry that refers to it as `${input:ID}`.
    static let install = InstallSpec(container: ["servers"], sharedLists: [.init(key: "inputs", idKey: "id", reference: "${input:ID}")])

    /// The server entry without its name.
    let server: [Value.Member]
    /// The `inputs` array, when the key is prompted for.
    let inputs: Value?
    /// The entry with `name` first and `inputs` last: the payload of `--add-mcp` and install links.
    let named: Value
    /// The whole file: `inputs` (when prompted) and `servers`.
    let file: Value
    let request: SetupRequest

    init(request: SetupRequest) {
        let profile = request.profile
        let prompts = request.credential.isReference
        let inputID = profile.envVar.lowercased()
        let key: Text = prompts ? .literal("${input:" + inputID + "}") : .secret
        var server: [Value.Member] = [Value.Member("type", .literal(profile.transport.rawValue)), Value.Member("url", .string(request.endpointText))]
        server.append("headers", request.headersValue(key: key))
        let inputs: Value? = prompts && profile.auth.headerName != nil
            ? .array([.object([
                Value.Member("type", "promptString"),
                Value.Member("id", .literal(inputID)),
                Value.Member("description", .literal(profile.title + " API key")),
                Value.Member("password", true),
            ])])
            : nil
        var named: [Value.Member] = [Value.Member("name", .literal(profile.name))]
        named += server
        named.append("inputs", inputs)
        var file: [Value.Member] = []
        file.append("inputs", inputs)
        file.append(Value.Member("servers", .object([Value.Member(profile.name, .object(server))])))
        self.server = server
        self.inputs = inputs
        self.named = .object(named)
        self.file = .object(file)
        self.request = request
    }

    /// The notes of every artifact in this format.
    func notes(client: String) -> [String] {
        var notes: [String] = []
        if inputs != nil {
            notes.append("\(client) asks for the key the first time it starts the server and keeps it in its secret storage, not in mcp.json.")
        }
        if let note = request.queryKeyNote { notes.append(note) }
        return notes
    }
}
