/// The version `mcp-setup --version` prints.
enum MCPSetupVersion {
    static let current = "0.1.0"
}
