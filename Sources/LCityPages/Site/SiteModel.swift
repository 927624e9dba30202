import Foundation
import LCityContent
import LCityMarkdown

/// The whole site as data: validated content plus everything derived once (statistics, rendered Markdown, routes).
public struct SiteModel: Sendable {
    public private(set) var content: LoadedContent
    public let index: MeasureIndex
    /// Cities sorted by slug (stable order for every list and download).
    public private(set) var cities: [City]
    /// Cities by slug.
    private(set) var citiesBySlug: [String: City]
    /// Cities of each country and of each region, in slug order (peers, lists, page counts).
    public private(set) var citiesByCountry: [String: [City]] = [:]
    public private(set) var citiesByRegion: [String: [City]] = [:]
    /// Whether every city is illustrative (the footer of data pages then says so), computed once.
    public private(set) var allIllustrative: Bool
    /// Whether the network has a real city: then illustrative cities stay out of everything computed across cities
    /// (statistics, indicator tables and charts, similar cities). Computed once.
    public private(set) var hasRealCities: Bool
    /// How many cities enter the statistics: the real ones, or all while every city is illustrative.
    public private(set) var countedCityCount: Int
    /// Network statistics per measure id, computed once.
    public private(set) var statistics: [String: MeasureStatistics]
    /// Each city's change between its first and latest reported year, per measure in framework order (nil where it
    /// reports fewer than two years); cities without any change are absent. Computed once: profiles, their "learn
    /// from" and the measures' progress sections all read it.
    private var changesBySlug: [String: [SeriesChange?]] = [:]
    /// Each measure's position in `framework.measures`.
    private let measurePositions: [String: Int]
    /// Each city's similar cities with their reasons, by slug, best first (`PeerFinder`), computed once.
    public private(set) var peers: [String: [Peer]] = [:]
    /// What the peers were chosen from, kept to redo only what an edit of one city changes.
    private var peerFinder: PeerFinder
    /// For each language and measure: positions in `statistics[id].values` in alphabetical order of city name
    /// (the order of indicator tables), computed once.
    public private(set) var tableOrder: [String: [String: [Int]]] = [:]
    /// For each language: every city's place when all are sorted by name (then slug), sorted once for the tables
    /// of all measures. Names do not change in an incremental rebuild (a renamed city rebuilds the whole site).
    private var nameRanks: [String: [String: Int]] = [:]
    /// What changed since the previous release (`content/releases/`), per city; nil when there is none to compare
    /// with. Computed once, and for the edited city alone in an incremental rebuild.
    public private(set) var releaseChanges: ReleaseComparison?
    /// For each language: the slugs of the cities `releaseChanges` holds, in the order of their names (a city no
    /// longer in the data by the name its last release gave it): the order of the changes pages.
    public private(set) var changedCities: [String: [String]] = [:]
    /// For each language: each city's position in `changedCities`.
    private var changedCityPositions: [String: [String: Int]] = [:]
    /// Every page of the site, in a fixed order, laid out once (`makeRoutes`).
    public private(set) var routes: [Route] = []
    /// Markdown pages by name, then language.
    public let pages: [String: [String: RenderedPage]]
    /// City descriptions by slug, then language.
    public private(set) var cityDescriptions: [String: [String: String]]
    /// Overrides the configured base URL (`--base-url`).
    public let baseURL: String

    public var config: SiteConfig { content.config }
    public var framework: Framework { content.framework }
    public var languages: [String] { content.config.languages }

