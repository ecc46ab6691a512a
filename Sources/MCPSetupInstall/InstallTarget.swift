import Foundation
import MCPSetup

/// Where an install goes: the config file of a client at a scope, its syntax, and the key path
/// of the object that holds its servers.
public struct InstallTarget: Sendable, Hashable {
    /// `user` (every project) or `project` (the current folder).
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// The user's own config file.
        case user
        /// The project's config file, relative to the project folder.
        case project
    }

    /// The client id.
    public let clientID: String
    /// The scope.
    public let scope: Scope
    /// The config file, absolute.
    public let path: String
    /// The file's syntax.
    public let format: FileFormat
    /// The keys from the root to the object that holds the servers (`["mcpServers"]`).
    public let container: [String]
    /// The server's key in that object.
    public let name: String
    /// The entry to write (the server's value), when installing.
    public let entry: PlainValue
    /// The whole file, when the file does not exist yet.
    public let newFile: String
    /// Lists at the root merged item by item (VS Code's `inputs`), with the key naming an item.
    public let rootItems: [String: (items: [PlainValue], idKey: String)]
    /// The folder the path was found from (HOME, CODEX_HOME, APPDATA, the project folder),
    /// which must exist: an install creates folders below it, never the folder itself.
    public var baseFolder: BaseFolder?
    /// The root lists install merges item by item, as the client declares them.
    public var sharedLists: [InstallSpec.SharedList] = []

    /// A folder a path was resolved from, and what to call it in a message.
    public struct BaseFolder: Sendable, Hashable {
        /// The folder.
        public var path: String
        /// `HOME`, `CODEX_HOME`, `the project folder`, …
        public var name: String
        /// How to fix a missing folder.
        public var fix: String

        /// Throws unless the folder exists.
        public func requireExists() throws(SetupError) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw SetupError("\(name) (\(path)) is not an existing folder; \(fix); nothing was written")
            }
        }
    }

    /// Two targets are the same when they write the same thing to the same place.
    public static func == (lhs: InstallTarget, rhs: InstallTarget) -> Bool {
        lhs.path == rhs.path && lhs.container == rhs.container && lhs.name == rhs.name && lhs.entry == rhs.entry && lhs.newFile == rhs.newFile
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(container)
        hasher.combine(name)
    }
}

/// Finds a client's config file and the entry to merge into it, from the same artifacts
/// `mcp-setup render` prints.
public struct InstallTargets: Sendable {
    /// The operating system whose paths are used: `linux`, `macos` or `windows`.
    public let os: String
    /// The environment: `HOME`, `XDG_CONFIG_HOME`, `CODEX_HOME`, `COPILOT_HOME`, `APPDATA`, `USERPROFILE`.
    public let environment: [String: String]
    /// The project folder for project scope.
    public let projectDirectory: String

    /// Creates a resolver.
    public init(os: String = InstallTargets.currentOS, environment: [String: String] = ProcessInfo.processInfo.environment, projectDirectory: String = FileManager.default.currentDirectoryPath) {
        self.os = os
        self.environment = environment
        self.projectDirectory = projectDirectory
    }

    /// The system this process runs on.
    public static var currentOS: String {
        #if os(macOS)
        return "macos"
        #elseif os(Windows)
        return "windows"
        #else
        return "linux"
        #endif
    }

    /// The clients that have a config file mcp-setup can merge into.
    public static func installableClients(_ catalog: ClientCatalog = .standard) -> [String] {
        catalog.clients.filter { catalog.capabilities[$0.id]?.installable == true }.map(\.id)
    }

