import Foundation

/// A template rendered many times with contexts that differ in a few string values (a page's
/// title, body and links), made fast without changing a byte of its output.
///
/// For each *shape* of context (everything but the slot values, plus whether each slot value is
/// empty, a lone line feed, or ends with a line feed or a carriage return: the only properties
/// of a string value that Mustache's output depends on) the template is rendered once by
/// Mustache with a unique marker in place of each slot value. The markers found in that output, raw or HTML-escaped, split it
/// into fixed text and holes; later contexts of the same shape are filled by copying the fixed
/// text and escaping their values into the holes, which is what Mustache would have written.
/// Each new shape is also rendered the ordinary way and compared with its stamp: a shape whose
/// stamp differs (a template that does something the stamp cannot express) is rendered the
/// ordinary way from then on. Template sets that use transforms (`{{lowercased(x)}}`) or dynamic
/// partials, whose output depends on a value's content, are never stamped. Context names that no
/// template mentions are left out of a shape (a template can print a whole dictionary with
/// `{{.}}`, as Swift describes it, which no page template has reason to do).
public final class StampedTemplate: @unchecked Sendable {
    /// The template's name in its set.
    public let name: String
    private let templates: TemplateSet
    private let slots: [[String]]
    private let nonce: String
    private let lock = NSLock()
    private var stamps: [String: Stamp] = [:]

    /// At most this many shapes are kept; further shapes are rendered the ordinary way.
    static let shapeLimit = 512

    /// Prepares a template of `templates` whose context values at the key paths `slots` (for
    /// example `["page", "title"]`) change from call to call. `constants` is merged into every
    /// context (a context's own values win): values that are the same for every call, described
    /// once rather than per call.
    public init(_ name: String, in templates: TemplateSet, slots: [[String]], constants: [String: Any] = [:]) {
        self.name = name
        self.templates = templates
        self.slots = slots
        self.slotTree = SlotTree(slots)
        self.constants = constants
        var generator = SystemRandomNumberGenerator()
        self.nonce = String(generator.next(), radix: 36)
    }

    /// Renders the template with a context, byte for byte as ``TemplateSet/render(_:_:)`` would
    /// with the constants merged in.
    public func render(_ context: [String: Any]) throws(SetupError) -> String {
        guard templates.stamping.isAllowed, let shape = shape(of: context) else {
            return try templates.render(name, merged(context))
        }
        if let stamp = lock.withLock({ stamps[shape.key] }) {
            if case .pieces(let pieces) = stamp { return Self.fill(pieces, with: shape.values) }
            return try templates.render(name, merged(context))
        }
        let ordinary = try templates.render(name, merged(context))
        let marked = try templates.render(name, merged(markedContext(context, shape: shape)))
        var stamp = Stamp.ordinary
        if let pieces = split(marked, slotCount: slots.count), Self.fill(pieces, with: shape.values) == ordinary {
            stamp = .pieces(pieces)
        }
        lock.withLock {
            if stamps.count < Self.shapeLimit { stamps[shape.key] = stamp }
        }
        return ordinary
    }

    private func merged(_ context: [String: Any]) -> [String: Any] {
        constants.isEmpty ? context : constants.merging(context) { _, own in own }
    }

    /// The shapes seen so far whose stamps are in use (for tests).
    var stampedShapeCount: Int {
        lock.withLock { stamps.values.filter { if case .pieces = $0 { true } else { false } }.count }
    }

    // MARK: - Shapes

    private enum Stamp {
        case pieces([Piece])
        /// This shape is rendered the ordinary way.
        case ordinary
    }

    private enum Piece {
        case text(String)
        case value(slot: Int, escaped: Bool)
    }

    /// How a slot's value goes into the template.
    private enum SlotForm {
        /// Absent, empty or a lone line feed: rendered as itself.
        case literal
        /// A marker, followed by the value's last character when that is a line feed or a
        /// carriage return.
        case marker(suffix: String)
    }

    private struct Shape {
        var key: String
        var forms: [SlotForm]
        /// Each slot's value as it goes into a hole (without the marker's suffix).
        var values: [String]
    }

    /// The slot key paths as a tree, to walk a context once.
    private final class SlotTree: Sendable {
        let slot: Int?
        let children: [String: SlotTree]

        convenience init(_ paths: [[String]]) {
            self.init(paths.enumerated().map { ($0.element[...], $0.offset) })
        }

        private init(_ paths: [(ArraySlice<String>, Int)]) {
            slot = paths.first { $0.0.isEmpty }?.1
            children = Dictionary(grouping: paths.filter { !$0.0.isEmpty }) { $0.0.first! }
                .mapValues { SlotTree($0.map { ($0.0.dropFirst(), $0.1) }) }
        }
    }

    private let slotTree: SlotTree
    private let constants: [String: Any]

