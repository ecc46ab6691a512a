/// A text that depends on the key, compiled: literal bytes, the key, and primitive escapers
/// applied to parts. Everything that does not depend on the key is folded into literals when
/// the program is built, so filling a key costs a copy of the literals and the escaping of the
/// key.
///
/// The parts are kept normal: no empty literal, never two literals in a row, and an escaper
/// that distributes over concatenation (``Escaper/distributes``) is applied to each part rather
/// than to a group, so a literal next to the key is escaped once, at compile time.
public struct KeyProgram: Sendable, Hashable {
    /// One part of a program.
    public indirect enum Part: Sendable, Hashable {
        /// Bytes written as they are.
        case literal([UInt8])
        /// The key.
        case key
        /// The text of a program, escaped.
        case escaped(Escaper, KeyProgram)
    }

    /// The parts, in order.
    public private(set) var parts: [Part]

    /// The empty program.
    public init() {
        parts = []
    }

    /// A program of the given parts, as they are (already normal).
    init(parts: [Part]) {
        self.parts = parts
    }

    /// A program that writes a fixed string.
    public init(literal: String) {
        parts = []
        append(literal)
    }

    /// The program that writes the key.
    public static let key: KeyProgram = {
        var program = KeyProgram()
        program.parts = [.key]
        return program
    }()

    /// The bytes, when the program does not depend on the key.
    public var constant: [UInt8]? {
        switch parts.count {
        case 0: return []
        case 1: if case .literal(let bytes) = parts[0] { return bytes } else { return nil }
        default: return nil
        }
    }

    /// The string, when the program does not depend on the key.
    public var constantString: String? {
        constant.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the key appears in the output.
    public var dependsOnKey: Bool { constant == nil }

    /// Appends fixed bytes.
    public mutating func append(bytes: some Collection<UInt8>) {
        guard !bytes.isEmpty else { return }
        if case .literal(var last)? = parts.last {
            parts.removeLast()
            last.append(contentsOf: bytes)
            parts.append(.literal(last))
        } else {
            parts.append(.literal(Array(bytes)))
        }
    }

    /// Appends a fixed string.
    public mutating func append(_ string: String) {
        append(bytes: string.utf8)
    }

    /// Appends another program.
    public mutating func append(_ program: KeyProgram) {
        for part in program.parts {
            if case .literal(let bytes) = part { append(bytes: bytes) } else { parts.append(part) }
        }
    }

    /// This program's text escaped: computed now when it is constant, applied to each part when
    /// the escaper distributes, and kept as a group otherwise.
    public func escaped(_ escaper: Escaper) -> KeyProgram {
        if let constant {
            var bytes: [UInt8] = []
            escaper.append(constant, to: &bytes)
            var program = KeyProgram()
            program.append(bytes: bytes)
            return program
        }
        var program = KeyProgram()
        if escaper.distributes {
            for part in parts {
                switch part {
                case .literal(let bytes):
                    var escapedBytes: [UInt8] = []
                    escaper.append(bytes, to: &escapedBytes)
                    program.append(bytes: escapedBytes)
                case .key, .escaped:
                    var single = KeyProgram()
                    single.parts = [part]
                    program.parts.append(.escaped(escaper, single))
                }
            }
        } else {
            program.parts = [.escaped(escaper, self)]
        }
        return program
    }

    /// Writes the program's text for `key` (UTF-8 bytes).
    public func write(key: [UInt8], into output: inout [UInt8]) {
        for part in parts {
            switch part {
            case .literal(let bytes): output.append(contentsOf: bytes)
            case .key: output.append(contentsOf: key)
            case .escaped(let escaper, let inner):
                if inner.parts.count == 1, case .key = inner.parts[0] {
                    escaper.append(key, to: &output)
                } else {
                    var text: [UInt8] = []
                    inner.write(key: key, into: &text)
                    escaper.append(text, to: &output)
                }
            }
        }
    }

    /// The program's text for `key`.
    public func text(key: String) -> String {
        var output: [UInt8] = []
        write(key: Array(key.utf8), into: &output)
        return String(decoding: output, as: UTF8.self)
    }
}

/// Concatenates two programs.
public func + (lhs: KeyProgram, rhs: KeyProgram) -> KeyProgram {
    var program = lhs
    program.append(rhs)
    return program
}
