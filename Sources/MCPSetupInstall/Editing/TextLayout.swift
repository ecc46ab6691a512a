import MCPSetup

/// How a config file is laid out (line endings, indentation), so inserted text looks like the
/// text around it.
struct TextLayout {
    /// `\r\n` when the file uses it, else `\n`.
    let lineEnding: [UInt8]
    /// One level of indentation: the file's own, or two spaces.
    let unit: [UInt8]

    init(_ bytes: [UInt8]) {
        lineEnding = Self.contains(bytes, [0x0D, 0x0A]) ? [0x0D, 0x0A] : [0x0A]
        unit = Self.detectUnit(bytes)
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        for index in 0...(bytes.count - needle.count) where bytes[index] == needle[0] && Array(bytes[index..<index + needle.count]) == needle {
            return true
        }
        return false
    }

    /// The smallest non-zero indentation of a line, tabs if a line starts with one.
    private static func detectUnit(_ bytes: [UInt8]) -> [UInt8] {
        var smallest = Int.max
        var lineStart = true
        var count = 0
        for byte in bytes {
            if lineStart {
                if byte == 0x09 { return [0x09] }
                if byte == 0x20 { count += 1; continue }
                if byte != 0x0A && byte != 0x0D && count > 0 { smallest = min(smallest, count) }
                lineStart = false
            }
            if byte == 0x0A { lineStart = true; count = 0 }
        }
        return smallest == Int.max || smallest > 8 ? [0x20, 0x20] : Array(repeating: 0x20, count: smallest)
    }

    /// The leading spaces and tabs of the line that holds `offset`.
    static func indentation(of offset: Int, in bytes: [UInt8]) -> [UInt8] {
        var start = offset
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        var end = start
        while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
        return Array(bytes[start..<end])
    }

    /// Whether a line break lies between two offsets.
    static func hasLineBreak(_ bytes: [UInt8], from: Int, to: Int) -> Bool {
        from < to && bytes[from..<to].contains(0x0A)
    }

    /// Text written with two-space indentation and `\n` (as the encoders write it), re-laid out
    /// with this file's unit and line ending, every line after the first indented by `base`.
    func relayout(_ text: String, base: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var bytes = Array(line.utf8)
            if index > 0 {
                output += lineEnding
                var spaces = 0
                while spaces < bytes.count && bytes[spaces] == 0x20 { spaces += 1 }
                bytes.removeFirst(spaces)
                output += base
                for _ in 0..<(spaces / 2) { output += unit }
            }
            output += bytes
        }
        return output
    }
}
