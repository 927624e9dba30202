import Foundation

/// The language-neutral downloads under `data/`: framework JSON, per-city JSON and CSV,
/// per-indicator CSV and the whole dataset as one long CSV.
public struct DataExport: Sendable {
    public let model: SiteModel

    public init(model: SiteModel) {
        self.model = model
    }

    /// Every download, by path below the output folder (in memory; for tests and small sites).
    public func files() -> [String: Data] {
        let sink = MemorySink()
        try? write(to: sink)
        return sink.contents
    }

    /// Rethrows the first failure of work done on all cores.
    private func throwFirst(_ results: [Result<Void, any Error>]) throws {
        for result in results { try result.get() }
    }

    /// One city's JSON and CSV; returns the CSV's rows (without header), which `data/all.csv` holds too.
    @discardableResult
    public func writeCity(_ city: City, to sink: some OutputSink) throws -> Data {
        let header = CSV.document(header: csvHeader, rows: [])
        let rows = CSV.rows(csvRows(city).map(\.fields))
        try sink.write("data/cities/\(city.slug).json", text: Self.json(cityDocument(city)))
        try sink.write("data/cities/\(city.slug).csv", header + rows)
        return rows
    }

    /// One measure's CSV for all cities.
    public func writeIndicator(_ measure: Measure, to sink: some OutputSink) throws {
        var rows: [[String]] = []
        for city in model.cities { rows += csvRows(city, measures: [measure]).map(\.fields) }
        try sink.write("data/indicators/\(measure.id).csv", CSV.document(header: csvHeader, rows: []) + CSV.rows(rows))
    }

    /// The whole dataset, appended city by city in slug order.
    public func writeAllCSV(to sink: some OutputSink) throws {
        try writeAllCSV(to: sink) { CSV.rows(csvRows($0).map(\.fields)) }
    }

    /// `data/all.csv` made 256 cities at a time on all cores, appended in slug order, so that memory holds one
    /// block's rows at a time; `rows` gives a city's CSV rows (and may write other files on the way).
    private func writeAllCSV(to sink: some OutputSink, rows: @Sendable (City) throws -> Data) throws {
        let cities = model.cities
        try sink.append("data/all.csv", CSV.document(header: csvHeader, rows: []))
        for chunk in stride(from: 0, to: cities.count, by: 256) {
            let blocks = parallelMap(Array(cities[chunk..<min(cities.count, chunk + 256)])) { city in Result { try rows(city) } }
            try sink.append("data/all.csv", blocks.reduce(into: Data()) { $0.append(try $1.get()) })
        }
    }

    /// Writes every download into `sink`: the city files on all cores, their CSV rows going on to `data/all.csv`
    /// (made once for both), then one CSV per measure.
    public func write(to sink: some OutputSink) throws {
        try sink.write("data/framework.json", json(frameworkDocument()))
        try writeAllCSV(to: sink) { try writeCity($0, to: sink) }
        try throwFirst(parallelMap(model.framework.measures) { measure in Result { try writeIndicator(measure, to: sink) } })
    }

    // MARK: JSON

