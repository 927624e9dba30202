import LCityContent
public struct IndicatorGroupView: Sendable, Encodable {
    public var area: String
    public var href: String
    public var measures: [MeasureItemView]
}

public struct IndicatorsView: Sendable, Encodable {
    public var groups: [IndicatorGroupView]
    public var sourceTypes: [SourceTypeCountView]
}

public struct SourceTypeCountView: Sendable, Encodable {
    public var label: String
    public var key: String
    public var count: String
}

/// A column header for a breakdown category.
public struct CategoryHeaderView: Sendable, Encodable {
    public var name: String
}

/// One city's row in an indicator table.
public struct IndicatorRowView: Sendable, Encodable {
    public var city: String
    public var cityHref: String
    public var country: String
    /// One cell per value column: the single value, or one per breakdown category.
    public var cells: [CellView]
    public var year: String
    public var flag: String?
    public var flagKey: String?
    public var source: String
    public var note: String?
}

/// One value cell of a table row: its column's name (shown beside the value when rows are stacked on a phone) and
/// its text, or the no-value text.
public struct CellView: Sendable, Encodable {
    public var label: String
    public var text: String
    public var missing: Bool
}

public struct StatisticView: Sendable, Encodable {
    public var label: String
    public var value: String
}

public struct RatingCountView: Sendable, Encodable {
    public var level: String
    public var name: String
    public var count: String
}

public struct IndicatorView: Sendable, Encodable {
    public var id: String
    public var name: String
    public var definition: String
    public var focusArea: Link
    public var keyFeature: Link
    public var sourceType: String
    public var sourceKey: String
    /// Our reading of which way is an improvement, in words.
    public var direction: String
    /// The unit's short symbol, nil when it has none.
    public var unit: String?
    public var unitName: String
    public var range: String
    public var breakdown: String?
    /// Value column headers: the unit for single values, else the breakdown's categories.
    public var valueHeaders: [CategoryHeaderView]
    /// Network distribution per category (breakdown measures).
    public var categoryStatistics: [CategoryStatisticView]
    public var printed: PrintedColumnView?
    public var note: String?
    public var isRating: Bool
    public var ratingScale: [RatingCountView]
    public var statistics: [StatisticView]
    /// `rows` rendered with `templates/partials/indicator-row.mustache`, one after another, a line end between.
    public var renderedRows: String
    public var missing: [Link]
    public var reporting: String
    public var csvHref: String
    public var allCSVHref: String
    public var flagsUsed: [FlagExplanationView]
    /// Inline SVG charts (comparison or distribution, breakdown, ratings).
    public var charts: [ChartView]
    /// "No data: A, B" under the charts.
    public var noData: String?
    /// Each city's first and latest reported value.
    public var progress: ProgressView
    /// Page 1 has the definition, statistics and charts; later pages continue the table.
    public var isFirstPage: Bool
    /// The links to every page of the list, rendered with `templates/partials/pager.mustache`.
    public var pager: String
    /// That this release changed the measure's values for some cities, with a link to them.
    public var changeNotice: ChangeNoticeView? = nil
    /// "How to cite", on the first page.
    public var cite: CiteView? = nil
}

public struct FlagExplanationView: Sendable, Encodable {
    public var label: String
    public var key: String
    public var explanation: String
}

public struct CategoryStatisticView: Sendable, Encodable {
    public var name: String
    public var count: String
    public var minimum: String
    public var median: String
    public var maximum: String
}

/// An inline SVG chart with its visible caption.
public struct ChartView: Sendable, Encodable {
    public var title: String
    public var svg: RenderedHTML
    /// A sentence shown under the chart (the gap between breakdown categories).
    public var note: String? = nil
}

/// What the printed table of the guiding documents (the Chinese edition) shows in a measure's data column.
public struct PrintedColumnView: Sendable, Encodable {
    /// The print's text, in Chinese; empty where the print leaves the column blank.
    public var text: String
    /// Whether the print leaves the column blank.
    public var blank: Bool
    /// What the text says, in the page's language, where it needs saying (a rating scale on a page not in Chinese).
    public var reading: String?
}
