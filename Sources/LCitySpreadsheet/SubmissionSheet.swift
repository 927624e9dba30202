import Foundation
import LCityContent

/// A city's submission workbook: a Data sheet with one row per measure × category × year (the city's values, and
/// empty rows for the reporting year), a City sheet with the fields that identify the city, and a Guide sheet that
/// explains the columns. Descriptive columns are in the sheet's language; the columns a coordinator fills in have a
/// column per site language where they hold text.
public struct SubmissionSheet: Sendable {
    public let content: LoadedContent
    /// The language of the headers, the descriptions and the guide.
    public let language: MessageLanguage
    /// The year of the empty rows added for each measure the city has not reported for it.
    public let reportingYear: Int

    public init(content: LoadedContent, language: MessageLanguage, reportingYear: Int) {
        self.content = content
        self.language = language
        self.reportingYear = reportingYear
    }

    var languages: [String] { content.config.languages.filter { !content.config.partialLanguages.contains($0) } }
    var framework: Framework { content.framework }

    /// A text of the content in the sheet's language.
    func localized(_ text: LocalizedText) -> String {
        text.text(in: language.rawValue, fallbacks: content.config.fallbacks(for: language.rawValue) + [content.config.defaultLanguage])
    }

    /// A UI string of the site in the sheet's language (`flag_estimated`).
    func string(_ key: String) -> String {
        (content.strings[language.rawValue] ?? content.strings[content.config.defaultLanguage])?[key] ?? key
    }

    /// The name of a site language in its own words (`中文`, `English`).
    func languageName(_ code: String) -> String {
        content.strings[code]?["site_language_name"] ?? code
    }

    // MARK: Workbook and CSV

    /// The sheet names in the sheet's language.
    var dataSheetName: String { SheetText.dataSheetName.text(in: language) }
    var citySheetName: String { SheetText.citySheetName.text(in: language) }
    var guideSheetName: String { SheetText.guideSheetName.text(in: language) }

    /// The `.xlsx` bytes of the workbook for `city` (nil: a new city, with only empty rows).
    public func xlsx(for city: City?) throws -> Data {
        try XLSXWriter.data([dataSheet(for: city), citySheet(for: city), guideSheet()])
    }

    /// The CSV bytes of the Data sheet for `city`.
    public func csv(for city: City?) throws -> Data {
        try CSVSheet.data(dataSheet(for: city).sheet)
    }

    // MARK: Data

    /// The label of a rating level as the sheet shows it and its drop-down offers it (`3 – Good`).
    func ratingLabel(_ level: RatingLevel) -> String {
        "\(level.value) – \(localized(level.name))"
    }

    /// The Data sheet: a header, then every measure in framework order, each year in order, each category in the
    /// breakdown's order.
    public func dataSheet(for city: City?) -> SheetDesign {
        let columns = DataColumn.all(languages: languages)
        var rows: [[CellValue]] = [columns.map { .text($0.header(in: language, languageName: languageName)) }]
        var ratingCells: [(row: Int, column: Int)] = []
        let valueColumn = columns.firstIndex(of: .value)!
        let ratings = framework.ratingScale.sorted { $0.value < $1.value }
        for measure in framework.measures {
            let series = city?.series(for: measure.id)
            let unit = framework.unit(measure.unitID)
            let isRating = unit?.kind == .rating
            let breakdown = measure.breakdownID.flatMap(framework.breakdown)
            var observations: [Int: Observation] = [:]
            for observation in series?.observations ?? [] where observations[observation.year.value] == nil {
                observations[observation.year.value] = observation
            }
            let years = Set(observations.keys).union([reportingYear]).sorted()
            let categories: [BreakdownCategory?] = breakdown.map { $0.categories.map(Optional.some) } ?? [nil]
            for year in years {
                let observation = observations[year]
                for category in categories {
                    var row: [CellValue] = []
                    for column in columns {
                        row.append(
                            cell(
                                column, measure: measure, unit: unit, category: category, year: year,
                                observation: observation, ratings: ratings))
                    }
                    if isRating { ratingCells.append((rows.count, valueColumn)) }
                    rows.append(row)
                }
            }
        }
        var choices: [CellChoices] = []
        if let flagColumn = columns.firstIndex(of: .flag), rows.count > 1 {
            choices.append(
                CellChoices(
                    cells: (1..<rows.count).map { ($0, flagColumn) },
                    values: ObservationFlag.allCases.map { string("flag_\($0.rawValue)") },
                    promptTitle: SheetText.header(.flag).text(in: language),
                    prompt: ObservationFlag.allCases.map { "\(string("flag_\($0.rawValue)")): \(string("flag_\($0.rawValue)_explained"))" }
                        .joined(separator: "\n")))
        }
        if !ratingCells.isEmpty {
            choices.append(
                CellChoices(
                    cells: ratingCells, values: ratings.map(ratingLabel),
                    promptTitle: string("label_rating"), prompt: string("range_rating")))
        }
        return SheetDesign(
            sheet: Sheet(name: dataSheetName, rows: rows), columnWidths: columns.map(\.width),
            editableColumns: Set(columns.indices.filter { columns[$0].isEditable }), protected: true,
            freezeHeader: true, freezeFirstColumn: true, choices: choices)
    }

