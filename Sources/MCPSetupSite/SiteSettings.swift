import Foundation
import MCPSetup

/// The `site:` section of mcp-setup.yml.
public struct SiteSettings: Sendable, Hashable {
    /// The site's name, in every page title (default: "<server title> docs").
    public var title: String
    /// A one-line description for the home page.
    public var description: String?
    /// The public URL the site is served from, ending in `/`; needed for sitemap.xml.
    public var baseURL: String?
    /// Render raw HTML in Markdown (default false: it is omitted).
    public var allowsRawHTML: Bool
    /// The language of the pages (default `en`).
    public var language: String

    static let keys = ["title", "description", "base_url", "raw_html", "language"]

    /// Reads and checks the settings.
    public init(_ site: [String: Sourced<String>], serverTitle: String) throws(SetupError) {
        for (key, value) in site where !Self.keys.contains(key) {
            let hint = ConfigFile.suggestion(for: key, among: Self.keys).map { "; did you mean 'site.\($0)'?" } ?? "; known keys: \(Self.keys.joined(separator: ", "))"
            throw SetupError("\(value.origin.split(separator: ":").prefix(3).joined(separator: ":")): unknown site key '\(key)'\(hint)")
        }
        title = site["title"]?.value ?? serverTitle + " docs"
        description = site["description"]?.value
        language = site["language"]?.value ?? "en"
        if let raw = site["raw_html"] {
            guard let flag = ["true": true, "false": false][raw.value] else { throw SetupError("\(raw.origin) must be true or false") }
            allowsRawHTML = flag
        } else {
            allowsRawHTML = false
        }
        if let base = site["base_url"] {
            guard let url = URL(string: base.value), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw SetupError("\(base.origin) '\(base.value)' is not an absolute http(s) URL; for example https://docs.example.com/")
            }
            baseURL = base.value.hasSuffix("/") ? base.value : base.value + "/"
        } else {
            baseURL = nil
        }
    }
}
