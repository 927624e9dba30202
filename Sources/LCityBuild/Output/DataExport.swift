import Foundation
import LCityUTF8
import LCityContent
import LCityPages

/// The downloads under `data/`: framework JSON, per-city JSON and CSV, per-indicator CSV, the whole dataset as one
/// long CSV, the cities (`cities.csv`), one wide table per language (`wide.<lang>.csv`), and all of it as one
/// workbook and one zip archive (`DataBundle`). Every file states the release (`site.yaml` `release:`).
public struct DataExport: Sendable {
    public let model: SiteModel
    /// The first line of every CSV download, BOM first (made once: every city file starts with it).
    let csvHeaderBytes: [UInt8]
    /// The release's version, in every CSV row ("" without a release).
    let releaseVersion: String
    /// Per measure id: its name in each language, then its unit's id and name in each language (made once: every
    /// row of the long CSV holds them).
    let measureTexts: [String: (names: [String], unit: String, unitNames: [String])]

    public init(model: SiteModel) {
        self.model = model
        var header = CSVWriter(bytes: CSV.byteOrderMark)
        header.row(Self.csvHeader(languages: model.languages))
        csvHeaderBytes = header.bytes
        releaseVersion = model.config.release?.version ?? ""
        let languages = model.languages
        var measureTexts: [String: (names: [String], unit: String, unitNames: [String])] = [:]
        for measure in model.framework.measures {
            let unit = model.framework.unit(measure.unitID)
            measureTexts[measure.id] = (
                languages.map { measure.name.text(in: $0, fallbacks: languages) }, measure.unitID,
                languages.map { unit?.name.text(in: $0, fallbacks: languages) ?? "" }
            )
        }
        self.measureTexts = measureTexts
    }

    /// The release as a JSON member (`"release": {"date": …, "version": …}`), nil without one.
    var releaseDocument: [String: String]? {
        model.config.release.map { ["date": $0.date, "version": $0.version] }
    }

    /// Every download, by path below the output folder (in memory; for tests and small sites).
    public func files() -> [String: Data] {
        let sink = MemorySink()
        try? write(to: sink)
        return sink.contents
    }

    /// One city's JSON and CSV; returns the CSV's rows (without header), which `data/all.csv` and the indicator
    /// files hold too.
    @discardableResult
    public func writeCity(_ city: City, to sink: some OutputSink) throws -> CityRows {
        let rows = cityRows(city)
        try sink.write("data/cities/\(city.slug).json", Data(Self.json(cityDocument(city))))
        var csv = Data(capacity: csvHeaderBytes.count + rows.bytes.count)
        csv.append(contentsOf: csvHeaderBytes)
        csv.append(contentsOf: rows.bytes)
        try sink.write("data/cities/\(city.slug).csv", csv)
        return rows
    }

    /// One measure's CSV for all cities.
    public func writeIndicator(_ measure: Measure, to sink: some OutputSink) throws {
        var csv = CSVWriter(bytes: csvHeaderBytes)
        for city in model.cities { appendRows(city, measure: measure, to: &csv) }
        try sink.write("data/measures/\(measure.id).csv", Data(csv.bytes))
    }

    /// The whole dataset, appended city by city in slug order.
    public func writeAllCSV(to sink: some OutputSink) throws {
        try writeTables(to: sink, indicators: false, keep: false) { cityRows($0) }
    }

    /// `data/all.csv` (and with `indicators`, every `data/measures/<id>.csv`) made 256 cities at a time on all
    /// cores and appended in slug order, so that memory holds one block's rows at a time; `rows` gives a city's CSV
    /// rows (and may write other files on the way). Each city's rows are made once for all these files. With
    /// `keep`, returns the whole of `data/all.csv` (for the zip archive).
    @discardableResult
    private func writeTables(
        to sink: some OutputSink, indicators: Bool, keep: Bool, rows: @Sendable (City) throws -> CityRows
    ) throws -> Data {
        let cities = model.cities
        let measures = model.framework.measures
        let header = Data(csvHeaderBytes)
        var kept = keep ? header : Data()
        try sink.append("data/all.csv", header)
        if indicators {
            for measure in measures { try sink.append("data/measures/\(measure.id).csv", header) }
        }
        for chunk in stride(from: 0, to: cities.count, by: 256) {
            let blocks = try parallelMap(Array(cities[chunk..<min(cities.count, chunk + 256)])) { city in
                Result { try rows(city) }
            }.map { try $0.get() }
            var all: [UInt8] = []
            all.reserveCapacity(blocks.reduce(0) { $0 + $1.bytes.count })
            for block in blocks { all += block.bytes }
            try sink.append("data/all.csv", Data(all))
            if keep { kept.append(contentsOf: all) }
            guard indicators else { continue }
            for (index, measure) in measures.enumerated() {
                var part: [UInt8] = []
                for block in blocks { part += block.rows(ofMeasureAt: index) }
                if !part.isEmpty { try sink.append("data/measures/\(measure.id).csv", Data(part)) }
            }
        }
        return kept
    }

