import LCityContent
extension PageScope {
    func cityItem(_ city: City) -> CityListItemView {
        CityListItemView(
            name: cityName(city), href: href(.city(city.slug)), country: countryName(city.country.value),
            illustrative: city.illustrative,
            coverage: l.format(.coverageText, [
                "count": l.integer(city.reportedMeasureCount), "total": l.integer(framework.measures.count),
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
                count: citiesCount(members.count),
                cities: listCities ? members.map(cityItem) : [])
        }
    }

    func regionGroups(_ regions: [Region], listCities: Bool) -> [RegionGroupView] {
        regions.map { region in
            let cities = model.citiesOfRegion(region.id)
            return RegionGroupView(
                name: l.text(region.name), href: href(.region(region.id)),
                count: citiesCount(cities.count),
                countries: countryGroups(cities, listCities: listCities),
                listsCities: listCities, titled: true)
        }
    }

    func cities() -> PageContext<CityListView> {
        let listCities = !model.listedCities(on: .cities).isEmpty
        return context(
            layout(title: l[.pageCities], description: l[.citiesDescription], showsData: true),
            CityListView(
                intro: l.format(listCities ? .citiesIntro : .citiesIntroLarge, ["count": l.integer(model.cities.count)]),
                regions: regionGroups(model.content.geography.regions, listCities: listCities),
                hasCities: !model.cities.isEmpty, pager: "", figures: [], map: cityMap(model.cities, region: nil)))
    }

    func regions() -> PageContext<CityListView> {
        context(
            layout(
                title: l[.pageRegions], description: l[.regionsDescription],
                breadcrumbs: [Link(label: l[.pageCities], href: href(.cities))], current: .cities, showsData: true),
            CityListView(
                intro: l[.regionsDescription], regions: regionGroups(model.content.geography.regions, listCities: false),
                hasCities: !model.cities.isEmpty, pager: "", figures: []))
    }

    func region(_ id: String, page: Int = 1) -> PageContext<CityListView> {
        let region = model.content.geography.region(id)!
        let name = l.text(region.name)
        var list = cityListPage(
            model.citiesOfRegion(region.id), page: page, kind: { .region(id, page: $0) },
            heading: Link(label: name, href: href(.region(region.id))), title: name,
            description: l.format(.regionDescription, ["name": name]),
            breadcrumbs: [
                Link(label: l[.pageCities], href: href(.cities)), Link(label: l[.pageRegions], href: href(.regions)),
            ])
        if page == 1 { list.page.map = cityMap(model.citiesOfRegion(region.id), region: region) }
        return list
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
        // A region's page is titled with the region: its countries are the sections. A country's page names
        // the country's region above its cities.
        let isRegion = if case .region = kind(page) { true } else { false }
        let group = RegionGroupView(
            name: heading.label, href: heading.href,
            count: citiesCount(cities.count),
            countries: countryGroups(model.listedCities(on: kind(page))),
            listsCities: true, titled: !isRegion)
        return context(
            layout(
                title: pagedTitle(title, page: page, of: pageCount), description: description, breadcrumbs: breadcrumbs,
                current: .cities, showsData: true),
            CityListView(
                intro: group.count, regions: [group], hasCities: !cities.isEmpty,
                pager: pager(pageCount, current: page, kind: kind), figures: listFigures(model.summarizedCities(on: kind(page)))))
    }

    /// What a region's or a country's page states of its cities: how many, in how many countries, and how much of
    /// the framework they report (the median city's coverage, and every city's values over all measures).
    func listFigures(_ cities: [City]) -> [StatisticView] {
        guard !cities.isEmpty else { return [] }
        let measures = framework.measures.count
        let reported = cities.map(\.reportedMeasureCount)
        let countries = Set(cities.map(\.country.value)).count
        var figures = [StatisticView(label: l[.labelCities], value: l.integer(cities.count))]
        if countries > 1 { figures.append(StatisticView(label: l[.labelCountries], value: l.integer(countries))) }
        if let median = Distribution(reported.map(Double.init))?.median {
            figures.append(StatisticView(
                label: l[.statMedianCoverage],
                value: l.format(.coverageText, ["count": NumberFormatting.format(median, decimals: median.rounded() == median ? 0 : 1), "total": l.integer(measures)])))
        }
        let share = Double(reported.reduce(0, +)) / Double(cities.count * max(measures, 1)) * 100
        figures.append(StatisticView(label: l[.statValuesReported], value: NumberFormatting.format(share, decimals: 0) + "%"))
        return figures
    }

    func city(_ slug: String) -> PageContext<CityView> {
        let city = model.city(slug)!
        let name = cityName(city)
        var facts: [StatisticView] = [
            StatisticView(label: l[.cityCountry], value: countryName(city.country.value)),
            StatisticView(label: l[.cityRegion], value: regionName(city.region.value)),
        ]
        if let population = city.population {
            let values: KeyValuePairs = [
                "count": l.integer(population.value),
                "wan": NumberFormatting.format(Double(population.value) / 10_000, decimals: population.value % 10_000 == 0 ? 0 : population.value % 1_000 == 0 ? 1 : 2),
                "year": city.populationYear.map { String($0.value) } ?? "",
            ]
            facts.append(StatisticView(
                label: l[.cityPopulation],
                value: l.format(city.populationYear == nil ? .cityPopulationValue : .cityPopulationValueYear, values)))
        }
        if let joined = city.joined {
            facts.append(StatisticView(label: l[.cityJoined], value: l.format(.yearValue, ["year": String(joined.value)])))
        }
        if let coordinates = city.coordinates {
            facts.append(StatisticView(label: l[.cityCoordinates], value: l.format(.cityCoordinatesValue, [
                "lat": NumberFormatting.format(abs(coordinates.latitude), decimals: 2),
                "ns": l[coordinates.latitude >= 0 ? .coordinateNorth : .coordinateSouth],
                "lon": NumberFormatting.format(abs(coordinates.longitude), decimals: 2),
                "ew": l[coordinates.longitude >= 0 ? .coordinateEast : .coordinateWest],
            ])))
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
        let reported = city.reportedMeasureCount
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
        let similar = similarCities(city)
        let renderedSimilar = RenderedHTML(bytes: similar.isEmpty ? [] : builder.fragments.similarCities.render(
            SimilarCitiesView(intro: l.format(.citySimilarIntro, ["city": name]), cities: similar),
            constants: fragmentConstants, constantsKey: language))
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
                descriptionLang: city.description.map { $0.language(for: language, fallbacks: l.fallbacks) }.flatMap { $0 == language ? nil : $0 },
                coverage: l.format(.coverageText, [
                    "count": l.integer(reported), "total": l.integer(framework.measures.count),
                ]),
                coverageBySource: coverageBySource, areas: areas,
                renderedSimilar: renderedSimilar, hasSimilar: !similar.isEmpty,
                compareHref: compareWithPeers(city), compareLabel: l.format(.compareSimilar, ["city": name]),
                jsonHref: file("data/cities/\(city.slug).json"), csvHref: file("data/cities/\(city.slug).csv"),
                flagsUsed: flagExplanations(flagsUsed), breakdownCharts: breakdownCharts,
                printSheet: printSheet(cityName: name), changeNotice: cityChangeNotice(city.slug), cite: cite))
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
                value: year.text ?? (year.observation.value == .notAvailable ? l[.notAvailable] : categoryValues(year.observation, measure)),
                flag: year.flag)
        }
        let cityName = cityName(city)
        let change = model.change(city.slug, measure.id)
        return CityMeasureRowView(
            id: measure.id, name: texts.name, href: root + texts.indicatorPath,
            keyFeature: texts.keyFeature, sourceType: texts.sourceType, sourceKey: measure.source.rawValue,
            hasValue: latest != nil, notAvailable: latest == nil && latestAny != nil,
            value: value, categories: categories,
            year: shown.map { String($0.year.value) } ?? "",
            flag: shown?.flag.map { l.flag($0.value) }, flagKey: shown?.flag?.value.rawValue,
            source: l.text(shown?.source), note: shown?.note.map { l.text($0) },
            network: texts.network, history: history,
            change: change.map { changeSentence($0, measure) }, learnFrom: learnFrom(city, measure),
            networkChart: cityNetworkChart(
                cityName, measure, headline: headline, headlineText: headlineText, texts: texts,
                onNetworkRange: model.entersStatistics(city)),
            yearsChart: cityYearsChart(cityName, measure, years: years))
    }
}

