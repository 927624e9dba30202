import LCityContent
extension PageScope {
    /// A value cell of `column`: the value, or the no-value text, marked missing.
    func cell(_ column: String, _ value: String?) -> CellView {
        CellView(label: column, text: value ?? l[.noValue], missing: value == nil)
    }

    func indicators() -> PageContext<IndicatorsView> {
        let groups = framework.focusAreas.map { area in
            IndicatorGroupView(
                area: focusAreaLabel(area), href: href(.focusArea(area.id)),
                measures: area.keyFeatures.flatMap(\.measures).map(measureItem))
        }
        let sourceTypes = SourceType.allCases.map { source in
            SourceTypeCountView(
                label: l.sourceType(source), key: source.rawValue,
                count: l.integer(framework.measures.count { $0.source == source }))
        }
        return context(
            layout(title: l[.pageIndicators], description: l[.indicatorsDescription], showsData: true, translated: true),
            IndicatorsView(groups: groups, sourceTypes: sourceTypes))
    }

    func indicator(_ id: String, page: Int = 1) -> PageContext<IndicatorView> {
        let measure = model.index.measures[id]!
        let (area, feature) = focusArea(of: measure)!
        let unit = framework.unit(measure.unitID)!
        let breakdown = measure.breakdownID.flatMap(framework.breakdown)
        let statistics = model.statistics[id]!
        let isRating = unit.kind == .rating
        let categories = breakdown?.categories ?? []

        let valueHeaders = categories.isEmpty
            ? [CategoryHeaderView(name: unitLabel(measure).isEmpty ? l[.labelValue] : l.format(.labelValueIn, ["unit": unitLabel(measure)]))]
            : categories.map { CategoryHeaderView(name: l.text($0.name)) }
        var flagsUsed = Set<ObservationFlag>()
        // Rows in alphabetical order of the city's name in this language (the table lists, it does not rank),
        // a page at a time.
        let pageCount = Paging.pageCount(statistics.values.count, perPage: Paging.tableRows)
        let rows = model.tableRows(of: id, language: language, page: page).map { position -> IndicatorRowView in
            let entry = statistics.values[position]
            let label = cityLabels[entry.cityIndex]
            let observation = entry.observation
            if let flag = observation.flag?.value { flagsUsed.insert(flag) }
            let cells: [CellView]
            if categories.isEmpty {
                cells = [cell(valueHeaders[0].name, entry.headline.map { formatValue($0, measure) })]
            } else {
                cells = zip(categories, valueHeaders).map { category, header in
                    cell(header.name, observation.value(for: category.id).map { formatValue($0, measure) })
                }
            }
            return IndicatorRowView(
                city: label.name, cityHref: root + label.path, country: label.country,
                cells: cells, year: String(entry.year),
                flag: observation.flag.map { l.flag($0.value) }, flagKey: observation.flag?.value.rawValue,
                source: l.text(observation.source), note: observation.note.map { l.text($0) })
        }
        var figures: [StatisticView] = [
            StatisticView(label: l[.statReporting], value: l.format(.indicatorCitiesReporting, [
                "count": l.integer(statistics.values.count), "total": l.integer(model.countedCityCount),
            ]))
        ]
        if let headline = statistics.headline {
            figures.append(StatisticView(label: l[.statMinimum], value: formatValueWithUnit(headline.minimum, measure)))
            figures.append(StatisticView(label: l[.statMedian], value: formatMedian(headline.median, measure)))
            figures.append(StatisticView(label: l[.statMaximum], value: formatValueWithUnit(headline.maximum, measure)))
        }
        if let years = statistics.years {
            figures.append(StatisticView(label: l[.statYears], value: yearsRange(years)))
        }
        let categoryStatistics = zip(categories, statistics.categories).compactMap { category, entry -> CategoryStatisticView? in
            guard let distribution = entry.distribution else { return nil }
            return CategoryStatisticView(
                name: l.text(category.name), count: l.integer(distribution.count),
                minimum: formatValue(distribution.minimum, measure),
                median: formatMedian(distribution.median, measure, withUnit: false),
                maximum: formatValue(distribution.maximum, measure))
        }
        let ratingScale = isRating
            ? framework.ratingScale.sorted { $0.value > $1.value }.map { level in
                RatingCountView(
                    level: String(level.value), name: l.text(level.name),
                    count: l.integer(statistics.ratingCounts[level.value - 1]))
            } : []
        let range = measure.range(in: unit)
        let rangeText: String
        if isRating {
            rangeText = l[.rangeRating]
        } else if let maximum = range.maximum {
            rangeText = "\(NumberFormatting.format(range.minimum, decimals: 0))–\(NumberFormatting.format(maximum, decimals: 0))"
        } else {
            rangeText = "≥ \(NumberFormatting.format(range.minimum, decimals: 0))"
        }
        let charts = page == 1 ? indicatorCharts(measure, statistics: statistics) : []
        let title = pagedTitle(
            l.format(.indicatorTitle, ["id": measure.id, "name": l.text(measure.name)]), page: page, of: pageCount)
        // Cities without data are named on the first page only.
        let missing = page == 1 ? statistics.missing.compactMap(model.city) : []
        let missingShown = missing.prefix(Paging.missingNames).map(cityName)
        var noData: String?
        if !missing.isEmpty {
            noData = l[.chartNoData] + " " + missingShown.joined(separator: l[.listSeparator])
            if missing.count > missingShown.count {
                noData! += l.format(.andMore, ["count": l.integer(missing.count - missingShown.count)])
            }
        }
        var pageLayout = layout(
            title: title, description: l.text(measure.definition),
            breadcrumbs: [
                Link(label: l[.pageIndicators], href: href(.indicators)),
                Link(label: focusAreaLabel(area), href: href(.focusArea(area.id))),
            ], current: .indicators, showsData: true, translated: true, ogType: "article")
        if page == 1 {
            let own = DownloadView(
                label: "measures/\(measure.id).csv", href: file("data/measures/\(measure.id).csv"), format: "text/csv",
                text: l[.dataFileMeasure])
            pageLayout.jsonLD = datasetJSONLD(
                name: measureLabel(measure), description: l.text(measure.definition), url: absolute(route.path),
                downloads: [own] + dataDownloads(), years: statistics.years)
        }
        return context(
            pageLayout,
            IndicatorView(
                id: measure.id, name: l.text(measure.name), definition: l.text(measure.definition),
                focusArea: Link(label: focusAreaLabel(area), href: href(.focusArea(area.id))),
                keyFeature: Link(
                    label: "\(feature.id) \(l.text(feature.name))",
                    href: href(.focusArea(area.id), fragment: "key-feature-\(feature.id)")),
                sourceType: l.sourceType(measure.source), sourceKey: measure.source.rawValue,
                direction: l[Self.directionTexts[measure.direction]!],
                unit: unitLabel(measure).isEmpty || unitLabel(measure) == l.text(unit.name) ? nil : unitLabel(measure),
                unitName: l.text(unit.name), range: rangeText,
                breakdown: breakdown.map { l.labelled(l.text($0.name), $0.categories.map { l.text($0.name) }.joined(separator: l[.listSeparator])) },
                valueHeaders: valueHeaders,
                categoryStatistics: categoryStatistics,
                printed: printedColumn(measure, isRating: isRating), note: measure.note.map { l.text($0) },
                isRating: isRating, ratingScale: ratingScale, statistics: figures,
                renderedRows: renderRows(rows, with: builder.fragments.indicatorRows).text,
                missing: page == 1 && missing.count <= Paging.missingNames
                    ? missing.map { Link(label: cityName($0), href: href(.city($0.slug))) } : [],
                reporting: l.format(.indicatorCitiesReporting, [
                    "count": l.integer(statistics.values.count), "total": l.integer(model.countedCityCount),
                ]),
                csvHref: file("data/measures/\(measure.id).csv"), allCSVHref: file("data/all.csv"),
                flagsUsed: flagExplanations(flagsUsed), charts: charts, noData: noData,
                progress: progress(measure, page: page, statistics: statistics),
                isFirstPage: page == 1,
                pager: pager(pageCount, current: page) { .indicator(id, page: $0) },
                changeNotice: page == 1 ? measureChangeNotice(id) : nil, cite: page == 1 ? cite : nil))
    }

