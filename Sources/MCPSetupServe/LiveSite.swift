import Foundation
import MCPSetup
import MCPSetupSite

/// The site as `serve` shows it: the last good build, or the error of the last failed one,
/// and a version that changes with each. HTML pages get the live-reload script and a
/// Content-Security-Policy that lets them connect to this server (and nowhere else).
public actor LiveSite {
    /// The last good build.
    public private(set) var output = SiteOutput()
    /// The error of the last build, while it stands.
    public private(set) var error: String?
    /// Goes up with every build, good or not.
    public private(set) var version = 0

    /// The path the live-reload script is served at.
    public static let scriptPath = "/__mcp-setup/live.js"
    /// The path of the event stream that tells pages the site's version.
    public static let eventsPath = "/__mcp-setup/events"

    /// An empty site.
    public init() {}

    /// A good build.
    public func update(_ output: SiteOutput) -> Int {
        self.output = output
        error = nil
        version += 1
        return version
    }

    /// A failed build: HTML pages show its error until the next good one.
    public func fail(_ message: String) -> Int {
        error = message
        version += 1
        return version
    }

    /// What to send for a request path.
    public struct Reply: Sendable {
        /// The HTTP status.
        public var status: Int
        /// The media type.
        public var contentType: String
        /// The body.
        public var body: [UInt8]
        /// Where to go instead, for a redirect.
        public var location: String?
    }

    /// The reply for a GET of `path` (its percent-encoding undone here).
    public func reply(for requestPath: String) -> Reply {
        let path = requestPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? requestPath
        guard let decoded = path.removingPercentEncoding, decoded.hasPrefix("/"),
              !decoded.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
            return Reply(status: 400, contentType: "text/plain; charset=utf-8", body: Array("bad path\n".utf8))
        }
        var file = String(decoded.dropFirst())
        if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
        if !output.contains(file), output.contains(file + "/index.html") {
            return Reply(status: 301, contentType: "text/plain; charset=utf-8", body: [], location: path + "/")
        }
        let isPage = file.hasSuffix(".html")
        if isPage, let error {
            return Reply(status: 500, contentType: "text/html; charset=utf-8", body: Array(Self.errorPage(error, version: version).utf8))
        }
        guard let body = output.body(at: file) else {
            if let notFound = output.files["404.html"] {
                return Reply(status: 404, contentType: "text/html; charset=utf-8", body: Array(Self.live(notFound, version: version).utf8))
            }
            return Reply(status: 404, contentType: "text/plain; charset=utf-8", body: Array("not found\n".utf8))
        }
        switch body {
        case .text(let text):
            return Reply(status: 200, contentType: Self.contentType(file), body: Array((isPage ? Self.live(text, version: version) : text).utf8))
        case .bytes(let bytes):
            return Reply(status: 200, contentType: Self.contentType(file), body: bytes)
        }
    }

    /// A page with the live-reload script added and `connect-src` opened to this server only.
    static func live(_ html: String, version: Int) -> String {
        var page = html
        // Only the page's own policy, in its <meta>: text that quotes a policy stays as written.
        if let meta = page.range(of: "<meta http-equiv=\"Content-Security-Policy\""),
           let end = page.range(of: ">", range: meta.upperBound..<page.endIndex),
           let none = page.range(of: "connect-src 'none'", range: meta.upperBound..<end.lowerBound) {
            page.replaceSubrange(none, with: "connect-src 'self'")
        }
        let script = "<script type=\"module\" src=\"\(scriptPath)?v=\(version)\"></script>\n"
        if let head = page.range(of: "</head>") { page.insert(contentsOf: script, at: head.lowerBound) } else { page += script }
        return page
    }

    /// The page shown in place of every page while the build is broken.
    static func errorPage(_ message: String, version: Int) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'">
        <title>Build error · mcp-setup serve</title>
        <script type="module" src="\(scriptPath)?v=\(version)"></script>
        </head>
        <body>
        <main>
        <h1>The site did not build</h1>
        <p>Fix the file, save it, and this page shows the site again.</p>
        <pre id="mcp-setup-build-error">\(HTMLText.escape(message))</pre>
        </main>
        </body>
        </html>

        """
    }

    /// The live-reload script: it listens for the site's version and reloads the page when it
    /// is not the one the page was served at.
    static let script = """
    // mcp-setup serve: reloads this page when the site is rebuilt. Served only by serve, never
    // written into the output folder.
    const version = new URL(import.meta.url).searchParams.get("v");
    const events = new EventSource("\(eventsPath)");
    events.addEventListener("version", (event) => {
      if (event.data !== version) location.reload();
    });

    """

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "mcpb", "zip": return "application/zip"
        default: return "text/plain; charset=utf-8"
        }
    }
}
