import Foundation
import MCPSetup
import Testing
@testable import MCPSetupSite

@Suite("Navigation")
struct NavigationTests {
    /// The links of a page's content-page list (the first `<ul>` of the site nav).
    static func navLinks(_ html: String) -> [String] {
        guard let start = html.range(of: "<nav class=\"site-nav\""), let end = html.range(of: "<p class=\"nav-heading\">", range: start.upperBound..<html.endIndex) else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<li").dropFirst().map { String($0) }
    }

    static func flat(_ count: Int) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (0..<count).map { index in
            (String(format: "p%05d.md", index), "---\ntitle: Page \(index)\norder: \(index)\n---\n\nText of page \(index).\n")
        })
    }

    @Test("a flat folder of 1,200 pages puts a bounded list on every page, with the current page and gap links into the rest")
    func flatFolder() throws {
        let site = try SiteBuilderTests.builder(try SiteBuilderTests.project(Self.flat(1200))).build()
        var most = 0
        for index in [0, 1, 9, 10, 600, 1190, 1199] {
            let html = site.files[String(format: "p%05d/index.html", index)]!
            let links = Self.navLinks(html)
            most = max(most, links.count)
            #expect(links.contains { $0.contains("aria-current=\"page\">Page \(index)<") }, "page \(index) is not in its own list")
            #expect(links.contains { $0.contains(">Page 0<") } && links.contains { $0.contains(">Page 1199<") })
        }
        #expect(most <= 2 * Navigation.window + 5, "\(most) links")
        let client = Self.navLinks(site.files["clients/cursor/index.html"]!)
        #expect(!client.isEmpty && !client.contains { $0.contains(">Cursor<") }, "a client page lists the clients among the content pages")
        let middle = Self.navLinks(site.files["p00600/index.html"]!)
        #expect(middle.filter { $0.contains("more<") }.count == 2)
        #expect(middle.contains { $0.contains("p00296/\">… 591 more<") })
    }

    @Test("output bytes per page stay flat as a flat folder grows from 300 to 1,200 pages")
    func linearSize() throws {
        func bytesPerPage(_ count: Int) throws -> Double {
            let site = try SiteBuilderTests.builder(try SiteBuilderTests.project(Self.flat(count))).build()
            let pages = site.files.filter { $0.key.hasPrefix("p") && $0.key.hasSuffix(".html") }
            return Double(pages.values.reduce(0) { $0 + $1.utf8.count }) / Double(pages.count)
        }
        let small = try bytesPerPage(300), large = try bytesPerPage(1200)
        #expect(large < small * 1.05, "\(small) bytes per page at 300 pages, \(large) at 1200")
    }

    @Test("a tree ten folders deep lists each folder on the way down, and no more")
    func deepTree() throws {
        var pages: [String: String] = [:]
        var folder = ""
        for level in 0..<10 {
            for index in 0..<60 {
                pages[folder + "p\(index).md"] = "---\ntitle: L\(level) P\(index)\norder: \(index)\n---\n\nText.\n"
            }
            folder += "d\(level)/"
        }
        let site = try SiteBuilderTests.builder(try SiteBuilderTests.project(pages)).build()
        let deepest = Self.navLinks(site.files[folder.split(separator: "/").dropLast().joined(separator: "/") + "/p30/index.html"]!)
        #expect(deepest.contains { $0.contains("aria-current=\"page\">L9 P30<") })
        #expect(deepest.contains { $0.contains(">L0 P0<") } && deepest.contains { $0.contains(">L5 P0<") })
        // Each folder above shows its first pages, a link into the rest and its last page; the
        // page's own folder its window.
        #expect(deepest.count == 9 * (Navigation.leading + 2) + (2 * Navigation.window + 5), "\(deepest.count) links")
        #expect(deepest.contains { $0.contains(">L3 P\(Navigation.leading - 1)<") } && !deepest.contains { $0.contains(">L3 P\(Navigation.leading)<") })
        #expect(deepest.contains { $0.contains(">L3 P59<") } && deepest.contains { $0.contains(">… \(60 - Navigation.leading - 1) more<") })
        let top = Self.navLinks(site.files["p0/index.html"]!)
        #expect(!top.contains { $0.contains(">L1 P") }, "a top-level page lists a sub-folder's pages")
    }
}
