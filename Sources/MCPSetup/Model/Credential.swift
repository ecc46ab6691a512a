/// How the key appears in artifacts.
public enum Credential: Sendable, Hashable {
    /// The key itself, written into every artifact (the user asked for it).
    case inline(Secret)
    /// Artifacts reference an environment variable; no secret in the output.
    case environment(variable: String)
    /// An obviously fake, syntax-safe stand-in, for documentation.
    case placeholder
    /// Clients that can ask for the key (VS Code) prompt for it; the others reference the
    /// environment variable.
    case prompt
    /// The server takes no key (OAuth or no authentication).
    case none

    /// The name used in the JSON manifest: `inline`, `env`, `placeholder`, `prompt` or `none`.
    public var modeName: String {
        switch self {
        case .inline: return "inline"
        case .environment: return "env"
        case .placeholder: return "placeholder"
        case .prompt: return "prompt"
        case .none: return "none"
        }
    }

    /// Whether artifacts reference an environment variable (or a prompt) instead of a value.
    public var isReference: Bool {
        switch self {
        case .environment, .prompt: return true
        case .inline, .placeholder, .none: return false
        }
    }
}
