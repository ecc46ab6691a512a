import MCPSetup

/// The JSON-RPC messages `doctor` sends and the replies it reads, over PlainValue (the same JSON
/// writer and parser the artifacts use).
enum JSONRPC {
    /// A request body.
    static func request(id: Int, method: String, params: PlainValue) -> [UInt8] {
        Array(JSONSyntax.compact(.object([("jsonrpc", .string("2.0")), ("id", .number(String(id))), ("method", .string(method)), ("params", params)])).utf8)
    }

    /// A notification body.
    static func notification(method: String) -> [UInt8] {
        Array(JSONSyntax.compact(.object([("jsonrpc", .string("2.0")), ("method", .string(method))])).utf8)
    }

    /// A JSON-RPC reply: a result or an error.
    struct Reply: Sendable {
        var result: PlainValue?
        var errorCode: Int?
        var errorMessage: String?
        var errorData: PlainValue?
    }

    /// The reply to request `id` in a body: JSON, or an event stream whose `message` events
    /// carry JSON (the first with that id, or the first reply when none says).
    static func reply(in reply: HTTPReply, id: Int) -> Reply? {
        if reply.isEventStream {
            var first: Reply?
            for event in ServerSentEventParser.events(in: reply.body) where event.event == "message" {
                guard let value = try? JSONParser.parse(event.data), let parsed = Self.reply(value) else { continue }
                if value["id"].flatMap(number) == id { return parsed }
                if first == nil { first = parsed }
            }
            return first
        }
        guard let value = try? JSONParser.parse(reply.text) else { return nil }
        return Self.reply(value)
    }

    private static func reply(_ value: PlainValue) -> Reply? {
        if let result = value["result"] { return Reply(result: result) }
        if let error = value["error"] {
            return Reply(result: nil, errorCode: error["code"].flatMap(number), errorMessage: error["message"]?.stringValue, errorData: error["data"])
        }
        return nil
    }

    /// Whether an event's data is a JSON-RPC response (it has an id and a result or an error).
    static func isResponse(_ data: String) -> Bool {
        guard let value = try? JSONParser.parse(data), value["id"] != nil else { return false }
        return value["result"] != nil || value["error"] != nil
    }

    static func number(_ value: PlainValue) -> Int? {
        if case .number(let text) = value { return Int(text) }
        return nil
    }
}

/// A `WWW-Authenticate` challenge: its scheme and parameters (RFC 9110 §11.6.1; RFC 6750 §3 for
/// `error` and `scope`; RFC 9728 §5.1 for `resource_metadata`).
struct AuthChallenge: Sendable, Hashable {
    var scheme: String
    var parameters: [String: String]

    init?(_ header: String?) {
        guard let header, !header.isEmpty else { return nil }
        var rest = Substring(header).drop { $0 == " " }
        let scheme = rest.prefix { $0 != " " && $0 != "," }
        guard !scheme.isEmpty else { return nil }
        self.scheme = String(scheme)
        rest = rest.dropFirst(scheme.count)
        var parameters: [String: String] = [:]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "," }
            let name = rest.prefix { $0 != "=" && $0 != " " && $0 != "," }
            rest = rest.dropFirst(name.count).drop { $0 == " " }
            guard !name.isEmpty, rest.first == "=" else { break }
            rest = rest.dropFirst().drop { $0 == " " }
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                while let character = rest.first, character != "\"" {
                    if character == "\\" { rest = rest.dropFirst() }
                    if let next = rest.first { value.append(next) }
                    rest = rest.dropFirst()
                }
                rest = rest.dropFirst()
            } else {
                let token = rest.prefix { $0 != "," && $0 != " " }
                value = String(token)
                rest = rest.dropFirst(token.count)
            }
            parameters[name.lowercased()] = value
        }
        self.parameters = parameters
    }
}
