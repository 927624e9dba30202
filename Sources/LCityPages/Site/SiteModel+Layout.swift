import LCityContent

/// How pages lay out the model: which cities a list page shows and in what order, which rows an indicator table
/// page holds, what a list says of a city. `PageBuilder` lays pages out with these functions, and the incremental
/// session finds the pages an edit affects with the same ones, so the two cannot disagree.
extension SiteModel {
    /// The cities of a region in the order its pages list them: by country code, then slug.
    public func citiesOfRegion(_ id: String) -> [City] {
        (citiesByRegion[id] ?? []).sorted { ($0.country.value, $0.slug) < ($1.country.value, $1.slug) }
    }

    /// The cities the list page `kind` shows with their coverage: a page of a region or a country, or all cities
    /// on the cities page while the network is small enough to list them; none for any other kind.
    public func listedCities(on kind: PageKind) -> ArraySlice<City> {
        switch kind {
        case .cities: return cities.count <= Paging.listCities ? cities[...] : []
        case .region(let id, let page): return Paging.slice(citiesOfRegion(id), page: page, perPage: Paging.listCities)
        case .country(let code, let page):
            return Paging.slice(citiesByCountry[code] ?? [], page: page, perPage: Paging.listCities)
        default: return []
        }
    }

    /// The cities whose figures (countries, coverage) every page of the list `kind` states: all of a region's or a
    /// country's cities; none for any other kind.
    public func summarizedCities(on kind: PageKind) -> [City] {
        switch kind {
        case .region(let id, _): return citiesOfRegion(id)
        case .country(let code, _): return citiesByCountry[code] ?? []
        default: return []
        }
    }

    /// The rows of page `page` of a measure's table in `language`: positions in `statistics[measure].values`, in
    /// the alphabetical order of the cities' names in that language.
    public func tableRows(of measure: String, language: String, page: Int) -> ArraySlice<Int> {
        let order = tableOrder[language]?[measure] ?? Array(statistics[measure]?.values.indices ?? 0..<0)
        return Paging.slice(order, page: page, perPage: Paging.tableRows)
    }
}
