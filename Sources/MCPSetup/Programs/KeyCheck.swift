/// A check that makes an artifact unavailable for some keys, as data: what is looked at (the
/// key, or the text of a program for the key), the primitive test, and the reason given.
///
/// Checks run in order before the artifact's text is written; the first that refuses gives the
/// reason. They are today's key restrictions (``KeyRestriction``) and the encoders' refusals
/// (``Unencodable``), in the order the encoders meet them.
public enum KeyCheck: Sendable, Hashable {
    /// Refuses a key that contains the text.
    case keyContains(String, reason: String)
    /// Refuses a key that starts with the text.
    case keyStartsWith(String, reason: String)
    /// Refuses unless the program's text is one inert word of a cmd line
    /// (``CmdShell/isInertWord(_:)``).
    case cmdWord(KeyProgram, reason: String)
    /// Refuses when cmd would act on the program's text (``CmdShell/lineProblem(_:)``): the
    /// reason is `before`, the problem's text, and `after`. `nil` checks the artifact's own text.
    case cmdLine(KeyProgram?, before: String, after: String)
    /// Refuses an argument that PowerShell versions pass differently
    /// (``PowerShell/argumentProblem(_:)``): the reason is `before`, the problem's text, `after`.
    case powershellArgument(KeyProgram, before: String, after: String)
    /// Refuses every key: something that does not depend on the key cannot be written.
    case always(reason: String)

    /// The reason this check refuses `key` (UTF-8 bytes) for an artifact whose text is
    /// `artifactText`, or `nil` when it does not.
    func refusal(key: [UInt8], artifactText: () -> [UInt8]) -> String? {
        refusal(key: key, subjectText: { Self.text($0, key: key) }, artifactText: artifactText)
    }

    /// The program this check looks at, if any.
    var subject: KeyProgram? {
        switch self {
        case .cmdWord(let program, _), .powershellArgument(let program, _, _): return program
        case .cmdLine(let program, _, _): return program
        case .keyContains, .keyStartsWith, .always: return nil
        }
    }

    /// ``refusal(key:artifactText:)`` with the subject's text written by `subjectText`.
    func refusal(key: [UInt8], subjectText: (KeyProgram) -> [UInt8], artifactText: () -> [UInt8]) -> String? {
        switch self {
        case .keyContains(let text, let reason):
            return Self.bytes(key, contain: Array(text.utf8)) ? reason : nil
        case .keyStartsWith(let text, let reason):
            return key.starts(with: text.utf8) ? reason : nil
        case .cmdWord(let program, let reason):
            return CmdShell.isInertWord(utf8: subjectText(program)) ? nil : reason
        case .cmdLine(let program, let before, let after):
            let line = program.map(subjectText) ?? artifactText()
            return CmdShell.lineProblem(utf8: line).map { before + $0.text + after }
        case .powershellArgument(let program, let before, let after):
            return PowerShell.argumentProblem(utf8: subjectText(program)).map { before + $0.text + after }
        case .always(let reason):
            return reason
        }
    }

    private static func text(_ program: KeyProgram, key: [UInt8]) -> [UInt8] {
        if let constant = program.constant { return constant }
        var bytes: [UInt8] = []
        program.write(key: key, into: &bytes)
        return bytes
    }

    private static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }
}
