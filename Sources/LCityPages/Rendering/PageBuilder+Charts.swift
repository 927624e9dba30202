import LCityContent
import LCitySVG

/// The charts of each page, built from the model with LCitySVG. Every chart sits next to a table of the same numbers.
extension PageScope {
    /// Tick labels for a measure's axis: its unit's decimals, trimmed for round ticks, `%` for percentages.
    func tickFormatter(_ measure: Measure) -> @Sendable (Double) -> String {
        let isPercent = measure.unitID == "percent"
        return { value in
            let decimals = value.rounded() == value ? 0 : (value * 10).rounded() == value * 10 ? 1 : 2
            return NumberFormatting.format(value, decimals: decimals) + (isPercent ? "%" : "")
        }
    }

    /// The axis limit of a measure (100 for percentages), so bars never pass the valid range.
    func axisLimit(_ measure: Measure) -> Double? {
        framework.unit(measure.unitID).flatMap { measure.range(in: $0).maximum }
    }

    func ratingLevelNames() -> [String] {
        (1...5).map { value in l.text(framework.ratingScale.first { $0.value == value }?.name) }
    }

    // MARK: Indicator page

    /// The comparison chart (bars per city, or the distribution above the threshold), or the rating distribution.
    func indicatorCharts(_ measure: Measure, statistics: MeasureStatistics) -> [ChartView] {
        let name = l.text(measure.name)
        var charts: [ChartView] = []
        if framework.unit(measure.unitID)?.kind == .rating {
            let counts = statistics.ratingCounts
            let levels = ratingLevelNames()
            let summary = (1...5).reversed().map { "\($0) \(levels[$0 - 1]): \(counts[$0 - 1])" }.joined(separator: l[.listSeparator])
            let chart = RatingDistributionChart(
                id: "chart-\(measure.id)-ratings", title: l.format(.chartRatingsTitle, ["name": name]),
                description: l.format(.chartRatingsDesc, ["count": l.integer(counts.reduce(0, +)), "counts": summary]),
                levels: levels, counts: counts)
            charts.append(ChartView(title: chart.title, svg: RenderedHTML(bytes: chart.svgBytes())))
            return charts
        }
        if let headline = statistics.headline {
            let values: KeyValuePairs = [
                "name": name, "count": l.integer(headline.count), "min": formatValueWithUnit(headline.minimum, measure),
                "max": formatValueWithUnit(headline.maximum, measure), "median": formatMedian(headline.median, measure),
            ]
            let medianLabel = l.format(.chartMedian, ["value": formatMedian(headline.median, measure, withUnit: false)])
            if headline.count > HistogramChart.rowLimit {
                let chart = HistogramChart(
                    id: "chart-\(measure.id)-cities", title: l.format(.chartDistributionTitle, ["name": name]),
                    description: l.format(.chartDistributionDesc, values),
                    items: statistics.values.compactMap { entry in
                        entry.headline.map {
                            HistogramChart.Item(label: cityLabels[entry.cityIndex].name, value: $0, valueLabel: formatValue($0, measure))
                        }
                    },
                    tickLabel: tickFormatter(measure), axisLimit: axisLimit(measure), median: headline.median,
                    medianLabel: medianLabel, countLabel: l[.chartCountAxis])
                charts.append(ChartView(title: chart.title, svg: RenderedHTML(bytes: chart.svgBytes())))
            } else {
                let chart = networkDotStrip(measure, name: name, statistics: statistics, values: values, medianLabel: medianLabel)
                charts.append(ChartView(title: chart.title, svg: RenderedHTML(bytes: chart.svgBytes())))
            }
        }
        if let breakdown = measure.breakdownID.flatMap(framework.breakdown), statistics.values.count <= 20 {
            // Cities in the table's order: alphabetical in this language.
            let order = model.tableOrder[language]?[measure.id] ?? Array(statistics.values.indices)
            let groups = order.compactMap { position -> GroupedBarChart.Group? in
                let entry = statistics.values[position]
                guard let city = model.city(entry.slug) else { return nil }
                // The totals are in the comparison chart above: the breakdown chart shows the parts.
                let parts = breakdown.categories.filter { statistics.headline == nil || $0.id != breakdown.totalCategory }
                let bars = parts.compactMap { category -> GroupedBarChart.Bar? in
                    entry.observation.value(for: category.id).map {
                        GroupedBarChart.Bar(label: l.text(category.name), value: $0, valueLabel: formatValue($0, measure))
                    }
                }
                return bars.isEmpty ? nil : GroupedBarChart.Group(label: cityName(city), bars: bars)
            }
            if !groups.isEmpty {
                let gap = breakdownGap(measure, breakdown: breakdown, statistics: statistics)
                let chart = GroupedBarChart(
                        id: "chart-\(measure.id)-breakdown",
                        title: l.format(.chartGroupedTitle, ["name": name, "breakdown": l.text(breakdown.name)]),
                        description: l.format(.chartGroupedDesc, [
                            "breakdown": l.text(breakdown.name), "count": l.integer(groups.count),
                            "categories": breakdown.categories.map { l.text($0.name) }.joined(separator: l[.listSeparator]),
                        ]) + (gap.map { " " + $0 } ?? ""),
                        groups: groups, tickLabel: tickFormatter(measure), axisLimit: axisLimit(measure))
                charts.append(ChartView(title: chart.title, svg: RenderedHTML(bytes: chart.svgBytes()), note: gap))
            }
        }
        return charts
    }

