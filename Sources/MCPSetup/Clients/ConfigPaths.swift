extension ConfigPath {
    /// A user file under the home folder on every OS: `~/<relative>` on macOS and Linux,
    /// `%USERPROFILE%\<relative>` on Windows.
    static func underHome(_ relative: String) -> [ConfigPath] {
        [
            ConfigPath(os: "macos", scope: "user", path: "~/" + relative),
            ConfigPath(os: "linux", scope: "user", path: "~/" + relative),
            ConfigPath(os: "windows", scope: "user", path: "%USERPROFILE%\\" + relative.replacingOccurrences(of: "/", with: "\\")),
        ]
    }

    /// A file a VS Code extension keeps in VS Code's global storage (default profile).
    static func vscodeGlobalStorage(_ relative: String) -> [ConfigPath] {
        [
            ConfigPath(os: "macos", scope: "user", path: "~/Library/Application Support/Code/User/globalStorage/" + relative),
            ConfigPath(os: "windows", scope: "user", path: "%APPDATA%\\Code\\User\\globalStorage\\" + relative.replacingOccurrences(of: "/", with: "\\")),
            ConfigPath(os: "linux", scope: "user", path: "~/.config/Code/User/globalStorage/" + relative),
        ]
    }

    /// A file at a path relative to the project folder, on every OS.
    static func project(_ path: String) -> ConfigPath {
        ConfigPath(os: "any", scope: "project", path: path)
    }
}

/// An environment variable that moves a client's folder or file away from the home folder
/// (`CODEX_HOME`, `COPILOT_HOME`, `CLAUDE_CONFIG_DIR`): a path that starts with `prefix` is read
/// from `$variable/<kept><rest>` when the variable is set. A client declares its own beside its
/// paths; the installer and `list` follow them.
public struct ConfigHome: Sendable, Hashable {
    /// The start of the paths it moves: `~/.codex/`, or a whole file `~/.claude.json`.
    public var prefix: String
    /// The variable.
    public var variable: String
    /// What stays in front of the rest of the path under the variable's folder (`.claude.json`
    /// for Claude Code's file; empty when the variable names the folder itself).
    public var kept: String

    /// Creates a declaration.
    public init(prefix: String, variable: String, kept: String = "") {
        self.prefix = prefix
        self.variable = variable
        self.kept = kept
    }

    /// The path under the variable's folder, when it applies and the variable is set.
    public func moved(_ path: String, environment: [String: String]) -> (path: String, folder: String)? {
        guard path.hasPrefix(prefix), let folder = environment[variable], !folder.isEmpty else { return nil }
        return (folder + "/" + kept + path.dropFirst(prefix.count), folder)
    }
}
