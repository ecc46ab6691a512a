/// Every client's artifacts for one server, compiled once and filled per key: what a backend
/// keeps to render a setup card for each key it creates, in microseconds a key.
///
/// ```swift
/// let setup = try PreparedSetup(profile: profile)        // once: compiles and verifies
/// let manifest = try setup.manifestJSON(key: newKey)     // per key: the JSON manifest
/// let artifacts = try setup.artifacts(key: newKey)       // or the artifacts themselves
/// ```
///
/// Compiling verifies every program (design rule 2): each is filled with adversarial probe
/// keys and every text is parsed back with the inverse encoder. Filling then needs no parsing;
/// ``artifacts(key:verifying:)`` can parse back anyway, as `mcp-setup render` does. A prepared
/// setup is immutable and `Sendable`: share one between threads.
public struct PreparedSetup: Sendable {
    /// The request the programs were compiled for: its profile and credential mode (an inline
    /// credential's key is not used).
    public let request: SetupRequest
    /// The compiled clients, in catalog order.
    let clients: [PreparedClient]
    /// The manifest when no artifact refuses the key, as one program.
    let manifest: FlatProgram
    /// The artifacts with checks that depend on the key: only these can change the manifest.
    let checkedArtifacts: [PreparedArtifact]

    /// The probe keys every program is filled with when it is compiled: quotes, `$`, `%`, `&`,
    /// backslashes, `${`, option-like dashes, and every visible ASCII character.
    public static let probeKeys: [String] = [
        "pr0be_KEY-1.0",
        "k'#$*+,./:;=?@[\\]_`{}~z",
        "k'#$*+,./:;=?@[\\]_`{}~%z",
        "${HOME}-$(id)`id`",
        "--header=x",
        String((0x21...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }),
    ]

    /// Compiles every client's artifacts (those of `clientIDs`, or all) for a server, for keys
    /// given inline: ``artifacts(key:verifying:)`` and ``manifestJSON(key:)`` fill in a key.
    ///
    /// - Throws: ``SetupError`` when the server takes no key or a client id is unknown;
    ///   ``InternalError`` when a program does not parse back (a bug in mcp-setup).
    public init(profile: ServerProfile, clientIDs: [String] = [], catalog: ClientCatalog = .standard) throws {
        try self.init(request: try SetupRequest(profile: profile, credential: .inline(try Secret(Self.probeKeys[0]))), clientIDs: clientIDs, catalog: catalog)
    }

    /// Compiles the artifacts for a request's profile and credential mode.
    public init(request: SetupRequest, clientIDs: [String] = [], catalog: ClientCatalog = .standard) throws {
        self.request = request
        let clients = try catalog.select(clientIDs).map { client in
            PreparedClient(id: client.id, title: client.title, group: client.group, capabilities: catalog.capabilities(of: client),
                           artifacts: SetupGenerator.specs(of: client, for: request).map { PreparedArtifact(spec: $0, clientID: client.id) })
        }
        for artifact in clients.flatMap(\.artifacts) { try artifact.verifyWithProbes() }
        self.clients = clients
        manifest = FlatProgram(Manifest.program(request: request, clients: clients))
        checkedArtifacts = clients.flatMap(\.artifacts).filter { artifact in
            artifact.program?.checks.contains { if case .always = $0 { false } else { true } } == true
        }
    }

    /// The artifacts for `key`, each with its text or the reason it is unavailable for this
    /// key. With `verifying`, every text is parsed back and compared with its value too.
    ///
    /// - Throws: ``SetupError`` when `key` is not a usable key (empty, whitespace, non-ASCII);
    ///   ``InternalError`` when a verified text does not parse back.
    public func artifacts(key: String, verifying: Bool = false) throws -> [ClientArtifacts] {
        try requireKeyMode()
        return try fill(Secret(key).rawValue, restrictions: true, verifying: verifying)
    }

