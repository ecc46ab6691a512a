/// Zed: `context_servers` in `settings.json`.
///
/// Facts (checked 2026-11-22): zed.dev/docs/ai/mcp (quoted by developersdigest) and
/// zed.dev/docs/configuring-zed: a remote server is `{"url": …, "headers": {…}}` under
/// `context_servers`, with no transport keyword; user settings in `~/.config/zed/settings.json`
/// (Windows `%APPDATA%\Zed\settings.json`), project settings in `.zed/settings.json`; the file
/// is JSONC. Zed does not expand environment variables in it (zed-industries/zed#60459), so
/// the key is written into the file. Builds old enough to need `"source": "custom"` had no
/// remote servers at all; the current form is the only one that reaches a remote server.
public struct Zed: Client {
    /// Creates the client.
    public init() {}
    /// `zed`.
    public let id = "zed"
    /// `Zed`.
    public let title = "Zed"
    /// When these facts were last checked at their sources.
    public let checked = "2026-11-22"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.editor

    static let paths = [
        ConfigPath(os: "macos", scope: "user", path: "~/.config/zed/settings.json"),
        ConfigPath(os: "linux", scope: "user", path: "~/.config/zed/settings.json"),
        ConfigPath(os: "windows", scope: "user", path: #"%APPDATA%\Zed\settings.json"#),
        .project(".zed/settings.json"),
    ]

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let file = request.serversFile(root: "context_servers", entry: request.urlAndHeaders(reference: nil))
        return [
            ArtifactSpec("settings-json", kind: .file, title: "settings.json", body: .document(.jsonc(file)),
                         notes: request.configNotes(client: title, reference: nil), paths: Self.paths, install: .servers("context_servers")),
        ]
    }
}
