import Testing
@testable import MCPSetup

@Suite("Key facts")
struct KeyFactsTests {
    static let base = "name: acme\nendpoint: https://mcp.acme.dev/mcp\n"

    @Test("a masked preview's shape is read from the key as the key page shows it", arguments: [
        ("phk_dLK5...J6HMii", 8, 6, "..."), ("sk_live_…J6Hm", 8, 4, "…"), ("mcp_••••••••abcd", 4, 4, "••••••••"),
        ("****wxyz", 0, 4, "****"), ("sk-live-per-ab12***", 16, 0, "***"), ("a.b...c", 3, 1, "..."),
    ])
    func shape(example: String, start: Int, end: Int, mask: String) throws {
        let preview = try MaskedPreview(example: example, field: "keys.masked_preview")
        #expect(preview.shownStart == start && preview.shownEnd == end && preview.mask == mask)
    }

    @Test("a preview without a mask, or showing nothing, is refused with an example of the form")
    func badShapes() {
        for example in ["sk_live_abcdef", "...", "sk live ...x", "ab..cd"] {
            #expect(throws: SetupError.self) { try MaskedPreview(example: example, field: "keys.masked_preview") }
        }
    }

    @Test("a key is previewed in the page's shape only while enough of it stays hidden")
    func preview() throws {
        let shape = try MaskedPreview(example: "phk_dLK5...J6HMii", field: "f")
        #expect(shape.preview(of: "phk_dLK5QWERTYUIOPasdfJ6HMii", prefix: "phk_") == "phk_dLK5...J6HMii")
        #expect(shape.preview(of: "phk_shortJ6HMii", prefix: "phk_") == "phk_••••••••")
        #expect(shape.preview(of: "other", prefix: "phk_") == "••••••••")
    }

    @Test("the keys: block reads every fact and feeds prefix, key page and preview to the profile")
    func block() throws {
        let config = try ConfigFile.parse(Self.base + """
        keys:
          prefix: sk_live_
          masked_preview: sk_live_…J6Hm
          create_url: https://app.acme.dev/keys
          create_path: Settings → Keys
          shown_once: true
          scopes:
            - name: read
              meaning: Read things.
          rotation: Make a new one.
          disable: Pauses it.
          delete: Removes it for good.
          revoke: Stops it at once.
          legacy_token: Old tokens do not work.
          oauth: Sign in instead.
          errors:
            - status: 401
              meaning: Bad key.
        """, path: "mcp-setup.yml")
        #expect(config.keys.scopes == [.init(name: "read", meaning: "Read things.")])
        #expect(config.keys.refusals == [.init(status: 401, meaning: "Bad key.")])
        #expect(config.keys.shownOnce == true && config.keys.deleting == "Removes it for good." && config.keys.disabling == "Pauses it.")
        let profile = try config.profile.profile()
        #expect(profile.keyPrefix == "sk_live_" && profile.keyPage == "https://app.acme.dev/keys")
        #expect(profile.maskedPreview == MaskedPreview(shownStart: 8, shownEnd: 4, mask: "…", example: "sk_live_…J6Hm"))
    }

    @Test("a keys: block that is wrong says where, in one line", arguments: [
        ("keys:\n  prefx: a\n", "mcp-setup.yml:4:3: unknown key 'keys.prefx'; did you mean 'keys.prefix'?"),
        ("keys:\n  errors:\n    - status: 200\n      meaning: ok\n", "status '200' must be an HTTP error status"),
        ("keys:\n  scopes:\n    - name: read\n", "an item needs both name: and meaning:"),
        ("key_prefix: a_\nkeys:\n  prefix: b_\n", "disagrees with mcp-setup.yml:3:1: key_prefix 'a_'"),
        ("keys:\n  prefix: b_\nkey_prefix: a_\n", "disagrees with mcp-setup.yml:5:1: key_prefix 'a_'"),
        ("keys:\n  shown_once: maybe\n", "keys.shown_once must be true or false"),
        ("keys:\n  masked_preview: abcdef\n", "has no mask"),
    ])
    func errors(yaml: String, message: String) {
        #expect {
            try ConfigFile.parse(Self.base + yaml, path: "mcp-setup.yml").profile.profile()
        } throws: { error in
            let text = (error as? SetupError)?.message ?? ""
            return text.contains(message) && !text.contains("\n")
        }
    }
}
