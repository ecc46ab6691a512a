import MCPSetup

/// The pages `mcp-setup init` starts a docs site with: getting started, keys, authentication
/// and errors, connect, troubleshooting. Facts come from the profile and the key sections
/// (`{{> keys/…}}`, included only where their facts are configured); the prose around them
/// is generic and true of any server, for the docs team to make their own.
struct StarterPages {
    let profile: ServerProfile
    let keys: KeyFacts

    /// Each page's path under `content/` and its text.
    var pages: [(path: String, text: String)] {
        var pages = [("index.md", gettingStarted)]
        if profile.auth.usesKey { pages.append(("keys.md", keysPage)) }
        pages += [("authentication.md", authentication), ("connect.md", connect), ("troubleshooting.md", troubleshooting)]
        return pages
    }

    private var title: String { MarkdownText.escape(profile.title) }
    private var endpoint: String { code(profile.endpoint) }

    /// A Markdown code span holding `text` whatever backticks it has.
    private func code(_ text: String) -> String {
        var fence = "`"
        while text.contains(fence) { fence += "`" }
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    /// A page's front matter, its values written by the YAML encoder.
    static func front(_ title: String, _ description: String, order: Int) -> String {
        "---\ntitle: " + YAMLSyntax.scalar(title) + "\ndescription: " + YAMLSyntax.scalar(description) + "\norder: \(order)\n---\n\n"
    }

    private var has: (create: Bool, preview: Bool, scopes: Bool, lifecycle: Bool, legacy: Bool, oauth: Bool, errors: Bool) {
        (keys.createURL != nil || keys.createPath != nil || profile.keyPage != nil,
         keys.prefix != nil || profile.keyPrefix != nil || profile.maskedPreview != nil,
         !keys.scopes.isEmpty,
         keys.shownOnce == true || keys.rotation != nil || keys.disabling != nil || keys.deleting != nil || keys.revocation != nil,
         keys.legacyToken != nil, keys.oauth != nil, !keys.refusals.isEmpty)
    }

    private var gettingStarted: String {
        var text = Self.front("Getting started", "Connect \(profile.title)'s MCP server to your AI client.", order: 1)
        text += "The \(title) MCP server lets AI clients such as Claude, Codex, Cursor and VS Code work with \(title) for you. Its address is \(endpoint).\n\n"
        if profile.auth.usesKey {
            text += "1. [Create a key](keys.md) for each client you use.\n"
            text += "2. [Connect your client](connect.md): paste the key once and every setup on the page holds it.\n"
        } else {
            text += "1. [Connect your client](connect.md): every setup on the page is ready to copy.\n"
        }
        text += "\(profile.auth.usesKey ? "3" : "2"). Ask your assistant something only \(title) knows. If it cannot reach \(title), [troubleshooting](troubleshooting.md) has the fixes.\n"
        return text
    }

    private var keysPage: String {
        var text = Self.front("API keys", "Create, scope, rotate and revoke the keys that connect AI clients to \(profile.title).", order: 2)
        text += "A key lets one AI client work in \(title) as you. Treat it like a password: keep it out of chats, tickets and shared files, and use one key per client and device, so losing a laptop means revoking one key.\n\n"
        if has.create { text += "## Create a key\n\n{{> keys/create}}\n\n" }
        if has.preview { text += "## What a key looks like\n\n{{> keys/preview}}\n\n" }
        if has.scopes { text += "## Scopes\n\nGive each key only the scopes its client needs.\n\n{{> keys/scopes}}\n\n" }
        if has.lifecycle { text += "## Rotating and revoking\n\n{{> keys/lifecycle}}\n\n" }
        if has.legacy { text += "{{> keys/legacy}}\n\n" }
        text += "## Keeping keys out of files\n\nMost clients can read the key from the `\(profile.envVar)` environment variable, so the config file holds a reference rather than the key. [Connect your client](connect.md) shows both forms.\n"
        return text
    }

    private var authentication: String {
        var text = Self.front("Authentication and errors", "How \(profile.title)'s MCP server checks each request, and what its errors mean.", order: 3)
        switch profile.auth {
        case .bearer:
            text += "A client sends its key in the `Authorization` header of every request:\n\n```text\nAuthorization: Bearer YOUR_KEY\n```\n\nThat is the word `Bearer`, one space, then the key. You rarely write this by hand: each client's setup on [Connect your client](connect.md) does it.\n\n"
        case .header(let name, let prefix, let suffix):
            text += "A client sends its key in the \(code(name)) header of every request:\n\n```text\n\(name): \(prefix)YOUR_KEY\(suffix)\n```\n\nEach client's setup on [Connect your client](connect.md) does this for you.\n\n"
        case .query(let parameter):
            text += "A client sends its key as the \(code(parameter)) query parameter of the server's URL. The URL then holds the key: keep it out of shared files and screenshots, as you would the key.\n\n"
        case .oauth:
            text += "Clients sign in with OAuth: add the server's address, and the client sends you to \(title)'s sign-in page. No key is copied.\n\n"
        case .none:
            text += "The server takes requests without a key.\n\n"
        }
        if has.oauth { text += "{{> keys/oauth}}\n\n" }
        if has.errors { text += "## Errors\n\n{{> keys/errors}}\n\n" }
        if has.preview { text += "A key that does not look like this is the first thing to check:\n\n{{> keys/preview}}\n" }
        return text.hasSuffix("\n\n") ? String(text.dropLast()) : text
    }

    private var connect: String {
        var text = Self.front("Connect your AI client", "Setup for Claude, Codex, VS Code, Cursor and other clients\(profile.auth.usesKey ? ", with your key filled in" : "").", order: 4)
        text += "Every client connects to \(endpoint).\(profile.auth.usesKey ? " Paste your key into the box below and every command, config file and install link holds it; the key stays in this page." : "")\n\n"
        text += "```mcp-setup claude-code cursor vscode codex claude-desktop claude-ai chatgpt\n```\n\n"
        text += "[Every client](../clients/) has its own page.\n"
        return text
    }

    private var troubleshooting: String {
        var text = Self.front("Troubleshooting", "What to check when a client cannot reach \(profile.title).", order: 5)
        text += "## Let mcp-setup check it\n\n`mcp-setup doctor` sends the request a client sends and says in one line what is wrong, without printing the key:\n\n"
        let name = profile.name
        let keyFlag = profile.auth.usesKey ? " --token-stdin" : ""
        text += "```sh\nmcp-setup doctor --name \(name) --endpoint \(POSIXShell.quote(profile.endpoint))\(profile.auth == .bearer ? "" : " --auth " + POSIXShell.quote(profile.auth.description))\(keyFlag)\nmcp-setup doctor --name \(name) --client cursor\n```\n\n"
        text += "With `--client` it first checks the entry that client reads.\n"
        if profile.auth.usesKey {
            text += "\n## Common causes\n\n- The key was copied with a space, a line break or only in part: copy it again.\n- The client reads `\(profile.envVar)` but was started where the variable is not set.\n- The key was revoked or lacks a scope"
            text += has.scopes ? " ([scopes](keys.md#scopes)).\n" : ".\n"
        }
        return text
    }
}
