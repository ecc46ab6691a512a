extension Shell {
    /// Writes the words as a command line for this shell, or refuses when the shell cannot carry
    /// them safely.
    public func join(_ argv: [String]) throws(Unencodable) -> String {
        switch self {
        case .posix: return POSIXShell.join(argv)
        case .powershell: return try PowerShell.join(argv)
        case .cmd: return try CmdShell.join(argv)
        }
    }

    /// Splits a command line into the words the program receives; for PowerShell, also checks
    /// that native argument passing delivers exactly those words.
    public func split(_ line: String) throws -> [String] {
        switch self {
        case .posix: return try POSIXShell.split(line)
        case .powershell:
            let words = try PowerShell.split(line)
            try PowerShell.checkNativePassing(words)
            return words
        case .cmd: return try CmdShell.split(line)
        }
    }

    /// A command line from its words, already quoted for the shell, as a program: the words
    /// separated by one space, as every shell here writes them.
    static func line(_ words: [KeyProgram]) -> KeyProgram {
        var line = KeyProgram()
        for (index, word) in words.enumerated() {
            if index > 0 { line.append(" ") }
            line.append(word)
        }
        return line
    }

    /// The language name of a Markdown code fence for this shell.
    public var fenceLanguage: String {
        switch self {
        case .posix: return "sh"
        case .powershell: return "powershell"
        case .cmd: return "bat"
        }
    }
}