    /// Every reporting city's headline value: a block per UNESCO region (in the site's region order), cities in
    /// alphabetical order within it, never in order of value. Each value shows its year when the cities' latest
    /// years differ, and flagged values are hatched and marked "*", the flags present named under the plot.
    func networkDotStrip(
        _ measure: Measure, name: String, statistics: MeasureStatistics, values: KeyValuePairs<String, String>,
        medianLabel: String
    ) -> DotStripChart {
        let order = model.tableOrder[language]?[measure.id] ?? Array(statistics.values.indices)
        let showsYears = (statistics.years.map { $0.lowerBound != $0.upperBound }) ?? false
        var itemsByRegion: [String: [DotStripChart.Item]] = [:]
        var flags: Set<ObservationFlag> = []
        for position in order {
            let entry = statistics.values[position]
            guard let value = entry.headline else { continue }
            let flag = entry.observation.flag?.value
            if let flag { flags.insert(flag) }
            let text = formatValue(value, measure)
            itemsByRegion[model.cities[entry.cityIndex].region.value, default: []].append(DotStripChart.Item(
                label: cityLabels[entry.cityIndex].name, value: value,
                valueLabel: showsYears ? l.format(.chartValueYear, ["value": text, "year": String(entry.year)]) : text,
                flag: flag.map { l.flag($0) }))
        }
        let groups = model.content.geography.regions.compactMap { region in
            itemsByRegion[region.id].map { DotStripChart.Group(label: regionName(region.id), items: $0) }
        }
        let flagNames = ObservationFlag.allCases.filter(flags.contains).map { l.flag($0) }
        return DotStripChart(
            id: "chart-\(measure.id)-cities", title: l.format(.chartDotsTitle, ["name": name]),
            description: l.format(.chartDotsDesc, values) + (showsYears ? " " + l[.chartYearsDiffer] : ""),
            groups: groups, tickLabel: tickFormatter(measure), axisLimit: axisLimit(measure),
            median: statistics.headline?.median, medianLabel: medianLabel,
            flagNote: flagNames.isEmpty ? "" : l.format(.chartFlagNote, ["flags": flagNames.joined(separator: l[.listSeparator])]))
    }

    /// "Median gap, Female minus Male: 2.1 points" for breakdowns with two parts (and perhaps a total).
    func breakdownGap(_ measure: Measure, breakdown: Breakdown, statistics: MeasureStatistics) -> String? {
        let parts = breakdown.categories.filter { $0.id != breakdown.totalCategory }
        guard parts.count == 2 else { return nil }
        let differences = statistics.values.compactMap { entry -> Double? in
            guard let first = entry.observation.value(for: parts[0].id), let second = entry.observation.value(for: parts[1].id)
            else { return nil }
            return second - first
        }
        guard let distribution = Distribution(differences) else { return nil }
        let unit = framework.unit(measure.unitID)
        let decimals = unit?.decimals ?? 1
        let amount = NumberFormatting.format(distribution.median, decimals: decimals)
        let gap = measure.unitID == "percent" ? l.format(.gapPoints, ["value": amount]) : amount
        return l.format(.chartGap, [
            "second": l.text(parts[1].name), "first": l.text(parts[0].name), "gap": gap,
            "count": l.integer(distribution.count),
        ])
    }

    // MARK: City profile

    /// The city's value on the network's range (numeric measures) or on the rating scale (ratings); `headlineText`
    /// is the value as the row shows it. Without `onNetworkRange` (an illustrative city among real ones), no range.
    func cityNetworkChart(
        _ cityName: String, _ measure: Measure, headline: Double?, headlineText: String?, texts: MeasureTexts,
        onNetworkRange: Bool = true
    ) -> RenderedHTML? {
        guard let unit = texts.unit else { return nil }
        if unit.kind == .rating {
            guard let headline, (1...5).contains(headline), let frame = texts.ratingScale else { return nil }
            let levels = texts.ratingLevels
            return RenderedHTML(bytes: frame.svgBytes(
                title: l.format(.chartRatingTitle, ["name": texts.name, "city": cityName]),
                description: l.format(.chartRatingDesc, [
                    "city": cityName, "value": NumberFormatting.format(headline, decimals: 0), "level": levels[Int(headline) - 1],
                ]),
                rating: Int(headline)))
        }
        guard onNetworkRange, let strip = texts.strip, var description = texts.stripDescription else { return nil }
        if let headlineText {
            description += " " + l.format(.chartStripValue, ["city": cityName, "value": headlineText])
        }
        return RenderedHTML(bytes: strip.svgBytes(
            title: l.format(.chartStripTitle, ["name": texts.name, "city": cityName]), description: description,
            value: headline))
    }

