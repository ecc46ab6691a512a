// Per-key rendering, in process, on one thread: what `make bench-keys` reports. Each figure is
// printed beside the same work done the way mcp-setup did it before artifact programs
// (SetupGenerator.referenceRender: every artifact rendered from its document and parsed back,
// then the manifest written), from the same run.
import Foundation
import MCPSetup

/// Seconds for `body`, best of `rounds` runs of `iterations` each (the least disturbed run).
func seconds(rounds: Int = 5, iterations: Int, _ body: (Int) throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        for index in 0..<iterations { try body(index) }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        best = min(best, elapsed / Double(iterations))
    }
    return best
}

func format(_ seconds: Double) -> String {
    seconds < 1e-3 ? String(format: "%8.1f µs", seconds * 1e6) : String(format: "%8.2f ms", seconds * 1e3)
}

func row(_ name: String, _ time: Double, perKey: Bool = true) {
    let rate = perKey ? String(format: "%12.0f keys/s", 1 / time) : ""
    print(name.padding(toLength: 58, withPad: " ", startingAt: 0) + format(time) + rate)
}

let profile = try ServerProfile(name: "acme", title: "Acme", endpoint: "https://mcp.acme.dev/mcp", auth: .bearer)
let keys = (0..<1000).map { "sk_live_" + String(format: "%08x", $0 &* 2_654_435_761 & 0xFFFF_FFFF) + "J6HMiiQ2xZ" }
var sink = 0

if CommandLine.arguments.dropFirst().first == "--profile-manifest" {
    // For a profiler: only the per-key manifest, for a while.
    let setup = try PreparedSetup(profile: profile)
    var buffer: [UInt8] = []
    for index in 0..<200_000 {
        try setup.writeManifest(key: keys[index % keys.count], into: &buffer)
        sink &+= buffer.count
    }
    print(sink)
    exit(0)
}

let compile = try seconds(iterations: 10) { _ in sink &+= try PreparedSetup(profile: profile).request.placeholder.count }
let setup = try PreparedSetup(profile: profile)
let clientCount = try setup.artifacts(key: keys[0]).count
let artifactCount = try setup.artifacts(key: keys[0]).flatMap(\.artifacts).count
var buffer: [UInt8] = []
let fillManifest = try seconds(iterations: 2000) { index in
    try setup.writeManifest(key: keys[index % keys.count], into: &buffer)
    sink &+= buffer.count
}
let fillArtifacts = try seconds(iterations: 2000) { index in sink &+= try setup.artifacts(key: keys[index % keys.count]).count }
let verifying = try seconds(rounds: 3, iterations: 20) { index in sink &+= try setup.artifacts(key: keys[index % keys.count], verifying: true).count }
let reference = try seconds(rounds: 3, iterations: 20) { index in
    let request = try SetupRequest(profile: profile, credential: .inline(try Secret(keys[index % keys.count])))
    sink &+= Manifest.json(for: request, clients: try SetupGenerator().referenceRender(request)).utf8.count
}
let manifestBytes = try setup.manifestJSON(key: keys[0]).utf8.count

print("mcp-setup key rendering: \(clientCount) clients, \(artifactCount) artifacts, inline key, manifest \(manifestBytes / 1024) KiB; one thread, best of runs")
row("before programs: render, verify and write the manifest", reference)
row("programs: fill + manifest JSON (writeManifest, one buffer)", fillManifest)
row("programs: fill the artifacts (PreparedSetup.artifacts)", fillArtifacts)
row("programs: verifying fill (artifacts(key:verifying: true))", verifying)
row("compile the profile's programs, probes parsed back", compile, perKey: false)
print(String(format: "speed-up of fill + manifest over before: %.0fx", reference / fillManifest))
if sink == 42 { print("") }
