import MCPSetup

/// A small deterministic random generator. The property tests draw one seed from the property
/// checker and build a whole file from it, so a failure's seed reproduces its file exactly.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}

/// Random JSON and JSONC config files: other servers and settings around a client's container,
/// every layout a person or a tool writes (indentation unit, line endings, byte-order mark, final
/// newline, compact or pretty, comments and trailing commas, empty or missing containers).
struct JSONLayout: CustomStringConvertible {
    /// The file's bytes.
    let bytes: [UInt8]
    /// What was drawn, for a failure's message.
    let summary: String

    var description: String { "\(summary)\n" + String(decoding: bytes, as: UTF8.self).debugDescription }

    /// A value in the file: objects and arrays keep their own inline/multiline choice.
    indirect enum Node {
        case object([(key: String, value: Node)], inline: Bool)
        case array([Node], inline: Bool)
        case scalar(String)
    }

    struct Style {
        var unit = "  "
        var eol = "\n"
        var compact = false
        var spaced = true
        var comments = false
        var trailingCommas = false
    }

    static let stringLiterals = [
        #""plain""#, #""https://other.example/mcp?x=1&y=%20""#, #""with \"quotes\"""#, #""back\\slash""#,
        #""caf\u00e9 \u2713""#, "\"café ✓ 😀 中文\"", #""tab\tand\nnewline""#, #""\/slash""#, #""/* not a comment */""#,
        #""// nor this""#, #""${env:TOKEN}""#, #""""#, #""Bearer sk_live_abc""#, #""{\"json\": [1]}""#,
    ]
    static let otherLiterals = ["0", "14", "-1.5e3", "1E+2", "true", "false", "null", "12345678901234567890"]
    static let settingKeys = [
        "telemetry", "editor.fontSize", "theme", "projects", "numStartups", "autoUpdates", "tipsHistory", "$schema",
        "télémétrie", "emoji 😀", #"a\"quote"#, #"back\\slash"#, "", "mcpServersBackup", "servers2", "userID",
    ]
    static let serverNames = [
        "other", "github", "linear", "filesystem", "acme-dev", "acme-prod", "acme2", "ACME", "acme ", "a.b", "my server",
        "sentry", "x-1", "café", #"q\"uote"#,
    ]

