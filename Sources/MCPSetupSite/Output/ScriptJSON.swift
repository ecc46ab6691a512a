import MCPSetup

/// JSON that is safe inside an HTML `<script type="application/json">` element: `<`, `>` and
/// `&` become `\u003c`, `\u003e`, `\u0026`, so no value can close the element; JSON.parse reads
/// them back unchanged.
enum ScriptJSON {
    static func encode(_ value: PlainValue) -> String {
        var output = ""
        for scalar in JSONSyntax.compact(value).unicodeScalars {
            switch scalar {
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
