/// What `doctor` concluded: a stable code for scripts, in classes that map to exit codes (as
/// the MCP Inspector CLI separates auth from reachability).
public enum DoctorCode: String, Sendable, Hashable, CaseIterable {
    /// The server answered with the key, and listed its tools.
    case ok
    /// The server wants a key (or a sign-in) and none was sent.
    case authRequired = "auth_required"
    /// The server looked at the key and refused it: mistyped, revoked, or from another environment.
    case invalidKey = "invalid_key"
    /// The key was accepted but lacks a permission or scope.
    case forbidden
    /// The server expects an OAuth sign-in, not this kind of key.
    case oauthRequired = "oauth_required"
    /// Nothing is served at this path.
    case notFound = "not_found"
    /// The URL is a legacy HTTP+SSE endpoint used as Streamable HTTP.
    case legacySSE = "legacy_sse"
    /// The server redirects; clients do not follow a redirect with the key.
    case redirect
    /// The server does not speak an MCP protocol version mcp-setup knows.
    case protocolMismatch = "protocol_mismatch"
    /// The server failed (5xx) or answered with something that is not MCP.
    case serverError = "server_error"
    /// The host name does not resolve, or nothing listens at the address.
    case unreachable
    /// The TLS handshake failed (an untrusted or mismatched certificate).
    case tls
    /// No answer within the time limit.
    case timeout
    /// The client's config file has no entry for the server.
    case noEntry = "no_entry"
    /// The entry sits under a key the client does not read (`mcpServers` in VS Code).
    case wrongRootKey = "wrong_root_key"
    /// The entry refers to an environment variable that is not set here.
    case unsetVariable = "unset_variable"
    /// The key in the entry (or in its variable) has spaces or line breaks around it.
    case keyWhitespace = "key_whitespace"
    /// The entry cannot be tested as it is (no URL, a local command, a prompt with no key given).
    case entryUntestable = "entry_untestable"

    /// The class of outcome, which is the exit code.
    public var exitCode: Int32 {
        switch self {
        case .ok: return 0
        case .authRequired, .invalidKey, .forbidden, .oauthRequired: return 3
        case .unreachable, .tls, .timeout: return 4
        case .notFound, .legacySSE, .redirect, .protocolMismatch, .serverError: return 5
        case .noEntry, .wrongRootKey, .unsetVariable, .keyWhitespace, .entryUntestable: return 6
        }
    }
}
