import MCPSetup

/// JSON that is safe inside an HTML `<script type="application/json">` element: `<`, `>` and
/// `&` become `\u003c`, `\u003e`, `\u0026`, so no value can close the element; JSON.parse reads
/// them back unchanged.
enum ScriptJSON {
    static func encode(_ value: PlainValue) -> String {
        escape(JSONSyntax.compact(value))
    }

    /// JSON text made safe for the element (the escapes are only ever inside strings, where
    /// JSON reads them back as the same characters).
    static func escape(_ json: String) -> String {
        var output = ""
        for scalar in json.unicodeScalars {
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
