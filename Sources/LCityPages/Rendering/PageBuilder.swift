import Foundation
import LCityContent
import LCityUTF8

/// Builds the typed view of every page: the one place where the model becomes template data.
public struct PageBuilder: Sendable {
    public private(set) var model: SiteModel
    let localizers: [String: Localizer]
    /// URL path of the site root on the host (`/` or `/sub/`), for pages served at any depth (404).
    let basePath: String
    /// Per language, then measure id: the texts every page shows the same, made once per build.
    private(set) var measureTexts: [String: [String: MeasureTexts]] = [:]
    /// Per language, each city's name, country and profile path, in the order of `SiteModel.cities`.
    let cityLabels: [String: [CityLabel]]
    /// Per language, the date of the data's release (`release.date`) written in full, formatted once: every printed
    /// profile states it.
    let dataDates: [String: String]
    /// Per language, "how to cite" the data (`Citation`), made once: every page that shows data has it.
    let citeViews: [String: CiteView]
    /// Renders the rows of the city profiles' and the indicator pages' tables and the pagers
    /// (`templates/partials/*.mustache`): tens of thousands of rows of a few dozen shapes.
    let fragments: Fragments

    /// Creates a builder for `model`, rendering table rows with `fragments`.
    public init(model: SiteModel, fragments: Fragments) {
        self.model = model
        self.fragments = fragments
        var localizers: [String: Localizer] = [:]
        for language in model.languages {
            let strings = model.content.strings[language] ?? Strings(language: language, values: [:], file: "", locations: [:])
            localizers[language] = strings.localizer(fallbacks: model.config.fallbacks(for: language))
        }
        self.localizers = localizers
        basePath = model.basePath
        dataDates = model.config.release.map { release in localizers.mapValues { $0.date(release.date) } } ?? [:]
        citeViews = localizers.mapValues { l in CiteView(Citation(model: model, l: l), licenceLabel: l[.citeLicence]) }
        var cityLabels: [String: [CityLabel]] = [:]
        for language in model.languages {
            let l = localizers[language]!
            cityLabels[language] = model.cities.map { city in
                CityLabel(
                    name: l.text(city.name),
                    country: Self.countryName(city.country.value, in: model, l),
                    path: Route.path(.city(city.slug), language: language))
            }
        }
        self.cityLabels = cityLabels
        var measureTexts: [String: [String: MeasureTexts]] = [:]
        for language in model.languages {
            let scope = PageScope(builder: self, route: Route(.home, language: language), l: localizers[language]!)
            measureTexts[language] = Dictionary(
                uniqueKeysWithValues: model.framework.measures.map { ($0.id, scope.measureTexts($0)) })
        }
        self.measureTexts = measureTexts
    }

    /// This builder for `model`, which differs from this builder's model in one city's data only — the same
    /// cities with the same names, countries and regions, the same languages and strings, as in an incremental
    /// rebuild: the texts of `changedMeasures` are made again, everything else is kept.
    public func replacing(model: SiteModel, changedMeasures: [String]) -> PageBuilder {
        var builder = self
        builder.model = model
        for language in model.languages {
            let scope = PageScope(builder: builder, route: Route(.home, language: language), l: localizers[language]!)
            for id in changedMeasures {
                guard let measure = model.index.measures[id] else { continue }
                builder.measureTexts[language]?[id] = scope.measureTexts(measure)
            }
        }
        return builder
    }

    /// The name of the country with `code` in `l`'s language (the code itself for an unknown country).
    static func countryName(_ code: String, in model: SiteModel, _ l: Localizer) -> String {
        model.content.geography.countries[code].map { l.text($0.name) } ?? code
    }

    /// The template that renders pages of `kind`.
    public static func template(for kind: PageKind) -> String {
        switch kind {
        case .chooser: return "pages/chooser"
        case .notFound: return "pages/not-found"
        case .home: return "pages/home"
        case .declaration: return "pages/declaration"
        case .framework: return "pages/framework"
        case .focusArea: return "pages/focus-area"
        case .indicators: return "pages/indicators"
        case .indicator: return "pages/indicator"
        case .cities, .regions, .region, .country: return "pages/city-list"
        case .city: return "pages/city"
        case .compare: return "pages/compare"
        case .search: return "pages/search"
        case .changes: return "pages/changes"
        case .data: return "pages/data"
        case .page: return "pages/page"
        }
    }

