/// An artifact compiled for one server profile and credential mode: the checks that make it
/// unavailable for some keys, and the program that writes its text. Filling it with a key
/// needs no parsing: the program was verified when it was compiled (``PreparedSetup``), and
/// each escaper is proven by its own round-trip property.
public struct ArtifactProgram: Sendable, Hashable {
    /// The checks, in the order the encoders meet them; the first that refuses gives the reason.
    public var checks: [KeyCheck]
    /// The program that writes the artifact's text.
    public var text: KeyProgram

    /// Creates a program.
    public init(checks: [KeyCheck], text: KeyProgram) {
        self.checks = checks
        self.text = text
    }

    /// Compiles a document: the key restrictions are checked first (when the document holds the
    /// key), then the encoders' refusals, each reason ending with `fallback`.
    public init(compiling document: Document, restrictions: [KeyRestriction] = [], fallback: String? = nil) {
        self = ProgramCompiler.compile(document, restrictions: restrictions, fallback: fallback)
    }

    /// What filling a key gives.
    public enum Outcome: Sendable, Hashable {
        /// The artifact's text.
        case text(String)
        /// The artifact is unavailable for this key, for this reason.
        case refused(String)
    }

    /// The reason the artifact is unavailable for `key` (UTF-8 bytes), or `nil`.
    /// `restrictions: false` skips the key restrictions, which apply only to real keys (not to a
    /// placeholder).
    public func refusal(key: [UInt8], restrictions: Bool = true) -> String? {
        refusal(key: key, restrictions: restrictions) { key in
            var bytes: [UInt8] = []
            text.write(key: key, into: &bytes)
            return bytes
        }
    }

    /// ``refusal(key:restrictions:)`` with the artifact's text written by `writeText`, when a
    /// check needs it.
    func refusal(key: [UInt8], restrictions: Bool, subjectText: ((Int, KeyProgram) -> [UInt8])? = nil, writeText: ([UInt8]) -> [UInt8]) -> String? {
        var artifactText: [UInt8]?
        for (index, check) in checks.enumerated() {
            if !restrictions, check.isKeyRestriction { continue }
            let reason = check.refusal(key: key, subjectText: { program in
                if let subjectText { return subjectText(index, program) }
                var bytes: [UInt8] = []
                program.write(key: key, into: &bytes)
                return bytes
            }) {
                if let artifactText { return artifactText }
                let bytes = writeText(key)
                artifactText = bytes
                return bytes
            }
            if let reason { return reason }
        }
        return nil
    }

    /// The artifact for `key`: its text, or why it is unavailable.
    public func fill(key: String, restrictions: Bool = true) -> Outcome {
        let bytes = Array(key.utf8)
        if let reason = refusal(key: bytes, restrictions: restrictions) { return .refused(reason) }
        var output: [UInt8] = []
        text.write(key: bytes, into: &output)
        return .text(String(decoding: output, as: UTF8.self))
    }
}

extension KeyCheck {
    /// Whether this is one of the client's key restrictions (``KeyRestriction``).
    var isKeyRestriction: Bool {
        switch self {
        case .keyContains, .keyStartsWith: return true
        case .cmdWord, .cmdLine, .powershellArgument, .always: return false
        }
    }
}
