/// What the agent targets (APIs and SDKs called from code, and agent builders) share: where the
/// key comes from in code, the auth forms a target can send, and the notes every snippet needs.
/// The facts of each target are in its own file; ``AgentAPIFacts`` holds the ones several share.
extension SetupRequest {
    /// The environment variable a snippet reads the key from: the one `--token-env` names, or
    /// the server's.
    var codeVariable: String {
        if case .environment(let variable) = credential { return variable }
        return profile.envVar
    }

    /// The key as code writes it: read from the environment, unless the key itself was given
    /// (then it is written into the code, as the user asked).
    var codeKey: Text {
        holdsRealKey ? .secret : .environment(codeVariable)
    }

    /// The endpoint as code writes it: for query auth the key is appended as the value of the
    /// server's parameter.
    var codeEndpoint: Text { codeEndpoint(key: codeKey) }

    /// The endpoint with `key` (the secret, or an environment read) for query auth.
    func codeEndpoint(key: Text) -> Text {
        guard case .query(let parameter) = profile.auth else { return .literal(profile.endpoint) }
        if !key.containsEnvironment { return endpointText }
        return .literal(profile.endpoint + Link.items(profile.endpoint, []).querySeparator + PercentEncoding.encode(parameter) + "=") + key
    }

    /// The key in a `curl` command: always the shell variable, even when the key was given,
    /// so it stays out of shell history and `ps` (agent-apis-2026-12.md §11, rule 3).
    var shellKey: Text { .environment(codeVariable) }

    /// The `headers` map a client-side SDK sends, or `nil` when no header carries the key.
    var codeHeaders: Value? {
        headersValue(key: codeKey)
    }

    /// Whether the server takes `Authorization: Bearer <key>`, the one form hosted connectors send.
    var takesBearer: Bool {
        switch profile.auth {
        case .bearer: return true
        case .header(let name, let prefix, let suffix):
            return name.lowercased() == "authorization" && prefix.lowercased() == "bearer " && suffix.isEmpty
        case .query, .oauth, .none: return false
        }
    }

    /// Whether a snippet reads an environment variable (Python then imports `os`).
    var codeReadsEnvironment: Bool {
        profile.auth.usesKey && !holdsRealKey
    }

    /// Where the key comes from, and the query-key warning, for every snippet; `shell` for a
    /// `curl` command, which reads the key from the shell even when it was given (``shellKey``).
    func codeNotes(shell: Bool = false) -> [String] {
        var notes: [String] = []
        if profile.auth.usesKey {
            if shell {
                notes.append("Set \(codeVariable) to your \(profile.title) key first (the command reads it, so the key stays out of your shell history). The shell puts it into the JSON body as it is, so this works for keys without a double quote or a backslash; the Python and TypeScript forms take any key.")
            } else if holdsRealKey {
                notes.append("The key is written into this code because you gave it: keep the file out of version control, or render without the key to read it from \(codeVariable).")
            } else {
                notes.append("Set \(codeVariable) to your \(profile.title) key in the environment the program runs in; the code reads it from there.")
            }
        }
        if case .query = profile.auth, shell || !holdsRealKey {
            notes.append("The key is added to the URL as it is: percent-encode it first if it holds characters other than letters, digits and - . _ ~.")
        }
        if let note = queryKeyNote { notes.append(note) }
        return notes
    }

    /// Why a hosted connector (called from its vendor's cloud) cannot reach the server, or
    /// `nil` when it can.
    func hostedUnreachable(_ service: String, instead: String) -> String? {
        guard Endpoint.isUnreachableFromCloud(profile.endpoint) else { return nil }
        return "\(service) connects from its vendor's cloud, which cannot reach \(Endpoint.redacted(profile.endpoint)) (a local or private address); \(instead)"
    }

    /// Why a snippet cannot be made for an OAuth server, or `nil`: code has no browser to sign
    /// in with, so the application must get a token first.
    func codeOAuthReason(_ target: String, hook: String? = nil) -> String? {
        guard profile.auth == .oauth else { return nil }
        let instead = hook.map { "use \(target)'s OAuth support (\($0)), or " } ?? ""
        return "\(profile.title) signs in with OAuth, and these snippets send a key: \(instead)run the OAuth flow for \(Endpoint.redacted(profile.endpoint)) in your application and send the access token as a bearer token."
    }
}