    /// The page of `route`: its view made from the model and filled into its template, as UTF-8 (nil when the
    /// template set has no template for it).
    public func render(_ route: Route) -> [UInt8]? {
        let language = route.language ?? model.config.defaultLanguage
        let page = PageScope(builder: self, route: route, l: localizers[language]!)
        switch route.kind {
        case .chooser: return page.render(page.chooser())
        case .notFound: return page.render(page.notFound())
        case .home: return page.render(page.home())
        case .declaration: return page.render(page.declaration())
        case .framework: return page.render(page.frameworkPage())
        case .focusArea(let id): return page.render(page.focusArea(id))
        case .indicators: return page.render(page.indicators())
        case .indicator(let id, let number): return page.render(page.indicator(id, page: number))
        case .cities: return page.render(page.cities())
        case .city(let slug): return page.render(page.city(slug))
        case .regions: return page.render(page.regions())
        case .region(let id, let number): return page.render(page.region(id, page: number))
        case .country(let code, let number): return page.render(page.country(code, page: number))
        case .compare: return page.render(page.compare())
        case .search: return page.render(page.search())
        case .changes(let number): return page.render(page.changes(page: number))
        case .data: return page.render(page.dataPage())
        case .page(let name): return page.render(page.markdownPage(name))
        }
    }
}

/// What lists and tables show of a city in one language, made once per build: an indicator's table names a
/// thousand cities over its pages, and reading each name, country and link from the model would go through a
/// chain of objects scattered in memory for every row.
struct CityLabel: Sendable {
    let name: String
    let country: String
    /// The path of the city's profile below the site root.
    let path: String
}

/// Everything needed while building one page: the route, its language and link helpers.
struct PageScope {
    let builder: PageBuilder
    let route: Route
    let l: Localizer
    /// Relative (or, on 404 pages, host-absolute) prefix to the site root.
    let root: String
    /// `PageBuilder.cityLabels` of this page's language.
    let cityLabels: [CityLabel]

    init(builder: PageBuilder, route: Route, l: Localizer) {
        self.builder = builder
        self.route = route
        self.l = l
        root = route.kind == .notFound ? builder.basePath : route.relativeRoot
        cityLabels = builder.cityLabels[l.language] ?? []
    }

    var model: SiteModel { builder.model }
    var language: String { l.language }
    var framework: Framework { model.framework }

    /// What fragments (rows, pagers) and pages see besides their own fields: the UI strings (`{{t.key}}`), one set
    /// per language.
    var fragmentConstants: [String: Any] { ["t": l.strings.values] }

    /// `context` filled into the template of this page's kind, through the template's `FragmentRenderer` (every
    /// kind of page: one rendering path).
    func render(_ context: PageContext<some Encodable & Sendable>) -> [UInt8]? {
        guard let renderer = builder.fragments.page(PageBuilder.template(for: route.kind)) else { return nil }
        // Texts shown in a fallback language became spans with their `lang` as they were written (`FilledTemplate`).
        return renderer.render(context, constants: fragmentConstants, constantsKey: language)
    }

    /// A table's rows rendered by `renderer` (each with its own fields and the UI strings), joined by line ends: one
    /// text for the page template, so that pages with more or fewer rows keep the same shape.
    func renderRows(_ rows: [some Encodable], with renderer: FragmentRenderer) -> RenderedHTML {
        var output: [UInt8] = []
        let constants = fragmentConstants
        let encoder = TemplateEncoder(prefix: language)
        for (index, row) in rows.enumerated() {
            if index > 0 {
                output.append(UInt8(ascii: "\n"))
                encoder.reset(prefix: language)
            }
            renderer.render(row, constants: constants, encoder: encoder, into: &output)
        }
        return RenderedHTML(bytes: output)
    }

    /// The texts of `measure` in this page's language that do not depend on the page.
    func texts(_ measure: Measure) -> MeasureTexts {
        builder.measureTexts[language]?[measure.id] ?? measureTexts(measure)
    }

    /// A link to `kind` in this page's language.
    func href(_ kind: PageKind, language: String? = nil, fragment: String? = nil) -> String {
        let path = Route.path(kind, language: language ?? self.language)
        let base = root + path
        let target = base.isEmpty ? "./" : base
        return fragment.map { "\(target)#\($0)" } ?? target
    }

