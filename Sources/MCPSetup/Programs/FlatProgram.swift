/// A ``KeyProgram`` laid out flat for filling: one pool of literal bytes and a list of
/// operations, so writing a key copies slices of the pool and escapes the key without touching
/// reference counts part by part. An escaped group that appears more than once (the same header
/// word in many clients' commands) is written once per fill and copied after that.
struct FlatProgram: Sendable {
    private enum Operation: Sendable {
        /// Copies `pool[start..<end]`.
        case literal(start: Int, end: Int)
        /// Writes the key.
        case key
        /// Writes the key escaped.
        case escapedKey(Escaper)
        /// Writes group `slot`: the operations `start..<end` escaped, once per fill.
        case group(slot: Int, escaper: Escaper, start: Int, end: Int)
    }

    private struct GroupKey: Hashable {
        let escaper: Escaper
        let program: KeyProgram
    }

    private var pool: [UInt8] = []
    private var operations: [Operation] = []
    private var slots: [GroupKey: Int] = [:]
    /// The operation that writes each group, by slot.
    private var groupOperations: [Operation] = []
    /// The literal bytes, to size the output.
    private(set) var literalCount = 0

    init(_ program: KeyProgram) {
        var top: [Operation] = []
        add(program, into: &top)
        // Groups' operations come first in `operations`; the program's own follow them.
        topStart = operations.count
        operations += top
    }

    /// Where the program's own operations start.
    private var topStart = 0

    private mutating func add(_ program: KeyProgram, into list: inout [Operation]) {
        for part in program.parts {
            switch part {
            case .literal(let bytes):
                list.append(.literal(start: pool.count, end: pool.count + bytes.count))
                pool.append(contentsOf: bytes)
                literalCount += bytes.count
            case .key:
                list.append(.key)
            case .escaped(let escaper, let inner):
                if inner.parts.count == 1, case .key = inner.parts[0] {
                    list.append(.escapedKey(escaper))
                    continue
                }
                let key = GroupKey(escaper: escaper, program: inner)
                if let slot = slots[key] {
                    list.append(groupOperations[slot])
                    continue
                }
                var body: [Operation] = []
                add(inner, into: &body)
                let start = operations.count
                operations += body
                let operation = Operation.group(slot: groupOperations.count, escaper: escaper, start: start, end: operations.count)
                slots[key] = groupOperations.count
                groupOperations.append(operation)
                list.append(operation)
            }
        }
    }

    /// Writes the program's text for `key` (UTF-8 bytes).
    func write(key: [UInt8], into output: inout [UInt8]) {
        var state = FillState(slotCount: groupOperations.count)
        pool.withUnsafeBufferPointer { pool in
            write(topStart..<operations.count, key: key, pool: pool, state: &state, into: &output)
        }
    }

    /// What one fill has computed already: the key escaped by each escaper, and each group.
    private struct FillState {
        var escapedKeys = [[UInt8]?](repeating: nil, count: Escaper.allCases.count)
        var groups: [[UInt8]?]

        init(slotCount: Int) {
            groups = [[UInt8]?](repeating: nil, count: slotCount)
        }
    }

    private func write(_ range: Range<Int>, key: [UInt8], pool: UnsafeBufferPointer<UInt8>, state: inout FillState, into output: inout [UInt8]) {
        for index in range {
            switch operations[index] {
            case .literal(let start, let end):
                output.append(contentsOf: UnsafeBufferPointer(rebasing: pool[start..<end]))
            case .key:
                output.append(contentsOf: key)
            case .escapedKey(let escaper):
                if let escaped = state.escapedKeys[escaper.ordinal] {
                    output.append(contentsOf: escaped)
                } else {
                    var escaped: [UInt8] = []
                    escaper.append(key, to: &escaped)
                    output.append(contentsOf: escaped)
                    state.escapedKeys[escaper.ordinal] = escaped
                }
            case .group(let slot, let escaper, let start, let end):
                if let written = state.groups[slot] {
                    output.append(contentsOf: written)
                } else {
                    var text: [UInt8] = []
                    write(start..<end, key: key, pool: pool, state: &state, into: &text)
                    var escaped: [UInt8] = []
                    escaper.append(text, to: &escaped)
                    output.append(contentsOf: escaped)
                    state.groups[slot] = escaped
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
