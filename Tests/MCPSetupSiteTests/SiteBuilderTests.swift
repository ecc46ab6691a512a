import Foundation
import MCPSetup
import Testing
@testable import MCPSetupSite

@Suite("Site builder")
struct SiteBuilderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A temporary project: the example's mcp-setup.yml and the given pages.
    static func project(_ pages: [String: String], config: String? = nil) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-setup-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        let yml = try config ?? String(contentsOf: repository.appendingPathComponent("mcp-setup.yml"), encoding: .utf8)
        try yml.write(to: folder.appendingPathComponent("mcp-setup.yml"), atomically: true, encoding: .utf8)
        for (path, text) in pages {
            let file = folder.appendingPathComponent("content").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func builder(_ folder: URL) throws -> SiteBuilder {
        try SiteBuilder(config: try ConfigFile.load(path: folder.appendingPathComponent("mcp-setup.yml").path), contentDirectory: folder.appendingPathComponent("content").path, templatesDirectory: nil)
    }

    static func example() throws -> SiteBuilder {
        try SiteBuilder(config: try ConfigFile.load(path: repository.appendingPathComponent("mcp-setup.yml").path), contentDirectory: repository.appendingPathComponent("content").path, templatesDirectory: repository.appendingPathComponent("templates").path)
    }

    @Test("the example builds every page, client page, snippet and the sitemap")
    func example() throws {
        let site = try Self.example().build()
        for path in ["index.html", "keys/index.html", "connect/index.html", "guides/team-setup/index.html", "clients/index.html", "clients/cursor/index.html", "404.html", "sitemap.xml", "snippets.json", "snippets/cursor/deeplink.txt", "snippets/codex/config.toml", "assets/mcp-setup.js", "assets/site.css"] {
            #expect(site.files[path] != nil, "missing \(path)")
        }
        let connect = site.files["connect/index.html"]!
        #expect(connect.contains("role=\"tablist\""))
        #expect(connect.contains("id=\"mcp-key\""))
        #expect(connect.contains("<script type=\"application/json\" id=\"mcp-setup-data\">"))
        #expect(!connect.contains("mcp-setup-block"))
        let sitemap = site.files["sitemap.xml"]!
        #expect(sitemap.contains("<loc>https://docs.acme.dev/keys/</loc>"))
        let snippets = site.files["snippets.json"]!
        #expect(snippets.contains("\"credential\": \"placeholder\""))
    }

    @Test("two builds give the same bytes")
    func deterministic() throws {
        let first = try Self.example().build()
        let second = try Self.example().build()
        #expect(first.files == second.files)
    }

    @Test("the committed output/ is what a build writes now (run mcp-setup build)")
    func committedOutputIsCurrent() throws {
        let drift = OutputWriter(directory: Self.repository.appendingPathComponent("output").path).drift(from: try Self.example().build())
        #expect(drift.isEmpty, "output/ is stale: \(drift)")
    }

    @Test("a no-change rebuild writes no file; an edit rewrites only what changed; stale files go")
    func incrementalWrites() throws {
        let folder = try Self.project(["index.md": "---\ntitle: Home\n---\nHello\n", "a.md": "---\ntitle: A\n---\nA\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = OutputWriter(directory: folder.appendingPathComponent("output").path)
        let first = try writer.write(try Self.builder(folder).build())
        #expect(first.unchanged == 0 && !first.written.isEmpty)
        let again = try writer.write(try Self.builder(folder).build())
        #expect(again.written.isEmpty && again.removed.isEmpty)
        try "---\ntitle: A\n---\nA changed\n".write(to: folder.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
        let site = try Self.builder(folder).build()
        #expect(writer.drift(from: site).changed == ["a/index.html"])
        #expect(try writer.write(site).written == ["a/index.html"])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("content/a.md"))
        let smaller = try writer.write(try Self.builder(folder).build())
        #expect(smaller.removed == ["a/index.html"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/a").path))
    }

    @Test("folders the site no longer uses are removed; one holding something not the site's stays")
    func folderCleanup() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-setup-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = OutputWriter(directory: root)
        var site = SiteOutput()
        site.add("index.html", "home")
        site.add("a/b/index.html", "deep")
        site.add("c/index.html", "c")
        #expect(try writer.write(site).written == ["a/b/index.html", "c/index.html", "index.html"])
        #expect(symlink("elsewhere", root + "/c/link") == 0)
        var smaller = SiteOutput()
        smaller.add("index.html", "home")
        let report = try writer.write(smaller)
        #expect(report.removed == ["a/b/index.html", "c/index.html"] && report.unchanged == 1)
        #expect(!FileManager.default.fileExists(atPath: root + "/a"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/c/link")) == "elsewhere")
        #expect(writer.drift(from: smaller).isEmpty)
    }

    @Test("content errors name the file and line", arguments: [
        ("---\ntitle: A\n---\n\nIntro\n\n```mcp-setup cursor emacs\n```\n", "content/a.md:7: setup block names unknown client 'emacs'"),
        ("---\ntitle: A\n---\nSee [b](b.md).\n", "content/a.md:4: the link 'b.md' points to no page"),
        ("---\ntitle: A\n---\n\nMy key is sk_live_abcdefghijklmnop\n", "content/a.md:5: 'sk_live_abcd…' looks like a real key"),
    ])
    func contentErrors(page: String, message: String) throws {
        let folder = try Self.project(["a.md": page])
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try Self.builder(folder).build()
            Issue.record("built")
        } catch let error as SetupError {
            #expect(error.message.hasSuffix(message) || error.message.contains(message), "\(error.message)")
        }
    }

    @Test("two pages at one route are refused, naming both", arguments: [("guides.md", "guides/index.md"), ("keys.md", "keys/index.md")])
    func pagesAtOneRoute(first: String, second: String) throws {
        let page = "---\ntitle: A\n---\n\nText.\n"
        let folder = try Self.project([first: page, second: page, "other.md": page])
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try Self.builder(folder).build()
            Issue.record("built")
        } catch let error as SetupError {
            #expect(error.message.contains("content/\(second): this page would be at ") && error.message.contains("as \(first) is; rename or move one of them"), "\(error.message)")
        }
    }

    @Test("drafts are left out; links between pages are relative")
    func draftsAndLinks() throws {
        let folder = try Self.project([
            "index.md": "---\ntitle: Home\n---\n[Team](guides/team.md#who)\n",
            "guides/team.md": "---\ntitle: Team\n---\n[Home](../index.md)\n",
            "wip.md": "---\ntitle: WIP\ndraft: true\n---\nnot yet\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try Self.builder(folder).build()
        #expect(site.files["wip/index.html"] == nil)
        #expect(site.files["index.html"]!.contains("<a href=\"guides/team/#who\">Team</a>"))
        #expect(site.files["guides/team/index.html"]!.contains("<a href=\"../../\">Home</a>"))
    }

    @Test("the site holds no key but the placeholder")
    func noKeys() throws {
        let site = try Self.example().build()
        for (path, text) in site.files where path.hasSuffix(".html") || path.hasSuffix(".json") {
            #expect(!text.contains("sk_live_1"), "\(path)")
        }
    }
}
