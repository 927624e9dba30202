import CSV
import Foundation

/// A release file, `content/releases/<version>.csv`: one row per city, measure, category and year, in slug,
/// framework and year order — `city, name_<lang>…, measure, category, year, value, flag`, UTF-8 with LF line
/// ends, a value written in full precision and left empty where it was reported as not available. Kept in the
/// repository, so a release's diff in git shows what it changed.
extension ReleaseData {
    /// The columns before the names, and after.
    static let leadingColumns = ["city"]
    static let trailingColumns = ["measure", "category", "year", "value", "flag"]

    /// The file's text: cities by slug, their values in the framework's order of measures and categories, then by year.
    public func csv(languages: [String], framework: Framework) -> String {
        let order = ReleaseComparison.orders(framework)
        let stream = OutputStream(toMemory: ())
        stream.open()
        // Writing to memory cannot fail; CSV.swift's writer throws only for a stream that does.
        guard let writer = try? CSVWriter(stream: stream, delimiter: ",", newline: .lf) else { return "" }
        try? writer.write(row: Self.leadingColumns + languages.map { "name_\($0)" } + Self.trailingColumns)
        for slug in cities.keys.sorted() {
            guard let city = cities[slug] else { continue }
            let names = languages.map { city.names[$0] ?? "" }
            // A change list against nothing is every value in the wanted order.
            let values = CityChanges.compare(
                nil, city, measureOrder: order.measures, categoryOrder: order.categories)?.changes ?? []
            for change in values {
                guard let value = change.after else { continue }
                try? writer.write(
                    row: [slug] + names + [
                        change.key.measure, change.key.category, String(change.key.year),
                        value.value.map(NumberText.plain) ?? "", value.flag ?? "",
                    ])
            }
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a release file written by `csv(languages:framework:)`; every problem is reported at its line and column
    /// (`file` is its path relative to the site root). Nil when the file cannot be read as a release at all.
    public static func read(_ text: String, version: String, file: String, sink: DiagnosticSink) -> ReleaseData? {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        let reader: CSVReader
        do { reader = try CSVReader(string: String(body), hasHeaderRow: false, trimFields: false, delimiter: ",") } catch {
            sink.error(.releaseFileMalformed, at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        guard let header = reader.next() else {
            sink.error(.fileEmpty, at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        let needed = leadingColumns + trailingColumns
        let missing = needed.filter { column($0) == nil }
        guard missing.isEmpty, let cityColumn = column("city"), let measureColumn = column("measure"),
            let categoryColumn = column("category"), let yearColumn = column("year"), let valueColumn = column("value"),
            let flagColumn = column("flag")
        else {
            sink.error(.releaseFileColumnsMissing(missing), at: SourceLocation(file: file, line: 1, column: 1),
                notes: [.releaseFileHeader((leadingColumns + ["name_zh", "name_en"] + trailingColumns).joined(separator: ","))])
            return nil
        }
        let nameColumns: [(language: String, index: Int)] = header.enumerated().compactMap { index, name in
            name.hasPrefix("name_") ? (String(name.dropFirst(5)), index) : nil
        }
        var cities: [String: ReleasedCity] = [:]
        var line = 1
        while let fields = reader.next() {
            line += 1
            let rowLine = line
            // Line breaks inside quoted fields (rare: found byte-wise, as Characters would be slow for every field).
            for field in fields where field.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
                line += field.count { $0.isNewline }
            }
            if fields.count == 1 && fields[0].isEmpty { continue }
            func at(_ index: Int) -> SourceLocation {
                // The column of a field: the characters of the fields before it and their commas (quotes aside).
                let column = fields.prefix(index).reduce(1) { $0 + $1.count + 1 }
                return SourceLocation(file: file, line: rowLine, column: column)
            }
            guard fields.count == header.count else {
                sink.error(.releaseRowFieldCount(fields.count, expected: header.count), at: at(0))
                continue
            }
            let slug = fields[cityColumn]
            guard City.isValidSlug(slug) else {
                sink.error(.invalidCitySlug(slug), at: at(cityColumn))
                continue
            }
            guard let year = Int(fields[yearColumn]) else {
                sink.error(.releaseFieldNotANumber("year", fields[yearColumn]), at: at(yearColumn))
                continue
            }
            var value: Double?
            if !fields[valueColumn].isEmpty {
                guard let number = Double(fields[valueColumn]), number.isFinite else {
                    sink.error(.releaseFieldNotANumber("value", fields[valueColumn]), at: at(valueColumn))
                    continue
                }
                value = number
            }
            let key = ReleasedKey(measure: fields[measureColumn], category: fields[categoryColumn], year: year)
            if cities[slug] == nil {
                var names: [String: String] = [:]
                for (language, index) in nameColumns where !fields[index].isEmpty { names[language] = fields[index] }
                cities[slug] = ReleasedCity(slug: slug, names: names, values: [:])
            }
            // Changed in place: a copy of the city's values for every row would make reading quadratic.
            let released = ReleasedValue(value: value, flag: fields[flagColumn].isEmpty ? nil : fields[flagColumn])
            if cities[slug]!.values.updateValue(released, forKey: key) != nil {
                sink.error(.releaseRowTwice(slug, key.measure, key.category, year), at: at(measureColumn))
            }
        }
        if reader.error != nil {
            sink.error(.releaseFileMalformed, at: SourceLocation(file: file, line: line, column: 1))
            return nil
        }
        return ReleaseData(version: version, cities: cities, file: file)
    }
}
