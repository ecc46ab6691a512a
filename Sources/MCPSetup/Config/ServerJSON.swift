import Foundation

/// The official MCP Registry's `server.json` (schema 2025-12-11): read as a server profile, and
/// written from one for publishing.
///
/// Facts (checked 2026-12-01): modelcontextprotocol/static schemas/2025-12-11/server.schema.json
/// (vendored in Tests/Fixtures/server-json); clients-2026-12.md §1: `remotes[]` with `type`
/// `streamable-http` or `sse`, `url` with `{variables}`, `headers[]` of `KeyValueInput`
/// (`name`, `description`, `isRequired`, `isSecret`, `value` with `{var}` from `variables`,
/// `default`, `placeholder`, `choices`); `_meta` keeps only
/// `io.modelcontextprotocol.registry/publisher-provided`. VS Code turns a header without a
/// `description` into an empty string, so every written header and variable has one.
public enum ServerJSON {
    /// The schema a written file declares.
    public static let schemaURL = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json"
    /// Where mcp-setup keeps what the format has no field for (the variable name, the key page).
    public static let metaNamespace = "io.modelcontextprotocol.registry/publisher-provided"
    /// mcp-setup's key inside that namespace.
    public static let metaKey = "dev.mcp-setup"

    // MARK: Reading

