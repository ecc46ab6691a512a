import Foundation
import MCPSetup
import Testing
@testable import MCPSetupSite

@Suite("Key sections")
struct KeySectionsTests {
    static let config = """
    name: acme
    title: Acme
    endpoint: https://mcp.acme.dev/mcp
    keys:
      prefix: sk_live_
      masked_preview: sk_live_…J6Hm
      create_url: https://app.acme.dev/keys
      shown_once: true
      scopes:
        - name: read
          meaning: Read <projects> & tasks.
      errors:
        - status: 401
          meaning: The key is wrong.
    """

    @Test("a page's {{> keys/…}} paragraphs become the template's sections, with the facts escaped")
    func sections() throws {
        let folder = try SiteBuilderTests.project(["keys.md": "---\ntitle: Keys\n---\n\nIntro.\n\n{{> keys/create}}\n\n## Scopes\n\n{{> keys/scopes}}\n\n{{> keys/preview}}\n\n{{> keys/errors}}\n"], config: Self.config)
        let html = try SiteBuilderTests.builder(folder).build().files["keys/index.html"]!
        #expect(html.contains("<a href=\"https://app.acme.dev/keys\">your Acme key page</a>"))
        #expect(html.contains("<strong>The key is shown once.</strong>"))
        #expect(html.contains("<tr><td><code>read</code></td><td>Read &lt;projects&gt; &amp; tasks.</td></tr>"))
        #expect(html.contains("<code>sk_live_…J6Hm</code>: the first 8 and the last 4 characters"))
        #expect(html.contains("<tr><td><code>401</code></td><td>The key is wrong.</td></tr>"))
        #expect(!html.contains("{{&gt;") && !html.contains("{{>"))
    }

    @Test("a section inline in a sentence, or in a code block, stays text")
    func onlyWholeParagraphs() throws {
        let folder = try SiteBuilderTests.project(["keys.md": "---\ntitle: Keys\n---\n\nWrite {{> keys/scopes}} to list them.\n\n```\n{{> keys/scopes}}\n```\n"], config: Self.config)
        let html = try SiteBuilderTests.builder(folder).build().files["keys/index.html"]!
        #expect(html.contains("Write {{&gt; keys/scopes}} to list them."))
        #expect(html.contains("<pre><code>{{&gt; keys/scopes}}\n</code></pre>"))
        #expect(!html.contains("key-scopes"))
    }

    @Test("a section whose facts are missing, or an unknown one, fails the build at its line, naming the setting")
    func missingFacts() throws {
        let folder = try SiteBuilderTests.project(["keys.md": "---\ntitle: Keys\n---\n\nText.\n\n{{> keys/legacy}}\n"], config: Self.config)
        #expect {
            try SiteBuilderTests.builder(folder).build()
        } throws: { error in
            (error as? SetupError)?.message == "\(folder.path)/content/keys.md:7: {{> keys/legacy}} needs keys.legacy_token in mcp-setup.yml"
        }
        let notShownOnce = try SiteBuilderTests.project(["keys.md": "---\ntitle: Keys\n---\n\n{{> keys/lifecycle}}\n"],
                                                       config: "name: acme\nendpoint: https://mcp.acme.dev/mcp\nkeys:\n  shown_once: false\n")
        #expect {
            try SiteBuilderTests.builder(notShownOnce).build()
        } throws: { error in
            (error as? SetupError)?.message.contains("{{> keys/lifecycle}} needs one of keys.shown_once: true, keys.rotation") == true
        }
        let unknown = try SiteBuilderTests.project(["keys.md": "---\ntitle: Keys\n---\n\n{{> keys/scope}}\n"], config: Self.config)
        #expect {
            try SiteBuilderTests.builder(unknown).build()
        } throws: { error in
            (error as? SetupError)?.message.contains("keys.md:5: {{> keys/scope}} is not a section mcp-setup knows; use one of {{> keys/create}}") == true
        }
    }
}