    /// The installable clients that look installed on this machine: one of their user-scope
    /// config files exists, or the folder it lives in does (a client's own folder, not HOME).
    public func detectedClients(_ catalog: ClientCatalog = .standard) -> [String] {
        guard let request = try? Self.placeholderRequest(name: "example") else { return [] }
        let home = environment["HOME"].map { ($0 as NSString).standardizingPath }
        return Self.installableClients(catalog).filter { id in
            guard let artifacts = try? SetupGenerator(catalog: catalog).render(request, clientIDs: [id]).flatMap(\.artifacts) else { return false }
            let homes = catalog.clients.first { $0.id == id }?.configHomes ?? []
            let paths = artifacts.filter { $0.install != nil }.flatMap { $0.paths + ($0.install?.extraPaths ?? []) }
            return paths.contains { location in
                guard location.scope == "user", location.os == os || location.os == "any",
                      let (path, _) = try? resolve(location.path, scope: .user, homes: homes) else { return false }
                let folder = ((path as NSString).deletingLastPathComponent as NSString).standardizingPath
                return FileManager.default.fileExists(atPath: path) || (folder != home && FileManager.default.fileExists(atPath: folder))
            }
        }
    }

    static func placeholderRequest(name: String) throws(SetupError) -> SetupRequest {
        try SetupRequest(profile: try ServerProfile(name: name, endpoint: "https://mcp.example.invalid/mcp", auth: .none), credential: .none)
    }

    /// The target for installing `request` into a client's file. `artifactID` picks among a
    /// client's file artifacts (for example `claude-desktop/config-uvx`). An entry that would
    /// hold the placeholder where the key belongs (a reference the client cannot resolve) is
    /// refused, unless `placeholderAllowed`: a read-only comparison that matches any key there.
    public func target(clientID: String, scope: InstallTarget.Scope?, request: SetupRequest, artifactID: String? = nil, placeholderAllowed: Bool = false, catalog: ClientCatalog = .standard) throws -> InstallTarget {
        let artifacts = try SetupGenerator(catalog: catalog).render(request, clientIDs: [clientID]).flatMap(\.artifacts)
        let files = artifacts.filter { $0.kind == .file && $0.format != nil && (artifactID == nil || $0.id == artifactID) }
        if let artifactID, files.isEmpty {
            throw SetupError("--artifact \(artifactID) is not a config file of \(clientID); use one of: \(artifacts.filter { $0.kind == .file }.map(\.id).joined(separator: ", "))")
        }
        guard !files.isEmpty else {
            throw SetupError("\(clientID) has no config file to merge into; use mcp-setup render --client \(clientID) and follow its instructions")
        }
        let homes = catalog.clients.first { $0.id == clientID }?.configHomes ?? []
        let scopes = scope.map { [$0] } ?? [.user, .project]
        for wanted in scopes {
            for artifact in files {
                guard let install = artifact.install else { continue }
                let paths = artifact.paths + install.extraPaths
                let locations = paths.filter { $0.scope == wanted.rawValue && ($0.os == os || $0.os == "any") }
                guard !locations.isEmpty else { continue }
                guard artifact.isAvailable, let content = artifact.content, let document = artifact.document else {
                    throw SetupError("\(artifact.id) is not available for this server and key: \(artifact.unavailableReason ?? "")")
                }
                // A live config gets the key or a reference the client resolves, never a stand-in.
                if document.containsSecret && !request.holdsRealKey && !placeholderAllowed {
                    throw Self.unresolvableKey(client: catalog.clients.first { $0.id == clientID }, clientID: clientID, request: request)
                }
                let renderer = TextRenderer(secret: request.secretText)
                let value: PlainValue
                switch document {
                case .json(let v), .jsonc(let v), .yaml(let v), .toml(let v): value = try renderer.plain(v)
                default: continue
                }
                guard let entry = Self.entry(request.profile.name, in: value, install: install) else {
                    throw InternalError(subject: artifact.id, message: "the file artifact has no entry named \(request.profile.name) where its install declaration says")
                }
                let container = install.container
                var rootItems: [String: (items: [PlainValue], idKey: String)] = [:]
                for list in install.sharedLists {
                    if case .array(let items)? = value[list.key] { rootItems[list.key] = (items, list.idKey) }
                }
                let (path, base) = try choose(locations, scope: wanted, homes: homes)
                return InstallTarget(
                    clientID: clientID, scope: wanted, path: path,
                    format: artifact.format!, container: container, name: request.profile.name, entry: entry,
                    newFile: content, rootItems: rootItems, baseFolder: base, sharedLists: install.sharedLists
                )
            }
        }
        let allPaths = files.flatMap { $0.paths + ($0.install?.extraPaths ?? []) }
        let available = Set(allPaths.filter { $0.os == os || $0.os == "any" }.map(\.scope)).sorted()
        if let scope, !available.isEmpty {
            throw SetupError("\(clientID) has no \(scope.rawValue)-scope config file on \(os); use --scope \(available.joined(separator: " or --scope "))")
        }
        let systems = Set(allPaths.map(\.os)).subtracting(["any", os]).sorted()
        throw SetupError("\(clientID) has no config file on \(os)" + (systems.isEmpty ? "" : "; it has one on \(systems.joined(separator: " and ")) (--os \(systems[0]))"))
    }

