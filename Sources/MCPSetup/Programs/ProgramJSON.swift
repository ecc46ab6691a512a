/// The JSON form of artifact programs, in the manifest (schema 2) and on docs pages, so any
/// language can fill a key without mcp-setup. README.md ("Artifact programs") documents it.
///
/// A program is `{"checks": [check…], "text": text}`. A text is a list of parts: a string is
/// written as it is, `{"key": true}` is the key, and `{"escape": NAME, "text": text}` is a text
/// escaped by one of the primitive escapers (``Escaper``). A check is
/// `{"check": "key-contains" | "key-starts-with", "value": string, "reason": string}`,
/// `{"check": "cmd-word", "text": text, "reason": string}`,
/// `{"check": "cmd-line", "text": text (absent: the artifact's own text), "reason": [before, after]}`,
/// `{"check": "powershell-argument", "text": text, "reason": [before, after]}` or
/// `{"check": "always", "reason": string}`; for the two checks whose reason is a pair, the
/// reason is `before`, the problem's text from the `problems` table, and `after`.
public enum ProgramJSON {
    /// The version of this form, raised when it changes in a way old readers cannot follow.
    public static let version = 1

    /// A program as a plain value. With a `highlight` language it also carries
    /// `"highlight"`: for each part of its text, the runs of a literal
    /// (``Highlighter/partRuns(_:language:)``) or `null` for a part that holds the key.
    public static func value(_ program: ArtifactProgram, highlight: HighlightLanguage? = nil) -> PlainValue {
        var members: [(key: String, value: PlainValue)] = [("checks", .array(program.checks.map(check))), ("text", text(program.text))]
        if let highlight {
            members.append(("highlight", .array(Highlighter.partRuns(program.text, language: highlight).map { $0.map(PlainValue.string) ?? .null })))
        }
        return .object(members)
    }

    /// The texts of the problems that `cmd-line` and `powershell-argument` checks find, by code.
    public static var problems: PlainValue {
        .object([
            ("cmd-line", .object(CmdShell.Problem.allCases.map { ($0.rawValue, .string($0.text)) })),
            ("powershell-argument", .object(PowerShell.ArgumentProblem.allCases.map { ($0.rawValue, .string($0.text)) })),
        ])
    }

    static func text(_ program: KeyProgram) -> PlainValue {
        .array(program.parts.map { part in
            switch part {
            case .literal(let bytes): return .string(String(decoding: bytes, as: UTF8.self))
            case .key: return .object([("key", .bool(true))])
            case .escaped(let escaper, let inner): return .object([("escape", .string(escaper.rawValue)), ("text", text(inner))])
            }
        })
    }

    static func check(_ check: KeyCheck) -> PlainValue {
        switch check {
        case .keyContains(let value, let reason):
            return .object([("check", .string("key-contains")), ("value", .string(value)), ("reason", .string(reason))])
        case .keyStartsWith(let value, let reason):
            return .object([("check", .string("key-starts-with")), ("value", .string(value)), ("reason", .string(reason))])
        case .cmdWord(let program, let reason):
            return .object([("check", .string("cmd-word")), ("text", text(program)), ("reason", .string(reason))])
        case .cmdLine(let program, let before, let after):
            var members: [(key: String, value: PlainValue)] = [("check", .string("cmd-line"))]
            if let program { members.append(("text", text(program))) }
            members.append(("reason", .array([.string(before), .string(after)])))
            return .object(members)
        case .powershellArgument(let program, let before, let after):
            return .object([("check", .string("powershell-argument")), ("text", text(program)), ("reason", .array([.string(before), .string(after)]))])
        case .always(let reason):
            return .object([("check", .string("always")), ("reason", .string(reason))])
        }
    }
}
