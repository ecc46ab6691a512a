import Foundation
import MCPSetup
import Testing
@testable import MCPSetupSite

/// `mcp-setup serve`'s rebuilds against full builds: after every step of a random series of
/// edits, adds, renames, deletes, broken and mended pages, config and template changes, the
/// session's site equals a build from scratch byte for byte, or both fail with the same error.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    enum Outcome<Value> {
        case ok(Value)
        case failed(String)
    }

    final class Project {
        let folder: URL
        var pages: [String: String] = [:]
        var generator: SplitMix
        var counter = 0
        /// The paths written or removed since the last rebuild, as a watcher would name them.
        var touched: [String] = []

        init(seed: UInt64) throws {
            generator = SplitMix(state: seed)
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-setup-incremental-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
            try "name: acme\ntitle: Acme\nendpoint: https://mcp.acme.dev/mcp\nkey_prefix: sk_live_\nsite:\n  title: Docs\n  base_url: https://docs.example.com/\n"
                .write(to: folder.appendingPathComponent("mcp-setup.yml"), atomically: true, encoding: .utf8)
            for index in 0..<52 { try write(newPath(index < 45 ? "" : "guide/"), page()) }
            try write("index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
        }

        func newPath(_ folder: String) -> String {
            counter += 1
            return folder + "p\(counter).md"
        }

        func word() -> String { ["key", "scope", "token", "client", "server", "rotate"][Int.random(in: 0..<6, using: &generator)] }

        func page(title: String? = nil) -> String {
            counter += 1
            var body = "---\ntitle: \(title ?? "Page \(counter) \(word())")\norder: \(Int.random(in: 0..<5, using: &generator))\n---\n\n## \(word().capitalized)\n\nSome \(word()) text.\n"
            if Bool.random(using: &generator), let target = pages.keys.filter({ $0 != "index.md" }).randomElement(using: &generator) {
                body += "\nSee [another page](/\(target)).\n"
            }
            if Int.random(in: 0..<6, using: &generator) == 0 { body += "\n```mcp-setup cursor\n```\n" }
            return body
        }

        func write(_ path: String, _ text: String) throws {
            let url = folder.appendingPathComponent("content").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
            pages[path] = text
            touched.append(url.path)
        }

        func remove(_ path: String) throws {
            try FileManager.default.removeItem(at: folder.appendingPathComponent("content").appendingPathComponent(path))
            pages[path] = nil
            touched.append(folder.appendingPathComponent("content").appendingPathComponent(path).path)
        }

        /// One random change; returns what it did.
        func step() throws -> String {
            let paths = pages.keys.filter { $0 != "index.md" }.sorted()
            let path = paths.randomElement(using: &generator)!
            switch Int.random(in: 0..<14, using: &generator) {
            case 0...3:
                try write(path, pages[path]! + "\nMore \(word()) text.\n")
                return "edit body of \(path)"
            case 4:
                try write(path, pages[path]! + "\n## \(word().capitalized) again\n")
                return "add heading to \(path)"
            case 5:
                let text = pages[path]!
                let retitled = text.replacingOccurrences(of: "title: Page", with: "title: Renamed page")
                try write(path, retitled == text ? text.replacingOccurrences(of: "title: ", with: "title: X ") : retitled)
                return "retitle \(path)"
            case 6:
                let added = newPath(["", "guide/", "deep/er/"][Int.random(in: 0..<3, using: &generator)])
                try write(added, page())
                return "add \(added)"
            case 7:
                let text = pages[path]!
                try remove(path)
                let moved = newPath(Bool.random(using: &generator) ? "" : "guide/")
                try write(moved, text)
                return "rename \(path) to \(moved)"
            case 8:
                guard paths.count > 20 else { return "skip" }
                try remove(path)
                return "delete \(path)"
            case 9:
                try write(path, "---\ntitle: [broken\n---\n\nText.\n")
                return "break front matter of \(path)"
            case 10:
                try write(path, page())
                return "rewrite \(path)"
            case 11:
                let text = pages[path]!
                try write(path, text.contains("draft: true") ? text.replacingOccurrences(of: "draft: true\n", with: "") : text.replacingOccurrences(of: "---\ntitle", with: "---\ndraft: true\ntitle"))
                return "toggle draft of \(path)"
            case 12:
                let config = folder.appendingPathComponent("mcp-setup.yml")
                let text = try String(contentsOf: config, encoding: .utf8)
                try text.replacingOccurrences(of: "  title: Docs", with: "  title: Docs \(word())").write(to: config, atomically: false, encoding: .utf8)
                return "change the site title"
            default:
                let override = folder.appendingPathComponent("templates/partials/nav-item.mustache")
                try FileManager.default.createDirectory(at: override.deletingLastPathComponent(), withIntermediateDirectories: true)
                try "{{% CONTENT_TYPE: HTML }}\n<li data-step=\"\(counter)\"><a href=\"{{href}}\"{{#current}} aria-current=\"page\"{{/current}}>{{title}}</a></li>\n"
                    .write(to: override, atomically: false, encoding: .utf8)
                counter += 1
                return "override a template"
            }
        }

        /// The builder and shared parts for each config and templates, made once: they are a
        /// function of those files alone, and making them is most of a small site's build.
        var oracles: [String: (SiteBuilder, SharedParts)] = [:]

        /// A build from scratch: every page loaded and rendered, nothing reused.
        func fullBuild() -> Outcome<SiteOutput> {
            do {
                let config = folder.appendingPathComponent("mcp-setup.yml"), override = folder.appendingPathComponent("templates/partials/nav-item.mustache")
                let key = try String(contentsOf: config, encoding: .utf8) + "\u{0}" + ((try? String(contentsOf: override, encoding: .utf8)) ?? "")
                if oracles[key] == nil {
                    let builder = try SiteBuilder(config: try ConfigFile.load(path: config.path), contentDirectory: folder.appendingPathComponent("content").path,
                                                  templatesDirectory: folder.appendingPathComponent("templates").path)
                    oracles[key] = (builder, try builder.shared())
                }
                let (builder, shared) = oracles[key]!
                let pages = try ContentPage.loadAll(from: builder.contentDirectory)
                return .ok(try builder.build(pages: pages.map { RevisedPage(page: $0, revision: 0) }, shared: shared, state: SiteBuildState()).output)
            } catch {
                return .failed("\(error)")
            }
        }
    }

    @Test("200 random steps over two seeds: every rebuild equals a full build, or both fail alike", arguments: [UInt64(1), 2])
    func matchesFullBuilds(seed: UInt64) throws {
        let project = try Project(seed: seed)
        let session = SiteSession(configPath: project.folder.appendingPathComponent("mcp-setup.yml").path,
                                  contentDirectory: project.folder.appendingPathComponent("content").path,
                                  templatesDirectory: project.folder.appendingPathComponent("templates").path)
        var previous = try session.rebuild().output
        var reused = 0
        for step in 0..<100 {
            let action = try project.step()
            let incremental: Outcome<SiteSession.Rebuild>
            // Odd seeds name the changed files, as the watcher does; even seeds walk the folder.
            let named = seed % 2 == 1 ? project.touched : nil
            project.touched = []
            do { incremental = .ok(try session.rebuild(changedPaths: named)) } catch { incremental = .failed("\(error)") }
            switch (incremental, project.fullBuild()) {
            case (.ok(let rebuild), .ok(let full)):
                let same = rebuild.output.files == full.files && rebuild.output.binaries == full.binaries
                if !same {
                    let differing = Set(rebuild.output.paths + full.paths).filter { rebuild.output.body(at: $0) != full.body(at: $0) }.sorted()
                    Issue.record("seed \(seed), step \(step) (\(action)): \(differing.count) files differ: \(differing.prefix(5))")
                    return
                }
                let expectedChanges = full.paths.filter { previous.body(at: $0) != full.body(at: $0) }
                #expect(rebuild.changed == expectedChanges, "seed \(seed), step \(step) (\(action)): changed files")
                #expect(rebuild.removed == previous.paths.filter { !full.contains($0) }, "seed \(seed), step \(step) (\(action)): removed files")
                if rebuild.pagesRendered < rebuild.pageCount { reused += 1 }
                previous = rebuild.output
            case (.failed(let a), .failed(let b)):
                #expect(a == b, "seed \(seed), step \(step) (\(action)): different errors")
            case (.ok, .failed(let error)):
                Issue.record("seed \(seed), step \(step) (\(action)): the rebuild succeeded where a full build fails: \(error)")
                return
            case (.failed(let error), .ok):
                Issue.record("seed \(seed), step \(step) (\(action)): the rebuild failed where a full build succeeds: \(error)")
                return
            }
            if case .failed = incremental, Bool.random(using: &project.generator) {
                // Mend every broken page, as an author would.
                for (path, text) in project.pages where text.contains("[broken") { try project.write(path, project.page()) }
            }
        }
        #expect(reused > 20, "only \(reused) rebuilds reused any page")
    }

    @Test("a page that is a link to another file changes when that file does, also when only the file is named")
    func linkedPage() throws {
        let project = try Project(seed: 11)
        let content = project.folder.appendingPathComponent("content")
        try "---\ntitle: Shared\n---\n\nFirst text.\n".write(to: content.appendingPathComponent("shared.md"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("alias.md").path, withDestinationPath: "shared.md")
        let session = SiteSession(configPath: project.folder.appendingPathComponent("mcp-setup.yml").path, contentDirectory: content.path + "/", templatesDirectory: nil)
        #expect(session.contentDirectory == content.path)
        _ = try session.rebuild()
        try "---\ntitle: Shared\n---\n\nSecond text.\n".write(to: content.appendingPathComponent("shared.md"), atomically: false, encoding: .utf8)
        let rebuild = try session.rebuild(changedPaths: [content.appendingPathComponent("shared.md").path])
        #expect(rebuild.output.files["alias/index.html"]?.contains("Second text.") == true)
        #expect(rebuild.changed.contains("alias/index.html") && rebuild.changed.contains("shared/index.html"))
    }

    @Test("a content page where a generated page goes is refused, naming the file")
    func generatedRouteClash() throws {
        let folder = try SiteBuilderTests.project(["clients/index.md": "---\ntitle: Mine\n---\n\nText.\n"])
        #expect {
            try SiteBuilderTests.builder(folder).build()
        } throws: { error in
            (error as? SetupError)?.message.hasSuffix("content/clients/index.md: this page would be at clients/, where the site's generated list of clients goes; rename or move it") == true
        }
    }

    @Test("an edit to one page's body renders that page alone and changes only its file")
    func oneEdit() throws {
        let project = try Project(seed: 9)
        let session = SiteSession(configPath: project.folder.appendingPathComponent("mcp-setup.yml").path,
                                  contentDirectory: project.folder.appendingPathComponent("content").path, templatesDirectory: nil)
        _ = try session.rebuild()
        let path = project.pages.keys.filter { $0.hasPrefix("p") }.sorted()[3]
        try project.write(path, project.pages[path]! + "\nOne more sentence.\n")
        let rebuild = try session.rebuild()
        #expect(rebuild.sourcesRead == [path])
        #expect(rebuild.pagesRendered == 1)
        #expect(rebuild.changed == [ContentPage.route(for: path) + "index.html"])
    }
}