    /// Builds the model from validated content.
    public init(content: LoadedContent, baseURL: String? = nil) {
        self.content = content
        self.index = MeasureIndex(content.framework)
        self.measurePositions = Dictionary(
            content.framework.measures.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.cities = content.cities.sorted { $0.slug < $1.slug }
        self.citiesBySlug = Dictionary(cities.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        self.citiesByCountry = Dictionary(grouping: cities, by: \.country.value)
        self.citiesByRegion = Dictionary(grouping: cities, by: \.region.value)
        self.allIllustrative = !cities.isEmpty && cities.allSatisfy(\.illustrative)
        let hasRealCities = cities.contains { !$0.illustrative }
        self.hasRealCities = hasRealCities
        self.countedCityCount = hasRealCities ? cities.count { !$0.illustrative } : cities.count
        var base = baseURL ?? content.config.baseURL
        if !base.hasSuffix("/") { base += "/" }
        self.baseURL = base

        let measures = content.framework.measures
        let cities = self.cities
        let computed = parallelMap(measures) {
            MeasureStatistics(measure: $0, framework: content.framework, cities: cities, realOnly: hasRealCities)
        }
        self.statistics = Dictionary(uniqueKeysWithValues: zip(measures.map(\.id), computed))
        let changes = parallelMap(cities) { SiteModel.changes(of: $0, framework: content.framework) }
        for (city, changes) in zip(cities, changes) where changes != nil { changesBySlug[city.slug] = changes }
        self.peerFinder = PeerFinder(cities: cities, framework: content.framework, statistics: statistics)
        self.peers = peerFinder.peers()

        var pages: [String: [String: RenderedPage]] = [:]
        for page in content.pages {
            pages[page.name, default: [:]][page.language] = RenderedPage(page: page, markdown: SiteModel.renderMarkdown(of: page))
        }
        self.pages = pages

        let descriptions = parallelMap(cities) { SiteModel.renderDescription($0, config: content.config) }
        self.cityDescriptions = Dictionary(uniqueKeysWithValues: zip(cities.map(\.slug), descriptions).compactMap { slug, rendered in
            rendered.map { (slug, $0) }
        })
        for language in content.config.languages {
            let fallbacks = content.config.fallbacks(for: language)
            let named = cities.map { (name: $0.name.text(in: language, fallbacks: fallbacks), slug: $0.slug) }
            let collation = Locale(identifier: language)
            let sorted = named.sorted { Self.namesAscending($0, $1, in: collation) }
            nameRanks[language] = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.slug, $0) })
        }
        let model = self
        let orders = parallelMap(measures) { model.tableOrders($0.id) }
        for (measure, order) in zip(measures, orders) {
            for (language, positions) in order { tableOrder[language, default: [:]][measure.id] = positions }
        }
        if let previous = content.previousRelease {
            let current = ReleaseData(version: content.config.release?.version ?? "", cities: cities)
            releaseChanges = ReleaseComparison(from: previous, to: current, framework: content.framework)
            for language in languages {
                let collation = Locale(identifier: language)
                let named = releaseChanges!.cities.map { (name: changedCityName($0.slug, language: language), slug: $0.slug) }
                setChangedCities(named.sorted { Self.namesAscending($0, $1, in: collation) }.map(\.slug), language: language)
            }
        }
        routes = makeRoutes()
    }

    /// The position of measure `id` in the framework's order.
    func measurePosition(_ id: String) -> Int? { measurePositions[id] }

    /// `releaseChanges` with the changes of `city` made again (it keeps its place in slug order).
    mutating func updateReleaseChanges(of city: City) {
        guard var comparison = releaseChanges, let previous = content.previousRelease else { return }
        let order = ReleaseComparison.orders(framework)
        comparison.cities.removeAll { $0.slug == city.slug }
        if let changes = CityChanges.compare(
            previous.cities[city.slug], ReleasedCity(city), measureOrder: order.measures, categoryOrder: order.categories)
        {
            let position = comparison.cities.firstIndex { $0.slug > city.slug } ?? comparison.cities.endIndex
            comparison.cities.insert(changes, at: position)
        }
        releaseChanges = comparison
        // The city's place in the changes pages' order, found again by bisection.
        for language in languages {
            var order = changedCities[language, default: []]
            order.removeAll { $0 == city.slug }
            if comparison.city(city.slug) != nil {
                let collation = Locale(identifier: language)
                let entry = (name: changedCityName(city.slug, language: language), slug: city.slug)
                var (low, high) = (0, order.count)
                while low < high {
                    let middle = (low + high) / 2
                    let other = (name: changedCityName(order[middle], language: language), slug: order[middle])
                    if Self.namesAscending(other, entry, in: collation) { low = middle + 1 } else { high = middle }
                }
                order.insert(city.slug, at: low)
            }
            setChangedCities(order, language: language)
        }
    }

    private mutating func setChangedCities(_ slugs: [String], language: String) {
        changedCities[language] = slugs
        changedCityPositions[language] = Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, $0) })
    }

    /// A changed city's name in `language`: its current one, or for a city no longer in the data the one its last
    /// release gave it.
    public func changedCityName(_ slug: String, language: String) -> String {
        let fallbacks = config.fallbacks(for: language)
        if let city = citiesBySlug[slug] { return city.name.text(in: language, fallbacks: fallbacks) }
        return releaseChanges?.city(slug)?.name(in: language, fallbacks: fallbacks) ?? slug
    }

    /// The changes page (1-based) that lists city `slug` in `language`; nil when this release did not change it.
    public func changesPage(of slug: String, language: String) -> Int? {
        changedCityPositions[language]?[slug].map { $0 / Paging.changedCities + 1 }
    }

    /// Whether city `a` comes before `b` in an alphabetical list in the language of `collation`: that language's
    /// own order (pinyin for Chinese; for English, letters before accents and case), then the slug.
    static func namesAscending(_ a: (name: String, slug: String), _ b: (name: String, slug: String), in collation: Locale) -> Bool {
        switch a.name.compare(b.name, options: [.caseInsensitive], range: nil, locale: collation) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return a.slug < b.slug
        }
    }

    /// A Markdown page's body as HTML: site-absolute links marked (`rewriteURL`), and on the declaration the anchors
    /// its links point at (`declarationHeadingID`).
    package static func renderMarkdown(of page: ContentPage) -> RenderedMarkdown {
        let options: Markdown.Options
        if page.name == "declaration" {
            options = Markdown.Options(headingID: SiteModel.declarationHeadingID, rewriteURL: SiteModel.rewriteURL)
        } else {
            options = Markdown.Options(rewriteURL: SiteModel.rewriteURL)
        }
        return Markdown.render(page.body, options: options)
    }

    /// Site-absolute links in Markdown (`/data/all.csv`) are marked so pages can make them relative.
    @Sendable static func rewriteURL(_ url: String) -> String {
        url.hasPrefix("/") && !url.hasPrefix("//") ? SiteModel.rootMarker + url.dropFirst() : url
    }

    /// Placeholder for the page's relative root in rendered Markdown, replaced per page.
    static let rootMarker = "lcity-root:"

    /// Declaration anchors: `preamble`, `commitments`, `commitment-N`, `call-to-action`.
    @Sendable static func declarationHeadingID(level: Int, text: String) -> String? {
        if level == 3, let number = Int(text.prefix { $0.isNumber }) { return "commitment-\(number)" }
        if level == 2 {
            switch text.trimmingCharacters(in: .whitespaces) {
            case "前言", "Preamble": return "preamble"
            case "承诺", "Commitments": return "commitments"
            case "行动呼吁", "Call to action": return "call-to-action"
            default: return nil
            }
        }
        return nil
    }

    /// The URL path of the site root on its host (`/`, or `/sub/` for a base URL with a path).
    public var basePath: String {
        guard let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }

    /// The model with one city's data replaced: statistics are recomputed only for the measures whose values that
    /// city changes, Markdown only for its description. For incremental rebuilds.
    public func replacing(_ city: City) -> (model: SiteModel, changedMeasures: [String]) {
        var model = self
        guard let position = model.cities.firstIndex(where: { $0.slug == city.slug }) else { return (self, []) }
        let old = model.cities[position]
        model.cities[position] = city
        model.citiesBySlug[city.slug] = city
        // Identity (country, region) is unchanged in an incremental step; the city's data is.
        if let index = model.citiesByCountry[city.country.value]?.firstIndex(where: { $0.slug == city.slug }) {
            model.citiesByCountry[city.country.value]![index] = city
        }
        if let index = model.citiesByRegion[city.region.value]?.firstIndex(where: { $0.slug == city.slug }) {
            model.citiesByRegion[city.region.value]![index] = city
        }
        if let index = model.content.cities.firstIndex(where: { $0.slug == city.slug }) {
            model.content.cities[index] = city
        }
        // The city's illustrative flag is unchanged in an incremental step (a change rebuilds all), and so are these.
        model.allIllustrative = model.cities.allSatisfy(\.illustrative)
        var changed: [String] = []
        for measure in framework.measures {
            let before = old.series(for: measure.id), after = city.series(for: measure.id)
            let same = before.map { before in after.map { before.hasSameData(as: $0) } ?? false } ?? (after == nil)
            if !same {
                changed.append(measure.id)
                model.statistics[measure.id] = MeasureStatistics(
                    measure: measure, framework: framework, cities: model.cities, realOnly: hasRealCities)
                model.updateTableOrder(measure.id)
            }
        }
        model.changesBySlug[city.slug] = SiteModel.changes(of: city, framework: framework)
        model.updateReleaseChanges(of: city)
        // Peers read every city's population, income, coverage and values, and the network's ranges.
        let finder = peerFinder.replacing(city, at: position, framework: framework, statistics: model.statistics)
        model.peers = finder.peers(updating: peers, from: peerFinder, changedCity: position)
        model.peerFinder = finder
        model.cityDescriptions[city.slug] = SiteModel.renderDescription(city, config: content.config)
        // A measure's table may have gained or lost a page.
        if !changed.isEmpty { model.routes = model.makeRoutes() }
        return (model, changed)
    }

    /// Sorts one measure's reporting cities by name, per language.
    mutating func updateTableOrder(_ id: String) {
        for (language, positions) in tableOrders(id) { tableOrder[language, default: [:]][id] = positions }
    }

    /// One measure's reporting cities (positions in `statistics[id].values`) sorted by name, per language.
    func tableOrders(_ id: String) -> [String: [Int]] {
        guard let values = statistics[id]?.values else { return [:] }
        var orders: [String: [Int]] = [:]
        for language in content.config.languages {
            let ranks = nameRanks[language] ?? [:]
            let places = values.map { ranks[$0.slug] ?? .max }
            orders[language] = values.indices.sorted {
                places[$0] != places[$1] ? places[$0] < places[$1] : values[$0].slug < values[$1].slug
            }
        }
        return orders
    }

    static func renderDescription(_ city: City, config: SiteConfig) -> [String: String]? {
        guard let description = city.description else { return nil }
        var rendered: [String: String] = [:]
        for language in config.languages {
            let text = description.text(in: language, fallbacks: config.fallbacks(for: language))
            rendered[language] = Markdown.render(text, options: Markdown.Options(rewriteURL: SiteModel.rewriteURL, headingOffset: 2)).html
        }
        return rendered
    }

    /// The city with `slug`.
    public func city(_ slug: String) -> City? { citiesBySlug[slug] }

    /// Whether `city` enters what is computed across cities: every real city, and every city while all are
    /// illustrative.
    public func entersStatistics(_ city: City) -> Bool { !hasRealCities || !city.illustrative }

    /// The place of city `slug` when all are sorted by name in `language` (that language's own order, then slug).
    public func nameRank(_ slug: String, language: String) -> Int { nameRanks[language]?[slug] ?? .max }

    /// The change of city `slug` in measure `measureID` between its first and latest reported year.
    public func change(_ slug: String, _ measureID: String) -> SeriesChange? {
        guard let changes = changesBySlug[slug], let position = measurePositions[measureID] else { return nil }
        return changes[position]
    }

    /// A city's changes per measure in framework order, or nil when it reports no measure over two years.
    static func changes(of city: City, framework: Framework) -> [SeriesChange?]? {
        let changes = framework.measures.map { measure in
            city.series(for: measure.id).flatMap {
                SeriesChange($0, totalCategory: measure.breakdownID.flatMap(framework.breakdown)?.totalCategory)
            }
        }
        return changes.contains { $0 != nil } ? changes : nil
    }

    /// The focus area that corresponds to declaration commitment `number`.
    public func focusArea(commitment number: Int) -> FocusArea? {
        framework.focusAreas.first { $0.commitment == number }
    }
}

