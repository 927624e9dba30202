import LCityContent
import LCitySVG

/// The progress section of an indicator page: each city's first and latest reported value, as a chart (page 1) and
/// a table (every page, the same cities as the page's table of values), never in order of change.
extension PageScope {
    /// Each reporting city's change (positions in `statistics.values`, with two years or more).
    func changes(_ measure: Measure, statistics: MeasureStatistics) -> [Int: SeriesChange] {
        var changes: [Int: SeriesChange] = [:]
        for (position, entry) in statistics.values.enumerated() {
            if let change = model.change(entry.slug, measure.id) { changes[position] = change }
        }
        return changes
    }

    func progress(_ measure: Measure, page: Int, statistics: MeasureStatistics) -> ProgressView {
        // The figures and the chart (page 1) read every city's change; the table only its page's.
        let changes = page == 1 ? changes(measure, statistics: statistics) : [:]
        let order = model.tableOrder[language]?[measure.id] ?? Array(statistics.values.indices)
        let comparable = order.compactMap { changes[$0] }.filter(\.comparable)
        let medianChange = Distribution(comparable.map(\.change))?.median
        var figures: [StatisticView] = []
        var chart: ChartView?
        if !changes.isEmpty && page == 1 {
            figures = [
                StatisticView(label: l[.statProgressCities], value: l.integer(changes.count)),
                StatisticView(label: l[.statProgressComparable], value: l.integer(comparable.count)),
            ]
            if let medianChange {
                figures.append(StatisticView(label: l[.statMedianChange], value: formatChange(medianChange, measure)))
            }
            chart = progressChart(measure, order: order, changes: changes, medianChange: medianChange)
        }
        let rows = model.tableRows(of: measure.id, language: language, page: page).compactMap { position -> ProgressRowView? in
            let entry = statistics.values[position]
            guard let change = model.change(entry.slug, measure.id) else { return nil }
            let label = cityLabels[entry.cityIndex]
            return ProgressRowView(
                city: label.name, cityHref: root + label.path,
                first: endText(change.first, measure), latest: endText(change.latest, measure),
                change: change.comparable ? formatChange(change.change, measure) : "",
                comparable: comparabilityText(change))
        }
        return ProgressView(
            figures: figures, chart: chart,
            large: page == 1 && changes.count > HistogramChart.rowLimit ? l.format(.progressLarge, ["limit": l.integer(HistogramChart.rowLimit)]) : nil,
            caption: l.format(.progressCaption, ["name": l.text(measure.name)]),
            renderedRows: renderRows(rows, with: builder.fragments.progressRows).text, hasChanges: page == 1 ? !changes.isEmpty : !rows.isEmpty,
            shown: page == 1 || !rows.isEmpty)
    }

    /// "2018: 96.5%", with the value's flag.
    func endText(_ end: SeriesChange.End, _ measure: Measure) -> String {
        l.labelled(String(end.year), endValue(end, measure))
    }

    func comparabilityText(_ change: SeriesChange) -> String {
        switch change.discontinuity {
        case nil: return l[.comparableYes]
        case .breakInSeries(let year): return l.format(.comparableBreak, ["year": String(year)])
        case .sourceChanged(let year): return l.format(.comparableSource, ["year": String(year)])
        }
    }

