import ArgumentParser

/// The `mcp-setup` command: subcommands for each job.
struct MCPSetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp-setup",
        abstract: "Turn an MCP server's endpoint and API key into every client's setup artifact, verified.",
        discussion: """
        The server is described by mcp-setup.yml in the current folder (or --config FILE), and \
        flags override it. Every artifact is parsed back and checked before it is printed.

        Exit codes: 0 success, 1 failure (check found drift, an artifact is unavailable), \
        2 bad input, 70 internal error (a bug in mcp-setup).
        """,
        version: MCPSetupVersion.description,
        subcommands: [InitCommand.self, RenderCommand.self, InstallCommand.self, UninstallCommand.self, ListCommand.self, BundleCommand.self, CardCommand.self, BuildCommand.self, ServeCommand.self, CheckCommand.self, ClientsCommand.self, DoctorCommand.self]
    )
}