    /// Writes every download into `sink`: the city files on all cores, their CSV rows going on to `data/all.csv`
    /// and to the indicator files (made once for all), the tables of cities and the wide tables, then, with
    /// `bundles`, the workbook and the zip archive of them all (`DataBundle`).
    public func write(to sink: some OutputSink, bundles: Bool = true) throws {
        let framework = json(frameworkDocument())
        try sink.write("data/framework.json", framework)
        try sink.write("data/cities.json", cityIndex())
        let all = try writeTables(to: sink, indicators: true, keep: bundles) { try writeCity($0, to: sink) }
        var tables = ["data/all.csv": all, "data/framework.json": framework]
        for (path, data) in tableFiles() {
            try sink.write(path, data)
            tables[path] = data
        }
        if let changes = changesCSV() {
            try sink.write(changes.path, changes.data)
            tables[changes.path] = changes.data
        }
        guard bundles else { return }
        for (path, data) in try DataBundle(export: self).files(downloads: tables) { try sink.write(path, data) }
    }

    // MARK: JSON

    /// Every city's slug, names and country, in slug order, as compact JSON: what the comparison page needs to find
    /// a city by any of its names before it loads the chosen cities' own files.
    func cityIndex() -> Data {
        struct Entry: Encodable {
            var slug: String
            var name: [String: String]
            var country: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let entries = model.cities.map { Entry(slug: $0.slug, name: $0.name.translations, country: $0.country.value) }
        return ((try? encoder.encode(entries)) ?? Data("[]".utf8)) + Data("\n".utf8)
    }

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
        var release: [String: String]?
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
            data_year: framework.dataYear, release: releaseDocument,
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
        var release: [String: String]?
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

    /// A city's document as JSON (UTF-8), written by `PrettyJSON` (the same text as `json(_:)`, faster).
    static func json(_ document: CityDocument) -> [UInt8] {
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
            if let release = document.release { json.member("release", release) }
            json.member("slug", document.slug)
            if let website = document.website { json.member("website", website) }
        }
        return json.bytes + [0x0A]
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
            joined: city.joined?.value, website: city.website?.value, release: releaseDocument, observations: observations)
    }

    // MARK: CSV

    /// Long format: one row per city, measure, category and year. The city (id, names, country, region, whether
    /// illustrative), the measure (id, names), the value (category, year, value, unit id and names), its provenance
    /// (source type, flag, source, note), and the release.
    static func csvHeader(languages: [String]) -> [String] {
        ["city"] + languages.map { "city_name_\($0)" } + ["country", "region", "illustrative", "measure"]
            + languages.map { "measure_name_\($0)" } + ["category", "year", "value", "unit"]
            + languages.map { "unit_name_\($0)" } + ["source_type", "flag"]
            + languages.map { "source_\($0)" } + languages.map { "note_\($0)" } + ["release"]
    }

    /// A city's CSV rows, measure by measure in the framework's order.
    public struct CityRows: Sendable {
        /// The rows, without header.
        public var bytes: [UInt8] = []
        /// Where each measure's rows end in `bytes`.
        var ends: [Int] = []

        func rows(ofMeasureAt index: Int) -> ArraySlice<UInt8> {
            bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
        }
    }

    /// All of a city's CSV rows.
    func cityRows(_ city: City) -> CityRows {
        var csv = CSVWriter()
        var ends: [Int] = []
        ends.reserveCapacity(model.framework.measures.count)
        for measure in model.framework.measures {
            appendRows(city, measure: measure, to: &csv)
            ends.append(csv.bytes.count)
        }
        return CityRows(bytes: csv.bytes, ends: ends)
    }

    /// A city's CSV rows for one measure.
    func csvRows(_ city: City, measure: Measure) -> [UInt8] {
        var csv = CSVWriter()
        appendRows(city, measure: measure, to: &csv)
        return csv.bytes
    }

    /// Writes a city's rows for one measure: one per year and breakdown category, years ascending, categories in
    /// the framework's order.
    func appendRows(_ city: City, measure: Measure, to csv: inout some RowSink) {
        guard let series = city.series(for: measure.id), !series.observations.isEmpty else { return }
        let languages = model.languages
        let breakdown = measure.breakdownID.flatMap(model.framework.breakdown)
        let cityNames = languages.map { city.name.text(in: $0, fallbacks: languages) }
        let observations = series.byYear
        let texts = measureTexts[measure.id]
        let illustrative = city.illustrative ? "true" : "false"
        for observation in observations {
            var values: [(category: String, value: Double?)] = []
            switch observation.value {
            case .single(let value): values = [("", value.value)]
            case .breakdown(let entries):
                // Categories in the framework's order, not the file's.
                let order = breakdown?.categories.map(\.id) ?? []
                values = entries.sorted {
                    (order.firstIndex(of: $0.category.value) ?? .max) < (order.firstIndex(of: $1.category.value) ?? .max)
                }.map { ($0.category.value, $0.value.value) }
            case .notAvailable: values = [("", nil)]
            }
            let year = Double(observation.year.value)
            for (category, value) in values {
                csv.field(city.slug)
                for name in cityNames { csv.field(name) }
                for field in [city.country.value, city.region.value, illustrative, measure.id] { csv.field(field) }
                for name in texts?.names ?? [] { csv.field(name) }
                csv.field(category)
                csv.number(year)
                csv.number(value)
                csv.field(measure.unitID)
                for name in texts?.unitNames ?? [] { csv.field(name) }
                for field in [measure.source.rawValue, observation.flag?.value.rawValue ?? ""] { csv.field(field) }
                for language in languages { csv.field(observation.source?.text(in: language, fallbacks: languages) ?? "") }
                for language in languages { csv.field(observation.note?.text(in: language, fallbacks: languages) ?? "") }
                csv.field(releaseVersion)
                csv.endRow()
            }
        }
    }
}

