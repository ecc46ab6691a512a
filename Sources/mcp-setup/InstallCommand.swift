import ArgumentParser
import Foundation
import MCPSetup
import MCPSetupInstall

/// Where to install: client, scope, and the machine the paths are for.
struct InstallLocationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The client whose config file to change, or several: cursor,codex,vscode.", valueName: "ids"))
    var client: String?

    @Flag(name: .long, help: "Every client whose config file or folder exists on this machine (user scope).")
    var allDetected = false

    @Option(name: .long, help: ArgumentHelp("user (default where the client has one) or project (the current folder, or --project).", valueName: "scope"))
    var scope: String?

    @Option(name: .long, help: ArgumentHelp("The project folder for --scope project (default: the current folder).", valueName: "dir"))
    var project: String?

    @Option(name: .long, help: ArgumentHelp("Which of the client's config artifacts to use, for example claude-desktop/config-uvx.", valueName: "id"))
    var artifact: String?

    @Option(name: .long, help: ArgumentHelp("Whose paths to use: linux, macos or windows (default: this system; windows paths need APPDATA/USERPROFILE, as under WSL).", valueName: "os"))
    var os: String?

    @Flag(name: .long, help: "Print the change as a unified diff and write nothing (no file or folder is created).")
    var dryRun = false

    @Flag(name: .long, help: "Make no backup of the file (for config files kept under version control).")
    var noBackup = false

    /// The installer with the backup policy the flags ask for, recording what it adds around an
    /// entry in the user's state folder (so uninstall without a backup can take it out again).
    var installer: Installer {
        Installer(keptBackups: noBackup ? 0 : Installer.defaultKeptBackups,
                  ledger: InstallLedger.standard(os: InstallTargets.currentOS, environment: ProcessInfo.processInfo.environment))
    }

    func resolver() throws(SetupError) -> (InstallTargets, InstallTarget.Scope?) {
        var parsedScope: InstallTarget.Scope?
        if let scope {
            guard let value = InstallTarget.Scope(rawValue: scope) else { throw SetupError("--scope '\(scope)' is not a scope; use user or project") }
            parsedScope = value
        }
        if let os, !["linux", "macos", "windows"].contains(os) { throw SetupError("--os '\(os)' is not a system; use linux, macos or windows") }
        let folder = project.map { ($0 as NSString).standardizingPath } ?? FileManager.default.currentDirectoryPath
        return (InstallTargets(os: os ?? InstallTargets.currentOS, projectDirectory: folder), parsedScope)
    }

    /// The clients named by --client (comma-separated) or found by --all-detected, checked.
    func clients(_ targets: InstallTargets) throws(SetupError) -> [String] {
        let installable = InstallTargets.installableClients()
        if allDetected {
            if client != nil { throw SetupError("--client and --all-detected cannot be combined; give one") }
            if artifact != nil { throw SetupError("--artifact names one client's file; use it with one --client, not --all-detected") }
            let found = targets.detectedClients()
            guard !found.isEmpty else { throw SetupError("no client's config folder exists on this machine; name one with --client") }
            return found
        }
        guard let client, !client.isEmpty else { throw SetupError("no client; pass --client ID (for example --client cursor, or several: --client cursor,codex) or --all-detected") }
        var ids: [String] = []
        for id in client.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !ids.contains(id) {
            guard installable.contains(id) else {
                if ClientCatalog.standard.ids.contains(id) {
                    throw SetupError("\(id) has no config file mcp-setup can merge into; use mcp-setup render --client \(id)")
                }
                throw SetupError("--client '\(id)' is not a known client; use one of: \(installable.joined(separator: ", "))")
            }
            ids.append(id)
        }
        if ids.count > 1, artifact != nil { throw SetupError("--artifact names one client's file; give one --client with it") }
        return ids
    }
}