    /// A change with its sign: "+1.7 points" for percentages, "−92.0 per 100,000", "+1" for ratings.
    func formatChange(_ change: Double, _ measure: Measure) -> String {
        let unit = framework.unit(measure.unitID)
        let decimals = unit?.kind == .rating ? 1 : unit?.decimals ?? 1
        var number = NumberFormatting.format(change, decimals: decimals)
        if !number.hasPrefix("−") && number.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) { number = "+" + number }
        guard let unit, unit.kind != .rating else { return number }
        if unit.id == "percent" { return l.format(.gapPoints, ["value": number]) }
        return number + valueSuffix(unit, withUnit: true)
    }

    /// First and latest values per city (a row each, alphabetical within regions), or per region's median above
    /// `HistogramChart.rowLimit` cities; the median of the comparable cities first.
    func progressChart(_ measure: Measure, order: [Int], changes: [Int: SeriesChange], medianChange: Double?) -> ChartView {
        let name = l.text(measure.name)
        let statistics = model.statistics[measure.id]!
        let label = { (change: SeriesChange) in
            "\(self.formatValue(change.first.value, measure)) → \(self.formatValue(change.latest.value, measure))"
        }
        func medianItem(_ label: String, _ members: [SeriesChange]) -> DumbbellChart.Item? {
            let comparable = members.filter(\.comparable)
            guard let first = Distribution(comparable.map(\.first.value))?.median,
                let latest = Distribution(comparable.map(\.latest.value))?.median
            else { return nil }
            return DumbbellChart.Item(
                label: label, first: first, latest: latest,
                valueLabel: "\(formatMedian(first, measure, withUnit: false)) → \(formatMedian(latest, measure, withUnit: false))")
        }
        var byRegion: [String: [(position: Int, change: SeriesChange)]] = [:]
        for position in order {
            guard let change = changes[position] else { continue }
            byRegion[model.cities[statistics.values[position].cityIndex].region.value, default: []].append((position, change))
        }
        let regions = model.content.geography.regions.filter { byRegion[$0.id] != nil }
        var groups: [DumbbellChart.Group] = []
        if let median = medianItem(l[.chartProgressMedianRow], Array(changes.values)) {
            groups.append(DumbbellChart.Group(label: "", items: [median]))
        }
        let large = changes.count > HistogramChart.rowLimit
        if large {
            let items = regions.compactMap { region in
                medianItem(
                    l.format(.chartProgressRegionRow, ["region": regionName(region.id), "count": l.integer(byRegion[region.id]!.count)]),
                    byRegion[region.id]!.map(\.change))
            }
            groups.append(DumbbellChart.Group(label: "", items: items))
        } else {
            for region in regions {
                groups.append(DumbbellChart.Group(label: regionName(region.id), items: byRegion[region.id]!.map { position, change in
                    DumbbellChart.Item(
                        label: cityLabels[statistics.values[position].cityIndex].name, first: change.first.value,
                        latest: change.latest.value,
                        valueLabel: label(change), joined: change.comparable,
                        detail: l.labelled(
                            cityLabels[statistics.values[position].cityIndex].name,
                            "\(endText(change.first, measure)) → \(endText(change.latest, measure))"
                                + (change.comparable ? "" : " (\(comparabilityText(change)))")))
                }))
            }
        }
        let chart = DumbbellChart(
            id: "chart-\(measure.id)-progress",
            title: l.format(large ? .chartProgressRegionsTitle : .chartProgressTitle, ["name": name]),
            description: l.format(.chartProgressDesc, [
                "count": l.integer(changes.count), "median": medianChange.map { formatChange($0, measure) } ?? l[.noValue],
            ]),
            groups: groups, tickLabel: tickFormatter(measure), axisLimit: axisLimit(measure),
            legend: l[.chartProgressLegend], breakNote: l[.chartProgressBreak])
        return ChartView(title: chart.title, svg: RenderedHTML(bytes: chart.svgBytes()))
    }
}

/// The progress section of an indicator page.
public struct ProgressView: Sendable, Encodable {
    /// How many cities report two years or more, how many of them comparably, and the median change.
    public var figures: [StatisticView]
    /// First and latest values (page 1 only).
    public var chart: ChartView?
    /// Said when the chart shows regions' medians rather than cities.
    public var large: String?
    public var caption: String
    /// `rows` rendered with `templates/partials/progress-row.mustache`.
    public var renderedRows: String
    /// Whether any city reports two years or more (on later pages: any of the page's cities).
    public var hasChanges: Bool
    /// Whether the page has the section: the first page always, later pages when they list a change.
    public var shown: Bool
}

/// One city's row in the progress table.
public struct ProgressRowView: Sendable, Encodable {
    public var city: String
    public var cityHref: String
    public var first: String
    public var latest: String
    /// Empty when the two values are not comparable.
    public var change: String
    public var comparable: String
}
