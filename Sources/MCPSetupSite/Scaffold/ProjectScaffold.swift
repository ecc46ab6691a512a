import Foundation
import MCPSetup
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new docs project, as `mcp-setup init` writes it: `mcp-setup.yml` with the server and its
/// key facts, and starter pages in `content/` that include the key sections those facts allow.
/// Nothing else is written, and no file that exists is touched.
public struct ProjectScaffold: Sendable {
    /// The server, as the config file will give it.
    public var input: ProfileInput
    /// The `keys:` facts.
    public var keys: KeyFacts
    /// The site's title (default: "<title> docs").
    public var siteTitle: String?

    /// Creates a scaffold. `input` holds the profile fields as given (flags or answers).
    public init(input: ProfileInput, keys: KeyFacts, siteTitle: String? = nil) {
        self.input = input
        self.keys = keys
        self.siteTitle = siteTitle
    }

    /// The files, relative to the project folder, in the order they are written.
    public func files() throws(SetupError) -> [(path: String, text: String)] {
        let profile = try input.profile()
        let config = try configText(profile: profile)
        let pages = StarterPages(profile: profile, keys: keys).pages.map { ("content/" + $0.path, $0.text) }
        // Each page's front matter is read back as the site reads it, and must write the same.
        for (path, text) in pages {
            let (front, _, _) = try FrontMatter.split(text, path: path)
            guard let description = front.description, text.hasPrefix(StarterPages.front(front.title, description, order: front.order)) else {
                throw SetupError("mcp-setup init could not write \(path) so that its front matter reads back as written; please report this with the values (not the key)")
            }
        }
        return [(ConfigFile.defaultName, config)] + pages
    }

    /// Writes the files into `directory` (created when missing). When any of them exists,
    /// nothing is written and the error names it; a file is created only if absent at that
    /// instant, and a failure part way removes what this call created. Returns the paths written.
    @discardableResult
    public func write(into directory: String) throws(SetupError) -> [String] {
        let files = try files()
        let existing = files.map { directory + "/" + $0.path }.filter { FileManager.default.fileExists(atPath: $0) || Self.isLink($0) }
        if let first = existing.first {
            throw SetupError("\(first) already exists\(existing.count > 1 ? " (and \(existing.count - 1) more of the files init writes)" : ""); init writes only new files, so run it in an empty folder or move \(existing.count > 1 ? "them" : "it") away")
        }
        var created: [String] = []
        var createdFolders: [String] = []
        do {
            for file in files {
                let path = directory + "/" + file.path
                let folder = (path as NSString).deletingLastPathComponent
                if !FileManager.default.fileExists(atPath: folder) {
                    try Self.makeFolders(folder, created: &createdFolders)
                }
                try Self.create(path, file.text)
                created.append(path)
            }
        } catch {
            for path in created.reversed() { unlink(path) }
            for folder in createdFolders.reversed() { rmdir(folder) }
            throw error
        }
        return created
    }

    /// The config file's text, checked by reading it back: the profile and key facts it gives
    /// must be exactly the ones asked for.
    func configText(profile: ServerProfile) throws(SetupError) -> String {
        var members: [(key: String, value: PlainValue)] = [("name", .string(profile.name)), ("title", .string(profile.title)), ("endpoint", .string(profile.endpoint))]
        if let transport = input.transport { members.append(("transport", .string(transport.value))) }
        if let auth = input.auth { members.append(("auth", .string(auth.value))) }
        if let envVar = input.envVar { members.append(("env_var", .string(envVar.value))) }
        if let keyPrefix = input.keyPrefix, keys.prefix == nil { members.append(("key_prefix", .string(keyPrefix.value))) }
        if let keyPage = input.keyPage, keys.createURL == nil { members.append(("key_page", .string(keyPage.value))) }
        if input.alsoOAuth?.value == true { members.append(("also_oauth", .bool(true))) }
        if input.allowHTTP?.value == true { members.append(("allow_http", .bool(true))) }
        let keyMembers = Self.members(of: keys, maskedPreview: input.maskedPreview?.value)
        if !keyMembers.isEmpty { members.append(("keys", .object(keyMembers))) }
        members.append(("site", .object([("title", .string(siteTitle ?? profile.title + " docs"))])))
        let text = """
        # The \(profile.title) MCP server and its docs site, written by mcp-setup init. `mcp-setup build`
        # turns content/ into output/; `mcp-setup serve` shows the site while you write. Every key of
        # this file is described in mcp-setup's README.md.

        """ + YAMLSyntax.document(.object(members))
        let check = try ConfigFile.parse(text, path: ConfigFile.defaultName)
        let expected = try input.profile()
        guard try check.profile.profile() == expected, check.keys == Self.normalized(keys, input: input) else {
            throw SetupError("mcp-setup init could not write a config file that reads back as the values given; please report this with the values (not the key)")
        }
        return text
    }

    /// What the config file reads back as: the keys block also carries the profile's prefix and
    /// key page when they were given there.
    private static func normalized(_ keys: KeyFacts, input: ProfileInput) -> KeyFacts {
        var keys = keys
        if keys.maskedPreview == nil, let example = input.maskedPreview?.value { keys.maskedPreview = try? MaskedPreview(example: example, field: "") }
        return keys
    }

    private static func members(of keys: KeyFacts, maskedPreview: String?) -> [(key: String, value: PlainValue)] {
        var members: [(key: String, value: PlainValue)] = []
        if let prefix = keys.prefix { members.append(("prefix", .string(prefix))) }
        if let example = keys.maskedPreview?.example ?? maskedPreview { members.append(("masked_preview", .string(example))) }
        if let url = keys.createURL { members.append(("create_url", .string(url))) }
        if let path = keys.createPath { members.append(("create_path", .string(path))) }
        if let shownOnce = keys.shownOnce { members.append(("shown_once", .bool(shownOnce))) }
        if !keys.scopes.isEmpty {
            members.append(("scopes", .array(keys.scopes.map { .object([("name", .string($0.name)), ("meaning", .string($0.meaning))]) })))
        }
        for (name, value) in [("rotation", keys.rotation), ("disable", keys.disabling), ("delete", keys.deleting), ("revoke", keys.revocation),
                              ("legacy_token", keys.legacyToken), ("oauth", keys.oauth)] {
            if let value { members.append((name, .string(value))) }
        }
        if !keys.refusals.isEmpty {
            members.append(("errors", .array(keys.refusals.map { .object([("status", .number(String($0.status))), ("meaning", .string($0.meaning))]) })))
        }
        return members
    }

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private static func makeFolders(_ folder: String, created: inout [String]) throws(SetupError) {
        var missing: [String] = []
        var current = folder
        while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for path in missing.reversed() {
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                throw SetupError("\(path): cannot create the folder (\(String(cString: strerror(errno))))")
            }
            created.append(path)
        }
    }

    private static func create(_ path: String, _ text: String) throws(SetupError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw SetupError("\(path): cannot create (\(String(cString: strerror(errno))))\(errno == EEXIST ? "; init writes only new files" : "")")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw SetupError("\(path): cannot write (\(reason))")
            }
            offset += count
        }
    }
}
