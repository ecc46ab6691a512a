import Foundation
import MCPSetup
import PropertyBased
import Testing
@testable import MCPSetupInstall

/// Install then uninstall, through the real `Installer` on real files, over thousands of
/// generated config files: the installed file holds exactly the entry and everything else the
/// original held (every original byte, in order), and uninstall gives back the original bytes.
/// Each case draws a fresh random seed, so every run covers different files and coverage adds up
/// across runs; a failing case prints the `.fixedSeed(…)` that reproduces it. The counts per run
/// are kept small enough for a loaded 2-core machine (no test here depends on wall time).
@Suite("mcp-setup install: generated config files round-trip byte for byte", .serialized)
struct InstallPropertyTests {
    static let jsonCases = 600
    static let tomlCases = 300

    /// The JSON and JSONC clients, user and project scope where they have one.
    static let jsonClients: [(client: String, scope: InstallTarget.Scope)] = [
        ("claude-code", .user), ("claude-code", .project), ("cursor", .user), ("vscode", .user), ("vscode", .project),
        ("windsurf", .user), ("claude-desktop", .user), ("gemini-cli", .user), ("zed", .user), ("zed", .project),
        ("opencode", .user), ("cline", .user), ("roo-code", .project), ("kiro", .user), ("warp", .user), ("lm-studio", .user),
    ]
    static let names = ["acme", "acme-prod-2", "a", "other-2", "x9"]
    static let keys = ["sk_live_123", #"it's"double"'single'"#, #"back\slash\\n\'\""#, "100%&x=#frag+plus=%2F?a=b", String(decoding: Array(UInt8(0x21)...UInt8(0x7E)), as: UTF8.self)]

    /// Targets cached per client, scope, name and credential: rendering is not what is tested.
    final class Targets: @unchecked Sendable {
        let sandbox: Sandbox
        private var cache: [String: InstallTarget] = [:]
        private let lock = NSLock()

        init() throws { sandbox = try Sandbox() }

        func target(_ client: String, _ scope: InstallTarget.Scope, name: String, credential: Int) throws -> InstallTarget {
            let id = "\(client) \(scope) \(name) \(credential)"
            lock.lock()
            defer { lock.unlock() }
            if let cached = cache[id] { return cached }
            let credentials: [Credential] = [.environment(variable: "ACME_API_KEY"), .placeholder, .prompt] + (try InstallPropertyTests.keys.map { .inline(try Secret($0)) })
            // The property is the edit, so any entry value will do: a placeholder is allowed here,
            // as install itself never writes one (InstallRefusalTests).
            let target = try sandbox.target(client, scope: scope, request: try Sandbox.request(credentials[credential % credentials.count], name: name), placeholderAllowed: true)
            cache[id] = target
            return target
        }

        /// Empties the home and project folders between cases.
        func reset() throws {
            for folder in [sandbox.home, sandbox.project] {
                try? FileManager.default.removeItem(atPath: folder)
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        }
    }

    struct JSONCase: CustomStringConvertible {
        let client: String
        let scope: InstallTarget.Scope
        let name: String
        let credential: Int
        let layout: JSONLayout
        var description: String { "\(client) \(scope) credential \(credential): \(layout)" }
    }

    @Test("JSON and JSONC: install holds the entry and every original byte; uninstall restores the bytes")
    func json() async throws {
        let targets = try Targets()
        defer { targets.sandbox.remove() }
        let formats = try Dictionary(uniqueKeysWithValues: Self.jsonClients.map { client in
            let target = try targets.target(client.client, client.scope, name: "acme", credential: 0)
            return ("\(client.client) \(client.scope)", (target.format, target.container))
        })
        let generator = Generator<JSONCase, Shrink.None<JSONCase>>(run: { rng in
            var draw = SplitMix(state: rng.next())
            let (client, scope) = draw.pick(Self.jsonClients)
            let name = draw.pick(Self.names)
            let credential = draw.int(0...7)
            let (format, container) = formats["\(client) \(scope)"]!
            let layout = JSONLayout.random(seed: draw.next(), format: format, container: container, name: name, inputs: client == "vscode")
            return JSONCase(client: client, scope: scope, name: name, credential: credential, layout: layout)
        })
        var count = 0
        await propertyCheck(count: Self.jsonCases, input: generator) { input in
            count += 1
            let target = try targets.target(input.client, input.scope, name: input.name, credential: input.credential)
            try roundTrip(input.layout.bytes, target: target, targets: targets, label: "\(input)")
        }
        #expect(count >= Self.jsonCases)
    }

    struct TOMLCase: CustomStringConvertible {
        let scope: InstallTarget.Scope
        let name: String
        let credential: Int
        let layout: TOMLLayout
        var description: String { "codex \(scope) credential \(credential): \(layout)" }
    }

    @Test("TOML: install holds the entry and every original byte; uninstall restores the bytes")
    func toml() async throws {
        let targets = try Targets()
        defer { targets.sandbox.remove() }
        let generator = Generator<TOMLCase, Shrink.None<TOMLCase>>(run: { rng in
            var draw = SplitMix(state: rng.next())
            let scope: InstallTarget.Scope = draw.chance(0.5) ? .user : .project
            let name = draw.pick(Self.names)
            let credential = draw.pick([0, 1, 3, 4, 5, 6, 7])
            return TOMLCase(scope: scope, name: name, credential: credential, layout: TOMLLayout.random(seed: draw.next(), table: ["mcp_servers"], name: name))
        })
        var count = 0
        await propertyCheck(count: Self.tomlCases, input: generator) { input in
            count += 1
            let target = try targets.target("codex", input.scope, name: input.name, credential: input.credential)
            try roundTrip(input.layout.bytes, target: target, targets: targets, label: "\(input)")
        }
        #expect(count >= Self.tomlCases)
    }

    /// Writes `original`, installs, checks the result, uninstalls, checks the bytes came back.
    func roundTrip(_ original: [UInt8], target: InstallTarget, targets: Targets, label: String) throws {
        try targets.reset()
        let sandbox = targets.sandbox
        try sandbox.write(original, to: target.path)
        #expect(try Self.parse(original, format: target.format) != nil || Self.isBlank(original), "the generated file does not parse: \(label)")

        let outcome = try Installer().install(target, holdsKey: true)
        guard case .written = outcome else { Issue.record("install: \(outcome): \(label)"); return }
        let installed = try #require(sandbox.read(target.path))
        if Self.isBlank(original) {
            #expect(String(decoding: installed, as: UTF8.self) == target.newFile, "a blank file becomes the artifact: \(label)")
        } else {
            #expect(isSubsequence(original, of: installed), "a byte of the original is gone: \(label)\ninstalled: \(String(decoding: installed, as: UTF8.self).debugDescription)")
            if original.starts(with: [0xEF, 0xBB, 0xBF]) { #expect(installed.starts(with: [0xEF, 0xBB, 0xBF]), "BOM lost: \(label)") }
            if Self.contains(original, "\r\n") {
                let bare = installed.indices.contains { installed[$0] == 0x0A && ($0 == 0 || installed[$0 - 1] != 0x0D) }
                #expect(!bare, "a CRLF file got a bare LF: \(label)\ninstalled: \(String(decoding: installed, as: UTF8.self).debugDescription)")
            }
            if !Self.contains(original, "\r\n") && Self.contains(original, "\n") {
                #expect(!Self.contains(installed, "\r\n"), "an LF file got a CRLF: \(label)")
            }
            // The installed document is the original plus the entry (and VS Code's input), nothing else.
            let before = try #require(try Self.parse(original, format: target.format), "\(label)")
            let after = try #require(try Self.parse(installed, format: target.format), "installed file does not parse: \(label)\n\(String(decoding: installed, as: UTF8.self).debugDescription)")
            let (stripped, entry) = Self.removing(target, from: after, original: before)
            #expect(entry?.canonical == target.entry.canonical, "the entry is not the intended one: \(label)")
            #expect(stripped.canonical == before.canonical, "the rest of the document changed: \(label)\ninstalled: \(String(decoding: installed, as: UTF8.self).debugDescription)")
        }
        let editor = try ConfigEditors.open(installed, format: target.format, path: target.path)
        #expect(try editor.entry(container: target.container, name: target.name)?.canonical == target.entry.canonical, "\(label)")

        _ = try Installer().uninstall(InstallTarget(clientID: target.clientID, scope: target.scope, path: target.path, format: target.format, container: target.container, name: target.name, entry: .null, newFile: "", rootItems: [:], sharedLists: target.sharedLists))
        let after = sandbox.read(target.path)
        #expect(after == original, "uninstall did not give back the original bytes: \(label)\nafter: \(String(decoding: after ?? [], as: UTF8.self).debugDescription)")
    }

    static func isBlank(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    /// The document's value, read by the library's own parsers (not the span editors).
    static func parse(_ bytes: [UInt8], format: FileFormat) throws -> PlainValue? {
        if isBlank(bytes) { return nil }
        let text = String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
        switch format {
        case .json: return try JSONParser.parse(text)
        case .jsonc: return try JSONParser.parse(text, allowComments: true)
        case .toml: return try TOMLSyntax.parse(text)
        case .yaml: return nil
        }
    }

    /// The installed value without the target's entry (and the root items install added), and
    /// the entry.
    static func removing(_ target: InstallTarget, from value: PlainValue, original: PlainValue) -> (PlainValue, PlainValue?) {
        var entry: PlainValue?
        func strip(_ value: PlainValue, path: [String], original: PlainValue?) -> PlainValue? {
            guard case .object(let members) = value else { return value }
            if path.isEmpty {
                entry = members.first { $0.key == target.name }?.value
                let rest = members.filter { $0.key != target.name }
                return rest.isEmpty && original == nil ? nil : .object(rest)
            }
            var result: [(key: String, value: PlainValue)] = []
            for member in members {
                if member.key == path[0] {
                    if let inner = strip(member.value, path: Array(path.dropFirst()), original: original?[member.key]) { result.append((member.key, inner)) }
                } else {
                    result.append(member)
                }
            }
            return .object(result)
        }
        var stripped = strip(value, path: target.container, original: original) ?? .object([])
        for (key, merge) in target.rootItems {
            guard case .object(var members) = stripped, let index = members.firstIndex(where: { $0.key == key }), case .array(let items) = members[index].value else { continue }
            let kept: [PlainValue]
            if case .array(let originalItems)? = original[key] {
                kept = items.filter { item in originalItems.contains(item) || !merge.items.contains { $0[merge.idKey] == item[merge.idKey] } }
            } else {
                kept = items.filter { item in !merge.items.contains { $0[merge.idKey] == item[merge.idKey] } }
            }
            if kept.isEmpty && original[key] == nil { members.remove(at: index) } else { members[index].value = .array(kept) }
            stripped = .object(members)
        }
        return (stripped, entry)
    }
}