    func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(value)) ?? Data()) + Data("\n".utf8)
    }

    private func texts(_ text: LocalizedText?) -> [String: String]? {
        guard let text else { return nil }
        return Dictionary(uniqueKeysWithValues: model.languages.map { ($0, text.text(in: $0, fallbacks: model.languages)) })
    }

    struct FrameworkDocument: Encodable {
        var source: [String: String]
        var licence: String
        var data_year: Int?
        var rating_scale: [RatingDocument]
        var groups: [GroupDocument]
    }
    struct RatingDocument: Encodable {
        var value: Int
        var name: [String: String]
    }
    struct GroupDocument: Encodable {
        var id: String
        var kind: String
        var name: [String: String]
        var focus_areas: [AreaDocument]
    }
    struct AreaDocument: Encodable {
        var id: String
        var commitment: Int
        var name: [String: String]
        var key_features: [FeatureDocument]
    }
    struct FeatureDocument: Encodable {
        var id: String
        var name: [String: String]
        var measures: [MeasureDocument]
    }
    struct MeasureDocument: Encodable {
        var id: String
        var name: [String: String]
        var definition: [String: String]
        var source: String
        var unit: UnitDocument
        var breakdown: BreakdownDocument?
        var min: Double
        var max: Double?
        var printed: String?
        var notes: [String: String]?
    }
    struct UnitDocument: Encodable {
        var id: String
        var kind: String
        var name: [String: String]
        var symbol: [String: String]?
        var decimals: Int
    }
    struct BreakdownDocument: Encodable {
        var id: String
        var name: [String: String]
        var categories: [CategoryDocument]
        var total: String?
    }
    struct CategoryDocument: Encodable {
        var id: String
        var name: [String: String]
    }

    func frameworkDocument() -> FrameworkDocument {
        let framework = model.framework
        return FrameworkDocument(
            source: texts(model.config.source.title) ?? [:], licence: model.config.source.licence,
            data_year: framework.dataYear,
            rating_scale: framework.ratingScale.map { RatingDocument(value: $0.value, name: texts($0.name) ?? [:]) },
            groups: framework.groups.map { group in
                GroupDocument(
                    id: group.id, kind: group.kind.rawValue, name: texts(group.name) ?? [:],
                    focus_areas: group.focusAreas.map { area in
                        AreaDocument(
                            id: area.id, commitment: area.commitment, name: texts(area.name) ?? [:],
                            key_features: area.keyFeatures.map { feature in
                                FeatureDocument(
                                    id: feature.id, name: texts(feature.name) ?? [:],
                                    measures: feature.measures.map(measureDocument))
                            })
                    })
            })
    }

    func measureDocument(_ measure: Measure) -> MeasureDocument {
        let unit = model.framework.unit(measure.unitID)!
        let range = measure.range(in: unit)
        return MeasureDocument(
            id: measure.id, name: texts(measure.name) ?? [:], definition: texts(measure.definition) ?? [:],
            source: measure.source.rawValue,
            unit: UnitDocument(
                id: unit.id, kind: unit.kind.rawValue, name: texts(unit.name) ?? [:], symbol: texts(unit.symbol),
                decimals: unit.decimals),
            breakdown: measure.breakdownID.flatMap(model.framework.breakdown).map { breakdown in
                BreakdownDocument(
                    id: breakdown.id, name: texts(breakdown.name) ?? [:],
                    categories: breakdown.categories.map { CategoryDocument(id: $0.id, name: texts($0.name) ?? [:]) },
                    total: breakdown.totalCategory)
            },
            min: range.minimum, max: range.maximum, printed: measure.printed, notes: texts(measure.note))
    }

    struct CityDocument: Encodable {
        var slug: String
        var name: [String: String]
        var illustrative: Bool
        var country: String
        var region: String
        var population: Int?
        var population_year: Int?
        var coordinates: [String: Double]?
        var joined: Int?
        var website: String?
        var observations: [ObservationDocument]
    }
    struct ObservationDocument: Encodable {
        var measure: String
        var year: Int
        var value: Double?
        var values: [String: Double]?
        var available: Bool
        var unit: String
        var source_type: String
        var source: [String: String]?
        var flag: String?
        var note: [String: String]?
    }

    /// A city's document as JSON, written by `PrettyJSON` (the same text as `json(_:)`, faster).
    static func json(_ document: CityDocument) -> String {
        var json = PrettyJSON()
        json.object { json in
            if let coordinates = document.coordinates { json.member("coordinates", coordinates) }
            json.member("country", document.country)
            json.member("illustrative", document.illustrative)
            if let joined = document.joined { json.member("joined", joined) }
            json.member("name", document.name)
            json.member("observations") { json in
                json.array { json in
                    for observation in document.observations {
                        json.element { json in
                            json.object { json in
                                json.member("available", observation.available)
                                if let flag = observation.flag { json.member("flag", flag) }
                                json.member("measure", observation.measure)
                                if let note = observation.note { json.member("note", note) }
                                if let source = observation.source { json.member("source", source) }
                                json.member("source_type", observation.source_type)
                                json.member("unit", observation.unit)
                                if let value = observation.value { json.member("value", value) }
                                if let values = observation.values { json.member("values", values) }
                                json.member("year", observation.year)
                            }
                        }
                    }
                }
            }
            if let population = document.population { json.member("population", population) }
            if let year = document.population_year { json.member("population_year", year) }
            json.member("region", document.region)
            json.member("slug", document.slug)
            if let website = document.website { json.member("website", website) }
        }
        return json.text + "\n"
    }

    func cityDocument(_ city: City) -> CityDocument {
        var observations: [ObservationDocument] = []
        for measure in model.framework.measures {
            for observation in city.series(for: measure.id)?.observations ?? [] {
                var single: Double?
                var values: [String: Double]?
                switch observation.value {
                case .single(let value): single = value.value
                case .breakdown(let entries):
                    values = Dictionary(entries.map { ($0.category.value, $0.value.value) }, uniquingKeysWith: { a, _ in a })
                case .notAvailable: break
                }
                observations.append(
                    ObservationDocument(
                        measure: measure.id, year: observation.year.value, value: single, values: values,
                        available: observation.value != .notAvailable, unit: measure.unitID,
                        source_type: measure.source.rawValue, source: texts(observation.source),
                        flag: observation.flag?.value.rawValue, note: texts(observation.note)))
            }
        }
        return CityDocument(
            slug: city.slug, name: texts(city.name) ?? [:], illustrative: city.illustrative, country: city.country.value,
            region: city.region.value, population: city.population?.value, population_year: city.populationYear?.value,
            coordinates: city.coordinates.map { ["lat": $0.latitude, "lon": $0.longitude] },
            joined: city.joined?.value, website: city.website?.value, observations: observations)
    }

    // MARK: CSV

    /// Long format: one row per city, measure, category and year.
    var csvHeader: [String] {
        let languages = model.languages
        return ["city"] + languages.map { "city_name_\($0)" } + ["country", "region", "measure", "category", "year", "value", "unit", "source_type", "flag"]
            + languages.map { "source_\($0)" } + languages.map { "note_\($0)" }
    }

    struct Row {
        var measure: String
        var fields: [String]
    }

    func csvRows(_ city: City, measures: [Measure]? = nil) -> [Row] {
        let languages = model.languages
        var rows: [Row] = []
        for measure in measures ?? model.framework.measures {
            let breakdown = measure.breakdownID.flatMap(model.framework.breakdown)
            let observations = (city.series(for: measure.id)?.observations ?? []).sorted { $0.year.value < $1.year.value }
            for observation in observations {
                var values: [(category: String, value: String)] = []
                switch observation.value {
                case .single(let value): values = [("", NumberText.plain(value.value))]
                case .breakdown(let entries):
                    // Categories in the framework's order, not the file's.
                    let order = breakdown?.categories.map(\.id) ?? []
                    values = entries.sorted {
                        (order.firstIndex(of: $0.category.value) ?? .max) < (order.firstIndex(of: $1.category.value) ?? .max)
                    }.map { ($0.category.value, NumberText.plain($0.value.value)) }
                case .notAvailable: values = [("", "")]
                }
                for (category, value) in values {
                    let fields =
                        [city.slug] + languages.map { city.name.text(in: $0, fallbacks: languages) }
                        + [
                            city.country.value, city.region.value, measure.id, category, String(observation.year.value), value,
                            measure.unitID, measure.source.rawValue, observation.flag?.value.rawValue ?? "",
                        ]
                        + languages.map { observation.source?.text(in: $0, fallbacks: languages) ?? "" }
                        + languages.map { observation.note?.text(in: $0, fallbacks: languages) ?? "" }
                    rows.append(Row(measure: measure.id, fields: fields))
                }
            }
        }
        return rows
    }
}

/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break; UTF-8 with BOM
/// so that spreadsheet programs read Chinese text correctly.
public enum CSV {
    /// The whole document, BOM included.
    public static func document(header: [String], rows: [[String]]) -> Data {
        var text = "\u{FEFF}" + line(header)
        for row in rows { text += line(row) }
        return Data(text.utf8)
    }

    /// Rows without header or BOM, to append to a document.
    public static func rows(_ rows: [[String]]) -> Data {
        var text = ""
        for row in rows { text += line(row) }
        return Data(text.utf8)
    }

    static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted and with doubled quotes where needed.
    public static func quote(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
