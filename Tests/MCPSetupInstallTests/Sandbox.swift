import Foundation
import MCPSetup
@testable import MCPSetupInstall

/// A temporary home and project folder, and targets that resolve inside them.
struct Sandbox {
    let root: URL
    var home: String { root.appendingPathComponent("home").path }
    var project: String { root.appendingPathComponent("project").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-setup-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root.appendingPathComponent("home").path, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root.appendingPathComponent("project").path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The install record, in the sandbox's state folder.
    var ledger: InstallLedger { InstallLedger(path: root.appendingPathComponent("state/mcp-setup/installs.json").path) }

    /// Whose paths: `linux`, or `windows` (with APPDATA, LOCALAPPDATA and USERPROFILE in the sandbox's home).
    var os = "linux"

    var targets: InstallTargets {
        if os == "windows" {
            for folder in ["AppData/Roaming", "AppData/Local"] { try? FileManager.default.createDirectory(atPath: home + "/" + folder, withIntermediateDirectories: true) }
            return InstallTargets(os: "windows", environment: ["APPDATA": home + "/AppData/Roaming", "LOCALAPPDATA": home + "/AppData/Local", "USERPROFILE": home], projectDirectory: project)
        }
        return InstallTargets(os: "linux", environment: ["HOME": home], projectDirectory: project)
    }

    static func request(_ credential: Credential = .inline(try! Secret("sk_live_123")), auth: AuthScheme = .bearer, name: String = "acme") throws -> SetupRequest {
        try SetupRequest(profile: try ServerProfile(name: name, title: "Acme", endpoint: "https://mcp.acme.dev/mcp", auth: auth), credential: credential)
    }

    func target(_ client: String, scope: InstallTarget.Scope? = nil, request: SetupRequest? = nil, placeholderAllowed: Bool = false) throws -> InstallTarget {
        try targets.target(clientID: client, scope: scope, request: request ?? Self.request(), placeholderAllowed: placeholderAllowed)
    }

    /// Whether the client's config file can reference the key (an environment variable or its
    /// own prompt), so that install takes a reference instead of the key.
    static func referencesKey(_ client: String, _ credential: Credential) -> Bool {
        let modes = ClientCatalog.standard.capabilities[client]?.credentialModes ?? []
        switch credential {
        case .environment: return modes.contains("env")
        case .prompt: return modes.contains("prompt") || modes.contains("env")
        default: return true
        }
    }

    func write(_ bytes: [UInt8], to path: String, mode: Int = 0o644) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: mode])
    }

    func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    func backups(of path: String) -> [String] {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(name + ".mcp-setup-backup-") }
    }
}

/// Whether `small` appears in `large` in order (every original byte kept).
func isSubsequence(_ small: [UInt8], of large: [UInt8]) -> Bool {
    var index = large.startIndex
    for byte in small {
        guard let found = large[index...].firstIndex(of: byte) else { return false }
        index = found + 1
    }
    return true
}