    private func cell(
        _ column: DataColumn, measure: Measure, unit: MeasureUnit?, category: BreakdownCategory?, year: Int,
        observation: Observation?, ratings: [RatingLevel]
    ) -> CellValue {
        switch column {
        case .measure: return .text(measure.id)
        case .measureName: return .text(localized(measure.name))
        case .definition: return .text(localized(measure.definition).split(whereSeparator: \.isWhitespace).joined(separator: " "))
        case .unit: return .text(unit.map { localized($0.name) } ?? measure.unitID)
        case .validRange:
            guard let unit else { return .empty }
            if unit.kind == .rating { return .text(string("range_rating")) }
            let range = measure.range(in: unit)
            let minimum = CityYAML.number(range.minimum)
            return .text(range.maximum.map { "\(minimum)–\(CityYAML.number($0))" } ?? "≥ \(minimum)")
        case .sourceType: return .text(string("source_\(measure.source.rawValue)"))
        case .category: return category.map { .text(localized($0.name)) } ?? .empty
        case .year: return .number(Double(year))
        case .value:
            guard let observation else { return .empty }
            let number: Double?
            switch observation.value {
            case .notAvailable: return .text(string("not_available"))
            case .single(let value): number = value.value
            case .breakdown: number = category.flatMap { observation.value(for: $0.id) }
            }
            guard let number else { return .empty }
            if unit?.kind == .rating, let level = ratings.first(where: { Double($0.value) == number }) {
                return .text(ratingLabel(level))
            }
            return .number(number)
        case .source(let language):
            return observation?.source?.translations[language].map(CellValue.text) ?? .empty
        case .flag:
            return observation?.flag.map { .text(string("flag_\($0.value.rawValue)")) } ?? .empty
        case .note(let language):
            return observation?.note?.translations[language].map(CellValue.text) ?? .empty
        }
    }

    // MARK: City

    /// The City sheet: one row per identity field (key, what it is, value).
    public func citySheet(for city: City?) -> SheetDesign {
        var rows: [[CellValue]] = [
            [.text(SheetText.fieldHeader.text(in: language)), .text(SheetText.fieldLabelHeader.text(in: language)),
             .text(SheetText.valueHeader.text(in: language))]
        ]
        for field in CityFieldRow.all(languages: languages) {
            rows.append([.text(field.key), .text(fieldLabel(field)), city.map { value(of: field, in: $0) } ?? .empty])
        }
        return SheetDesign(
            sheet: Sheet(name: citySheetName, rows: rows), columnWidths: [18, 60, 36], editableColumns: [2],
            protected: true, freezeHeader: true)
    }

    func fieldLabel(_ row: CityFieldRow) -> String {
        switch row.field {
        case .name: SheetText.nameField(languageName(row.language ?? "")).text(in: language)
        case .region:
            SheetText.cityField(.region).text(in: language) + " "
                + content.geography.regions.map { "\($0.id) = \(localized($0.name))" }.joined(separator: "; ")
        default: SheetText.cityField(row.field).text(in: language)
        }
    }

    private func value(of row: CityFieldRow, in city: City) -> CellValue {
        func number(_ value: Int?) -> CellValue { value.map { .number(Double($0)) } ?? .empty }
        switch row.field {
        case .name: return city.name.translations[row.language ?? ""].map(CellValue.text) ?? .empty
        case .pinyin: return city.pinyin.map { .text($0.value) } ?? .empty
        case .country: return .text(city.country.value)
        case .region: return .text(city.region.value)
        case .population: return number(city.population?.value)
        case .populationYear: return number(city.populationYear?.value)
        case .joined: return number(city.joined?.value)
        case .latitude: return city.coordinates.map { .number($0.latitude) } ?? .empty
        case .longitude: return city.coordinates.map { .number($0.longitude) } ?? .empty
        case .website: return city.website.map { .text($0.value) } ?? .empty
        }
    }

    // MARK: Guide

    /// The Guide sheet: how to fill in the workbook, then what each column holds.
    public func guideSheet() -> SheetDesign {
        var rows: [[CellValue]] = [
            [.text(SheetText.guideTitle.text(in: language)), .text("")]
        ]
        for paragraph in SheetText.guideSteps(
            notAvailable: string("not_available"), reportingYear: reportingYear, dataSheet: dataSheetName,
            citySheet: citySheetName)
        {
            rows.append([.empty, .text(paragraph.text(in: language))])
        }
        rows.append([])
        rows.append([.text(SheetText.columnHeader.text(in: language)), .text(SheetText.meaningHeader.text(in: language))])
        for column in DataColumn.all(languages: languages) {
            rows.append([
                .text(column.header(in: language, languageName: languageName)),
                .text(SheetText.explanation(column, flags: flagExplanations, notAvailable: string("not_available")).text(in: language)),
            ])
        }
        return SheetDesign(
            sheet: Sheet(name: guideSheetName, rows: rows), columnWidths: [24, 100], protected: false, freezeHeader: false)
    }

    private var flagExplanations: String {
        ObservationFlag.allCases.map { "\(string("flag_\($0.rawValue)")) – \(string("flag_\($0.rawValue)_explained"))" }
            .joined(separator: "; ")
    }
}
