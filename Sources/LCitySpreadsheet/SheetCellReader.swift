import Foundation
import LCityContent

/// Reads the cells of a submission workbook into observations and identity fields, reporting every problem at its
/// cell and remembering what typed text it read as numbers.
struct SheetCellReader {
    let content: LoadedContent
    /// The file as diagnostics show it.
    let file: String
    /// For a CSV file: the line each row starts on.
    let lines: [Int]?
    let sink: DiagnosticSink
    private(set) var readings: [SubmissionImport.Reading] = []

    /// Words for "not available" in every language, folded.
    private let notAvailableWords: Set<String>
    /// Flags by their folded id and labels in every language.
    private let flags: [String: ObservationFlag]
    /// Each breakdown's category ids by their folded id and names in every language.
    private let categories: [String: [String: String]]

    init(content: LoadedContent, file: String, lines: [Int]?, sink: DiagnosticSink) {
        self.content = content
        self.file = file
        self.lines = lines
        self.sink = sink
        notAvailableWords = Set(["~", "n/a", "na", "n.a.", "not available", "无数据", "无法提供", "不适用"].map(Self.fold))
            .union(content.strings.values.map { Self.fold($0["not_available"]) })
        var flags: [String: ObservationFlag] = [:]
        for flag in ObservationFlag.allCases {
            flags[Self.fold(flag.rawValue)] = flag
            for strings in content.strings.values { flags[Self.fold(strings["flag_\(flag.rawValue)"])] = flag }
        }
        self.flags = flags
        var categories: [String: [String: String]] = [:]
        for breakdown in content.framework.breakdowns {
            for category in breakdown.categories {
                for key in [category.id] + category.name.texts {
                    categories[breakdown.id, default: [:]][Self.fold(key)] = category.id
                }
            }
        }
        self.categories = categories
    }

    var languages: [String] { content.config.languages.filter { !content.config.partialLanguages.contains($0) } }

    /// The location of a 0-based cell: `Data!F12` in a workbook, `line:column` in a CSV file.
    func location(_ sheet: Sheet, row: Int, column: Int?) -> SourceLocation {
        if let lines {
            return SourceLocation(file: file, line: lines.indices.contains(row) ? lines[row] : row + 1, column: column.map { $0 + 1 } ?? 0)
        }
        return SourceLocation(file: file, sheet: sheet.name, row: row + 1, column: column.map { $0 + 1 } ?? 0)
    }

