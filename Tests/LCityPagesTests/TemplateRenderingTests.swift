import Foundation
import Mustache
import Testing

import LCityContent
@testable import LCityPages
import LCityTestSupport
import LCityUTF8

/// A row like the site's: texts that need escaping, an optional, a flag, a list and markup.
private struct Row: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        var label: String
    }

    var id: String
    var name: String
    var chart: RenderedHTML
    var flag: String?
    var hasValue: Bool
    var items: [Item]
    var note: String
}

/// What swift-mustache itself renders for a context.
private func direct(_ library: MustacheLibrary, _ name: String, _ context: [String: Any]) -> String {
    let output = library.render(context, withTemplate: name) ?? ""
    return output.hasSuffix("\n") ? String(output.dropLast()) : output
}

private func library(_ templates: [String: String]) throws -> MustacheLibrary {
    _ = HTML.registerContentType
    var library = MustacheLibrary()
    for (name, text) in templates {
        library.register(try MustacheTemplate(string: TemplateSet.contentTypePrefix + text), named: name)
    }
    return library
}

/// The same row as a hand-made dictionary, the way swift-mustache reads it.
private func dictionary(_ row: Row) -> [String: Any] {
    [
        "id": row.id, "name": row.name, "chart": row.chart.text, "flag": row.flag.map { $0 as Any } ?? NSNull(),
        "hasValue": row.hasValue, "items": row.items.map { ["label": $0.label] }, "note": row.note,
    ]
}

private let rowTemplate = """
    <tr id="m-{{id}}"><td>{{name}}</td><td>{{{chart}}}</td>{{#.flag}}<td class="f">{{.}}</td>{{/.flag}}\
    {{^hasValue}}<td>{{t.none}}</td>{{/hasValue}}{{#first(items)}}<ul>{{/first(items)}}{{#items}}<li>{{label}}</li>{{/items}}\
    {{#first(items)}}</ul>{{/first(items)}}{{#empty(note)}}<i>no note</i>{{/empty(note)}}</tr>

    """

/// Rows of every combination of the shape's parts, with texts that need escaping.
private func rows() -> [Row] {
    (0..<48).map { index in
        Row(
            id: "1.\(index)a", name: "Name \"\(index)\" <b>", chart: RenderedHTML(bytes: Array("<svg id=\"c\(index)\"/>".utf8)),
            flag: index % 2 == 0 ? nil : "flag 'x' \(index)", hasValue: index % 4 < 2,
            items: (0..<(index % 3)).map { Row.Item(label: "item <\(index)> & \($0)") },
            note: index % 5 == 0 ? "" : "note \(index)")
    }
}

@Suite("Template encoder")
struct TemplateEncoderTests {
    @Test func contextIsWhatTheViewSays() {
        for row in rows() {
            let context = TemplateEncoder(context: .texts).encode(row)
            #expect(canonical(context) == canonical(dictionary(row)))
        }
    }

    @Test func absentOptionalsArePresentButEmpty() {
        let context = TemplateEncoder(context: .texts).encode(rows()[0])
        #expect(context["flag"] is NSNull)
    }

    @Test func equalShapesExactlyWhenSectionsGoTheSameWay() {
        func shape(_ row: Row) -> [UInt8] {
            let encoder = TemplateEncoder()
            encoder.encode(row)
            return encoder.shape
        }
        var row = rows()[1]
        let base = shape(row)
        row.name = "another name"
        row.items[0].label = "another label"
        #expect(shape(row) == base, "texts are holes, not shape")
        var changed = rows()[1]
        changed.flag = nil
        #expect(shape(changed) != base)
        changed = rows()[1]
        changed.items.append(.init(label: "x"))
        #expect(shape(changed) != base)
        changed = rows()[1]
        changed.note = ""
        #expect(shape(changed) != base)
        changed = rows()[1]
        changed.hasValue.toggle()
        #expect(shape(changed) != base)
    }

    @Test func markersAreNumberedInTheOrderOfTheTexts() {
        let row = rows()[7]
        let encoder = TemplateEncoder(context: .markers)
        let marked = encoder.encode(row)
        #expect(marked["id"] as? String == FragmentRenderer.marker(0))
        #expect(encoder.texts.first?.string == row.id)
        #expect(marked["chart"] as? String == FragmentRenderer.marker(2))
        #expect(encoder.texts.count == 6)
    }
}

