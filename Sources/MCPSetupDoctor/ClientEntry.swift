import Foundation
import MCPSetup
import MCPSetupInstall

/// Reads the entry a client would use for a server (through the installer's locator: the
/// client's files per OS, user scope then project scope), finds what is wrong in it, and works
/// out the exact request the client would send.
public struct ClientEntry: Sendable {
    /// What reading the entry found.
    public struct Finding: Sendable {
        /// The steps to show (entry found, fields, variables).
        public var steps: [DoctorReport.Step]
        /// The request the client would send, when the entry has one.
        public var target: ProbeTarget?
        /// The problem that explains a failure, with its fix; `nil` when the entry is sound.
        public var problem: (code: DoctorCode, fix: String)?
    }

    /// The client id.
    public let clientID: String
    /// The server's name (the entry's key).
    public let name: String
    /// The scope to read, or `nil` for user then project.
    public let scope: InstallTarget.Scope?
    /// Where the files are, and the environment the client would see.
    public let targets: InstallTargets
    /// The key, when the user gave one: stands in for a value the client asks for when it starts
    /// (`${input:…}`), which no file holds.
    public let key: Secret?

    /// Creates a reader.
    public init(clientID: String, name: String, scope: InstallTarget.Scope?, targets: InstallTargets = InstallTargets(), key: Secret?) {
        self.clientID = clientID
        self.name = name
        self.scope = scope
        self.targets = targets
        self.key = key
    }

    /// Reads the entry.
    public func read(catalog: ClientCatalog = .standard) throws(SetupError) -> Finding {
        var steps: [DoctorReport.Step] = []
        var checked: [String] = []
        for wanted in scope.map({ [$0] }) ?? [.user, .project] {
            guard let target = try? targets.removalTarget(clientID: clientID, scope: wanted, name: name) else { continue }
            checked.append(target.path)
            let document: PlainValue?
            do {
                document = try InstalledEntry.document(of: target)
            } catch {
                // YAML parse messages quote the line they stop at, which may hold the key.
                let detail = target.format == .yaml ? "\(target.path) is not valid YAML" : error.message
                return Finding(steps: [.init(name: "entry", status: .failed, detail: detail)], target: nil,
                               problem: (.entryUntestable, "the file does not parse; fix its syntax" + (target.format == .yaml ? "" : " (the message says where)")))
            }
            guard let document else { continue }
            if let entry = Self.entry(name, in: document, container: target.container) {
                steps.append(.init(name: "entry", status: .ok, detail: "\(name) in \(target.path) (\(wanted.rawValue) scope)"))
                return finding(entry, steps: steps, catalog: catalog)
            }
            if let misplaced = Self.find(name, in: document, depth: 3), misplaced != target.container {
                let wrong = misplaced.joined(separator: ".")
                let right = target.container.joined(separator: ".")
                return Finding(steps: [.init(name: "entry", status: .failed, detail: "\(target.path) has \(name) under \(wrong), which \(title(catalog)) does not read")], target: nil,
                               problem: (.wrongRootKey, "move the entry from \(wrong) to \(right) (\(title(catalog)) reads \(right)), or run mcp-setup install --client \(clientID)"))
            }
        }
        let files = checked.isEmpty ? "no config file location on this OS" : checked.joined(separator: ", ")
        return Finding(steps: [.init(name: "entry", status: .failed, detail: "no entry \(name) in \(files)")], target: nil,
                       problem: (.noEntry, "add the server: mcp-setup install --client \(clientID) (or check the server's name with --name)"))
    }

    private func title(_ catalog: ClientCatalog) -> String {
        catalog.clients.first { $0.id == clientID }?.title ?? clientID
    }

    /// The member `name` of the container, or the item named `name` of a listed container.
    static func entry(_ name: String, in document: PlainValue, container: [String]) -> PlainValue? {
        var node = document
        for key in container {
            guard let next = node[key] else { return nil }
            node = next
        }
        if case .array(let items) = node { return items.first { $0["name"]?.stringValue == name } }
        return node[name]
    }

    /// The path of the first object (breadth first, at most `depth` levels down) with a member `name`
    /// whose value is an object.
    static func find(_ name: String, in document: PlainValue, depth: Int) -> [String]? {
        var level: [([String], PlainValue)] = [([], document)]
        for _ in 0..<depth {
            var next: [([String], PlainValue)] = []
            for (path, value) in level {
                guard case .object(let members) = value else { continue }
                if case .object? = value[name] { return path }
                for member in members { next.append((path + [member.key], member.value)) }
            }
            level = next
        }
        return nil
    }

    // MARK: - The request the entry makes

