import Foundation
import Testing

/// `install --token-env` (and `--prompt`) into a client whose config file cannot resolve the
/// reference: the client is refused on its own line and no file ever holds a placeholder.
@Suite("install never writes a placeholder into a live config")
struct InstallReferenceRefusalTests {
    typealias Home = InstallCommandTests.Home

    /// The clients `clients --format json` lists as installable, and which of them can
    /// reference an environment variable.
    static func installable(_ home: Home) throws -> [(id: String, env: Bool)] {
        let result = try home.run(["clients", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let catalog = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let clients = try #require(catalog["clients"] as? [[String: Any]])
        return clients.compactMap { client in
            guard client["install"] as? Bool == true, let id = client["id"] as? String else { return nil }
            return (id, (client["credentialModes"] as? [String] ?? []).contains("env"))
        }
    }

    /// Every file below `folder`, with its bytes.
    static func files(under folder: URL) -> [String: String] {
        var found: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if let data = FileManager.default.contents(atPath: url.path) { found[url.path] = String(decoding: data, as: UTF8.self) }
        }
        return found
    }

    @Test("--token-env over every install-capable client: the ones that cannot read a variable are refused on their own line, no file holds a placeholder")
    func tokenEnvEveryClient() throws {
        let home = try Home()
        defer { home.remove() }
        let clients = try Self.installable(home)
        let refused = clients.filter { !$0.env }.map(\.id)
        // The eleven clients named in the report that found this, at least.
        for id in ["claude-desktop", "zed", "goose", "lm-studio", "cline", "warp", "copilot-cli", "antigravity", "junie", "amp"] {
            #expect(refused.contains(id), "\(id) can read a variable?")
        }
        #expect(clients.count > refused.count + 5)
        let result = try home.run(["install", "--client", clients.map(\.id).joined(separator: ","), "--token-env", "ZETA_KEY"] + InstallCommandTests.server)
        #expect(result.status != 0, "a refused client makes the run fail")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        for id in refused {
            let line = lines.first { $0.hasPrefix(id + ": ") }
            #expect(line?.contains("ZETA_KEY") == true && line?.contains("--token-stdin") == true && line?.contains("nothing was written") == true, "\(id): \(line ?? "no line")")
        }
        // Visual Studio keeps its file on Windows only.
        let elsewhere = lines.filter { $0.contains("has no config file on linux") }.count
        for (id, _) in clients where !refused.contains(id) {
            #expect(lines.contains { $0.hasPrefix(id + ": installed") || $0.hasPrefix(id + ": same file as") || $0.hasPrefix(id + ": \(id) has no config file on linux") }, "\(id) was not installed: \(result.stderr)")
        }
        #expect(elsewhere <= 1)
        let same = lines.filter { $0.contains(": same file as") }.count
        #expect(lines.last == "mcp-setup: \(clients.count) clients: changed \(clients.count - refused.count - same - elsewhere), \(refused.count + elsewhere) failed", "\(result.stderr)")
        let written = Self.files(under: home.home)
        #expect(!written.isEmpty)
        for (path, text) in written {
            #expect(!text.contains("YOUR_ZETA_KEY") && !text.contains("YOUR_ACME"), "\(path) holds a placeholder")
        }
    }

    @Test("one refused client: one line, exit 2, no file or folder created", arguments: ["zed", "claude-desktop", "goose"])
    func oneClient(client: String) throws {
        let home = try Home()
        defer { home.remove() }
        let result = try home.run(["install", "--client", client, "--token-env", "ZETA_KEY"] + InstallCommandTests.server)
        #expect(result.status == 2, "bad input exits 2")
        InstallCommandTests.expectClean(result)
        #expect(result.stderr.contains("--token-stdin or --token-file"), "\(result.stderr)")
        #expect(Self.files(under: home.home).isEmpty)
        let prompt = try home.run(["install", "--client", client, "--prompt"] + InstallCommandTests.server)
        #expect(prompt.status == 2 && prompt.stderr.contains("cannot ask for the key"), "\(prompt.stderr)")
        #expect(Self.files(under: home.home).isEmpty)
    }

