/// How a vendor's key page shows a key it no longer reveals: the first characters, a mask, the
/// last characters (`phk_dLK5...J6HMii`). The connect card and the key box show a pasted key in
/// the same shape, so a reader can match it with the list on the key page.
public struct MaskedPreview: Sendable, Hashable {
    /// Characters shown before the mask, the prefix included.
    public let shownStart: Int
    /// Characters shown after the mask.
    public let shownEnd: Int
    /// The mask itself, as the key page writes it: `...`, `…`, `••••`.
    public let mask: String
    /// The example the shape was read from, when it was: `phk_dLK5...J6HMii`.
    public let example: String?

    /// The fewest characters a preview must hide; a shorter key is shown as dots only.
    public static let minimumHidden = 8

    /// Creates a shape.
    public init(shownStart: Int, shownEnd: Int, mask: String, example: String? = nil) {
        self.shownStart = shownStart
        self.shownEnd = shownEnd
        self.mask = mask
        self.example = example
    }

    /// Reads the shape from an example as the key page shows it: `phk_dLK5...J6HMii` shows 8
    /// characters, `...`, then 6. The mask is the example's first `…`, or run of three or more
    /// `.`, `•` or `*`; `field` names the setting in messages.
    public init(example: String, field: String) throws(SetupError) {
        let scalars = Array(example.unicodeScalars)
        guard scalars.allSatisfy({ ($0.value > 0x20 && $0.value < 0x7F) || $0 == "…" || $0 == "•" }) else {
            throw SetupError("\(field) '\(example)' must be the key as the key page shows it: visible ASCII characters with a mask such as ... or •••• (for example sk_live_dLK5...J6HMii)")
        }
        var found: (start: Int, end: Int)?
        var index = 0
        while index < scalars.count, found == nil {
            let scalar = scalars[index]
            if scalar == "…" {
                found = (index, index + 1)
            } else if scalar == "." || scalar == "•" || scalar == "*" {
                var end = index
                while end < scalars.count, scalars[end] == scalar { end += 1 }
                if end - index >= 3 { found = (index, end) } else { index = end - 1 }
            }
            index += 1
        }
        guard let found else {
            throw SetupError("\(field) '\(example)' has no mask; write the key as the key page shows it, with ... (or …, ••••, ****) where characters are hidden, for example sk_live_dLK5...J6HMii")
        }
        guard found.start + (scalars.count - found.end) > 0 else {
            throw SetupError("\(field) '\(example)' shows no characters of the key; a preview shows some at the start or end, for example sk_live_dLK5...J6HMii")
        }
        self.init(shownStart: found.start, shownEnd: scalars.count - found.end, mask: String(String.UnicodeScalarView(scalars[found.start..<found.end])), example: example)
    }

    /// The key in this shape, when that hides at least ``minimumHidden`` characters; otherwise
    /// the key's `prefix` (when it starts with it) and eight dots. The card's `maskKey` is the
    /// same function in JavaScript.
    public func preview(of key: String, prefix: String?) -> String {
        let characters = Array(key.unicodeScalars)
        if characters.count - shownStart - shownEnd >= Self.minimumHidden {
            let start = String(String.UnicodeScalarView(characters[..<shownStart]))
            let end = String(String.UnicodeScalarView(characters[(characters.count - shownEnd)...]))
            return start + mask + end
        }
        let known = prefix.map { key.hasPrefix($0) ? $0 : "" } ?? ""
        return known + String(repeating: "•", count: 8)
    }
}
