/// The artifacts of one client for one request.
public struct ClientArtifacts: Sendable {
    /// The client id.
    public let id: String
    /// The client's product name.
    public let title: String
    /// Its artifacts, rendered and verified, in a stable order.
    public let artifacts: [Artifact]
    /// What kind of product it is (a client picker's section).
    public let group: ClientGroup?
    /// What the client can express in general, for a support matrix.
    public let capabilities: ClientCapabilities?

    /// Groups artifacts under a client.
    public init(id: String, title: String, artifacts: [Artifact], capabilities: ClientCapabilities? = nil, group: ClientGroup? = nil) {
        self.group = group
        self.id = id
        self.title = title
        self.artifacts = artifacts
        self.capabilities = capabilities
    }
}

/// Renders every client's artifacts for a request, verifying each one before it leaves.
public struct SetupGenerator: Sendable {
    /// The clients to render.
    public let catalog: ClientCatalog

    /// Creates a generator over a catalog.
    public init(catalog: ClientCatalog = .standard) {
        self.catalog = catalog
    }

    /// Renders and verifies the artifacts of the given clients (all when `clientIDs` is empty):
    /// compiles their programs (``PreparedSetup``), fills in the request's key or placeholder,
    /// and parses every text back.
    ///
    /// - Throws: ``SetupError`` for an unknown client id; ``InternalError`` when an artifact does
    ///   not decode back to its value, which is a bug in mcp-setup and is never output.
    public func render(_ request: SetupRequest, clientIDs: [String] = []) throws -> [ClientArtifacts] {
        let prepared = try PreparedSetup(request: request, clientIDs: clientIDs, catalog: catalog)
        return try prepared.fill(request.secretText, restrictions: request.holdsRealKey, verifying: true)
    }

    /// Renders and verifies every artifact of the request's client and returns the one with
    /// this id.
    public func artifact(_ id: String, for request: SetupRequest) throws -> Artifact {
        let clientID = String(id.split(separator: "/").first ?? "")
        guard catalog.ids.contains(clientID) else {
            throw SetupError("artifact id '\(id)' names no known client; artifact ids look like cursor/deeplink",
                             commandLine: "--artifact '\(id)' names no known client; artifact ids look like cursor/deeplink (see mcp-setup render --format json)")
        }
        let artifacts = try render(request, clientIDs: [clientID]).flatMap(\.artifacts)
        guard let artifact = artifacts.first(where: { $0.id == id }) else {
            let known = artifacts.map(\.id).joined(separator: ", ")
            throw SetupError("artifact id '\(id)' is not an artifact of \(clientID); use one of: \(known)",
                             commandLine: "--artifact '\(id)' is not an artifact of \(clientID); use one of: \(known)")
        }
        return artifact
    }

    /// Renders every artifact directly from its document with ``TextRenderer``, without
    /// programs, and verifies it: the reference the compiled programs are tested against, and
    /// the per-key cost before programs, for benchmarks.
    public func referenceRender(_ request: SetupRequest, clientIDs: [String] = []) throws -> [ClientArtifacts] {
        let renderer = TextRenderer(secret: request.secretText)
        let verifier = Verifier(renderer: renderer)
        return try catalog.select(clientIDs).map { client in
            let artifacts = try Self.specs(of: client, for: request).map { spec in
                try Self.make(spec, clientID: client.id, request: request, renderer: renderer, verifier: verifier)
            }
            return ClientArtifacts(id: client.id, title: client.title, artifacts: artifacts, capabilities: catalog.capabilities(of: client), group: client.group)
        }
    }

    /// A client's artifact specs for a request, each POSIX command followed by its PowerShell
    /// and cmd variants (`command-powershell`, `command-cmd`): one command string cannot serve
    /// every shell, so each shell gets its own, from the same argv.
    public static func specs(of client: any Client, for request: SetupRequest) -> [ArtifactSpec] {
        client.artifacts(for: request).flatMap { spec -> [ArtifactSpec] in
            guard spec.kind == .command, spec.shell == .posix else { return [spec] }
            return [spec] + [Shell.powershell, .cmd].map { spec.variant(for: $0) }
        }
    }

    static func make(_ spec: ArtifactSpec, clientID: String, request: SetupRequest, renderer: TextRenderer, verifier: Verifier) throws -> Artifact {
        let id = clientID + "/" + spec.localID
        guard case .document(let document) = spec.body else {
            return Artifact(id: id, spec: spec, content: nil, document: nil, secret: false, argv: nil)
        }
        if request.holdsRealKey, document.containsSecret, let restriction = spec.keyRestrictions.first(where: { $0.refuses(request.secretText) }) {
            return Artifact(id: id, spec: spec, content: nil, document: nil, secret: false, argv: nil, refusal: restriction.reason)
        }
        let content: String
        do {
            content = try renderer.render(document)
        } catch {
            var refused = spec
            refused.body = .unavailable(reason: "\(error.syntax) cannot carry this safely: \(error.reason)." + (spec.fallback.map { " " + $0 } ?? ""))
            return Artifact(id: id, spec: refused, content: nil, document: nil, secret: false, argv: nil)
        }
        let argv: [String]?
        do {
            argv = try verifier.verify(content, encodes: document)
        } catch {
            throw InternalError(subject: id, message: "the artifact does not decode back to its value: \(error)")
        }
        let secret = request.holdsRealKey && document.containsSecret
        return Artifact(id: id, spec: spec, content: content, document: document, secret: secret, argv: argv)
    }
}

extension ArtifactSpec {
    /// This command for another shell: the same argv (or the same reason it is unavailable).
    func variant(for shell: Shell) -> ArtifactSpec {
        var variant = self
        variant.localID = localID + "-" + shell.rawValue
        variant.title = title + (shell == .powershell ? " (PowerShell)" : " (cmd)")
        if case .document(.command(let argv, _)) = body {
            variant.body = .document(.command(argv: argv, shell: shell))
        }
        variant.fallback = shell == .powershell
            ? "Use the cmd variant, or the POSIX command in Git Bash or WSL."
            : "Use the PowerShell variant, or the POSIX command in Git Bash or WSL."
        return variant
    }
}
