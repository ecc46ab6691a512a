extension Verifier {
    /// Checks a code snippet: every source part is there byte for byte, and every literal
    /// parses back (``CodeParser``) to exactly the value it was written from.
    func verify(_ content: String, encodesCode code: Code) throws {
        let bytes = Array(content.utf8)
        var position = 0
        for (index, part) in code.parts.enumerated() {
            switch part {
            case .source(let source):
                let expected = Array(source.utf8)
                guard bytes.count - position >= expected.count, Array(bytes[position..<position + expected.count]) == expected else {
                    throw Mismatch(description: "the code's source text \(index + 1) is not where it belongs (byte \(position + 1))")
                }
                position += expected.count
            case .value(let value, _):
                var parser = CodeParser(content, language: code.language, position: position)
                let parsed = try parser.parseValue(depth: 0)
                let expected = try renderer.codeValue(value)
                guard parsed == expected else {
                    throw Mismatch(description: "literal \(index + 1) of the \(code.language.title) code reads back as another value")
                }
                position = parser.position
            }
        }
        guard position == bytes.count else { throw Mismatch(description: "the code has text after its last part") }
    }
}
