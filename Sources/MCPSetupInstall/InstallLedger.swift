import Foundation
import MCPSetup
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an install added around its entry in a file that already existed: the container it
/// created (Zed's `context_servers`) and the items it merged into root lists (VS Code's
/// `inputs`). Uninstall without a backup to restore reads it to take those out again, and only
/// those: a container the user had, even an empty one, stays.
public struct InstallRecord: Sendable, Hashable, Codable {
    /// The outermost container on the way to the entry that install created, as keys from the
    /// root (`["context_servers"]`); nil when every container was there.
    public var createdContainer: [String]?
    /// Per root list (`inputs`), the ids of the items install added.
    public var addedItems: [String: [String]]
    /// The root lists install created.
    public var createdLists: [String]

    /// Creates a record.
    public init(createdContainer: [String]? = nil, addedItems: [String: [String]] = [:], createdLists: [String] = []) {
        self.createdContainer = createdContainer
        self.addedItems = addedItems
        self.createdLists = createdLists
    }

    /// Whether it records nothing.
    public var isEmpty: Bool { createdContainer == nil && addedItems.values.allSatisfy(\.isEmpty) && createdLists.isEmpty }

    /// This record and a later install's, together: what either created stays created.
    func merged(with later: InstallRecord) -> InstallRecord {
        var items = addedItems
        for (list, ids) in later.addedItems { items[list] = (items[list] ?? []) + ids.filter { !(items[list] ?? []).contains($0) } }
        let container = [createdContainer, later.createdContainer].compactMap { $0 }.min { $0.count < $1.count }
        return InstallRecord(createdContainer: container, addedItems: items, createdLists: createdLists + later.createdLists.filter { !createdLists.contains($0) })
    }
}

/// The install records of one user, in one JSON file under the user's state folder
/// (`$XDG_STATE_HOME/mcp-setup/installs.json`, `~/.local/state/…` by default; macOS
/// `~/Library/Application Support/mcp-setup/`; Windows `%LOCALAPPDATA%\mcp-setup\`). It holds
/// file paths and server names, never a key; it is `0600`, written atomically under a lock of
/// its own, and an entry goes when uninstall has used it.
public struct InstallLedger: Sendable {
    /// The file.
    public let path: String

    /// A ledger kept in `path`.
    public init(path: String) {
        self.path = path
    }

    /// The user's ledger for a system (`linux`, `macos`, `windows`) and environment; nil when
    /// the environment names no home folder.
    public static func standard(os: String, environment: [String: String]) -> InstallLedger? {
        func set(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        switch os {
        case "windows":
            return set("LOCALAPPDATA").map { InstallLedger(path: $0.replacingOccurrences(of: "\\", with: "/") + "/mcp-setup/installs.json") }
        case "macos":
            return set("HOME").map { InstallLedger(path: $0 + "/Library/Application Support/mcp-setup/installs.json") }
        default:
            if let state = set("XDG_STATE_HOME") { return InstallLedger(path: state + "/mcp-setup/installs.json") }
            return set("HOME").map { InstallLedger(path: $0 + "/.local/state/mcp-setup/installs.json") }
        }
    }

    private static func key(container: [String], name: String) -> String {
        (container + [name]).map { $0.replacingOccurrences(of: "/", with: "//") }.joined(separator: " / ")
    }

    /// The record of the entry `name` in `container` of `file`, if install left one.
    public func record(file: String, container: [String], name: String) -> InstallRecord? {
        (try? read())?[file]?[Self.key(container: container, name: name)]
    }

    /// Adds what an install created to the entry's record, or, `replacing`, makes it the record.
    public func add(_ record: InstallRecord, file: String, container: [String], name: String, replacing: Bool = false) throws(SetupError) {
        let key = Self.key(container: container, name: name)
        guard !record.isEmpty || (replacing && self.record(file: file, container: container, name: name) != nil) else { return }
        try update { all in
            let merged = replacing ? record : (all[file]?[key].map { $0.merged(with: record) } ?? record)
            all[file, default: [:]][key] = merged.isEmpty ? nil : merged
            if all[file]?.isEmpty == true { all[file] = nil }
        }
    }

    /// Forgets the entry's record (after uninstall).
    public func remove(file: String, container: [String], name: String) throws(SetupError) {
        guard record(file: file, container: container, name: name) != nil else { return }
        try update { all in
            all[file]?[Self.key(container: container, name: name)] = nil
            if all[file]?.isEmpty == true { all[file] = nil }
        }
    }

    private func read() throws -> [String: [String: InstallRecord]] {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return [:] }
        return try JSONDecoder().decode([String: [String: InstallRecord]].self, from: data)
    }

    /// Reads, changes and writes the ledger under an exclusive lock on `<path>.lock`.
    private func update(_ change: (inout [String: [String: InstallRecord]]) -> Void) throws(SetupError) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw SetupError("\(folder): cannot create mcp-setup's state folder (\(error.localizedDescription))")
        }
        let lock = open(path + ".lock", O_RDWR | O_CREAT, 0o600)
        guard lock >= 0 else { throw SetupError("\(path).lock: cannot be opened (\(String(cString: strerror(errno))))") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw SetupError("\(path).lock: cannot be locked (\(String(cString: strerror(errno))))") }
        defer { flock(lock, LOCK_UN) }
        var all: [String: [String: InstallRecord]]
        do { all = try read() } catch { throw SetupError("\(path): not a record mcp-setup can read; move it away") }
        change(&all)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(all) else { throw SetupError("\(path): the record cannot be written") }
        // A new file, 0600 from its creation, written and synced, then renamed over the old one.
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw SetupError("\(folder): cannot write mcp-setup's install record (\(String(cString: strerror(errno))))") }
        let written = data.withUnsafeBytes { buffer in write(descriptor, buffer.baseAddress, buffer.count) == buffer.count }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw SetupError("\(path): cannot be replaced (\(String(cString: strerror(errno))))")
        }
    }
}
