import ArgumentParser
import Foundation
import MCPSetup
import MCPSetupSite

/// `mcp-setup init`: a new docs project from the server and its key facts.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a docs project: mcp-setup.yml and starter pages in content/.",
        discussion: """
        Writes mcp-setup.yml (the server and the keys: facts) and content/ pages for getting \
        started, keys, authentication and errors, connecting clients and troubleshooting; the \
        pages include the key sections the facts allow ({{> keys/scopes}} and the like). Nothing \
        else is written, and no file is overwritten: when any of them exists, nothing is written.

        On a terminal, init asks for what the flags leave out (press Enter to skip an optional \
        fact). With --yes, or without a terminal (CI), it asks nothing: --endpoint is then required. \
        Then run mcp-setup build, or mcp-setup serve to see the site while you write.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The project folder (created when missing).", valueName: "dir"))
    var directory: String = "."

    @Option(name: .long, help: ArgumentHelp("The server's config key, ^[a-z0-9][a-z0-9-]*$ (default: from the title or the endpoint's host).", valueName: "name"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("The display name (default: the name).", valueName: "title"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The server URL.", valueName: "url"))
    var endpoint: String?

    @Option(name: .long, help: ArgumentHelp("http (Streamable HTTP, default) or sse.", valueName: "transport"))
    var transport: String?

    @Option(name: .long, help: ArgumentHelp("How the key travels: bearer (default), header:NAME, query:PARAM, oauth or none.", valueName: "scheme"))
    var auth: String?

    @Option(name: .long, help: ArgumentHelp("The environment variable for the key (default: <NAME>_API_KEY).", valueName: "var"))
    var envVar: String?

    @Flag(name: .customLong("also-oauth"), help: "The server also offers OAuth sign-in.")
    var alsoOAuth = false

    @Option(name: .long, help: ArgumentHelp("The prefix every key starts with (keys.prefix).", valueName: "prefix"))
    var keyPrefix: String?

    @Option(name: .long, help: ArgumentHelp("The page where keys are created (keys.create_url).", valueName: "url"))
    var keyPage: String?

    @Option(name: .long, help: ArgumentHelp("The way to that page in the product (keys.create_path), for example 'Settings → API keys'.", valueName: "path"))
    var keyCreatePath: String?

    @Option(name: .long, help: ArgumentHelp("A key as the key page shows it masked (keys.masked_preview), for example sk_live_dLK5...J6HMii.", valueName: "example"))
    var maskedPreview: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Whether a key is shown only once, when created (keys.shown_once).")
    var shownOnce: Bool?

    @Option(name: .long, help: ArgumentHelp("A scope a key can carry (keys.scopes; repeatable).", valueName: "name=meaning"))
    var scope: [String] = []

    @Option(name: .long, help: ArgumentHelp("An error a bad key gets (keys.errors; repeatable).", valueName: "status=meaning"))
    var keyError: [String] = []

    @Option(name: .long, help: ArgumentHelp("How to rotate a key (keys.rotation).", valueName: "text"))
    var rotation: String?

    @Option(name: .customLong("disable"), help: ArgumentHelp("What disabling a key does (keys.disable).", valueName: "text"))
    var disabling: String?

    @Option(name: .customLong("delete"), help: ArgumentHelp("What deleting a key does (keys.delete).", valueName: "text"))
    var deleting: String?

    @Option(name: .customLong("revoke"), help: ArgumentHelp("What revoking a key does (keys.revoke).", valueName: "text"))
    var revocation: String?

    @Option(name: .long, help: ArgumentHelp("The older token the server still knows, and how it differs (keys.legacy_token).", valueName: "text"))
    var legacyToken: String?

    @Option(name: .customLong("oauth-note"), help: ArgumentHelp("Signing in with OAuth instead of a key (keys.oauth).", valueName: "text"))
    var oauthNote: String?

    @Option(name: .long, help: ArgumentHelp("The docs site's title (default: '<title> docs').", valueName: "title"))
    var siteTitle: String?

    @Flag(name: .shortAndLong, help: "Ask nothing: take the flags and defaults as they are.")
    var yes = false

    func run() throws {
        var answers = self
        let interactive = !yes && isatty(STDIN_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
        if interactive { try answers.ask() }
        let scaffold = try answers.scaffold()
        let written = try scaffold.write(into: directory)
        for path in written { Output.error("created \(path)") }
        let folder = directory == "." ? "" : "cd \(POSIXShell.quote(directory)) && "
        Output.error("next: \(folder)mcp-setup serve (or mcp-setup build)")
    }

    /// The scaffold the flags and answers describe.
    func scaffold() throws(SetupError) -> ProjectScaffold {
        guard let endpoint else {
            throw SetupError("no endpoint; pass --endpoint https://… (init asks for it only on a terminal)")
        }
        var input = ProfileInput()
        let name = self.name ?? title.map(ServerProfile.suggestedName(for:)) ?? Self.name(fromHost: endpoint)
        input.name = Sourced(name, origin: self.name == nil ? "the name init chose ('\(name)'); pass --name" : "--name")
        input.title = title.map { Sourced($0, origin: "--title") }
        input.endpoint = Sourced(endpoint, origin: "--endpoint")
        input.transport = transport.map { Sourced($0, origin: "--transport") }
        input.auth = auth.map { Sourced($0, origin: "--auth") }
        input.envVar = envVar.map { Sourced($0, origin: "--env-var") }
        input.keyPrefix = keyPrefix.map { Sourced($0, origin: "--key-prefix") }
        input.keyPage = keyPage.map { Sourced($0, origin: "--key-page") }
        input.maskedPreview = maskedPreview.map { Sourced($0, origin: "--masked-preview") }
        if alsoOAuth { input.alsoOAuth = Sourced(true, origin: "--also-oauth") }
        var keys = KeyFacts()
        keys.prefix = keyPrefix
        keys.createURL = keyPage
        keys.createPath = keyCreatePath
        keys.maskedPreview = try maskedPreview.map { text throws(SetupError) in try MaskedPreview(example: text, field: "--masked-preview") }
        keys.shownOnce = shownOnce
        keys.scopes = try scope.map { pair throws(SetupError) in
            let (name, meaning) = try Self.split(pair, flag: "--scope", example: "read='Read projects and tasks.'")
            return KeyFacts.Scope(name: name, meaning: meaning)
        }
        keys.refusals = try keyError.map { pair throws(SetupError) in
            let (status, meaning) = try Self.split(pair, flag: "--key-error", example: "401='The key is missing or revoked.'")
            guard let code = Int(status), (400...599).contains(code) else { throw SetupError("--key-error '\(pair)': the status must be an HTTP error status from 400 to 599") }
            return KeyFacts.Refusal(status: code, meaning: meaning)
        }
        keys.rotation = rotation
        keys.disabling = disabling
        keys.deleting = deleting
        keys.revocation = revocation
        keys.legacyToken = legacyToken
        keys.oauth = oauthNote
        return ProjectScaffold(input: input, keys: keys, siteTitle: siteTitle)
    }

    /// `acme` for `https://mcp.acme.dev/mcp`: the host's name below its top-level domain,
    /// skipping a leading `mcp`, `api` or `www`.
    static func name(fromHost endpoint: String) -> String {
        guard let host = URL(string: endpoint)?.host else { return "my-server" }
        var labels = host.split(separator: ".").map(String.init)
        if labels.count > 1 { labels.removeLast() }
        while labels.count > 1, ["mcp", "api", "www"].contains(labels[0]) { labels.removeFirst() }
        return ServerProfile.suggestedName(for: labels.last ?? host)
    }

    private static func split(_ pair: String, flag: String, example: String) throws(SetupError) -> (String, String) {
        guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex, pair.index(after: equals) != pair.endIndex else {
            throw SetupError("\(flag) '\(pair)' is not NAME=MEANING; for example \(flag) \(example)")
        }
        return (String(pair[..<equals]), String(pair[pair.index(after: equals)...]))
    }

    /// Asks on the terminal for what the flags leave out.
    private mutating func ask() throws(SetupError) {
        Output.error("mcp-setup init: a few questions about your server (Enter skips an optional one)")
        if endpoint == nil { endpoint = try Prompt.line("Server URL (https://…)", required: true) }
        if title == nil { title = try Prompt.line("Product name shown to readers", suggestion: name ?? endpoint.map(Self.name(fromHost:))) }
        if auth == nil { auth = try Prompt.line("How the key is sent: bearer, header:NAME, query:PARAM, oauth or none", suggestion: "bearer") }
        let usesKey = !["oauth", "none"].contains(auth ?? "bearer")
        guard usesKey else { return }
        if keyPrefix == nil { keyPrefix = try Prompt.line("Prefix every key starts with (for example sk_live_)") }
        if keyPage == nil { keyPage = try Prompt.line("URL of the page where keys are created") }
        if maskedPreview == nil { maskedPreview = try Prompt.line("A key as that page shows it masked (for example sk_live_dLK5...J6HMii)") }
        if shownOnce == nil, let answer = try Prompt.line("Is a key shown only once, when created? (y/n)") {
            shownOnce = answer.lowercased().hasPrefix("y")
        }
        if scope.isEmpty {
            while let entry = try Prompt.line("A scope as name=meaning (Enter when done)") { scope.append(entry) }
        }
    }
}

/// Questions on the terminal, one line each.
enum Prompt {
    /// Asks and reads one line; an empty answer takes the suggestion, or is nil (optional)
    /// or asked again (required).
    static func line(_ question: String, suggestion: String? = nil, required: Bool = false) throws(SetupError) -> String? {
        while true {
            FileHandle.standardError.write(Data("\(question)\(suggestion.map { " [\($0)]" } ?? ""): ".utf8))
            guard let answer = readLine(strippingNewline: true) else { throw SetupError("init: input ended before the questions did; pass the facts as flags with --yes") }
            let trimmed = answer.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { return trimmed }
            if let suggestion { return suggestion }
            if !required { return nil }
        }
    }
}
