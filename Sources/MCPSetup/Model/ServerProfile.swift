import Foundation

/// The facts about one MCP server that every client's artifact is built from.
public struct ServerProfile: Sendable, Hashable {
    /// The config key clients store the server under: `^[a-z0-9][a-z0-9-]*$`.
    public let name: String
    /// The display name, for labels and prose.
    public let title: String
    /// The endpoint URL, exactly as given (its own query and port kept).
    public let endpoint: String
    /// The transport.
    public let transport: Transport
    /// How the key travels.
    public let auth: AuthScheme
    /// The environment variable that holds the key in `env` mode.
    public let envVar: String
    /// The prefix every key starts with (`sk_live_`), for placeholders and docs.
    public let keyPrefix: String?
    /// Where users create keys, for docs.
    public let keyPage: String?
    /// Whether the server also offers OAuth sign-in, for clients that cannot send a key.
    public let alsoOAuth: Bool
    /// The mcp-remote version stdio bridges run (`mcp-remote@0.1.38`); `nil` runs the latest.
    public let mcpRemoteVersion: String?
    /// How the key page shows a key, for the card's preview of a pasted one.
    public let maskedPreview: MaskedPreview?

    /// Validates and creates a profile. `allowHTTP` permits a plain `http` endpoint that is not
    /// on a loopback host.
    public init(
        name: String,
        title: String? = nil,
        endpoint: String,
        transport: Transport = .http,
        auth: AuthScheme = .bearer,
        envVar: String? = nil,
        keyPrefix: String? = nil,
        keyPage: String? = nil,
        alsoOAuth: Bool = false,
        allowHTTP: Bool = false,
        mcpRemoteVersion: String? = nil,
        maskedPreview: MaskedPreview? = nil,
        fields: FieldNames = .parameters
    ) throws(SetupError) {
        try Self.validateName(name, field: fields.name)
        let title = title ?? name
        try Self.validateTitle(title, field: fields.title)
        try Endpoint.validate(endpoint, field: fields.endpoint, allowHTTP: allowHTTP)
        if case .query(let parameter) = auth, Endpoint.queryParameterNames(endpoint).contains(parameter) {
            throw SetupError("\(fields.endpoint) '\(Endpoint.redacted(endpoint))' already has a '\(parameter)' query parameter; remove it, mcp-setup adds the key there")
        }
        let envVar = envVar ?? Self.defaultEnvVar(for: name)
        try Self.validateEnvVar(envVar, field: fields.envVar)
        if let keyPrefix {
            guard keyPrefix.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
                throw SetupError("\(fields.keyPrefix) '\(keyPrefix)' must be visible ASCII characters")
            }
        }
        if let keyPage {
            try Endpoint.validate(keyPage, field: fields.keyPage, allowHTTP: allowHTTP)
        }
        if let mcpRemoteVersion {
            try Self.validatePackageVersion(mcpRemoteVersion, field: fields.mcpRemoteVersion)
        }
        self.name = name
        self.title = title
        self.endpoint = endpoint
        self.transport = transport
        self.auth = auth
        self.envVar = envVar
        self.keyPrefix = keyPrefix
        self.keyPage = keyPage
        self.alsoOAuth = alsoOAuth && auth.usesKey
        self.mcpRemoteVersion = mcpRemoteVersion
        self.maskedPreview = maskedPreview
    }

    /// How to name each field in error messages: by this initializer's parameter (the
    /// library's default), by its flag, or by its place in a config file.
    public struct FieldNames: Sendable, Hashable {
        /// For the name.
        public var name = "name"
        /// For the title.
        public var title = "title"
        /// For the endpoint.
        public var endpoint = "endpoint"
        /// For the env var.
        public var envVar = "envVar"
        /// For the key prefix.
        public var keyPrefix = "keyPrefix"
        /// For the key page.
        public var keyPage = "keyPage"
        /// For the mcp-remote version.
        public var mcpRemoteVersion = "mcpRemoteVersion"

        /// The initializer's parameter names, for library callers.
        public static let parameters = FieldNames()

        /// The command line's flags (and config keys for the fields that have no flag).
        public static let flags = FieldNames(name: "--name", title: "--title", endpoint: "--endpoint", envVar: "--env-var",
                                             keyPrefix: "key_prefix", keyPage: "key_page", mcpRemoteVersion: "--mcp-remote-version")
    }

    /// `ACME_API_KEY` for `acme`, `ACME_DEV_API_KEY` for `acme-dev`.
    public static func defaultEnvVar(for name: String) -> String {
        let base = name.uppercased().replacingOccurrences(of: "-", with: "_")
        let variable = base + "_API_KEY"
        return variable.first?.isNumber == true ? "MCP_" + variable : variable
    }

    /// The slug a display name would become: `Acme Server` → `acme-server`.
    public static func suggestedName(for text: String) -> String {
        let slug = Slug.make(text)
        return slug.isEmpty ? "my-server" : slug
    }

    static func validateName(_ name: String, field: String) throws(SetupError) {
        let valid = name.unicodeScalars.first.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) } == true
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard valid else {
            throw SetupError("\(field) '\(name)' must be lowercase letters, digits and '-' (^[a-z0-9][a-z0-9-]*$); try \(field == "--name" ? "--name " : "")\(suggestedName(for: name))")
        }
        guard name.count <= 64 else {
            throw SetupError("\(field) '\(name)' is longer than 64 characters; clients show it in menus, so choose a short name")
        }
    }

    static func validateTitle(_ title: String, field: String) throws(SetupError) {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SetupError("\(field) is empty; give the display name users see, for example 'Acme'")
        }
        guard !title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{FEFF}" }) else {
            throw SetupError("\(field) contains a control character or a byte-order mark; use plain text")
        }
    }

    /// An npm version or tag: `0.1.38`, `1.0.0-beta.1`, `latest`.
    static func validatePackageVersion(_ version: String, field: String) throws(SetupError) {
        let valid = version.unicodeScalars.first.map { ("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0) } == true
            && version.count <= 64
            && version.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "." || $0 == "-" || $0 == "+" }
        guard valid else {
            throw SetupError("\(field) '\(version)' is not an npm version; give one such as 0.1.38 (letters, digits, '.', '-', '+')")
        }
    }

    static func validateEnvVar(_ name: String, field: String) throws(SetupError) {
        guard POSIXShell.isVariableName(name) else {
            throw SetupError("\(field) '\(name)' is not an environment variable name; use letters, digits and '_', not starting with a digit (for example ACME_API_KEY)")
        }
    }
}