    /// The refusal for a request whose key the client's file cannot reference: the file would
    /// hold a placeholder where the key belongs, and the client would fail with 401.
    static func unresolvableKey(client: (any Client)?, clientID: String, request: SetupRequest) -> SetupError {
        let title = client?.title ?? clientID
        let what: String
        switch request.credential {
        case .environment(let variable): what = "cannot read the environment variable \(variable) from its config file"
        case .prompt: what = "cannot ask for the key itself and reads no environment variable from its config file"
        default: what = "would get a placeholder instead of the key"
        }
        let prompt = client?.promptsForKey == true
        return SetupError(
            "\(title) \(what); install it with the key itself (credential .inline, written into a 0600 file)" + (prompt ? " or credential .prompt" : "") + "; nothing was written",
            commandLine: "\(title) \(what); give the key with --token-stdin or --token-file (it is written into a 0600 file)" + (prompt ? ", or use --prompt" : "") + "; nothing was written")
    }

    /// The fields mcp-setup writes in a client's entry over every auth scheme, credential mode
    /// and transport: the fields the client reads for a remote server.
    public static func entryFields(clientID: String, catalog: ClientCatalog = .standard) -> Set<String> {
        var fields: Set<String> = []
        let schemes: [AuthScheme] = [.bearer, .header(name: "X-API-Key"), .query(parameter: "key"), .oauth, .none]
        let credentials: [Credential] = [.environment(variable: "EXAMPLE_API_KEY"), .placeholder, .prompt, .none]
        for scheme in schemes {
            for transport in Transport.allCases {
                guard let profile = try? ServerProfile(name: "example", endpoint: "https://mcp.example.invalid/mcp", transport: transport, auth: scheme) else { continue }
                for credential in credentials {
                    guard let request = try? SetupRequest(profile: profile, credential: credential),
                          let artifacts = try? SetupGenerator(catalog: catalog).render(request, clientIDs: [clientID]).flatMap(\.artifacts) else { continue }
                    for artifact in artifacts {
                        guard let install = artifact.install, let document = artifact.document else { continue }
                        let value: PlainValue?
                        switch document {
                        case .json(let v), .jsonc(let v), .yaml(let v), .toml(let v): value = try? TextRenderer(secret: request.secretText).plain(v)
                        default: value = nil
                        }
                        if let value, case .object(let members)? = entry("example", in: value, install: install) {
                            fields.formUnion(members.map(\.key))
                        }
                    }
                }
            }
        }
        return fields
    }

    /// The target for removing the server `name` from a client's file.
    public func removalTarget(clientID: String, scope: InstallTarget.Scope?, name: String, artifactID: String? = nil) throws -> InstallTarget {
        try target(clientID: clientID, scope: scope, request: try Self.placeholderRequest(name: name), artifactID: artifactID)
    }

