import LCityContent
extension PageScope {
    func cityItem(_ city: City) -> CityListItemView {
        CityListItemView(
            name: cityName(city), href: href(.city(city.slug)), country: countryName(city.country.value),
            illustrative: city.illustrative,
            coverage: l.format(.coverageText, [
                "count": l.integer(model.reportedCount(city)), "total": l.integer(framework.measures.count),
            ]))
    }

    /// Cities grouped by country (in code order, cities in slug order); `listCities: false` gives counts only.
    func countryGroups(_ cities: some Sequence<City>, listCities: Bool = true) -> [CountryGroupView] {
        var order: [String] = []
        var groups: [String: [City]] = [:]
        for city in cities {
            if groups[city.country.value] == nil { order.append(city.country.value) }
            groups[city.country.value, default: []].append(city)
        }
        return order.map { code in
            let members = groups[code]!
            return CountryGroupView(
                name: countryName(code), href: href(.country(code)),
                count: l.format(.citiesCount, ["count": l.integer(members.count)]),
                cities: listCities ? members.map(cityItem) : [])
        }
    }

    func regionGroups(_ regions: [Region], listCities: Bool) -> [RegionGroupView] {
        regions.map { region in
            let cities = model.citiesOfRegion(region.id)
            return RegionGroupView(
                name: l.text(region.name), href: href(.region(region.id)),
                count: l.format(.citiesCount, ["count": l.integer(cities.count)]),
                countries: countryGroups(cities, listCities: listCities),
                listsCities: listCities)
        }
    }

    func cities() -> PageContext<CityListView> {
        let listCities = !model.listedCities(on: .cities).isEmpty
        return context(
            layout(title: l[.pageCities], description: l[.citiesDescription], showsData: true),
            CityListView(
                intro: l.format(listCities ? .citiesIntro : .citiesIntroLarge, ["count": l.integer(model.cities.count)]),
                regions: regionGroups(model.content.geography.regions, listCities: listCities),
                hasCities: !model.cities.isEmpty, pager: ""))
    }

    func regions() -> PageContext<CityListView> {
        context(
            layout(
                title: l[.pageRegions], description: l[.regionsDescription],
                breadcrumbs: [Link(label: l[.pageCities], href: href(.cities))], current: .cities, showsData: true),
            CityListView(
                intro: l[.regionsDescription], regions: regionGroups(model.content.geography.regions, listCities: false),
                hasCities: !model.cities.isEmpty, pager: ""))
    }

    func region(_ id: String, page: Int = 1) -> PageContext<CityListView> {
        let region = model.content.geography.region(id)!
        let name = l.text(region.name)
        return cityListPage(
            model.citiesOfRegion(region.id), page: page, kind: { .region(id, page: $0) },
            heading: Link(label: name, href: href(.region(region.id))), title: name,
            description: l.format(.regionDescription, ["name": name]),
            breadcrumbs: [
                Link(label: l[.pageCities], href: href(.cities)), Link(label: l[.pageRegions], href: href(.regions)),
            ])
    }

    func country(_ code: String, page: Int = 1) -> PageContext<CityListView> {
        let cities = model.citiesByCountry[code] ?? []
        let regionID = model.content.geography.countries[code]?.region ?? cities.first?.region.value ?? ""
        let name = countryName(code)
        let regionLink = Link(label: regionName(regionID), href: href(.region(regionID)))
        return cityListPage(
            cities, page: page, kind: { .country(code, page: $0) }, heading: regionLink,
            title: l.format(.countryTitle, ["name": name]), description: l.format(.regionDescription, ["name": name]),
            breadcrumbs: [Link(label: l[.pageCities], href: href(.cities)), regionLink])
    }

    /// One page of a paginated list of cities (a region's or a country's), grouped by country under `heading`.
    func cityListPage(
        _ cities: [City], page: Int, kind: (Int) -> PageKind, heading: Link, title: String, description: String,
        breadcrumbs: [Link]
    ) -> PageContext<CityListView> {
        let pageCount = Paging.pageCount(cities.count, perPage: Paging.listCities)
        let group = RegionGroupView(
            name: heading.label, href: heading.href,
            count: l.format(.citiesCount, ["count": l.integer(cities.count)]),
            countries: countryGroups(model.listedCities(on: kind(page))),
            listsCities: true)
        return context(
            layout(
                title: pagedTitle(title, page: page, of: pageCount), description: description, breadcrumbs: breadcrumbs,
                current: .cities, showsData: true),
            CityListView(
                intro: group.count, regions: [group], hasCities: !cities.isEmpty,
                pager: pager(pageCount, current: page, kind: kind)))
    }

