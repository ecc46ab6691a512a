import Foundation
import MCPSetupSite
import Testing
@testable import MCPSetupServe

@Suite("serve: the live site")
struct LiveSiteTests {
    static func site() -> SiteOutput {
        var output = SiteOutput()
        output.add("index.html", "<!doctype html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; connect-src 'none'\"></head><body>home</body></html>")
        output.add("keys/index.html", "<html><head></head><body>keys; a policy quoted: <code>connect-src 'none'</code></body></html>")
        output.add("404.html", "<html><head></head><body>missing</body></html>")
        output.add("assets/site.css", "body {}")
        output.add("downloads/acme.mcpb", bytes: [0x50, 0x4B, 0x03, 0x04])
        return output
    }

    @Test("paths map to files as a static server would, pages get the reload script and connect-src 'self' only")
    func mapping() async {
        let live = LiveSite()
        let version = await live.update(Self.site())
        let home = await live.reply(for: "/")
        let text = String(decoding: home.body, as: UTF8.self)
        #expect(home.status == 200 && home.contentType == "text/html; charset=utf-8")
        #expect(text.contains("connect-src 'self'") && !text.contains("connect-src 'none'"))
        #expect(text.contains("<script type=\"module\" src=\"/__mcp-setup/live.js?v=\(version)\"></script>\n</head>"))
        let keys = String(decoding: await live.reply(for: "/keys/").body, as: UTF8.self)
        #expect(keys.contains("<code>connect-src 'none'</code>"), "text quoting a policy was changed")
        let redirect = await live.reply(for: "/keys")
        #expect(redirect.status == 301 && redirect.location == "/keys/")
        #expect(await live.reply(for: "/keys/?q=1").status == 200)
        let css = await live.reply(for: "/assets/site.css")
        #expect(css.status == 200 && css.contentType == "text/css; charset=utf-8" && css.body == Array("body {}".utf8))
        #expect(await live.reply(for: "/downloads/acme.mcpb").body == [0x50, 0x4B, 0x03, 0x04])
        let missing = await live.reply(for: "/nope/")
        #expect(missing.status == 404 && String(decoding: missing.body, as: UTF8.self).contains("missing"))
        #expect(await live.reply(for: "/../etc/passwd").status == 400)
        #expect(await live.reply(for: "/%2e%2e/etc/passwd").status == 400)
    }

    @Test("while the build is broken every page shows the error, escaped; assets still come from the last good build")
    func brokenBuild() async {
        let live = LiveSite()
        _ = await live.update(Self.site())
        let version = await live.fail("content/keys.md:3: <b>broken</b> front matter")
        let page = await live.reply(for: "/keys/")
        let text = String(decoding: page.body, as: UTF8.self)
        #expect(page.status == 500)
        #expect(text.contains("<pre id=\"mcp-setup-build-error\">content/keys.md:3: &lt;b&gt;broken&lt;/b&gt; front matter</pre>"))
        #expect(text.contains("live.js?v=\(version)"))
        #expect(await live.reply(for: "/assets/site.css").status == 200)
        _ = await live.update(Self.site())
        #expect(await live.reply(for: "/keys/").status == 200)
    }

    @Test("every open page hears each version; after the server stops, streams end")
    func broadcaster() async {
        let broadcaster = ReloadBroadcaster()
        let first = await broadcaster.subscribe(), second = await broadcaster.subscribe()
        await broadcaster.send(7)
        var a = first.makeAsyncIterator(), b = second.makeAsyncIterator()
        #expect(await a.next() == 7)
        #expect(await b.next() == 7)
        await broadcaster.finishAll()
        #expect(await a.next() == nil)
        var late = await broadcaster.subscribe().makeAsyncIterator()
        #expect(await late.next() == nil)
    }
}