    static func random(seed: UInt64, format: FileFormat, container: [String], name: String, inputs: Bool) -> JSONLayout {
        var rng = SplitMix(state: seed)
        let jsonc = format == .jsonc
        var summary: [String] = ["seed \(seed)", "\(format)", "container \(container.joined(separator: "."))", "name \(name)"]

        // Rare whole-file shapes: empty, blank, an empty root object.
        let special = rng.int(0...19)
        if special == 0 { return JSONLayout(bytes: [], summary: (summary + ["empty file"]).joined(separator: ", ")) }
        if special == 1 { return JSONLayout(bytes: Array(rng.pick(["\n", "  \n\n", "\r\n", " "]).utf8), summary: (summary + ["blank file"]).joined(separator: ", ")) }

        var style = Style()
        style.unit = rng.pick(["  ", "    ", "\t", "   "])
        style.eol = rng.chance(0.3) ? "\r\n" : "\n"
        style.compact = rng.chance(0.2)
        style.spaced = rng.chance(0.6)
        style.comments = jsonc && rng.chance(0.6)
        style.trailingCommas = jsonc && rng.chance(0.4)
        let bom = rng.chance(0.15)
        let finalNewline = rng.chance(0.75)
        summary += ["unit \(style.unit.debugDescription)", style.eol == "\r\n" ? "CRLF" : "LF", bom ? "BOM" : "no BOM",
                    finalNewline ? "final newline" : "no final newline", style.compact ? "compact" : "pretty"]
        if style.comments { summary.append("comments") }
        if style.trailingCommas { summary.append("trailing commas") }

        var root: [(key: String, value: Node)] = []
        if special == 2 {
            summary.append("empty root")
        } else {
            var used = Set<String>(container.prefix(1) + ["inputs"])
            for _ in 0..<rng.int(0...5) {
                let key = rng.pick(settingKeys)
                guard used.insert(key).inserted else { continue }
                root.append((key, randomValue(&rng, depth: 1)))
            }
            if inputs && rng.chance(0.5) {
                let other: Node = .object([("type", .scalar(#""promptString""#)), ("id", .scalar(#""other_key""#)), ("password", .scalar("true"))], inline: rng.chance(0.3))
                root.insert(("inputs", .array(rng.chance(0.2) ? [] : [other], inline: false)), at: rng.int(0...root.count))
                summary.append("inputs")
            }
            let state = rng.int(0...5)
            if state > 0 {
                let node = containerNode(&rng, path: container, name: name, state: state, summary: &summary)
                root.insert((container[0], node), at: rng.int(0...root.count))
            } else {
                summary.append("container missing")
            }
        }

        var text = ""
        if style.comments && rng.chance(0.4) { text += style.compact ? "/* settings */ " : "// settings" + style.eol }
        text += write(.object(root, inline: false), depth: 0, style: style, rng: &rng)
        if style.comments && rng.chance(0.3) { text += style.compact ? " /* end */" : style.eol + "// end" }
        if finalNewline { text += style.eol }
        var bytes = Array(text.utf8)
        if bom { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        return JSONLayout(bytes: bytes, summary: summary.joined(separator: ", "))
    }

    /// The container at `path` (nested objects when the path is longer than one key).
    private static func containerNode(_ rng: inout SplitMix, path: [String], name: String, state: Int, summary: inout [String]) -> Node {
        if path.count > 1 {
            return .object([(path[1], containerNode(&rng, path: Array(path.dropFirst()), name: name, state: state, summary: &summary))], inline: false)
        }
        if state == 1 {
            summary.append("empty container")
            return .object([], inline: rng.chance(0.5))
        }
        var members: [(key: String, value: Node)] = []
        var used: Set<String> = [name]
        for _ in 0..<rng.int(1...4) {
            let server = rng.pick(serverNames)
            guard used.insert(server).inserted else { continue }
            members.append((server, serverEntry(&rng)))
        }
        summary.append("\(members.count) other servers")
        return .object(members, inline: rng.chance(0.15))
    }

    private static func serverEntry(_ rng: inout SplitMix) -> Node {
        if rng.chance(0.5) {
            var members: [(key: String, value: Node)] = [("url", .scalar(#""https://other.example/mcp""#))]
            if rng.chance(0.5) { members.insert(("type", .scalar(rng.pick([#""http""#, #""sse""#]))), at: 0) }
            if rng.chance(0.6) { members.append(("headers", .object([("X-Team", .scalar(rng.pick(stringLiterals)))], inline: rng.chance(0.6)))) }
            return .object(members, inline: rng.chance(0.2))
        }
        var members: [(key: String, value: Node)] = [("command", .scalar(#""npx""#)), ("args", .array([.scalar(#""-y""#), .scalar(#""@scope/server""#)], inline: rng.chance(0.7)))]
        if rng.chance(0.5) { members.append(("env", .object(rng.chance(0.3) ? [] : [("TOKEN", .scalar(rng.pick(stringLiterals)))], inline: rng.chance(0.5)))) }
        return .object(members, inline: rng.chance(0.2))
    }

    private static func randomValue(_ rng: inout SplitMix, depth: Int) -> Node {
        let kind = depth > 3 ? rng.int(0...1) : rng.int(0...4)
        switch kind {
        case 0: return .scalar(rng.pick(stringLiterals))
        case 1: return .scalar(rng.pick(otherLiterals))
        case 2:
            return .array((0..<rng.int(0...3)).map { _ in randomValue(&rng, depth: depth + 1) }, inline: rng.chance(0.6))
        default:
            var members: [(key: String, value: Node)] = []
            var used = Set<String>()
            for _ in 0..<rng.int(0...3) {
                let key = rng.pick(settingKeys + serverNames)
                guard used.insert(key).inserted else { continue }
                members.append((key, randomValue(&rng, depth: depth + 1)))
            }
            return .object(members, inline: rng.chance(0.4))
        }
    }

    private static func write(_ node: Node, depth: Int, style: Style, rng: inout SplitMix) -> String {
        let indent = String(repeating: style.unit, count: depth)
        let inner = indent + style.unit
        switch node {
        case .scalar(let text):
            return text
        case .object(let members, let inline):
            let items = members.map { JSONSyntax.quote($0.key) + (style.compact && !style.spaced ? ":" : ": ") + write($0.value, depth: depth + 1, style: style, rng: &rng) }
            return container(open: "{", close: "}", items: items, multiline: !style.compact && !inline, indent: indent, inner: inner, style: style, rng: &rng)
        case .array(let values, let inline):
            let items = values.map { write($0, depth: depth + 1, style: style, rng: &rng) }
            return container(open: "[", close: "]", items: items, multiline: !style.compact && !inline, indent: indent, inner: inner, style: style, rng: &rng)
        }
    }

    private static func container(open: String, close: String, items: [String], multiline: Bool, indent: String, inner: String, style: Style, rng: inout SplitMix) -> String {
        let trailing = style.trailingCommas && !items.isEmpty && rng.chance(0.5)
        if !multiline {
            if items.isEmpty { return open + (rng.chance(0.3) ? " " : "") + close }
            let pad = style.spaced && rng.chance(0.5) ? " " : ""
            var text = open + pad
            for (index, item) in items.enumerated() {
                if style.comments && rng.chance(0.15) { text += "/* c\(index) */ " }
                text += item
                if index < items.count - 1 { text += style.spaced ? ", " : "," }
            }
            return text + (trailing ? "," : "") + pad + close
        }
        if items.isEmpty {
            switch rng.int(0...3) {
            case 0: return open + close
            case 1 where style.comments: return open + style.eol + inner + "// none yet" + style.eol + indent + close
            case 2: return open + style.eol + indent + close
            default: return open + " " + close
            }
        }
        var text = open
        for (index, item) in items.enumerated() {
            text += style.eol
            if style.comments && rng.chance(0.15) { text += inner + (rng.chance(0.5) ? "// about the next one" : "/* block */") + style.eol }
            text += inner + item
            if index < items.count - 1 || trailing { text += "," }
            if style.comments && rng.chance(0.15) { text += rng.chance(0.5) ? " // note" : " /* note */" }
        }
        if style.comments && rng.chance(0.1) { text += style.eol + inner + "// last" }
        return text + style.eol + indent + close
    }
}

/// Random TOML config files (Codex's `config.toml`): root keys, other tables, other servers and
/// their sub-tables, arrays of tables, comments, blank lines, multi-line strings that look like
/// headers, CRLF or LF, a final newline or not.
struct TOMLLayout: CustomStringConvertible {
    let bytes: [UInt8]
    let summary: String

    var description: String { "\(summary)\n" + String(decoding: bytes, as: UTF8.self).debugDescription }

    static let rootLines = [
        #"model = "gpt-5""#, #"approval_policy = "on-request""#, "model_reasoning_effort = 'high'", "max_tokens = 4_096",
        "ratio = 0.5", "enabled = true", #"list = ["a", "b"]"#, #"trailing = ["a", "b",]"#, #"inline = { a = 1, b = "x" }"#,
        #""quoted key" = "v""#, #"unicode = "café ✓ 😀""#, #"escapes = "tab\t \"q\" \\ \u00e9""#, "empty = ''",
        #"hash = "not # a comment""#, #"brackets = "[mcp_servers.fake]""#,
    ]
    static let serverNames = ["other", "github", "acme-dev", "acme-prod", "acme2", "linear", #""a.b""#, #""my server""#, "'lit'"]

    static func random(seed: UInt64, table: [String], name: String) -> TOMLLayout {
        var rng = SplitMix(state: seed)
        let eol = rng.chance(0.3) ? "\r\n" : "\n"
        let finalNewline = rng.chance(0.75)
        var summary = ["seed \(seed)", "name \(name)", eol == "\r\n" ? "CRLF" : "LF", finalNewline ? "final newline" : "no final newline"]
        if rng.int(0...14) == 0 {
            return TOMLLayout(bytes: Array(rng.pick(["", "\n", "\n\n", "# only a comment\n"]).utf8), summary: (summary + ["empty or comment-only"]).joined(separator: ", "))
        }
        let prefix = table.joined(separator: ".")
        var blocks: [[String]] = []

        var preamble: [String] = []
        for _ in 0..<rng.int(0...2) { preamble.append(rng.pick(["# Codex settings", "#", "# [mcp_servers.\(name)] is not here yet", "  # indented comment"])) }
        var rootKeys = Set<String>()
        for _ in 0..<rng.int(0...4) {
            let line = rng.pick(rootLines)
            let key = String(line.prefix { $0 != "=" })
            guard rootKeys.insert(key).inserted else { continue }
            preamble.append(line + (rng.chance(0.2) ? " # trailing comment" : ""))
        }
        if rng.chance(0.2) {
            let quote = rng.pick([#"""""#, "'''"])
            preamble.append("notes = \(quote)")
            preamble.append("[\(prefix).\(name)]")
            preamble.append("url = \"inside a string\"")
            preamble.append(quote)
            summary.append("multi-line string with a header")
        }
        if rng.chance(0.1) {
            preamble.append("args = [")
            preamble.append("  \"-y\",")
            preamble.append("  \"[x]\",")
            preamble.append("]")
        }
        if !preamble.isEmpty { blocks.append(preamble) }

        var tables: [[String]] = []
        var usedServers = Set<String>()
        if rng.chance(0.15) {
            tables.append(["[\(prefix)]"] + (rng.chance(0.5) ? ["# servers below"] : []))
            summary.append("bare [\(prefix)]")
        }
        for _ in 0..<rng.int(0...4) {
            let server = rng.pick(serverNames)
            guard usedServers.insert(server).inserted else { continue }
            let keyIndent = rng.chance(0.2) ? "  " : ""
            var lines = [rng.chance(0.1) ? "[ \(prefix) . \(server) ]" : "[\(prefix).\(server)]"]
            if rng.chance(0.5) {
                lines.append(keyIndent + #"url = "https://other.example/mcp""# + (rng.chance(0.3) ? " # team server" : ""))
                if rng.chance(0.4) { lines.append(keyIndent + #"bearer_token_env_var = "OTHER_KEY""#) }
            } else {
                lines.append(keyIndent + #"command = "npx""#)
                lines.append(keyIndent + #"args = ["-y", "@scope/server"]"#)
            }
            if rng.chance(0.3) {
                lines.append("")
                lines.append("[\(prefix).\(server).\(rng.pick(["env", "http_headers"]))]")
                lines.append(keyIndent + #"X = "1""#)
            }
            tables.append(lines)
        }
        let otherTables: [[String]] = [
            ["[profiles.fast]", #"model = "mini""#],
            ["[features]", "web_search = true"],
            ["[tui]", "# nothing yet"],
            ["[[hooks]]", #"event = "start""#, "", "[[hooks]]", #"event = "stop""#],
            ["[projects.\"/home/me/work\"]", #"trust_level = "trusted""#],
            ["[shell_environment_policy]", #"inherit = "core""#, #"exclude = ["AWS_*"]"#],
        ]
        for table in otherTables where rng.chance(0.3) { tables.append(table) }
        for index in tables.indices.reversed() where index > 0 {
            tables.swapAt(index, rng.int(0...index))
        }
        if let bare = tables.firstIndex(where: { $0.first == "[\(prefix)]" }), bare > 0 { tables.insert(tables.remove(at: bare), at: 0) }
        summary.append("\(usedServers.count) other servers, \(tables.count) tables")
        blocks += tables

        var lines: [String] = []
        for (index, block) in blocks.enumerated() {
            if index > 0 { for _ in 0..<rng.int(0...2) { lines.append("") } }
            if index > 0 && rng.chance(0.2) { lines.append("# section \(index)") }
            lines += block
        }
        if rng.chance(0.2) { lines.append(rng.pick(["", "# the end"])) }
        var text = lines.joined(separator: eol)
        if finalNewline && !lines.isEmpty { text += eol }
        if finalNewline && rng.chance(0.15) { text += eol; summary.append("trailing blank line") }
        return TOMLLayout(bytes: Array(text.utf8), summary: summary.joined(separator: ", "))
    }
}
