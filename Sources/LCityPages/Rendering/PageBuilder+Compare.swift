import Foundation
import LCityContent

/// The comparison page: a static page whose script (`templates/assets/compare.js`) reads the chosen cities from the
/// address (`?cities=a,b`), loads only their JSON downloads (`data/cities/<slug>.json`) and the list of names
/// (`data/cities.json`), and lays them out side by side. Everything the script writes besides the cities' own
/// numbers — measure names, units, rating levels, flag names, the network's range and its strip, the sentences —
/// is made here, in the page's language, and handed over as one JSON document in the page.
extension PageScope {
    func compare() -> PageContext<CompareView> {
        let areas = framework.focusAreas.map { area in
            CompareConfig.Area(
                label: focusAreaLabel(area), href: href(.focusArea(area.id)),
                measures: area.keyFeatures.flatMap(\.measures).map(compareMeasure))
        }
        let keys: [UIString] = [
            .compareRemove, .compareTooMany, .compareUnknown, .compareAlready, .compareLoadFailed, .compareLoading,
            .compareNone, .compareNoValue, .compareMarker, .compareStripDesc, .compareNetwork, .compareShare,
            .labelColon, .listSeparator, .notAvailable, .chartMedian,
        ]
        var strings = Dictionary(uniqueKeysWithValues: keys.map { ($0.rawValue, l[$0]) })
        for key in ["label_measure", "label_year", "label_history", "label_latest_value", "label_source"] {
            strings[key] = l.strings[key]
        }
        let config = CompareConfig(
            language: language, cityData: file("data/cities/"), cityIndex: file("data/cities.json"),
            profiles: root + Route.path(.cities, language: language), maximum: 4,
            nameLanguages: nameLanguages(),
            flags: Dictionary(uniqueKeysWithValues: ObservationFlag.allCases.map { ($0.rawValue, l.flag($0)) }),
            strings: strings, areas: areas)
        return context(
            layout(
                title: l[.pageCompare], description: l[.compareDescription],
                breadcrumbs: [Link(label: l[.pageCities], href: href(.cities))], current: .compare, showsData: true),
            CompareView(
                intro: l[.compareIntro], citiesHref: href(.cities), allCSVHref: file("data/all.csv"),
                script: file("assets/compare.js"), config: RenderedHTML(bytes: config.scriptJSON())))
    }

    /// The order in which the script tries a city's names: this language, its fallbacks (a partly translated
    /// language's named one first), then the site's other languages.
    func nameLanguages() -> [String] {
        var order = [language]
        for other in l.fallbacks + model.languages where !order.contains(other) { order.append(other) }
        return order
    }

    /// What the script needs of one measure to write its values.
    func compareMeasure(_ measure: Measure) -> CompareConfig.Measure {
        let texts = texts(measure)
        let unit = texts.unit
        let statistics = model.statistics[measure.id]
        var network: CompareConfig.Network?
        if let distribution = statistics?.headline, let strip = texts.strip {
            network = CompareConfig.Network(
                text: networkSummary(distribution, measure),
                min: formatValueWithUnit(distribution.minimum, measure), median: formatMedian(distribution.median, measure),
                max: formatValueWithUnit(distribution.maximum, measure),
                strip: String(decoding: strip.svgBytes(title: texts.name, description: "", value: nil), as: UTF8.self),
                axisMaximum: strip.axisMaximum, x0: strip.x(0), x1: strip.x(strip.axisMaximum))
        }
        let isRating = unit?.kind == .rating
        return CompareConfig.Measure(
            id: measure.id, name: texts.name, href: root + texts.indicatorPath, sourceType: texts.sourceType,
            sourceKey: measure.source.rawValue, decimals: unit?.decimals ?? 1,
            suffix: unit.map { valueSuffix($0, withUnit: true) } ?? "",
            ratings: isRating ? (1...5).map { formatValue(Double($0), measure) } : nil,
            total: texts.breakdown?.totalCategory,
            categories: (texts.breakdown?.categories ?? []).map { CompareConfig.Category(id: $0.id, name: l.text($0.name)) },
            network: network)
    }
}

/// The comparison page's view: its texts, and the script's configuration as JSON.
public struct CompareView: Sendable, Encodable {
    public var intro: String
    public var citiesHref: String
    public var allCSVHref: String
    public var script: String
    /// `CompareConfig` as JSON, safe inside `<script type="application/json">`.
    public var config: RenderedHTML
}

/// Everything `compare.js` writes that is not a city's own number, in the page's language.
struct CompareConfig: Encodable {
    struct Area: Encodable {
        var label: String
        var href: String
        var measures: [Measure]
    }

    struct Measure: Encodable {
        var id: String
        var name: String
        var href: String
        var sourceType: String
        var sourceKey: String
        var decimals: Int
        /// What follows the digits ("%", " per 100,000"), as `PageScope.valueSuffix` writes it.
        var suffix: String
        /// Ratings 1…5 as written ("4 (Very good)"); nil for quantities.
        var ratings: [String]?
        /// The breakdown's total category, whose value is the headline.
        var total: String?
        var categories: [Category]
        /// The network's range; nil when no city reports a headline value.
        var network: Network?
    }

    struct Category: Encodable {
        var id: String
        var name: String
    }

    struct Network: Encodable {
        var text: String
        var min: String
        var median: String
        var max: String
        /// The range strip without a city's mark (`RangeStrip.Frame`); the script adds one mark per city.
        var strip: String
        /// The strip's axis: a value `v` lies at `x0 + min(v, axisMaximum) / axisMaximum × (x1 − x0)`.
        var axisMaximum: Double
        var x0: Double
        var x1: Double
    }

    var language: String
    var cityData: String
    var cityIndex: String
    var profiles: String
    var maximum: Int
    /// The order in which the script tries a city's names: the page's language first.
    var nameLanguages: [String]
    var flags: [String: String]
    var strings: [String: String]
    var areas: [Area]

    /// The configuration as JSON with sorted keys (deterministic output), `<`, `>` and `&` escaped so that no text
    /// can end the script element it sits in.
    func scriptJSON() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(self)) ?? Data("{}".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(json.count + 64)
        for byte in json {
            switch byte {
            case UInt8(ascii: "<"): output += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): output += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): output += Array("\\u0026".utf8)
            default: output.append(byte)
            }
        }
        return output
    }
}
