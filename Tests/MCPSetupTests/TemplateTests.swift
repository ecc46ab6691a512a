import Foundation
import Testing
@testable import MCPSetup

@Suite("Templates")
struct TemplateTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templatesFolder = repository.appendingPathComponent("templates")

    /// Values already written in their target syntax, the only ones `{{{…}}}` may insert.
    static let preEncoded: Set<String> = ["prose", "codeBlock", "linkMarkdown", "pathCode", "server.endpointCode", "server.nameCode", "server.envVarCode", "body", "setup", "setupData", "navItems", "clientNavItems", "tocHTML", "highlighted"]

    static func templateFiles() throws -> [(name: String, text: String)] {
        let paths = FileManager.default.subpaths(atPath: templatesFolder.path) ?? []
        return try paths.filter { $0.hasSuffix(".mustache") }.sorted().map {
            (String($0.dropLast(".mustache".count)), try String(contentsOf: templatesFolder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test("the compiled-in defaults are the files in templates/ (run scripts/embed-templates)")
    func embeddedDefaultsMatch() throws {
        let files = try Self.templateFiles()
        #expect(Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.text) }) == DefaultTemplates.all)
        let assetsFolder = Self.templatesFolder.appendingPathComponent("assets")
        let assetPaths = (FileManager.default.subpaths(atPath: assetsFolder.path) ?? []).filter { !$0.hasSuffix("/") && FileManager.default.isReadableFile(atPath: assetsFolder.appendingPathComponent($0).path) }
        var assets: [String: String] = [:]
        for path in assetPaths {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: assetsFolder.appendingPathComponent(path).path, isDirectory: &isFolder)
            if !isFolder.boolValue { assets[path] = try String(contentsOf: assetsFolder.appendingPathComponent(path), encoding: .utf8) }
        }
        #expect(assets == DefaultTemplates.assets)
    }

    @Test("every template declares its content type on the first line")
    func contentTypes() throws {
        for (name, text) in try Self.templateFiles() {
            let first = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            #expect(first.hasPrefix("{{% CONTENT_TYPE: "), "\(name) must start with {{% CONTENT_TYPE: … }}")
        }
    }

    @Test("triple mustaches insert only pre-encoded values")
    func tripleMustaches() throws {
        let pattern = try NSRegularExpression(pattern: #"\{\{\{\s*([^}\s]+)\s*\}\}\}|\{\{&\s*([^}\s]+)\s*\}\}"#)
        for (name, text) in try Self.templateFiles() {
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let range = match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
                let key = String(text[Range(range, in: text)!])
                #expect(Self.preEncoded.contains(key), "\(name) inserts {{{\(key)}}} unescaped")
            }
        }
    }

    @Test("a project file overrides a default, and errors name file, line and column")
    func overrides() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-setup-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("render"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{% CONTENT_TYPE: TEXT }}\ncustom {{server.title}}\n".write(to: folder.appendingPathComponent("render/text.mustache"), atomically: true, encoding: .utf8)
        let set = try TemplateSet.load(overridesIn: folder.path)
        #expect(set.overridden == ["render/text"])
        #expect(try set.render("render/text", ["server": ["title": "A<b>"]]) == "custom A<b>\n")
        try "{{% CONTENT_TYPE: TEXT }}\n{{#open}}\n".write(to: folder.appendingPathComponent("render/text.mustache"), atomically: true, encoding: .utf8)
        do {
            _ = try TemplateSet.load(overridesIn: folder.path)
            Issue.record("a broken template loaded")
        } catch {
            #expect(error.message.hasPrefix(folder.path + "/render/text.mustache:"), "\(error.message)")
        }
    }

    @Test("Markdown values are escaped, code keeps its bytes")
    func markdownEscaping() {
        #expect(MarkdownText.escape("*a* [b](c) `d` <e> &amp; #") == ##"\*a\* \[b\](c) \`d\` \<e> \&amp; #"##)
        #expect(MarkdownText.escape("YOUR_ACME_API_KEY.") == "YOUR_ACME_API_KEY.")
        #expect(MarkdownText.escape("# 1. _x_ 2) -") == ##"\# 1. \_x\_ 2) -"##)
        #expect(MarkdownText.escape("12. x") == ##"12\. x"##)
        #expect(MarkdownText.codeBlock("a ``` b", language: "sh") == "````sh\na ``` b\n````")
        #expect(MarkdownText.codeSpan("a`b") == "``a`b``")
    }
}

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test("escapes exactly what swift-mustache's built-in HTML type escapes")
    func sameAsBuiltIn() {
        for text in ["", "plain", "<a href=\"x\">O'Brien & co</a>", "é<é>", "&amp;", "👍'\"", "\u{0}<"] {
            var expected = ""
            for character in text {
                switch character {
                case "<": expected += "&lt;"
                case ">": expected += "&gt;"
                case "&": expected += "&amp;"
                case "\"": expected += "&quot;"
                case "'": expected += "&#39;"
                default: expected.append(character)
                }
            }
            #expect(HTMLText.escape(text) == expected)
        }
    }
}