    /// The JSON manifest for `key`, byte for byte what `mcp-setup render --format json` prints
    /// for it.
    ///
    /// - Throws: ``SetupError`` when `key` is not a usable key.
    public func manifestJSON(key: String) throws(SetupError) -> String {
        String(decoding: try manifestUTF8(key: key), as: UTF8.self)
    }

    /// ``manifestJSON(key:)`` as UTF-8 bytes, ready for a response body.
    public func manifestUTF8(key: String) throws(SetupError) -> [UInt8] {
        var output: [UInt8] = []
        try writeManifest(key: key, into: &output)
        return output
    }

    /// Writes ``manifestJSON(key:)`` as UTF-8 bytes into `output`, replacing what it held but
    /// keeping its capacity: a server that renders many keys reuses one buffer.
    public func writeManifest(key: String, into output: inout [UInt8]) throws(SetupError) {
        try requireKeyMode()
        let key = try Secret(key).rawValue
        let bytes = Array(key.utf8)
        output.removeAll(keepingCapacity: true)
        for artifact in checkedArtifacts where artifact.refusal(key: bytes) != artifact.baselineRefusal {
            // Some artifact is unavailable for this key: the manifest's shape changes.
            output.append(contentsOf: Manifest.json(for: request, clients: fill(key, restrictions: true)).utf8)
            return
        }
        output.reserveCapacity(manifest.literalCount + 64 * bytes.count)
        manifest.write(key: bytes, into: &output)
    }

    /// Filling a real key needs programs compiled for inline keys: a setup prepared for another
    /// credential mode would label the key's artifacts as that mode's (`secret: false`).
    private func requireKeyMode() throws(SetupError) {
        guard request.holdsRealKey else {
            throw SetupError("this setup was prepared for credential \(request.credential.modeName); prepare one with PreparedSetup(profile:) to fill in keys")
        }
    }

    /// The artifacts with `secret` where the secret goes (the key, or the placeholder).
    func fill(_ secret: String, restrictions: Bool) -> [ClientArtifacts] {
        let bytes = Array(secret.utf8)
        return clients.map { client in
            let artifacts = client.artifacts.map { artifact in
                artifact.fill(bytes, secret: secret, restrictions: restrictions, holdsRealKey: request.holdsRealKey)
            }
            return ClientArtifacts(id: client.id, title: client.title, artifacts: artifacts, capabilities: client.capabilities, group: client.group)
        }
    }

    /// The artifacts with `secret`, each text parsed back and compared with its value.
    func fill(_ secret: String, restrictions: Bool, verifying: Bool) throws -> [ClientArtifacts] {
        let filled = fill(secret, restrictions: restrictions)
        guard verifying else { return filled }
        for (client, prepared) in zip(filled, clients) {
            for (artifact, preparedArtifact) in zip(client.artifacts, prepared.artifacts) {
                if let content = artifact.content { try preparedArtifact.verify(content, argv: artifact.argv, secret: secret) }
            }
        }
        return filled
    }
}

/// One client's compiled artifacts.
struct PreparedClient: Sendable {
    let id: String
    let title: String
    let group: ClientGroup
    let capabilities: ClientCapabilities
    let artifacts: [PreparedArtifact]
}

/// One artifact, compiled: its spec, and for a document its program and, for a command, the
/// programs of the words the program receives. A class, so the per-key loops pass references.
final class PreparedArtifact: Sendable {
    let id: String
    let spec: ArtifactSpec
    let document: Document?
    let program: ArtifactProgram?
    let argv: [KeyProgram]?
    /// The reason every key that passes the key-dependent checks is refused for, when a check
    /// that does not depend on the key refuses.
    let baselineRefusal: String?
    /// The text and the argv, laid out for filling.
    private let flatText: FlatProgram?
    private let flatArgv: [FlatProgram]?
    /// The texts the checks look at, by check index.
    private let flatSubjects: [FlatProgram?]