@Suite("Output writer updates")
struct OutputUpdateTests {
    @Test("update writes the changed files, removes only built files, and keeps the list of built files true")
    func update() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-setup-update-\(UUID().uuidString)").path
        var site = SiteOutput()
        site.add("a/index.html", "a")
        site.add("b/index.html", "b")
        let writer = OutputWriter(directory: folder)
        _ = try writer.write(site)
        try "mine".write(toFile: folder + "/a/notes.txt", atomically: true, encoding: .utf8)
        var next = site
        next.add("a/index.html", "a2")
        next.add("c/d/index.html", "c")
        _ = try writer.update(next, changed: ["a/index.html", "c/d/index.html"], removed: [])
        #expect(try String(contentsOfFile: folder + "/a/index.html", encoding: .utf8) == "a2")
        #expect(try String(contentsOfFile: folder + "/c/d/index.html", encoding: .utf8) == "c")
        var last = SiteOutput()
        last.add("a/index.html", "a2")
        last.add("c/d/index.html", "c")
        _ = try writer.update(last, changed: [], removed: ["b/index.html", "a/notes.txt"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/b"))
        #expect(FileManager.default.fileExists(atPath: folder + "/a/notes.txt"), "a file no build wrote was removed")
        #expect(writer.drift(from: last).isEmpty)
        var clash = last
        clash.add("a/notes.txt", "site")
        #expect(throws: SetupError.self) { try writer.update(clash, changed: ["a/notes.txt"], removed: []) }
        #expect(try String(contentsOfFile: folder + "/a/notes.txt", encoding: .utf8) == "mine")
    }
}