    /// The server's entry in a rendered file, where the install declaration says it is: the
    /// member `name` of the container, or for a listed container the item whose `name` it is
    /// (without that `name`, as YAML editors store it).
    static func entry(_ name: String, in value: PlainValue, install: InstallSpec) -> PlainValue? {
        var node = value
        for key in install.container {
            guard let next = node[key] else { return nil }
            node = next
        }
        if install.listed {
            guard case .array(let items) = node, let item = items.first(where: { $0["name"]?.stringValue == name }) else { return nil }
            return YAMLEditor.withoutName(item)
        }
        return node[name]
    }

    /// The file among a client's places for one system and scope (Claude Desktop's MSIX and
    /// classic Windows folders): the first whose file exists, else the first whose folder
    /// exists, else the first that resolves.
    func choose(_ locations: [ConfigPath], scope: InstallTarget.Scope, homes: [ConfigHome]) throws(SetupError) -> (String, InstallTarget.BaseFolder) {
        var resolved: [(String, InstallTarget.BaseFolder)] = []
        var firstError: SetupError?
        for location in locations {
            do { resolved.append(try resolve(location.path, scope: scope, homes: homes)) } catch { firstError = firstError ?? error }
        }
        guard let first = resolved.first else { throw firstError ?? SetupError("no config file path") }
        guard resolved.count > 1 else { return first }
        let folder = { (path: String) in (path as NSString).deletingLastPathComponent }
        return resolved.first { FileManager.default.fileExists(atPath: $0.0) }
            ?? resolved.first { FileManager.default.fileExists(atPath: folder($0.0)) }
            ?? first
    }

    /// Expands `~`, `~/.config` (XDG_CONFIG_HOME), the client's own folders (`CODEX_HOME`,
    /// `COPILOT_HOME`, `CLAUDE_CONFIG_DIR`) and `%VAR%`, and puts project paths under the
    /// project folder.
    func resolve(_ path: String, scope: InstallTarget.Scope, homes: [ConfigHome] = []) throws(SetupError) -> (String, InstallTarget.BaseFolder) {
        let setIt = "set it to the folder the client uses"
        if scope == .project && !path.hasPrefix("~") && !path.hasPrefix("%") {
            return ((projectDirectory as NSString).appendingPathComponent(path), .init(path: projectDirectory, name: "the project folder", fix: "pass --project with an existing folder"))
        }
        var path = path
        if path.contains("%") {
            var base: InstallTarget.BaseFolder?
            while let start = path.range(of: "%"), let end = path[start.upperBound...].range(of: "%") {
                let name = String(path[start.upperBound..<end.lowerBound])
                guard let value = environment[name], !value.isEmpty else {
                    throw SetupError("\(name) is not set; it locates \(path) (set it, or choose another --os)")
                }
                if base == nil { base = .init(path: value.replacingOccurrences(of: "\\", with: "/"), name: name, fix: setIt) }
                path.replaceSubrange(start.lowerBound..<end.upperBound, with: value)
            }
            let resolved = path.replacingOccurrences(of: "\\", with: "/")
            return (resolved, base ?? .init(path: (resolved as NSString).deletingLastPathComponent, name: "the folder", fix: setIt))
        }
        guard path.hasPrefix("~") else { return (path, .init(path: (path as NSString).deletingLastPathComponent, name: "the folder", fix: setIt)) }
        guard let home = environment["HOME"], !home.isEmpty else {
            throw SetupError("HOME is not set; it locates \(path)")
        }
        for home in homes {
            if let (moved, folder) = home.moved(path, environment: environment) {
                return (moved, .init(path: folder, name: home.variable, fix: setIt))
            }
        }
        let homeFolder = InstallTarget.BaseFolder(path: home, name: "HOME", fix: setIt)
        if os == "linux", path.hasPrefix("~/.config/"), let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return (config + "/" + path.dropFirst("~/.config/".count), homeFolder)
        }
        return (home + path.dropFirst(), homeFolder)
    }
}
