import CCmarkGFM
import MCPSetup

/// Renders GitHub-flavoured Markdown to HTML with cmark-gfm: tables, strikethrough, autolinks,
/// task lists and footnotes, heading anchors, and setup blocks lifted out for the site to fill.
/// This is the only code that touches cmark's C API; it returns plain Swift values.
public struct MarkdownRenderer: Sendable {
    /// Whether raw HTML in Markdown is rendered (off: it is omitted, cmark's safe mode).
    public var allowsRawHTML: Bool
    /// The HTML of the sections a page includes with a paragraph of its own such as
    /// `{{> keys/scopes}}`, by name; a name not here is reported in ``RenderedMarkdown/unresolvedSections``.
    public var sections: [String: String]

    /// Creates a renderer.
    public init(allowsRawHTML: Bool = false, sections: [String: String] = [:]) {
        self.allowsRawHTML = allowsRawHTML
        self.sections = sections
    }

    /// The text that stands in the HTML where the setup block with this index goes.
    public static func setupBlockMarker(_ index: Int) -> String {
        setupBlockMarkerPrefix + String(index) + setupBlockMarkerEnding
    }

    static let setupBlockMarkerPrefix = "<mcp-setup-block data-index=\""
    static let setupBlockMarkerEnding = "\"></mcp-setup-block>"

    private var options: Int32 {
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
        return options
    }

    /// Renders a document, leaving links as they are.
    public func render(_ markdown: String) -> RenderedMarkdown {
        render(markdown) { (url: String, _: Int) -> String in url }
    }

    /// Renders a document. `resolveLink` maps each link destination (for example `keys.md`) to
    /// the href to write, or throws to refuse it.
    public func render<Failure: Error>(_ markdown: String, resolveLink: (String, Int) throws(Failure) -> String) throws(Failure) -> RenderedMarkdown {
        try ParserPool.shared.withParser(options: options) { parser throws(Failure) -> RenderedMarkdown in
            let document = ParserPool.shared.parse(markdown, with: parser)
            defer { cmark_node_free(document) }
            return try render(document, parser: parser, resolveLink: resolveLink)
        }
    }

