/// Compiles a document into an ``ArtifactProgram``, walking it in the order ``TextRenderer``
/// renders it, so the checks come in the order the encoders would refuse.
///
/// Everything that does not depend on the key is computed here: words, layout, indentation,
/// the endpoint and the other fields become literals; a check whose text does not depend on the
/// key is decided here (dropped, or kept as ``KeyCheck/always(reason:)``).
struct ProgramCompiler {
    /// Added to every encoder refusal's reason: what to do instead.
    let fallback: String?
    private(set) var checks: [KeyCheck] = []
    /// Set once a check refuses every key: later checks can never give the reason.
    private var refusesEveryKey = false

    init(fallback: String?) {
        self.fallback = fallback
    }

    /// The program for a document, with the client's key restrictions checked first.
    static func compile(_ document: Document, restrictions: [KeyRestriction], fallback: String?) -> ArtifactProgram {
        var compiler = ProgramCompiler(fallback: fallback)
        if document.containsSecret {
            compiler.checks = restrictions.map { restriction in
                switch restriction.rule {
                case .contains(let text): return .keyContains(text, reason: restriction.reason)
                case .hasPrefix(let text): return .keyStartsWith(text, reason: restriction.reason)
                }
            }
        }
        let text = compiler.compile(document)
        return ArtifactProgram(checks: compiler.checks, text: text)
    }

    private var reasonEnd: String { "." + (fallback.map { " " + $0 } ?? "") }

    private func reason(_ syntax: String, _ text: String) -> String {
        syntax + " cannot carry this safely: " + text + reasonEnd
    }

    /// Adds a check, or decides it now when its text does not depend on the key.
    private mutating func add(_ check: KeyCheck, subject: KeyProgram?) {
        guard !refusesEveryKey else { return }
        if let subject, let constant = subject.constantString {
            if let reason = check.refusal(key: [], artifactText: { Array(constant.utf8) }) {
                checks.append(.always(reason: reason))
                refusesEveryKey = true
            }
            return
        }
        checks.append(check)
    }

    private mutating func refuseEveryKey(_ reason: String) {
        guard !refusesEveryKey else { return }
        checks.append(.always(reason: reason))
        refusesEveryKey = true
    }

    mutating func compile(_ document: Document) -> KeyProgram {
        switch document {
        case .command(let argv, let shell) where shell == .posix && argv.contains(where: \.containsEnvironment):
            return Shell.line(argv.map { $0.containsEnvironment ? posixWordReadingEnvironment($0) : compile($0).escaped(.posixWord) })
        case .command(let argv, let shell):
            let words = argv.map { compile($0) }
            return command(words, shell: shell)
        case .json(let value), .jsonc(let value):
            return JSONSyntax.program(self.value(value), indent: "  ") + KeyProgram(literal: "\n")
        case .yaml(let value): return YAMLSyntax.program(self.value(value))
        case .toml(let value): return TOMLSyntax.program(self.value(value))
        case .line(let text): return compile(text)
        case .code(let code):
            var program = KeyProgram()
            for part in code.parts {
                switch part {
                case .source(let source): program.append(source)
                case .value(let value, let depth): program.append(CodeSyntax.program(codeValue(value), language: code.language, depth: depth))
                }
            }
            return program
        }
    }

    /// A value as a code literal: environment reads kept apart, every other piece compiled.
    private mutating func codeValue(_ value: Value) -> CodeValue {
        CodeValue.from(value) { (text: Text) -> [CodeString] in
            text.pieces.map { piece in
                if case .environment(let name) = piece { return .environment(name) }
                return .literal(compile(piece))
            }
        }
    }

    /// A POSIX word that may read environment variables, quoted by the shell encoder. Such a
    /// word never holds the key: a command that reads the key from the environment has no
    /// key to fill.
    private mutating func posixWordReadingEnvironment(_ text: Text) -> KeyProgram {
        guard !text.containsSecret else {
            refuseEveryKey(reason("POSIX shell", "a word cannot hold both the key and an environment variable"))
            return KeyProgram()
        }
        do {
            return KeyProgram(literal: try POSIXShell.quoteWithVariables(try TextRenderer(secret: "").markingEnvironment.render(text)))
        } catch {
            refuseEveryKey(reason(error.syntax, error.reason))
            return KeyProgram()
        }
    }

    /// The words a command's program receives, compiled: what the manifest lists as `argv`.
    mutating func words(_ argv: [Text]) -> [KeyProgram] {
        argv.map { compile($0) }
    }

