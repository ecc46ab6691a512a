/// Markers of the form *prefix, decimal number, ending* in generated text: the holes of a
/// stamped template, the places of a page's setup blocks.
public enum NumberedMarkers {
    /// A run of text, or a marker with its number and which of the endings closed it.
    public enum Segment: Equatable, Sendable {
        case text(String)
        case marker(number: Int, ending: Int, source: String)
    }

    /// Splits `text` at every marker, in one pass over its UTF-8 bytes. A prefix that is not
    /// followed by digits and one of `endings` stays in the text.
    public static func split(_ text: String, prefix: String, endings: [String]) -> [Segment] {
        let prefix = Array(prefix.utf8)
        let endings = endings.map { Array($0.utf8) }
        let bytes = Array(text.utf8)
        var segments: [Segment] = []
        var run: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == prefix[0], bytes[index...].starts(with: prefix) {
                var cursor = index + prefix.count
                var number = 0
                while cursor < bytes.count, (0x30...0x39).contains(bytes[cursor]), cursor - index - prefix.count < 9 {
                    number = number * 10 + Int(bytes[cursor] - 0x30)
                    cursor += 1
                }
                if cursor > index + prefix.count, let ending = endings.firstIndex(where: { bytes[cursor...].starts(with: $0) }) {
                    let end = cursor + endings[ending].count
                    if !run.isEmpty { segments.append(.text(String(decoding: run, as: UTF8.self))); run = [] }
                    segments.append(.marker(number: number, ending: ending, source: String(decoding: bytes[index..<end], as: UTF8.self)))
                    index = end
                    continue
                }
            }
            run.append(bytes[index])
            index += 1
        }
        if !run.isEmpty { segments.append(.text(String(decoding: run, as: UTF8.self))) }
        return segments
    }
}