/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break; UTF-8 with BOM
/// so that spreadsheet programs read Chinese text correctly; formula-like texts guarded (`SpreadsheetFormula`).
public enum CSV {
    /// The UTF-8 byte order mark that starts every document.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A field, quoted and with doubled quotes where needed.
    public static func quote(_ field: String) -> String {
        var csv = CSVWriter()
        csv.field(field)
        return String(decoding: csv.bytes, as: UTF8.self)
    }
}

/// Where rows of fields go: a CSV file's bytes (`CSVWriter`) or a worksheet's XML (`WorksheetRows`), so that each
/// table is described once for both.
protocol RowSink {
    /// The next field of the current row, a text.
    mutating func field(_ text: String)
    /// The next field of the current row, a number (empty when nil).
    mutating func number(_ value: Double?)
    /// Ends the current row.
    mutating func endRow()
}

/// Writes CSV rows as UTF-8 bytes, field by field.
struct CSVWriter: RowSink {
    private(set) var bytes: [UInt8]
    private var rowStarted = false

    init(bytes: [UInt8] = []) {
        self.bytes = bytes
        self.bytes.reserveCapacity(max(bytes.count, 4096))
    }

    /// The next field of the current row; a text a spreadsheet would take for a formula gets a leading `'`
    /// (`SpreadsheetFormula`).
    mutating func field(_ text: String) {
        if rowStarted { bytes.append(UInt8(ascii: ",")) }
        rowStarted = true
        let guarded = SpreadsheetFormula.needsGuard(text)
        if !guarded,
            bytes.appendUTF8(text, unless: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
        {
            return
        }
        let quoted = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        if guarded { bytes.append(UInt8(ascii: "'")) }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
    }

    /// A number as plain text (`NumberText.plain`: no separators, a point for decimals); empty when nil.
    mutating func number(_ value: Double?) {
        field(value.map(NumberText.plain) ?? "")
    }

    /// Ends the current row.
    mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        rowStarted = false
    }

    mutating func row(_ fields: [String]) {
        for field in fields { self.field(field) }
        endRow()
    }
}
