import MCPSetup

/// The template-owned sections a content page can include with `{{> keys/NAME}}` on a line of
/// its own: the facts of mcp-setup.yml's `keys:` block (and `key_prefix`, `key_page`), laid out
/// by `templates/partials/keys/NAME.mustache`. A section whose facts are not configured is not
/// rendered as an empty box: including it is an error that names the setting to add.
struct KeySections: Sendable {
    /// The sections and the settings each needs (any one of them).
    static let needs: [(name: String, settings: [String])] = [
        ("keys/create", ["keys.create_url", "keys.create_path", "key_page"]),
        ("keys/preview", ["keys.prefix", "keys.masked_preview", "key_prefix"]),
        ("keys/scopes", ["keys.scopes"]),
        ("keys/lifecycle", ["keys.shown_once: true", "keys.rotation", "keys.disable", "keys.delete", "keys.revoke"]),
        ("keys/legacy", ["keys.legacy_token"]),
        ("keys/oauth", ["keys.oauth"]),
        ("keys/errors", ["keys.errors"]),
    ]

    /// The HTML of each section whose facts are configured, by name (`keys/scopes`).
    let html: [String: String]

    /// Renders the sections.
    init(facts: KeyFacts, profile: ServerProfile, templates: TemplateSet) throws(SetupError) {
        let createURL = facts.createURL ?? profile.keyPage
        let prefix = facts.prefix ?? profile.keyPrefix
        let preview = facts.maskedPreview ?? profile.maskedPreview
        var context: [String: Any] = [
            "server": ["title": profile.title],
            "scopes": facts.scopes.map { ["name": $0.name, "meaning": $0.meaning] },
            "refusals": facts.refusals.map { ["status": String($0.status), "meaning": $0.meaning] },
            "shownOnce": facts.shownOnce == true,
        ]
        for (key, value) in [("createURL", createURL), ("createPath", facts.createPath), ("prefix", prefix), ("rotation", facts.rotation),
                             ("disabling", facts.disabling), ("deleting", facts.deleting), ("revocation", facts.revocation),
                             ("legacyToken", facts.legacyToken), ("oauth", facts.oauth)] {
            if let value { context[key] = value }
        }
        if let preview {
            var shape: [String: Any] = ["shownStart": String(preview.shownStart), "shownEnd": String(preview.shownEnd)]
            if let example = preview.example { shape["example"] = example }
            context["preview"] = shape
        }
        let available: [String: Bool] = [
            "keys/create": createURL != nil || facts.createPath != nil,
            "keys/preview": prefix != nil || preview != nil,
            "keys/scopes": !facts.scopes.isEmpty,
            "keys/lifecycle": facts.shownOnce == true || facts.rotation != nil || facts.disabling != nil || facts.deleting != nil || facts.revocation != nil,
            "keys/legacy": facts.legacyToken != nil,
            "keys/oauth": facts.oauth != nil,
            "keys/errors": !facts.refusals.isEmpty,
        ]
        var html: [String: String] = [:]
        for (name, _) in Self.needs where available[name] == true {
            html[name] = try templates.render("partials/" + name, context)
        }
        self.html = html
    }

    /// Why a section cannot be included: the name is unknown, or its facts are not configured.
    static func problem(_ name: String) -> String {
        guard let need = needs.first(where: { $0.name == name }) else {
            return "{{> \(name)}} is not a section mcp-setup knows; use one of \(needs.map { "{{> \($0.name)}}" }.joined(separator: ", "))"
        }
        return "{{> \(name)}} needs \(need.settings.count == 1 ? need.settings[0] : "one of " + need.settings.joined(separator: ", ")) in mcp-setup.yml"
    }
}