@Suite("Fragment renderer")
struct FragmentRendererTests {
    @Test func rendersWhatSwiftMustacheRendersWithFewCompilations() throws {
        let library = try library(["row": rowTemplate])
        let renderer = FragmentRenderer(library: library, template: "row")
        let constants: [String: Any] = ["t": ["none": "n/a & none"]]
        for row in rows() + rows() {
            let expected = direct(library, "row", dictionary(row).merging(constants) { own, _ in own })
            let rendered = renderer.render(row, constants: constants, constantsKey: "en")
            #expect(String(decoding: rendered, as: UTF8.self) == expected)
        }
        // flag (2) × hasValue (2) × items (3) × empty note (2): at most 24 shapes for 96 renders.
        #expect(renderer.shapeCount <= 24)
        #expect(renderer.shapeCount >= 12)
    }

    /// Without the check of new shapes (templates with shape-only transforms), the first context of each shape is
    /// filled like the others, and empty texts still turn their sections off.
    @Test func rendersWhatSwiftMustacheRendersWithoutCheckingNewShapes() throws {
        let template = rowTemplate + "{{^empty(note)}}<b>{{note}}</b>{{/empty(note)}}{{#empty(note)}}<b>none</b>{{/empty(note)}}"
        let library = try library(["row": template])
        let renderer = FragmentRenderer(library: library, template: "row", verifiesNewShapes: false)
        let constants: [String: Any] = ["t": ["none": "n/a & none"]]
        for row in rows() {
            let expected = direct(library, "row", dictionary(row).merging(constants) { own, _ in own })
            #expect(String(decoding: renderer.render(row, constants: constants, constantsKey: "en"), as: UTF8.self) == expected)
        }
    }

    /// Only templates with transforms that may read a text's characters have their new shapes checked.
    @Test func newShapesAreCheckedOnlyForTextTransforms() {
        #expect(TemplateSet.transformNames(in: "{{#first(items)}}<ul>{{/first(items)}}{{#empty(note)}}-{{/empty(note)}}") == ["first", "empty"])
        #expect(TemplateSet.transformNames(in: "<p>{{uppercased(name)}} {{{reversed(title)}}} (not a tag)</p>") == ["uppercased", "reversed"])
        #expect(TemplateSet.transformNames(in: "<p>{{name}} {{t.key}}</p>").isEmpty)
        #expect(TemplateSet.transformNames(in: "{{=<% %>=}}<p><%uppercased(name)%></p>") == ["="])
        #expect(Set(["first", "empty"]).isSubset(of: FragmentRenderer.shapeOnlyTransforms))
        #expect(!["uppercased", "reversed", "sorted"].contains(where: FragmentRenderer.shapeOnlyTransforms.contains))
    }

    @Test func constantsAreKeptApartByTheirKey() throws {
        let library = try library(["row": rowTemplate])
        let renderer = FragmentRenderer(library: library, template: "row")
        let row = rows()[2]
        let english = renderer.render(row, constants: ["t": ["none": "none"]], constantsKey: "en")
        let chinese = renderer.render(row, constants: ["t": ["none": "无"]], constantsKey: "zh")
        #expect(String(decoding: english, as: UTF8.self).contains("<td>none</td>"))
        #expect(String(decoding: chinese, as: UTF8.self).contains("<td>无</td>"))
    }

    private struct Named: Encodable {
        var name: String
        var names: [String]
    }

    /// Templates whose output depends on texts beyond the shape are caught by the check of each new shape and
    /// rendered by swift-mustache from then on.
    @Test(arguments: ["{{uppercased(name)}}", "{{#sorted(names)}}{{.}},{{/sorted(names)}}", "{{reversed(name)}}"])
    func textDependentTemplatesFallBackToSwiftMustache(_ template: String) throws {
        let library = try library(["t": template])
        let renderer = FragmentRenderer(library: library, template: "t")
        for (name, names) in [("abc", ["b", "a", "c"]), ("xyz", ["z", "y", "x"]), ("Mno", ["m", "o", "n"])] {
            let rendered = renderer.render(Named(name: name, names: names), constants: [:], constantsKey: "")
            #expect(String(decoding: rendered, as: UTF8.self) == direct(library, "t", ["name": name, "names": names]))
        }
    }

