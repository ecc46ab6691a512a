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
        var lines: [String] = ["mcp-setup doctor: \(url)" + (client.map { " (as \($0))" } ?? "")]
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
        return lines.joined(separator: "\n") + "\n"
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
        return JSONSyntax.pretty(.object(members)) + "\n"
    }
}

/// Takes every secret out of a text before it goes in a report: the key, its percent-encoded
/// form, and the header values and URLs that hold it.
public struct Redactor: Sendable {
    private let secrets: [String]

    /// A redactor for these secrets (empty strings are ignored; longer ones go first).
    public init(secrets: [String]) {
        var all: Set<String> = []
        for secret in secrets where secret.count >= 1 {
            all.insert(secret)
            all.insert(PercentEncoding.encode(secret))
        }
        self.secrets = all.sorted { $0.count > $1.count }
    }

    /// The text with every secret replaced by `***`.
    public func callAsFunction(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: "***")
        }
        return text
    }
}