    func city(_ slug: String) -> PageContext<CityView> {
        let city = model.city(slug)!
        let name = cityName(city)
        var facts: [StatisticView] = [
            StatisticView(label: l[.cityCountry], value: countryName(city.country.value)),
            StatisticView(label: l[.cityRegion], value: regionName(city.region.value)),
        ]
        if let population = city.population {
            var value = l.integer(population.value)
            if let year = city.populationYear { value += " (\(year.value))" }
            facts.append(StatisticView(label: l[.cityPopulation], value: value))
        }
        if let joined = city.joined { facts.append(StatisticView(label: l[.cityJoined], value: String(joined.value))) }
        if let coordinates = city.coordinates {
            facts.append(
                StatisticView(
                    label: l[.cityCoordinates],
                    value: "\(NumberFormatting.format(abs(coordinates.latitude), decimals: 2))° \(coordinates.latitude >= 0 ? "N" : "S"), \(NumberFormatting.format(abs(coordinates.longitude), decimals: 2))° \(coordinates.longitude >= 0 ? "E" : "W")"))
        }

        var flagsUsed = Set<ObservationFlag>()
        var areas: [CityAreaView] = []
        // The city's series of each measure, in framework order: looked up once for the rows, coverage and charts.
        var seriesByMeasure: [ObservationSeries?] = []
        seriesByMeasure.reserveCapacity(framework.measures.count)
        for area in framework.focusAreas {
            var rows: [CityMeasureRowView] = []
            for feature in area.keyFeatures {
                for measure in feature.measures {
                    let series = city.series(for: measure.id)
                    seriesByMeasure.append(series)
                    let row = cityMeasureRow(city, measure: measure, series: series)
                    if let key = row.flagKey, let flag = ObservationFlag(rawValue: key) { flagsUsed.insert(flag) }
                    for point in series?.observations ?? [] {
                        if let flag = point.flag?.value { flagsUsed.insert(flag) }
                    }
                    rows.append(row)
                }
            }
            areas.append(
                CityAreaView(
                    id: area.id, title: focusAreaLabel(area), href: href(.focusArea(area.id)),
                    group: l.text(group(of: area)?.name),
                    renderedRows: renderRows(rows, with: builder.fragments.cityRows)))
        }
        let reported = model.reportedCount(city)
        let measuresAndSeries = zip(framework.measures, seriesByMeasure)
        let coverageBySource = SourceType.allCases.map { source -> StatisticView in
            let measures = measuresAndSeries.filter { measure, _ in measure.source == source }
            let count = measures.count { _, series in series?.observations.contains { $0.value != .notAvailable } == true }
            return StatisticView(
                label: l.sourceType(source),
                value: l.format(.coverageText, ["count": l.integer(count), "total": l.integer(measures.count)]))
        }
        let breakdownCharts = measuresAndSeries.compactMap { measure, series in
            series?.latest.flatMap { cityBreakdownChart(city, measure, observation: $0) }
        }
        // Peers: cities of the same country first, then of the region; a dozen at most.
        var peers: [City] = Array((model.citiesByCountry[city.country.value] ?? []).lazy.filter { $0.slug != city.slug }.prefix(12))
        if peers.count < 12 {
            peers += Array((model.citiesByRegion[city.region.value] ?? []).lazy
                .filter { $0.country.value != city.country.value }.prefix(12 - peers.count))
        }
        let otherLanguage = model.languages.first { $0 != language }
        let otherName = otherLanguage.map { city.name.text(in: $0) }.flatMap { $0 == name ? nil : $0 }
        return context(
            layout(
                title: name,
                description: l.format(.cityDescription, ["name": name, "country": countryName(city.country.value)]),
                breadcrumbs: [
                    Link(label: l[.pageCities], href: href(.cities)),
                    Link(label: regionName(city.region.value), href: href(.region(city.region.value))),
                ], current: .cities, showsData: true, translated: true, ogType: "article"),
            CityView(
                name: name, otherName: otherName, otherNameLang: otherLanguage ?? language, illustrative: city.illustrative, facts: facts,
                description: resolveRootMarkers(model.cityDescriptions[city.slug]?[language] ?? ""),
                coverage: l.format(.coverageText, [
                    "count": l.integer(reported), "total": l.integer(framework.measures.count),
                ]),
                coverageBySource: coverageBySource, areas: areas,
                peers: peers.map { Link(label: cityName($0), href: href(.city($0.slug))) },
                peersTitle: l.format(.cityPeers, ["region": regionName(city.region.value)]),
                jsonHref: file("data/cities/\(city.slug).json"), csvHref: file("data/cities/\(city.slug).csv"),
                flagsUsed: flagExplanations(flagsUsed), breakdownCharts: breakdownCharts,
))
    }