    private mutating func command(_ words: [KeyProgram], shell: Shell) -> KeyProgram {
        switch shell {
        case .posix:
            return Shell.line(words.map { $0.escaped(.posixWord) })
        case .powershell:
            guard let name = words.first?.constantString, WindowsCommandLine.isProgramName(name) else {
                refuseEveryKey(reason("PowerShell", "the program name is not a plain word"))
                return KeyProgram()
            }
            for word in words.dropFirst() {
                if Self.literalsHold(word, "\"") {
                    // No key takes away a quote the word holds anyway (and no word with the key is empty).
                    refuseEveryKey(reason("PowerShell", PowerShell.ArgumentProblem.doubleQuote.text))
                }
                add(.powershellArgument(word, before: "PowerShell cannot carry this safely: ", after: reasonEnd), subject: word)
            }
            let native = PowerShell.nativeCommandLine(words, holdsWhitespace: Self.holdsWhitespace)
            add(.cmdLine(native, before: "PowerShell cannot carry this safely: " + PowerShell.cmdLineReasonPrefix, after: reasonEnd), subject: native)
            return Shell.line([KeyProgram(literal: name)] + words.dropFirst().map { $0.escaped(.powershellWord) })
        case .cmd:
            guard let name = words.first?.constantString, WindowsCommandLine.isProgramName(name) else {
                refuseEveryKey(reason("cmd", "the program name is not a plain word"))
                return KeyProgram()
            }
            let line = Shell.line([KeyProgram(literal: name)] + words.dropFirst().map { $0.escaped(.cmdArgument) })
            add(.cmdLine(nil, before: "cmd cannot carry this safely: ", after: reasonEnd), subject: line)
            return line
        }
    }

    /// Whether the literal parts of a program hold a character, whatever the key.
    private static func literalsHold(_ program: KeyProgram, _ character: Unicode.Scalar) -> Bool {
        program.parts.contains { part in
            if case .literal(let bytes) = part { return bytes.contains(UInt8(character.value)) }
            return false
        }
    }

    /// Whether a word holds whitespace, which PowerShell's native line puts in double quotes. A
    /// key never holds whitespace (``Secret``), and no escaper makes whitespace from visible
    /// ASCII, so the word's text for any one key answers for every key.
    private static func holdsWhitespace(_ word: KeyProgram) -> Bool {
        word.text(key: "k").unicodeScalars.contains(where: \.properties.isWhitespace)
    }

    mutating func compile(_ text: Text) -> KeyProgram {
        var program = KeyProgram()
        for piece in text.pieces { program.append(compile(piece)) }
        return program
    }

    private mutating func compile(_ piece: Piece) -> KeyProgram {
        switch piece {
        case .literal(let string): return KeyProgram(literal: string)
        case .secret: return .key
        case .link(let link): return compile(link)
        case .json(let value): return JSONSyntax.program(self.value(value), indent: nil)
        case .vscodeLinkJSON(let value): return JSONSyntax.program(self.value(value), indent: nil).escaped(.jsonPercent)
        case .base64(let text): return compile(text).escaped(.base64)
        case .cmdWord(let text):
            let word = compile(text)
            add(.cmdWord(word, reason: reason("cmd", Self.cmdWordReason)), subject: word)
            return word
        case .environment(let name):
            // Only a command's argv (the manifest's list of words) compiles a read here: the
            // word as the shell receives it before expansion. Documents route reads to the code
            // encoder or to ``posixWordReadingEnvironment(_:)``.
            return KeyProgram(literal: EnvironmentMarker.reference(name))
        }
    }

    /// Why a word that `cmd /c` passes on cannot be written (``Piece/cmdWord(_:)``).
    static let cmdWordReason = "an argument that cmd /c passes on would hold a space, a quote, or one of % ! & | < > ^ ( )"

    private mutating func compile(_ link: Link) -> KeyProgram {
        var program = KeyProgram(literal: link.base)
        switch link.query {
        case .items(let items):
            guard !items.isEmpty else { return program }
            program.append(link.querySeparator)
            for (index, item) in items.enumerated() {
                if index > 0 { program.append("&") }
                program.append(PercentEncoding.encode(item.name) + "=")
                program.append(compile(item.value).escaped(.percent))
            }
        case .whole(let text):
            program.append("?")
            program.append(compile(text).escaped(.percent))
        }
        return program
    }

    mutating func value(_ value: Value) -> ProgramValue {
        switch value {
        case .string(let text): return .string(compile(text))
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .number(String(int))
        case .array(let items): return .array(items.map { self.value($0) })
        case .object(let members): return .object(members.map { ProgramValue.Member($0.key, self.value($0.value)) })
        }
    }
}
