/// Slugs: lowercase ASCII letters and digits, every other run of characters one `-`, none at
/// the ends (`Acme Server!` → `acme-server`). Server names and heading anchors use them.
public enum Slug {
    /// The slug of a text; empty when the text has no ASCII letter or digit.
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug
    }
}