    /// A link to a file below the site root (downloads, assets).
    func file(_ path: String) -> String { root + path }

    /// Absolute URL of a site path.
    func absolute(_ path: String) -> String { model.baseURL + path }

    /// Turns the markers that Markdown rendering left on site-absolute links into relative links.
    func resolveRootMarkers(_ html: String) -> String {
        html.replacing(SiteModel.rootMarker, with: root)
    }

    // MARK: Layout

    func layout(
        title: String, description: String, breadcrumbs: [Link] = [], current: PageKind? = nil,
        showsData: Bool = false, translated: Bool = false, ogType: String = "website"
    ) -> LayoutView {
        let siteTitle = l.text(model.config.title)
        var alternates: [AlternateView] = []
        var switcher: [LanguageView] = []
        let neutral = route.language == nil
        for other in model.languages {
            let path = Route.path(route.kind, language: neutral ? nil : other)
            if !neutral {
                alternates.append(AlternateView(hreflang: other, href: absolute(path)))
            }
            let otherStrings = builder.localizers[other]!
            switcher.append(
                LanguageView(
                    label: otherStrings[.siteLanguageName], lang: other,
                    href: neutral ? href(.home, language: other) : root + (path.isEmpty ? "./" : path),
                    current: !neutral && other == language))
        }
        if !neutral {
            alternates.append(
                AlternateView(hreflang: "x-default", href: absolute(Route.path(route.kind, language: model.config.defaultLanguage))))
        }
        let navKinds: [PageKind] = [.home, .declaration, .framework, .indicators, .cities, .compare, .page("about")]
        let nav = navKinds.filter { kind -> Bool in
            if case .page(let name) = kind { return model.pages[name] != nil }
            return true
        }.map { kind in
            Link(label: navLabel(kind), href: href(kind), current: kind == (current ?? route.kind))
        }
        var crumbs = breadcrumbs
        if route.kind != .home && !neutral {
            crumbs.insert(Link(label: l[.breadcrumbHome], href: href(.home)), at: 0)
            crumbs.append(Link(label: title, href: "", current: true))
        }
        let source = model.config.source
        // The formatted line, cut where the title goes.
        let marker = "\u{0}"
        let line = l.format(.footerSource, ["title": marker, "publisher": l.text(source.publisher), "year": String(source.year)])
        let pieces = line.components(separatedBy: marker)
        let sourceLine = (before: pieces.first ?? "", after: pieces.count > 1 ? pieces[1] : "")
        return LayoutView(
            lang: language, dir: l[.siteDirection] == "rtl" ? "rtl" : "ltr", root: root,
            title: title,
            documentTitle: title == siteTitle ? siteTitle : "\(title) — \(siteTitle)",
            description: description.isEmpty ? l.text(model.config.tagline) : description,
            siteTitle: siteTitle,
            canonical: absolute(route.path),
            ogLocale: l[.siteOgLocale],
            ogType: ogType,
            alternates: alternates, languages: switcher, nav: neutral ? [] : nav,
            breadcrumbs: crumbs.count > 1 ? crumbs : [],
            homeHref: neutral && route.kind == .chooser ? "./" : href(.home),
            search: neutral
                ? nil
                : SearchBoxView(
                    action: href(.search), index: href(.search), root: root.isEmpty ? "./" : root,
                    script: file("assets/search.js")),
            sourceBefore: sourceLine.before, sourceTitle: l.text(source.title), sourceAfter: sourceLine.after,
            licence: source.licence, licenceURL: source.licenceURL,
            aboutHref: href(.page("about")),
            disclaimer: showsData ? l.text(model.config.dataDisclaimer) : nil,
            // Said in the footer only while it is true of every city; an illustrative city's page says it anyway.
            allIllustrative: showsData && model.allIllustrative
                ? l[.noticeAllIllustrative] : nil,
            translationNotice: translated && language != model.config.defaultLanguage ? l[.noticeUnofficialTranslation] : nil,
            partialNotice: model.config.partialLanguages.contains(language) ? l[.noticePartialTranslation] : nil)
    }

