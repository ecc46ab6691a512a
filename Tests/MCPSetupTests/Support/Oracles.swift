import Foundation

/// Real programs used as independent judges of the encoders: `sh` (dash), `bash`, `python3`.
enum Oracles {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a program with standard input and returns its standard output.
    static func run(_ executable: String, _ arguments: [String], input: Data = Data()) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) exited \(process.terminationStatus): \(String(decoding: errors, as: UTF8.self).prefix(2000))")
        }
        return output
    }

    /// Splits each command line with a real shell: returns, per line, the words the shell
    /// passes to the program. One shell process judges every line.
    static func shellWords(_ commandLines: [String], shell: String = "sh") throws -> [[String]] {
        var script = ""
        for line in commandLines {
            script += "printf '%s\\000' " + line + "\nprintf '\\036'\n"
        }
        let output = try run(shell, ["-s"], input: Data(script.utf8))
        var records = output.split(separator: 0x1E, omittingEmptySubsequences: false).map { record in
            record.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
        }
        if records.last?.isEmpty == true { records.removeLast() }
        return records
    }

    /// Runs a Python function over JSON input: `script` reads `cases` and prints JSON.
    static func python(_ script: String, input: Any) throws -> Any {
        let data = try JSONSerialization.data(withJSONObject: input)
        let program = "import sys, json\ncases = json.load(sys.stdin)\n" + script
        let output = try run("python3", ["-c", program], input: data)
        return try JSONSerialization.jsonObject(with: output, options: [.fragmentsAllowed])
    }
}