    private func finding(_ entry: PlainValue, steps: [DoctorReport.Step], catalog: ClientCatalog) -> Finding {
        var steps = steps
        let title = self.title(catalog)
        guard case .object(let members) = entry else {
            return Finding(steps: steps + [.init(name: "fields", status: .failed, detail: "the entry is not an object")], target: nil,
                           problem: (.entryUntestable, "the entry must be an object with the server's url; run mcp-setup install --client \(clientID)"))
        }
        // Fields of other clients' dialects that this client does not read.
        let own = InstallTargets.entryFields(clientID: clientID, catalog: catalog)
        let known = Self.dialectFields(catalog)
        let foreign = members.map(\.key).filter { known.contains($0) && !own.contains($0) }
        if !foreign.isEmpty {
            steps.append(.init(name: "fields", status: .warning,
                               detail: "\(title) does not read " + foreign.map { "`\($0)`" }.joined(separator: ", ") + " (it reads " + own.sorted().map { "`\($0)`" }.joined(separator: ", ") + ")"))
        }
        let syntax = ReferenceSyntax(envSyntax: catalog.clients.first { $0.id == clientID }?.envSyntax, clientID: clientID)
        var resolver = Resolver(syntax: syntax, environment: targets.environment, key: key)
        var url: String?
        var headers: [ProbeTarget.Header] = []
        // The headers as the entry writes them, before any reference is expanded.
        var written: [ProbeTarget.Header] = []
        if let command = entry["command"]?.stringValue {
            // A bridge (mcp-remote and the like): the URL and --header values in its arguments,
            // variables from its own env first.
            let arguments = (entry["args"].flatMap { value -> [String]? in
                if case .array(let items) = value { return items.compactMap(\.stringValue) }
                return nil
            }) ?? []
            var bridgeEnvironment = targets.environment
            if case .object(let env)? = entry["env"] {
                for member in env { if let value = member.value.stringValue { bridgeEnvironment[member.key] = value } }
            }
            resolver = Resolver(syntax: ReferenceSyntax.bridge, environment: bridgeEnvironment, key: key)
            url = arguments.first { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
            var index = 0
            while index < arguments.count {
                if arguments[index] == "--header", index + 1 < arguments.count {
                    let pair = arguments[index + 1]
                    if let colon = pair.firstIndex(of: ":") {
                        headers.append(.init(name: String(pair[..<colon]).trimmingCharacters(in: .whitespaces),
                                             value: String(pair[pair.index(after: colon)...]).trimmingCharacters(in: .init(charactersIn: " "))))
                    }
                    index += 2
                } else {
                    index += 1
                }
            }
            written = headers
            if url == nil {
                // The command line is not shown: it may hold the key.
                let program = (command.split(separator: " ").first.map(String.init) ?? command).split(separator: "/").last.map(String.init) ?? command
                return Finding(steps: steps + [.init(name: "fields", status: .failed, detail: "the entry runs \(program) with no server URL in its arguments")], target: nil,
                               problem: (.entryUntestable, "this entry starts a local program; doctor tests remote servers (an entry with a url, or a bridge such as mcp-remote with one)"))
            }
        } else {
            url = ["url", "serverUrl", "httpUrl", "uri"].lazy.compactMap { entry[$0]?.stringValue }.first
            for field in ["headers", "http_headers"] {
                if case .object(let list)? = entry[field] {
                    for member in list { if let value = member.value.stringValue { headers.append(.init(name: member.key, value: value)) } }
                }
            }
            written = headers
            // Codex: the header values named by environment variables.
            if let variable = entry["bearer_token_env_var"]?.stringValue {
                headers.append(.init(name: "Authorization", value: "Bearer " + resolver.variable(variable)))
            }
            if case .object(let list)? = entry["env_http_headers"] {
                for member in list { if let variable = member.value.stringValue { headers.append(.init(name: member.key, value: resolver.variable(variable))) } }
            }
        }
        guard let rawURL = url else {
            return Finding(steps: steps + [.init(name: "fields", status: .failed, detail: "the entry has no url")], target: nil,
                           problem: (.entryUntestable, "the entry has no server URL; run mcp-setup install --client \(clientID)"))
        }
        let finalURL = resolver.expand(rawURL)
        headers = headers.map { .init(name: $0.name, value: resolver.expand($0.value)) }
        let transportField = (entry["type"]?.stringValue ?? entry["transport"]?.stringValue ?? "").lowercased()
        let transport: Transport = transportField == "sse" || (entry["command"] != nil && finalURL.hasSuffix("/sse")) ? .sse : .http
        let secrets = Self.credentials(headers: headers, url: finalURL, substituted: resolver.secretValues) + (key.map { [$0.rawValue] } ?? [])
        let target = ProbeTarget(url: finalURL, headers: headers, transport: transport, key: Self.placement(headers: headers, url: finalURL), secrets: secrets)

        var problem: (code: DoctorCode, fix: String)?
        for reference in resolver.unset {
            steps.append(.init(name: "variables", status: .failed, detail: "\(reference) is not set in this environment, so \(title) would send it empty"))
            problem = problem ?? (.unsetVariable, "set \(reference) in the environment \(title) starts in (a desktop app does not read your shell's profile), or write the key into the entry with mcp-setup install --token-stdin")
        }
        for reference in resolver.unexpanded {
            steps.append(.init(name: "variables", status: .failed, detail: "\(reference) is not a reference \(title) expands; it would send it as text"))
            problem = problem ?? (.unsetVariable, "write the reference the way \(title) reads it" + (syntax.example.map { " (\($0))" } ?? "") + ", or run mcp-setup install --client \(clientID)")
        }
        if resolver.needsKey {
            return Finding(steps: steps + [.init(name: "variables", status: .failed, detail: "\(title) asks for a value when it starts the server (an input), which no file holds")], target: nil,
                           problem: (.entryUntestable, "pass the key you enter there with --token-stdin (or --token-file) to test the entry with it"))
        }
        // Whitespace as written in the entry, and in the values of the variables it names (an
        // empty value left by an unset variable is that problem, not this one).
        for header in written where Self.hasStrayWhitespace(header.value) {
            steps.append(.init(name: "variables", status: .failed, detail: "the \(header.name) value has a space or line break at its start or end, or inside the key"))
            problem = problem ?? (.keyWhitespace, "copy the key again without spaces or line breaks around it")
        }
        for name in resolver.whitespaceValues {
            steps.append(.init(name: "variables", status: .failed, detail: "the value of \(name) has a space or line break at its start or end"))
            problem = problem ?? (.keyWhitespace, "set \(name) again without spaces or line breaks around the key")
        }
        if resolver.used.isEmpty == false && problem == nil {
            steps.append(.init(name: "variables", status: .ok, detail: resolver.used.sorted().joined(separator: ", ") + " set"))
        }
        return Finding(steps: steps, target: target, problem: problem)
    }

    /// The texts of a request that may be the key, for the report's redactor: each header's
    /// value and the part after its scheme (`Bearer …`), each query value (as written and
    /// decoded), and each substituted variable's value; never the everyday header values nor
    /// anything too short to be a key (which would hide ordinary words in the report).
    static func credentials(headers: [ProbeTarget.Header], url: String, substituted: [String]) -> [String] {
        let everyday: Set<String> = ["content-type", "accept", "user-agent", "mcp-protocol-version"]
        var found: [String] = substituted
        for header in headers where !everyday.contains(header.name.lowercased()) {
            let value = header.value.trimmingCharacters(in: .whitespaces)
            found.append(value)
            if let space = value.firstIndex(of: " ") { found.append(value[value.index(after: space)...].trimmingCharacters(in: .whitespaces)) }
        }
        if let query = URLComponents(string: url)?.percentEncodedQueryItems {
            for item in query {
                guard let value = item.value else { continue }
                found.append(value)
                if let decoded = value.removingPercentEncoding { found.append(decoded) }
            }
        }
        return found.filter { $0.count >= 8 }
    }

    /// Where the key travels in these headers (or the URL), for the report's reasoning.
    static func placement(headers: [ProbeTarget.Header], url: String) -> ProbeTarget.KeyPlacement? {
        if let authorization = headers.first(where: { $0.name.lowercased() == "authorization" }) {
            return authorization.value.hasPrefix("Bearer ") ? .bearer : .header(authorization.name)
        }
        if let header = headers.first(where: { $0.name.lowercased() != "content-type" && $0.name.lowercased() != "accept" }) { return .header(header.name) }
        if let query = URLComponents(string: url)?.queryItems?.first { return .query(query.name) }
        return nil
    }

    /// Whitespace where a key never has it: at the start or end of the value, at the start or
    /// end of the part after the auth scheme, or any tab or line break.
    static func hasStrayWhitespace(_ value: String) -> Bool {
        if value.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) { return true }
        if value != value.trimmingCharacters(in: .whitespaces) { return true }
        if let space = value.firstIndex(of: " ") {
            let rest = value[value.index(after: space)...]
            if rest.hasPrefix(" ") { return true }
        }
        return false
    }

    /// Every field some client's entry has (what mcp-setup writes for each installable client).
    static func dialectFields(_ catalog: ClientCatalog) -> Set<String> {
        var all: Set<String> = []
        for id in InstallTargets.installableClients(catalog) { all.formUnion(InstallTargets.entryFields(clientID: id, catalog: catalog)) }
        return all
    }
}
