/// The syntaxes the highlighter reads: those of every artifact and of the code blocks docs use.
public enum HighlightLanguage: String, Sendable, Hashable, CaseIterable {
    /// JSON.
    case json
    /// JSON with comments.
    case jsonc
    /// YAML.
    case yaml
    /// TOML.
    case toml
    /// A POSIX shell command line.
    case posix
    /// A PowerShell command line.
    case powershell
    /// A cmd.exe command line.
    case cmd
    /// A URL or other single line: only the key, when filled, is marked.
    case plain

    /// The language of a document, from what the value tree says it is.
    public init(_ document: Document) {
        switch document {
        case .command(_, let shell): self.init(shell)
        case .json: self = .json
        case .jsonc: self = .jsonc
        case .yaml: self = .yaml
        case .toml: self = .toml
        case .line, .code: self = .plain
        }
    }

    /// The language of a command for `shell`.
    public init(_ shell: Shell) {
        switch shell {
        case .posix: self = .posix
        case .powershell: self = .powershell
        case .cmd: self = .cmd
        }
    }

    /// The language a Markdown code fence names (`sh`, `bash`, `json`, `yml`, `ps1`, …), or
    /// `nil` for one the highlighter does not read.
    public init?(fence: String) {
        switch fence.lowercased() {
        case "sh", "bash", "shell", "zsh", "console", "shell-session": self = .posix
        case "powershell", "ps1", "pwsh", "ps": self = .powershell
        case "cmd", "bat", "batch", "bat-cmd": self = .cmd
        case "json": self = .json
        case "jsonc", "json5": self = .jsonc
        case "yaml", "yml": self = .yaml
        case "toml": self = .toml
        default: return nil
        }
    }
}

/// What a highlighted span of text is. The raw value is the one-letter code the manifest's
/// highlight runs and the CSS classes (`hl-` + code) use.
public enum HighlightKind: String, Sendable, Hashable, CaseIterable {
    /// Text with no highlight.
    case plain = "t"
    /// Punctuation and operators: braces, brackets, `:`, `=`, `,`, `|`, line continuations.
    case punctuation = "p"
    /// A name: an object key, a TOML key or table name.
    case name = "k"
    /// A string.
    case string = "s"
    /// A number, `true`, `false` or `null`.
    case constant = "n"
    /// A command-line option (`--header`, `-y`, `/c`).
    case flag = "f"
    /// The program a command runs.
    case command = "c"
    /// A variable reference (`$VAR`, `${VAR}`, `$env:VAR`, `%VAR%`, `${env:VAR}`).
    case variable = "v"
    /// A comment.
    case comment = "m"
    /// The key, filled in.
    case key = "x"
}

/// A highlighted span: byte offsets into the UTF-8 text, `end` exclusive.
public struct HighlightToken: Sendable, Hashable {
    /// The first byte.
    public var start: Int
    /// One past the last byte.
    public var end: Int
    /// What the span is.
    public var kind: HighlightKind

    /// Creates a token.
    public init(start: Int, end: Int, kind: HighlightKind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}
