/// A unified diff of two texts, for `--dry-run` and for showing how an entry differs.
public enum UnifiedDiff {
    /// The diff of `old` to `new` with three lines of context, or "" when they are equal.
    public static func make(old: String, new: String, oldName: String, newName: String) -> String {
        guard old != new else { return "" }
        let a = lines(old), b = lines(new)
        let operations = diff(a, b)
        var output = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < operations.count {
            guard let firstChange = operations[index...].firstIndex(where: { $0.kind != .same }) else { break }
            let hunkStart = max(index, firstChange - 3)
            var hunkEnd = firstChange
            var lastChange = firstChange
            while hunkEnd < operations.count {
                if operations[hunkEnd].kind != .same { lastChange = hunkEnd }
                if hunkEnd - lastChange > 6 { break }
                hunkEnd += 1
            }
            hunkEnd = min(operations.count, lastChange + 4)
            let slice = operations[hunkStart..<hunkEnd]
            let oldStart = slice.first.map { $0.oldIndex } ?? 0
            let newStart = slice.first.map { $0.newIndex } ?? 0
            let oldCount = slice.filter { $0.kind != .insert }.count
            let newCount = slice.filter { $0.kind != .delete }.count
            output += "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n"
            for operation in slice {
                switch operation.kind {
                case .same: output += " " + operation.text + "\n"
                case .delete: output += "-" + operation.text + "\n"
                case .insert: output += "+" + operation.text + "\n"
                }
            }
            index = hunkEnd
        }
        return output
    }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private struct Operation {
        enum Kind { case same, delete, insert }
        let kind: Kind
        let text: String
        let oldIndex: Int
        let newIndex: Int
    }

    /// Longest-common-subsequence diff of the lines between the common first and last lines
    /// (an install changes one place, so a large file costs little).
    private static func diff(_ a: [String], _ b: [String]) -> [Operation] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let head = (0..<prefix).map { Operation(kind: .same, text: a[$0], oldIndex: $0, newIndex: $0) }
        let middle = lcs(Array(a[prefix..<(a.count - suffix)]), Array(b[prefix..<(b.count - suffix)])).map {
            Operation(kind: $0.kind, text: $0.text, oldIndex: $0.oldIndex + prefix, newIndex: $0.newIndex + prefix)
        }
        let tail = (0..<suffix).map { offset in
            Operation(kind: .same, text: a[a.count - suffix + offset], oldIndex: a.count - suffix + offset, newIndex: b.count - suffix + offset)
        }
        return head + middle + tail
    }

    private static func lcs(_ a: [String], _ b: [String]) -> [Operation] {
        let n = a.count, m = b.count
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var operations: [Operation] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                operations.append(Operation(kind: .same, text: a[i], oldIndex: i, newIndex: j)); i += 1; j += 1
            } else if j < m, i == n || table[i][j + 1] > table[i + 1][j] {
                operations.append(Operation(kind: .insert, text: b[j], oldIndex: i, newIndex: j)); j += 1
            } else {
                operations.append(Operation(kind: .delete, text: a[i], oldIndex: i, newIndex: j)); i += 1
            }
        }
        return operations
    }
}
