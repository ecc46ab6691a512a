/// What an artifact's content is made from, before any syntax is applied.
public enum Document: Sendable, Hashable {
    /// A command line: the words a shell must hand to the program, and the shell it is for.
    case command(argv: [Text], shell: Shell = .posix)
    /// A JSON file, written with two-space indentation.
    case json(Value)
    /// A JSON file that the client reads with comments allowed (JSONC); written as plain JSON.
    case jsonc(Value)
    /// A YAML file, written in block style with plain or double-quoted scalars.
    case yaml(Value)
    /// A TOML file: top-level keys, tables and inline tables.
    case toml(Value)
    /// A single line of text: a URL or a link.
    case line(Text)
    /// A code snippet: source text around literals that the language's encoder writes.
    case code(Code)

    /// Whether the secret appears anywhere in the document.
    public var containsSecret: Bool {
        switch self {
        case .command(let argv, _): return argv.contains { $0.containsSecret }
        case .json(let value), .jsonc(let value), .yaml(let value), .toml(let value): return value.containsSecret
        case .line(let text): return text.containsSecret
        case .code(let code): return code.containsSecret
        }
    }

    /// The syntax of a file document; `nil` for commands and lines.
    public var fileFormat: FileFormat? {
        switch self {
        case .json: return .json
        case .jsonc: return .jsonc
        case .yaml: return .yaml
        case .toml: return .toml
        case .command, .line, .code: return nil
        }
    }
}

/// The shell a command line is written for.
public enum Shell: String, Sendable, Hashable, CaseIterable {
    /// POSIX `sh` and the shells that follow it (bash, zsh).
    case posix
    /// Windows PowerShell 5.1 and PowerShell 7.
    case powershell
    /// The Windows Command Prompt, cmd.exe.
    case cmd
}
