/// One field of the server profile and where it came from, so errors can point at the flag or at
/// the line of the config file.
public struct Sourced<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public var value: Value
    /// Where it came from: `--name`, or `mcp-setup.yml:2:7: name`.
    public var origin: String

    /// Creates a sourced value.
    public init(_ value: Value, origin: String) {
        self.value = value
        self.origin = origin
    }
}

/// The server profile as given, before validation: from a config file, flags, or both (flags win).
public struct ProfileInput: Sendable, Hashable {
    /// `name`.
    public var name: Sourced<String>?
    /// `title`.
    public var title: Sourced<String>?
    /// `endpoint`.
    public var endpoint: Sourced<String>?
    /// `transport`.
    public var transport: Sourced<String>?
    /// `auth`.
    public var auth: Sourced<String>?
    /// `env_var`.
    public var envVar: Sourced<String>?
    /// `key_prefix`.
    public var keyPrefix: Sourced<String>?
    /// `key_page`.
    public var keyPage: Sourced<String>?
    /// `also_oauth`.
    public var alsoOAuth: Sourced<Bool>?
    /// `allow_http`.
    public var allowHTTP: Sourced<Bool>?
    /// `mcp_remote_version`.
    public var mcpRemoteVersion: Sourced<String>?
    /// `keys.masked_preview`: a key as the key page shows it (`sk_live_dLK5...J6HMii`).
    public var maskedPreview: Sourced<String>?

    /// What reading the input noticed without refusing it: a spelling read as the schema's, an
    /// optional header left out. Each is one line naming where; the CLI prints them as notes.
    public var notes: [String] = []

    /// An empty input.
    public init() {}

    /// This input with every field that `overrides` sets replaced.
    public func overridden(by overrides: ProfileInput) -> ProfileInput {
        var merged = self
        merged.name = overrides.name ?? name
        merged.title = overrides.title ?? title
        merged.endpoint = overrides.endpoint ?? endpoint
        merged.transport = overrides.transport ?? transport
        merged.auth = overrides.auth ?? auth
        merged.envVar = overrides.envVar ?? envVar
        merged.keyPrefix = overrides.keyPrefix ?? keyPrefix
        merged.keyPage = overrides.keyPage ?? keyPage
        merged.allowHTTP = overrides.allowHTTP ?? allowHTTP
        merged.alsoOAuth = overrides.alsoOAuth ?? alsoOAuth
        merged.mcpRemoteVersion = overrides.mcpRemoteVersion ?? mcpRemoteVersion
        merged.maskedPreview = overrides.maskedPreview ?? maskedPreview
        merged.notes = notes + overrides.notes.filter { !notes.contains($0) }
        return merged
    }

    /// Validates the input into a profile.
    public func profile() throws(SetupError) -> ServerProfile {
        guard let name else {
            throw SetupError("no server name; pass --name (for example --name acme) or add name: to mcp-setup.yml")
        }
        guard let endpoint else {
            throw SetupError("no endpoint; pass --endpoint https://… or add endpoint: to mcp-setup.yml")
        }
        let transport = try transport.map { source throws(SetupError) in try Transport.parse(source.value, field: source.origin) } ?? .http
        let auth = try auth.map { source throws(SetupError) in try AuthScheme.parse(source.value, field: source.origin) } ?? .bearer
        var fields = ServerProfile.FieldNames.flags
        fields.name = name.origin
        fields.title = title?.origin ?? "--title"
        fields.endpoint = endpoint.origin
        fields.envVar = envVar?.origin ?? "--env-var"
        fields.keyPrefix = keyPrefix?.origin ?? "key_prefix"
        fields.keyPage = keyPage?.origin ?? "key_page"
        fields.mcpRemoteVersion = mcpRemoteVersion?.origin ?? "--mcp-remote-version"
        return try ServerProfile(
            name: name.value,
            title: title?.value,
            endpoint: endpoint.value,
            transport: transport,
            auth: auth,
            envVar: envVar?.value,
            keyPrefix: keyPrefix?.value,
            keyPage: keyPage?.value,
            alsoOAuth: alsoOAuth?.value ?? false,
            allowHTTP: allowHTTP?.value ?? false,
            mcpRemoteVersion: mcpRemoteVersion?.value,
            maskedPreview: try maskedPreview.map { source throws(SetupError) in try MaskedPreview(example: source.value, field: source.origin) },
            fields: fields
        )
    }
}
