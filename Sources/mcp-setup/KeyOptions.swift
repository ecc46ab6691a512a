import ArgumentParser
import Foundation
import MCPSetup

/// Flags that say how the key appears in the artifacts. At most one may be given.
struct KeyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The key itself (visible in shell history and ps; prefer --token-stdin or --token-file).", valueName: "key"))
    var token: String?

    @Flag(name: .long, help: "Read the key from standard input (asks without echo on a terminal).")
    var tokenStdin = false

    @Option(name: .long, help: ArgumentHelp("Read the key from a file (one line).", valueName: "path"))
    var tokenFile: String?

    @Option(name: .long, help: ArgumentHelp("Artifacts reference this environment variable; no key in the output.", valueName: "var"))
    var tokenEnv: String?

    @Flag(name: .long, help: "Write an obviously fake placeholder for the key (the default when no key is given).")
    var placeholder = false

    @Flag(name: .long, help: "Clients that can ask for the key (VS Code) prompt for it; the others reference the variable.")
    var prompt = false

    /// The names of the key options that were given.
    var given: [String] {
        var names: [String] = []
        if token != nil { names.append("--token") }
        if tokenStdin { names.append("--token-stdin") }
        if tokenFile != nil { names.append("--token-file") }
        if tokenEnv != nil { names.append("--token-env") }
        if placeholder { names.append("--placeholder") }
        if prompt { names.append("--prompt") }
        return names
    }

    /// Builds the request: reads the key where the flags say, and checks it fits the auth scheme.
    func request(for input: ProfileInput) throws(SetupError) -> SetupRequest {
        let given = self.given
        if given.count > 1 {
            throw SetupError("\(given.joined(separator: " and ")) cannot be combined; give the key one way")
        }
        var input = input
        if let tokenEnv { input.envVar = Sourced(tokenEnv, origin: "--token-env") }
        let profile = try input.profile()
        let credential: Credential
        if let token {
            credential = .inline(try Secret(token))
        } else if tokenStdin {
            credential = .inline(try Secret(try TerminalInput.readKey(prompt: "\(profile.title) API key: ")))
        } else if let tokenFile {
            credential = .inline(try Secret(try TerminalInput.readKeyFile(tokenFile)))
        } else if tokenEnv != nil {
            credential = .environment(variable: profile.envVar)
        } else if prompt {
            credential = .prompt
        } else if placeholder || profile.auth.usesKey {
            credential = profile.auth.usesKey ? .placeholder : .none
            if placeholder && !profile.auth.usesKey {
                throw SetupError("--auth \(profile.auth) takes no key; drop --placeholder")
            }
        } else {
            credential = .none
        }
        return try SetupRequest(profile: profile, credential: credential)
    }
}
