import Foundation
import MCPSetup
import Testing
@testable import MCPSetupSite

@Suite("Content pages")
struct ContentTests {
    @Test("front matter is split off, with the body's first line")
    func split() throws {
        let (matter, body, line) = try FrontMatter.split("---\ntitle: Keys\norder: 2\n---\n# Keys\n", path: "keys.md")
        #expect(matter.title == "Keys" && matter.order == 2 && !matter.draft)
        #expect(body == "# Keys\n")
        #expect(line == 5)
        let crlf = try FrontMatter.split("---\r\ntitle: A\r\n---\r\nx\r\n", path: "a.md")
        #expect(crlf.body == "x\n")
        let empty = try FrontMatter.split("---\ntitle: A\n---", path: "a.md")
        #expect(empty.body.isEmpty)
    }

    @Test("pages are read as UTF-8 (a byte order mark dropped); other bytes, folders and links out are refused; links in are read")
    func reading() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID().uuidString)")
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("deep/er"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("folder.md"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0xEF, 0xBB, 0xBF] + Array("---\ntitle: Bömb\n---\nbody\n".utf8)).write(to: content.appendingPathComponent("deep/er/bom.md"))
        try Data(Array("---\ntitle: Ok\n---\n".utf8) + [0xFF]).write(to: content.appendingPathComponent("bad.md"))
        let page = try #require(try ContentPage.load("deep/er/bom.md", from: content.path, walked: true))
        #expect(page.frontMatter.title == "Bömb" && page.body == "body\n")
        #expect(try ContentPage.load("deep/er/bom.md", from: content.path) == page)
        for walked in [false, true] {
            #expect(throws: SetupError.self) { try ContentPage.load("bad.md", from: content.path, walked: walked) }
            #expect(throws: SetupError.self) { try ContentPage.load("folder.md", from: content.path, walked: walked) }
            #expect(throws: SetupError.self) { try ContentPage.load("missing.md", from: content.path, walked: walked) }
        }
        try "---\ntitle: Secret\n---\n".write(to: folder.appendingPathComponent("secret.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("out.md").path, withDestinationPath: "../secret.md")
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("in.md").path, withDestinationPath: "deep/er/bom.md")
        for walked in [false, true] {
            do {
                _ = try ContentPage.load("out.md", from: content.path, walked: walked)
                Issue.record("a link out of the content folder was read")
            } catch {
                #expect(error.message.contains("outside the content folder"))
            }
            #expect(try ContentPage.load("in.md", from: content.path, walked: walked)?.frontMatter.title == "Bömb")
        }
        // The walk marks the links, so a whole load refuses the one that leads out.
        #expect(throws: SetupError.self) { try ContentPage.loadAll(from: content.path) }
    }

    @Test("front matter errors name the file and line", arguments: [
        ("# no front matter\n", "a.md:1: a page starts with front matter"),
        ("---\ntitle: A\n", "a.md:1: the front matter is not closed"),
        ("---\norder: 1\n---\n", "a.md:2: front matter needs a title"),
        ("---\ntitle: A\ntitel: B\n---\n", "a.md:3: unknown front matter key 'titel'"),
        ("---\ntitle: A\norder: first\n---\n", "a.md:3: order must be a whole number"),
    ])
    func errors(text: String, message: String) {
        do {
            _ = try FrontMatter.split(text, path: "a.md")
            Issue.record("accepted")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    @Test("routes", arguments: [("index.md", ""), ("keys.md", "keys/"), ("guides/team.md", "guides/team/"), ("guides/index.md", "guides/")])
    func routes(path: String, route: String) {
        #expect(ContentPage.route(for: path) == route)
    }

    @Test("relative links between routes")
    func relativeLinks() {
        #expect(Routes.relative(from: "", to: "keys/") == "keys/")
        #expect(Routes.relative(from: "guides/team/", to: "keys/") == "../../keys/")
        #expect(Routes.relative(from: "keys/", to: "") == "../")
        #expect(Routes.resolve("../keys.md", from: "guides/team.md") == "keys.md")
        #expect(Routes.resolve("../../x.md", from: "guides/team.md") == nil)
    }
}

@Suite("Fast front matter reader")
struct SimpleFrontMatterTests {
    static let values = ["Getting started", "Keys, scopes and rotation", "12", "0", "-3", "007", "+4", "true", "false", "yes", "Null", "a: b", "x #y", "C# tips", "Why? Because!", "(draft) notes", "Don't panic", "1.5", "0x10", "~", "-", "A/B & C=D", "émoji ✓"]

    @Test("agrees with Yams on everything it accepts")
    func agreesWithYams() throws {
        var accepted = 0
        for title in Self.values {
            for order in Self.values {
                for draft in ["true", "false", "no", "1"] {
                    let yaml = "title: \(title)\norder: \(order)\ndraft: \(draft)\ndescription: \(title) page"
                    let fast = try? FrontMatter.parseSimple(yaml, path: "p.md")
                    let full = try? FrontMatter.parseYAML(yaml, path: "p.md")
                    if let fast {
                        accepted += 1
                        #expect(fast == full, "\(yaml)")
                    }
                }
            }
        }
        #expect(accepted > 40)
    }
}
