import Foundation

/// Standard base64 with `=` padding over UTF-8, as a browser's `btoa` of UTF-8 bytes gives.
public enum Base64Text {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Encodes the UTF-8 bytes of a string.
    public static func encode(_ string: String) -> String {
        var output: [UInt8] = []
        append(Array(string.utf8), to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the base64 form of `bytes` to `output`.
    public static func append(_ bytes: some Collection<UInt8>, to output: inout [UInt8]) {
        output.reserveCapacity(output.count + (bytes.count + 2) / 3 * 4)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next(), third = iterator.next()
            let group = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
            output.append(alphabet[Int(group >> 18 & 63)])
            output.append(alphabet[Int(group >> 12 & 63)])
            output.append(second == nil ? UInt8(ascii: "=") : alphabet[Int(group >> 6 & 63)])
            output.append(third == nil ? UInt8(ascii: "=") : alphabet[Int(group & 63)])
        }
    }

    /// Decodes base64 text into a UTF-8 string; anything else is an error.
    public static func decode(_ text: String) throws(SyntaxError) -> String {
        guard let data = Data(base64Encoded: text) else {
            throw SyntaxError(syntax: "base64", message: "not valid base64")
        }
        guard let string = String(validating: data, as: UTF8.self) else {
            throw SyntaxError(syntax: "base64", message: "decoded bytes are not UTF-8")
        }
        return string
    }
}
