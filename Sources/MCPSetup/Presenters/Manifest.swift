/// The JSON manifest: a stable, versioned description of every artifact for pipelines.
///
/// Schema 2: `{"schema": 2, "server": {…}, "credential": "…", "placeholder": "…", "problems":
/// {…}, "groups": […], "clients": [{"id", "title", "group", "artifacts": [{"id", "kind", "title", "available",
/// "content", "secret", "notes", …, "program"}]}]}`. In a manifest that holds no real key
/// (every credential mode but inline), each artifact whose text holds the placeholder carries
/// its `program` (``ProgramJSON``), so any language can fill in a key; `problems` holds the
/// texts the programs' checks refer to. A manifest filled for one key leaves the programs out. Keys keep this order and the output has
/// no timestamps, so two runs over the same input give the same bytes.
public enum Manifest {
    /// The schema version this code writes: 2 added `program` and `problems`.
    public static let schemaVersion = 2

    /// The schema version of the client catalog (`mcp-setup clients --format json`).
    public static let catalogSchemaVersion = 1

    /// The manifest as JSON text, two-space indented, ending with a newline.
    public static func json(for request: SetupRequest, clients: [ClientArtifacts]) -> String {
        program(for: request, clients: clients, texts: [:]).constantString ?? ""
    }

    /// The manifest with each client's instruction prose (Markdown, by client id), as the
    /// connect card and the docs site's `snippets.json` carry it.
    public static func json(for request: SetupRequest, clients: [ClientArtifacts], instructions: [String: String]) -> String {
        program(for: request, clients: clients, texts: [:], instructions: instructions).constantString ?? ""
    }

    /// A file offered for download beside an artifact (the docs site's Claude Desktop bundle).
    public struct Download: Sendable {
        /// The file name.
        public var name: String
        /// A `data:` URL of the file.
        public var href: String

        /// Creates a download.
        public init(name: String, href: String) {
            self.name = name
            self.href = href
        }
    }

    /// The manifest with instructions and, by artifact id, files offered for download. With
    /// `highlight`, each artifact also carries its highlight runs (``Highlighter/runs(_:language:)``)
    /// and each program the runs of its literal parts, for a card that shows them highlighted.
    public static func json(for request: SetupRequest, clients: [ClientArtifacts], instructions: [String: String], downloads: [String: Download] = [:],
                            highlight: Bool = false) -> String {
        program(for: request, clients: clients, texts: [:], instructions: instructions, downloads: downloads, highlight: highlight).constantString ?? ""
    }

    /// The manifest as a program: the artifacts whose ids `texts` lists take their content (and
    /// argv) from those programs.
    static func program(for request: SetupRequest, clients: [ClientArtifacts], texts: [String: (content: KeyProgram, argv: [KeyProgram]?)],
                        instructions: [String: String] = [:], downloads: [String: Download] = [:], highlight: Bool = false) -> KeyProgram {
        let value = ProgramValue.object([
            .init("schema", .number(String(schemaVersion))),
            .init("server", ProgramValue(server(request.profile))),
            .init("credential", .string(KeyProgram(literal: request.credential.modeName))),
            .init("placeholder", request.profile.auth.usesKey ? .string(KeyProgram(literal: request.placeholder)) : .null),
            .init("problems", ProgramValue(ProgramJSON.problems)),
            .init("groups", .array(ClientGroup.allCases.map { group in
                .object([.init("id", .string(KeyProgram(literal: group.rawValue))), .init("title", .string(KeyProgram(literal: group.title)))])
            })),
            .init("clients", .array(clients.map { client($0, texts: texts, programs: !request.holdsRealKey, instructions: instructions[$0.id], downloads: downloads, highlight: highlight) })),
        ])
        return JSONSyntax.program(value, indent: "  ") + KeyProgram(literal: "\n")
    }

    /// The manifest of prepared clients for a key that no check refuses beyond what every key
    /// is refused, as a program of the key.
    static func program(request: SetupRequest, clients: [PreparedClient]) -> KeyProgram {
        var texts: [String: (content: KeyProgram, argv: [KeyProgram]?)] = [:]
        let baseline = clients.map { client in
            ClientArtifacts(id: client.id, title: client.title, artifacts: client.artifacts.map { artifact in
                guard let program = artifact.program, let document = artifact.document else {
                    return Artifact(id: artifact.id, spec: artifact.spec, content: nil, document: nil, secret: false, argv: nil)
                }
                let keyProgram = document.containsSecret ? program : nil
                if let reason = artifact.baselineRefusal {
                    return Artifact(id: artifact.id, spec: artifact.spec, content: nil, document: nil, secret: false, argv: nil, refusal: reason, program: keyProgram)
                }
                texts[artifact.id] = (program.text, artifact.argv)
                return Artifact(id: artifact.id, spec: artifact.spec, content: "", document: document, secret: request.holdsRealKey && document.containsSecret,
                                argv: artifact.argv.map { $0.map { _ in "" } }, program: keyProgram)
            }, capabilities: client.capabilities, group: client.group)
        }
        return program(for: request, clients: baseline, texts: texts)
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
        if let preview = profile.maskedPreview {
            members.append(("keyPreview", .object([("start", .number(String(preview.shownStart))), ("end", .number(String(preview.shownEnd))), ("mask", .string(preview.mask))])))
        }
        if profile.alsoOAuth { members.append(("alsoOAuth", .bool(true))) }
        if let version = profile.mcpRemoteVersion { members.append(("mcpRemoteVersion", .string(version))) }
        return .object(members)
    }

