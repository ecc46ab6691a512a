import MCPSetup

/// What `doctor` found: each step in order, the conclusion, and the one line that says how to
/// fix it. Every text in it has passed through the report's ``Redactor``, so no key is in it.
public struct DoctorReport: Sendable {
    /// One check and how it went.
    public struct Step: Sendable, Hashable {
        /// How a step went.
        public enum Status: String, Sendable, Hashable {
            /// It passed.
            case ok
            /// It passed with something to know.
            case warning
            /// It failed; the report's code says how.
            case failed
        }

        /// A short name: `dns`, `connect`, `discover`, `initialize`, `tools`, `sse`, `auth`, `entry`, …
        public var name: String
        /// How it went.
        public var status: Status
        /// What was seen, in one line.
        public var detail: String

        /// Creates a step.
        public init(name: String, status: Status, detail: String) {
            self.name = name
            self.status = status
            self.detail = detail
        }
    }

    /// What the server said about itself, when it answered.
    public struct Server: Sendable, Hashable {
        /// The name it reports.
        public var name: String?
        /// The version it reports.
        public var version: String?
        /// `modern` (2026-07-28, stateless) or `legacy` (initialize handshake, or HTTP+SSE).
        public var era: String
        /// The protocol version in use.
        public var protocolVersion: String?
        /// How many tools it lists.
        public var toolCount: Int?
    }

    /// The URL tested, without any key in it.
    public var url: String
    /// The client whose entry was tested, if any.
    public var client: String?
    /// The checks, in the order they ran.
    public var steps: [Step] = []
    /// The conclusion.
    public var code: DoctorCode = .ok
    /// How to fix it, in one line (empty when ok).
    public var fix: String = ""
    /// The server, when it answered.
    public var server: Server?
    /// Applied to every text of the report as it is written, whatever its source (the server's
    /// own name and messages included).
    public var redactor = Redactor(secrets: [])

    /// A report on `url` (without any key), for `client`, with the steps so far.
    public init(url: String, client: String? = nil, steps: [Step] = []) {
        self.url = url
        self.client = client
        self.steps = steps
    }

    /// The exit code of the conclusion.
    public var exitCode: Int32 { code.exitCode }

    /// The report for people: one line per step, then the conclusion and the fix.
    public var text: String {
        let redact = redactor
        let subject = url.isEmpty ? (client.map { "\($0)'s entry" } ?? "") : url + (client.map { " (as \($0))" } ?? "")
        var lines: [String] = ["mcp-setup doctor: \(subject)"]
        for step in steps {
            let mark = switch step.status {
            case .ok: "ok  "
            case .warning: "warn"
            case .failed: "FAIL"
            }
            lines.append("  \(mark) \(step.name): \(step.detail)")
        }
        if code == .ok, let server {
            var summary = "ok: \(server.name ?? "the server")"
            if let version = server.version, !version.isEmpty { summary += " \(version)" }
            summary += ", \(server.era) protocol" + (server.protocolVersion.map { " \($0)" } ?? "")
            if let tools = server.toolCount { summary += ", \(tools) tool" + (tools == 1 ? "" : "s") }
            lines.append(summary)
        } else {
            lines.append("\(code.rawValue): \(fix)")
        }
        return lines.map { redact($0) }.joined(separator: "\n") + "\n"
    }

    /// The report as one JSON object: `url`, `client`, `ok`, `code`, `exitCode`, `fix`,
    /// `server` and `steps`.
    public var json: String {
        var members: [(key: String, value: PlainValue)] = [
            ("url", .string(url)),
            ("client", client.map(PlainValue.string) ?? .null),
            ("ok", .bool(code == .ok)),
            ("code", .string(code.rawValue)),
            ("exitCode", .number(String(exitCode))),
            ("fix", .string(fix)),
        ]
        if let server {
            members.append(("server", .object([
                ("name", server.name.map(PlainValue.string) ?? .null),
                ("version", server.version.map(PlainValue.string) ?? .null),
                ("era", .string(server.era)),
                ("protocolVersion", server.protocolVersion.map(PlainValue.string) ?? .null),
                ("toolCount", server.toolCount.map { .number(String($0)) } ?? .null),
            ])))
        } else {
            members.append(("server", .null))
        }
        members.append(("steps", .array(steps.map { step in
            .object([("name", .string(step.name)), ("status", .string(step.status.rawValue)), ("detail", .string(step.detail))])
        })))
        return JSONSyntax.pretty(Self.redacting(.object(members), with: redactor)) + "\n"
    }