    init(spec: ArtifactSpec, clientID: String) {
        id = clientID + "/" + spec.localID
        self.spec = spec
        guard case .document(let document) = spec.body else {
            self.document = nil
            program = nil
            argv = nil
            baselineRefusal = nil
            flatText = nil
            flatArgv = nil
            flatSubjects = []
            return
        }
        self.document = document
        let program = ProgramCompiler.compile(document, restrictions: spec.keyRestrictions, fallback: spec.fallback)
        self.program = program
        baselineRefusal = program.checks.lazy.compactMap { if case .always(let reason) = $0 { reason } else { nil } }.first
        if case .command(let words, _) = document {
            var compiler = ProgramCompiler(fallback: nil)
            argv = compiler.words(words)
        } else {
            argv = nil
        }
        flatText = FlatProgram(program.text)
        flatArgv = argv?.map(FlatProgram.init)
        flatSubjects = program.checks.map { $0.subject.map(FlatProgram.init) }
    }

    /// The text of check `index`'s subject for `key`.
    private func subjectText(_ index: Int, key: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        flatSubjects[index]?.write(key: key, into: &bytes)
        return bytes
    }

    /// Why the artifact is unavailable for `key`, or `nil`.
    func refusal(key: [UInt8], restrictions: Bool = true) -> String? {
        guard let program, let flatText else { return nil }
        return program.refusal(key: key, restrictions: restrictions, subjectText: { index, _ in self.subjectText(index, key: key) }) { key in
            var bytes: [UInt8] = []
            flatText.write(key: key, into: &bytes)
            return bytes
        }
    }

    /// Fills the probe keys and parses every text back (design rule 2).
    func verifyWithProbes() throws {
        guard let program, let document, document.containsSecret else {
            // A text without the key was verified when it was written: check it once here.
            if let program, let document, case .text(let content) = program.fill(key: "k", restrictions: false) {
                try verify(content, argv: argv?.map { $0.text(key: "k") }, secret: "k", document: document)
            }
            return
        }
        for probe in PreparedSetup.probeKeys {
            guard case .text(let content) = program.fill(key: probe) else { continue }
            try verify(content, argv: argv?.map { $0.text(key: probe) }, secret: probe, document: document)
        }
    }

    /// Parses `content` back and compares it with the document for `secret`, and the argv the
    /// manifest lists with the words the shell reads.
    func verify(_ content: String, argv: [String]?, secret: String) throws {
        guard let document else { return }
        try verify(content, argv: argv, secret: secret, document: document)
    }

    private func verify(_ content: String, argv: [String]?, secret: String, document: Document) throws {
        let decoded: [String]?
        do {
            decoded = try Verifier(renderer: TextRenderer(secret: secret)).verify(content, encodes: document)
        } catch {
            throw InternalError(subject: id, message: "the artifact does not decode back to its value: \(error)")
        }
        guard decoded == argv else {
            throw InternalError(subject: id, message: "the command's words differ from the words the shell reads back")
        }
    }

    func fill(_ bytes: [UInt8], secret: String, restrictions: Bool, holdsRealKey: Bool) -> Artifact {
        guard let program, let document, let flatText else {
            return Artifact(id: id, spec: spec, content: nil, document: nil, secret: false, argv: nil)
        }
        let keyProgram = document.containsSecret ? program : nil
        var text: [UInt8] = []
        flatText.write(key: bytes, into: &text)
        if let reason = program.refusal(key: bytes, restrictions: restrictions, subjectText: { index, _ in self.subjectText(index, key: bytes) }, writeText: { _ in text }) {
            return Artifact(id: id, spec: spec, content: nil, document: nil, secret: false, argv: nil, refusal: reason, program: keyProgram)
        }
        let words = flatArgv?.map { word in
            var output: [UInt8] = []
            word.write(key: bytes, into: &output)
            return String(decoding: output, as: UTF8.self)
        }
        return Artifact(id: id, spec: spec, content: String(decoding: text, as: UTF8.self), document: document,
                        secret: holdsRealKey && document.containsSecret, argv: words, program: keyProgram)
    }
}