/// A Markdown page with its rendered HTML.
public struct RenderedPage: Sendable {
    public var page: ContentPage
    public var markdown: RenderedMarkdown
}

/// One city's latest reported observation of a measure.
public struct CityValue: Sendable {
    public var slug: String
    /// The city's position in `SiteModel.cities`.
    public var cityIndex: Int
    /// The headline number (single value or the breakdown's total), if the measure has one.
    public var headline: Double?
    public var year: Int
    /// The latest observation (shared with the city: observations are immutable objects).
    public var observation: Observation
}

/// Minimum, median and maximum of a set of values.
public struct Distribution: Sendable, Equatable {
    public var count: Int
    public var minimum: Double
    public var median: Double
    public var maximum: Double

    /// The distribution of `values`, or nil when there are none.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// The network's distribution of latest values for one measure, computed once per build.
///
/// Of the cities that enter the statistics (`SiteModel.entersStatistics`): in a network with real cities, the
/// illustrative ones are in neither `values` nor `missing`.
public struct MeasureStatistics: Sendable {
    /// Each reporting city's latest observation with a value, in slug order.
    public var values: [CityValue]
    /// Cities (slugs) with no value at all for the measure.
    public var missing: [String]
    /// Distribution of the headline numbers (single values or totals); nil for breakdowns without a total.
    public var headline: Distribution?
    /// Distribution per breakdown category, in the breakdown's order.
    public var categories: [(id: String, distribution: Distribution?)]
    /// For ratings: how many cities at each level 1…5 (index 0 = level 1).
    public var ratingCounts: [Int]
    /// The earliest and latest year among `values`.
    public var years: ClosedRange<Int>?

