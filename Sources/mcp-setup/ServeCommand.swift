import ArgumentParser
import Foundation
import MCPSetup
import MCPSetupServe
import MCPSetupSite

/// `mcp-setup serve`: the docs site on 127.0.0.1, rebuilt and reloaded as you write.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the docs site, serve it on 127.0.0.1, and rebuild and reload it as you write.",
        discussion: """
        Watches content/, templates/ and the config file. A change rebuilds only what it \
        affects, writes the changed files to the output folder (as mcp-setup build does, with \
        the same rules about folders it did not build) and reloads the open pages. A broken page \
        shows its error in the browser and here, and the server keeps running. Ctrl-C stops it.
        Pages get a small script that listens for rebuilds; it is served, never written to \
        the output folder.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The port on 127.0.0.1 (0 picks a free one).", valueName: "port"))
    var port: Int = 8000

    @Flag(name: .long, help: "Serve from memory and write nothing to the output folder.")
    var noWrite = false

    @Flag(name: .long, help: "Write into a non-empty folder that mcp-setup did not build (as build --force-output).")
    var forceOutput = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port; give 0 to 65535 (0 picks a free one)") }
    }

    func run() throws {
        throw CommandFailure("serve runs through its async entry point")
    }

    /// Builds, then serves until Ctrl-C.
    func serve() async throws {
        if !noWrite { try site.checkOutputLocation() }
        _ = try site.builder()
        let session = SiteSession(configPath: site.config, contentDirectory: site.contentDirectory, templatesDirectory: site.templatesDirectory)
        let writer = noWrite ? nil : OutputWriter(directory: site.outputDirectory, adoptsForeignFolder: forceOutput)
        let server = DevServer(session: session, writer: writer, port: port) { line in Output.error(line) }
        do {
            try await server.run { address in Output.error("serving \(address) (Ctrl-C stops)") }
        } catch let error as SetupError {
            throw error
        } catch {
            let text = "\(error)"
            if text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98") {
                throw SetupError("port \(port) on 127.0.0.1 is in use; pass --port with another, or --port 0 for any free one")
            }
            throw CommandFailure("serve stopped: \(text)")
        }
        Output.error("stopped")
    }
}
