import Foundation
import MCPSetup
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a key from standard input or a file, keeping it off the screen and out of errors.
enum TerminalInput {
    /// Reads the key from standard input: all of it when piped, one line without echo when a
    /// terminal. One trailing line break is dropped.
    static func readKey(prompt: String) throws(SetupError) -> String {
        if isatty(STDIN_FILENO) == 1 {
            FileHandle.standardError.write(Data(prompt.utf8))
            var settings = termios()
            let hasSettings = tcgetattr(STDIN_FILENO, &settings) == 0
            var silent = settings
            silent.c_lflag &= ~tcflag_t(ECHO)
            if hasSettings { tcsetattr(STDIN_FILENO, TCSANOW, &silent) }
            let line = readLine(strippingNewline: true)
            if hasSettings { tcsetattr(STDIN_FILENO, TCSANOW, &settings) }
            FileHandle.standardError.write(Data("\n".utf8))
            guard let line else { throw SetupError("--token-stdin: no key was typed; paste the key and press Enter") }
            return line
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw SetupError("--token-stdin: standard input is not UTF-8 text; pipe the key alone")
        }
        guard !text.isEmpty else { throw SetupError("--token-stdin: standard input is empty; pipe the key, for example: pass show acme | mcp-setup render --token-stdin") }
        return dropOneLineBreak(text)
    }

    /// Reads the key from a file; one trailing line break is dropped.
    static func readKeyFile(_ path: String) throws(SetupError) -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SetupError("--token-file \(path): no such file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SetupError("--token-file \(path): cannot be read; check its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SetupError("--token-file \(path): not UTF-8 text; the file must hold the key alone")
        }
        return dropOneLineBreak(text)
    }

    private static func dropOneLineBreak(_ text: String) -> String {
        if text.hasSuffix("\r\n") { return String(text.dropLast(2)) }
        if text.hasSuffix("\n") { return String(text.dropLast()) }
        return text
    }
}
