import Foundation
import MCPSetup
import Testing
@testable import MCPSetupInstall
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `mcp-setup` binary run as separate processes: killed with SIGKILL at random moments
/// (the config file must be exactly the old bytes or exactly the new bytes, and parse), and run
/// eight at a time against one file (every entry must land, and uninstalling them all must give
/// back the original bytes).
@Suite("mcp-setup install: processes killed mid-write and run concurrently", .serialized)
struct InstallProcessTests {
    /// A real-looking config file, padded so reading, checking and writing it take measurable time.
    struct Scenario: CustomStringConvertible {
        let client: String
        let format: FileFormat
        /// Where the file lives, relative to the trial's folder.
        let path: String
        /// The keys to the object that holds the servers.
        let container: String
        let arguments: [String]
        let original: [UInt8]
        var description: String { client }
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) -> String {
        (try? String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    /// A JSON or JSONC file with `count` projects added as its first member (the shape of a
    /// long-used ~/.claude.json).
    static func padded(json text: String, count: Int) -> [UInt8] {
        guard count > 0 else { return Array(text.utf8) }
        let brace = text.firstIndex(of: "{")!
        let projects = (0..<count).map { "    \"/home/dev/work/project-\($0)\": {\"allowedTools\": [], \"history\": [\"fix the tests in \($0)\", \"run make\"], \"hasTrustDialogAccepted\": true}" }
        return Array((String(text[...brace]) + "\n  \"projectsArchive\": {\n" + projects.joined(separator: ",\n") + "\n  }," + String(text[text.index(after: brace)...])).utf8)
    }

    static let server = ["--name", "acme", "--endpoint", "https://mcp.acme.dev/mcp"]

    /// The scenarios, their files padded with `size` projects (0: the fixtures as they are).
    static func scenarios(size: Int) -> [Scenario] {
        [
            Scenario(client: "claude-code", format: .json, path: "home/.claude.json", container: "mcpServers",
                     arguments: ["install", "--client", "claude-code", "--scope", "user", "--token", "sk_live_killtest_0123456789"],
                     original: padded(json: fixture("claude.json"), count: size)),
            Scenario(client: "codex", format: .toml, path: "home/.codex/config.toml", container: "mcp_servers",
                     arguments: ["install", "--client", "codex", "--token-env", "ACME_API_KEY"],
                     original: Array((fixture("codex-config.toml") + (0..<(size * 2)).map { "\n[projects.\"/home/dev/work/project-\($0)\"]\ntrust_level = \"trusted\"\n" }.joined()).utf8)),
            Scenario(client: "zed", format: .jsonc, path: "home/.config/zed/settings.json", container: "context_servers",
                     arguments: ["install", "--client", "zed", "--token", "sk_live_killtest_0123456789"],
                     original: padded(json: fixture("zed-settings.json"), count: size)),
            Scenario(client: "goose", format: .yaml, path: "home/.config/goose/config.yaml", container: "extensions",
                     arguments: ["install", "--client", "goose", "--token", "sk_live_killtest_0123456789"],
                     original: Array((fixture("goose-config.yaml") + (0..<(size * 2)).map { "GOOSE_RECENT_\($0): /home/dev/work/project-\($0)\n" }.joined()).utf8)),
            Scenario(client: "vscode", format: .json, path: "project/.vscode/mcp.json", container: "servers",
                     arguments: ["install", "--client", "vscode", "--scope", "project", "--project", "PROJECT", "--prompt"],
                     original: padded(json: fixture("vscode-mcp.json"), count: size)),
        ]
    }

    static let trialsPerScenario = 44
    /// Projects added to each file: 80 makes the JSON files about 11 KB (a debug build takes
    /// about 80 ms to read, check and write one).
    static let padding = 80

    @Test("SIGKILL at random moments: the file is the old bytes or the new bytes, never anything else")
    func killed() throws {
        let binary = try #require(Self.binary, "build mcp-setup first (swift build)")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-setup-kill-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        var tally = (trials: 0, finishedFirst: 0, beforeBackup: 0, afterBackup: 0, afterRename: 0, temporaryFiles: 0)
        var generator = SystemRandomNumberGenerator()
        var windows: [String] = []
        var prepared: [(Scenario, [UInt8], Timeline)] = []
        for scenario in Self.scenarios(size: Self.padding) {
            // The new bytes, and how long an uninterrupted run takes, from runs in other folders.
            var timelines: [Timeline] = []
            var expected: [UInt8]?
            for run in 0..<3 {
                let folder = root + "/\(scenario.client)-reference-\(run)"
                let file = try Self.prepare(scenario, in: folder)
                let (status, timeline) = try Self.timedRun(binary, Self.arguments(scenario, folder: folder), home: folder + "/home", watching: file)
                timelines.append(timeline)
                #expect(status.exitCode == 0, "\(scenario): uninterrupted run exited \(status)")
                let bytes = try #require(FileManager.default.contents(atPath: file).map(Array.init))
                if let expected { #expect(bytes == expected, "\(scenario): two uninterrupted runs differ") }
                expected = bytes
            }
            let new = try #require(expected)
            #expect(new != scenario.original)
            let timeline = timelines.sorted { $0.exit < $1.exit }[1]
            // A poll that wakes late on a loaded machine sees the first write and the rename at
            // once, so the two may be equal; their order is what matters.
            #expect(timeline.firstWrite <= timeline.rename && timeline.rename <= timeline.exit, "\(scenario): \(timeline)")

            windows.append("\(scenario) \(scenario.original.count) bytes, \(timeline)")
            prepared.append((scenario, new, timeline))
        }
        // Rounds of one trial per scenario. Kills are timed from the reference runs, so on a
        // loaded machine more processes finish before their kill; extra rounds (up to three times
        // as many) then run until enough kills have landed mid-run.
        var trial = 0
        while trial < Self.trialsPerScenario || (tally.beforeBackup + tally.afterBackup + tally.afterRename < 150 && trial < Self.trialsPerScenario * 3) {
            defer { trial += 1 }
            for (scenario, new, timeline) in prepared {
                let folder = root + "/\(scenario.client)-\(trial)"
                let file = try Self.prepare(scenario, in: folder)
                // A quarter of the kills at a random moment of the whole run; the others 0 to 2.5
                // ms after the process first writes beside the config file (the backup's
                // temporary file): the backup's write, fsync and rename, then the new file's, take
                // about 2 ms. Run times vary by more than that, so these kills follow the process.
                let focused = trial % 4 != 0
                let delay = focused ? Double.random(in: 0...0.0025, using: &generator) : Double.random(in: 0...timeline.exit, using: &generator)
                let pid = try Self.spawn(binary, Self.arguments(scenario, folder: folder), home: folder + "/home")
                var status: Status
                if focused, let ended = Self.waitForWrite(beside: file, pid: pid) {
                    status = ended
                } else {
                    usleep(UInt32(delay * 1e6))
                    kill(pid, SIGKILL)
                    status = Self.wait(pid)
                }
                tally.trials += 1

                let label = "\(scenario) trial \(trial), kill \(String(format: "%.1f", delay * 1000)) ms after \(focused ? "the first write" : "the start") (\(timeline))"
                let bytes = try #require(FileManager.default.contents(atPath: file).map(Array.init), "\(label): the file is gone")
                let folderPath = (file as NSString).deletingLastPathComponent
                let name = (file as NSString).lastPathComponent
                let siblings = try FileManager.default.contentsOfDirectory(atPath: folderPath)
                let backups = siblings.filter { $0.hasPrefix(name + ".mcp-setup-backup-") && !$0.hasSuffix(".tmp") }
                let temporary = siblings.filter { $0.hasPrefix(".") && $0.contains(".mcp-setup-") && $0.hasSuffix(".tmp") }
                tally.temporaryFiles += temporary.count
                #expect(siblings.count == 1 + backups.count + temporary.count, "\(label): unexpected files \(siblings)")
                for backup in backups {
                    #expect(FileManager.default.contents(atPath: folderPath + "/" + backup).map(Array.init) == scenario.original, "\(label): a backup is not the old file")
                }
                let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) ?? 0
                #expect(mode == 0o600, "\(label): mode \(String(mode, radix: 8))")

                let editor = try ConfigEditors.open(bytes, format: scenario.format, path: file)
                _ = try editor.document()
                let holdsEntry = try editor.entry(container: [scenario.container], name: "acme") != nil
                if bytes == scenario.original {
                    #expect(!holdsEntry)
                    if status.signal == SIGKILL { if backups.isEmpty { tally.beforeBackup += 1 } else { tally.afterBackup += 1 } }
                } else if bytes == new {
                    #expect(holdsEntry)
                    if status.signal == SIGKILL { tally.afterRename += 1 }
                } else {
                    Issue.record("\(label): the file is neither the old nor the new bytes (\(bytes.count) bytes, old \(scenario.original.count), new \(new.count))")
                }
                if status.signal != SIGKILL {
                    #expect(status.exitCode == 0 && bytes == new, "\(label): finished with \(status)")
                    tally.finishedFirst += 1
                }
                try? FileManager.default.removeItem(atPath: folder)
            }
        }
        let killed = tally.beforeBackup + tally.afterBackup + tally.afterRename
        print("fault injection: \(windows.joined(separator: "; "))")
        print("fault injection: \(tally.trials) trials, \(killed) killed mid-run: \(tally.beforeBackup + tally.afterBackup) before the rename (\(tally.beforeBackup) before the backup was in place, \(tally.afterBackup) after), \(tally.afterRename) after the rename; \(tally.finishedFirst) finished before the kill; \(tally.temporaryFiles) temporary files left")
        #expect(tally.trials >= 200)
        #expect(killed >= 150, "kills must land while mcp-setup runs (\(tally.trials) trials)")
        #expect(tally.beforeBackup + tally.afterBackup > 0 && tally.afterRename > 0, "kills must land both before and after the rename")
    }

    @Test("eight concurrent processes install eight servers into one file; uninstalling them all gives back the original bytes", arguments: ["codex", "claude-code", "goose"])
    func concurrentProcesses(client: String) throws {
        let binary = try #require(Self.binary, "build mcp-setup first (swift build)")
        let scenario = try #require(Self.scenarios(size: 0).first { $0.client == client })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-setup-concurrent-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try Self.prepare(scenario, in: folder)
        let names = (1...8).map { "srv-\($0)" }
        // Goose reads no environment variable from its file, so the key itself goes in.
        try Data("sk_live_concurrent_1234\n".utf8).write(to: URL(fileURLWithPath: folder + "/key"))
        let pids = try names.map { name in
            try Self.spawn(binary, ["install", "--client", client, "--name", name, "--endpoint", "https://\(name).example/mcp", "--token-file", folder + "/key", "--config", folder + "/mcp-setup.yml"], home: folder + "/home")
        }
        for (name, pid) in zip(names, pids) {
            let status = Self.wait(pid)
            #expect(status.exitCode == 0, "\(client) \(name): \(status)")
        }
        let bytes = try #require(FileManager.default.contents(atPath: file).map(Array.init))
        let editor = try ConfigEditors.open(bytes, format: scenario.format, path: file)
        _ = try editor.document()
        let container = [scenario.container]
        for name in names {
            #expect(try editor.entry(container: container, name: name) != nil, "\(client): \(name) is missing")
        }
        #expect(isSubsequence(scenario.original, of: bytes), "\(client): a byte of the original is gone")
        let backups = try FileManager.default.contentsOfDirectory(atPath: (file as NSString).deletingLastPathComponent).filter { $0.contains(".mcp-setup-backup-") }
        #expect(backups.count == min(names.count, Installer.defaultKeptBackups), "\(client): one backup per install, the newest \(Installer.defaultKeptBackups) kept")

        for name in names.shuffled() {
            let status = Self.wait(try Self.spawn(binary, ["uninstall", "--client", client, "--name", name], home: folder + "/home"))
            #expect(status.exitCode == 0, "\(client) uninstall \(name): \(status)")
        }
        let after = FileManager.default.contents(atPath: file).map(Array.init)
        #expect(after == scenario.original, "\(client): \(String(decoding: after ?? [], as: UTF8.self).suffix(600).debugDescription)")
    }

    @Test("eight threads of one process install into one file: the folder lock serialises them")
    func concurrentThreads() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let first = try sandbox.target("codex")
        let original = Array(Self.fixture("codex-config.toml").utf8)
        try sandbox.write(original, to: first.path)
        let names = (1...8).map { "thread-\($0)" }
        let targets = try names.map { try sandbox.target("codex", request: try Sandbox.request(.environment(variable: "ACME_API_KEY"), name: $0)) }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: targets.count) { index in
            do {
                _ = try Installer().install(targets[index], holdsKey: false)
            } catch {
                failures.add("\(names[index]): \(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let bytes = try #require(sandbox.read(first.path))
        let editor = try ConfigEditors.open(bytes, format: .toml, path: first.path)
        for target in targets {
            #expect(try editor.entry(container: target.container, name: target.name)?.canonical == target.entry.canonical, "\(target.name)")
        }
        for name in names.shuffled() {
            _ = try Installer().uninstall(try sandbox.targets.removalTarget(clientID: "codex", scope: .user, name: name))
        }
        #expect(sandbox.read(first.path) == original)
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }

    // MARK: Processes

    /// The built binary: next to the test bundle (as Tests/MCPSetupCLITests/CLIRunner.swift
    /// finds it), else .build/debug.
    static var binary: String? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.lastPathComponent.hasSuffix(".xctest") { folder.deleteLastPathComponent() }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent(), repository.appendingPathComponent(".build/debug")] {
            let path = candidate.appendingPathComponent("mcp-setup").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Writes the scenario's file (mode 0600) and the server's mcp-setup.yml into a new folder.
    static func prepare(_ scenario: Scenario, in folder: String) throws -> String {
        let file = folder + "/" + scenario.path
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/home", withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: file, contents: Data(scenario.original), attributes: [.posixPermissions: 0o600]) else {
            throw SetupError("cannot write \(file)")
        }
        try Data("name: acme\nendpoint: https://mcp.acme.dev/mcp\n".utf8).write(to: URL(fileURLWithPath: folder + "/mcp-setup.yml"))
        return file
    }

    static func arguments(_ scenario: Scenario, folder: String) -> [String] {
        scenario.arguments.map { $0 == "PROJECT" ? folder + "/project" : $0 } + ["--config", folder + "/mcp-setup.yml"]
    }

    /// Starts the binary with only HOME (and a locale) in its environment, standard streams on
    /// /dev/null.
    static func spawn(_ binary: String, _ arguments: [String], home: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let words: [String] = [binary] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let environment: [String] = ["HOME=" + home, "LANG=C.UTF-8"]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        guard result == 0 else { throw SetupError("cannot start \(binary): \(String(cString: strerror(result)))") }
        return pid
    }

    /// When, in seconds after the start, an uninterrupted run first wrote a file beside the
    /// config file (the backup's temporary file), renamed the new file into place, and exited.
    struct Timeline: CustomStringConvertible {
        var firstWrite = 0.0
        var rename = 0.0
        var exit = 0.0
        var description: String { String(format: "writes from %.1f ms, rename by %.1f ms, exit by %.1f ms", firstWrite * 1000, rename * 1000, exit * 1000) }
    }

    /// Runs the binary to the end, polling every 0.1 ms for the first change to the folder of
    /// `file` (a new file beside it) and for `file` being replaced.
    static func timedRun(_ binary: String, _ arguments: [String], home: String, watching file: String) throws -> (Status, Timeline) {
        let folder = (file as NSString).deletingLastPathComponent
        var original = stat(), folderBefore = stat()
        stat(file, &original)
        stat(folder, &folderBefore)
        var timeline = Timeline(firstWrite: -1, rename: -1, exit: -1)
        let start = DispatchTime.now().uptimeNanoseconds
        let pid = try spawn(binary, arguments, home: home)
        var status: Int32 = 0
        while true {
            let now = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            var folderNow = stat(), current = stat()
            if timeline.firstWrite < 0, stat(folder, &folderNow) == 0,
               folderNow.st_mtim.tv_sec != folderBefore.st_mtim.tv_sec || folderNow.st_mtim.tv_nsec != folderBefore.st_mtim.tv_nsec { timeline.firstWrite = now }
            if timeline.rename < 0, stat(file, &current) == 0, current.st_ino != original.st_ino { timeline.rename = now }
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { timeline.exit = now; break }
            if result < 0 && errno != EINTR { timeline.exit = now; break }
            usleep(100)
        }
        if timeline.rename < 0 { timeline.rename = timeline.exit }
        if timeline.firstWrite < 0 { timeline.firstWrite = timeline.rename }
        return (Status(raw: status), timeline)
    }

    /// Returns as soon as the folder of `file` changes (a file created beside it), or the
    /// process's status when it ended first; polls without sleeping, so the moment is caught
    /// within microseconds.
    static func waitForWrite(beside file: String, pid: pid_t) -> Status? {
        let folder = (file as NSString).deletingLastPathComponent
        var before = stat()
        stat(folder, &before)
        while true {
            var now = stat()
            if stat(folder, &now) == 0, now.st_mtim.tv_sec != before.st_mtim.tv_sec || now.st_mtim.tv_nsec != before.st_mtim.tv_nsec { return nil }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return Status(raw: status) }
        }
    }

    struct Status: CustomStringConvertible {
        var exitCode: Int32?
        var signal: Int32?

        init(exitCode: Int32? = nil, signal: Int32? = nil) {
            self.exitCode = exitCode
            self.signal = signal
        }

        /// From a `waitpid` status.
        init(raw status: Int32) {
            if status & 0x7F == 0 { exitCode = (status >> 8) & 0xFF } else { signal = status & 0x7F }
        }

        var description: String { exitCode.map { "exit \($0)" } ?? "signal \(signal ?? -1)" }
    }

    static func wait(_ pid: pid_t) -> Status {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Status(raw: status)
    }
}
