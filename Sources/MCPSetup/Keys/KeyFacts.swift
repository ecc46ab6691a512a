/// What a vendor's docs say about its keys, from the `keys:` block of mcp-setup.yml: where keys
/// are made, what they look like, their scopes, their life (shown once, rotated, disabled or
/// deleted, revoked), the older token and the OAuth alternative, and the errors a bad key gets.
/// The docs site writes these facts into template-owned sections (`{{> keys/scopes}}`), so the
/// prose around them stays true when a fact changes in one place.
public struct KeyFacts: Sendable, Hashable {
    /// A permission a key can carry.
    public struct Scope: Sendable, Hashable {
        /// The scope as the key page names it: `read:projects`.
        public var name: String
        /// What it allows, in a sentence.
        public var meaning: String

        /// Creates a scope.
        public init(name: String, meaning: String) {
            self.name = name
            self.meaning = meaning
        }
    }

    /// A refusal the server gives a bad key.
    public struct Refusal: Sendable, Hashable {
        /// The HTTP status: 401, 403, 429.
        public var status: Int
        /// When the server answers it, and what the reader does about it.
        public var meaning: String

        /// Creates a refusal.
        public init(status: Int, meaning: String) {
            self.status = status
            self.meaning = meaning
        }
    }

    /// The prefix every key starts with (`sk_live_`); the same fact as `key_prefix`.
    public var prefix: String?
    /// How the key page shows a key it no longer reveals.
    public var maskedPreview: MaskedPreview?
    /// The page keys are created on; the same fact as `key_page`.
    public var createURL: String?
    /// The way to that page in the product's UI: `Settings → API keys → New key`.
    public var createPath: String?
    /// Whether the key is shown only once, when it is created.
    public var shownOnce: Bool?
    /// The scopes a key can carry, in the order the key page lists them.
    public var scopes: [Scope]
    /// How to rotate a key.
    public var rotation: String?
    /// What disabling a key does (it can be enabled again).
    public var disabling: String?
    /// What deleting a key does (it cannot be undone).
    public var deleting: String?
    /// What revoking a key does, and how soon it takes effect.
    public var revocation: String?
    /// The older kind of token the server still takes, and how it differs.
    public var legacyToken: String?
    /// Signing in with OAuth instead of a key, for clients that can.
    public var oauth: String?
    /// The errors a bad key gets, by status.
    public var refusals: [Refusal]

    /// Facts with nothing known.
    public init(prefix: String? = nil, maskedPreview: MaskedPreview? = nil, createURL: String? = nil, createPath: String? = nil,
                shownOnce: Bool? = nil, scopes: [Scope] = [], rotation: String? = nil, disabling: String? = nil, deleting: String? = nil,
                revocation: String? = nil, legacyToken: String? = nil, oauth: String? = nil, refusals: [Refusal] = []) {
        self.prefix = prefix
        self.maskedPreview = maskedPreview
        self.createURL = createURL
        self.createPath = createPath
        self.shownOnce = shownOnce
        self.scopes = scopes
        self.rotation = rotation
        self.disabling = disabling
        self.deleting = deleting
        self.revocation = revocation
        self.legacyToken = legacyToken
        self.oauth = oauth
        self.refusals = refusals
    }

    /// The `keys:` settings, as the config file names them.
    public static let settingNames = ["prefix", "masked_preview", "create_url", "create_path", "shown_once", "scopes",
                                      "rotation", "disable", "delete", "revoke", "legacy_token", "oauth", "errors"]
}