    /// A marker: private-use characters around a number unique to this template, the slot, and
    /// a `<` whose escaping tells whether the value goes in raw or HTML-escaped.
    private var markerPrefix: String { "\u{E000}\(nonce)-" }
    private static let markerEnding = "<\u{E001}"

    private func marker(_ slot: Int) -> String {
        markerPrefix + String(slot) + Self.markerEnding
    }

    /// The key of a context's shape and its slot values; nil when a slot holds something other
    /// than a string or the context holds values whose rendering the key cannot describe.
    private func shape(of context: [String: Any]) -> Shape? {
        var shape = Shape(key: "", forms: Array(repeating: .literal, count: slots.count), values: Array(repeating: "", count: slots.count))
        guard describe(context, tree: slotTree, into: &shape) else { return nil }
        return shape
    }

    /// Writes a description of a context value that two values share only if Mustache renders
    /// them alike once slot values are set aside; names no template mentions are left out.
    /// False for a value of another type.
    private func describe(_ value: Any, tree: SlotTree?, into shape: inout Shape) -> Bool {
        if let slot = tree?.slot {
            guard let string = value as? String else { return false }
            if string.isEmpty || string == "\n" {
                shape.key += string.isEmpty ? "E" : "N"
                return true
            }
            // Inside an indented partial, Mustache indents what follows a value that ends a line;
            // and a value that ends with a carriage return makes a following line feed part of
            // one `\r\n` character, which does not end a line to that check. So the marker keeps
            // a trailing `\n` (not after `\r`) or `\r` of the value, and the hole takes the rest.
            let bytes = string.utf8
            var suffix = ""
            if bytes.last == 0x0A && bytes.dropLast().last != 0x0D { suffix = "\n" }
            if bytes.last == 0x0D { suffix = "\r" }
            shape.values[slot] = suffix.isEmpty ? string : String(string[..<bytes.index(before: string.endIndex)])
            shape.forms[slot] = .marker(suffix: suffix)
            shape.key += "S\(slot)" + (suffix == "\n" ? "n" : suffix == "\r" ? "r" : "") + ";"
            return true
        }
        switch value {
        case let string as String:
            shape.key += "s\(string.utf8.count):" + string
        case let bool as Bool:
            shape.key += bool ? "T" : "F"
        case let number as Int:
            shape.key += "i\(number);"
        case let array as [Any]:
            shape.key += "[\(array.count):"
            for element in array {
                guard describe(element, tree: nil, into: &shape) else { return false }
            }
            shape.key += "]"
        case let dictionary as [String: Any]:
            shape.key += "{"
            let referenced = templates.stamping.referencedNames
            for name in dictionary.keys.sorted() where referenced?.contains(name) ?? true {
                shape.key += "k\(name.utf8.count):" + name
                guard describe(dictionary[name]!, tree: tree?.children[name], into: &shape) else { return false }
            }
            shape.key += "}"
        default:
            return false
        }
        return true
    }

    /// The context with each non-literal slot value replaced by its marker.
    private func markedContext(_ context: [String: Any], shape: Shape) -> [String: Any] {
        var marked = context
        for (slot, path) in slots.enumerated() {
            guard case .marker(let suffix) = shape.forms[slot] else { continue }
            Self.set(marker(slot) + suffix, at: path[...], in: &marked)
        }
        return marked
    }

    private static func set(_ value: String, at path: ArraySlice<String>, in context: inout [String: Any]) {
        guard let first = path.first else { return }
        if path.count == 1 { context[first] = value; return }
        var child = context[first] as? [String: Any] ?? [:]
        set(value, at: path.dropFirst(), in: &child)
        context[first] = child
    }

    // MARK: - Stamps

    /// Splits a marked rendering into text and holes; nil if a marker appears in a form other
    /// than raw or HTML-escaped.
    private func split(_ marked: String, slotCount: Int) -> [Piece]? {
        let prefix = markerPrefix
        var pieces: [Piece] = []
        // The ending as Mustache writes it raw, and as the HTML content type escapes it.
        for segment in NumberedMarkers.split(marked, prefix: prefix, endings: [Self.markerEnding, HTMLText.escape(Self.markerEnding)]) {
            switch segment {
            case .text(let text):
                guard !text.contains(prefix) else { return nil }
                pieces.append(.text(text))
            case .marker(let slot, let ending, _):
                guard slot < slotCount else { return nil }
                pieces.append(.value(slot: slot, escaped: ending == 1))
            }
        }
        return pieces
    }

    private static func fill(_ pieces: [Piece], with values: [String]) -> String {
        var capacity = 0
        for piece in pieces {
            switch piece {
            case .text(let text): capacity += text.utf8.count
            case .value(let slot, _): capacity += values[slot].utf8.count + 16
            }
        }
        var output = ""
        output.reserveCapacity(capacity)
        for piece in pieces {
            switch piece {
            case .text(let text): output += text
            case .value(let slot, let escaped): output += escaped ? HTMLText.escape(values[slot]) : values[slot]
            }
        }
        return output
    }
}
