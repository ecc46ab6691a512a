import Foundation

/// Standard base64 with `=` padding over UTF-8, as a browser's `btoa` of UTF-8 bytes gives.
public enum Base64Text {
    /// Encodes the UTF-8 bytes of a string.
    public static func encode(_ string: String) -> String {
        Data(string.utf8).base64EncodedString()
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