extension SetupRequest {
    /// The note of a form field that holds the key when the user chose to reference a variable:
    /// an agent builder runs in the cloud and reads no environment.
    func builderKeyNotes(_ builder: String) -> [String] {
        credential.isReference ? ["\(builder) runs in the cloud and reads no environment variables: type your key where \(placeholder) stands."] : []
    }
}

/// Facts several agent targets share.
enum AgentAPIFacts {
    /// The prompt every snippet sends, as a value (it holds the server's title).
    static func prompt(_ request: SetupRequest) -> Value {
        .literal("What can you do with \(request.profile.title)?")
    }

    /// The model named in OpenAI snippets: the one OpenAI's late-2026 examples use.
    static let openAIModel = "gpt-6.2-astra"
    /// The model named in Anthropic snippets: the one Anthropic's connector examples use.
    static let anthropicModel = "claude-opus-4-6"
    /// The model named in Google snippets.
    static let geminiModel = "gemini-3.5-flash"

    /// The approval note of targets whose snippet sets approval to never.
    static func approvalNote(_ field: String) -> String {
        "\(field) lets the model call every tool of the server without asking; set it to always, or list the tools that need approval, to confirm each call."
    }
}

/// Builds a `curl` request to an agent API: the headers (the vendor's key read from its
/// variable), and the JSON body with the server's key read from the shell (``shellKey``).
/// `notes` come after the vendor's note and where the key comes from.
func curlArtifact(url: String, headers: [Text], body: Value, request: SetupRequest, vendorNote: String, notes: [String]) -> ArtifactSpec {
    var argv: [Text] = ["curl", .literal(url)]
    for header in headers { argv += ["-H", header] }
    argv += ["-d", .json(body)]
    return ArtifactSpec("curl", kind: .code, title: "curl", body: .document(.command(argv: argv, shell: .posix)),
                        notes: [vendorNote] + request.codeNotes(shell: true) + notes)
}

/// The code artifacts with these ids, each unavailable for the same reason.
func unavailableCode(_ ids: [String], reason: String) -> [ArtifactSpec] {
    ids.map { id in ArtifactSpec(id, kind: .code, title: codeTitle(id), body: .unavailable(reason: reason)) }
}

/// The title of a code artifact, by its id.
func codeTitle(_ id: String) -> String {
    ["python": "Python", "typescript": "TypeScript", "curl": "curl", "python-hosted": "Python (hosted tool)", "typescript-hosted": "TypeScript (hosted tool)"][id] ?? id
}

/// Builds one code artifact.
func codeArtifact(_ id: String, title: String, _ language: CodeLanguage, notes: [String], build: (inout CodeBuilder) -> Void) -> ArtifactSpec {
    var builder = CodeBuilder(language)
    build(&builder)
    return ArtifactSpec(id, kind: .code, title: title, body: .document(.code(builder.code)), notes: notes)
}

extension CodeBuilder {
    /// `import os` and a blank line when the snippet reads the environment; nothing otherwise.
    mutating func pythonImportOS(_ request: SetupRequest) {
        if request.codeReadsEnvironment { source("import os\n") }
    }

    /// In TypeScript, the line that stops the program when the key's variable is unset, after
    /// the imports; nothing when the snippet reads no variable.
    mutating func typescriptRequireKey(_ request: SetupRequest) {
        if request.codeReadsEnvironment, let check = CodeSyntax.environmentCheck(request.codeVariable, .typescript) { source(check) }
    }
}

/// The support matrix's environment syntax of a client whose snippets are in `languages`:
/// how each one reads `VAR`, as the code encoder writes it.
func codeEnvironmentSyntax(_ languages: [CodeLanguage]) -> String {
    languages.map { CodeSyntax.environmentRead("VAR", $0) }.joined(separator: " / ")
}
