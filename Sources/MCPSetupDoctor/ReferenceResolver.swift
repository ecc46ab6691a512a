import Foundation
import MCPSetup

/// The references to environment variables (and prompted inputs) a client expands in its
/// config, as the catalog's `envSyntax` says.
struct ReferenceSyntax: Sendable, Hashable {
    /// `${VAR}` (and `${VAR:-default}`).
    var dollarBraces = false
    /// `${env:VAR}`.
    var envColon = false
    /// `{env:VAR}`.
    var braceEnv = false
    /// `$VAR`.
    var dollar = false
    /// `${input:ID}`: a value the client asks for when it starts the server.
    var input = false
    /// How a reference looks in this client, for a fix.
    var example: String?

    /// What a bridge (mcp-remote) expands in its arguments: `${VAR}` from its environment.
    static let bridge = ReferenceSyntax(dollarBraces: true, example: "${VAR}")

    init(dollarBraces: Bool = false, envColon: Bool = false, braceEnv: Bool = false, dollar: Bool = false, input: Bool = false, example: String? = nil) {
        self.dollarBraces = dollarBraces
        self.envColon = envColon
        self.braceEnv = braceEnv
        self.dollar = dollar
        self.input = input
        self.example = example
    }

    /// The syntax of a client from the catalog's `envSyntax`.
    init(envSyntax: String?, clientID: String) {
        switch envSyntax {
        case "${VAR}": self.init(dollarBraces: true, example: "${VAR}")
        case "${env:VAR}": self.init(envColon: true, example: "${env:VAR}")
        case "{env:VAR}": self.init(braceEnv: true, example: "{env:VAR}")
        case "$VAR": self.init(dollarBraces: true, dollar: true, example: "$VAR")
        // VS Code and Visual Studio read ${env:VAR} too, besides the inputs they prompt for.
        case "${input:ID}": self.init(envColon: true, input: true, example: "${input:ID} or ${env:VAR}")
        default: self.init()
        }
    }
}

/// Expands the references in an entry's values as the client would, and remembers what it met:
/// variables used, unset, references the client does not expand, and inputs it would prompt for.
struct Resolver {
    let syntax: ReferenceSyntax
    let environment: [String: String]
    let key: Secret?
    private(set) var used: Set<String> = []
    private(set) var unset: [String] = []
    private(set) var unexpanded: [String] = []
    private(set) var needsKey = false
    /// Variables whose values have whitespace at their start or end, or a line break.
    private(set) var whitespaceValues: [String] = []
    /// The values substituted in, which may be keys: kept out of reports.
    private(set) var secretValues: [String] = []

    init(syntax: ReferenceSyntax, environment: [String: String], key: Secret?) {
        self.syntax = syntax
        self.environment = environment
        self.key = key
    }

    /// The value of a variable named directly (Codex's `bearer_token_env_var`).
    mutating func variable(_ name: String) -> String {
        guard let value = environment[name], !value.isEmpty else {
            if !unset.contains(name) { unset.append(name) }
            return ""
        }
        record(name, value)
        return value
    }

    private mutating func record(_ name: String, _ value: String) {
        used.insert(name)
        secretValues.append(value)
        if value != value.trimmingCharacters(in: .whitespacesAndNewlines) || value.contains(where: \.isNewline), !whitespaceValues.contains(name) {
            whitespaceValues.append(name)
        }
    }

    /// `text` with its references expanded.
    mutating func expand(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let index = rest.firstIndex(where: { $0 == "$" || $0 == "{" }) {
            output += rest[..<index]
            rest = rest[index...]
            guard let (reference, length) = Self.reference(at: rest) else {
                output.append(rest.removeFirst())
                continue
            }
            let literal = String(rest.prefix(length))
            rest = rest.dropFirst(length)
            output += resolve(reference, literal: literal)
        }
        return output + rest
    }

    private enum Reference {
        case dollarBraces(String, fallback: String?)
        case envColon(String)
        case braceEnv(String)
        case dollar(String)
        case input(String)
        case secret(String)
    }

    private mutating func resolve(_ reference: Reference, literal: String) -> String {
        switch reference {
        case .input:
            guard syntax.input else { break }
            if let key { secretValues.append(key.rawValue); return key.rawValue }
            needsKey = true
            return ""
        case .dollarBraces(let name, let fallback) where syntax.dollarBraces:
            if environment[name] == nil || environment[name] == "", let fallback { return fallback }
            return variable(name, literal: literal)
        case .envColon(let name) where syntax.envColon: return variable(name, literal: literal)
        case .braceEnv(let name) where syntax.braceEnv: return variable(name, literal: literal)
        case .dollar(let name) where syntax.dollar: return variable(name, literal: literal)
        default: break
        }
        if !unexpanded.contains(literal) { unexpanded.append(literal) }
        return literal
    }

    private mutating func variable(_ name: String, literal: String) -> String {
        guard let value = environment[name], !value.isEmpty else {
            if !unset.contains(literal) { unset.append(literal) }
            return ""
        }
        record(name, value)
        return value
    }

    /// The reference at the start of `text` and its length, if one starts there.
    private static func reference(at text: Substring) -> (Reference, Int)? {
        func name(_ part: Substring) -> Bool {
            guard let first = part.first, first.isLetter || first == "_" else { return false }
            return part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
        if text.hasPrefix("${{"), let close = text.range(of: "}}") {
            let inner = text[text.index(text.startIndex, offsetBy: 3)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            return (.secret(inner), text.distance(from: text.startIndex, to: close.upperBound))
        }
        if text.hasPrefix("${"), let close = text.firstIndex(of: "}") {
            let inner = text[text.index(text.startIndex, offsetBy: 2)..<close]
            let length = text.distance(from: text.startIndex, to: close) + 1
            if inner.hasPrefix("env:"), name(inner.dropFirst(4)) { return (.envColon(String(inner.dropFirst(4))), length) }
            if inner.hasPrefix("input:") { return (.input(String(inner.dropFirst(6))), length) }
            if let fallback = inner.range(of: ":-"), name(inner[..<fallback.lowerBound]) {
                return (.dollarBraces(String(inner[..<fallback.lowerBound]), fallback: String(inner[fallback.upperBound...])), length)
            }
            if name(inner) { return (.dollarBraces(String(inner), fallback: nil), length) }
            return nil
        }
        if text.hasPrefix("{env:"), let close = text.firstIndex(of: "}") {
            let inner = text[text.index(text.startIndex, offsetBy: 5)..<close]
            if name(inner) { return (.braceEnv(String(inner)), text.distance(from: text.startIndex, to: close) + 1) }
            return nil
        }
        if text.hasPrefix("$") {
            let body = text.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if name(body), body.first?.isUppercase == true || body.first == "_" { return (.dollar(String(body)), body.count + 1) }
        }
        return nil
    }
}
