import Foundation
import Testing

/// Every flag README.md names exists: each `mcp-setup SUBCOMMAND …` line in its code blocks is
/// checked against that subcommand's `--help`, and every inline `--flag` against some
/// subcommand's `--help` (argument-parser once spelled `--also-oauth` as `--also-o-auth`).
@Suite("README's flags are the CLI's flags")
struct ReadmeFlagsTests {
    static let subcommands = ["init", "render", "install", "uninstall", "list", "bundle", "card", "build", "serve", "check", "clients", "doctor"]

    /// Whether a help text lists `flag` as a whole word (`--force` is not `--force-output`).
    static func lists(_ help: String, _ flag: String) -> Bool {
        var rest = help[...]
        while let range = rest.range(of: flag) {
            let next = rest[range.upperBound...].first
            if next == nil || !(next!.isLetter || next!.isNumber || next! == "-") { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    static func help(_ subcommand: String) throws -> String {
        try CLI.run([subcommand, "--help"]).stdout
    }

    /// The `--flags` of one line, without their values.
    static func flags(in line: Substring) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { word in
            guard word.hasPrefix("--"), word.count > 2 else { return nil }
            return String(word.prefix { $0 != "=" && $0 != "`" && $0 != ")" && $0 != "," })
        }
    }

    @Test("every mcp-setup command line in README's code blocks parses with its subcommand's flags")
    func codeBlockFlags() throws {
        let readme = try String(contentsOf: CLI.repository.appendingPathComponent("README.md"), encoding: .utf8)
        var inBlock = false
        var checked = 0
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inBlock.toggle(); continue }
            guard inBlock else { continue }
            // The command may follow a pipe: `pass show acme/mcp | mcp-setup render …`.
            guard let start = line.range(of: "mcp-setup ") else { continue }
            let command = line[start.upperBound...].prefix { $0 != "#" && $0 != "|" && $0 != ">" }
            guard let subcommand = command.split(separator: " ").first.map(String.init), Self.subcommands.contains(subcommand) else { continue }
            let help = try Self.help(subcommand)
            for flag in Self.flags(in: command) {
                #expect(Self.lists(help, flag), "README: `\(line.trimmingCharacters(in: .whitespaces))`: mcp-setup \(subcommand) has no \(flag)")
                checked += 1
            }
        }
        #expect(checked > 20, "README's examples were found")
    }

    @Test("every --flag README names inline is a flag of some subcommand")
    func inlineFlags() throws {
        let readme = try String(contentsOf: CLI.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let helps = try Self.subcommands.map(Self.help).joined(separator: "\n") + (try CLI.run(["--help"]).stdout)
        var spans: [Substring] = []
        var rest = readme[...]
        while let open = rest.firstIndex(of: "`") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "`") else { break }
            spans.append(after[..<close])
            rest = after[after.index(after: close)...]
        }
        // `--mcp-setup-…` and `--hl-…` are the card's and the site's CSS custom properties, not flags.
        let flags = Set(spans.filter { $0.hasPrefix("--") && !$0.hasPrefix("--mcp-setup-") && !$0.hasPrefix("--hl-") }.flatMap { Self.flags(in: $0).prefix(1) })
        #expect(flags.count > 20)
        for flag in flags.sorted() {
            #expect(Self.lists(helps, flag), "README names \(flag), which no subcommand has")
        }
    }
}