extension PageScope {
    /// "1 city", "12 cities": the singular has a string of its own.
    func citiesCount(_ count: Int) -> String {
        count == 1 ? l[.citiesCountOne] : l.format(.citiesCount, ["count": l.integer(count)])
    }

    /// What a printed profile says of itself: its address, the data's edition and how to cite it.
    func printSheet(cityName: String) -> PrintSheetView {
        let url = absolute(route.path)
        let version = model.config.release?.version
        let date = builder.dataDates[language]
        let edition = version.map { l.format(.printDataEdition, ["version": $0, "date": date ?? ""]) }
        return PrintSheetView(
            address: l[.printAddress], url: url, edition: edition,
            citation: l.format(.printCitation, [
                "site": l.text(model.config.title), "city": cityName, "version": version ?? "", "date": date ?? "", "url": url,
            ]))
    }

    /// A breakdown observation without a total as one text: "Public sector: 1.9%, Private sector: 1.4%".
    func categoryValues(_ observation: Observation, _ measure: Measure) -> String {
        guard let breakdown = measure.breakdownID.flatMap(framework.breakdown) else { return "" }
        return breakdown.categories.compactMap { category in
            observation.value(for: category.id).map { l.labelled(l.text(category.name), formatValueWithUnit($0, measure)) }
        }.joined(separator: l[.listSeparator])
    }

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