/// `mcp-setup install`: merges the server into a client's config file.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Merge the server into a client's config file, keeping everything else in it.",
        discussion: """
        The file is parsed first (an unparsable file is refused with its line and column); only \
        the server's entry is written, everything else stays byte for byte; a timestamped backup \
        (0600; the newest 5 per file are kept, --no-backup for none) is made beside the file and \
        the file is replaced atomically. An entry of the same name that differs is shown and \
        refused unless --force. Missing files and folders are created; a file that holds a key \
        is made 0600. A key written into a project file (which people commit) is warned about.

        Examples:
          mcp-setup install --client cursor --token-stdin < key.txt
          mcp-setup install --client codex --token-env ACME_API_KEY
          mcp-setup install --client vscode --scope project --prompt --dry-run
        """
    )

    @OptionGroup(title: "Where")
    var location: InstallLocationOptions

    @OptionGroup(title: "Server")
    var server: ServerOptions

    @OptionGroup(title: "Key")
    var key: KeyOptions

    @Flag(name: .long, help: "Replace an entry of the same name that differs.")
    var force = false

    func run() throws {
        let (resolver, scope) = try location.resolver()
        let ids = try location.clients(resolver)
        let (input, _) = try server.loadInput()
        let request = try key.request(for: input)
        if request.credential == .placeholder {
            throw SetupError("install writes a working entry, not a placeholder: give the key with --token-stdin or --token-file, or reference it with --token-env VAR (or --prompt for VS Code)")
        }
        if ids.count == 1 {
            let target = try resolver.target(clientID: ids[0], scope: scope, request: request, artifactID: location.artifact)
            do {
                try report(try location.installer.install(target, force: force, dryRun: location.dryRun, holdsKey: request.holdsRealKey), target: target, request: request, prefix: "")
            } catch let conflict as Installer.Conflict {
                FileHandle.standardError.write(Data(conflict.diff.utf8))
                throw CommandFailure(conflict.description)
            }
            return
        }
        // Several clients: one write (and one backup) per file, one line per client, a summary.
        var failed = 0, changed = 0
        var done: [String: (entry: PlainValue, container: [String], client: String)] = [:]
        for id in ids {
            do {
                let target = try resolver.target(clientID: id, scope: scope, request: request)
                if let earlier = done[target.path] {
                    guard earlier.entry.canonical == target.entry.canonical && earlier.container == target.container else {
                        throw SetupError("\(target.path) is also \(earlier.client)'s file, which wants a different entry; install them one at a time")
                    }
                    Output.error("\(id): same file as \(earlier.client) (\(target.path)); done")
                    continue
                }
                done[target.path] = (target.entry, target.container, id)
                let outcome = try location.installer.install(target, force: force, dryRun: location.dryRun, holdsKey: request.holdsRealKey)
                switch outcome {
                case .written: changed += 1
                case .dryRun(let diff) where !diff.isEmpty: changed += 1
                default: break
                }
                try report(outcome, target: target, request: request, prefix: id + ": ")
            } catch let conflict as Installer.Conflict {
                failed += 1
                Output.error("\(id): \(conflict.description)")
            } catch let error as SetupError {
                failed += 1
                Output.error("\(id): \(error.commandLineMessage)")
            }
        }
        let verb = location.dryRun ? "would change" : "changed"
        let summary = "\(ids.count) clients: \(verb) \(changed), \(failed) failed"
        if failed > 0 { throw CommandFailure(summary) }
        Output.error(summary)
    }

    /// A diff with the request's key, as written raw or inside a JSON string, shown as its mask.
    static func masking(_ diff: String, request: SetupRequest) -> String {
        guard case .inline(let secret) = request.credential else { return diff }
        let quoted = JSONSyntax.quote(secret.rawValue)
        return diff.replacingOccurrences(of: String(quoted.dropFirst().dropLast()), with: secret.masked)
            .replacingOccurrences(of: secret.rawValue, with: secret.masked)
    }

    /// Prints what an install did, each line after `prefix` (the client, when there are several).
    private func report(_ outcome: Installer.Outcome, target: InstallTarget, request: SetupRequest, prefix: String) throws {
        switch outcome {
        case .dryRun(let diff):
            // The diff goes to stdout, often a CI log: the key shows as its mask.
            Output.write(Self.masking(diff, request: request))
            Output.error(prefix + (diff.isEmpty ? "dry run: \(target.path) already holds this entry" : "dry run: nothing was written"))
        case .unchanged:
            Output.error(prefix + "\(target.path) already holds this '\(target.name)' entry; nothing to do")
        case .written(let written):
            Output.error(prefix + "installed '\(target.name)' into \(target.path)" + (written.backup.map { " (backup: \($0))" } ?? ""))
            if let mode = written.narrowedFrom {
                Output.error("note: \(target.path) now holds your key, so its permissions went from \(String(mode & 0o777, radix: 8)) to 600")
            }
            if let reason = written.unrecorded {
                Output.error("note: what install added around the entry was not recorded (\(reason)); uninstall will restore the backup, or leave those additions")
            }
        case .deleted:
            break
        }
        if case .written = outcome, request.holdsRealKey {
            for line in ProjectFileWarning.lines(for: target.path, projectScope: target.scope == .project) { Output.error(line) }
        }
    }
}

