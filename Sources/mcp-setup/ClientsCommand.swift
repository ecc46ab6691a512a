import ArgumentParser
import MCPSetup

/// `mcp-setup clients`: every client with its artifacts, credential modes and auth schemes.
struct ClientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clients",
        abstract: "List every client with its artifacts, supported credential modes and auth schemes.",
        discussion: """
        The JSON form is what a docs page renders a support matrix from:
          mcp-setup clients --format json
        """
    )

    @Option(name: .long, help: ArgumentHelp("text (default, a table) or json.", valueName: "format"))
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("Templates that override the built-in ones.", valueName: "dir"))
    var templates: String?

    func run() throws {
        let catalog = ClientCatalog.standard
        switch format {
        case "json":
            Output.write(Manifest.catalogJSON(catalog))
        case "text":
            Output.write(try CatalogPresenter(templates: try TemplateSet.load(overridesIn: templates)).text(for: catalog))
        default:
            throw SetupError("--format '\(format)' is not a format; use text or json")
        }
    }
}
