import LCityContent
import LCityGeography
import LCitySVG
import LCityUTF8

extension PageScope {
    /// The map of `cities`: the world's (`region` nil) or one region's, fitted to its cities. Each city is a mark
    /// of its region's shape and colour linking to its profile; above `PlaceMap.defaultAggregateAbove` cities (or
    /// when their marks would make the map too heavy), hexagons with counts. Cities without coordinates are named
    /// under it.
    func cityMap(_ cities: [City], region: Region?) -> CityMapView? {
        guard !cities.isEmpty else { return nil }
        let regions = model.content.geography.regions
        let groups = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1.id, $0) })
        var places: [PlaceMap.Place] = []
        var notPlaced: [Link] = []
        for city in cities {
            let name = cityName(city)
            guard let coordinates = city.coordinates else {
                notPlaced.append(Link(label: name, href: href(.city(city.slug))))
                continue
            }
            places.append(
                PlaceMap.Place(
                    location: GeoPoint(longitude: coordinates.longitude, latitude: coordinates.latitude),
                    label: LanguageSpans.strip(name), href: href(.city(city.slug)), group: groups[city.region.value] ?? 0))
        }
        let localizer = l
        let title = region.map { l.format(.mapRegionTitle, ["name": LanguageSpans.strip(l.text($0.name))]) } ?? l[.mapTitle]
        let map = PlaceMap(
            id: "map", title: title, places: places, fitsPlaces: region != nil,
            binLabel: { count in
                count == 1 ? localizer[.citiesCountOne] : localizer.format(.citiesCount, ["count": localizer.integer(count)])
            },
            binsDescription: { places, bins in
                localizer.format(.mapBinsDescription, ["count": localizer.integer(places), "bins": localizer.integer(bins)])
            }
        ).render()
        let legend: [MapKeyView]
        if map.isAggregated {
            let bounds = PlaceMap.binClasses
            legend = bounds.indices.map { shade in
                let label = shade + 1 < bounds.count
                    ? l.format(.mapBinRange, ["min": l.integer(bounds[shade]), "max": l.integer(bounds[shade + 1] - 1)])
                    : l.format(.mapBinOver, ["min": l.integer(bounds[shade])])
                return MapKeyView(symbol: RenderedHTML(bytes: Array(PlaceMap.binSymbol(shade: shade).utf8)), label: label)
            }
        } else {
            let shown = Set(places.map(\.group))
            legend = regions.indices.filter(shown.contains).map { group in
                MapKeyView(
                    symbol: RenderedHTML(bytes: Array(PlaceMap.legendSymbol(group: group).utf8)),
                    label: l.text(regions[group].name))
            }
        }
        // As under an indicator's table, a long list of names stops at `Paging.missingNames`.
        let more = notPlaced.count > Paging.missingNames
            ? String(l.format(.andMore, ["count": l.integer(notPlaced.count - Paging.missingNames)]).drop { $0 == " " }) : nil
        return CityMapView(
            svg: RenderedHTML(bytes: map.svg),
            caption: l[map.isAggregated ? .mapCaptionBins : .mapCaption], legend: legend,
            notPlaced: Array(notPlaced.prefix(Paging.missingNames)), notPlacedMore: more, credit: l[.mapCredit])
    }
}

extension PageBuilder {
    /// Every map the site shows in `language`: the world's (home page and list of cities), then each region's, as
    /// their SVG; for measuring (`lcity-bench --search`).
    public func cityMaps(language: String) -> [[UInt8]] {
        let scope = PageScope(builder: self, route: Route(.cities, language: language), l: localizers[language]!)
        let regions = model.content.geography.regions
        return ([scope.cityMap(model.cities, region: nil)]
            + regions.map { scope.cityMap(model.citiesOfRegion($0.id), region: $0) }).compactMap { $0?.svg.bytes }
    }
}
