import Yams

extension ConfigFile {
    /// Reads the `keys:` block. `prefix`, `create_url` and `masked_preview` are also profile
    /// fields (`key_prefix`, `key_page`, the card's preview): they are returned with their
    /// origins too, for ``mergeKeys(_:into:)`` once the whole file is read.
    static func parseKeys(_ node: Node, origin: String, path: String) throws(SetupError) -> (facts: KeyFacts, profileFields: ProfileInput) {
        var input = ProfileInput()
        guard let mapping = node.mapping else { throw SetupError("\(origin) must be a mapping of key facts, such as prefix: and scopes:") }
        var facts = KeyFacts()
        for (keyNode, valueNode) in mapping {
            guard let name = keyNode.string else { throw SetupError("\(location(path, keyNode)): keys must be plain words") }
            let field = "\(location(path, keyNode)): keys.\(name)"
            func text() throws(SetupError) -> String {
                let value = try string(valueNode, origin: field, path: path)
                guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw SetupError("\(field) is empty; write the fact, or leave the key out") }
                return value
            }
            switch name {
            case "prefix":
                let prefix = try text()
                input.keyPrefix = Sourced(prefix, origin: field)
                facts.prefix = prefix
            case "create_url":
                let url = try text()
                input.keyPage = Sourced(url, origin: field)
                facts.createURL = url
            case "masked_preview":
                let example = try text()
                facts.maskedPreview = try MaskedPreview(example: example, field: field)
                input.maskedPreview = Sourced(example, origin: field)
            case "create_path": facts.createPath = try text()
            case "shown_once":
                guard let bool = valueNode.bool else { throw SetupError("\(field) must be true or false") }
                facts.shownOnce = bool
            case "rotation": facts.rotation = try text()
            case "disable": facts.disabling = try text()
            case "delete": facts.deleting = try text()
            case "revoke": facts.revocation = try text()
            case "legacy_token": facts.legacyToken = try text()
            case "oauth": facts.oauth = try text()
            case "scopes":
                facts.scopes = try list(valueNode, field: field, path: path, fields: ("name", "meaning")).map { KeyFacts.Scope(name: $0.0, meaning: $0.1) }
            case "errors":
                facts.refusals = try list(valueNode, field: field, path: path, fields: ("status", "meaning")).map { item throws(SetupError) in
                    guard let status = Int(item.0), (400...599).contains(status) else {
                        throw SetupError("\(item.2): status '\(item.0)' must be an HTTP error status from 400 to 599")
                    }
                    return KeyFacts.Refusal(status: status, meaning: item.1)
                }
            default:
                let hint = suggestion(for: name, among: KeyFacts.settingNames).map { "; did you mean 'keys.\($0)'?" } ?? "; known keys: \(KeyFacts.settingNames.joined(separator: ", "))"
                throw SetupError("\(location(path, keyNode)): unknown key 'keys.\(name)'\(hint)")
            }
        }
        return (facts, input)
    }

    /// Sets the profile fields the `keys:` block gives, refusing one that disagrees with the
    /// same fact at the top level of the file (wherever in the file either comes).
    static func mergeKeys(_ fields: ProfileInput, into input: inout ProfileInput) throws(SetupError) {
        if let prefix = fields.keyPrefix { try agree(&input.keyPrefix, with: prefix, topLevel: "key_prefix") }
        if let page = fields.keyPage { try agree(&input.keyPage, with: page, topLevel: "key_page") }
        if let preview = fields.maskedPreview { input.maskedPreview = preview }
    }

    /// Sets a profile field from the `keys:` block, or checks that it agrees with the top level.
    private static func agree(_ field: inout Sourced<String>?, with value: Sourced<String>, topLevel: String) throws(SetupError) {
        if let existing = field, existing.value != value.value {
            throw SetupError("\(value.origin) '\(value.value)' disagrees with \(existing.origin) '\(existing.value)'; give the fact once (keys.\(value.origin.split(separator: ".").last ?? "") or \(topLevel))")
        }
        field = field ?? value
    }

    /// A list of two-field mappings (`- name: read` / `meaning: …`): each item's two values and
    /// its location.
    private static func list(_ node: Node, field: String, path: String, fields: (String, String)) throws(SetupError) -> [(String, String, String)] {
        guard let sequence = node.sequence else {
            throw SetupError("\(field) must be a list of items with \(fields.0): and \(fields.1):, found \(kind(node))")
        }
        var items: [(String, String, String)] = []
        for item in sequence {
            let at = location(path, item)
            guard let mapping = item.mapping else { throw SetupError("\(at): each item of \(field.split(separator: " ").last ?? "") needs \(fields.0): and \(fields.1):") }
            var values: [String: String] = [:]
            for (keyNode, valueNode) in mapping {
                guard let key = keyNode.string, key == fields.0 || key == fields.1 else {
                    throw SetupError("\(location(path, keyNode)): unknown key '\(keyNode.string ?? "")' in an item; an item has \(fields.0): and \(fields.1):")
                }
                values[key] = try string(valueNode, origin: "\(location(path, keyNode)): \(key)", path: path)
            }
            guard let first = values[fields.0], let second = values[fields.1], !first.isEmpty, !second.isEmpty else {
                throw SetupError("\(at): an item needs both \(fields.0): and \(fields.1):")
            }
            items.append((first, second, at))
        }
        return items
    }
}
