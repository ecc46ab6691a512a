import ArgumentParser
import Foundation
import MCPSetup

/// `mcp-setup card`: the `<mcp-setup-connect>` card's files, for a key page or any docs site.
struct CardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Write the <mcp-setup-connect> card: its module, stylesheet and manifest.",
        discussion: """
        Writes mcp-setup-connect.js (an ES module defining the <mcp-setup-connect> element), \
        mcp-setup-connect.css (loaded by the module from beside itself) and manifest.json (every \
        client's artifacts with a placeholder for the key, their programs and instructions) into \
        --out. Serve the folder from your own origin; the card works under a strict \
        Content-Security-Policy and never sends the key anywhere. See README "The connect card".

        Examples:
          mcp-setup card --out public/mcp                 # from mcp-setup.yml
          mcp-setup card --out dist/card --name acme --endpoint https://mcp.acme.dev/mcp
        """
    )

    @OptionGroup(title: "Server")
    var server: ServerOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the three files into (created if missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("A folder of templates overriding the defaults (assets/ and clients/ prose).", valueName: "dir"))
    var templates: String?

    func run() throws {
        let (input, config) = try server.loadInput()
        let profile = try input.profile()
        let request = try SetupRequest(profile: profile, credential: profile.auth.usesKey ? .placeholder : .none)
        // Like render: --templates, else the templates/ folder beside the config file (if any).
        let folder = templates ?? config.map { (($0.path as NSString).deletingLastPathComponent.isEmpty ? "." : ($0.path as NSString).deletingLastPathComponent) + "/templates" }
        let templateSet = try TemplateSet.load(overridesIn: folder.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil })
        let clients = try SetupGenerator().render(request)
        let files = [
            (ConnectCard.scriptName, ConnectCard.script(templates: templateSet)),
            (ConnectCard.styleName, templateSet.assets[ConnectCard.styleName] ?? ""),
            ("manifest.json", try ConnectCard.manifest(for: request, clients: clients, templates: templateSet)),
        ]
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
            throw SetupError("\(out) is a file; --out takes a folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for (name, text) in files {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent(name), options: .atomic)
            }
        } catch {
            throw SetupError("\(out): cannot write the card (\(error.localizedDescription))")
        }
        Output.error("wrote \(files.map(\.0).joined(separator: ", ")) into \(out)")
    }
}
