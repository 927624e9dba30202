import LCityContent
public struct CityListItemView: Sendable, Encodable {
    public var name: String
    public var href: String
    public var country: String
    public var illustrative: Bool
    public var coverage: String
}

public struct CountryGroupView: Sendable, Encodable {
    public var name: String
    public var href: String
    public var count: String
    /// Empty when the list shows countries only (large networks).
    public var cities: [CityListItemView]
}

public struct RegionGroupView: Sendable, Encodable {
    public var name: String
    public var href: String
    public var count: String
    public var countries: [CountryGroupView]
    /// Whether the countries list their cities, or only their counts.
    public var listsCities: Bool
    /// Whether the group has a heading of its own (not on the region's own page, whose title it is).
    public var titled: Bool
}

public struct CityListView: Sendable, Encodable {
    public var intro: String
    public var regions: [RegionGroupView]
    public var hasCities: Bool
    /// The links to every page of the list, rendered with `templates/partials/pager.mustache`.
    public var pager: String
    /// What a region's or a country's page states of all its cities (`PageScope.listFigures`).
    public var figures: [StatisticView]
    /// The map of the list's cities: the world's on the list of all cities, a region's on its first page.
    public var map: CityMapView? = nil
}

public struct HistoryPointView: Sendable, Encodable {
    public var year: String
    public var value: String
    public var flag: String?
}

public struct CityMeasureRowView: Sendable, Encodable {
    public var id: String
    public var name: String
    public var href: String
    public var keyFeature: String
    public var sourceType: String
    public var sourceKey: String
    public var hasValue: Bool
    public var notAvailable: Bool
    public var value: String
    public var categories: [StatisticView]
    public var year: String
    public var flag: String?
    public var flagKey: String?
    public var source: String
    public var note: String?
    /// Network distribution: one line, or one per category for breakdowns without a total.
    public var network: [String]
    public var history: [HistoryPointView]
    /// The change between the first and the latest reported year, in words (two years or more).
    public var change: String?
    /// Similar cities whose own value improved most (measures with a direction).
    public var learnFrom: [LearnFromView]
    /// The city against the network (range strip) or on the rating scale.
    public var networkChart: RenderedHTML?
    public var yearsChart: RenderedHTML?
}

public struct CityAreaView: Sendable, Encodable {
    public var id: String
    public var title: String
    public var href: String
    public var group: String
    /// `rows` rendered with `templates/partials/city-measure-row.mustache`, one after another, a line end between.
    public var renderedRows: RenderedHTML
}

public struct CityView: Sendable, Encodable {
    public var name: String
    public var otherName: String?
    public var otherNameLang: String
    public var illustrative: Bool
    public var facts: [StatisticView]
    public var description: String
    /// The language of `description` when it falls back from the page's.
    public var descriptionLang: String?
    public var coverage: String
    public var coverageBySource: [StatisticView]
    public var areas: [CityAreaView]
    /// Similar cities in alphabetical order, each with its reasons (`docs/peers.md`), rendered with
    /// `templates/partials/similar-cities.mustache`.
    public var renderedSimilar: RenderedHTML
    public var hasSimilar: Bool
    /// A comparison of the city with its first similar cities.
    public var compareHref: String?
    public var compareLabel: String
    public var jsonHref: String
    public var csvHref: String
    public var flagsUsed: [FlagExplanationView]
    /// Latest values by breakdown category, one chart per measure with a breakdown.
    public var breakdownCharts: [ChartView]
    public var printSheet: PrintSheetView
    /// That this release changed some of the city's values, with a link to them.
    public var changeNotice: ChangeNoticeView? = nil
    public var cite: CiteView? = nil
}

/// Shown only on paper: where the printed page lives, which edition of the data it shows, how to cite it.
public struct PrintSheetView: Sendable, Encodable {
    public var address: String
    public var url: String
    public var edition: String?
    public var citation: String
}

/// The links to every page of a long list, rendered with `templates/partials/pager.mustache`.
public struct PagerView: Sendable, Encodable {
    public var links: [Link]
}

/// A map of member cities with its legend, its credit, and the cities it cannot place.
public struct CityMapView: Sendable, Encodable {
    /// The map (`PlaceMap`).
    public var svg: RenderedHTML
    /// How to read it: what a mark (or a hexagon) is, and that the list below holds the same cities.
    public var caption: String
    public var legend: [MapKeyView]
    /// Cities without coordinates, listed under the map (the first `Paging.missingNames`).
    public var notPlaced: [Link]
    /// "and 12 more", when the list stops short.
    public var notPlacedMore: String?
    public var credit: String
}

/// One entry of a map's legend: the mark drawn small, and what it stands for.
public struct MapKeyView: Sendable, Encodable {
    public var symbol: RenderedHTML
    public var label: String
}
