/// Goose: `config.yaml` and the `goose://extension` install link.
///
/// Facts (checked 2026-11-22): goose-docs.ai/docs/getting-started/using-extensions and
/// aaif-goose/goose documentation/docs/guides/config-files.md: a remote extension under
/// `extensions` has `name`, `type: streamable_http`, `uri`, `headers`, `enabled`, `timeout`;
/// SSE extensions are no longer supported; the file is `~/.config/goose/config.yaml` (Windows
/// `%APPDATA%\Block\goose\config\config.yaml`); the install link takes `url`, `type`, `id`,
/// `name`, `description` and `timeout`, each percent-encoded, and no header. Substituting
/// variables inside `headers` is not documented upstream (only in a fork, getcomplete/goose),
/// so the key is written into the file. Badge image from vendor READMEs
/// (`goose-docs.ai/img/extension-install-dark.svg`; third-party source only).
public struct Goose: Client {
    /// Creates the client.
    public init() {}
    /// `goose`.
    public let id = "goose"
    /// `Goose`.
    public let title = "Goose"
    /// When these facts were last checked at their sources.
    public let checked = "2026-11-22"
    /// Where it is listed in a client picker.
    public let group = ClientGroup.desktop

    static let paths = [
        ConfigPath(os: "macos", scope: "user", path: "~/.config/goose/config.yaml"),
        ConfigPath(os: "linux", scope: "user", path: "~/.config/goose/config.yaml"),
        ConfigPath(os: "windows", scope: "user", path: #"%APPDATA%\Block\goose\config\config.yaml"#),
    ]
    static let badge = Badge(image: "https://goose-docs.ai/img/extension-install-dark.svg", alt: "Install in Goose")
    static let timeout = 300

    /// The artifacts.
    public func artifacts(for request: SetupRequest) -> [ArtifactSpec] {
        let profile = request.profile
        guard profile.transport == .http else {
            let reason = "Goose no longer runs SSE extensions: point it at the server's Streamable HTTP endpoint (render with --transport http)."
            return [
                ArtifactSpec("config", kind: .file, title: "config.yaml", body: .unavailable(reason: reason), paths: Self.paths),
                ArtifactSpec("deeplink", kind: .link, title: "Install in Goose", body: .unavailable(reason: reason), badge: Self.badge),
            ]
        }
        var entry: [Value.Member] = [
            Value.Member("name", .literal(profile.title)),
            Value.Member("type", "streamable_http"),
            Value.Member("uri", .string(request.endpointText)),
        ]
        entry.append("headers", request.headersValue(key: .secret))
        entry += [Value.Member("enabled", true), Value.Member("timeout", .int(Self.timeout))]
        let file = request.serversFile(root: "extensions", entry: entry)
        return [
            ArtifactSpec("config", kind: .file, title: "config.yaml", body: .document(.yaml(file)),
                         notes: request.configNotes(client: title, reference: nil), paths: Self.paths, install: .servers("extensions")),
            deeplink(request),
        ]
    }

    private func deeplink(_ request: SetupRequest) -> ArtifactSpec {
        let profile = request.profile
        var notes = request.connectionNotes(client: title)
        if profile.auth.headerName != nil {
            guard profile.alsoOAuth else {
                let reason = "Goose install links cannot carry a header. Add the server with config.yaml, offer OAuth on the server (--also-oauth), or put the key in the URL (--auth query:PARAM)."
                return ArtifactSpec("deeplink", kind: .link, title: "Install in Goose", body: .unavailable(reason: reason), badge: Self.badge)
            }
            notes.append("The link cannot carry the key, so Goose signs in with OAuth instead.")
        }
        let link = Link.items("goose://extension", [
            Link.Item("url", request.endpointText),
            Link.Item("type", "streamable_http"),
            Link.Item("id", .literal(profile.name)),
            Link.Item("name", .literal(profile.title)),
            Link.Item("description", .literal(profile.title + " MCP server")),
            Link.Item("timeout", .literal(String(Self.timeout))),
        ])
        return ArtifactSpec("deeplink", kind: .link, title: "Install in Goose", body: .document(.line(.link(link))), notes: notes, badge: Self.badge)
    }
}