/// `mcp-setup uninstall`: takes the server out of a client's config file.
struct UninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove a server from a client's config file, keeping everything else in it.",
        discussion: """
        Right after an install, the file comes back byte for byte as it was. A backup is made \
        first (--no-backup for none); the backups that still hold the entry, and so perhaps its \
        key, are listed. The server's name comes from --name, or from mcp-setup.yml as for install.
        """
    )

    @OptionGroup(title: "Where")
    var location: InstallLocationOptions

    @Option(name: .long, help: ArgumentHelp("The server's name in the config file (default: the name in the config file).", valueName: "name"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("The config file that names the server (default: ./mcp-setup.yml when present).", valueName: "file"))
    var config: String?

    /// The name from --name, or from the config file, as install reads it.
    func serverName() throws(SetupError) -> String {
        if let name { return name }
        let server: ServerOptions
        do { server = try ServerOptions.parse(config.map { ["--config", $0] } ?? []) } catch { throw SetupError("--config: \(error)") }
        let (input, _) = try server.loadInput()
        guard let name = input.name?.value else {
            throw SetupError("no server name; pass --name (for example --name acme) or run in a folder whose mcp-setup.yml has name:")
        }
        return name
    }

    func run() throws {
        let (resolver, scope) = try location.resolver()
        let name = try serverName()
        let ids = try location.clients(resolver)
        var failed = 0
        var seen = Set<String>()
        for id in ids {
            let prefix = ids.count > 1 ? id + ": " : ""
            do {
                let target = try resolver.removalTarget(clientID: id, scope: scope, name: name, artifactID: location.artifact)
                guard seen.insert(target.path).inserted else {
                    Output.error(prefix + "same file as an earlier client (\(target.path)); done")
                    continue
                }
                try remove(target, name: name, prefix: prefix)
            } catch let error as SetupError where ids.count > 1 {
                failed += 1
                Output.error(prefix + error.commandLineMessage)
            }
        }
        if ids.count > 1 {
            let summary = "\(ids.count) clients: \(failed) failed"
            if failed > 0 { throw CommandFailure(summary) }
            Output.error(summary)
        }
    }

    private func remove(_ target: InstallTarget, name: String, prefix: String) throws {
        let installer = location.installer
        switch try installer.uninstall(target, dryRun: location.dryRun) {
        case .dryRun(let diff):
            Output.write(diff)
            Output.error(prefix + (diff.isEmpty ? "dry run: \(target.path) has no '\(name)' entry" : "dry run: nothing was written"))
        case .unchanged:
            Output.error(prefix + "\(target.path) has no '\(name)' entry; nothing to do")
        case .written(let written):
            Output.error(prefix + "removed '\(name)' from \(target.path)" + (written.backup.map { " (backup: \($0))" } ?? ""))
            Self.reportCopies(written.copiesLeft, name: name)
        case .deleted:
            Output.error(prefix + "removed '\(name)' and the file \(target.path), which held nothing else")
            Self.reportCopies(installer.backupsHolding(target), name: name)
        }
    }

    /// Says where copies of the removed entry (and any key it held) still are.
    static func reportCopies(_ copies: [String], name: String) {
        guard !copies.isEmpty else { return }
        let files = copies.count == 1 ? "a backup still holds" : "\(copies.count) backups still hold"
        Output.error("note: \(files) the '\(name)' entry, with its key if it had one; delete \(copies.count == 1 ? "it" : "them") when you no longer need \(copies.count == 1 ? "it" : "them"): \(copies.joined(separator: " "))")
    }
}
