/// What kind of thing an artifact is, which decides how it is shown and used.
public enum ArtifactKind: String, Sendable, Hashable, CaseIterable {
    /// A command line to paste into a terminal.
    case command
    /// A config file, or an entry to merge into one.
    case file
    /// A link that opens a client and installs the server.
    case link
    /// A URL to paste into a client's form.
    case url
    /// A value to type into one field of a client's form, such as a request header's value.
    case field
    /// A program snippet (Python or TypeScript) that connects an agent to the server.
    case code
}

/// Where a config file lives.
public struct ConfigPath: Sendable, Hashable {
    /// The operating system: `macos`, `windows`, `linux`, or `any`.
    public var os: String
    /// `user` (every project) or `project` (one folder).
    public var scope: String
    /// The path, with `~` for the home folder and `%VAR%` for Windows variables.
    public var path: String

    /// Creates a path entry.
    public init(os: String, scope: String, path: String) {
        self.os = os
        self.scope = scope
        self.path = path
    }
}

/// The syntax of a file artifact.
public enum FileFormat: String, Sendable, Hashable {
    /// JSON.
    case json
    /// JSON with comments.
    case jsonc
    /// TOML.
    case toml
    /// YAML.
    case yaml
}

/// What a client decides for one artifact, before it is rendered and verified.
public struct ArtifactSpec: Sendable, Hashable {
    /// The local id, for example `command` (the full id adds the client: `claude-code/command`).
    public var localID: String
    /// The kind.
    public var kind: ArtifactKind
    /// A short title.
    public var title: String
    /// The document, or why this client cannot express the request.
    public var body: Body
    /// Facts the user must know about this artifact in this mode.
    public var notes: [String]
    /// Config file locations, for files.
    public var paths: [ConfigPath]
    /// Keys this artifact cannot carry.
    public var keyRestrictions: [KeyRestriction]
    /// The badge image a docs page shows for a link, where the client has an official one.
    public var badge: Badge?
    /// What to do instead when an encoder refuses the content (for example a key with a
    /// character cmd would expand): added to the reason of the unavailable artifact.
    public var fallback: String?
    /// How a file artifact is merged into the client's config file (nil: it is not installed).
    public var install: InstallSpec?

    /// An artifact's body.
    public enum Body: Sendable, Hashable {
        /// The artifact can be made: this is what it encodes.
        case document(Document)
        /// The client cannot express the request; the reason says what to do instead.
        case unavailable(reason: String)
    }

    /// Creates a spec.
    public init(_ localID: String, kind: ArtifactKind, title: String, body: Body, notes: [String] = [], paths: [ConfigPath] = [], badge: Badge? = nil, fallback: String? = nil, keyRestrictions: [KeyRestriction] = [], install: InstallSpec? = nil) {
        self.fallback = fallback
        self.install = install
        self.localID = localID
        self.kind = kind
        self.title = title
        self.body = body
        self.notes = notes
        self.paths = paths
        self.keyRestrictions = keyRestrictions
        self.badge = badge
    }

    /// The shell of a command, available or not: the document's, or for an unavailable command,
    /// the one named by its id's suffix (`command-powershell`).
    var shell: Shell? {
        if case .document(.command(_, let shell)) = body { return shell }
        guard kind == .command else { return nil }
        return Shell.allCases.first { $0 != .posix && localID.hasSuffix("-" + $0.rawValue) } ?? .posix
    }
}

/// An install badge: the image a client's docs use for its one-click link.
public struct Badge: Sendable, Hashable {
    /// The image URL.
    public var image: String
    /// The image's alternative text.
    public var alt: String

    /// Creates a badge.
    public init(image: String, alt: String) {
        self.image = image
        self.alt = alt
    }
}

/// A rendered, verified artifact: exactly what the user copies, with what it is made of.
public struct Artifact: Sendable, Hashable {
    /// The stable id, `<client>/<artifact>`.
    public let id: String
    /// The kind.
    public let kind: ArtifactKind
    /// A short title.
    public let title: String
    /// The exact content to copy; `nil` when the client cannot express the request.
    public let content: String?
    /// The structured document the content encodes; `nil` when unavailable.
    public let document: Document?
    /// Why the artifact is unavailable, when it is.
    public let unavailableReason: String?
    /// Whether the content holds a real key.
    public let secret: Bool
    /// Facts the user must know about this artifact in this mode.
    public let notes: [String]
    /// The shell a command is written for (`posix`, `powershell` or `cmd`).
    public let shell: String?
    /// The words a command hands to the program.
    public let argv: [String]?
    /// The syntax of a file.
    public let format: FileFormat?
    /// The programming language of a code snippet.
    public let language: CodeLanguage?
    /// Where a file lives.
    public let paths: [ConfigPath]
    /// Keys this artifact cannot carry (checked again by the docs site's key box).
    public let keyRestrictions: [KeyRestriction]
    /// The install badge of a link, when the client has one.
    public let badge: Badge?
    /// What to do instead when an encoder refuses a key (added to that refusal's reason), so the
    /// docs site's key box can give the same reason as the CLI.
    public let fallback: String?
    /// How the file is merged into the client's config file, as the client declares it.
    public let install: InstallSpec?
    /// The compiled program that fills any key into this artifact, when its text holds the key
    /// (or the placeholder).
    public let program: ArtifactProgram?

    /// Whether the client can express the request.
    public var isAvailable: Bool { content != nil }

    init(id: String, spec: ArtifactSpec, content: String?, document: Document?, secret: Bool, argv: [String]?, refusal: String? = nil, program: ArtifactProgram? = nil) {
        self.program = program
        self.id = id
        self.kind = spec.kind
        self.title = spec.title
        self.content = content
        self.document = document
        if case .unavailable(let reason) = spec.body { self.unavailableReason = reason } else { self.unavailableReason = refusal }
        self.keyRestrictions = spec.keyRestrictions
        self.secret = secret
        self.notes = spec.notes
        self.shell = spec.shell?.rawValue
        self.argv = argv
        self.format = document?.fileFormat
        if case .document(.code(let code)) = spec.body { self.language = code.language } else { self.language = nil }
        self.paths = spec.paths
        self.badge = spec.badge
        self.fallback = spec.fallback
        self.install = spec.install
    }
}
