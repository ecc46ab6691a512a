import ArgumentParser
import Foundation
import MCPSetup

/// Runs the command line and turns every failure into one line on standard error and an exit
/// code: 1 failure, 2 bad input, 70 internal error. Help and version print as usual.
do {
    var command = try MCPSetupCommand.parseAsRoot()
    if let doctor = command as? DoctorCommand {
        // The one command that waits on the network.
        try await doctor.check()
    } else if let serve = command as? ServeCommand {
        // The one command that runs until stopped.
        try await serve.serve()
    } else {
        try command.run()
    }
} catch let error as ExitCode {
    // A command that reported its outcome itself (doctor) and exits with its code.
    exit(error.rawValue)
} catch let error as SetupError {
    Output.error("mcp-setup: error: \(error.commandLineMessage)")
    exit(2)
} catch let error as CommandFailure {
    Output.error("mcp-setup: \(error.description)")
    exit(1)
} catch let error as InternalError {
    Output.error("mcp-setup: \(error.description)")
    exit(70)
} catch {
    let code = MCPSetupCommand.exitCode(for: error)
    if code == .success {
        MCPSetupCommand.exit(withError: error)
    }
    let message = MCPSetupCommand.message(for: error)
        .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
    Output.error("mcp-setup: error: \(message) (see mcp-setup --help)")
    exit(code == .validationFailure ? 2 : code.rawValue)
}
