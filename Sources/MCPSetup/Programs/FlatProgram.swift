/// A ``KeyProgram`` laid out flat for filling: one pool of literal bytes and a list of
/// operations, so writing a key copies slices of the pool and escapes the key without touching
/// reference counts part by part.
struct FlatProgram: Sendable {
    private enum Operation: Sendable {
        /// Copies `pool[start..<end]`.
        case literal(start: Int, end: Int)
        /// Writes the key.
        case key
        /// Writes the key escaped.
        case escapedKey(Escaper)
        /// Starts a group whose text an escaper rewrites when it ends.
        case begin
        /// Ends the innermost group: its text is replaced by its escaped form.
        case end(Escaper)
    }

    private var pool: [UInt8] = []
    private var operations: [Operation] = []
    /// The literal bytes, to size the output.
    private(set) var literalCount = 0

    init(_ program: KeyProgram) {
        add(program)
    }

    private mutating func add(_ program: KeyProgram) {
        for part in program.parts {
            switch part {
            case .literal(let bytes):
                operations.append(.literal(start: pool.count, end: pool.count + bytes.count))
                pool.append(contentsOf: bytes)
                literalCount += bytes.count
            case .key:
                operations.append(.key)
            case .escaped(let escaper, let inner):
                if inner.parts.count == 1, case .key = inner.parts[0] {
                    operations.append(.escapedKey(escaper))
                } else {
                    operations.append(.begin)
                    add(inner)
                    operations.append(.end(escaper))
                }
            }
        }
    }

    /// Writes the program's text for `key` (UTF-8 bytes).
    func write(key: [UInt8], into output: inout [UInt8]) {
        var groupStarts: [Int] = []
        var groupText: [UInt8] = []
        // The key escaped by each escaper, computed the first time a hole needs it.
        var escapedKeys = [[UInt8]?](repeating: nil, count: Escaper.allCases.count)
        pool.withUnsafeBufferPointer { pool in
            for operation in operations {
                switch operation {
                case .literal(let start, let end):
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: pool[start..<end]))
                case .key:
                    output.append(contentsOf: key)
                case .escapedKey(let escaper):
                    if let escaped = escapedKeys[escaper.ordinal] {
                        output.append(contentsOf: escaped)
                    } else {
                        var escaped: [UInt8] = []
                        escaper.append(key, to: &escaped)
                        output.append(contentsOf: escaped)
                        escapedKeys[escaper.ordinal] = escaped
                    }
                case .begin:
                    groupStarts.append(output.count)
                case .end(let escaper):
                    let start = groupStarts.removeLast()
                    groupText.removeAll(keepingCapacity: true)
                    groupText.append(contentsOf: output[start...])
                    output.removeSubrange(start...)
                    escaper.append(groupText, to: &output)
                }
            }
        }
    }
}

extension Escaper {
    /// The escaper's place in ``allCases``.
    var ordinal: Int {
        switch self {
        case .jsonString: return 0
        case .jsonPercent: return 1
        case .percent: return 2
        case .base64: return 3
        case .posixWord: return 4
        case .powershellWord: return 5
        case .cmdArgument: return 6
        case .yamlScalar: return 7
        case .tomlString: return 8
        }
    }
}
