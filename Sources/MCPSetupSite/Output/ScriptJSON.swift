import MCPSetup

/// JSON that is safe inside an HTML `<script type="application/json">` element: `<`, `>` and
/// `&` become `\u003c`, `\u003e`, `\u0026`, so no value can close the element; JSON.parse reads
/// them back unchanged.
enum ScriptJSON {
    static func encode(_ value: PlainValue) -> String {
        escape(JSONSyntax.compact(value))
    }

    /// JSON text made safe for the element (the escapes are only ever inside strings, where
    /// JSON reads them back as the same characters). Works on UTF-8 bytes: the characters it
    /// escapes are `<`, `>`, `&` and U+2028/U+2029 (`E2 80 A8`/`E2 80 A9`).
    static func escape(_ json: String) -> String {
        let bytes = json.utf8
        guard bytes.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }) else { return json }
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count + 64)
        var index = 0
        while index < input.count {
            let byte = input[index]
            switch byte {
            case 0x3C: output += Self.lessThan
            case 0x3E: output += Self.greaterThan
            case 0x26: output += Self.ampersand
            case 0xE2 where index + 2 < input.count && input[index + 1] == 0x80 && (input[index + 2] == 0xA8 || input[index + 2] == 0xA9):
                output += input[index + 2] == 0xA8 ? Self.lineSeparator : Self.paragraphSeparator
                index += 2
            default: output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let lessThan = Array("\\u003c".utf8)
    private static let greaterThan = Array("\\u003e".utf8)
    private static let ampersand = Array("\\u0026".utf8)
    private static let lineSeparator = Array("\\u2028".utf8)
    private static let paragraphSeparator = Array("\\u2029".utf8)
}