    @Test("--all-detected with --token-env: the detected client that cannot read it is refused, the others are installed")
    func allDetected() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("{}\n", to: ".cursor/mcp.json")
        try home.write("{\n  \"theme\": \"One Dark\"\n}\n", to: ".config/zed/settings.json")
        let result = try home.run(["install", "--all-detected", "--token-env", "ZETA_KEY"] + InstallCommandTests.server)
        #expect(result.status == 1)
        #expect(result.stderr.contains("zed: Zed cannot read the environment variable ZETA_KEY"), "\(result.stderr)")
        #expect(result.stderr.contains("cursor: installed"), "\(result.stderr)")
        #expect(home.read(".config/zed/settings.json") == "{\n  \"theme\": \"One Dark\"\n}\n")
        #expect(home.read(".cursor/mcp.json")?.contains("${env:ZETA_KEY}") == true)
    }
}

/// Uninstall without a backup to restore takes out what install added around the entry, and
/// only that: a container install created, VS Code's input for the key.
@Suite("uninstall without a backup leaves no trace of the install")
struct UninstallLeftoversTests {
    typealias Home = InstallCommandTests.Home

    @Test("Zed: a context_servers install created goes with the entry; one the user had stays, even empty")
    func zedContainer() throws {
        let home = try Home()
        defer { home.remove() }
        let file = ".config/zed/settings.json"
        for original in ["{\n  // mine\n  \"theme\": \"One Dark\"\n}\n", "{\n  \"theme\": \"One Dark\",\n  \"context_servers\": {}\n}\n"] {
            try home.write(original, to: file)
            let installed = try home.run(["install", "--client", "zed", "--token-stdin", "--no-backup"] + InstallCommandTests.server, stdin: InstallCommandTests.key + "\n")
            #expect(installed.status == 0, "\(installed.stderr)")
            #expect(home.read(file)?.contains("\"acme\"") == true)
            let removed = try home.run(["uninstall", "--client", "zed", "--name", "acme", "--no-backup"])
            #expect(removed.status == 0, "\(removed.stderr)")
            #expect(home.read(file) == original, "\(home.read(file) ?? "")")
        }
    }

    @Test("VS Code: the input install added goes with the entry; the user's own inputs stay")
    func vsCodeInput() throws {
        let home = try Home()
        defer { home.remove() }
        let file = ".config/Code/User/mcp.json"
        let original = "{\n  \"servers\": {\n    \"other\": {\"url\": \"https://o.dev/mcp\", \"headers\": {\"K\": \"${input:other_key}\"}}\n  },\n  \"inputs\": [\n    // the other server's key\n    {\"id\": \"other_key\", \"type\": \"promptString\", \"password\": true}\n  ]\n}\n"
        try home.write(original, to: file)
        let installed = try home.run(["install", "--client", "vscode", "--prompt", "--no-backup"] + InstallCommandTests.server)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(home.read(file)?.contains("\"id\": \"acme_api_key\"") == true)
        let removed = try home.run(["uninstall", "--client", "vscode", "--name", "acme", "--no-backup"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(home.read(file) == original, "\(home.read(file) ?? "")")
        // The record is the user's, 0600, and empty again.
        let ledger = home.home.appendingPathComponent(".local/state/mcp-setup/installs.json").path
        #expect(((try? FileManager.default.attributesOfItem(atPath: ledger)[.posixPermissions]) as? Int) == 0o600)
        let records = try JSONSerialization.jsonObject(with: Data((home.read(".local/state/mcp-setup/installs.json") ?? "").utf8)) as? [String: Any]
        #expect(records?.isEmpty == true, "\(records ?? [:])")
    }
}