    /// The row of `measure` in the city's profile; `series` is the city's series of the measure.
    func cityMeasureRow(_ city: City, measure: Measure, series: ObservationSeries?) -> CityMeasureRowView {
        let texts = texts(measure)
        let breakdown = texts.breakdown
        let observations = series?.byYear ?? []
        let latest = observations.last { $0.value != .notAvailable }
        let latestAny = observations.last
        let shown = latest ?? latestAny
        let headline = latest?.headline(totalCategory: breakdown?.totalCategory)
        var categories: [StatisticView] = []
        if let latest, let breakdown, case .breakdown(let values) = latest.value {
            // With a headline total, the total is the value itself: list only the parts.
            categories = breakdown.categories.filter { headline == nil || $0.id != breakdown.totalCategory }.compactMap { category in
                values.first { $0.category.value == category.id }.map {
                    StatisticView(
                        label: l.text(category.name),
                        value: headline == nil ? formatValueWithUnit($0.value.value, measure) : formatValue($0.value.value, measure))
                }
            }
        }
        let headlineText = headline.map { formatValueWithUnit($0, measure) }
        let value: String
        if let headlineText {
            value = headlineText
        } else if latest != nil {
            value = ""  // a breakdown without a total: the categories are the value
        } else if latestAny != nil {
            value = l[.notAvailable]
        } else {
            value = l[.noValue]
        }
        // Over two or more years: each year's headline and flag, formatted once for the history and its chart.
        let years: [YearValue] = observations.count > 1
            ? observations.map { observation in
                let headline = observation.headline(totalCategory: breakdown?.totalCategory)
                return YearValue(
                    observation: observation, headline: headline, text: headline.map { formatValue($0, measure) },
                    flag: observation.flag.map { l.flag($0.value) })
            } : []
        let history = years.map { year in
            HistoryPointView(
                year: String(year.observation.year.value),
                value: year.text ?? (year.observation.value == .notAvailable ? l[.notAvailable] : "…"),
                flag: year.flag)
        }
        let cityName = cityName(city)
        return CityMeasureRowView(
            id: measure.id, name: texts.name, href: root + texts.indicatorPath,
            keyFeature: texts.keyFeature, sourceType: texts.sourceType, sourceKey: measure.source.rawValue,
            hasValue: latest != nil, notAvailable: latest == nil && latestAny != nil,
            value: value, categories: categories,
            year: shown.map { String($0.year.value) } ?? "",
            flag: shown?.flag.map { l.flag($0.value) }, flagKey: shown?.flag?.value.rawValue,
            source: l.text(shown?.source), note: shown?.note.map { l.text($0) },
            network: texts.network, history: history,
            networkChart: cityNetworkChart(cityName, measure, headline: headline, headlineText: headlineText, texts: texts),
            yearsChart: cityYearsChart(cityName, measure, years: years))
    }
}

extension PageScope {
    /// "min … · median … · max … (n cities)".
    func networkSummary(_ distribution: Distribution, _ measure: Measure) -> String {
        l.format(.networkSummary, [
            "min": formatValue(distribution.minimum, measure), "median": formatMedian(distribution.median, measure, withUnit: false),
            "max": formatValue(distribution.maximum, measure), "count": l.integer(distribution.count),
        ])
    }
}

/// One year of a city's measure: the observation, its headline number, and that number and its flag as shown.
struct YearValue {
    let observation: Observation
    let headline: Double?
    let text: String?
    let flag: String?
}
