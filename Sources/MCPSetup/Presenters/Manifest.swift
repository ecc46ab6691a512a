/// The JSON manifest: a stable, versioned description of every artifact for pipelines.
///
/// Schema 1: `{"schema": 1, "server": {…}, "credential": "…", "placeholder": "…",
/// "clients": [{"id", "title", "artifacts": [{"id", "kind", "title", "available", "content",
/// "secret", "notes", …}]}]}`. Keys keep this order and the output has no timestamps, so two runs
/// over the same input give the same bytes.
public enum Manifest {
    /// The schema version this code writes.
    public static let schemaVersion = 1

    /// The manifest as a plain value.
    public static func value(for request: SetupRequest, clients: [ClientArtifacts]) -> PlainValue {
        .object([
            ("schema", .number(String(schemaVersion))),
            ("server", server(request.profile)),
            ("credential", .string(request.credential.modeName)),
            ("placeholder", request.profile.auth.usesKey ? .string(request.placeholder) : .null),
            ("clients", .array(clients.map(client))),
        ])
    }

    /// The manifest as JSON text, two-space indented, ending with a newline.
    public static func json(for request: SetupRequest, clients: [ClientArtifacts]) -> String {
        JSONSyntax.pretty(value(for: request, clients: clients)) + "\n"
    }

    static func server(_ profile: ServerProfile) -> PlainValue {
        var members: [(key: String, value: PlainValue)] = [
            ("name", .string(profile.name)),
            ("title", .string(profile.title)),
            ("endpoint", .string(profile.endpoint)),
            ("transport", .string(profile.transport.rawValue)),
            ("auth", .string(profile.auth.description)),
            ("envVar", .string(profile.envVar)),
        ]
        if let prefix = profile.keyPrefix { members.append(("keyPrefix", .string(prefix))) }
        if let page = profile.keyPage { members.append(("keyPage", .string(page))) }
        if profile.alsoOAuth { members.append(("alsoOAuth", .bool(true))) }
        if let version = profile.mcpRemoteVersion { members.append(("mcpRemoteVersion", .string(version))) }
        return .object(members)
    }

    static func client(_ client: ClientArtifacts) -> PlainValue {
        .object([
            ("id", .string(client.id)),
            ("title", .string(client.title)),
            ("artifacts", .array(client.artifacts.map(artifact))),
        ])
    }

    static func artifact(_ artifact: Artifact) -> PlainValue {
        var members: [(key: String, value: PlainValue)] = [
            ("id", .string(artifact.id)),
            ("kind", .string(artifact.kind.rawValue)),
            ("title", .string(artifact.title)),
            ("available", .bool(artifact.isAvailable)),
            ("content", artifact.content.map(PlainValue.string) ?? .null),
            ("secret", .bool(artifact.secret)),
            ("notes", .array(artifact.notes.map(PlainValue.string))),
        ]
        if let reason = artifact.unavailableReason { members.append(("reason", .string(reason))) }
        if let shell = artifact.shell { members.append(("shell", .string(shell))) }
        if let argv = artifact.argv { members.append(("argv", .array(argv.map(PlainValue.string)))) }
        if let format = artifact.format { members.append(("format", .string(format.rawValue))) }
        if !artifact.paths.isEmpty {
            members.append(("paths", .array(artifact.paths.map { path in
                .object([("os", .string(path.os)), ("scope", .string(path.scope)), ("path", .string(path.path))])
            })))
        }
        if let badge = artifact.badge {
            members.append(("badge", .object([("image", .string(badge.image)), ("alt", .string(badge.alt))])))
        }
        return .object(members)
    }
}