    /// Reads a `server.json` file; `origin` names where its path was given.
    public static func load(path: String, origin: String, variables: [String: String] = [:]) throws(SetupError) -> ProfileInput {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SetupError("\(origin): \(path) cannot be read; check the path")
        }
        return try profileInput(String(decoding: data, as: UTF8.self), path: path, variables: variables)
    }

    /// The profile a `server.json` describes. `variables` fill `{name}` in the remote's URL;
    /// what the profile model cannot express is an error naming the field, never dropped.
    /// What the file spells its own way, and the optional headers left out, are said in the
    /// input's ``ProfileInput/notes``.
    public static func profileInput(_ text: String, path: String, variables: [String: String] = [:]) throws(SetupError) -> ProfileInput {
        let document: PlainValue
        do {
            document = try JSONParser.parse(text)
        } catch {
            throw SetupError("\(path):\(error.line ?? 1):\(error.column ?? 1): not valid JSON: \(error.message)")
        }
        // The registry's API wraps an entry as {"server": …, "_meta": …}.
        let server = document["server"].flatMap { if case .object = $0 { $0 } else { nil } } ?? document
        guard case .object = server else { throw SetupError("\(path): a server.json is a JSON object") }
        func field(_ name: String) -> String { "\(path): \(name)" }
        var flags = Flags()

        var input = ProfileInput()
        guard let registryName = server["name"]?.stringValue, !registryName.isEmpty else {
            throw SetupError("\(field("name")) is missing; a server.json names its server (for example dev.acme/acme-mcp)")
        }
        input.name = Sourced(slug(registryName), origin: field("name"))
        if let title = server["title"]?.stringValue { input.title = Sourced(title, origin: field("title")) }

        guard case .array(let remotes)? = server["remotes"], !remotes.isEmpty else {
            throw SetupError("\(field("remotes")) is missing or empty; mcp-setup sets up remote servers (a server.json with only packages runs locally)")
        }
        // The first Streamable HTTP remote (`http` is what people write for it), else the first SSE one.
        let types = remotes.map { $0["type"]?.stringValue ?? "" }
        guard let index = types.firstIndex(where: { $0 == "streamable-http" || $0 == "http" }) ?? types.firstIndex(of: "sse") else {
            throw SetupError("\(field("remotes[0].type")) '\(types[0])' is not a remote transport; use streamable-http or sse")
        }
        let remote = remotes[index]
        let at = "remotes[\(index)]"
        if types[index] == "http" {
            input.notes.append("\(field("\(at).type")): read 'http' as 'streamable-http', the schema's name for it")
        }
        input.transport = Sourced(types[index] == "sse" ? "sse" : "http", origin: field("\(at).type"))
        guard var url = remote["url"]?.stringValue, !url.isEmpty else {
            throw SetupError("\(field("\(at).url")) is missing; give the server's URL")
        }

        // URL variables: a secret one in the query is the key (query auth); others are filled in.
        var auth: String?
        var secretVariable: (name: String, input: PlainValue)?
        let remoteVariables = remote["variables"]
        for name in placeholders(in: url) {
            let definition = remoteVariables?[name]
            if flags.read(definition, "isSecret") == true {
                guard let parameter = queryParameter(holding: name, in: url) else {
                    throw SetupError("\(field("\(at).url")) puts the secret {\(name)} outside a query parameter; mcp-setup can carry a key in a header or as ?param=KEY")
                }
                auth = "query:" + parameter
                secretVariable = (name, definition ?? .null)
                url = removingQueryParameter(parameter, from: url)
                continue
            }
            if definition?["choices"] != nil, variables[name] == nil {
                throw SetupError("\(field("\(at).variables.\(name).choices")): pass the value you chose with --var \(name)=VALUE")
            }
            guard let value = variables[name] ?? definition?["default"]?.stringValue else {
                throw SetupError("\(field("\(at).url")) needs {\(name)}: pass --var \(name)=VALUE")
            }
            url = url.replacingOccurrences(of: "{" + name + "}", with: value)
        }

        // Headers: one carries the key; optional others are left out (said in a note); a
        // required other one cannot be sent.
        let headers: [PlainValue]
        if case .array(let list)? = remote["headers"] { headers = list } else { headers = [] }
        var secretHeader: (index: Int, header: PlainValue)?
        for (number, header) in headers.enumerated() {
            let name = header["name"]?.stringValue ?? ""
            let here = "\(at).headers[\(number)]"
            guard AuthScheme.isHeaderName(name) else {
                throw SetupError("\(field("\(here).name")) '\(name)' is not a header name (RFC 9110: letters, digits and !#$%&'*+-.^_`|~)")
            }
            let templateVariables = header["value"]?.stringValue.map(placeholders(in:)) ?? []
            let secretTemplate = templateVariables.contains { flags.read(header["variables"]?[$0] ?? remoteVariables?[$0], "isSecret") == true }
            // Authorization carries credentials by definition (RFC 9110 §11.6.2), flagged or not.
            let isKey = flags.read(header, "isSecret") == true || secretTemplate || name.lowercased() == "authorization"
            if isKey {
                if header["choices"] != nil { throw SetupError("\(field("\(here).choices")): the key cannot be a choice") }
                if let first = secretHeader {
                    throw SetupError("\(field("\(here)")) is a second secret header (\(first.header["name"]?.stringValue ?? "") is the first); mcp-setup carries one key per server")
                }
                if auth != nil { throw SetupError("\(field("\(here)")) is a secret header, and the URL already carries a secret; mcp-setup carries one key per server") }
                secretHeader = (number, header)
            } else if flags.read(header, "isRequired") == true {
                throw SetupError("\(field("\(here)")) '\(name)' is a required header that is not the key; mcp-setup sends only the key's header, so it cannot set this server up")
            } else {
                let about = header["description"]?.stringValue.map { " (\($0))" } ?? ""
                input.notes.append("\(field("\(here)")): left out the optional header \(name)\(about); add it to the client's entry yourself if you need it")
            }
        }
        if let (number, header) = secretHeader {
            let here = "\(at).headers[\(number)]"
            let name = header["name"]?.stringValue ?? ""
            let scheme: String
            if let value = header["value"]?.stringValue {
                let names = placeholders(in: value)
                guard names.count == 1, let variable = names.first else {
                    throw SetupError("\(field("\(here).value")) '\(value)' must hold exactly one {variable}, the key")
                }
                let definition = header["variables"]?[variable] ?? remoteVariables?[variable] ?? .null
                if definition["choices"] != nil { throw SetupError("\(field("\(here).variables.\(variable).choices")): the key cannot be a choice") }
                secretVariable = (variable, definition)
                scheme = "header:" + name + "=" + value.replacingOccurrences(of: "{" + variable + "}", with: AuthScheme.keyMarker)
            } else {
                // No template: the header is the key. By convention an Authorization header's
                // key is a bearer token (GitHub's own server.json says so in its description).
                scheme = name.lowercased() == "authorization" ? "bearer" : "header:" + name
                if name.lowercased() != "authorization" { secretVariable = (name, header) }
            }
            auth = try AuthScheme.parse(scheme, field: field("\(here)")).description
        }
        // With no key header, a literal stand-in in the query (`?exaApiKey=your-exa-api-key`) is
        // where the key goes.
        if auth == nil, let (parameter, value) = placeholderKeyParameter(in: url) {
            auth = "query:" + parameter
            url = removingQueryParameter(parameter, from: url)
            input.notes.append("\(field("\(at).url")): read \(parameter)=\(value) as the place for the key, sent as ?\(parameter)=KEY")
        }
        input.endpoint = Sourced(url, origin: field("\(at).url"))
        if let note = flags.note(path: path) { input.notes.insert(note, at: 0) }
        // The format has no field for OAuth: a server without a key header is open unless the
        // publisher says (in mcp-setup's _meta) that it signs users in.
        let meta = server["_meta"]?[metaNamespace]?[metaKey]
        if auth == nil, meta?["auth"]?.stringValue == "oauth" { auth = "oauth" }
        input.auth = Sourced(auth ?? "none", origin: field("\(at).headers"))
        if meta?["alsoOAuth"] == .bool(true) { input.alsoOAuth = Sourced(true, origin: field("_meta.\(metaKey).alsoOAuth")) }

        // The key's variable: its name suggests the environment variable, its placeholder the prefix.
        if let envVar = meta?["envVar"]?.stringValue {
            input.envVar = Sourced(envVar, origin: field("_meta.\(metaKey).envVar"))
        } else if let variable = secretVariable?.name, let envVar = environmentName(variable) {
            input.envVar = Sourced(envVar, origin: field("\(at) variable \(variable)"))
        }
        if let prefix = meta?["keyPrefix"]?.stringValue ?? secretVariable.flatMap({ keyPrefix(fromPlaceholder: $0.input["placeholder"]?.stringValue) }) {
            input.keyPrefix = Sourced(prefix, origin: field("\(at) placeholder"))
        }
        if let page = meta?["keyPage"]?.stringValue { input.keyPage = Sourced(page, origin: field("_meta.\(metaKey).keyPage")) }
        return input
    }

    /// Reads the schema's boolean flags (`isSecret`, `isRequired`), and the snake_case spelling
    /// (`is_secret`) that files written against early schemas use, remembering that it did.
    struct Flags {
        private(set) var snakeSpellings: [String] = []

        mutating func read(_ object: PlainValue?, _ name: String) -> Bool? {
            guard let object else { return nil }
            if let value = object[name] { return value == .bool(true) }
            let snake = name.unicodeScalars.map { ("A"..."Z").contains($0) ? "_" + String($0).lowercased() : String($0) }.joined()
            guard let value = object[snake] else { return nil }
            if !snakeSpellings.contains(snake) { snakeSpellings.append(snake) }
            return value == .bool(true)
        }

        /// The warning for a file that used the snake_case spelling.
        func note(path: String) -> String? {
            guard !snakeSpellings.isEmpty else { return nil }
            let camel = snakeSpellings.map { $0.split(separator: "_").enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined() }
            return "\(path): read \(snakeSpellings.joined(separator: " and ")) as \(camel.joined(separator: " and ")), the schema's spelling"
        }
    }

    /// A query parameter named like a key (`apiKey`, `exaApiKey`, `token`) whose value is a
    /// stand-in (`your-…`, `<…>`, `xxx…`): where the publisher shows the key going.
    static func placeholderKeyParameter(in url: String) -> (parameter: String, value: String)? {
        guard let question = url.firstIndex(of: "?") else { return nil }
        for item in url[url.index(after: question)...].split(separator: "&") {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let name = parts[0].lowercased(), value = parts[1].lowercased()
            let keyLike = name.hasSuffix("key") || name.hasSuffix("token") || name == "apikey" || name.hasSuffix("api_key")
            let standIn = value.hasPrefix("your") || value.hasPrefix("<") || value.hasPrefix("xxx") || value.contains("placeholder")
            if keyLike && standIn && AuthScheme.isQueryParameter(parts[0]) { return (parts[0], parts[1]) }
        }
        return nil
    }

    /// `{name}` identifiers in a template, in order, once each.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !name.isEmpty, name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "_" }), !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static func variableInputs(of header: PlainValue) -> [(key: String, value: PlainValue)] {
        if case .object(let members)? = header["variables"] { return members }
        return []
    }

    /// The query parameter whose value is exactly `{name}`.
    static func queryParameter(holding name: String, in url: String) -> String? {
        guard let question = url.firstIndex(of: "?") else { return nil }
        for item in url[url.index(after: question)...].split(separator: "&") {
            let parts = item.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[1] == "{" + name + "}" { return String(parts[0]) }
        }
        return nil
    }

    static func removingQueryParameter(_ parameter: String, from url: String) -> String {
        guard let question = url.firstIndex(of: "?") else { return url }
        let kept = url[url.index(after: question)...].split(separator: "&").filter { !$0.hasPrefix(parameter + "=") }
        return String(url[..<question]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }

    /// Last segments that say nothing about which server it is (`com.stripe/mcp`).
    static let genericNames: Set<String> = ["mcp", "server", "mcp-server", "server-mcp", "remote", "remote-mcp", "mcp-remote", "api", "main", "official", "default", "app", "service"]

    /// `dev.acme/acme-mcp` → `acme-mcp`: the part after the namespace, as a profile name (the
    /// project's one slug function). A generic last part (`com.stripe/mcp`,
    /// `io.github.mapbox/mcp-server`) gives way to the vendor: the GitHub user under
    /// `io.github.`, else the namespace's registrable name (`com.cloudflare.mcp` → `cloudflare`),
    /// so two servers never install under the same bare word.
    static func slug(_ registryName: String) -> String {
        let parts = registryName.split(separator: "/", maxSplits: 1).map(String.init)
        let last = Slug.make(parts.last ?? registryName)
        guard parts.count == 2, last.isEmpty || genericNames.contains(last) else { return last.isEmpty ? "server" : last }
        let namespace = parts[0]
        let vendor: String
        if namespace.lowercased().hasPrefix("io.github.") {
            vendor = Slug.make(String(namespace.dropFirst("io.github.".count)))
        } else {
            let labels = namespace.split(separator: ".").map(String.init)
            vendor = Slug.make(labels.count >= 2 ? labels[1] : labels.first ?? "")
        }
        return vendor.isEmpty ? (last.isEmpty ? "server" : last) : vendor
    }

    /// `acme_api_key` → `ACME_API_KEY`, when that is a variable name.
    static func environmentName(_ variable: String) -> String? {
        let name = variable.uppercased().replacingOccurrences(of: "-", with: "_")
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first),
              name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else { return nil }
        return name
    }

    /// `sk_live_...` → `sk_live_`: the placeholder's fixed start, when it ends in an ellipsis.
    static func keyPrefix(fromPlaceholder placeholder: String?) -> String? {
        guard var text = placeholder else { return nil }
        for ending in ["...", "…", "<key>", "XXXX"] where text.hasSuffix(ending) {
            text.removeLast(ending.count)
            return text.isEmpty ? nil : text
        }
        return nil
    }

    // MARK: Writing

    /// The `server.json` for a profile, to publish in the registry. `registryName` defaults to
    /// the endpoint's host, reversed, and the profile's name (`dev.acme/acme`).
    public static func document(for profile: ServerProfile, registryName: String? = nil, version: String = "1.0.0", description: String? = nil) -> PlainValue {
        let variable = profile.envVar.lowercased()
        let keyDescription = "\(profile.title) API key" + (profile.keyPage.map { " (create one at \($0))" } ?? "")
        var keyInput: [(key: String, value: PlainValue)] = [
            ("description", .string(keyDescription)), ("isRequired", .bool(true)), ("isSecret", .bool(true)),
        ]
        if let prefix = profile.keyPrefix { keyInput.append(("placeholder", .string(prefix + "..."))) }
        var remote: [(key: String, value: PlainValue)] = [("type", .string(profile.transport == .sse ? "sse" : "streamable-http"))]
        var url = profile.endpoint
        var headers: [PlainValue] = []
        switch profile.auth {
        case .bearer:
            headers.append(.object([("name", .string("Authorization")), ("description", .string("\(profile.title) API key, sent as a bearer token")),
                                    ("isRequired", .bool(true)), ("isSecret", .bool(true)), ("value", .string("Bearer {\(variable)}")),
                                    ("variables", .object([(variable, .object(keyInput))]))]))
        case .header(let name, let prefix, let suffix):
            var header: [(key: String, value: PlainValue)] = [("name", .string(name)), ("description", .string(prefix.isEmpty && suffix.isEmpty ? keyDescription : "\(profile.title) API key, sent as \(name): \(prefix)<key>\(suffix)")), ("isRequired", .bool(true)), ("isSecret", .bool(true))]
            if !prefix.isEmpty || !suffix.isEmpty {
                header.append(("value", .string(prefix + "{\(variable)}" + suffix)))
                header.append(("variables", .object([(variable, .object(keyInput))])))
            } else if let prefix = profile.keyPrefix {
                header.append(("placeholder", .string(prefix + "...")))
            }
            headers.append(.object(header))
        case .query(let parameter):
            url += (url.contains("?") ? "&" : "?") + parameter + "={\(variable)}"
            remote.append(("url", .string(url)))
            remote.append(("variables", .object([(variable, .object(keyInput))])))
        case .oauth, .none:
            break
        }
        if remote.first(where: { $0.key == "url" }) == nil { remote.insert(("url", .string(url)), at: 1) }
        if !headers.isEmpty { remote.append(("headers", .array(headers))) }
        var meta: [(key: String, value: PlainValue)] = [("envVar", .string(profile.envVar))]
        if profile.auth == .oauth { meta.append(("auth", .string("oauth"))) }
        if profile.alsoOAuth { meta.append(("alsoOAuth", .bool(true))) }
        if let page = profile.keyPage { meta.append(("keyPage", .string(page))) }
        if let prefix = profile.keyPrefix { meta.append(("keyPrefix", .string(prefix))) }
        let summary = description ?? "Connects AI assistants to \(profile.title) over MCP."
        return .object([
            ("$schema", .string(schemaURL)),
            ("name", .string(registryName ?? defaultRegistryName(for: profile))),
            ("title", .string(String(profile.title.prefix(100)))),
            ("description", .string(String(summary.prefix(100)))),
            ("version", .string(version)),
            ("remotes", .array([.object(remote)])),
            ("_meta", .object([(metaNamespace, .object([(metaKey, .object(meta))]))])),
        ])
    }

    /// The `server.json` text for a profile, parsed back and compared with the value it was
    /// written from before it is returned (rule 2, as for every artifact).
    public static func text(for profile: ServerProfile, registryName: String? = nil, version: String = "1.0.0") throws -> String {
        let value = document(for: profile, registryName: registryName, version: version)
        let text = JSONSyntax.pretty(value) + "\n"
        guard (try? JSONParser.parse(text)) == value else {
            throw InternalError(subject: "server.json", message: "the written file does not parse back to its value")
        }
        return text
    }

    /// `dev.acme/acme` for `https://mcp.acme.dev/…` and the name `acme`.
    static func defaultRegistryName(for profile: ServerProfile) -> String {
        let host = URLComponents(string: profile.endpoint)?.host ?? "example.com"
        let labels = host.split(separator: ".").map(String.init)
        let namespace = labels.count >= 2 ? labels.suffix(2).reversed().joined(separator: ".") : "local." + host
        return namespace.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" } + "/" + profile.name
    }
}