    private static func redacting(_ value: PlainValue, with redact: Redactor) -> PlainValue {
        switch value {
        case .string(let text): return .string(redact(text))
        case .array(let items): return .array(items.map { redacting($0, with: redact) })
        case .object(let members): return .object(members.map { ($0.key, redacting($0.value, with: redact)) })
        default: return value
        }
    }
}

/// Takes every secret out of a text before it goes in a report: the key as it is, percent-encoded
/// (either case of hex) and JSON-escaped; and a text that still holds a secret once it is
/// percent-decoded or JSON-unescaped (a form nobody predicted) is hidden whole.
public struct Redactor: Sendable {
    /// What a text is replaced with when some unforeseen form of a secret is in it.
    public static let hidden = "(hidden: it holds the key)"
    /// How many characters of a secret in a row give it away.
    static let telltaleLength = 10
    private let secrets: [String]
    private let forms: [String]

    /// A redactor for these secrets (empty strings are ignored).
    public init(secrets: [String]) {
        let secrets = Array(Set(secrets.filter { !$0.isEmpty }))
        var forms: Set<String> = []
        for secret in secrets {
            let encoded = PercentEncoding.encode(secret)
            let escaped = String(JSONSyntax.compact(.string(secret)).dropFirst().dropLast())
            forms.formUnion([secret, encoded, Self.lowercasedHex(encoded), escaped, escaped.replacingOccurrences(of: "/", with: "\\/")])
        }
        self.secrets = secrets
        self.forms = forms.sorted { $0.count > $1.count }
    }

    /// The text with every secret replaced by `***`.
    public func callAsFunction(_ text: String) -> String {
        var text = text
        for form in forms where text.contains(form) {
            text = text.replacingOccurrences(of: form, with: "***")
        }
        let unescaped = Self.jsonUnescaped(text)
        let decoded = [text, text.removingPercentEncoding, unescaped, unescaped.removingPercentEncoding].compactMap { $0 }
        // Any stretch of a secret long enough to be its own (a server that quotes the key back
        // altered, or cut) hides the whole text.
        for secret in secrets {
            let characters = Array(secret)
            let window = min(characters.count, Self.telltaleLength)
            for start in 0...(characters.count - window) {
                let piece = String(characters[start..<(start + window)])
                if decoded.contains(where: { $0.contains(piece) }) { return Self.hidden }
            }
        }
        return text
    }

    private static func lowercasedHex(_ encoded: String) -> String {
        var output = ""
        var remaining = 0
        for character in encoded {
            if character == "%" { remaining = 2; output.append(character); continue }
            output += remaining > 0 ? character.lowercased() : String(character)
            remaining = max(0, remaining - 1)
        }
        return output
    }

    /// The text with JSON string escapes undone (`\/`, `\"`, `\\`, `\uXXXX`, …), where they parse.
    private static func jsonUnescaped(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            guard character == "\\", next < text.endIndex else { output.append(character); index = next; continue }
            let escape = text[next]
            switch escape {
            case "u":
                let digits = text[text.index(after: next)...].prefix(4)
                if digits.count == 4, let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) {
                    output.unicodeScalars.append(scalar)
                    index = text.index(next, offsetBy: 5)
                    continue
                }
                output.append(character)
                output.append(escape)
            case "n": output.append("\n")
            case "t": output.append("\t")
            case "r": output.append("\r")
            default: output.append(escape)
            }
            index = text.index(after: next)
        }
        return output
    }
}
