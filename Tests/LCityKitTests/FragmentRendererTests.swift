import Foundation
import Mustache
import Testing

@testable import LCityKit

@Suite("Fragment renderer")
struct FragmentRendererTests {
    static func library(_ templates: [String: String]) throws -> MustacheLibrary {
        _ = HTML.registerContentType
        var library = MustacheLibrary()
        for (name, text) in templates {
            library.register(try MustacheTemplate(string: TemplateSet.contentTypePrefix + text), named: name)
        }
        return library
    }

    /// What swift-mustache itself renders.
    static func direct(_ library: MustacheLibrary, _ name: String, _ context: [String: Any]) -> String {
        let output = library.render(context, withTemplate: name) ?? ""
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    static let row = """
        <tr id="m-{{id}}"><td>{{name}}</td><td>{{{chart}}}</td>{{#.flag}}<td class="f">{{.}}</td>{{/.flag}}\
        {{^hasValue}}<td>{{t.none}}</td>{{/hasValue}}{{#first(items)}}<ul>{{/first(items)}}{{#items}}<li>{{label}}</li>{{/items}}\
        {{#first(items)}}</ul>{{/first(items)}}{{#empty(note)}}<i>no note</i>{{/empty(note)}}</tr>

        """

    /// Contexts of every combination of the shape's parts, with texts that need escaping.
    static func contexts() -> [[String: Any]] {
        var contexts: [[String: Any]] = []
        for index in 0..<48 {
            let items: [[String: Any]] = (0..<(index % 3)).map { ["label": "item <\(index)> & \($0)"] }
            contexts.append([
                "id": "1.\(index)a", "name": "Name \"\(index)\" <b>", "chart": "<svg id=\"c\(index)\"/>",
                "flag": index % 2 == 0 ? NSNull() : "flag 'x' \(index)" as Any, "hasValue": index % 4 < 2,
                "items": items, "note": index % 5 == 0 ? "" : "note \(index)",
            ])
        }
        return contexts
    }

    @Test func rendersWhatSwiftMustacheRendersWithFewCompilations() throws {
        let library = try Self.library(["row": Self.row])
        let renderer = FragmentRenderer(library: library, template: "row")
        for context in Self.contexts() + Self.contexts() {
            let constants: [String: Any] = ["t": ["none": "n/a & none"]]
            let expected = Self.direct(library, "row", context.merging(constants) { own, _ in own })
            #expect(renderer.render(context, constants: constants, constantsKey: "en") == expected)
        }
        // flag (2) × hasValue (2) × items (3) × empty note (2): at most 24 shapes for 96 renders.
        #expect(renderer.shapeCount <= 24)
        #expect(renderer.shapeCount >= 12)
    }

    /// Without the check of new shapes (templates with shape-only transforms), the first context of each shape is
    /// filled like the others, and empty texts still turn their sections off.
    @Test func rendersWhatSwiftMustacheRendersWithoutCheckingNewShapes() throws {
        let library = try Self.library(["row": Self.row + "{{#note}}<b>{{note}}</b>{{/note}}{{^note}}<b>none</b>{{/note}}"])
        let renderer = FragmentRenderer(library: library, template: "row", verifiesNewShapes: false)
        for context in Self.contexts() {
            let constants: [String: Any] = ["t": ["none": "n/a & none"]]
            let expected = Self.direct(library, "row", context.merging(constants) { own, _ in own })
            #expect(renderer.render(context, constants: constants, constantsKey: "en") == expected)
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
        let library = try Self.library(["row": Self.row])
        let renderer = FragmentRenderer(library: library, template: "row")
        let context = Self.contexts()[2]
        let english = renderer.render(context, constants: ["t": ["none": "none"]], constantsKey: "en")
        let chinese = renderer.render(context, constants: ["t": ["none": "无"]], constantsKey: "zh")
        #expect(english.contains("<td>none</td>"))
        #expect(chinese.contains("<td>无</td>"))
    }

    /// Templates whose output depends on texts beyond the shape are caught by the check of each new shape and
    /// rendered by swift-mustache from then on.
    @Test(arguments: ["{{uppercased(name)}}", "{{#sorted(names)}}{{.}},{{/sorted(names)}}", "{{reversed(name)}}"])
    func textDependentTemplatesFallBackToSwiftMustache(_ template: String) throws {
        let library = try Self.library(["t": template])
        let renderer = FragmentRenderer(library: library, template: "t")
        for (name, names) in [("abc", ["b", "a", "c"]), ("xyz", ["z", "y", "x"]), ("Mno", ["m", "o", "n"])] {
            let context: [String: Any] = ["name": name, "names": names]
            #expect(renderer.render(context, constants: [:], constantsKey: "") == Self.direct(library, "t", context))
        }
    }

    @Test func pagesKeepTheirFinalLineEnd() throws {
        let library = try Self.library(["page": "<p>{{text}}</p>\n"])
        let page = FragmentRenderer(library: library, template: "page", trimsFinalLineEnd: false)
        let row = FragmentRenderer(library: library, template: "page")
        #expect(page.render(["text": "a"], constants: [:], constantsKey: "") == "<p>a</p>\n")
        #expect(row.render(["text": "b"], constants: [:], constantsKey: "") == "<p>b</p>")
        #expect(page.render(["text": "c & d"], constants: [:], constantsKey: "") == "<p>c &amp; d</p>\n")
    }

    /// The rows of the real templates, rendered for the test site, equal swift-mustache's own rendering.
    @Test func siteRowsEqualDirectRendering() throws {
        let site = try TestSite()
        defer { site.remove() }
        let model = SiteModel(content: try #require(site.check().value))
        let templates = try #require(site.templates().value)
        let fragments = Fragments(templates: templates)
        // The site's templates use shape-only transforms: new shapes are not checked, which this test covers.
        #expect(!fragments.verifiesNewShapes)
        let builder = PageBuilder(model: model, fragments: fragments)
        var compared = 0
        for language in model.languages {
            let strings: [String: Any] = ["t": model.content.strings[language]!.values]
            for slug in model.cities.map(\.slug) {
                let city = try #require(builder.view(for: Route(.city(slug), language: language)).context as? PageContext<CityView>)
                for area in city.page.areas {
                    let direct = area.rows.map { row in
                        Self.direct(templates.library, "partials/city-measure-row", row.templateContext.merging(strings) { own, _ in own })
                    }
                    #expect(area.renderedRows.text == direct.joined(separator: "\n"))
                    compared += direct.count
                }
            }
            for measure in model.framework.measures.prefix(8) {
                let page = try #require(
                    builder.view(for: Route(.indicator(measure.id), language: language)).context as? PageContext<IndicatorView>)
                let direct = page.page.rows.map { row in
                    Self.direct(templates.library, "partials/indicator-row", row.templateContext.merging(strings) { own, _ in own })
                }
                #expect(page.page.renderedRows == direct.joined(separator: "\n"))
                compared += direct.count
            }
        }
        #expect(compared >= 30)
    }
}

@Suite("Fragment contexts")
struct FragmentContextTests {
    /// The rows' and layouts' own shape descriptions equal the walk of their template dictionaries.
    @Test func rowsDescribeTheirDictionariesExactly() throws {
        let site = try TestSite()
        defer { site.remove() }
        let model = SiteModel(content: try #require(site.check().value))
        let builder = PageBuilder(model: model, fragments: Fragments(templates: try #require(site.templates().value)))
        func check(_ row: some FragmentContext) {
            var own = ShapeWalk()
            row.walk(&own)
            var generic = ShapeWalk()
            generic.visit(row.templateContext)
            #expect(own.shape == generic.shape)
            #expect(own.texts.map(\.string) == generic.texts.map(\.string))
        }
        var checked = 0
        for slug in model.cities.map(\.slug) {
            let city = try #require(builder.view(for: Route(.city(slug), language: "en")).context as? PageContext<CityView>)
            for row in city.page.areas.flatMap(\.rows) {
                check(row)
                checked += 1
            }
            check(city.layout)
            check(city.fragment)
        }
        for measure in model.framework.measures {
            let page = try #require(
                builder.view(for: Route(.indicator(measure.id), language: "zh")).context as? PageContext<IndicatorView>)
            for row in page.page.rows {
                check(row)
                checked += 1
            }
            check(page.layout)
        }
        // Layouts with and without breadcrumbs, notices and navigation.
        for route in model.routes {
            guard let context = builder.view(for: route).context as? AnyPageContext else { continue }
            check(context.fragment.layout)
            check(context.fragment)
        }
        #expect(checked >= 15)
    }
}