    static func client(_ client: ClientArtifacts, texts: [String: (content: KeyProgram, argv: [KeyProgram]?)], programs: Bool, instructions: String?,
                       downloads: [String: Download] = [:], highlight: Bool = false) -> ProgramValue {
        var members: [ProgramValue.Member] = [.init("id", .string(KeyProgram(literal: client.id))), .init("title", .string(KeyProgram(literal: client.title)))]
        if let group = client.group { members.append(.init("group", .string(KeyProgram(literal: group.rawValue)))) }
        if let capabilities = client.capabilities { members.append(.init("capabilities", ProgramValue(Self.capabilities(capabilities)))) }
        if let instructions { members.append(.init("instructions", .string(KeyProgram(literal: instructions)))) }
        members.append(.init("artifacts", .array(client.artifacts.map { artifact($0, text: texts[$0.id], program: programs, download: downloads[$0.id], highlight: highlight) })))
        return .object(members)
    }

    /// A client's capabilities: `{"credentialModes", "authSchemes", "transports", "envSyntax"}`.
    static func capabilities(_ capabilities: ClientCapabilities) -> PlainValue {
        .object([
            ("credentialModes", .array(capabilities.credentialModes.map(PlainValue.string))),
            ("authSchemes", .array(capabilities.authSchemes.map(PlainValue.string))),
            ("transports", .array(capabilities.transports.map(PlainValue.string))),
            ("envSyntax", capabilities.envSyntax.map(PlainValue.string) ?? .null),
            ("install", .bool(capabilities.installable)),
        ])
    }

    /// The client catalog, for `mcp-setup clients --format json`: every client with its
    /// artifacts and capabilities, so a docs page can render a support matrix. Schema 1:
    /// `{"schema": 1, "clients": [{"id", "title", "group", "checked", "artifacts": [{"id", "kind", "title",
    /// "shell" | "format"}], "credentialModes", "authSchemes", "transports", "envSyntax", "install"}]}`.
    public static func catalogJSON(_ catalog: ClientCatalog) -> String {
        let clients: [PlainValue] = catalog.clients.compactMap { client in
            guard let capabilities = catalog.capabilities[client.id], case .object(let members) = Self.capabilities(capabilities) else { return nil }
            let artifacts: [PlainValue] = capabilities.artifacts.map { info in
                var fields: [(key: String, value: PlainValue)] = [("id", .string(info.id)), ("kind", .string(info.kind.rawValue)), ("title", .string(info.title))]
                if let shell = info.shell { fields.append(("shell", .string(shell.rawValue))) }
                if let format = info.format { fields.append(("format", .string(format.rawValue))) }
                return .object(fields)
            }
            return .object([("id", .string(client.id)), ("title", .string(client.title)), ("group", .string(client.group.rawValue)), ("checked", .string(client.checked)), ("artifacts", .array(artifacts))] + members)
        }
        return JSONSyntax.pretty(.object([("schema", .number(String(catalogSchemaVersion))), ("clients", .array(clients))])) + "\n"
    }

    static func artifact(_ artifact: Artifact, text: (content: KeyProgram, argv: [KeyProgram]?)?, program: Bool, download: Download? = nil,
                         highlight: Bool = false) -> ProgramValue {
        func string(_ string: String) -> ProgramValue { .string(KeyProgram(literal: string)) }
        var members: [ProgramValue.Member] = [
            .init("id", string(artifact.id)),
            .init("kind", string(artifact.kind.rawValue)),
            .init("title", string(artifact.title)),
            .init("available", .bool(artifact.isAvailable)),
            .init("content", text.map { .string($0.content) } ?? artifact.content.map(string) ?? .null),
        ]
        let language = highlight ? artifact.document.map(HighlightLanguage.init) : nil
        if let language, text == nil, let content = artifact.content {
            members.append(.init("highlight", string(Highlighter.runs(content, language: language))))
        }
        members += [
            .init("secret", .bool(artifact.secret)),
            .init("notes", .array(artifact.notes.map(string))),
        ]
        if let reason = artifact.unavailableReason { members.append(.init("reason", string(reason))) }
        if let shell = artifact.shell { members.append(.init("shell", string(shell))) }
        if let argv = text?.argv { members.append(.init("argv", .array(argv.map(ProgramValue.string)))) }
        else if let argv = artifact.argv { members.append(.init("argv", .array(argv.map(string)))) }
        if let format = artifact.format { members.append(.init("format", string(format.rawValue))) }
        if let language = artifact.language { members.append(.init("language", string(language.rawValue))) }
        if !artifact.paths.isEmpty {
            members.append(.init("paths", .array(artifact.paths.map { path in
                .object([.init("os", string(path.os)), .init("scope", string(path.scope)), .init("path", string(path.path))])
            })))
        }
        if let badge = artifact.badge {
            members.append(.init("badge", .object([.init("image", string(badge.image)), .init("alt", string(badge.alt))])))
        }
        if let download, artifact.isAvailable {
            members.append(.init("download", .object([.init("name", string(download.name)), .init("href", string(download.href))])))
        }
        if program, let program = artifact.program { members.append(.init("program", ProgramValue(ProgramJSON.value(program, highlight: language)))) }
        return .object(members)
    }
}
