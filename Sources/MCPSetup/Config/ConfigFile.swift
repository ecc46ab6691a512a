import Foundation
import Yams

/// The project's `mcp-setup.yml`: the server profile, and settings for the docs site.
public struct ConfigFile: Sendable {
    /// The file name looked for in the working directory.
    public static let defaultName = "mcp-setup.yml"

    /// The path it was read from.
    public let path: String
    /// The server profile: the file's own fields over those of the `server.json` it names.
    public let profile: ProfileInput
    /// The file's own profile fields, without a `server.json` under them.
    public let fields: ProfileInput
    /// `server_json:`, the registry file the profile starts from (relative to this file).
    public let serverJSON: Sourced<String>?
    /// The `site:` section, as plain strings keyed by name, with origins.
    public let site: [String: Sourced<String>]
    /// The `keys:` section: what the docs say about keys.
    public let keys: KeyFacts

    static let profileKeys = ["name", "title", "endpoint", "transport", "auth", "env_var", "key_prefix", "key_page", "also_oauth", "allow_http", "mcp_remote_version"]
    static let topLevelKeys = profileKeys + ["server_json", "server_json_vars", "site", "keys"]

    /// Reads and checks a config file. Unknown keys, wrong types and YAML errors name the file,
    /// line and column.
    public static func load(path: String, variables: [String: String] = [:]) throws(SetupError) -> ConfigFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            if !FileManager.default.fileExists(atPath: path) {
                throw SetupError("\(path): no such file; pass --config FILE, or run in a folder with \(defaultName)")
            }
            throw SetupError("\(path): cannot be read as UTF-8 text")
        }
        return try parse(text, path: path, variables: variables)
    }

    /// Parses the text of a config file; `path` is used in messages.
    public static func parse(_ text: String, path: String, variables: [String: String] = [:]) throws(SetupError) -> ConfigFile {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw SetupError(YAMLProblem(error, text: text).message(path: path))
        }
        guard let node else { throw SetupError("\(path): the file is empty; add at least name: and endpoint:") }
        guard let mapping = node.mapping else {
            throw SetupError("\(location(path, node)): expected keys such as name: and endpoint:, found \(kind(node))")
        }
        var input = ProfileInput()
        var site: [String: Sourced<String>] = [:]
        var serverJSON: Sourced<String>?
        var keys = KeyFacts()
        var keyFields = ProfileInput()
        var serverJSONVariables: [String: String] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else { throw SetupError("\(location(path, keyNode)): keys must be plain words") }
            let origin = "\(location(path, keyNode)): \(key)"
            switch key {
            case "name": input.name = Sourced(try string(valueNode, origin: origin, path: path), origin: origin)
            case "title": input.title = Sourced(try string(valueNode, origin: origin, path: path), origin: origin)
            case "endpoint": input.endpoint = Sourced(try string(valueNode, origin: origin, path: path), origin: origin)
            case "transport": input.transport = Sourced(try string(valueNode, origin: origin, path: path), origin: origin)
            case "auth": input.auth = Sourced(try string(valueNode, origin: origin, path: path), origin: origin)
            case "env_var": input.envVar = Sourced(try string(valueNode, origin: origin, path: path), origin: origin)
            case "key_prefix": input.keyPrefix = Sourced(try string(valueNode, origin: origin, path: path), origin: origin)
            case "key_page": input.keyPage = Sourced(try string(valueNode, origin: origin, path: path), origin: origin)
            case "mcp_remote_version": input.mcpRemoteVersion = Sourced(try string(valueNode, origin: origin, path: path), origin: origin)
            case "also_oauth":
                guard let bool = valueNode.bool else { throw SetupError("\(origin) must be true or false") }
                input.alsoOAuth = Sourced(bool, origin: origin)
            case "allow_http":
                guard let bool = valueNode.bool else { throw SetupError("\(origin) must be true or false") }
                input.allowHTTP = Sourced(bool, origin: origin)
            case "server_json":
                let relative = try string(valueNode, origin: origin, path: path)
                let folder = (path as NSString).deletingLastPathComponent
                serverJSON = Sourced(relative.hasPrefix("/") || folder.isEmpty ? relative : folder + "/" + relative, origin: origin)
            case "server_json_vars":
                guard let varsMapping = valueNode.mapping else { throw SetupError("\(origin) must be a mapping of variable names to values") }
                for (varKey, varValue) in varsMapping {
                    guard let name = varKey.string else { throw SetupError("\(location(path, varKey)): keys must be plain words") }
                    serverJSONVariables[name] = try string(varValue, origin: "\(location(path, varKey)): server_json_vars.\(name)", path: path)
                }
            case "site":
                guard let siteMapping = valueNode.mapping else { throw SetupError("\(origin) must be a mapping of settings") }
                for (siteKey, siteValue) in siteMapping {
                    guard let name = siteKey.string else { throw SetupError("\(location(path, siteKey)): keys must be plain words") }
                    let siteOrigin = "\(location(path, siteKey)): site.\(name)"
                    site[name] = Sourced(try string(siteValue, origin: siteOrigin, path: path), origin: siteOrigin)
                }
            case "keys":
                (keys, keyFields) = try parseKeys(valueNode, origin: origin, path: path)
            default:
                let hint = suggestion(for: key, among: topLevelKeys).map { "; did you mean '\($0)'?" } ?? "; known keys: \(topLevelKeys.joined(separator: ", "))"
                throw SetupError("\(location(path, keyNode)): unknown key '\(key)'\(hint)")
            }
        }
        try mergeKeys(keyFields, into: &input)
        var profile = input
        if let serverJSON {
            let base = try ServerJSON.load(path: serverJSON.value, origin: serverJSON.origin, variables: serverJSONVariables.merging(variables) { $1 })
            profile = base.overridden(by: input)
        }
        return ConfigFile(path: path, profile: profile, fields: input, serverJSON: serverJSON, site: site, keys: keys)
    }

    static func string(_ node: Node, origin: String, path: String) throws(SetupError) -> String {
        guard case .scalar(let scalar) = node else {
            throw SetupError("\(origin) must be a single value, found \(kind(node))")
        }
        return scalar.string
    }

    static func location(_ path: String, _ node: Node) -> String {
        guard let mark = node.mark else { return path }
        return "\(path):\(mark.line):\(mark.column)"
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: return "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The known key closest to a misspelt one, when it is close enough to be a likely typo.
    public static func suggestion(for key: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(key, $0)) }.min { $0.1 < $1.1 }
        guard let (candidate, distance) = scored, distance <= max(2, key.count / 3) else { return nil }
        return candidate
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
