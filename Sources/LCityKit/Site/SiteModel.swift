import Foundation
import LCityMarkdown

/// The whole site as data: validated content plus everything derived once (statistics, rendered Markdown, routes).
public struct SiteModel: Sendable {
    public let content: LoadedContent
    public let index: MeasureIndex
    /// Cities sorted by slug (stable order for every list and download).
    public let cities: [City]
    /// Network statistics per measure id, computed once.
    public let statistics: [String: MeasureStatistics]
    /// Markdown pages by name, then language.
    public let pages: [String: [String: RenderedPage]]
    /// City descriptions by slug, then language.
    public let cityDescriptions: [String: [String: String]]
    /// Overrides the configured base URL (`--base-url`).
    public let baseURL: String

    public var config: SiteConfig { content.config }
    public var framework: Framework { content.framework }
    public var languages: [String] { content.config.languages }

    /// Builds the model from validated content.
    public init(content: LoadedContent, baseURL: String? = nil) {
        self.content = content
        self.index = MeasureIndex(content.framework)
        self.cities = content.cities.sorted { $0.slug < $1.slug }
        var base = baseURL ?? content.config.baseURL
        if !base.hasSuffix("/") { base += "/" }
        self.baseURL = base

        var statistics: [String: MeasureStatistics] = [:]
        for measure in content.framework.measures {
            statistics[measure.id] = MeasureStatistics(measure: measure, framework: content.framework, cities: cities)
        }
        self.statistics = statistics

        var pages: [String: [String: RenderedPage]] = [:]
        for page in content.pages {
            let options: Markdown.Options
            if page.name == "declaration" {
                options = Markdown.Options(headingID: SiteModel.declarationHeadingID, rewriteURL: SiteModel.rewriteURL)
            } else {
                options = Markdown.Options(rewriteURL: SiteModel.rewriteURL)
            }
            let rendered = Markdown.render(page.body, options: options)
            pages[page.name, default: [:]][page.language] = RenderedPage(page: page, markdown: rendered)
        }
        self.pages = pages

        var descriptions: [String: [String: String]] = [:]
        for city in cities {
            guard let description = city.description else { continue }
            for language in content.config.languages {
                let text = description.text(in: language, fallbacks: [content.config.defaultLanguage])
                descriptions[city.slug, default: [:]][language] =
                    Markdown.render(text, options: Markdown.Options(rewriteURL: SiteModel.rewriteURL, headingOffset: 2)).html
            }
        }
        self.cityDescriptions = descriptions
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

    /// The city with `slug`.
    public func city(_ slug: String) -> City? { cities.first { $0.slug == slug } }

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

/// One city's latest headline value for a measure.
public struct CityValue: Sendable {
    public var slug: String
    public var value: Double
    public var year: Int
    public var observation: Observation
}

/// The network's distribution of latest values for one measure.
public struct MeasureStatistics: Sendable {
    /// Latest headline value per reporting city, in slug order.
    public var values: [CityValue]
    /// Cities (slugs) with no value at all for the measure.
    public var missing: [String]
    public var minimum: Double?
    public var median: Double?
    public var maximum: Double?
    /// For ratings: how many cities at each level 1…5 (index 0 = level 1).
    public var ratingCounts: [Int]

    init(measure: Measure, framework: Framework, cities: [City]) {
        let totalCategory = measure.breakdownID.flatMap(framework.breakdown)?.totalCategory
        var values: [CityValue] = []
        var missing: [String] = []
        for city in cities {
            if let series = city.series(for: measure.id), let latest = series.latestHeadline(totalCategory: totalCategory) {
                values.append(CityValue(slug: city.slug, value: latest.value, year: latest.observation.year.value, observation: latest.observation))
            } else {
                missing.append(city.slug)
            }
        }
        self.values = values
        self.missing = missing
        let sorted = values.map(\.value).sorted()
        minimum = sorted.first
        maximum = sorted.last
        median = MeasureStatistics.median(of: sorted)
        var counts = [0, 0, 0, 0, 0]
        if framework.unit(measure.unitID)?.kind == .rating {
            for value in sorted where (1...5).contains(value) { counts[Int(value) - 1] += 1 }
        }
        ratingCounts = counts
    }

    /// The median of sorted values (mean of the two middle ones for an even count).
    static func median(of sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

extension ObservationSeries {
    /// The most recent observation with a headline number (total category or single value).
    func latestHeadline(totalCategory: String?) -> (value: Double, observation: Observation)? {
        var best: (value: Double, observation: Observation)?
        for observation in observations {
            guard let value = observation.headline(totalCategory: totalCategory) else { continue }
            if best == nil || observation.year.value > best!.observation.year.value { best = (value, observation) }
        }
        return best
    }
}