    private func render<Failure: Error>(_ document: OpaquePointer, parser: ParserPool.Parser, resolveLink: (String, Int) throws(Failure) -> String) throws(Failure) -> RenderedMarkdown {
        var headings: [OpaquePointer] = []
        var codeBlocks: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        var paragraphs: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)!
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING { headings.append(node) }
            else if type == CMARK_NODE_CODE_BLOCK { codeBlocks.append(node) }
            else if type == CMARK_NODE_LINK { links.append(node) }
            else if type == CMARK_NODE_PARAGRAPH { paragraphs.append(node) }
        }
        cmark_iter_free(iterator)

        for link in links {
            let url = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
            let resolved = try resolveLink(url, Int(cmark_node_get_start_line(link)))
            if resolved != url { cmark_node_set_url(link, resolved) }
        }

        var setupBlocks: [SetupBlockRequest] = []
        for block in codeBlocks {
            let info = cmark_node_get_fence_info(block).map { String(cString: $0) } ?? ""
            let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard words.first == "mcp-setup" else {
                highlight(block, fence: words.first, parser: parser)
                continue
            }
            let line = Int(cmark_node_get_start_line(block))
            let marker = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, parser.memory)!
            cmark_node_set_on_enter(marker, Self.setupBlockMarker(setupBlocks.count))
            cmark_node_set_on_exit(marker, "")
            cmark_node_replace(block, marker)
            cmark_node_free(block)
            setupBlocks.append(SetupBlockRequest(clientIDs: Array(words.dropFirst()), line: line))
        }

        var unresolvedSections: [SectionRequest] = []
        for paragraph in paragraphs {
            guard let name = Self.sectionName(of: paragraph) else { continue }
            guard let html = sections[name] else {
                unresolvedSections.append(SectionRequest(name: name, line: Int(cmark_node_get_start_line(paragraph))))
                continue
            }
            // A custom block: written as it is, also in cmark's safe mode.
            let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, parser.memory)!
            cmark_node_set_on_enter(block, html.hasSuffix("\n") ? html : html + "\n")
            cmark_node_set_on_exit(block, "")
            cmark_node_replace(paragraph, block)
            cmark_node_free(paragraph)
        }

        var slugs = SlugSet()
        var outline: [Heading] = []
        for heading in headings {
            let level = Int(cmark_node_get_heading_level(heading))
            let text = Self.plainText(of: heading)
            let slug = slugs.claim(text)
            outline.append(Heading(level: level, text: text, id: slug))
            let anchored = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, parser.memory)!
            cmark_node_set_on_enter(anchored, "<h\(level) id=\"\(slug)\">")
            cmark_node_set_on_exit(anchored, "</h\(level)>")
            while let child = cmark_node_first_child(heading) {
                cmark_node_unlink(child)
                cmark_node_append_child(anchored, child)
            }
            cmark_node_replace(heading, anchored)
            cmark_node_free(heading)
        }

        let rendered = cmark_render_html_with_mem(document, options, cmark_parser_get_syntax_extensions(parser.pointer), parser.memory)!
        defer { parser.memory.pointee.free(rendered) }
        return RenderedMarkdown(html: Self.labelTaskCheckboxes(String(cString: rendered)), headings: outline, setupBlocks: setupBlocks, unresolvedSections: unresolvedSections)
    }

    /// Replaces a code block in a language the highlighter reads with its highlighted HTML
    /// (`<pre><code class="language-NAME">` as cmark writes it, the spans inside).
    private func highlight(_ block: OpaquePointer, fence: String?, parser: ParserPool.Parser) {
        guard let fence, let language = HighlightLanguage(fence: fence) else { return }
        let code = cmark_node_get_literal(block).map { String(cString: $0) } ?? ""
        let name = fence.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" } ? fence : language.rawValue
        // A custom block: written as it is, also in cmark's safe mode (which drops raw HTML).
        let html = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, parser.memory)!
        cmark_node_set_on_exit(html, "")
        cmark_node_set_on_enter(html, "<pre><code class=\"language-\(name)\">" + Highlighter.html(code, language: language) + "</code></pre>\n")
        cmark_node_replace(block, html)
        cmark_node_free(block)
    }

    /// `keys/scopes` for a paragraph that is exactly `{{> keys/scopes}}`.
    private static func sectionName(of paragraph: OpaquePointer) -> String? {
        guard let child = cmark_node_first_child(paragraph), cmark_node_next(child) == nil, cmark_node_get_type(child) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(child) else { return nil }
        let text = String(cString: literal)
        guard text.hasPrefix("{{>"), text.hasSuffix("}}") else { return nil }
        let name = text.dropFirst(3).dropLast(2).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(" ") else { return nil }
        return name
    }

    /// The checkboxes cmark-gfm's tasklist extension writes (exactly these two forms) carry no
    /// label; each gets one that says its state, and the item's text follows it. One pass over
    /// the bytes: Foundation's string replacement costs more than the page's whole rendering.
    static func labelTaskCheckboxes(_ html: String) -> String {
        let checked = Array("<input type=\"checkbox\" checked=\"\" disabled=\"\" />".utf8)
        let unchecked = Array("<input type=\"checkbox\" disabled=\"\" />".utf8)
        let labelledChecked = Array("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />".utf8)
        let labelledUnchecked = Array("<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" />".utf8)
        var html = html
        return html.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            var start = 0
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
                let rest = UnsafeBufferPointer(rebasing: bytes[index...])
                if rest.starts(with: checked) {
                    if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                    output += bytes[start..<index]
                    output += labelledChecked
                    index += checked.count
                    start = index
                } else if rest.starts(with: unchecked) {
                    if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                    output += bytes[start..<index]
                    output += labelledUnchecked
                    index += unchecked.count
                    start = index
                } else {
                    index += 1
                }
            }
            guard start > 0 else { return String(decoding: bytes, as: UTF8.self) }
            output += bytes[start...]
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The text of a node's inline children: text, code, and the text inside emphasis and links.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }
}

/// The result of rendering one Markdown document.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The HTML, with a marker (``MarkdownRenderer/setupBlockMarker(_:)``) where each setup block goes.
    public var html: String
    /// The headings, in order, with their anchor ids.
    public var headings: [Heading]
    /// The setup blocks, in order.
    public var setupBlocks: [SetupBlockRequest]
    /// The `{{> name}}` paragraphs whose section the renderer does not have, left as text.
    public var unresolvedSections: [SectionRequest] = []
}

/// A paragraph `{{> keys/scopes}}` naming a template-owned section.
public struct SectionRequest: Sendable, Hashable {
    /// The section's name: `keys/scopes`.
    public var name: String
    /// The line of the paragraph, for error messages.
    public var line: Int
}

extension RenderedMarkdown {
    /// The HTML with each setup block's marker replaced by `fill(index)`, in one pass over the
    /// bytes (a large site fills thousands of pages).
    public func html(fillingSetupBlocks fill: (Int) throws -> String) rethrows -> String {
        guard !setupBlocks.isEmpty else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count)
        for segment in NumberedMarkers.split(html, prefix: MarkdownRenderer.setupBlockMarkerPrefix, endings: [MarkdownRenderer.setupBlockMarkerEnding]) {
            switch segment {
            case .text(let text): output += text
            case .marker(let index, _, let source): output += index < setupBlocks.count ? try fill(index) : source
            }
        }
        return output
    }
}

/// A heading and its anchor.
public struct Heading: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// The heading's text.
    public var text: String
    /// The `id` attribute, unique in the page.
    public var id: String
}

/// A fenced block with the info string `mcp-setup [client ids…]`.
public struct SetupBlockRequest: Sendable, Hashable {
    /// The clients to show; empty means all.
    public var clientIDs: [String]
    /// The line of the fence, for error messages.
    public var line: Int
}