    func navLabel(_ kind: PageKind) -> String {
        switch kind {
        case .home: return l[.pageHome]
        case .declaration: return l[.pageDeclaration]
        case .framework: return l[.pageFramework]
        case .indicators: return l[.pageIndicators]
        case .cities: return l[.pageCities]
        case .regions: return l[.pageRegions]
        case .compare: return l[.pageCompare]
        case .page(let name): return renderedPage(name)?.page.title ?? name
        default: return ""
        }
    }

    /// The context of a page: layout, page view and the UI strings.
    func context<Page: Encodable & Sendable>(_ layout: LayoutView, _ page: Page) -> PageContext<Page> {
        PageContext(layout: layout, page: page)
    }

    // MARK: Shared pieces

    /// A Markdown page in this language, else in the first fallback language that has it.
    func renderedPage(_ name: String) -> RenderedPage? {
        ([language] + l.fallbacks).lazy.compactMap { model.pages[name]?[$0] }.first
    }

    /// The language a page is shown in when it falls back from this page's language, else nil (a `lang` attribute
    /// for its container).
    func fallbackLanguage(of page: RenderedPage?) -> String? {
        page.flatMap { $0.page.language == language ? nil : $0.page.language }
    }

    /// `text` marked as being in `language` when that is another language than the page's (`LanguageSpans`).
    func marked(_ text: String, _ language: String?) -> String {
        language.map { LanguageSpans.mark(text, language: $0) } ?? text
    }

    func measureLabel(_ measure: Measure) -> String { "\(measure.id) \(l.text(measure.name))" }

    func focusAreaLabel(_ area: FocusArea) -> String { "\(area.id) \(l.text(area.name))" }

    func group(of area: FocusArea) -> FrameworkGroup? {
        framework.groups.first { $0.focusAreas.contains { $0.id == area.id } }
    }

    func focusArea(of measure: Measure) -> (FocusArea, KeyFeature)? {
        for area in framework.focusAreas {
            for feature in area.keyFeatures where feature.measures.contains(where: { $0.id == measure.id }) {
                return (area, feature)
            }
        }
        return nil
    }

    /// A city's display name in this language.
    func cityName(_ city: City) -> String { l.text(city.name) }

    func countryName(_ code: String) -> String { PageBuilder.countryName(code, in: model, l) }

    func regionName(_ id: String) -> String {
        model.content.geography.region(id).map { l.text($0.name) } ?? id
    }

    /// The unit's suffix for tables ("%", "per 100,000"), or the rating scale's name.
    func unitLabel(_ measure: Measure) -> String {
        guard let unit = framework.unit(measure.unitID) else { return measure.unitID }
        if unit.kind == .rating { return l[.unitRating] }
        return l.text(unit.symbol)
    }

    /// A value formatted for its measure: fixed decimals, `%` for percentages, the level name for ratings.
    func formatValue(_ value: Double, _ measure: Measure) -> String {
        guard let unit = framework.unit(measure.unitID) else { return NumberFormatting.format(value, decimals: 1) }
        if unit.kind == .rating {
            let level = framework.ratingScale.first { Double($0.value) == value }
            return l.format(.ratingValue, ["value": NumberFormatting.format(value, decimals: 0), "name": l.text(level?.name)])
        }
        return NumberFormatting.format(value, decimals: unit.decimals) + valueSuffix(unit, withUnit: false)
    }

    /// A value with its unit written out ("12.5 per 100,000"), for sentences and city profiles.
    func formatValueWithUnit(_ value: Double, _ measure: Measure) -> String {
        guard let unit = framework.unit(measure.unitID), unit.kind != .rating else { return formatValue(value, measure) }
        return NumberFormatting.format(value, decimals: unit.decimals) + valueSuffix(unit, withUnit: true)
    }

    /// What follows a number of `unit`: `%` for percentages; with `withUnit`, otherwise a space and the unit's
    /// symbol ("per 100,000"), if it has one. The comparison page writes numbers the same way from this suffix.
    func valueSuffix(_ unit: MeasureUnit, withUnit: Bool) -> String {
        if unit.id == "percent" { return "%" }
        guard withUnit else { return "" }
        let symbol = l.text(unit.symbol)
        // "24.1 per 100,000", but "635.4每10万人": Chinese sets no space between a number and a Chinese unit.
        let isChinese = symbol.unicodeScalars.first?.properties.isIdeographic ?? false
        return symbol.isEmpty ? "" : isChinese ? symbol : " " + symbol
    }
}
