import Foundation

/// A template rendered many times with contexts that differ in a few string values (a page's
/// title, body and links), made fast without changing a byte of its output.
///
/// A caller passes the slot values apart from the rest of the context, so nothing has to look
/// for them. For each *shape* of context (the rest of the context, plus whether each slot value
/// is absent, empty, a lone line feed, or ends with a line feed or a carriage return: the only
/// properties of a string value that Mustache's output depends on) the template is rendered once
/// by Mustache with a unique marker in place of each slot value. The markers found in that output, raw or HTML-escaped, split it
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

    /// The part of a context that is not slot values, described once so that the many renders
    /// that share it do not describe it again.
    public struct Variant: @unchecked Sendable {
        /// The context without its slot values.
        let others: [String: Any]
        /// The description of `others` that shapes share, or nil when it cannot be described
        /// (then every render is the ordinary one).
        let key: String?
    }

    /// Describes the part of a context that is not slot values. `others` holds no value at a
    /// slot's key path (a variant that does is rendered the ordinary way).
    public func variant(_ others: [String: Any]) -> Variant {
        var key = ""
        return Variant(others: others, key: describe(others, tree: slotTree, into: &key) ? key : nil)
    }

    /// Renders the template with the context made of `others` and each slot's value (in the
    /// order of `slots`; `nil` leaves the slot out) set at its key path, byte for byte as
    /// ``TemplateSet/render(_:_:)`` would with the constants merged in. `others` holds no value at
    /// a slot's key path (such a context is rendered the ordinary way).
    public func render(_ values: [String?], with others: [String: Any]) throws(SetupError) -> String {
        try render(values, in: variant(others))
    }

    /// Renders the template with a variant's context and these slot values, as
    /// ``render(_:with:)`` does.
    public func render(_ values: [String?], in variant: Variant) throws(SetupError) -> String {
        guard templates.stamping.isAllowed, let shape = shape(of: values, variant: variant) else {
            return try templates.render(name, merged(context(values, variant.others)))
        }
        if let stamp = lock.withLock({ stamps[shape.key] }) {
            if case .pieces(let pieces) = stamp { return Self.fill(pieces, with: shape.holes) }
            return try templates.render(name, merged(context(values, variant.others)))
        }
        let ordinary = try templates.render(name, merged(context(values, variant.others)))
        let marked = try templates.render(name, merged(context(markedValues(values, shape: shape), variant.others)))
        var stamp = Stamp.ordinary
        if let pieces = split(marked, slotCount: slots.count), Self.fill(pieces, with: shape.holes) == ordinary {
            stamp = .pieces(pieces)
        }
        lock.withLock {
            if stamps.count < Self.shapeLimit { stamps[shape.key] = stamp }
        }
        return ordinary
    }

    /// `others` with each given slot value set at its key path.
    private func context(_ values: [String?], _ others: [String: Any]) -> [String: Any] {
        var context = others
        for (slot, path) in slots.enumerated() {
            if let value = values[slot] { Self.set(value, at: path[...], in: &context) }
        }
        return context
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
        var holes: [Substring]
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

    /// The key of a context's shape and its slot values' holes; nil when the variant cannot be
    /// described.
    private func shape(of values: [String?], variant: Variant) -> Shape? {
        guard let others = variant.key else { return nil }
        var shape = Shape(key: others, forms: Array(repeating: .literal, count: slots.count), holes: Array(repeating: "", count: slots.count))
        shape.key += "|"
        for (slot, value) in values.enumerated() {
            guard let value else { shape.key += "A"; continue }
            if value.isEmpty || value == "\n" {
                shape.key += value.isEmpty ? "E" : "N"
                continue
            }
            // Inside an indented partial, Mustache indents what follows a value that ends a line;
            // and a value that ends with a carriage return makes a following line feed part of
            // one `\r\n` character, which does not end a line to that check. So the marker keeps
            // a trailing `\n` (not after `\r`) or `\r` of the value, and the hole takes the rest.
            let bytes = value.utf8
            var suffix = ""
            if bytes.last == 0x0A && bytes.dropLast().last != 0x0D { suffix = "\n" }
            if bytes.last == 0x0D { suffix = "\r" }
            shape.holes[slot] = suffix.isEmpty ? value[...] : value[..<bytes.index(before: value.endIndex)]
            shape.forms[slot] = .marker(suffix: suffix)
            shape.key += suffix == "\n" ? "n" : suffix == "\r" ? "r" : "S"
        }
        return shape
    }

    /// Writes a description of a context value that two values share only if Mustache renders
    /// them alike once slot values are set aside; names no template mentions are left out.
    /// False for a value of another type.
    private func describe(_ value: Any, tree: SlotTree?, into key: inout String) -> Bool {
        // A slot's value belongs in the values, not in the rest of the context.
        if tree?.slot != nil { return false }
        switch value {
        case let string as String:
            key += "s"
            key += String(string.utf8.count)
            key += ":"
            key += string
        case let bool as Bool:
            key += bool ? "T" : "F"
        case let number as Int:
            key += "i"
            key += String(number)
            key += ";"
        case let array as [Any]:
            key += "["
            key += String(array.count)
            key += ":"
            for element in array {
                guard describe(element, tree: nil, into: &key) else { return false }
            }
            key += "]"
        case let dictionary as [String: Any]:
            key += "{"
            let referenced = templates.stamping.referencedNames
            for name in dictionary.keys.sorted() where referenced?.contains(name) ?? true {
                key += "k"
                key += String(name.utf8.count)
                key += ":"
                key += name
                guard describe(dictionary[name]!, tree: tree?.children[name], into: &key) else { return false }
            }
            key += "}"
        default:
            return false
        }
        return true
    }

    /// The slot values with each non-literal one replaced by its marker.
    private func markedValues(_ values: [String?], shape: Shape) -> [String?] {
        var marked = values
        for slot in 0..<slots.count {
            guard case .marker(let suffix) = shape.forms[slot] else { continue }
            marked[slot] = marker(slot) + suffix
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

    private static func fill(_ pieces: [Piece], with values: [Substring]) -> String {
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
            case .value(let slot, let escaped):
                if escaped { output += HTMLText.escape(String(values[slot])) } else { output.append(contentsOf: values[slot]) }
            }
        }
        return output
    }
}
