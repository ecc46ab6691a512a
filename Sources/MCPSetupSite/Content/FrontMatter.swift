import MCPSetup
import Yams

/// The YAML block between `---` lines at the top of a content page.
public struct FrontMatter: Sendable, Hashable {
    /// The page title (required).
    public var title: String
    /// One sentence for search engines and link previews.
    public var description: String?
    /// Position in the navigation; lower comes first.
    public var order: Int
    /// Drafts are not built.
    public var draft: Bool
    /// The layout template under `layouts/` (default `page`).
    public var layout: String

    static let keys = ["title", "description", "order", "draft", "layout"]

    /// Splits a page into its front matter and its Markdown body. `path` is used in messages.
    /// Returns the body and the line the body starts on.
    static func split(_ text: String, path: String) throws(SetupError) -> (frontMatter: FrontMatter, body: String, bodyLine: Int) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first?.hasSuffix("\r") == true { lines = lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 } }
        guard lines.first == "---" else {
            throw SetupError("\(path):1: a page starts with front matter: a line '---', then title: …, then '---'")
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            throw SetupError("\(path):1: the front matter is not closed; end it with a line '---'")
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return (try parse(yaml, path: path), body, close + 2)
    }

    static func parse(_ yaml: String, path: String) throws(SetupError) -> FrontMatter {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            if case .scanner(_, let problem, let mark, _) = error { throw SetupError("\(path):\(mark.line + 1): front matter is not valid YAML: \(problem)") }
            if case .parser(_, let problem, let mark, _) = error { throw SetupError("\(path):\(mark.line + 1): front matter is not valid YAML: \(problem)") }
            throw SetupError("\(path): front matter is not valid YAML")
        } catch {
            throw SetupError("\(path): front matter is not valid YAML")
        }
        guard let mapping = node?.mapping else { throw SetupError("\(path):2: front matter needs at least title: …") }
        var title: String?
        var matter = FrontMatter(title: "", description: nil, order: Int.max, draft: false, layout: "page")
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = (keyNode.mark?.line ?? 0) + 1
            let origin = "\(path):\(line): \(key)"
            switch key {
            case "title": title = value.string
            case "description": matter.description = value.string
            case "order":
                guard let order = value.int else { throw SetupError("\(origin) must be a whole number") }
                matter.order = order
            case "draft":
                guard let draft = value.bool else { throw SetupError("\(origin) must be true or false") }
                matter.draft = draft
            case "layout":
                guard let layout = value.string, !layout.isEmpty else { throw SetupError("\(origin) must name a template in templates/layouts/") }
                matter.layout = layout
            default:
                let hint = ConfigFile.suggestion(for: key, among: keys).map { "; did you mean '\($0)'?" } ?? "; known keys: \(keys.joined(separator: ", "))"
                throw SetupError("\(path):\(line): unknown front matter key '\(key)'\(hint)")
            }
        }
        guard let title, !title.isEmpty else { throw SetupError("\(path):2: front matter needs a title: …") }
        matter.title = title
        return matter
    }
}
