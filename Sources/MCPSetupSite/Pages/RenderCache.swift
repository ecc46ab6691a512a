import Foundation
import MCPSetup

/// Rendered fragments shared by many pages, made once and kept for the build.
final class RenderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: String] = [:]

    func value(for key: String, make: () throws(SetupError) -> String) throws(SetupError) -> String {
        if let cached = lock.withLock({ values[key] }) { return cached }
        let made = try make()
        lock.withLock { values[key] = made }
        return made
    }
}