    private struct Text: Encodable {
        var text: String
    }

    @Test func pagesKeepTheirFinalLineEnd() throws {
        let library = try library(["page": "<p>{{text}}</p>\n"])
        let page = FragmentRenderer(library: library, template: "page", trimsFinalLineEnd: false)
        let row = FragmentRenderer(library: library, template: "page")
        func render(_ renderer: FragmentRenderer, _ text: String) -> String {
            String(decoding: renderer.render(Text(text: text), constants: [:], constantsKey: ""), as: UTF8.self)
        }
        #expect(render(page, "a") == "<p>a</p>\n")
        #expect(render(row, "b") == "<p>b</p>")
        #expect(render(page, "c & d") == "<p>c &amp; d</p>\n")
    }

    /// Texts shown in a fallback language are resolved as they are filled in, each by its place in the markup: a
    /// span in text content, nothing in a tag, the title or an SVG, escapes in a script. The filled page is what
    /// resolving swift-mustache's whole page gives, and holds no mark.
    @Test func marksAreResolvedAsEachTextIsWritten() throws {
        struct Page: Encodable, Sendable {
            var text: String
            var chart: RenderedHTML
        }
        let template = """
            <title>{{text}}</title><p title="{{text}}">{{text}}</p>{{{chart}}}<p>{{{text}}}</p>\
            <script type="application/json">{"t":"{{{text}}}"}</script><svg><text>{{text}}</text></svg><p>{{text}}</p>

            """
        let library = try library(["page": template])
        let marked = LanguageSpans.mark("Male & <female>", language: "en")
        let chart = RenderedHTML(bytes: Array("<svg><title>\(marked)</title></svg><b>\(marked)</b>".utf8))
        let page = Page(text: marked, chart: chart)
        let renderer = FragmentRenderer(library: library, template: "page", trimsFinalLineEnd: false)
        let filled = renderer.render(page, constants: [:], constantsKey: "")
        let expected = LanguageSpans.resolve(Array(renderer.renderDirectly(page, constants: [:]).utf8))
        #expect(String(decoding: filled, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(!LanguageSpans.isMarked(String(decoding: filled, as: UTF8.self).replacingOccurrences(of: "\\uE010", with: "")))
        #expect(String(decoding: filled, as: UTF8.self).contains(#"<p title="Male &amp; &lt;female&gt;"><span lang="en">Male &amp; &lt;female&gt;</span></p>"#))
        #expect(String(decoding: filled, as: UTF8.self).contains(#"<svg><title>Male & <female></title></svg><b><span lang="en">Male & <female></span></b>"#))
        // A second page of the same shape is filled, not rendered: the same again.
        #expect(renderer.render(page, constants: [:], constantsKey: "") == filled)
    }

    /// Every page of the test site, its rows and pagers included, is the same filled from shapes as rendered by
    /// swift-mustache alone.
    @Test func sitePagesEqualSwiftMustacheRendering() throws {
        let site = try TestSite()
        defer { site.remove() }
        let model = SiteModel(content: try #require(site.check().value))
        let templates = try #require(site.templates().value)
        let fragments = Fragments(templates: templates)
        // The site's templates use shape-only transforms: new shapes are not checked, which this test covers.
        #expect(!fragments.verifiesNewShapes)
        let filled = PageBuilder(model: model, fragments: fragments)
        let direct = PageBuilder(model: model, fragments: Fragments(templates: templates, rendersDirectly: true))
        for route in model.routes {
            let page = try #require(filled.render(route))
            #expect(page == direct.render(route), "\(route.outputFile)")
        }
        #expect(model.routes.count >= 50)
    }
}

/// A stable text form: dictionaries with sorted keys, all the way down.
private func canonical(_ value: Any) -> String {
    switch value {
    case let dictionary as [String: Any]:
        return "{" + dictionary.keys.sorted().map { "\($0): \(canonical(dictionary[$0]!))" }.joined(separator: ", ") + "}"
    case let array as [Any]:
        return "[" + array.map(canonical).joined(separator: ", ") + "]"
    default:
        return "\(type(of: value)):\(value)"
    }
}
