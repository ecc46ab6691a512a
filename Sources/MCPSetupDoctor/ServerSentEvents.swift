/// One server-sent event: its type (`message` when not given) and data.
struct ServerSentEvent: Sendable, Hashable {
    var event: String
    var data: String
}

/// Splits a `text/event-stream` into events, as the WHATWG event-stream rules say: lines ending
/// in LF, CR or CRLF; `event:` and `data:` fields (one space after the colon dropped); a blank
/// line ends an event; comments (`:`) ignored.
struct ServerSentEventParser {
    private var pending: [UInt8] = []
    private var event = ""
    private var data: [String] = []
    private var sawCarriageReturn = false

    /// The events the bytes complete.
    mutating func feed(_ bytes: [UInt8]) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if sawCarriageReturn {
                sawCarriageReturn = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                sawCarriageReturn = byte == UInt8(ascii: "\r")
                if let complete = line(String(decoding: pending, as: UTF8.self)) { events.append(complete) }
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(byte)
            }
        }
        return events
    }

    /// The events in a whole body (a final event without its blank line counts too).
    static func events(in body: [UInt8]) -> [ServerSentEvent] {
        var parser = ServerSentEventParser()
        var events = parser.feed(body + Array("\n\n".utf8))
        events.removeAll { $0.data.isEmpty && $0.event == "message" }
        return events
    }

    private mutating func line(_ line: String) -> ServerSentEvent? {
        if line.isEmpty {
            defer { event = ""; data = [] }
            guard !data.isEmpty || !event.isEmpty else { return nil }
            return ServerSentEvent(event: event.isEmpty ? "message" : event, data: data.joined(separator: "\n"))
        }
        if line.hasPrefix(":") { return nil }
        let field: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        } else {
            field = Substring(line)
            value = ""
        }
        switch field {
        case "event": event = String(value)
        case "data": data.append(String(value))
        default: break
        }
        return nil
    }
}
