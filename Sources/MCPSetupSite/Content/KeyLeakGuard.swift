import MCPSetup

/// Refuses content that seems to hold a real key: the server's key prefix followed by twelve or
/// more key characters. Docs show placeholders and masked previews (`sk_live_…J6Hm`), never keys.
enum KeyLeakGuard {
    static func check(_ page: ContentPage, prefix: String?, file: String) throws(SetupError) {
        guard let prefix, !prefix.isEmpty else { return }
        for (offset, line) in page.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let range = rest.range(of: prefix) {
                let tail = rest[range.upperBound...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
                if tail.count >= 12 && !tail.hasPrefix("YOUR") {
                    throw SetupError("\(file):\(page.bodyLine + offset): '\(prefix)\(tail.prefix(4))…' looks like a real key; docs must not hold keys: use a placeholder or a masked preview such as \(prefix)…abcd")
                }
                rest = rest[range.upperBound...]
            }
        }
    }
}