    /// What every city profile shows of the network: equal summaries render identical profiles.
    public var summary: [Double] {
        var values = [Double(values.count)] + ratingCounts.map(Double.init)
        for distribution in [headline] + categories.map(\.distribution) {
            if let distribution {
                values += [Double(distribution.count), distribution.minimum, distribution.median, distribution.maximum]
            } else {
                values.append(-1)
            }
        }
        return values
    }

    /// The statistics of `cities` (positions in `cities` become `CityValue.cityIndex`); with `realOnly`, of its real
    /// cities alone.
    init(measure: Measure, framework: Framework, cities: [City], realOnly: Bool) {
        let breakdown = measure.breakdownID.flatMap(framework.breakdown)
        var values: [CityValue] = []
        var missing: [String] = []
        for (index, city) in cities.enumerated() where !(realOnly && city.illustrative) {
            if let latest = city.series(for: measure.id)?.latest {
                values.append(
                    CityValue(
                        slug: city.slug, cityIndex: index, headline: latest.headline(totalCategory: breakdown?.totalCategory),
                        year: latest.year.value, observation: latest))
            } else {
                missing.append(city.slug)
            }
        }
        self.values = values
        self.missing = missing
        if let first = values.lazy.map(\.year).min(), let last = values.lazy.map(\.year).max() { years = first...last }
        headline = Distribution(values.compactMap(\.headline))
        categories = (breakdown?.categories ?? []).map { category in
            (category.id, Distribution(values.compactMap { $0.observation.value(for: category.id) }))
        }
        var counts = [0, 0, 0, 0, 0]
        if framework.unit(measure.unitID)?.kind == .rating {
            for value in values.compactMap(\.headline) where (1...5).contains(value) { counts[Int(value) - 1] += 1 }
        }
        ratingCounts = counts
    }
}
