/// A validated request: one server and how its key appears. Everything a client needs.
public struct SetupRequest: Sendable, Hashable {
    /// The server.
    public let profile: ServerProfile
    /// How the key appears in artifacts.
    public let credential: Credential

    /// Checks that the credential fits the server's auth scheme.
    public init(profile: ServerProfile, credential: Credential) throws(SetupError) {
        switch (profile.auth.usesKey, credential) {
        case (false, .none), (true, .inline), (true, .environment), (true, .placeholder), (true, .prompt):
            break
        case (false, _):
            throw SetupError("auth \(profile.auth) takes no key; use credential .none",
                             commandLine: "--auth \(profile.auth) takes no key; drop the key option (--token, --token-stdin, --token-file, --token-env, --placeholder, --prompt)")
        case (true, .none):
            throw SetupError("auth \(profile.auth) needs a key; use credential .inline, .environment, .placeholder or .prompt",
                             commandLine: "--auth \(profile.auth) needs a key; pass --token-stdin, --token-file, --token-env VAR or --placeholder")
        }
        if case .query = profile.auth, credential.isReference {
            throw SetupError("auth \(profile.auth) puts the key in the URL, where clients expand no variables; use credential .inline or .placeholder",
                             commandLine: "--auth \(profile.auth) puts the key in the URL, where clients expand no variables; pass the key (--token-stdin, --token-file) or use --placeholder")
        }
        self.profile = profile
        self.credential = credential
    }

    /// The placeholder that stands for the key in documentation: `YOUR_ACME_API_KEY`.
    public var placeholder: String {
        "YOUR_" + profile.envVar.uppercased()
    }

    /// What a ``Piece/secret`` is rendered as: the key when inline, the placeholder otherwise.
    public var secretText: String {
        if case .inline(let secret) = credential { return secret.rawValue }
        return placeholder
    }

    /// Whether artifacts that contain the secret piece hold a real key.
    public var holdsRealKey: Bool {
        if case .inline = credential { return true }
        return false
    }
}
