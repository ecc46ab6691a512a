import CCmarkGFM
import CmarkArena
import CmarkInlineCharacters
import Foundation

/// cmark-gfm parsers kept for reuse, parsing on every core at once where the process allows it.
///
/// cmark-gfm keeps the characters that start an inline extension (`~` for strikethrough, `:` and
/// `w` for autolinks) in a table global to the library; by default every parse sets them before
/// it reads inlines and clears them after (github/cmark-gfm#176), so two documents parsed at once
/// miss `~~` and `www.` at random. The `CmarkInlineCharacters` module replaces the library's
/// function that sets and clears them; the pool sets the characters of its extensions once, for
/// good, and then checks by parsing that they stay set. Every parser here attaches the same
/// extensions, so the fixed table is the one each parse would have set up. Where the replacement
/// is not in effect (a process that links the library in a way that binds its calls directly),
/// parsing (feed and finish) is serialised under a lock instead.
///
/// Parsing on many threads, each document gets a parser of its own whose memory, and that of
/// everything made from it, comes from the thread's arena (`CmarkArena`) and goes back at once
/// when the document is done: a page's thousands of small allocations cost no more than a
/// pointer bump each. Parsing serialised, parsers use the C library's allocator and are reused
/// after `cmark_parser_finish` resets them (which keeps their extensions), never freed.
final class ParserPool: @unchecked Sendable {
    static let shared = ParserPool()

    /// Whether documents may be parsed on several threads at once.
    let parsesInParallel: Bool
    private let lock = NSLock()
    private var idle: [Int32: [OpaquePointer]] = [:]
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    /// The extensions every parser attaches, found once.
    private let extensions: [OpaquePointer]

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
        extensions = Self.extensionNames.compactMap { cmark_find_syntax_extension($0) }
        let setter = Self.newParser(options: CMARK_OPT_DEFAULT)
        mcp_setup_fix_inline_characters(setter)
        cmark_parser_free(setter)
        parsesInParallel = mcp_setup_inline_characters_fixed() != 0
    }

    private static func newParser(options: Int32) -> OpaquePointer {
        let parser = cmark_parser_new(options)!
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        return parser
    }

    /// Parses a document with a parser of ``withParser(options:_:)``.
    func parse(_ markdown: String, with parser: Parser) -> OpaquePointer {
        func parse() -> OpaquePointer {
            cmark_parser_feed(parser.pointer, markdown, markdown.utf8.count)
            return cmark_parser_finish(parser.pointer)!
        }
        return parsesInParallel ? parse() : lock.withLock(parse)
    }

    /// A parser, and the allocator of the documents it parses (for nodes made to go in them and
    /// the HTML rendered from them).
    struct Parser {
        let pointer: OpaquePointer
        let memory: UnsafeMutablePointer<cmark_mem>
    }

    /// Runs `body` with a parser for `options` that no other thread uses meanwhile. What `body`
    /// makes with the parser's memory it frees before it returns (in the arena that costs
    /// nothing, except for what the arena took from malloc past its budget).
    func withParser<Result, Failure: Error>(options: Int32, _ body: (Parser) throws(Failure) -> Result) throws(Failure) -> Result {
        if parsesInParallel {
            mcp_setup_arena_begin()
            defer { mcp_setup_arena_end() }
            let memory = mcp_setup_arena_allocator()!
            let parser = cmark_parser_new_with_mem(options, memory)!
            defer { cmark_parser_free(parser) }
            for syntaxExtension in extensions { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
            return try body(Parser(pointer: parser, memory: memory))
        }
        let parser = checkOut(options: options)
        defer { checkIn(parser, options: options) }
        return try body(Parser(pointer: parser, memory: cmark_get_default_mem_allocator()))
    }

    private func checkOut(options: Int32) -> OpaquePointer {
        lock.withLock {
            if let parser = idle[options]?.popLast() { return parser }
            return Self.newParser(options: options)
        }
    }

    private func checkIn(_ parser: OpaquePointer, options: Int32) {
        lock.withLock { idle[options, default: []].append(parser) }
    }
}
