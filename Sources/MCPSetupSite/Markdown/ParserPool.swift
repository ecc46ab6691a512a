import CCmarkGFM
import Foundation

/// cmark-gfm parsers kept for reuse, and the lock that every parse takes.
///
/// cmark-gfm keeps the characters that start an inline extension (`~` for strikethrough, `w`
/// for autolinks) in a table global to the library: attaching an extension sets them, and every
/// parse sets them before it reads inlines and clears them after (github/cmark-gfm#176). Two
/// documents parsed at once on two threads therefore miss `~~` and `www.` at random; builds here
/// differed from run to run until parsing was serialised. So parsing (feed and finish) happens
/// under one lock, parsers are created under it with every extension attached, reused after
/// `cmark_parser_finish` resets them (which keeps their extensions), and never freed; walking the
/// tree and rendering HTML, most of the work, still run in parallel.
final class ParserPool: @unchecked Sendable {
    static let shared = ParserPool()

    private let lock = NSLock()
    private var idle: [Int32: [OpaquePointer]] = [:]
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
    }

    /// Parses a document with a checked-out parser, under the parse lock.
    func parse(_ markdown: String, with parser: OpaquePointer) -> OpaquePointer {
        lock.withLock {
            cmark_parser_feed(parser, markdown, markdown.utf8.count)
            return cmark_parser_finish(parser)!
        }
    }

    /// Runs `body` with a parser for `options` that no other thread uses meanwhile.
    func withParser<Result, Failure: Error>(options: Int32, _ body: (OpaquePointer) throws(Failure) -> Result) throws(Failure) -> Result {
        let parser = checkOut(options: options)
        defer { checkIn(parser, options: options) }
        return try body(parser)
    }

    private func checkOut(options: Int32) -> OpaquePointer {
        lock.withLock {
            if let parser = idle[options]?.popLast() { return parser }
            let parser = cmark_parser_new(options)!
            for name in Self.extensionNames {
                if let syntaxExtension = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, syntaxExtension)
                }
            }
            return parser
        }
    }

    private func checkIn(_ parser: OpaquePointer, options: Int32) {
        lock.withLock { idle[options, default: []].append(parser) }
    }
}
