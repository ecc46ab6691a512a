/// Percent-encoding of URL query values, the same as JavaScript's `encodeURIComponent`, so a
/// browser can produce the same bytes.
public enum PercentEncoding {
    /// Bytes left as they are: `A-Z a-z 0-9 - _ . ! ~ * ' ( )`.
    private static let unreserved: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()".utf8 {
            table[Int(byte)] = true
        }
        return table
    }()
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Encodes every byte of the UTF-8 form except the unreserved ones as `%XX`.
    public static func encode(_ string: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count)
        append(string.utf8, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the percent-encoded form of UTF-8 `text` to `output`.
    public static func append(_ text: some Collection<UInt8>, to output: inout [UInt8]) {
        if text.allSatisfy({ unreserved[Int($0)] }) {
            output.append(contentsOf: text)
            return
        }
        for byte in text {
            if unreserved[Int(byte)] {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// Decodes `%XX` sequences. A `%` that is not followed by two hex digits, or bytes that are
    /// not UTF-8, are an error. `+` stays `+`.
    public static func decode(_ string: String) throws(SyntaxError) -> String {
        var bytes: [UInt8] = []
        let input = Array(string.utf8)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < input.count,
                      let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) else {
                    throw SyntaxError(syntax: "percent-encoding", message: "'%' not followed by two hex digits", offset: index + 1)
                }
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw SyntaxError(syntax: "percent-encoding", message: "decoded bytes are not UTF-8")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
