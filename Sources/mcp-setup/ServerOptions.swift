import ArgumentParser
import Foundation
import MCPSetup

/// Flags that describe the server; each overrides the same field of mcp-setup.yml.
struct ServerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The config file (default: ./mcp-setup.yml when present).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Start from an MCP Registry server.json (its remote, header and key); mcp-setup.yml and flags override it.", valueName: "file"))
    var serverJSON: String?

    @Option(name: .customLong("var"), help: ArgumentHelp("A value for a {variable} in the server.json's URL (repeatable).", valueName: "name=value"))
    var variables: [String] = []

    @Option(name: .long, help: ArgumentHelp("The server's config key, ^[a-z0-9][a-z0-9-]*$ (for example acme).", valueName: "name"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("The display name (default: the name).", valueName: "title"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The server URL, https (plain http only for loopback hosts or with --allow-http).", valueName: "url"))
    var endpoint: String?

    @Option(name: .long, help: ArgumentHelp("http (Streamable HTTP, default) or sse.", valueName: "transport"))
    var transport: String?

    @Option(name: .long, help: ArgumentHelp("How the key travels: bearer (default), header:NAME, header:NAME=PREFIX{key}SUFFIX (for example header:Authorization=Token {key}), query:PARAM, oauth or none.", valueName: "scheme"))
    var auth: String?

    @Option(name: .long, help: ArgumentHelp("The environment variable for the key (default: <NAME>_API_KEY).", valueName: "var"))
    var envVar: String?

    @Flag(name: .customLong("also-oauth"), help: "The server also offers OAuth sign-in: clients that cannot send the key (ChatGPT, claude.ai) get its URL.")
    var alsoOAuth = false

    @Flag(name: .long, help: "Allow a plain http endpoint on a host that is not loopback.")
    var allowHTTP = false

    @Option(name: .long, help: ArgumentHelp("Run this mcp-remote version in stdio bridges (Claude Desktop) instead of the latest.", valueName: "version"))
    var mcpRemoteVersion: String?

    /// The config file to read: the one named, or ./mcp-setup.yml when it exists.
    var configPath: String? {
        if let config { return config }
        return FileManager.default.fileExists(atPath: ConfigFile.defaultName) ? ConfigFile.defaultName : nil
    }

    /// Reads the config file (if any) and applies the flags over it.
    /// `--var NAME=VALUE` pairs.
    func variableValues() throws(SetupError) -> [String: String] {
        var values: [String: String] = [:]
        for pair in variables {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw SetupError("--var '\(pair)' is not NAME=VALUE; for example --var tenant=acme")
            }
            values[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return values
    }

    func loadInput() throws(SetupError) -> (input: ProfileInput, config: ConfigFile?) {
        let values = try variableValues()
        let file = try configPath.map { path throws(SetupError) in try ConfigFile.load(path: path, variables: values) }
        var flags = ProfileInput()
        flags.name = name.map { Sourced($0, origin: "--name") }
        flags.title = title.map { Sourced($0, origin: "--title") }
        flags.endpoint = endpoint.map { Sourced($0, origin: "--endpoint") }
        flags.transport = transport.map { Sourced($0, origin: "--transport") }
        flags.auth = auth.map { Sourced($0, origin: "--auth") }
        flags.envVar = envVar.map { Sourced($0, origin: "--env-var") }
        if alsoOAuth { flags.alsoOAuth = Sourced(true, origin: "--also-oauth") }
        if allowHTTP { flags.allowHTTP = Sourced(true, origin: "--allow-http") }
        flags.mcpRemoteVersion = mcpRemoteVersion.map { Sourced($0, origin: "--mcp-remote-version") }
        var base = file?.profile ?? ProfileInput()
        if let serverJSON {
            base = try ServerJSON.load(path: serverJSON, origin: "--server-json", variables: values).overridden(by: file?.fields ?? ProfileInput())
        }
        let merged = base.overridden(by: flags)
        for note in merged.notes { Output.error("note: " + note) }
        return (merged, file)
    }
}