    /// A cell's text, trimmed; numbers as their shortest text; nil when blank.
    static func text(_ value: CellValue) -> String? {
        switch value {
        case .empty: return nil
        case .text(let text):
            // Most cells need no trimming: look before asking Foundation to.
            guard text.first?.isWhitespace == true || text.last?.isWhitespace == true else {
                return text.isEmpty ? nil : text
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case .number(let number, _): return CityYAML.number(number)
        }
    }

    /// Folds a header or a label for comparison: case, full-width forms, spaces, brackets.
    static func fold(_ text: String) -> String {
        var folded = ""
        for scalar in text.lowercased().unicodeScalars {
            // Full-width forms (Ａ, （, ２) as their ASCII counterparts.
            let halfWidth = (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
            if halfWidth.properties.isWhitespace || "()_-".unicodeScalars.contains(halfWidth) { continue }
            folded.unicodeScalars.append(halfWidth)
        }
        return folded.lowercased()
    }

    // MARK: Sheets

    /// The sheet holding the data table: the first whose first row has the measure, year and value columns.
    func findDataSheet(in workbook: Workbook) -> Sheet? {
        for sheet in workbook.sheets {
            let columns = headerColumns(sheet)
            if columns.values.contains(.measure) && columns.values.contains(.value) { return sheet }
        }
        if let sheet = workbook.sheets.first {
            let found = Set(headerColumns(sheet).values)
            let missing = [DataColumn.measure, .year, .value].filter { !found.contains($0) }
            sink.error(
                SheetText.missingColumns(missing),
                at: location(sheet, row: 0, column: nil),
                notes: [SheetText.missingColumnsHint])
        } else {
            sink.error(SheetText.emptyWorkbook, at: SourceLocation(file: file))
        }
        return nil
    }

    /// The City sheet: the first whose first row starts with the field column's header.
    func findCitySheet(in workbook: Workbook) -> Sheet? {
        let headers = Set(MessageLanguage.allCases.map { Self.fold(SheetText.fieldHeader.text(in: $0)) } + ["field"])
        return workbook.sheets.first { sheet in Self.text(sheet[0, 0]).map { headers.contains(Self.fold($0)) } ?? false }
    }

    /// The data columns named in the first row, by position; headers in any message language, or column keys.
    func headerColumns(_ sheet: Sheet) -> [Int: DataColumn] {
        var known: [String: DataColumn] = [:]
        let names = Dictionary(uniqueKeysWithValues: languages.map { ($0, content.strings[$0]?["site_language_name"] ?? $0) })
        for column in DataColumn.all(languages: languages) {
            known[Self.fold(column.key)] = column
            for language in MessageLanguage.allCases {
                known[Self.fold(column.header(in: language, languageName: { names[$0] ?? $0 }))] = column
                known[Self.fold(column.header(in: language, languageName: { $0 }))] = column
            }
        }
        var columns: [Int: DataColumn] = [:]
        for (index, cell) in (sheet.rows.first ?? []).enumerated() {
            if let text = Self.text(cell), let column = known[Self.fold(text)], !columns.values.contains(column) {
                columns[index] = column
            }
        }
        return columns
    }

    // MARK: Data rows

    /// The observations of the Data sheet by measure and year; a nil observation is a year whose rows were all
    /// cleared (the observation is removed, if there was one).
    struct DataRows {
        var observations: [String: [Int: Observation?]] = [:]
    }

    /// One row's reading, before rows of one observation are put together.
    private struct RowReading {
        var row: Int
        var measure: Measure
        var category: Located<String>?
        var year: Located<Int>
        var value: ObservationValue?
        var valueLocation: SourceLocation
        var sources: [String: Located<String>]
        var flag: Located<ObservationFlag>?
        var notes: [String: Located<String>]
        var isEmpty: Bool { value == nil && sources.isEmpty && flag == nil && notes.isEmpty }
    }

    mutating func readData(_ sheet: Sheet) -> DataRows {
        let columns = headerColumns(sheet)
        let byColumn = Dictionary(uniqueKeysWithValues: columns.map { ($0.value, $0.key) })
        let measures = Dictionary(uniqueKeysWithValues: content.framework.measures.map { ($0.id, $0) })
        var groups: [String: [Int: [RowReading]]] = [:]
        var order: [(String, Int)] = []
        let editable = columns.filter { $0.value.isEditable && $0.value != .year }.keys.sorted()
        for row in sheet.rows.indices.dropFirst() {
            func cell(_ column: DataColumn) -> (text: String?, value: CellValue, location: SourceLocation) {
                let index = byColumn[column]
                let value = index.map { sheet[row, $0] } ?? .empty
                return (Self.text(value), value, location(sheet, row: row, column: index))
            }
            let hasEntries = editable.contains { !sheet[row, $0].isBlank }
            let measureCell = cell(.measure)
            guard let measureText = measureCell.text else {
                if hasEntries {
                    sink.error(SheetText.rowWithoutMeasure, at: location(sheet, row: row, column: nil))
                }
                continue
            }
            guard let measure = measures[measureText] else {
                sink.error(
                    SheetText.unknownMeasure(measureText), at: measureCell.location,
                    notes: Suggestion.note(for: measureText, in: measures.keys))
                continue
            }
            // The year: a whole number, as a number cell or as text (`２０２３`, `2023年`).
            let yearCell = cell(.year)
            guard let yearText = yearCell.text else {
                if hasEntries { sink.error(SheetText.yearEmpty, at: yearCell.location) }
                continue
            }
            let yearDigits = yearText.hasSuffix("年") ? String(yearText.dropLast()) : yearText
            let typedYear: Double?
            if case .number(let number, _) = yearCell.value { typedYear = number } else { typedYear = SheetNumber.parse(yearDigits)?.value }
            guard let yearNumber = typedYear, yearNumber.rounded() == yearNumber, abs(yearNumber) < 100_000
            else {
                sink.error(SheetText.yearNotANumber(yearText), at: yearCell.location)
                continue
            }
            let year = Located(Int(yearNumber), at: yearCell.location)
            var reading = RowReading(
                row: row, measure: measure, category: nil, year: year, value: nil,
                valueLocation: cell(.value).location, sources: [:], flag: nil, notes: [:])
            // The category: its id or its name in any language.
            let breakdown = measure.breakdownID.flatMap(content.framework.breakdown)
            let categoryCell = cell(.category)
            if let breakdown {
                guard let text = categoryCell.text else {
                    if hasEntries { sink.error(SheetText.categoryEmpty(measure.id), at: categoryCell.location) }
                    continue
                }
                guard let category = category(text, in: breakdown) else {
                    let shown = breakdown.categories.map { "\($0.id) (\($0.name.texts.joined(separator: " / ")))" }
                    sink.error(
                        SheetText.unknownCategory(text, measure.id), at: categoryCell.location,
                        notes: [SheetText.categoriesAre(shown)])
                    continue
                }
                reading.category = Located(category, at: categoryCell.location)
            } else if let text = categoryCell.text {
                sink.error(SheetText.categoryWithoutBreakdown(text, measure.id), at: categoryCell.location)
                continue
            }
            let valueCell = cell(.value)
            reading.value = value(valueCell.value, text: valueCell.text, measure: measure, at: valueCell.location)
            if valueCell.text != nil && reading.value == nil { continue }
            for language in languages {
                let source = cell(.source(language: language))
                if let text = source.text { reading.sources[language] = Located(text, at: source.location) }
                let note = cell(.note(language: language))
                if let text = note.text { reading.notes[language] = Located(text, at: note.location) }
            }
            let flagCell = cell(.flag)
            if let text = flagCell.text {
                guard let flag = flag(text) else {
                    let allowed = ObservationFlag.allCases.map { flag in
                        "\(flag.rawValue) (\(languages.map { content.strings[$0]?["flag_\(flag.rawValue)"] ?? "" }.joined(separator: " / ")))"
                    }
                    sink.error(SheetText.unknownFlag(text), at: flagCell.location, notes: [SheetText.flagsAre(allowed)])
                    continue
                }
                reading.flag = Located(flag, at: flagCell.location)
            }
            if groups[measure.id]?[year.value] == nil { order.append((measure.id, year.value)) }
            groups[measure.id, default: [:]][year.value, default: []].append(reading)
        }
        var result = DataRows()
        for (measureID, year) in order {
            guard let readings = groups[measureID]?[year] else { continue }
            result.observations[measureID, default: [:]][year] = observation(of: readings, sheet: sheet)
        }
        return result
    }

    /// One observation from the rows of a measure and year; nil (`.some(nil)`) when all its rows are empty, no
    /// value at all (`nil` inside) when the rows are in error.
    private func observation(of rows: [RowReading], sheet: Sheet) -> Observation?? {
        guard rows.contains(where: { !$0.isEmpty }) else { return .some(nil) }
        let first = rows[0]
        let measure = first.measure
        // Each category once.
        var seen: [String: RowReading] = [:]
        var ok = true
        for row in rows {
            let key = row.category?.value ?? ""
            if let earlier = seen[key] {
                sink.error(
                    SheetText.duplicateRow(measure.id, first.year.value, key),
                    at: location(sheet, row: row.row, column: nil),
                    notes: [SheetText.firstRowAt(location(sheet, row: earlier.row, column: nil).description)])
                ok = false
            } else {
                seen[key] = row
            }
        }
        // Provenance is the observation's: rows that give it must agree.
        func agreed<Value: Equatable>(_ what: Message, _ values: [Located<Value>]) -> Located<Value>? {
            guard let firstValue = values.first else { return nil }
            for other in values.dropFirst() where other.value != firstValue.value {
                sink.error(
                    SheetText.rowsDisagree(what, measure.id, first.year.value), at: other.location,
                    notes: [SheetText.firstGivenAt(firstValue.location.description)])
                ok = false
            }
            return firstValue
        }
        var sources: [String: Located<String>] = [:]
        var notes: [String: Located<String>] = [:]
        for language in languages {
            sources[language] = agreed(SheetText.header(.source(language: language)), rows.compactMap { $0.sources[language] })
            notes[language] = agreed(SheetText.header(.note(language: language)), rows.compactMap { $0.notes[language] })
        }
        let flag = agreed(SheetText.header(.flag), rows.compactMap(\.flag))
        // The value: one number, one per category, or not available.
        var value: ObservationValue?
        if measure.breakdownID == nil {
            value = first.value
        } else {
            let numbers = rows.compactMap { row -> CategoryValue? in
                guard case .single(let number)? = row.value, let category = row.category else { return nil }
                return CategoryValue(category: category, value: number)
            }
            if !numbers.isEmpty {
                value = .breakdown(numbers)
            } else if rows.contains(where: { $0.value == .notAvailable }) {
                value = .notAvailable
            }
        }
        guard let value else {
            sink.error(
                SheetText.valueEmpty(measure.id, first.year.value), at: first.valueLocation,
                notes: [SheetText.valueEmptyHint(notAvailable)])
            return nil
        }
        guard ok else { return nil }
        func text(_ located: [String: Located<String>]) -> LocalizedText? {
            guard let first = languages.compactMap({ located[$0] }).first else { return nil }
            let missing = languages.filter { located[$0] == nil }
            if !missing.isEmpty {
                sink.warning(
                    SheetText.missingTranslation(missing.joined(separator: ", ")), at: first.location,
                    notes: [SheetText.missingTranslationHint])
            }
            return LocalizedText(located.mapValues(\.value), at: first.location)
        }
        return .some(
            Observation(
                year: first.year, value: value, source: text(sources), flag: flag, note: text(notes),
                location: location(sheet, row: first.row, column: nil)))
    }

    /// A category id from its id or its name in any language.
    private func category(_ text: String, in breakdown: Breakdown) -> String? {
        categories[breakdown.id]?[Self.fold(text)]
    }

    /// The site's word for "not available" in each message language (English where the site has no such language).
    private var notAvailable: Message {
        func word(_ language: MessageLanguage) -> String {
            (content.strings[language.rawValue] ?? content.strings["en"])?["not_available"] ?? "n/a"
        }
        return Message(en: word(.en), zh: word(.zh))
    }

    /// A flag from its id or its label in any language.
    private func flag(_ text: String) -> ObservationFlag? { flags[Self.fold(text)] }

    /// A cell's value for `measure`: a number (read leniently, with a reading noted), a rating by its label, or not
    /// available; nil with an error when it is none of these, nil without one when the cell is empty.
    private mutating func value(_ cell: CellValue, text: String?, measure: Measure, at location: SourceLocation)
        -> ObservationValue?
    {
        guard let text else { return nil }
        let unit = content.framework.unit(measure.unitID)
        switch cell {
        case .number(let number, let percent):
            guard percent else { return .single(Located(number, at: location)) }
            // 61.5 % is stored as 0.615: the measure's unit is percent, so the figure meant is 61.5.
            let value = (number * 100 * 1e9).rounded() / 1e9
            readings.append(.init(location: location, typed: "\(CityYAML.number(value))%", value: CityYAML.number(value)))
            return .single(Located(value, at: location))
        case .empty:
            return nil
        case .text:
            break
        }
        if notAvailableWords.contains(Self.fold(text)) { return .notAvailable }
        if unit?.kind == .rating {
            // `3 – Good`, `3`, `Good` or `好`.
            let folded = Self.fold(text)
            if let level = content.framework.ratingScale.first(where: { level in
                level.name.texts.contains { Self.fold($0) == folded }
                    || folded.hasPrefix("\(level.value)") && (folded.count == 1 || !folded.dropFirst().first!.isNumber)
            }) {
                // The number alone, or as the drop-down offers it (`3 – Good`, in any language), is no reinterpretation.
                let offered = level.name.texts.map { Self.fold("\(level.value) – \($0)") }
                if folded != "\(level.value)" && !offered.contains(folded) {
                    readings.append(.init(location: location, typed: text, value: "\(level.value)"))
                }
                return .single(Located(Double(level.value), at: location))
            }
        }
        if let (number, reinterpreted) = SheetNumber.parse(text) {
            if reinterpreted { readings.append(.init(location: location, typed: text, value: CityYAML.number(number))) }
            return .single(Located(number, at: location))
        }
        sink.error(
            SheetText.valueNotANumber(text), at: location,
            notes: [SheetText.valueNotANumberHint(notAvailable)])
        return nil
    }

    // MARK: City sheet

    /// The City sheet's values by row, with where each was read.
    struct Identity {
        var values: [CityFieldRow: Located<String>] = [:]
        var numbers: [CityFieldRow: Located<Double>] = [:]
        var location: SourceLocation

        func city(slug: String, file: String, old: City?, series: [ObservationSeries], languages: [String]) -> City {
            func text(_ field: CityField) -> Located<String>? { values[CityFieldRow(field: field, language: nil)] }
            func integer(_ field: CityField) -> Located<Int>? {
                numbers[CityFieldRow(field: field, language: nil)].map { Located(Int($0.value), at: $0.location) }
            }
            var names: [String: String] = [:]
            var nameLocation = location
            for language in languages {
                if let name = values[CityFieldRow(field: .name, language: language)] {
                    names[language] = name.value
                    if names.count == 1 { nameLocation = name.location }
                }
            }
            var coordinates: Coordinates?
            if let latitude = numbers[CityFieldRow(field: .latitude, language: nil)],
                let longitude = numbers[CityFieldRow(field: .longitude, language: nil)]
            {
                coordinates = Coordinates(latitude: latitude.value, longitude: longitude.value, location: latitude.location)
            }
            return City(
                slug: slug, file: file, name: LocalizedText(names, at: nameLocation), pinyin: text(.pinyin),
                illustrative: old?.illustrative ?? false, country: text(.country) ?? Located("", at: location),
                region: text(.region) ?? Located("", at: location), population: integer(.population),
                populationYear: integer(.populationYear), coordinates: coordinates, joined: integer(.joined),
                website: text(.website), description: old?.description, series: series)
        }

        /// The top-level fields whose value the sheet changes, as YAML.
        func fieldUpdates(comparedWith old: City?, languages: [String]) -> [CityFileEditor.FieldUpdate] {
            var updates: [CityFileEditor.FieldUpdate] = []
            var names: [String: String] = [:]
            for language in languages {
                names[language] = values[CityFieldRow(field: .name, language: language)]?.value
            }
            if names.compactMapValues({ $0 }) != (old?.name.translations ?? [:]) || old == nil {
                let text = LocalizedText(names.compactMapValues { $0 })
                updates.append(.init(key: "name", value: text.isEmpty ? nil : CityYAML.text(text, languages: languages)))
            }
            func scalar(_ field: CityField, old: String?) {
                let new = values[CityFieldRow(field: field, language: nil)]?.value
                if new != old { updates.append(.init(key: field.rawValue, value: new.map(CityYAML.scalar))) }
            }
            func number(_ field: CityField, old: Int?) {
                let new = numbers[CityFieldRow(field: field, language: nil)].map { Int($0.value) }
                if new != old { updates.append(.init(key: field.rawValue, value: new.map(String.init))) }
            }
            scalar(.pinyin, old: old?.pinyin?.value)
            scalar(.country, old: old?.country.value)
            scalar(.region, old: old?.region.value)
            number(.population, old: old?.population?.value)
            number(.populationYear, old: old?.populationYear?.value)
            let latitude = numbers[CityFieldRow(field: .latitude, language: nil)]?.value
            let longitude = numbers[CityFieldRow(field: .longitude, language: nil)]?.value
            if latitude != old?.coordinates?.latitude || longitude != old?.coordinates?.longitude {
                let value = latitude.flatMap { lat in
                    longitude.map { "{lat: \(CityYAML.number(lat)), lon: \(CityYAML.number($0))}" }
                }
                updates.append(.init(key: "coordinates", value: value))
            }
            number(.joined, old: old?.joined?.value)
            scalar(.website, old: old?.website?.value)
            return updates
        }
    }

    mutating func readCity(_ sheet: Sheet) -> Identity {
        var identity = Identity(location: location(sheet, row: 0, column: nil))
        let rows = Dictionary(uniqueKeysWithValues: CityFieldRow.all(languages: languages).map { ($0.key, $0) })
        let numeric: Set<CityField> = [.population, .populationYear, .joined, .latitude, .longitude]
        for row in sheet.rows.indices.dropFirst() {
            guard let key = Self.text(sheet[row, 0]) else { continue }
            let at = location(sheet, row: row, column: 2)
            guard let field = rows[key] else {
                sink.error(
                    SheetText.unknownCityField(key), at: location(sheet, row: row, column: 0),
                    notes: Suggestion.note(for: key, in: rows.keys))
                continue
            }
            let cell = sheet[row, 2]
            guard let text = Self.text(cell) else { continue }
            if numeric.contains(field.field) {
                if case .number(let number, _) = cell {
                    identity.numbers[field] = Located(number, at: at)
                } else if let (number, reinterpreted) = SheetNumber.parse(text) {
                    if reinterpreted { readings.append(.init(location: at, typed: text, value: CityYAML.number(number))) }
                    identity.numbers[field] = Located(number, at: at)
                } else {
                    sink.error(SheetText.fieldNotANumber(key, text), at: at)
                }
                if let number = identity.numbers[field], field.field != .latitude, field.field != .longitude,
                    number.value.rounded() != number.value
                {
                    sink.error(SheetText.fieldNotAWholeNumber(key, CityYAML.number(number.value)), at: at)
                }
            } else {
                identity.values[field] = Located(text, at: at)
            }
        }
        return identity
    }
}

