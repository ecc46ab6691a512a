/// A document as plain data, for a browser to render again with another key: the same value
/// model the encoders read, with the key left as a hole. The site's key box runs the recipe
/// through JavaScript ports of the encoders and must produce exactly the bytes
/// `mcp-setup render --token KEY` prints.
///
/// Shape: a document is `{"type": "command", "shell": "posix" | "powershell" | "cmd", "argv":
/// [text…]}`, `{"type": "json" | "jsonc" | "yaml" | "toml", "value": value}` or `{"type": "line",
/// "text": text}`. A text is a list of pieces: a string
/// (literal), `{"secret": true}`, `{"link": {"base": …, "items": [[name, text]…]}}` or
/// `{"link": {"base": …, "whole": text}}`, `{"json": value}`, `{"vscodeJSON": value}`,
/// `{"base64": text}`, `{"cmdWord": text}`. A value is `{"s": text}`, `{"b": bool}`, `{"i": int}`, `{"a": [value…]}`
/// or `{"o": [[key, value]…]}`.
public enum DocumentRecipe {
    /// The recipe of a document.
    public static func value(_ document: Document) -> PlainValue {
        switch document {
        case .command(let argv, let shell): return .object([("type", .string("command")), ("shell", .string(shell.rawValue)), ("argv", .array(argv.map(text)))])
        case .json(let value): return .object([("type", .string("json")), ("value", self.value(value))])
        case .jsonc(let value): return .object([("type", .string("jsonc")), ("value", self.value(value))])
        case .yaml(let value): return .object([("type", .string("yaml")), ("value", self.value(value))])
        case .toml(let value): return .object([("type", .string("toml")), ("value", self.value(value))])
        case .line(let line): return .object([("type", .string("line")), ("text", text(line))])
        }
    }

    static func text(_ text: Text) -> PlainValue {
        .array(text.pieces.map(piece))
    }

    static func piece(_ piece: Piece) -> PlainValue {
        switch piece {
        case .literal(let string): return .string(string)
        case .secret: return .object([("secret", .bool(true))])
        case .link(let link): return .object([("link", self.link(link))])
        case .json(let value): return .object([("json", self.value(value))])
        case .vscodeLinkJSON(let value): return .object([("vscodeJSON", self.value(value))])
        case .base64(let inner): return .object([("base64", text(inner))])
        case .cmdWord(let inner): return .object([("cmdWord", text(inner))])
        }
    }

    static func link(_ link: Link) -> PlainValue {
        switch link.query {
        case .items(let items):
            return .object([("base", .string(link.base)), ("items", .array(items.map { .array([.string($0.name), text($0.value)]) }))])
        case .whole(let whole):
            return .object([("base", .string(link.base)), ("whole", text(whole))])
        }
    }

    static func value(_ value: Value) -> PlainValue {
        switch value {
        case .string(let string): return .object([("s", text(string))])
        case .bool(let bool): return .object([("b", .bool(bool))])
        case .int(let int): return .object([("i", .number(String(int)))])
        case .array(let items): return .object([("a", .array(items.map(self.value)))])
        case .object(let members): return .object([("o", .array(members.map { .array([.string($0.key), self.value($0.value)]) }))])
        }
    }
}
