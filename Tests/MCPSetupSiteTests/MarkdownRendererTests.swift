import Testing
@testable import MCPSetupSite

@Suite("Markdown through cmark-gfm")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test("GFM: tables, strikethrough, autolinks, task lists, footnotes")
    func gfm() {
        let html = renderer.render("| a | b |\n|:-:|---|\n| 1 | 2 |\n\n~~gone~~ www.example.com\n\n- [x] done\n- [ ] todo\n\nA[^1]\n\n[^1]: note\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<th align=\"center\">a</th>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done"))
        #expect(html.contains("class=\"footnotes\""))
    }

    @Test("raw HTML is omitted in safe mode and kept when allowed")
    func safeMode() {
        #expect(renderer.render("<script>alert(1)</script>\n\n[x](javascript:alert(1))").html == "<!-- raw HTML omitted -->\n<p><a href=\"\">x</a></p>\n")
        #expect(MarkdownRenderer(allowsRawHTML: true).render("<b>bold</b>\n").html == "<p><b>bold</b></p>\n")
    }

    @Test("headings get unique anchors")
    func anchors() {
        let rendered = renderer.render("# Keys & *Scopes*\n\n## Keys & Scopes\n\n## `code` 2\n")
        #expect(rendered.headings.map(\.id) == ["keys-scopes", "keys-scopes-2", "code-2"])
        #expect(rendered.html.hasPrefix("<h1 id=\"keys-scopes\">\nKeys &amp; <em>Scopes</em>\n</h1>\n"))
    }

    @Test("setup blocks are lifted out with their client ids")
    func setupBlocks() {
        let rendered = renderer.render("Intro\n\n```mcp-setup cursor claude-code\n```\n\n```sh\necho hi\n```\n\n```mcp-setup\n```\n")
        #expect(rendered.setupBlocks == [SetupBlockRequest(clientIDs: ["cursor", "claude-code"], line: 3), SetupBlockRequest(clientIDs: [], line: 10)])
        #expect(rendered.html.contains(MarkdownRenderer.setupBlockMarker(0)))
        #expect(rendered.html.contains(MarkdownRenderer.setupBlockMarker(1)))
        #expect(rendered.html.contains("<pre><code class=\"language-sh\">echo hi\n</code></pre>"))
    }

    @Test("links are resolved through the callback")
    func links() {
        let rendered = renderer.render("[keys](keys.md#create) and [out](https://example.com)") { url, _ in url.hasSuffix(".md#create") ? "../keys/#create" : url }
        #expect(rendered.html == "<p><a href=\"../keys/#create\">keys</a> and <a href=\"https://example.com\">out</a></p>\n")
    }
}
