import Foundation
import PropertyBased
import Testing
@testable import MCPSetup

@Suite("Stamped templates")
struct StampedTemplateTests {
    /// Templates that put slot values everywhere Mustache can: escaped and raw, in sections on
    /// the value, in inverted sections, nested, in an indented partial (where a value that ends
    /// a line changes what follows), in other content types.
    static let sources: [String: String] = [
        "t/page": """
        {{% CONTENT_TYPE: HTML }}
        <title>{{page.title}} · {{site.title}}</title>
        {{#page.description}}<meta content="{{.}}">{{/page.description}}
        {{^page.description}}no description{{/page.description}}
        {{#flag}}
          {{> t/part}}
        {{/flag}}
        <a href="{{root}}x/">{{{root}}}</a>{{#items}}<li>{{name}}</li>{{/items}}
        {{{body}}}{{body}}
        end
        """,
        "t/part": """
        {{% CONTENT_TYPE: HTML }}
        [{{{body}}}]
        {{page.title}}
        {{{root}}}
        tail
        """,
        "t/text": "{{% CONTENT_TYPE: TEXT }}\n{{page.title}}|{{{body}}}|{{root}}\n",
        "t/markdown": "{{% CONTENT_TYPE: MARKDOWN }}\n# {{page.title}}\n\n{{body}} {{{root}}}\n",
    ]
    static let slots = [["page", "title"], ["page", "description"], ["root"], ["body"]]

    /// Values that stress the stamp: empty, line feeds at either end, CRLF, markup, text that
    /// looks like a marker, combining marks, and arbitrary text.
    static let value = Gen<String>.oneOf(
        Gen.element(of: ["", "\n", "\r", "\r\n", "a\n", "\nb", "x\r\n", "y\r", "\n\r", "\n\n", "<&>\"'", "\u{E000}abc-0<\u{E001}", "\u{301}e", "e\u{301}", "{{x}}", "tail\n"]).compactMap { $0 }.eraseToAnySequence(),
        Generators.text.eraseToAnySequence(),
        Generators.text.map { $0 + "\n" }.eraseToAnySequence()
    )

    static func templates(_ extra: [String: String] = [:]) throws -> TemplateSet {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in sources.merging(extra, uniquingKeysWith: { $1 }) {
            let file = folder.appendingPathComponent(name + ".mustache")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return try TemplateSet.load(overridesIn: folder.path)
    }

    /// A context as the stamped template takes it: the slot values (the description left out
    /// when it is empty and the flag is off) and the rest.
    static func parts(_ values: [String], flag: Bool, items: Int) -> (values: [String?], others: [String: Any]) {
        let description: String? = !values[1].isEmpty || flag ? values[1] : nil
        let others: [String: Any] = [
            "page": ["unused": values[2]] as [String: Any], "flag": flag,
            "items": (0..<items).map { ["name": "n\($0)", "unused": values[0]] },
            "unreferenced": values[3] + values[0],
        ]
        return ([values[0], description, values[2], values[3]], others)
    }

    /// The same context whole, as the ordinary render takes it.
    static func context(_ values: [String], flag: Bool, items: Int) -> [String: Any] {
        let (slotValues, others) = parts(values, flag: flag, items: items)
        var context = others
        var page = context["page"] as! [String: Any]
        page["title"] = slotValues[0]
        if let description = slotValues[1] { page["description"] = description }
        context["page"] = page
        context["root"] = slotValues[2]
        context["body"] = slotValues[3]
        return context
    }

    @Test("a stamped render is byte for byte the ordinary render", arguments: ["t/page", "t/text", "t/markdown"])
    func sameBytes(name: String) async throws {
        let templates = try Self.templates()
        let stamped = StampedTemplate(name, in: templates, slots: Self.slots, constants: ["site": ["title": "S&S"]])
        await propertyCheck(count: propertyCaseCount, input: Self.value.array(of: 4), Gen.bool, Gen.int(in: 0...2)) { values, flag, items in
            let expected = try templates.render(name, Self.context(values, flag: flag, items: items).merging(["site": ["title": "S&S"]]) { own, _ in own })
            let (slotValues, others) = Self.parts(values, flag: flag, items: items)
            #expect(try stamped.render(slotValues, with: others) == expected)
            #expect(try stamped.render(slotValues, in: stamped.variant(others)) == expected)
        }
        if name != "t/markdown" {
            // (Markdown escapes the markers in a way the stamp does not read: only shapes whose
            // values are all empty get stamps there.)
            #expect(stamped.stampedShapeCount > 0)
        }
    }

    @Test("numbered markers: found with their number and ending; broken ones stay text")
    func numberedMarkers() {
        let segments = NumberedMarkers.split("a<m12>b<m3]<m>c<m4<m5>", prefix: "<m", endings: [">", "]"])
        #expect(segments == [
            .text("a"), .marker(number: 12, ending: 0, source: "<m12>"), .text("b"),
            .marker(number: 3, ending: 1, source: "<m3]"), .text("<m>c<m4"), .marker(number: 5, ending: 0, source: "<m5>"),
        ])
        #expect(NumberedMarkers.split("", prefix: "<m", endings: [">"]).isEmpty)
        #expect(NumberedMarkers.split("é<m1>€", prefix: "<m", endings: [">"]) == [.text("é"), .marker(number: 1, ending: 0, source: "<m1>"), .text("€")])
    }

    @Test("one stamp serves every context of a shape")
    func shapesAreShared() throws {
        let templates = try Self.templates()
        let stamped = StampedTemplate("t/page", in: templates, slots: Self.slots)
        for index in 0..<200 {
            let (values, others) = Self.parts(["Title \(index)", "About \(index)", "../", "<p>\(index)</p>"], flag: index % 2 == 0, items: 1)
            _ = try stamped.render(values, with: others)
        }
        // Two shapes: the flag on and off; titles, bodies and the unreferenced value do not count.
        #expect(stamped.stampedShapeCount == 2)
    }

    @Test("templates whose output depends on a value's content are not stamped", arguments: [
        "{{% CONTENT_TYPE: HTML }}\n{{uppercased(page.title)}}\n",
        "{{% CONTENT_TYPE: HTML }}\n{{>*root}}\n",
    ])
    func valueDependentTemplates(source: String) throws {
        let templates = try Self.templates(["t/dependent": source, "x": "X", "y": "Y"])
        #expect(!templates.stamping.isAllowed)
        let stamped = StampedTemplate("t/dependent", in: templates, slots: Self.slots)
        for root in ["x", "y"] {
            let (values, others) = Self.parts(["abc", "", root, ""], flag: false, items: 0)
            #expect(try stamped.render(values, with: others) == (try templates.render("t/dependent", Self.context(["abc", "", root, ""], flag: false, items: 0))))
        }
        #expect(stamped.stampedShapeCount == 0)
    }

    @Test("a slot's value among the rest of the context is rendered the ordinary way")
    func slotValueInOthers() throws {
        let templates = try Self.templates()
        let stamped = StampedTemplate("t/page", in: templates, slots: Self.slots)
        for index in 0..<3 {
            // `root` is a slot; here it comes with the rest, so no stamp may be made from it.
            let others: [String: Any] = ["root": "../\(index)/", "flag": false]
            let values: [String?] = ["T", nil, nil, "<b>\(index)</b>"]
            let expected = try templates.render("t/page", ["page": ["title": "T"], "root": "../\(index)/", "flag": false, "body": "<b>\(index)</b>"])
            #expect(try stamped.render(values, with: others) == expected)
        }
        #expect(stamped.stampedShapeCount == 0)
    }
}
