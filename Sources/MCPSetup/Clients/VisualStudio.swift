/// Visual Studio 2022 (17.14 and later) and 2026: `.mcp.json` and the `vsweb+mcp:` install link.
///
/// Facts (checked 2026-11-22): MicrosoftDocs/visualstudio-docs docs/ide/mcp-servers.md: files
/// `%USERPROFILE%\.mcp.json` (global) and `<solution>\.mcp.json` (among others), in VS Code's
/// format (root key `servers`, `type` `http` or `sse`); the one-click link is
/// `vsweb+mcp:/install?<percent-encoded JSON with name>`. github/github-mcp-server
/// docs/installation-guides/install-other-copilot-ides.md shows `inputs` with `${input:…}` for
/// Visual Studio, so env and prompt modes prompt for the key as in VS Code (documented for
/// `http` servers only by that guide). Badge from the same guide. A `%` in the link payload is
/// written as the JSON escape `\u0025`, which reads the same whether Visual Studio decodes the
/// query once or, like VS Code, twice.
///
/// Conflict: the Microsoft Learn MCP README uses `vsweb+mcp:/install?name=…&config=…`; the
/// Visual Studio docs use the single-JSON form, which is the one used here.
public struct VisualStudio: Client {
    /// Creates the client.
    public init() {}
    /// `visual-studio`.
    public let id = "visual-studio"
    /// `Visual Studio`.
    public let title = "Visual Studio"
    /// When these facts were last checked at their sources.
    public let checked = "2026-11-22"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor
    /// `${input:ID}`: Visual Studio asks for the key.
    public let envSyntax: String? = "${input:ID}"
    /// Visual Studio prompts for the key.
    public let promptsForKey = true

    static let paths = [
        ConfigPath(os: "windows", scope: "user", path: #"%USERPROFILE%\.mcp.json"#),
        ConfigPath(os: "windows", scope: "project", path: ".mcp.json"),
    ]
    static let badge = Badge(image: "https://img.shields.io/badge/Install%20in%20Visual%20Studio-blue?logo=visualstudio", alt: "Install MCP Server in Visual Studio")

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let format = VSCodeFormat(request: request)
        let notes = format.notes(client: title)
        let link = Link(base: "vsweb+mcp:/install", query: .whole(Text([.vscodeLinkJSON(format.named)])))
        return [
            ArtifactSpec("mcp-json", kind: .file, title: ".mcp.json", body: .document(.json(format.file)), notes: notes, paths: Self.paths, install: VSCodeFormat.install),
            ArtifactSpec("install-link", kind: .link, title: "Install in Visual Studio", body: .document(.line(.link(link))), notes: notes, badge: Self.badge),
        ]
    }
}
