import ArgumentParser
import Foundation
import MCPSetup
import MCPSetupInstall

/// `mcp-setup list`: which clients on this machine have the server, and whether their entry is
/// what `install` would write now.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show which clients' config files on this machine hold the server, and whether each entry is current.",
        discussion: """
        For every client mcp-setup can install into (or those given with --client), at user \
        scope and, with --scope project, in the project folder: the file, and whether its entry \
        matches what mcp-setup install would write now. Without a key option an entry matches \
        whether it holds a key or references one; with one (--token-env VAR, --prompt, or the \
        key), it must be exactly that entry. Reads only.

        Examples:
          mcp-setup list
          mcp-setup list --client cursor,codex --token-env ACME_API_KEY
        """
    )

    @Option(name: .long, help: ArgumentHelp("Only these clients (comma-separated).", valueName: "ids"))
    var client: String?

    @Option(name: .long, help: ArgumentHelp("user (default) or project.", valueName: "scope"))
    var scope: String?

    @Option(name: .long, help: ArgumentHelp("The project folder for --scope project (default: the current folder).", valueName: "dir"))
    var project: String?

    @Option(name: .long, help: ArgumentHelp("Whose paths to use: linux, macos or windows (default: this system).", valueName: "os"))
    var os: String?

    @OptionGroup(title: "Server")
    var server: ServerOptions

    @OptionGroup(title: "Key")
    var key: KeyOptions

    func run() throws {
        var arguments: [String] = []
        for (flag, value) in [("--client", client), ("--scope", scope), ("--project", project), ("--os", os)] {
            if let value { arguments += [flag, value] }
        }
        var location = try InstallLocationOptions.parse(arguments)
        let (targets, wantedScope) = try location.resolver()
        if client == nil { location.client = InstallTargets.installableClients().joined(separator: ",") }
        let ids = try location.clients(targets)
        let (input, _) = try server.loadInput()
        let explicit = !key.given.isEmpty
        let request = try key.request(for: input)
        // With no key option, an entry holding any key, or referencing the variable, is current.
        let referenced = explicit ? nil : try? SetupRequest(profile: request.profile, credential: .environment(variable: request.profile.envVar))
        var rows: [[String]] = []
        for id in ids {
            let target: InstallTarget
            // A client that cannot reference the key (--token-env for Zed) holds the key itself:
            // its entry is compared with any key where the key goes.
            var wildcard = !explicit
            do {
                target = try targets.target(clientID: id, scope: wantedScope ?? .user, request: request, placeholderAllowed: !explicit)
            } catch {
                guard explicit, request.credential.isReference,
                      let keyed = try? targets.target(clientID: id, scope: wantedScope ?? .user, request: request, placeholderAllowed: true) else {
                    continue   // no file at this scope on this system
                }
                target = keyed
                wildcard = true
            }
            var state = InstalledEntry.state(of: target, keyWildcard: wildcard ? request.placeholder : nil)
            if state == .differs, let referenced, let alternative = try? targets.target(clientID: id, scope: wantedScope ?? .user, request: referenced),
               InstalledEntry.state(of: alternative) == .matches {
                state = .matches
            }
            rows.append([id, target.scope.rawValue, Self.describe(state, name: request.profile.name), target.path])
        }
        let header = ["CLIENT", "SCOPE", "STATUS", "FILE"]
        let widths = (0..<3).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            Output.write((0..<3).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row[3] + "\n")
        }
    }

    static func describe(_ state: InstalledEntry.State, name: String) -> String {
        switch state {
        case .noFile: return "no file"
        case .absent: return "not installed"
        case .matches: return "installed, current"
        case .matchesWithKey: return "installed, current (holds a key)"
        case .differs: return "installed, differs (install --force updates it)"
        case .unreadable: return "unreadable file (see install)"
        }
    }
}