    static let directionTexts: [Direction: UIString] = [
        .higher: .directionHigher, .lower: .directionLower, .neither: .directionNeither,
    ]

    /// "Title (page 2 of 5)" after the first page.
    func pagedTitle(_ title: String, page: Int, of count: Int) -> String {
        page > 1 ? l.format(.titlePage, ["title": title, "page": String(page), "pages": String(count)]) : title
    }

    /// Links to every page of a paginated list, rendered with `templates/partials/pager.mustache` ("" for one page).
    /// Rendered apart from the page, so that the page's shape does not depend on which page is the current one.
    func pager(_ count: Int, current: Int, kind: (Int) -> PageKind) -> String {
        guard count > 1 else { return "" }
        let links = (1...count).map { Link(label: l.integer($0), href: href(kind($0)), current: $0 == current) }
        let html = builder.fragments.pagers.render(PagerView(links: links), constants: fragmentConstants, constantsKey: language)
        return String(decoding: html, as: UTF8.self)
    }

    /// The language of the printed table the framework is transcribed from (the Chinese edition).
    static let printLanguage = "zh"

    /// The measure's printed data column; for a rating scale on a page in another language, the scale read out in
    /// that language ("5–1: Excellent, Very good, Good, Fair, Poor").
    func printedColumn(_ measure: Measure, isRating: Bool) -> PrintedColumnView? {
        guard let printed = measure.printed else { return nil }
        var reading: String?
        if isRating, !printed.isEmpty, language != Self.printLanguage {
            let levels = framework.ratingScale.sorted { $0.value > $1.value }
            if let top = levels.first, let bottom = levels.last {
                reading = "\(top.value)–\(bottom.value): "
                    + levels.map { l.text($0.name) }.joined(separator: l[.listSeparator])
            }
        }
        return PrintedColumnView(text: printed, blank: printed.isEmpty, reading: reading)
    }

    /// The median with one more decimal than the unit when it falls between two values (ratings: "3.5").
    func formatMedian(_ median: Double, _ measure: Measure, withUnit: Bool = true) -> String {
        if framework.unit(measure.unitID)?.kind == .rating {
            return NumberFormatting.format(median, decimals: median.rounded() == median ? 0 : 1)
        }
        return withUnit ? formatValueWithUnit(median, measure) : formatValue(median, measure)
    }

    func yearsRange(_ years: ClosedRange<Int>) -> String {
        let (first, last) = (years.lowerBound, years.upperBound)
        return first == last ? String(first) : l.format(.yearsRange, ["from": String(first), "to": String(last)])
    }

    func flagExplanations(_ flags: Set<ObservationFlag>) -> [FlagExplanationView] {
        ObservationFlag.allCases.filter(flags.contains).map {
            FlagExplanationView(label: l.flag($0), key: $0.rawValue, explanation: l.strings["flag_\($0.rawValue)_explained"])
        }
    }
}
