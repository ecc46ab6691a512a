import ArgumentParser
import Foundation
import MCPSetup
import MCPSetupDoctor
import MCPSetupInstall

/// `mcp-setup doctor`: proves a key works against the live server, or finds what is wrong in
/// the entry a client would use.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check that a key works against the live server, or what is wrong in a client's entry.",
        discussion: """
        Sends what a client sends: a 2026-07-28 server/discover, the legacy initialize handshake
        for older servers, a legacy SSE check when the URL is one; on a refusal it reads the
        WWW-Authenticate challenge and protected-resource metadata to tell a wrong key from a
        server that wants OAuth. The key is never printed.

        Examples:
          pass show acme | mcp-setup doctor --token-stdin
          mcp-setup doctor --token-env ACME_API_KEY --format json
          mcp-setup doctor --client cursor                # the entry Cursor would use, tested as sent
          mcp-setup doctor --client vscode --token-stdin  # VS Code prompts for the key: give it here

        Exit codes: 0 ok; 2 bad input; 3 auth (auth_required, invalid_key, forbidden,
        oauth_required); 4 unreachable (unreachable, tls, timeout); 5 server (not_found,
        legacy_sse, redirect, protocol_mismatch, server_error); 6 client entry (no_entry,
        wrong_root_key, unset_variable, key_whitespace, entry_untestable).
        """
    )

    @OptionGroup(title: "Server")
    var server: ServerOptions

    @Flag(name: .long, help: "Read the key from standard input (asks without echo on a terminal).")
    var tokenStdin = false

    @Option(name: .long, help: ArgumentHelp("Read the key from a file (one line).", valueName: "path"))
    var tokenFile: String?

    @Option(name: .long, help: ArgumentHelp("Read the key from this environment variable.", valueName: "var"))
    var tokenEnv: String?

    @Option(name: .long, help: ArgumentHelp("Test the entry this client would use (its config files, user then project scope): \(ClientCatalog.standard.ids.joined(separator: ", ")).", valueName: "id"))
    var client: String?

    @Option(name: .long, help: ArgumentHelp("With --client: user or project (default: user, then project).", valueName: "scope"))
    var scope: String?

    @Option(name: .long, help: ArgumentHelp("With --client: the project folder (default: the current folder).", valueName: "dir"))
    var project: String?

    @Option(name: .long, help: ArgumentHelp("Seconds each request may take (default 10).", valueName: "seconds"))
    var timeout: Double = 10

    @Option(name: .long, help: ArgumentHelp("Trust the certificates in this PEM file too (a server with its own CA).", valueName: "file"))
    var caFile: String?

    @Option(name: .long, help: ArgumentHelp("text (default) or json (one object with every step and a stable code).", valueName: "format"))
    var format: String = "text"

    func run() async throws {
        try await check()
    }

    /// Runs the checks and prints the report (named apart from `run` so a synchronous caller's
    /// overload cannot be picked by mistake).
    func check() async throws {
        guard format == "text" || format == "json" else { throw SetupError("--format '\(format)' is not a format; use text or json") }
        guard timeout > 0, timeout <= 600 else { throw SetupError("--timeout \(timeout) is out of range; give seconds between 0.1 and 600") }
        let key = try readKey()
        let (input, _) = try server.loadInput()
        let catalog = ClientCatalog.standard
        var doctor = Doctor(timeoutSeconds: timeout, caFile: caFile, clientVersion: MCPSetupVersion.current)
        let report: DoctorReport
        if let client {
            guard let entry = catalog.clients.first(where: { $0.id == client }) else {
                throw SetupError("--client '\(client)' is not a client; use one of: \(catalog.ids.joined(separator: ", "))")
            }
            if entry.group == .chat { doctor.cloudClient = entry.title }
            if entry.fallsBackToSSE { doctor.sseFallbackClient = entry.title }
            if InstallTargets.installableClients(catalog).contains(client) {
                report = try await checkEntry(of: entry, input: input, key: key, doctor: doctor)
            } else {
                let profile = try input.profile()
                let note = DoctorReport.Step(name: "entry", status: .ok, detail: "\(entry.title) keeps its servers in its own settings; testing the server as configured here")
                report = try await doctor.check(ProbeTarget(profile: profile, key: key), client: entry.title, entrySteps: [note])
            }
        } else {
            let profile = try input.profile()
            report = try await doctor.check(ProbeTarget(profile: profile, key: key))
        }
        Output.write(format == "json" ? report.json : report.text)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    private func checkEntry(of client: any Client, input: ProfileInput, key: Secret?, doctor: Doctor) async throws -> DoctorReport {
        guard let name = input.name?.value else {
            throw SetupError("--client \(client.id) needs the server's name: --name NAME, or a mcp-setup.yml with name:")
        }
        var parsedScope: InstallTarget.Scope?
        if let scope {
            guard let value = InstallTarget.Scope(rawValue: scope) else { throw SetupError("--scope '\(scope)' is not a scope; use user or project") }
            parsedScope = value
        }
        let targets = InstallTargets(projectDirectory: project.map { ($0 as NSString).expandingTildeInPath } ?? FileManager.default.currentDirectoryPath)
        let finding = try ClientEntry(clientID: client.id, name: name, scope: parsedScope, targets: targets, key: key).read()
        guard let target = finding.target else {
            var report = DoctorReport(url: "", client: client.title, steps: finding.steps)
            if let problem = finding.problem {
                report.code = problem.code
                report.fix = problem.fix
            }
            return report
        }
        var report = try await doctor.check(target, client: client.title, entrySteps: finding.steps)
        if let problem = finding.problem {
            // The entry's problem explains a refused key, or stands when the server took the
            // request anyway (as a warning); a network or server failure keeps its own code.
            if report.code == .ok {
                // The server took the request anyway: what the entry lacks is not needed.
                report.steps = report.steps.map { step in
                    var step = step
                    if step.name == "variables", step.status == .failed { step.status = .warning }
                    return step
                }
            } else if report.code.exitCode == DoctorCode.invalidKey.exitCode {
                report.code = problem.code
                report.fix = problem.fix
            }
        }
        return report
    }

    private func readKey() throws(SetupError) -> Secret? {
        let given = [tokenStdin ? "--token-stdin" : nil, tokenFile.map { _ in "--token-file" }, tokenEnv.map { _ in "--token-env" }].compactMap { $0 }
        if given.count > 1 { throw SetupError("\(given.joined(separator: " and ")) cannot be combined; give the key one way") }
        if tokenStdin { return try Secret(try TerminalInput.readKey(prompt: "API key: ")) }
        if let tokenFile { return try Secret(try TerminalInput.readKeyFile(tokenFile)) }
        if let tokenEnv {
            guard let value = ProcessInfo.processInfo.environment[tokenEnv], !value.isEmpty else {
                throw SetupError("--token-env \(tokenEnv): the variable is not set; export it, or use --token-stdin")
            }
            return try Secret(value)
        }
        return nil
    }
}
