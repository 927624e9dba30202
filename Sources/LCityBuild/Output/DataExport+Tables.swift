import Foundation
import LCityContent
import LCityPages

/// The tables of cities and the wide tables, each described once as rows for any `RowSink` (CSV or worksheet).
extension DataExport {
    /// `data/cities.csv` and `data/wide.<lang>.csv` for every language, in that order.
    func tableFiles() -> [(path: String, data: Data)] {
        var files = [("data/cities.csv", csv { citiesTable(to: &$0) })]
        for language in model.languages {
            files.append((Self.widePath(language), csv { wideTable(language: language, to: &$0) }))
        }
        return files
    }

    /// The wide table of `language`.
    static func widePath(_ language: String) -> String { DownloadPath.wide(language) }

    /// A CSV download: BOM, then what `rows` writes.
    func csv(_ rows: (inout CSVWriter) -> Void) -> Data {
        var csv = CSVWriter(bytes: CSV.byteOrderMark)
        rows(&csv)
        return Data(csv.bytes)
    }

    // MARK: Cities

    /// One row per city in slug order: id, names, country (code, names), region (id, names), population and its
    /// year, latitude, longitude, year joined, whether illustrative, the release.
    func citiesTable(to rows: inout some RowSink) {
        let languages = model.languages
        let header =
            ["city"] + languages.map { "name_\($0)" } + ["country"] + languages.map { "country_name_\($0)" } + ["region"]
            + languages.map { "region_name_\($0)" }
            + ["population", "population_year", "latitude", "longitude", "joined", "illustrative", "release"]
        for field in header { rows.field(field) }
        rows.endRow()
        for city in model.cities { cityRow(city, to: &rows) }
    }

    /// A city's row of `data/cities.csv`.
    func cityRow(_ city: City, to rows: inout some RowSink) {
        let languages = model.languages
        let country = model.content.geography.countries[city.country.value]
        let region = model.content.geography.region(city.region.value)
        rows.field(city.slug)
        for language in languages { rows.field(city.name.text(in: language, fallbacks: languages)) }
        rows.field(city.country.value)
        for language in languages { rows.field(country?.name.text(in: language, fallbacks: languages) ?? "") }
        rows.field(city.region.value)
        for language in languages { rows.field(region?.name.text(in: language, fallbacks: languages) ?? "") }
        rows.number(city.population.map { Double($0.value) })
        rows.number(city.populationYear.map { Double($0.value) })
        rows.number(city.coordinates?.latitude)
        rows.number(city.coordinates?.longitude)
        rows.number(city.joined.map { Double($0.value) })
        rows.field(city.illustrative ? "true" : "false")
        rows.field(releaseVersion)
        rows.endRow()
    }

    // MARK: Wide

    /// The categories that get a column of their own in the wide table: every category of a measure's breakdown,
    /// in the framework's order (the total too); one column without category for a measure without breakdown.
    func wideCategories(_ measure: Measure) -> [BreakdownCategory?] {
        guard let breakdown = measure.breakdownID.flatMap(model.framework.breakdown) else { return [nil] }
        return breakdown.categories
    }

    /// One row per city in slug order, headers in `language`: the city's id, name, country, region and whether
    /// illustrative, then per measure in the framework's order its latest reported value (one column per category),
    /// the year of that value and its flag (as in the long CSV). Where a city has no value the cells stay empty.
    func wideTable(language: String, to rows: inout some RowSink) {
        let l = model.localizer(language)
        let fallbacks = model.config.fallbacks(for: language)
        for field in [l[.downloadWideSlug], l[.downloadWideCity], l[.downloadWideCountry], l[.downloadWideRegion], l[.downloadWideIllustrative]] {
            rows.field(field)
        }
        for measure in model.framework.measures {
            let name = measure.name.text(in: language, fallbacks: fallbacks)
            let unit = model.framework.unit(measure.unitID)
            // The unit's symbol ("%"), or its name where it has none ("number").
            let symbol = unit?.symbol?.text(in: language, fallbacks: fallbacks) ?? ""
            let unitText = symbol.isEmpty ? unit?.name.text(in: language, fallbacks: fallbacks) ?? measure.unitID : symbol
            for category in wideCategories(measure) {
                if let category {
                    rows.field(l.format(.downloadWideCategory, [
                        "id": measure.id, "name": name, "category": category.name.text(in: language, fallbacks: fallbacks),
                        "unit": unitText,
                    ]))
                } else {
                    rows.field(l.format(.downloadWideValue, ["id": measure.id, "name": name, "unit": unitText]))
                }
            }
            rows.field(l.format(.downloadWideYear, ["id": measure.id]))
            rows.field(l.format(.downloadWideFlag, ["id": measure.id]))
        }
        rows.endRow()
        for city in model.cities { wideRow(city, language: language, to: &rows) }
    }

    /// A city's row of the wide table of `language`.
    func wideRow(_ city: City, language: String, to rows: inout some RowSink) {
        let fallbacks = model.config.fallbacks(for: language)
        let geography = model.content.geography
        rows.field(city.slug)
        rows.field(city.name.text(in: language, fallbacks: fallbacks))
        rows.field(geography.countries[city.country.value]?.name.text(in: language, fallbacks: fallbacks) ?? city.country.value)
        rows.field(geography.region(city.region.value)?.name.text(in: language, fallbacks: fallbacks) ?? city.region.value)
        rows.field(city.illustrative ? "true" : "false")
        for measure in model.framework.measures {
            let latest = city.series(for: measure.id)?.latest
            for category in wideCategories(measure) {
                switch latest?.value {
                case .single(let value) where category == nil: rows.number(value.value)
                case .breakdown(let entries) where category != nil:
                    rows.number(entries.first { $0.category.value == category?.id }?.value.value)
                default: rows.number(nil)
                }
            }
            rows.number(latest.map { Double($0.year.value) })
            rows.field(latest?.flag?.value.rawValue ?? "")
        }
        rows.endRow()
    }

    /// A city's row of the wide table of `language` as CSV bytes (for the incremental session).
    func wideRowBytes(_ city: City, language: String) -> [UInt8] {
        var csv = CSVWriter()
        wideRow(city, language: language, to: &csv)
        return csv.bytes
    }

    // MARK: Measures

    /// One row per measure in the framework's order: id, names, unit (id, names), source type, breakdown
    /// categories, definitions.
    func measuresTable(to rows: inout some RowSink) {
        let languages = model.languages
        let header =
            ["measure"] + languages.map { "measure_name_\($0)" } + ["unit"] + languages.map { "unit_name_\($0)" }
            + ["source_type", "categories"] + languages.map { "definition_\($0)" }
        for field in header { rows.field(field) }
        rows.endRow()
        for measure in model.framework.measures {
            let texts = measureTexts[measure.id]
            rows.field(measure.id)
            for name in texts?.names ?? [] { rows.field(name) }
            rows.field(measure.unitID)
            for name in texts?.unitNames ?? [] { rows.field(name) }
            rows.field(measure.source.rawValue)
            rows.field(wideCategories(measure).compactMap { $0?.id }.joined(separator: " "))
            for language in languages { rows.field(measure.definition.text(in: language, fallbacks: languages)) }
            rows.endRow()
        }
    }
}
