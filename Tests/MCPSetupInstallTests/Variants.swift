import MCPSetup
@testable import MCPSetupInstall

/// Config files of many shapes for a client's container, built for the file's syntax.
enum Variants {
    struct Variant {
        let name: String
        let bytes: [UInt8]?
    }

    static func all(format: FileFormat, container: [String]) -> [Variant] {
        switch format {
        case .json, .jsonc: return json(container: container, comments: format == .jsonc)
        case .toml: return toml(container: container)
        case .yaml: return yaml(container: container)
        }
    }

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private static func json(container: [String], comments: Bool) -> [Variant] {
        let key = container.first ?? "mcpServers"
        let typical = "{\n  \"\(key)\": {\n    \"other\": {\n      \"url\": \"https://other.example/mcp\",\n      \"headers\": { \"X-Team\": \"blue\" }\n    }\n  },\n  \"telemetry\": false\n}\n"
        var variants = [
            Variant(name: "missing", bytes: nil),
            Variant(name: "empty", bytes: []),
            Variant(name: "whitespace", bytes: bytes("\n  \n")),
            Variant(name: "typical", bytes: bytes(typical)),
            Variant(name: "crlf", bytes: bytes(typical.replacingOccurrences(of: "\n", with: "\r\n"))),
            Variant(name: "bom", bytes: [0xEF, 0xBB, 0xBF] + bytes(typical)),
            Variant(name: "tabs", bytes: bytes(typical.replacingOccurrences(of: "  ", with: "\t"))),
            Variant(name: "four-spaces", bytes: bytes(typical.replacingOccurrences(of: "  ", with: "    "))),
            Variant(name: "no-final-newline", bytes: bytes(String(typical.dropLast()))),
            Variant(name: "compact", bytes: bytes("{\"\(key)\":{\"other\":{\"url\":\"https://other.example/mcp\"}},\"a\":1}")),
            Variant(name: "compact-spaced", bytes: bytes("{\"\(key)\": {\"other\": {\"url\": \"https://other.example/mcp\"}}, \"a\": 1}\n")),
            Variant(name: "empty-object", bytes: bytes("{}\n")),
            Variant(name: "empty-object-spaced", bytes: bytes("{ }")),
            Variant(name: "empty-container", bytes: bytes("{\n  \"\(key)\": {}\n}\n")),
            Variant(name: "empty-container-multiline", bytes: bytes("{\n  \"\(key)\": {\n  }\n}\n")),
            Variant(name: "other-settings-only", bytes: bytes("{\n  \"editor.fontSize\": 14,\n  \"list\": [1, 2, {\"x\": null}]\n}\n")),
            Variant(name: "unicode", bytes: bytes("{\n  \"\(key)\": {\n    \"café\": {\"url\": \"https://ex.example/\\u00e9\"}\n  },\n  \"emoji\": \"✓ 😀\"\n}\n")),
        ]
        if comments {
            variants += [
                Variant(name: "comments", bytes: bytes("// header comment\n{\n  /* servers */\n  \"\(key)\": {\n    // keep me\n    \"other\": { \"url\": \"https://other.example/mcp\" } // trailing\n  },\n  \"a\": 1 // end\n}\n")),
                Variant(name: "trailing-commas", bytes: bytes("{\n  \"\(key)\": {\n    \"other\": { \"url\": \"https://other.example/mcp\" },\n  },\n  \"a\": [1, 2,],\n}\n")),
            ]
        }
        return variants
    }

    private static func toml(container: [String]) -> [Variant] {
        let table = container.joined(separator: ".")
        let typical = "# my settings\nmodel = \"gpt-5\"\n\n[\(table).other]\nurl = \"https://other.example/mcp\" # team server\n\n[\(table).other.env]\nX = \"1\"\n\n[profiles.fast]\nmodel = \"mini\"\n"
        return [
            Variant(name: "missing", bytes: nil),
            Variant(name: "empty", bytes: []),
            Variant(name: "typical", bytes: bytes(typical)),
            Variant(name: "crlf", bytes: bytes(typical.replacingOccurrences(of: "\n", with: "\r\n"))),
            Variant(name: "no-final-newline", bytes: bytes(String(typical.dropLast()))),
            Variant(name: "ends-with-blank-line", bytes: bytes(typical + "\n")),
            Variant(name: "root-keys-only", bytes: bytes("model = \"o3\"\n")),
            Variant(name: "multiline-string", bytes: bytes("instructions = \"\"\"\n[\(table).fake]\nnot a table\n\"\"\"\n")),
        ]
    }

    private static func yaml(container: [String]) -> [Variant] {
        let key = container.first ?? "extensions"
        let typical: String
        if key == "mcpServers" {
            typical = "name: Assistant\nversion: 1.0.0\nschema: v1\nmcpServers:\n  - name: other\n    command: npx\n    args:\n      - \"-y\"\n# comment after\nmodels: []\n"
        } else {
            typical = "# goose\nGOOSE_PROVIDER: openai\n\(key):\n  other:\n    name: Other\n    enabled: true\n    type: builtin\nGOOSE_MODE: auto\n"
        }
        return [
            Variant(name: "missing", bytes: nil),
            Variant(name: "empty", bytes: []),
            Variant(name: "typical", bytes: bytes(typical)),
            Variant(name: "crlf", bytes: bytes(typical.replacingOccurrences(of: "\n", with: "\r\n"))),
            Variant(name: "no-final-newline", bytes: bytes(String(typical.dropLast()))),
            Variant(name: "no-container", bytes: bytes("GOOSE_MODEL: x\n")),
        ]
    }
}
