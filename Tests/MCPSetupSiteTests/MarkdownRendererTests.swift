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
        // Task-list checkboxes say their state to a screen reader.
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" /> done"))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" /> todo"))
        #expect(html.contains("class=\"footnotes\""))
    }

    @Test("this process parses on many threads at once (the inline-character table is fixed)")
    func parsesInParallel() {
        _ = renderer.render("~~x~~")
        #expect(ParserPool.shared.parsesInParallel)
    }

    @Test("a document larger than an arena block renders as its parts do, and the next one is whole")
    func documentsLargerThanAnArenaBlock() {
        // Blocks separated by a thematic break render alone; 4 MB of them outgrow the arena's
        // 1 MB blocks, its in-place growth and its moves.
        let chunk = "Text with *em*, `code` and a [link](https://x.test/a). ~~gone~~\n\n| a | b |\n|---|---|\n| 1 | www.t.org |\n\n```sh\necho hi\n```\n\n---\n\n"
        let one = renderer.render(chunk).html
        let count = 4 * 1_048_576 / chunk.utf8.count
        let long = String(repeating: chunk, count: count)
        let rendered = renderer.render(long).html
        #expect(rendered == String(repeating: one, count: count))
        // A document made after the arena was emptied is unaffected by what it held.
        #expect(renderer.render(chunk).html == one)
        let longLine = String(repeating: "word ", count: 600_000)
        #expect(renderer.render(longLine).html == "<p>" + longLine.dropLast() + "</p>\n")
    }

    @Test("a paragraph the table extension re-reads at every line renders without holding every copy")
    func tableRereads() {
        // Each `|-|-|-|` line looks like a delimiter row for the paragraph so far, which the
        // table extension copies whole before it finds the columns do not match: with nothing
        // ever freed that would grow with the square of the lines; past the arena's budget the
        // copies are freed as they go.
        let lines = (0..<6_000).map { $0 % 2 == 0 ? "a|b" : "|-|-|-|" }
        let html = renderer.render(lines.joined(separator: "\n") + "\n").html
        #expect(html.hasPrefix("<p>a|b\n|-|-|-|") && !html.contains("<table"))
    }

    @Test("documents parsed on many threads at once keep every strikethrough and autolink")
    func parallelParsing() async {
        let documents = (0..<400).map { index in
            "# Page \(index)\n\n~~old \(index)~~ www.example\(index).com and https://x.test/\(index) ~one~\n\n| a | ~~b~~ |\n|---|---|\n| www.t\(index).org | c |\n"
        }
        let renderer = self.renderer
        let expected = documents.map { renderer.render($0).html }
        #expect(expected[7].contains("<del>old 7</del>") && expected[7].contains("<a href=\"http://www.example7.com\">"))
        #expect(expected[7].contains("<td><a href=\"http://www.t7.org\">www.t7.org</a></td>"))
        for _ in 0..<5 {
            let results = await withTaskGroup(of: (Int, String).self) { group in
                for (index, document) in documents.enumerated() {
                    group.addTask { (index, renderer.render(document).html) }
                }
                var results = Array(repeating: "", count: documents.count)
                for await (index, html) in group { results[index] = html }
                return results
            }
            #expect(results == expected)
        }
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
        #expect(rendered.html.contains("<pre><code class=\"language-sh\"><span class=\"hl-c\">echo</span> hi\n</code></pre>"))
    }

    @Test("code blocks in the languages docs use are highlighted at build time; others are left as cmark writes them")
    func highlightedCodeBlocks() {
        let rendered = renderer.render("```json\n{\"a\": \"<b>\"}\n```\n\n```yml\nx: 1\n```\n\n```python\nprint('<')\n```\n\n```\nplain\n```\n")
        #expect(rendered.html.contains("<pre><code class=\"language-json\"><span class=\"hl-p\">{</span><span class=\"hl-k\">&quot;a&quot;</span><span class=\"hl-p\">:</span> <span class=\"hl-s\">&quot;&lt;b&gt;&quot;</span><span class=\"hl-p\">}</span>\n</code></pre>"))
        #expect(rendered.html.contains("<pre><code class=\"language-yml\"><span class=\"hl-k\">x</span><span class=\"hl-p\">:</span> <span class=\"hl-n\">1</span>\n</code></pre>"))
        #expect(rendered.html.contains("<pre><code class=\"language-python\">print('&lt;')\n</code></pre>"))
        #expect(rendered.html.contains("<pre><code>plain\n</code></pre>"))
    }

    @Test("links are resolved through the callback")
    func links() {
        let rendered = renderer.render("[keys](keys.md#create) and [out](https://example.com)") { url, _ in url.hasSuffix(".md#create") ? "../keys/#create" : url }
        #expect(rendered.html == "<p><a href=\"../keys/#create\">keys</a> and <a href=\"https://example.com\">out</a></p>\n")
    }
}