    /// The city's values over the years (two or more observations, with their headlines formatted).
    func cityYearsChart(
        _ cityName: String, _ measure: Measure, years: [YearValue]
    ) -> RenderedHTML? {
        guard years.count > 1 else { return nil }
        let name = l.text(measure.name)
        if framework.unit(measure.unitID)?.kind == .rating {
            let levels = ratingLevelNames()
            let points = years.map { year in
                let rating = year.headline.map { Int($0) }.flatMap { (1...5).contains($0) ? $0 : nil }
                return RatingYearsChart.Point(
                    year: year.observation.year.value, rating: rating,
                    valueLabel: rating.map { "\($0) \(levels[$0 - 1])" } ?? l[.notAvailable], flag: year.flag)
            }
            guard points.contains(where: { $0.rating != nil }) else { return nil }
            let values = points.map { "\($0.year): \($0.valueLabel)\($0.flag.map { " (\($0))" } ?? "")" }.joined(separator: l[.listSeparator])
            return RenderedHTML(bytes: RatingYearsChart(
                id: "chart-\(measure.id)-years", title: l.format(.chartYearsTitle, ["name": name, "city": cityName]),
                description: l.format(.chartYearsDesc, ["city": cityName, "values": values]), levels: levels, points: points
            ).svgBytes())
        }
        let points = years.map { year in
            YearBarChart.Point(
                year: year.observation.year.value, value: year.headline, valueLabel: year.text ?? l[.notAvailable],
                flag: year.flag)
        }
        guard points.contains(where: { $0.value != nil }) else { return nil }
        let values = points.map { "\($0.year): \($0.valueLabel)\($0.flag.map { " (\($0))" } ?? "")" }.joined(separator: l[.listSeparator])
        return RenderedHTML(bytes: YearBarChart(
            id: "chart-\(measure.id)-years", title: l.format(.chartYearsTitle, ["name": name, "city": cityName]),
            description: l.format(.chartYearsDesc, ["city": cityName, "values": values]),
            points: points, tickLabel: tickFormatter(measure), axisLimit: axisLimit(measure)
        ).svgBytes())
    }

    /// The city's latest values by breakdown category.
    func cityBreakdownChart(_ city: City, _ measure: Measure, observation: Observation) -> ChartView? {
        guard let breakdown = measure.breakdownID.flatMap(framework.breakdown), case .breakdown = observation.value else {
            return nil
        }
        let bars = breakdown.categories.compactMap { category -> GroupedBarChart.Bar? in
            observation.value(for: category.id).map {
                GroupedBarChart.Bar(label: l.text(category.name), value: $0, valueLabel: formatValue($0, measure))
            }
        }
        guard bars.count > 1 else { return nil }
        let name = l.text(measure.name)
        let values = bars.map { "\($0.label): \($0.valueLabel)" }.joined(separator: l[.listSeparator])
        let chart = GroupedBarChart(
            id: "chart-\(measure.id)-breakdown",
            title: l.format(.chartCityBreakdownTitle, ["name": name, "city": cityName(city), "breakdown": l.text(breakdown.name)]),
            description: l.format(.chartCityBreakdownDesc, ["city": cityName(city), "year": String(observation.year.value), "values": values]),
            groups: [GroupedBarChart.Group(label: "", bars: bars)], tickLabel: tickFormatter(measure),
            axisLimit: axisLimit(measure))
        return ChartView(title: "\(measure.id) " + chart.title, svg: RenderedHTML(bytes: chart.svgBytes()))
    }

    // MARK: Framework

    func houseDiagram() -> String {
        func parts(_ kind: GroupKind) -> [HouseDiagram.Part] {
            framework.groups.filter { $0.kind == kind }.flatMap(\.focusAreas).map {
                HouseDiagram.Part(label: focusAreaLabel($0), href: href(.focusArea($0.id)))
            }
        }
        func title(_ kind: GroupKind) -> String {
            framework.groups.first { $0.kind == kind }.map { l.text($0.name) } ?? ""
        }
        return HouseDiagram(
            id: "chart-framework-house", title: l[.pageFramework], description: l[.frameworkHouseCaption],
            roofTitle: title(.roof), roof: parts(.roof), pillarsTitle: title(.pillars), pillars: parts(.pillars),
            foundationTitle: title(.foundation), foundation: parts(.foundation)
        ).svg()
    }
}
