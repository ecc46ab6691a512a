/// The data templates see: dictionaries of strings, booleans and lists built from the rendered
/// artifacts. Values that are already in their target syntax (a fenced code block, a code span,
/// instruction prose) are named so templates insert them with `{{{…}}}`.
enum PresentationContext {
    static func server(_ profile: ServerProfile) -> [String: Any] {
        [
            "name": profile.name,
            "title": profile.title,
            "endpoint": profile.endpoint,
            "endpointCode": MarkdownText.codeSpan(profile.endpoint),
            "nameCode": MarkdownText.codeSpan(profile.name),
            "envVar": profile.envVar,
            "envVarCode": MarkdownText.codeSpan(profile.envVar),
            "transport": profile.transport.rawValue,
            "transportLabel": profile.transport == .http ? "Streamable HTTP" : "SSE",
            "auth": profile.auth.description,
            "authLabel": authLabel(profile.auth),
            "keyPrefix": profile.keyPrefix ?? "",
            "keyPage": profile.keyPage ?? "",
        ]
    }

    static func authLabel(_ auth: AuthScheme) -> String {
        switch auth {
        case .bearer: return "key sent as Authorization: Bearer"
        case .header(let name, let prefix, let suffix):
            return prefix.isEmpty && suffix.isEmpty ? "key sent in the \(name) header" : "key sent as \(name): \(prefix)<key>\(suffix)"
        case .query(let parameter): return "key sent as the \(parameter) query parameter"
        case .oauth: return "sign-in with OAuth"
        case .none: return "no authentication"
        }
    }

    static func credential(_ request: SetupRequest) -> [String: Any] {
        let label: String
        switch request.credential {
        case .inline(let secret): label = "The artifacts below contain your key (\(secret.masked)); treat them like a password."
        case .environment(let variable): label = "The artifacts read the key from the environment variable \(variable); none of them contains it."
        case .placeholder: label = "Replace \(request.placeholder) with your key."
        case .prompt: label = "Clients that can ask for the key prompt for it; the others read it from \(request.profile.envVar)."
        case .none: label = request.profile.auth == .oauth ? "No key is needed: the client signs in with OAuth." : "No key is needed."
        }
        // `is.<mode>` lets a template word itself per mode: {{#credential.is.prompt}}…{{/credential.is.prompt}}.
        return ["mode": request.credential.modeName, "label": label, "is": [request.credential.modeName: true]]
    }

    static func artifact(_ artifact: Artifact) -> [String: Any] {
        var context: [String: Any] = [
            "id": artifact.id,
            "title": artifact.title,
            "kind": artifact.kind.rawValue,
            "available": artifact.isAvailable,
            "notes": artifact.notes,
            "hasPaths": !artifact.paths.isEmpty,
            "paths": artifact.paths.map { path in
                ["label": pathLabel(path), "path": path.path, "pathCode": MarkdownText.codeSpan(path.path)]
            },
            "secret": artifact.secret,
        ]
        if let reason = artifact.unavailableReason { context["reason"] = reason }
        if let content = artifact.content {
            let display = content.hasSuffix("\n") ? String(content.dropLast()) : content
            context["content"] = content
            context["display"] = display
            context["codeBlock"] = MarkdownText.codeBlock(display, language: language(artifact))
            if artifact.kind == .link {
                context["linkMarkdown"] = artifact.badge.map { MarkdownText.badge($0, to: content) } ?? MarkdownText.link(artifact.title, to: content)
            }
        }
        return context
    }

    static func language(_ artifact: Artifact) -> String {
        if let format = artifact.format { return format.rawValue }
        if let language = artifact.language { return language.rawValue }
        if let shell = artifact.shell.flatMap(Shell.init(rawValue:)) { return shell.fenceLanguage }
        return "text"
    }

    static func pathLabel(_ path: ConfigPath) -> String {
        let os = ["macos": "macOS", "windows": "Windows", "linux": "Linux", "any": "Any OS"][path.os] ?? path.os
        return path.scope == "project" ? "Project (\(os))" : os
    }
}
