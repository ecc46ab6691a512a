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
